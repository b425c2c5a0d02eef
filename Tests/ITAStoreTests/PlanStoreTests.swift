import Foundation
import ITACore
@testable import ITAStore
import Testing

/// Keeping the plan through the store: every change kind, its undo, and who may make it.
@Suite struct PlanStoreTests {
    let now = StoreFixture.now

    func fixture() throws -> (Store, chair: Author, secretary: Author, owner: Author, member: Author) {
        let store = try StoreFixture.demoStore()
        return (store, try StoreFixture.author(store, "pimchanok"), try StoreFixture.author(store, "thanakorn"),
                try StoreFixture.author(store, "waraporn"), try StoreFixture.author(store, "onuma"))
    }

    /// What the database holds that a plan change may touch, to compare before and after an undo.
    struct State: Equatable {
        var tasks: [WorkTask], members: [Member], owners: [TaskTarget: Int64], assessment: Assessment
    }

    func state(_ store: Store) throws -> State {
        let board = try store.board(today: StoreFixture.today)
        let tasks = try store.tasks() + store.tasks(TaskQuery(archived: true))
        return State(tasks: tasks.sorted { $0.id < $1.id }, members: board.members, owners: board.owners, assessment: board.assessment)
    }

    @Test func addingATaskPrintsItsIdAndItsOwnerIsTheTargets() throws {
        let (store, _, secretary, _, _) = try fixture()
        let result = try store.apply(.addTask(NewTask(title: "  สรุปผลจัดซื้อจัดจ้างเดือน ธ.ค.  ", target: .item("O12"), due: CivilDate(iso: "2026-12-19"))),
                                     by: secretary, at: now)
        let id = try #require(result.addedTaskIDs.first)
        let task = try #require(try store.task(id: id))
        #expect(task.title == "สรุปผลจัดซื้อจัดจ้างเดือน ธ.ค.")
        #expect(task.ownerID == (try store.member(login: "waraporn"))?.id)   // O12's owner
        // 19 Dec 2026 is a Saturday: a warning, not an error.
        #expect(result.warnings.contains(.weekend(CivilDate(iso: "2026-12-19")!)))
        #expect(try store.verify().isIntact)
        // Undo archives it: it leaves the lists but is not deleted.
        try store.undoLastChange(by: secretary, at: now)
        #expect(try store.tasks().contains { $0.id == id } == false)
        #expect(try store.tasks(TaskQuery(archived: true)).map(\.id) == [id])
        #expect(try store.verify().isIntact)
    }

    @Test func anItemWhoseOnlyTaskHasNoDueDateStillReads() throws {
        let (store, _, secretary, _, _) = try fixture()
        for task in try store.tasks().filter({ $0.target == .item("O12") }) {
            try store.apply(.archiveTask(id: task.id, reason: nil), by: secretary, at: now)
        }
        #expect(try store.board(today: StoreFixture.today).itemsWithoutTasks().contains("O12"))
        try store.apply(.addTask(NewTask(title: "ไม่มีกำหนด", target: .item("O12"))), by: secretary, at: now)
        let board = try store.board(today: StoreFixture.today)
        #expect(board.nearestDue["O12"] == nil && board.tallies[.item("O12")]?.total == 1)
        #expect(!board.itemsWithoutTasks().contains("O12"))
    }

