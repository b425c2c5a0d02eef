import ITACore
import Testing
@testable import ITAUI

/// Meeting mode's keys for what the official minutes need beyond the agenda: the place (`P`), why a
/// member is absent (`w`), guests (`+`), and which ระเบียบวาระ notes and decisions go under (`v`).
struct MinutesFactsTests {
    typealias F = DashboardFixture

    static func type(_ text: String, into s: inout MeetingState) {
        for scalar in text.unicodeScalars { _ = s.update(.key(.character(scalar))) }
    }

    @Test func placeReasonAndGuestsAreRecordedAndShown() {
        var s = MeetingTests.state()
        _ = s.update(.key(.character("*")))                        // everyone present
        _ = s.update(.key(.character("P")))
        Self.type("ห้องประชุม 1", into: &s)
        #expect(s.update(.key(.enter)) == [.record(.place("ห้องประชุม 1"))])
        // `w` on the second member (present): a reason marks them absent, and both are saved.
        _ = s.update(.key(.character("g")))
        _ = s.update(.key(.down))
        _ = s.update(.key(.character("w")))
        Self.type("ลาป่วย", into: &s)
        #expect(s.update(.key(.enter)) == [.record(.attendance([1, 3])), .record(.absence(memberID: 2, reason: "ลาป่วย"))])
        _ = s.update(.key(.character("+")))
        Self.type("นายแขก ผู้มาเยือน, ผู้แทนโรงเรียน", into: &s)
        #expect(s.update(.key(.enter)) == [.record(.guests(["นายแขก ผู้มาเยือน", "ผู้แทนโรงเรียน"]))])
        let screen = MeetingTests.text(s)
        #expect(screen.contains("[ ] นายน้ำใส ที่ดี") && screen.contains("— ลาป่วย"), "\(screen)")
        #expect(screen.contains("ณ ห้องประชุม 1") && screen.contains("นายแขก ผู้มาเยือน, ผู้แทนโรงเรียน"))
    }

    @Test func vChoosesTheMinutesItemForTheNextNotesAndDecisions() {
        var s = MeetingTests.state()
        _ = s.update(.key(.character("7")))                        // ฉ. decisions
        _ = s.update(.key(.character("v")))                        // 4 → 5
        _ = s.update(.key(.character("v")))                        // 5 → 1
        #expect(s.minutesItem == 1)
        #expect(MeetingTests.text(s).contains("ระเบียบวาระที่ 1 ประธานแจ้ง"))
        _ = s.update(.key(.character("c")))
        Self.type("ประธานแจ้งกำหนดการตรวจเยี่ยม", into: &s)
        #expect(s.update(.key(.enter)) == [.record(.entry(.note, .decisions, subject: nil, text: "ประธานแจ้งกำหนดการตรวจเยี่ยม", agendaItem: 1))])
        // Back round to 4: entries carry no item (the agenda's own).
        for _ in 0..<3 { _ = s.update(.key(.character("v"))) }
        #expect(s.minutesItem == 4)
        _ = s.update(.key(.character("d")))
        Self.type("เห็นชอบ", into: &s)
        #expect(s.update(.key(.enter)) == [.record(.entry(.decision, .decisions, subject: nil, text: "เห็นชอบ", agendaItem: nil))])
    }

    @Test func onlyRecordersMayAndAnEndedMeetingRefuses() {
        var follower = MeetingTests.state(as: F.owner)
        #expect(follower.update(.key(.character("P"))) == [])
        #expect(follower.prompt == nil && follower.message?.isError == true)
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        var closed = MeetingTests.state(meeting: ended)
        _ = closed.update(.key(.character("w")))
        #expect(closed.prompt == nil)
    }
}
