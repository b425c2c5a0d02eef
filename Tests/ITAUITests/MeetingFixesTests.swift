import ITACore
import Testing
@testable import ITAUI

/// What tripped people up in meeting mode.
@Suite struct MeetingFixesTests {
    typealias F = DashboardFixture

    static func state(tasks: [WorkTask] = F.tasks, meeting: Meeting? = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started),
                      viewer: Member? = F.chair) -> MeetingState {
        let data = MeetingData(board: F.board(tasks: tasks), tasks: tasks, meeting: meeting, previous: nil, number: 3, scoreBefore: 60,
                               lastChanged: [:], earlierActions: [])
        return MeetingState(data: data, language: .th, size: Size(width: 120, height: 40), viewer: viewer, login: viewer?.login ?? "x")
    }

    /// Seven `j` in section ข landed on #19 instead of #31: the owner headings were rows of their own.
    @Test func ownerHeadingsAreNeverSelected() {
        let late = [WorkTask(id: 20, title: "ก", target: .item("O2"), ownerID: 3, due: F.date("2026-11-01")),
                    WorkTask(id: 21, title: "ข", target: .item("O2"), ownerID: 3, due: F.date("2026-11-02")),
                    WorkTask(id: 22, title: "ค", target: .item("O3"), ownerID: 1, due: F.date("2026-11-03"))]
        var s = Self.state(tasks: F.tasks + late)
        _ = s.update(.key(.character("3")))                    // ข overdue
        let rows = s.agenda.rows(.overdue)
        #expect(rows.contains { if case .owner = $0 { true } else { false } })
        let taskRows = rows.compactMap(\.task).map(\.id)
        var visited: [Int64] = []
        for _ in 0..<(rows.count + 3) {
            #expect(!s.isHeading(s.cursor))
            if let id = s.selectedRow?.task?.id, visited.last != id { visited.append(id) }
            _ = s.update(.key(.character("j")))
        }
        #expect(visited == taskRows, "j visits every task once, in order, and nothing else")
        for _ in 0..<(rows.count + 3) { _ = s.update(.key(.character("k"))); #expect(!s.isHeading(s.cursor)) }
    }

    /// A general decision was tagged with whatever row happened to be selected.
    @Test func aNoteIsLinkedOnlyToWhatItsLineNames() {
        var s = Self.state()
        _ = s.update(.key(.character("3")))
        _ = s.update(.key(.character("c")))
        #expect(s.prompt?.text == "#2 ")                         // the link is on the line, to keep or delete
        for c in "รอเอกสาร".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.record(.entry(.note, .overdue, subject: "#2", text: "รอเอกสาร"))])
        // Deleting the link makes a general decision.
        _ = s.update(.key(.character("d")))
        for _ in 0..<3 { _ = s.update(.key(.backspace)) }
        for c in "ประชุมทุกวันพุธต่อไป".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.record(.entry(.decision, .overdue, subject: nil, text: "ประชุมทุกวันพุธต่อไป"))])
        // Naming an item links to it, whatever row is selected.
        _ = s.update(.key(.character("c")))
        for _ in 0..<3 { _ = s.update(.key(.backspace)) }
        for c in "O3 ตรวจแล้ว".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.record(.entry(.note, .overdue, subject: "O3", text: "ตรวจแล้ว"))])
    }

    @Test func afterTheEndOnlyViewingKeysAreOffered() {
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        let s = Self.state(meeting: ended)
        let hints = s.render().trimmedLines[38]
        #expect(hints.contains("n วาระถัดไป") && hints.contains("q ออก"), "\(hints)")
        for recording in ["c บันทึก", "d มติ", "a มอบหมายงาน", "r แก้ไข", "E ปิดประชุม"] { #expect(!hints.contains(recording), "\(hints)") }
        let open = Self.state().render().trimmedLines.joined(separator: "\n")
        #expect(open.contains("Space มา/ไม่มา"))
    }

    /// A closed meeting's read-only view showed today's data; its minutes were right. Now both show what it saw.
    @Test func aClosedMeetingShowsTheAgendaItKept() {
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        let kept = MeetingSummary.TaskLine(id: 99, target: "O2", title: "งานที่ประชุมเห็นในวันนั้น", ownerID: 3, due: F.date("2026-11-01"))
        ended.summary = MeetingSummary(since: F.date("2026-11-11"), previousMeeting: nil, nextMeeting: F.date("2026-11-25"), scoreBefore: 50,
                                       scoreAfter: 55.5, grade: "F", done: [], overdue: [kept], dueSoon: [], atRisk: [], surveys: [],
                                       surveyWindow: nil, followUps: [])
        var s = Self.state(meeting: ended)
        _ = s.update(.key(.character("3")))                    // ข overdue
        let text = s.render().trimmedLines.joined(separator: "\n")
        #expect(text.contains("#99") && text.contains("งานที่ประชุมเห็นในวันนั้น"), "\(text)")
        #expect(!text.contains("เผยแพร่ O1 บนเว็บไซต์"), "today's overdue task #2 was not on that meeting's agenda")
        #expect(s.selectedRow?.task?.id == 99)
        _ = s.update(.key(.character("2")))                    // ก done: the score it recorded
        #expect(s.render().trimmedLines.joined(separator: "\n").contains("55.50"))
    }

    /// The clock read 1:27 at the close and 1:23 on reopening: the shown time was the live one, the stored one whole seconds.
    @Test func oneClockAtTheCloseAndOnReopening() {
        var s = Self.state()
        _ = s.update(.tick(at: 0.4))
        for t in stride(from: 1.7, through: 60, by: 1.3) { _ = s.update(.tick(at: t)) }
        _ = s.update(.key(.character("n")))
        for t in stride(from: 61.1, through: 100, by: 0.9) { _ = s.update(.tick(at: t)) }
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        ended.sectionSeconds = s.wholeSeconds
        _ = s.update(.ended(ended))
        let atClose = s.render().trimmedLines[0]
        let reopened = Self.state(meeting: ended).render().trimmedLines[0]
        #expect(s.totalSeconds == ended.sectionSeconds.values.reduce(0, +))
        #expect(atClose.contains("⏱ 1:3") && atClose.suffix(20) == reopened.suffix(20), "\(atClose) | \(reopened)")
    }
}

