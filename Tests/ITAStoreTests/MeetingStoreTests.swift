import Foundation
import GRDB
import ITACore
import Testing
@testable import ITAStore

/// Meetings in a real database: who may record, action items as tasks, ending, and entries that
/// cannot be changed afterwards.
struct MeetingStoreTests {
    static let today = StoreFixture.today
    static let now = StoreFixture.now

    @Test func onlyTheChairAndSecretaryStartAndRecord() throws {
        let store = try StoreFixture.demoStore()
        let owner = try StoreFixture.author(store, "waraporn")
        #expect(throws: StoreError.denied(.coordinatorsOnly)) { try store.startMeeting(on: Self.today, by: owner, at: Self.now) }
        #expect(try store.meeting(on: Self.today) == nil)
        let secretary = try StoreFixture.author(store, "thanakorn")
        let meeting = try store.startMeeting(on: Self.today, by: secretary, at: Self.now)
        // Opening it again (a second terminal, a restart) finds the same meeting.
        #expect(try store.startMeeting(on: Self.today, by: secretary, at: Self.now).id == meeting.id)
        // An owner can read the meeting but not add to it.
        #expect(throws: StoreError.denied(.coordinatorsOnly)) {
            try store.addEntry(.note, section: .overdue, subject: "#3", text: "x", meeting: meeting.id, by: owner, at: Self.now)
        }
        #expect(throws: StoreError.denied(.notAMember(login: "visitor"))) {
            try store.setAttendees([1], meeting: meeting.id, by: Author(login: "visitor", member: nil))
        }
    }

    @Test func attendanceEntriesAndActionItemsAreStored() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let meeting = try store.startMeeting(on: Self.today, by: chair, at: Self.now)
        try store.setAttendees([1, 2, 3], meeting: meeting.id, by: chair)
        let note = try store.addEntry(.note, section: .overdue, subject: "#19", text: "รอผู้อำนวยการลงนาม", meeting: meeting.id, by: chair, at: Self.now)
        let decision = try store.addEntry(.decision, section: .overdue, subject: "#19", text: "ขยายเวลาถึง 30 พ.ย.", meeting: meeting.id,
                                          by: chair, at: Self.now)
        let tasksBefore = try store.tasks().count
        let due = CivilDate(iso: "2026-11-25")!
        let (entry, task) = try store.addActionItem(title: "ติดตามเอกสาร O3 กับกลุ่มกฎหมาย", target: .item("O3"), ownerID: 9, due: due,
                                                    section: .overdue, subject: "#19", meeting: meeting.id, by: chair, at: Self.now)
        #expect(task.id == Int64(tasksBefore + 1) && task.ownerID == 9 && task.due == due && task.status == .todo && task.target == .item("O3"))
        #expect(entry.taskID == task.id && entry.kind == .action)
        // The new task is a task like any other: listed, counted, in the audit log, and its owner may tick it.
        #expect(try store.tasks().count == tasksBefore + 1)
        #expect(try store.board(today: Self.today).tallies[.item("O3")]?.total == 4)
        let created = try #require(try store.log().last)
        #expect(created.action == .create && created.key == String(task.id) && created.field == "*")
        #expect(created.newValue?.contains("\"status\":\"todo\"") == true)
        #expect(try store.verify().isIntact)
        let owner = try StoreFixture.author(store, "nattida")
        #expect(try store.apply(.markDone(evidence: nil, note: nil), toTask: task.id, by: owner, at: Self.now).task.status == .done)

        let stored = try #require(try store.meeting(on: Self.today))
        #expect(stored.attendees == [1, 2, 3])
        #expect(stored.entries.map(\.id) == [note.id, decision.id, entry.id])
        #expect(stored.entries.map(\.kind) == [.note, .decision, .action])
        #expect(stored.entries[0].subject == "#19" && stored.entries[0].memberID == 1)
        #expect(try store.actionItems(before: CivilDate(iso: "2026-11-25")!).map(\.taskID) == [task.id])
        #expect(try store.actionItems(before: Self.today).isEmpty)
    }

    @Test func undoLeavesAnActionItemAlone() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        try store.apply(.start, toTask: 4, by: chair, at: Self.now)
        let meeting = try store.startMeeting(on: Self.today, by: chair, at: Self.now)
        let (_, task) = try store.addActionItem(title: "งานใหม่", target: .indicator(7), ownerID: 4, due: Self.today, section: .decisions,
                                                subject: nil, meeting: meeting.id, by: chair, at: Self.now)
        // `ita undo` reverses the chair's last change to a task, not the action item.
        let undone = try store.undoLastChange(by: chair, at: Self.now)
        #expect(!undone.isEmpty && undone.allSatisfy { $0.key == "4" })
        #expect(try store.task(id: task.id) != nil)
    }

    @Test func endingStoresTheSummaryAndASnapshotAndClosesTheRecord() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let meeting = try store.startMeeting(on: Self.today, by: chair, at: Self.now)
        try store.saveSectionSeconds(["attendance": 60, "overdue": 300], meeting: meeting.id, by: chair)
        let board = try store.board(today: Self.today)
        let summary = MeetingSummary(since: CivilDate(iso: "2026-11-11")!, previousMeeting: nil, nextMeeting: CivilDate(iso: "2026-11-25")!,
                                     scoreBefore: nil, scoreAfter: board.projection.total, grade: "C",
                                     done: [], overdue: [.init(id: 3, target: "2", title: "t", ownerID: 6, due: nil)], dueSoon: [], atRisk: [],
                                     surveys: [.init(tool: "IIT", count: 9, quota: 25)], surveyWindow: "surveys", followUps: [])
        let snapshot = ProgressSnapshot.take(board, tasks: try store.tasks(), kind: .meeting)
        let end = Timestamp(iso: "2026-11-18T11:05:00+07:00")!
        try store.endMeeting(meeting.id, sectionSeconds: ["attendance": 60, "overdue": 420], summary: summary, snapshot: snapshot, by: chair, at: end)
        let stored = try #require(try store.meeting(on: Self.today))
        #expect(stored.endedAt == end && stored.sectionSeconds == ["attendance": 60, "overdue": 420] && stored.summary == summary)
        #expect(try store.snapshots().filter { $0.kind == .meeting }.map(\.day) == [Self.today])
        // Once ended, nothing more is recorded, and the entries themselves cannot be changed.
        #expect(throws: StoreError.meetingEnded(day: Self.today)) {
            try store.addEntry(.decision, section: .decisions, subject: nil, text: "late", meeting: meeting.id, by: chair, at: end)
        }
        #expect(try store.meeting(before: CivilDate(iso: "2026-11-25")!)?.id == meeting.id)
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO meeting_entry (meeting_id, section, kind, text, at) VALUES (?, 'done', 'note', 'x', 'now')",
                           arguments: [meeting.id])
        }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE meeting_entry SET text = 'changed'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM meeting_entry") } }
    }

    @Test func theMeetingWeekdayAndLastChangeComeFromTheCommitteeFile() throws {
        let store = try StoreFixture.demoStore()
        #expect(try store.board(today: Self.today).assessment.meetingWeekday == 3)
        let plan = try StoreFixture.demoPlan()
        let stale = try #require(plan.lastChange.first)
        let changed = try store.lastChanged(dueFrom: Self.today, to: Self.today.adding(days: 400))
        let task = try #require(try store.task(id: stale.key))
        if task.status.isOpen, let due = task.due, due >= Self.today { #expect(changed[stale.key] == stale.value) }
        // Tasks the file says nothing about changed when the database was made.
        #expect(changed.values.contains(Self.today))
        let text = try StoreFixture.text("sample-data/committee-fy2566-example.yaml").replacingOccurrences(of: "meeting_weekday: wednesday", with: "meeting_weekday: วันศุกร์")
        let friday = try CommitteePlan.parse(text, file: "c.yaml", framework: try StoreFixture.fy2566(), today: Self.today, utcOffsetSeconds: 25200)
        #expect(friday.assessment.meetingWeekday == 5)
        let bad = text.replacingOccurrences(of: "meeting_weekday: วันศุกร์", with: "meeting_weekday: someday")
        #expect(throws: DataFileError.self) {
            try CommitteePlan.parse(bad, file: "c.yaml", framework: try StoreFixture.fy2566(), today: Self.today, utcOffsetSeconds: 25200)
        }
    }

    /// The official minutes' facts: place, reasons for absence, guests and each entry's ระเบียบวาระ are
    /// stored, sealed with the meeting when it ends, and refused afterwards; a rewrite is found.
    @Test func placeAbsenceGuestsAndMinutesItemsAreKeptAndSealed() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let meeting = try store.startMeeting(on: Self.today, by: chair, at: Self.now)
        try store.setAttendees([1, 2], meeting: meeting.id, by: chair)
        try store.setPlace("  ห้องประชุมใหญ่ ชั้น 3 ", meeting: meeting.id, by: chair)
        try store.setAbsenceReason("ลาป่วย", member: 3, meeting: meeting.id, by: chair)
        try store.setAbsenceReason("ติดราชการ", member: 4, meeting: meeting.id, by: chair)
        try store.setAbsenceReason("", member: 4, meeting: meeting.id, by: chair)       // cleared again
        try store.setGuests(["ผู้แทนโรงเรียน ก", " ", "ผู้แทนโรงเรียน ข"], meeting: meeting.id, by: chair)
        let announcement = try store.addEntry(.note, section: .done, subject: nil, text: "ประธานแจ้ง", meeting: meeting.id,
                                              agendaItem: MinutesItem.chairsAnnouncements, by: chair, at: Self.now)
        let agenda = try store.addEntry(.decision, section: .overdue, subject: nil, text: "เร่งรัด", meeting: meeting.id,
                                        agendaItem: MinutesItem.considered, by: chair, at: Self.now)
        #expect(throws: StoreError.self) {
            try store.addEntry(.note, section: .done, subject: nil, text: "x", meeting: meeting.id, agendaItem: 6, by: chair, at: Self.now)
        }
        let owner = try StoreFixture.author(store, "waraporn")
        #expect(throws: StoreError.denied(.coordinatorsOnly)) { try store.setPlace("x", meeting: meeting.id, by: owner) }

        let stored = try #require(try store.meeting(on: Self.today))
        #expect(stored.place == "ห้องประชุมใหญ่ ชั้น 3")
        #expect(stored.absenceReasons == [3: "ลาป่วย"])
        #expect(stored.guests == ["ผู้แทนโรงเรียน ก", "ผู้แทนโรงเรียน ข"])
        #expect(stored.entries.first { $0.id == announcement.id }?.item == 1)
        #expect(stored.entries.first { $0.id == agenda.id }?.agendaItem == nil, "วาระที่ 4 is stored as none")
        #expect(try store.verify().isIntact)

        let board = try store.board(today: Self.today)
        let summary = MeetingSummary(since: CivilDate(iso: "2026-11-11")!, previousMeeting: nil, nextMeeting: CivilDate(iso: "2026-11-25")!,
                                     scoreBefore: nil, scoreAfter: board.projection.total, grade: nil, done: [], overdue: [], dueSoon: [],
                                     atRisk: [], surveys: [], surveyWindow: nil, followUps: [])
        try store.endMeeting(meeting.id, sectionSeconds: [:], summary: summary,
                             snapshot: ProgressSnapshot.take(board, tasks: try store.tasks(), kind: .meeting), by: chair, at: Self.now)
        #expect(try store.verify().isIntact)
        #expect(throws: StoreError.meetingEnded(day: Self.today)) { try store.setPlace("อื่น", meeting: meeting.id, by: chair) }
        #expect(throws: StoreError.meetingEnded(day: Self.today)) { try store.setGuests([], meeting: meeting.id, by: chair) }
        // Around the trigger, by hand: the seal no longer matches.
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER meeting_is_sealed_once_ended")
            try db.execute(sql: "UPDATE meeting SET place = 'ที่อื่น' WHERE id = ?", arguments: [meeting.id])
        }
        try queue.close()
        #expect(try store.verify().problems.contains(.meetingAltered(day: Self.today.iso)))
    }
}