    @Test func editingChangesEveryFieldAndUndoPutsThemBack() throws {
        let (store, chair, _, _, _) = try fixture()
        let task = try #require(try store.tasks().first { $0.target == .item("O12") })
        let before = try state(store)
        let board = try store.board(today: StoreFixture.today)
        let result = try store.apply(.editTask(id: task.id, TaskEdit(
            title: "เผยแพร่รายงานผลจัดซื้อ", target: .item("O13"), ownerLogin: "kittipat", due: .some(CivilDate(iso: "2026-12-25")),
            phase: .some("o"), note: "ย้ายตามมติที่ประชุม", recurs: .some(.monthly))), by: chair, at: now)
        #expect(Set(result.entries.map(\.field)) == ["title", "target", "owner_id", "due", "phase", "note", "recurs"])
        #expect(Set(result.entries.map(\.changeID)).count == 1)
        let after = try #require(try store.task(id: task.id))
        #expect(after.title == "เผยแพร่รายงานผลจัดซื้อ" && after.target == .item("O13") && after.phase == "O" && after.recurs == .monthly)
        // The tallies follow the target.
        let newBoard = try store.board(today: StoreFixture.today)
        #expect(newBoard.tallies[.item("O12"), default: .zero].total == board.tallies[.item("O12"), default: .zero].total - 1)
        #expect(newBoard.tallies[.item("O13"), default: .zero].total == board.tallies[.item("O13"), default: .zero].total + 1)
        #expect(try store.verify().isIntact)
        try store.undoLastChange(by: chair, at: now)
        #expect(try state(store) == before)
        #expect(try store.verify().isIntact)
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        let (store, chair, _, _, _) = try fixture()
        let task = try #require(try store.tasks().first)
        let audit = try store.lastAuditID()
        let cases: [(PlanChange, String)] = [
            (.editTask(id: task.id, TaskEdit(title: "   ")), "title"),
            (.editTask(id: task.id, TaskEdit(target: .item("O99"))), "target"),
            (.editTask(id: task.id, TaskEdit(ownerLogin: "nobody")), "owner"),
            (.editTask(id: task.id, TaskEdit(phase: .some("Z9"))), "phase"),
            (.editTask(id: task.id, TaskEdit(title: "ok", note: "bad\u{1B}[31m")), "note"),
            (.addTask(NewTask(title: "x", target: .indicator(42))), "target"),
            (.addMember(MemberDraft(login: "ผู้ใช้", name: "x", role: .owner)), "login"),
            (.addMember(MemberDraft(login: "waraporn", name: "x", role: .owner)), "login"),
            (.targetGrade("Z"), "grade"),
            (.estimate(tool: "OIT", score: 50), "tool"),
            (.lastYear(indicator: 1, score: 101), "score"),
            (.removeMilestone(key: "nope"), "key"),
            (.removeHoliday(CivilDate(iso: "2026-01-02")!), "date"),
        ]
        for (change, field) in cases {
            do {
                try store.apply(change, by: chair, at: now)
                Issue.record("accepted \(change)")
            } catch StoreError.invalid(let problem) {
                #expect(problem.field == field, "\(change)")
            }
        }
        // A two-change set whose second part is refused writes neither.
        #expect(throws: StoreError.self) {
            try store.apply([.editTask(id: task.id, TaskEdit(title: "ใหม่")), .targetGrade("Z")], by: chair, at: now)
        }
        #expect(try store.task(id: task.id)?.title == task.title)
        #expect(try store.lastAuditID() == audit)
    }

    @Test func archivedTasksLeaveEveryCountAndComeBack() throws {
        let (store, _, secretary, owner, _) = try fixture()
        let task = try #require(try store.tasks().first { $0.target == .item("O12") && $0.status != .done })
        let board = try store.board(today: StoreFixture.today)
        try store.apply(.archiveTask(id: task.id, reason: "ซ้ำกับงาน #1"), by: secretary, at: now)
        let archived = try #require(try store.task(id: task.id))
        #expect(archived.isArchived && archived.archiveReason == "ซ้ำกับงาน #1")
        #expect(try store.tasks().contains { $0.id == task.id } == false)
        #expect(try store.tasks(ids: [task.id]).isEmpty)
        #expect(try store.board(today: StoreFixture.today).tallies[.item("O12"), default: .zero].total
                == board.tallies[.item("O12"), default: .zero].total - 1)
        // Ticking an archived task is refused, even by its owner.
        #expect(throws: StoreError.self) { try store.apply(.start, toTask: task.id, by: owner, at: now) }
        try store.apply(.restoreTask(id: task.id), by: secretary, at: now)
        #expect(try store.board(today: StoreFixture.today).tallies == board.tallies)
        #expect(try store.verify().isIntact)
    }

    @Test func assigningMovesTheTargetAndOptionallyItsOpenTasks() throws {
        let (store, chair, _, _, _) = try fixture()
        let kittipat = try #require(try store.member(login: "kittipat"))
        let open = try store.tasks().filter { $0.target == .item("O12") && $0.status != .done }
        let done = try store.tasks().filter { $0.target == .item("O12") && $0.status == .done }
        try store.apply(.assign(.item("O12"), login: "kittipat", withOpenTasks: false), by: chair, at: now)
        #expect(try store.board(today: StoreFixture.today).owners[.item("O12")] == kittipat.id)
        #expect(try store.tasks().filter { $0.target == .item("O12") }.allSatisfy { $0.ownerID != kittipat.id })
        try store.apply(.assign(.item("O12"), login: "kittipat", withOpenTasks: true), by: chair, at: now)
        let after = try store.tasks().filter { $0.target == .item("O12") }
        #expect(after.filter { $0.status != .done }.allSatisfy { $0.ownerID == kittipat.id } && !open.isEmpty)
        #expect(after.filter { $0.status == .done }.map(\.ownerID) == done.map(\.ownerID))
        try store.undoLastChange(by: chair, at: now)
        try store.undoLastChange(by: chair, at: now)
        #expect(try store.board(today: StoreFixture.today).owners[.item("O12")] == (try store.member(login: "waraporn"))?.id)
        #expect(try store.verify().isIntact)
    }

    @Test func membersJoinChangeAndLeaveWithAHandOver() throws {
        let (store, _, secretary, _, _) = try fixture()
        try store.apply(.addMember(MemberDraft(login: "malee", name: "นางมาลี ทดลองดี", role: .owner, workGroup: "กลุ่มนโยบายและแผน")),
                        by: secretary, at: now)
        let malee = try #require(try store.member(login: "malee"))
        try store.apply(.editMember(login: "malee", MemberEdit(lineName: "มาลี แผนงาน")), by: secretary, at: now)
        #expect(try store.member(login: "malee")?.lineName == "มาลี แผนงาน")
        // Leaving while owning targets and open tasks is refused, naming them.
        do {
            try store.apply(.leaveMember(login: "waraporn", handOverTo: nil), by: secretary, at: now)
            Issue.record("left without a hand-over")
        } catch StoreError.invalid(let problem) {
            #expect(problem.field == "hand-over-to" && problem.problem.contains("O12") && problem.problem.contains("open tasks"))
        }
        let waraporn = try #require(try store.member(login: "waraporn"))
        try store.apply(.leaveMember(login: "waraporn", handOverTo: "malee"), by: secretary, at: now)
        #expect(try store.member(login: "waraporn") == nil)
        let board = try store.board(today: StoreFixture.today)
        #expect(board.members.first { $0.id == waraporn.id }?.name == waraporn.name)   // history keeps the name
        #expect(board.owners[.item("O12")] == malee.id)
        #expect(try store.tasks().filter { $0.status != .done }.allSatisfy { $0.ownerID != waraporn.id })
        #expect(try store.verify().isIntact)
        // A member who left may change nothing.
        #expect(throws: StoreError.self) {
            try store.apply(.addTask(NewTask(title: "x", target: .item("O12"))), by: Author(login: "waraporn", member: nil), at: now)
        }
    }

    @Test func undoReversesMemberChangesWhole() throws {
        let (store, _, secretary, _, _) = try fixture()
        let before = try state(store)
        try store.apply(.addMember(MemberDraft(login: "malee", name: "นางมาลี ทดลองดี", role: .owner)), by: secretary, at: now)
        try store.apply(.editMember(login: "kittipat", MemberEdit(role: .secretary, lineName: "กิตติ")), by: secretary, at: now)
        try store.apply(.leaveMember(login: "waraporn", handOverTo: "malee"), by: secretary, at: now)
        #expect(try state(store) != before)
        // The leave (owners, open tasks, the day she left), the edit, then the add: as it was.
        for _ in 0..<3 { try store.undoLastChange(by: secretary, at: now) }
        #expect(try state(store) == before)
        #expect(try store.member(login: "malee") == nil && store.member(login: "waraporn") != nil)
        #expect(try store.verify().isIntact)
        // Undoing the add is refused once the new member has work (the row is referenced).
        try store.apply(.addMember(MemberDraft(login: "malee", name: "นางมาลี ทดลองดี", role: .owner)), by: secretary, at: now)
        try store.apply(.assign(.item("O12"), login: "malee", withOpenTasks: true), by: secretary, at: now)
        try store.undoLastChange(by: secretary, at: now)   // the assign
        try store.undoLastChange(by: secretary, at: now)   // the add: nothing refers to her now
        #expect(try store.member(login: "malee") == nil)
    }

    @Test func milestonesHolidaysAndTheAssessment() throws {
        let (store, chair, _, _, _) = try fixture()
        let before = try state(store)
        let milestone = Milestone(key: "review-2", titleTH: "ทบทวนรอบสอง", titleEN: "Second review", due: CivilDate(iso: "2027-01-15")!,
                                  reminderOffsets: [7, 1], covers: ["O12"])
        try store.apply(.addMilestone(milestone), by: chair, at: now)
        var moved = milestone
        moved.due = CivilDate(iso: "2027-01-22")!
        try store.apply(.editMilestone(key: "review-2", moved), by: chair, at: now)
        #expect(try store.board(today: StoreFixture.today).assessment.milestones.first { $0.key == "review-2" }?.due == moved.due)
        try store.apply(.addHoliday(Holiday(date: CivilDate(iso: "2027-01-05")!, name: "วันสิ้นปี")), by: chair, at: now)
        try store.apply(.estimate(tool: "IIT", score: 91.5), by: chair, at: now)
        try store.apply(.lastYear(indicator: 1, score: 88), by: chair, at: now)
        try store.apply(.targetGrade("AA"), by: chair, at: now)
        try store.apply(.quota(tool: "EIT", count: 400), by: chair, at: now)
        let assessment = try store.board(today: StoreFixture.today).assessment
        #expect(assessment.estimates["IIT"] == 91.5 && assessment.lastYearScores[1] == 88 && assessment.targetGrade == "AA")
        #expect(assessment.respondents["EIT"]?.quota == 400 && assessment.holidays.contains { $0.name == "วันสิ้นปี" })
        try store.apply(.removeMilestone(key: "review-2"), by: chair, at: now)
        // Seven changes, seven undos, and everything is as it was.
        for _ in 0..<8 { try store.undoLastChange(by: chair, at: now) }
        #expect(try state(store) == before)
        #expect(try store.verify().isIntact)
    }

    @Test func aSaveOnATaskSomeoneChangedSinceIsRefused() throws {
        let (store, chair, secretary, _, _) = try fixture()
        let seen = try #require(try store.tasks().first { $0.status == .todo })
        try store.apply(.start, toTask: seen.id, by: secretary, at: now)
        #expect(throws: StoreError.editConflict(taskID: seen.id, by: "นายธนากร ใจดีงาม", at: now)) {
            try store.apply(.editTask(id: seen.id, TaskEdit(title: "ชื่อใหม่", expected: seen)), by: chair, at: now)
        }
        #expect(try store.task(id: seen.id)?.title == seen.title)
        let fresh = try #require(try store.task(id: seen.id))
        try store.apply(.editTask(id: seen.id, TaskEdit(title: "ชื่อใหม่", expected: fresh)), by: chair, at: now)
        #expect(try store.task(id: seen.id)?.title == "ชื่อใหม่")
    }

    @Test func recurringWorkMakesTheNextOccurrenceOneAtATime() throws {
        let (store, _, secretary, owner, _) = try fixture()
        let added = try store.apply(.addTask(NewTask(title: "สรุปผลจัดซื้อจัดจ้างประจำเดือน", target: .item("O12"),
                                                     due: CivilDate(iso: "2026-11-30"), recurs: .monthly)), by: secretary, at: now)
        let id = try #require(added.addedTaskIDs.first)
        let done = try store.apply(.markDone(evidence: nil, note: nil), toTask: id, by: owner, at: now)
        let next = try #require(done.next)
        #expect(next.due == CivilDate(iso: "2026-12-30") && next.recurs == .monthly && next.ownerID == done.task.ownerID)
        #expect(try store.task(id: id)?.recurs == nil)   // the recurrence moved on
        // Done again: nothing more is made.
        let again = try store.apply(.markDone(evidence: nil, note: nil), toTask: id, by: owner, at: now)
        #expect(again.next == nil)
        // An occurrence that would fall in the past waits for a yes.
        let old = try store.apply(.addTask(NewTask(title: "รายงานรอบหกเดือน", target: .item("O12"), due: CivilDate(iso: "2026-01-31"),
                                                   recurs: .quarterly)), by: secretary, at: now)
        let late = try store.apply(.markDone(evidence: nil, note: nil), toTask: old.addedTaskIDs[0], by: owner, at: now)
        #expect(late.next == nil && late.pendingNext == CivilDate(iso: "2026-04-30"))
        let confirmed = try store.apply(.markDone(evidence: nil, note: nil), toTask: old.addedTaskIDs[0], by: owner, at: now, confirmRecurrence: true)
        #expect(confirmed.next?.due == CivilDate(iso: "2026-04-30"))
        #expect(try store.verify().isIntact)
    }

    @Test func exportIsByteStableAndApplyingItChangesNothing() throws {
        let (store, chair, secretary, _, _) = try fixture()
        // A plan with some history: an added recurring task with a key, an archived one, a member who left.
        try store.apply(.addTask(NewTask(title: "สรุปผล \"จัดซื้อ\" \\ ประจำเดือน\nบรรทัดสอง", target: .item("O12"), due: CivilDate(iso: "2026-12-30"),
                                         recurs: .monthly, key: "procure-monthly")), by: secretary, at: now)
        try store.apply(.archiveTask(id: 3, reason: nil), by: secretary, at: now)
        try store.apply(.addMember(MemberDraft(login: "malee", name: "นางมาลี ทดลองดี", role: .owner)), by: chair, at: now)
        try store.apply(.leaveMember(login: "panuwat", handOverTo: nil), by: chair, at: now)
        let export = try store.exportPlan()
        #expect(try store.exportPlan() == export)
        let framework = try StoreFixture.fy2566()
        let plan = try CommitteePlan.parse(export, file: "export.yaml", framework: framework, today: StoreFixture.today, utcOffsetSeconds: 7 * 3600)
        let (changes, notes) = try store.planChanges(for: plan)
        #expect(changes.isEmpty, "\(changes)")
        #expect(notes.isEmpty, "\(notes)")
        // A database made from the export exports the same file.
        let copy = try Store.create(at: StoreFixture.temporaryDirectory() + "/copy.sqlite", framework: framework, plan: plan, now: now)
        #expect(try copy.exportPlan() == export)
    }

    @Test func applyingAChangedFileIsOneUndoableChangeSet() throws {
        let (store, _, secretary, _, _) = try fixture()
        let framework = try StoreFixture.fy2566()
        let before = try state(store)
        let export = try store.exportPlan()
        var lines = export.components(separatedBy: "\n")
        let done = try #require(lines.firstIndex { $0.contains("status: in_progress") })
        lines[done] = lines[done].replacingOccurrences(of: "status: in_progress", with: "status: done")
        let removed = try #require(lines.lastIndex { $0.hasPrefix("  - {title:") && !$0.contains("status: done") && $0 != lines[done] })
        lines.remove(at: removed)
        // A task entry with no status leaves a done task done.
        let keepDone = try #require(lines.firstIndex { $0.contains("status: done, phase") })
        lines[keepDone] = lines[keepDone].replacingOccurrences(of: "status: done, ", with: "")
        lines.insert("  - {key: new-1, title: \"งานใหม่จากไฟล์\", target: O12, due: 2569-12-25}", at: lines.count - 1)
        let plan = try CommitteePlan.parse(lines.joined(separator: "\n"), file: "c.yaml", framework: framework, today: StoreFixture.today,
                                           utcOffsetSeconds: 7 * 3600)
        let (changes, _) = try store.planChanges(for: plan)
        #expect(changes.filter { if case .addTask = $0 { return true }; return false }.count == 1)
        #expect(changes.filter { if case .archiveTask = $0 { return true }; return false }.count == 1)
        #expect(changes.filter { if case .editTask = $0 { return true }; return false }.count == 1)
        // The dry run writes nothing.
        let audit = try store.lastAuditID()
        let dry = try store.apply(changes, by: secretary, at: now, action: .plan, dryRun: true)
        #expect(try store.lastAuditID() == audit && !dry.entries.isEmpty)
        let applied = try store.apply(changes, by: secretary, at: now, action: .plan)
        #expect(applied.entries.count == dry.entries.count && Set(applied.entries.map(\.changeID)).count == 1)
        #expect(try store.planChanges(for: plan).changes.isEmpty)
        #expect(try store.verify().isIntact)
        try store.undoLastChange(by: secretary, at: now)
        var undone = try state(store)
        // The task the file added stays, archived (tasks are never deleted).
        undone.tasks.removeAll { $0.key == "new-1" && $0.isArchived }
        #expect(undone == before)
    }

    /// Every cell of README's "Who may change what" table, tried through the store.
    @Test func thePermissionTableInTheREADMEHolds() throws {
        let readme = try StoreFixture.text("README.md")
        guard let start = readme.range(of: "<!-- permissions -->"), let end = readme.range(of: "<!-- /permissions -->") else {
            Issue.record("README has no permissions table")
            return
        }
        let rows = readme[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == ChangeKind.allCases.count)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let kind = try #require(ChangeKind(rawValue: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
            for (index, login) in ["pimchanok", "thanakorn", "waraporn", "onuma"].enumerated() {
                let expected = cells[2 + index].hasPrefix("✓") ? true : cells[2 + index].hasPrefix("own") ? true : false
                let allowed = try attempt(kind, as: login)
                #expect(allowed == expected, "\(kind) as \(login)")
                if cells[2 + index].hasPrefix("own") {
                    #expect(try attempt(kind, as: login, onOwn: false) == false, "\(kind) as \(login) on another's")
                }
            }
        }
    }

    /// Tries one change of `kind` as `login` on a fresh database (on their own task or target, or on
    /// someone else's); whether the store allowed it.
    func attempt(_ kind: ChangeKind, as login: String, onOwn: Bool = true) throws -> Bool {
        let store = try StoreFixture.demoStore()
        let author = try StoreFixture.author(store, login)
        let me = author.member!
        let tasks = try store.tasks().filter { $0.status == .todo }
        let task = onOwn ? (tasks.first { $0.ownerID == me.id } ?? tasks[0]) : tasks.first { $0.ownerID != me.id }!
        let board = try store.board(today: StoreFixture.today)
        let ownTarget = onOwn ? (board.owners.first { $0.value == me.id }?.key ?? .item("O12")) : board.owners.first { $0.value != me.id }!.key
        do {
            switch kind {
            case .status: try store.apply(.start, toTask: task.id, by: author, at: now)
            case .evidence: try store.apply(.setEvidence(["https://example.go.th/a"]), toTask: task.id, by: author, at: now)
            case .note: try store.apply(.setNote("ok"), toTask: task.id, by: author, at: now)
            case .addTask: try store.apply(.addTask(NewTask(title: "งานใหม่", target: ownTarget)), by: author, at: now)
            case .editTask: try store.apply(.editTask(id: task.id, TaskEdit(title: "ชื่อใหม่")), by: author, at: now)
            case .archive: try store.apply(.archiveTask(id: task.id, reason: nil), by: author, at: now)
            case .restore: try store.apply(.restoreTask(id: task.id), by: author, at: now)
            case .assign: try store.apply(.assign(.item("O1"), login: "anucha", withOpenTasks: false), by: author, at: now)
            case .members: try store.apply(.addMember(MemberDraft(login: "newcomer", name: "ผู้มาใหม่", role: .member)), by: author, at: now)
            case .milestones: try store.apply(.removeMilestone(key: board.assessment.milestones[0].key), by: author, at: now)
            case .holidays: try store.apply(.addHoliday(Holiday(date: CivilDate(iso: "2027-01-05")!, name: "สิ้นปี")), by: author, at: now)
            case .assessment: try store.apply(.targetGrade("A"), by: author, at: now)
            case .respondents: try store.setRespondents(tool: "IIT", count: 5, by: author, at: now)
            case .meeting: _ = try store.startMeeting(on: StoreFixture.today, by: author, at: now)
            }
            return true
        } catch StoreError.denied {
            return false
        }
    }
}