@Suite struct MeetingStepRowTests {
    /// At 80 columns the step row lost its labels (only the step on show had one).
    @Test func everyStepKeepsAShortLabelAt80Columns() {
        var s = MeetingFixesTests.state()
        for size in [Size(width: 80, height: 24), Size(width: 60, height: 20)] {
            _ = s.update(.resized(size))
            let row = s.render().trimmedLines[2]
            for letter in ["ก", "ข", "ค", "ง", "จ", "ฉ"] { #expect(row.contains(" \(letter)"), "\(size.width): \(row)") }
            #expect(row.displayWidth <= size.width)
        }
    }
}

/// A recorded note or decision is corrected by a new entry; the agenda and the minutes show the current text.
@Suite struct MeetingCorrectionUITests {
    typealias F = DashboardFixture

    @Test func rCorrectsTheNoteOnTheSelectedRowWithItsTextToEdit() {
        var meeting = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        meeting.attendees = [1]
        var s = MeetingFixesTests.state(meeting: meeting)
        _ = s.update(.key(.character("3")))                                // ข overdue, task #2 selected
        let subject = s.selectedRow?.subject(members: s.board.members)
        #expect(subject == "#2")
        // Nothing yet to correct.
        #expect(s.update(.key(.character("r"))).isEmpty)
        #expect(s.message?.text == s.language.meeting.nothingToCorrect)
        let note = MeetingEntry(id: 40, section: .overdue, kind: .note, subject: "#2", text: "รอเอกสร", memberID: 1, at: MeetingTests.started)
        _ = s.update(.recorded(note, nil))
        _ = s.update(.key(.character("r")))
        #expect(s.prompt?.kind == .correction(note) && s.prompt?.text == "รอเอกสร")
        _ = s.update(.key(.backspace))
        _ = s.update(.key(.backspace))
        for c in "สาร".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.record(.correction(of: 40, text: "รอเอกสาร"))])
        // Stored: the agenda shows the new text, marked, and not the old.
        let fixed = MeetingEntry(id: 41, section: .overdue, kind: .note, subject: "#2", text: "รอเอกสาร", memberID: 1, at: MeetingTests.started,
                                 supersedes: 40)
        _ = s.update(.recorded(fixed, nil))
        let text = s.render().trimmedLines.joined(separator: "\n")
        #expect(text.contains("รอเอกสาร (แก้ไข)") && !text.contains("รอเอกสร"), "\(text)")
        // Correcting again supersedes the correction.
        _ = s.update(.key(.character("r")))
        #expect(s.prompt?.kind == .correction(fixed))
    }

    @Test func theMinutesShowTheCurrentTextMarked() {
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        ended.entries = [
            MeetingEntry(id: 1, section: .decisions, kind: .decision, subject: nil, text: "ประชุมทุกวันพฤหัส", memberID: 1, at: MeetingTests.started),
            MeetingEntry(id: 2, section: .decisions, kind: .decision, subject: nil, text: "ส่งงานก่อนเที่ยง", memberID: 1, at: MeetingTests.started),
            MeetingEntry(id: 3, section: .decisions, kind: .decision, subject: nil, text: "ประชุมทุกวันพุธ", memberID: 1, at: MeetingTests.started,
                         supersedes: 1),
        ]
        let summary = MeetingSummary(since: F.date("2026-11-11"), previousMeeting: nil, nextMeeting: F.date("2026-11-25"), scoreBefore: 50,
                                     scoreAfter: 55.5, grade: "F", done: [], overdue: [], dueSoon: [], atRisk: [], surveys: [],
                                     surveyWindow: nil, followUps: [])
        let minutes = MinutesText.document(ended, summary: summary, number: 3, board: F.board(), tasks: [:], language: .th).plainText
        let first = minutes.range(of: "ประชุมทุกวันพุธ (แก้ไข)")
        let second = minutes.range(of: "ส่งงานก่อนเที่ยง")
        #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound, "in the first one's place: \(minutes)")
        #expect(!minutes.contains("พฤหัส"))
    }
}
