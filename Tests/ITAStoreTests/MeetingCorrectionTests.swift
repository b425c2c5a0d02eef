import Foundation
import GRDB
import ITACore
import Testing
@testable import ITAStore

/// A note or decision recorded at a meeting is corrected by a new entry that supersedes it: nothing
/// recorded changes, the chain still verifies, and what stands is the latest text.
struct MeetingCorrectionTests {
    static let today = StoreFixture.today
    static let now = StoreFixture.now

    @Test func aCorrectionSupersedesAndTheLatestTextStands() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let meeting = try store.startMeeting(on: Self.today, by: chair, at: Self.now)
        let note = try store.addEntry(.note, section: .overdue, subject: "#19", text: "รอผู้อำนวยการลงนม", meeting: meeting.id, by: chair, at: Self.now)
        let decision = try store.addEntry(.decision, section: .overdue, subject: nil, text: "ขยายเวลาถึง 30 พ.ย.", meeting: meeting.id, by: chair, at: Self.now)
        let fixed = try store.correctEntry(note.id, text: "รอผู้อำนวยการลงนาม", meeting: meeting.id, by: chair, at: Self.now)
        #expect(fixed.supersedes == note.id && fixed.subject == "#19" && fixed.section == .overdue && fixed.kind == .note)
        // Corrected once: correcting the same entry again is refused; the correction itself can be corrected.
        #expect(throws: StoreError.self) { try store.correctEntry(note.id, text: "x", meeting: meeting.id, by: chair, at: Self.now) }
        let again = try store.correctEntry(fixed.id, text: "รอผู้อำนวยการลงนาม (แจ้งแล้ว)", meeting: meeting.id, by: chair, at: Self.now)
        #expect(try store.verify().isIntact)

        let stored = try #require(try store.meeting(on: Self.today))
        #expect(stored.entries.count == 4, "every version is kept")
        #expect(stored.currentEntries.map(\.id) == [again.id, decision.id], "the latest text, in the first one's place")
        #expect(stored.currentEntries.map(\.text) == ["รอผู้อำนวยการลงนาม (แจ้งแล้ว)", "ขยายเวลาถึง 30 พ.ย."])
        // Nothing recorded can change, corrections included.
        #expect(throws: (any Error).self) {
            try DatabaseQueue(path: store.path).write { try $0.execute(sql: "UPDATE meeting_entry SET text = 'x' WHERE id = ?", arguments: [again.id]) }
        }
    }

    @Test func actionItemsAndOtherMeetingsEntriesAreNotCorrectedHere() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let meeting = try store.startMeeting(on: Self.today, by: chair, at: Self.now)
        let (entry, _) = try store.addActionItem(title: "โทรประสาน", target: .item("O3"), ownerID: 9, due: CivilDate(iso: "2026-11-25")!,
                                                 section: .overdue, subject: nil, meeting: meeting.id, by: chair, at: Self.now)
        #expect(throws: StoreError.self) { try store.correctEntry(entry.id, text: "x", meeting: meeting.id, by: chair, at: Self.now) }
        #expect(throws: StoreError.self) { try store.correctEntry(999, text: "x", meeting: meeting.id, by: chair, at: Self.now) }
        let owner = try StoreFixture.author(store, "waraporn")
        let note = try store.addEntry(.note, section: .overdue, subject: nil, text: "ก", meeting: meeting.id, by: chair, at: Self.now)
        #expect(throws: StoreError.denied(.coordinatorsOnly)) { try store.correctEntry(note.id, text: "x", meeting: meeting.id, by: owner, at: Self.now) }
        #expect(try store.meeting(on: Self.today)?.entries.count == 2)
    }
}