/// The board's counts come from the trigger-kept tallies and index seeks; they must equal a recount of
/// the tasks themselves, archived ones left out, on any day.
@Suite struct BoardRecountTests {
    @Test func overdueAndNearestDueEqualARecount() throws {
        let store = try StoreFixture.demoStore()
        let secretary = try StoreFixture.author(store, "thanakorn")
        let tasks = try store.tasks(TaskQuery())
        // Archive every fifth task, open or not: archived tasks count nowhere.
        for task in tasks.enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) {
            try store.apply(.archiveTask(id: task.id, reason: nil), by: secretary, at: StoreFixture.now)
        }
        let live = try store.tasks(TaskQuery())
        #expect(live.count < tasks.count && live.allSatisfy { $0.archivedAt == nil })
        // Days on which tasks fall due (a task due today is not overdue), and days between.
        let dues = Set(live.compactMap(\.due)).sorted()
        let days = [dues[0], dues[dues.count / 3], dues[dues.count / 2], dues[dues.count / 2].adding(days: 1), dues.last!]
        for today in days { try recount(store, live, today) }
    }

    func recount(_ store: Store, _ live: [WorkTask], _ today: CivilDate) throws {
        let board = try store.board(today: today)
        var overdue: [TaskTarget: Int] = [:], total: [TaskTarget: Int] = [:], nearest: [String: CivilDate] = [:]
        for task in live {
            total[task.target, default: 0] += 1
            if task.status.isOpen, let due = task.due, due < today { overdue[task.target, default: 0] += 1 }
            if task.status.isOpen, let due = task.due, case .item(let code) = task.target { nearest[code] = min(due, nearest[code] ?? due) }
        }
        #expect(board.tallies.mapValues(\.total).filter { $0.value > 0 } == total)
        #expect(board.tallies.mapValues(\.overdue).filter { $0.value > 0 } == overdue)
        #expect(board.nearestDue == nearest)
        #expect(overdue.values.reduce(0, +) > 0 || today == live.compactMap(\.due).min())
    }
}
