import Foundation
import GRDB
import ITACore
import ITAServer
@testable import ITAStore
import Testing

/// The two backends of `OfficeStore`.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// One committee, made by `ita init` from the demo committee file with logins unique to the test: as an
/// SQLite file, and (moved there by `ita admin import-office`) as an office on the test server.
struct TestOffice {
    let suffix: String
    let file: String
    let server: ServerCluster.Database?
    let code: String
    let today = CivilDate(year: 2026, month: 12, day: 2)!
    /// Thailand's offset, as a POSIX TZ (no time-zone data needed) for `ita init` and as the stores' offset.
    static let offset = 7 * 3600

    func login(_ name: String) -> String { "\(name)_\(suffix)" }

    /// `into`: a server database that already has other offices (else a new one).
    static func make(on backend: Backend, into existing: ServerCluster.Database? = nil) throws -> TestOffice {
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let directory = NSTemporaryDirectory() + "ita-contract-\(suffix)"
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../sample-data").standardized.path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: samples + "/holidays", toPath: directory + "/holidays")
        // Every login of the committee file, made unique to this test (roles are the whole cluster's).
        var committee = try String(contentsOfFile: samples + "/committee-demo.yaml", encoding: .utf8)
        let logins = committee.matches(of: /login: ([a-z]+)/).map { String($0.1) }
        for login in logins { committee = committee.replacing(try Regex("\\b\(login)\\b"), with: "\(login)_\(suffix)") }
        try committee.write(toFile: directory + "/committee.yaml", atomically: true, encoding: .utf8)
        let code = "OFF-\(suffix)"
        let file = directory + "/\(code).sqlite"   // `ita rollup FILE…` names an office by its file
        let made = try ITABinary.run(["init", "--framework", samples + "/frameworks/fy2570.yaml", "--committee", directory + "/committee.yaml",
                                      "--db", file, "--today", "2026-12-02"], environment: ["TZ": "<+07>-7"])
        guard made.status == 0 else { throw PGError(sqlState: nil, message: "ita init: \(made.stderr)") }
        guard backend == .postgres else { return TestOffice(suffix: suffix, file: file, server: nil, code: code) }
        let server = try existing ?? ServerCluster.database()
        let imported = try ITABinary.run(["admin", "import-office", file, "--office", code, "--db", server.adminConninfo])
        guard imported.status == 0 else { throw PGError(sqlState: nil, message: "import: \(imported.stderr)") }
        return TestOffice(suffix: suffix, file: file, server: server, code: code)
    }

    /// The office as `name` (a login of the committee file, without the suffix) opens it.
    func open(_ backend: Backend, as name: String, readOnly: Bool = false) throws -> any OfficeStore {
        switch backend {
        case .sqlite: return try Store.open(at: file, readOnly: readOnly)
        case .postgres:
            return try ServerStore.open(ServerCluster.replacing(["user": login(name), "dbname": server!.name]), office: code,
                                        utcOffsetSeconds: Self.offset, readOnly: readOnly)
        }
    }

    func author(_ name: String, in store: any OfficeStore) throws -> Author {
        Author(login: login(name), member: try store.member(login: login(name)))
    }

    var now: Timestamp { Timestamp(secondsSince1970: Int64(today.dayNumber) * 86_400 + 3 * 3600, utcOffsetSeconds: Self.offset) }

    /// The file as `ita init` made it, read-only: what both backends must agree with.
    func original() throws -> Store { try Store.open(at: file, readOnly: true) }
}

/// The `OfficeStore` contract, the same assertions on SQLite and on PostgreSQL.
@Suite(.serialized, .enabled(if: ServerCluster.available, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
struct ContractTests {
    @Test(arguments: Backend.allCases)
    func readsTheCommitteeAsTheFileHoldsIt(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "pimchanok")
        let file = try office.original()
        #expect(store.readOnlyReason == nil)
        let board = try store.board(today: office.today)
        #expect(board == (try file.board(today: office.today)))
        let total = board.tallies.values.reduce(0) { $0 + $1.total }
        #expect(total == (try file.tasks().count) && total > 50 && board.members.count == 12, "\(total) tasks, \(board.members.count) members")
        #expect(board.assessment.milestones.count > 0 && !board.assessment.holidays.isEmpty && !board.dueGroups.isEmpty)
        #expect(try store.framework() == (try file.framework()))
        #expect(try store.members() == (try file.members()))

        let owner = try #require(try store.member(login: office.login("waraporn")))
        let day = office.today
        let queries: [TaskQuery] = [
            TaskQuery(), TaskQuery(ownerID: owner.id), TaskQuery(indicator: 9), TaskQuery(item: "O11"), TaskQuery(status: .blocked),
            TaskQuery(overdueOn: day), TaskQuery(dueWithin: day...day.adding(days: 14)), TaskQuery(archived: true),
        ]
        for query in queries {
            let tasks = try store.tasks(query)
            #expect(tasks == (try file.tasks(query)), "\(query)")
            #expect(tasks.map(\.id) == tasks.map(\.id).sorted())
        }
        #expect(try store.tasks(TaskQuery(ownerID: owner.id)).allSatisfy { $0.ownerID == owner.id })
        let overdue = try store.tasks(TaskQuery(overdueOn: day))
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.status.isOpen && $0.due! < day })
        #expect(try store.tasks(ids: [3, 1, 99_999]).map(\.id) == [1, 3])
        #expect(try store.task(id: 5) == (try file.task(id: 5)))
        #expect(try store.task(id: 99_999) == nil)
    }

    @Test(arguments: Backend.allCases)
    func anOwnerTicksTheirTaskAndTheChangeIsRecordedOnce(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "waraporn")
        let author = try office.author("waraporn", in: store)
        let member = try #require(author.member)
        let task = try #require(try store.tasks(TaskQuery(ownerID: member.id)).first { $0.status.isOpen && $0.recurs == nil })
        let tallyBefore = try store.board(today: office.today).tallies[task.target]!
        let before = try store.changeSequence()

        let url = "https://lamnamngern.example.go.th/ita/2570/\(task.id).pdf"
        let result = try store.apply(.markDone(evidence: url, note: "ส่งแล้ว"), toTask: task.id, by: author, at: office.now)
        #expect(Set(result.fields) == Set(["status", "evidence", "note", "done_by", "done_at"]).union(task.blockedReason == nil ? [] : ["blocked_reason"]))
        let stored = try #require(try store.task(id: task.id))
        #expect(stored == result.task)
        #expect(stored.status == .done && stored.doneBy == member.id && stored.doneAt == office.now && stored.evidence.last == url && stored.note == "ส่งแล้ว")
        #expect(try store.board(today: office.today).tallies[task.target]!.done == tallyBefore.done + 1)

        // One change after `before`: this task's tick, by this login.
        let after = try store.changeSequence()
        #expect(after > before)
        let changes = try store.changes(after: before, limit: 100)
        #expect(changes.sequence == after && changes.taskIDs == [task.id] && changes.onlyTicks && !changes.truncated)
        let status = try #require(changes.entries.first { $0.field == "status" })
        #expect(status.newValue == "done" && status.oldValue == task.status.rawValue && status.login == author.login && status.memberID == member.id)
        #expect(changes.entries.first { $0.field == "evidence" }?.newEvidence?.last == url)
        #expect(try store.changes(after: after, limit: 100).entries.isEmpty)
        // The log's newest entries are this change's fields, by this login.
        let logged = try store.log(sinceEpoch: nil, limit: result.fields.count)
        #expect(Set(logged.map(\.field)) == Set(result.fields) && logged.allSatisfy { $0.key == String(task.id) && $0.login == author.login })
        #expect(try store.log(sinceEpoch: office.now.secondsSince1970 + 86_400, limit: nil).isEmpty)

        // The same again changes nothing and records nothing.
        let again = try store.apply(.markDone(evidence: url, note: "ส่งแล้ว"), toTask: task.id, by: author, at: office.now)
        let sequenceAgain = try store.changeSequence()
        #expect(again.fields.isEmpty && sequenceAgain == after)
    }

    @Test(arguments: Backend.allCases)
    func refusedChangesWriteNothing(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "waraporn")
        let author = try office.author("waraporn", in: store)
        let others = try #require(try store.tasks().first { $0.ownerID != author.member!.id && $0.status.isOpen })
        let before = try store.changeSequence()
        #expect(throws: StoreError.self) { try store.apply(.start, toTask: others.id, by: author, at: office.now) }
        do { try store.apply(.start, toTask: others.id, by: author, at: office.now); Issue.record("not refused") } catch StoreError.denied {} catch {
            Issue.record("\(error)")
        }
        do { try store.apply(.start, toTask: 99_999, by: author, at: office.now); Issue.record("not refused") } catch StoreError.unknownTask(let id) {
            #expect(id == 99_999)
        } catch { Issue.record("\(error)") }
        #expect(try store.changeSequence() == before)
        #expect(try store.task(id: others.id) == others)

        // Opened read-only (or, on a server, as a viewer of the office): every change is refused before it is tried.
        let reader: any OfficeStore
        switch backend {
        case .sqlite: reader = try office.open(backend, as: "pimchanok", readOnly: true)
        case .postgres:
            try office.server!.admin.addViewer(login: office.login("province"), offices: [office.code])
            reader = try ServerStore.open(ServerCluster.replacing(["user": office.login("province"), "dbname": office.server!.name]),
                                          office: office.code, utcOffsetSeconds: TestOffice.offset)
            #expect(reader.readOnlyReason == .viewer)
            #expect(try reader.board(today: office.today) == (try store.board(today: office.today)))
        }
        let chair = try office.author("pimchanok", in: store)
        do { try reader.apply(.start, toTask: others.id, by: chair, at: office.now); Issue.record("not refused") } catch StoreError.readOnly {} catch {
            Issue.record("\(error)")
        }
        #expect(try store.changeSequence() == before)
    }

    @Test(arguments: Backend.allCases)
    func recurringWorkDoneMakesItsNextOccurrence(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "thanakorn")   // the secretary may change any task
        let author = try office.author("thanakorn", in: store)
        let monthly = try #require(try store.tasks().first { $0.key == "o11-monthly" })
        let before = try store.changeSequence()
        let highest = try store.tasks().map(\.id).max()!
        let result = try store.apply(.markDone(evidence: nil, note: nil), toTask: monthly.id, by: author, at: office.now)
        let next = try #require(result.next)
        #expect(next.id == highest + 1 && next.due == Recurrence.monthly.next(after: monthly.due!) && next.recurs == .monthly && next.status == .todo)
        #expect(next.title == monthly.title && next.target == monthly.target && next.ownerID == monthly.ownerID && next.key == nil)
        #expect(try store.task(id: monthly.id)?.recurs == nil && (try store.task(id: monthly.id))?.status == .done)
        #expect(try store.task(id: next.id) == next)
        let changes = try store.changes(after: before, limit: 100)
        #expect(changes.taskIDs == [monthly.id, next.id] && !changes.onlyTicks)
    }

    @Test(arguments: Backend.allCases)
    func undoReversesTheAuthorsOwnChangesNewestFirst(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "waraporn")
        let author = try office.author("waraporn", in: store)
        let mine = try store.tasks(TaskQuery(ownerID: author.member!.id)).filter { $0.status == .todo && $0.recurs == nil }
        try #require(mine.count >= 2)
        let (first, second) = (mine[0], mine[1])
        let boardBefore = try store.board(today: office.today)
        try store.apply(.markDone(evidence: "https://lamnamngern.example.go.th/ita/a.pdf", note: "ส่งแล้ว"), toTask: first.id, by: author, at: office.now)
        try store.apply(.start, toTask: second.id, by: author, at: office.now)
        // Someone else's change in between is theirs, not undone by this member.
        let secretary = try office.open(backend, as: "thanakorn")
        let other = try #require(try secretary.tasks().first { $0.ownerID != author.member!.id && $0.status == .todo && $0.recurs == nil })
        try secretary.apply(.start, toTask: other.id, by: try office.author("thanakorn", in: secretary), at: office.now)

        let undone = try store.undoLastChange(by: author, at: office.now)
        #expect(undone.map(\.key) == [String(second.id)] && undone.first { $0.field == "status" }?.newValue == "in_progress", "\(undone)")
        #expect(try store.task(id: second.id)?.status == .todo)
        let again = try store.undoLastChange(by: author, at: office.now)
        #expect(Set(again.map(\.key)) == [String(first.id)] && Set(again.map(\.field)).isSuperset(of: ["status", "evidence", "note", "done_by", "done_at"]), "\(again)")
        let restored = try #require(try store.task(id: first.id))
        #expect(restored.status == .todo && restored.evidence == first.evidence && restored.note == first.note && restored.doneBy == nil && restored.doneAt == nil)
        #expect(try store.task(id: other.id)?.status == .inProgress, "the secretary's change stands")
        #expect(try store.board(today: office.today).tallies == (try secretary.board(today: office.today)).tallies)
        #expect(try store.board(today: office.today).tallies[first.target] == boardBefore.tallies[first.target])
        // The undo is a change like any other, recorded and seen by others; then there is nothing left of this member's.
        let sequence = try store.changeSequence()
        do { try store.undoLastChange(by: author, at: office.now); Issue.record("not refused") } catch StoreError.nothingToUndo {} catch {
            Issue.record("\(error)")
        }
        #expect(try store.changeSequence() == sequence)
        let log = try secretary.log(sinceEpoch: nil, limit: 40)
        #expect(log.filter { $0.action == .undo && $0.key == String(first.id) && $0.field == "status" && $0.newValue == "todo" }.count == 1, "\(log)")
        // The secretary's own undo is theirs.
        #expect(try secretary.undoLastChange(by: try office.author("thanakorn", in: secretary), at: office.now).map(\.key) == [String(other.id)])
    }

    @Test(arguments: Backend.allCases)
    func undoIsRefusedWhenAFieldChangedSinceAndWritesNothing(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "waraporn")
        let author = try office.author("waraporn", in: store)
        let task = try #require(try store.tasks(TaskQuery(ownerID: author.member!.id)).first { $0.status == .todo && $0.recurs == nil })
        try store.apply(.start, toTask: task.id, by: author, at: office.now)
        let secretary = try office.open(backend, as: "thanakorn")
        try secretary.apply(.markDone(evidence: nil, note: nil), toTask: task.id, by: try office.author("thanakorn", in: secretary), at: office.now)
        let sequence = try store.changeSequence()
        do { try store.undoLastChange(by: author, at: office.now); Issue.record("not refused") } catch StoreError.undoConflict(let entity, let key, let field) {
            #expect(entity == .task && key == String(task.id) && field == "status")
        } catch { Issue.record("\(error)") }
        #expect(try store.changeSequence() == sequence && (try store.task(id: task.id))?.status == .done)
        // Read-only: refused before anything is looked at.
        let reader = try office.open(backend, as: "pimchanok", readOnly: true)
        do { try reader.undoLastChange(by: try office.author("pimchanok", in: reader), at: office.now); Issue.record("not refused") } catch StoreError.readOnly {} catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: Backend.allCases)
    func anOwnerUndoesRecurringWorkDoneAndItsNextOccurrenceIsArchived(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let file = try office.original()
        let monthly = try #require(try file.tasks().first { $0.key == "o11-monthly" })
        let owner = try #require(try file.members().first { $0.id == monthly.ownerID })
        let name = String(owner.login.dropLast(office.suffix.count + 1))
        let store = try office.open(backend, as: name)
        let author = try office.author(name, in: store)
        let next = try #require(try store.apply(.markDone(evidence: nil, note: nil), toTask: monthly.id, by: author, at: office.now).next)
        let undone = try store.undoLastChange(by: author, at: office.now)
        #expect(Set(undone.map(\.key)) == [String(monthly.id), String(next.id)], "\(undone)")
        let back = try #require(try store.task(id: monthly.id))
        #expect(back.status == monthly.status && back.recurs == .monthly && back.doneBy == nil)
        #expect(try store.task(id: next.id)?.isArchived == true && !(try store.tasks()).contains { $0.id == next.id })
        #expect(try store.board(today: office.today).tallies == (try file.board(today: office.today)).tallies)
    }

    /// The secretary keeps the plan of tasks: adds one (its owner the target's), edits it, archives and
    /// restores it, each one audited change; `ita undo` takes the last back. The same on both.
    @Test(arguments: Backend.allCases)
    func theSecretaryAddsEditsArchivesAndRestoresATask(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "thanakorn")
        let secretary = try office.author("thanakorn", in: store)
        let sudarat = try #require(try store.member(login: office.login("sudarat")))
        let kittipat = try #require(try store.member(login: office.login("kittipat")))
        let due = CivilDate(year: 2027, month: 1, day: 15)!
        let sequence = try store.changeSequence()
        let o12 = try #require(try store.board(today: office.today).tallies[.item("O12")]?.total)
        let added = try store.apply([.addTask(NewTask(title: "  สรุปผลจัดซื้อจัดจ้าง ธ.ค. ", target: .item("O12"), due: due, phase: "A1", key: "o12-dec"))],
                                    by: secretary, at: office.now)
        let id = try #require(added.addedTaskIDs.first)
        #expect(added.addedTaskIDs.count == 1 && added.entries.map(\.field) == [Store.creationField], "\(added.entries)")
        var task = try #require(try store.task(id: id))
        #expect(task.title == "สรุปผลจัดซื้อจัดจ้าง ธ.ค." && task.ownerID == sudarat.id && task.due == due && task.phase == "A1" && task.key == "o12-dec")
        #expect(try store.tasks(TaskQuery(item: "O12")).contains { $0.id == id } && (try store.changeSequence()) > sequence)
        #expect(try store.board(today: office.today).tallies[.item("O12")]?.total == o12 + 1)

        let edited = try store.apply([.editTask(id: id, TaskEdit(title: "สรุปผลจัดซื้อจัดจ้าง ธันวาคม", ownerLogin: kittipat.login))], by: secretary, at: office.now)
        #expect(Set(edited.entries.map(\.field)) == ["title", "owner_id"] && edited.entries.allSatisfy { $0.key == String(id) && $0.login == secretary.login },
                "\(edited.entries)")
        #expect(Set(edited.entries.map(\.changeID)).count == 1, "one change")
        task = try #require(try store.task(id: id))
        #expect(task.title == "สรุปผลจัดซื้อจัดจ้าง ธันวาคม" && task.ownerID == kittipat.id)
        // The same edit again writes nothing.
        #expect(try store.apply([.editTask(id: id, TaskEdit(title: "สรุปผลจัดซื้อจัดจ้าง ธันวาคม"))], by: secretary, at: office.now).entries.isEmpty)

        try store.apply([.archiveTask(id: id, reason: "รวมกับงานรายเดือน")], by: secretary, at: office.now)
        #expect(try store.task(id: id)?.archiveReason == "รวมกับงานรายเดือน" && !(try store.tasks()).contains { $0.id == id })
        do { try store.apply(.markDone(evidence: nil, note: nil), toTask: id, by: secretary, at: office.now); Issue.record("not refused") } catch StoreError.invalid(let problem) {
            #expect(problem.field == "id")
        }
        try store.apply([.restoreTask(id: id)], by: secretary, at: office.now)
        #expect(try store.tasks().contains { $0.id == id })
        // Undo takes back the restore (the newest change), then the archive.
        let undone = try store.undoLastChange(by: secretary, at: office.now)
        #expect(!undone.isEmpty && Set(undone.map(\.key)) == [String(id)], "\(undone)")
        #expect(try store.task(id: id)?.isArchived == true)
        try store.undoLastChange(by: secretary, at: office.now)
        #expect(try store.task(id: id)?.isArchived == false && (try store.task(id: id))?.ownerID == kittipat.id)
    }

    /// The rest of the plan, the same on both: an owner assigned with their open tasks, a holiday, an
    /// estimate; undo reverses the newest, and is refused when another member changed the value since.
    @Test(arguments: Backend.allCases)
    func ownersHolidaysAndEstimatesAreKeptAndUndoneAsOnAFile(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "thanakorn")
        let secretary = try office.author("thanakorn", in: store)
        let kittipat = try #require(try store.member(login: office.login("kittipat")))
        let open = try store.tasks(TaskQuery(item: "O12")).filter { $0.status.isOpen }.map(\.id)
        let start = try store.board(today: office.today), startOwners = try store.tasks(ids: open).map(\.ownerID)
        let assigned = try store.apply([.assign(.item("O12"), login: kittipat.login, withOpenTasks: true)], by: secretary, at: office.now)
        #expect(Set(assigned.entries.map(\.entity)) == (open.isEmpty ? [.owner] : [.owner, .task]), "\(assigned.entries)")
        #expect(assigned.entries.first { $0.entity == .owner }.map { [$0.key, $0.field, $0.newValue ?? ""] } == ["O12", "member_id", String(kittipat.id)])
        #expect(try store.board(today: office.today).owners[.item("O12")] == kittipat.id)
        #expect(try store.tasks(ids: open).allSatisfy { $0.ownerID == kittipat.id })
        let day = CivilDate(year: 2027, month: 1, day: 11)!
        let holiday = try store.apply([.addHoliday(Holiday(date: day, name: "วันหยุดชดเชย (สมมติ)"))], by: secretary, at: office.now)
        #expect(holiday.entries.map { [$0.entity.rawValue, $0.key, $0.field, $0.newValue ?? ""] } == [["holiday", "2027-01-11", "name", "วันหยุดชดเชย (สมมติ)"]])
        let estimate = try store.apply([.estimate(tool: "EIT", score: 88.5)], by: secretary, at: office.now)
        #expect(estimate.entries.map { [$0.entity.rawValue, $0.key, $0.field, $0.newValue ?? ""] } == [["estimate", "EIT", "score", "88.5"]])

        // The chair sets the estimate again: the secretary's undo of theirs is refused, nothing written.
        let chair = try office.open(backend, as: "pimchanok")
        try chair.apply([.estimate(tool: "EIT", score: 90)], by: try office.author("pimchanok", in: chair), at: office.now)
        let sequence = try store.changeSequence()
        do { try store.undoLastChange(by: secretary, at: office.now); Issue.record("not refused") } catch StoreError.undoConflict(let entity, let key, let field) {
            #expect(entity == .estimate && key == "EIT" && field == "score")
        }
        #expect(try store.changeSequence() == sequence && (try store.board(today: office.today)).assessment.estimates["EIT"] == 90)
        // The chair's undo takes theirs back; then the secretary's undoes go newest first: the estimate, the holiday, the owner.
        try chair.undoLastChange(by: try office.author("pimchanok", in: chair), at: office.now)
        #expect(try store.board(today: office.today).assessment.estimates["EIT"] == 88.5)
        try store.undoLastChange(by: secretary, at: office.now)
        try store.undoLastChange(by: secretary, at: office.now)
        #expect(!(try store.board(today: office.today)).assessment.holidays.contains { $0.date == day })
        try store.undoLastChange(by: secretary, at: office.now)
        let board = try store.board(today: office.today)
        #expect(board.assessment == start.assessment && board.owners == start.owners)
        #expect(try store.tasks(ids: open).map(\.ownerID) == startOwners)
    }

    /// A refused plan change says which field and why, the same on both backends, and writes nothing;
    /// a dry run works a change out and writes nothing either.
    @Test(arguments: Backend.allCases)
    func planRefusalsNameTheFieldAndWriteNothing(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let store = try office.open(backend, as: "thanakorn")
        let secretary = try office.author("thanakorn", in: store)
        let tasks = try store.tasks()
        let keyed = try #require(tasks.first { $0.key == "o11-monthly" })
        let other = try #require(tasks.first { $0.key == nil && $0.status.isOpen })
        let sequence = try store.changeSequence()
        func refusal(_ changes: [PlanChange], by author: Author? = nil, on target: (any OfficeStore)? = nil) -> StoreError? {
            do { try (target ?? store).apply(changes, by: author ?? secretary, at: office.now); return nil } catch let error as StoreError { return error } catch { return .failed("\(error)") }
        }
        func field(_ error: StoreError?) -> String? { if case .invalid(let problem) = error { return problem.field } else { return nil } }
        #expect(field(refusal([.addTask(NewTask(title: "ข้อ\u{7}ความ", target: .item("O12")))])) == "title")
        #expect(field(refusal([.addTask(NewTask(title: "งาน", target: .item("O99")))])) == "target")
        #expect(field(refusal([.addTask(NewTask(title: "งาน", target: .item("O12"), ownerLogin: "nobody"))])) == "owner")
        #expect(field(refusal([.addTask(NewTask(title: "งาน", target: .item("O12"), phase: "Z"))])) == "phase")
        #expect(field(refusal([.editTask(id: other.id, TaskEdit(key: .some("o11-monthly")))])) == "key")
        // A set of changes is all or nothing: the good first one is not kept when the second is refused.
        #expect(field(refusal([.editTask(id: other.id, TaskEdit(title: "ชื่อใหม่")), .editTask(id: keyed.id, TaskEdit(title: " "))])) == "title")
        #expect(refusal([.editTask(id: 99_999, TaskEdit(title: "x"))]) == .unknownTask(id: 99_999))
        // The editor's copy is stale: someone changed the task since.
        var stale = other
        stale.note = "ที่ผู้แก้เห็นก่อนหน้า"
        var edit = TaskEdit(title: "ชื่อใหม่")
        edit.expected = stale
        if case .editConflict(let id, _, _) = refusal([.editTask(id: other.id, edit)]) { #expect(id == other.id) } else { Issue.record("no conflict") }
        // An owner may not add work on a target they do not own.
        let owner = try office.open(backend, as: "waraporn")
        if case .denied = refusal([.addTask(NewTask(title: "งาน", target: .item("O12")))], by: try office.author("waraporn", in: owner), on: owner) {} else {
            Issue.record("an owner added work on another's target")
        }
        #expect(try store.changeSequence() == sequence && (try store.task(id: other.id)) == other)
        // A dry run says what it would write, and writes nothing.
        let dry = try store.apply([.editTask(id: other.id, TaskEdit(title: "ชื่อใหม่"))], by: secretary, at: office.now, action: nil, dryRun: true)
        #expect(dry.entries.map(\.field) == ["title"])
        #expect(try store.task(id: other.id)?.title == other.title)
        #expect(try store.changeSequence() == sequence)
        // A member is added by a server's administrator (it makes their database role); on a file, by the secretary.
        let joining = refusal([.addMember(MemberDraft(login: office.login("newcomer"), name: "สมาชิกใหม่", role: .owner))])
        #expect(backend == .sqlite ? joining == nil : field(joining) == "login", "\(String(describing: joining))")
    }

    @Test(arguments: Backend.allCases)
    func anotherMembersChangeChangesTheToken(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let watcher = try office.open(backend, as: "pimchanok")
        let first = try watcher.changeToken()
        let seen = try watcher.changeSequence()
        #expect(try watcher.changeToken() == first, "nothing changed yet")

        let owner = try office.open(backend, as: "waraporn")
        let author = try office.author("waraporn", in: owner)
        let task = try #require(try owner.tasks(TaskQuery(ownerID: author.member!.id)).first { $0.status == .todo && $0.recurs == nil })
        try owner.apply(.start, toTask: task.id, by: author, at: office.now)

        let deadline = Date().addingTimeInterval(3)
        var token = try watcher.changeToken()
        while token == first && Date() < deadline {
            usleep(20_000)
            token = try watcher.changeToken()
        }
        #expect(token != first)
        let changes = try watcher.changes(after: seen, limit: 100)
        #expect(changes.taskIDs == [task.id] && changes.onlyTicks && changes.entries.allSatisfy { $0.login == author.login })
        #expect(try watcher.tasks(ids: [task.id]).first?.status == .inProgress)
    }

    /// One meeting recorded as meeting mode records it: attendance, place, an absence, a guest, a note
    /// and its correction, an action item, the clock, and the end with its summary and snapshot.
    func recordMeeting(in office: TestOffice, _ backend: Backend) throws -> (store: any OfficeStore, meeting: Int64, action: WorkTask) {
        let store = try office.open(backend, as: "thanakorn")
        let secretary = try office.author("thanakorn", in: store)
        let board = try store.board(today: office.today)
        let at = { (minutes: Int64) in Timestamp(secondsSince1970: office.now.secondsSince1970 + minutes * 60, utcOffsetSeconds: TestOffice.offset) }
        let meeting = try store.startMeeting(on: office.today, by: secretary, at: at(0))
        try store.setAttendees(board.members.prefix(3).map(\.id), meeting: meeting.id, by: secretary)
        try store.setPlace("ห้องประชุมสำนักงาน ชั้น 2", meeting: meeting.id, by: secretary)
        try store.setAbsenceReason("ติดราชการ", member: board.members.last!.id, meeting: meeting.id, by: secretary)
        try store.setGuests(["ผู้แทนโรงเรียนในสังกัด (สมมติ)"], meeting: meeting.id, by: secretary)
        let note = try store.addEntry(.note, section: .overdue, subject: "#1", text: "ขอให้ติดตาม", meeting: meeting.id,
                                      agendaItem: nil, by: secretary, at: at(5))
        _ = try store.correctEntry(note.id, text: "ขอให้ติดตามภายในสัปดาห์นี้", meeting: meeting.id, by: secretary, at: at(6))
        let owner = try #require(board.owners[.item("O19")])
        let (_, task) = try store.addActionItem(title: "ส่งรายชื่อผู้มีส่วนได้ส่วนเสีย", target: .item("O19"), ownerID: owner,
                                                due: office.today.adding(days: 7), section: .decisions, subject: nil,
                                                meeting: meeting.id, by: secretary, at: at(20))
        try store.saveSectionSeconds(["attendance": 60, "overdue": 300], meeting: meeting.id, by: secretary)
        let now = try store.board(today: office.today), tasks = try store.tasks()
        let agenda = Agenda.build(board: now, tasks: tasks, previous: nil, scoreBefore: nil, nextMeeting: office.today.adding(days: 7),
                                  lastChanged: [:], entries: try store.meeting(on: office.today)!.entries, earlierActions: [])
        try store.endMeeting(meeting.id, sectionSeconds: ["attendance": 60, "overdue": 300, "decisions": 120],
                             summary: agenda.summary(grade: now.projection.grade?.grade),
                             snapshot: ProgressSnapshot.take(now, tasks: tasks, kind: .meeting), by: secretary, at: at(30))
        return (store, meeting.id, task)
    }

    @Test(arguments: Backend.allCases)
    func aMeetingIsRecordedAndThenSealed(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let (store, id, action) = try recordMeeting(in: office, backend)
        let secretary = try office.author("thanakorn", in: store)
        let meeting = try #require(try store.meeting(on: office.today))
        #expect(meeting.id == id && meeting.endedAt != nil && meeting.attendees.count == 3)
        #expect(meeting.place == "ห้องประชุมสำนักงาน ชั้น 2" && meeting.guests == ["ผู้แทนโรงเรียนในสังกัด (สมมติ)"])
        #expect(Array(meeting.absenceReasons.values) == ["ติดราชการ"])
        #expect(meeting.entries.map(\.text) == ["ขอให้ติดตาม", "ขอให้ติดตามภายในสัปดาห์นี้", "ส่งรายชื่อผู้มีส่วนได้ส่วนเสีย"])
        #expect(meeting.currentEntries.map(\.text) == ["ขอให้ติดตามภายในสัปดาห์นี้", "ส่งรายชื่อผู้มีส่วนได้ส่วนเสีย"])
        #expect(meeting.entries[1].supersedes == meeting.entries[0].id && meeting.entries[2].taskID == action.id)
        #expect(meeting.sectionSeconds == ["attendance": 60, "overdue": 300, "decisions": 120] && meeting.summary != nil)
        #expect(try store.task(id: action.id)?.title == "ส่งรายชื่อผู้มีส่วนได้ส่วนเสีย")
        #expect(try store.meetings().map(\.id) == [id])
        #expect(try store.actionItems(before: office.today.adding(days: 1)).map(\.taskID) == [action.id])
        #expect(try store.actionItems(before: office.today).isEmpty)
        #expect(try store.snapshots(since: nil).contains { $0.kind == .meeting && $0.day == office.today })

        // Ended: nothing more is recorded, and the meeting of the day is not opened again.
        let sequence = try store.changeSequence()
        let at = office.now
        func refused(_ write: () throws -> Void) -> Bool { do { try write(); return false } catch is StoreError { return true } catch { return false } }
        #expect(refused { _ = try store.addEntry(.note, section: .done, subject: nil, text: "ภายหลัง", meeting: id, agendaItem: nil, by: secretary, at: at) })
        #expect(refused { try store.setPlace("ที่อื่น", meeting: id, by: secretary) })
        #expect(refused { _ = try store.correctEntry(meeting.entries[1].id, text: "แก้", meeting: id, by: secretary, at: at) })
        #expect(try store.startMeeting(on: office.today, by: secretary, at: at).endedAt != nil)
        #expect(try store.changeSequence() == sequence && (try store.meeting(on: office.today)) == meeting)
    }

    @Test(arguments: Backend.allCases)
    func onlyTheChairAndTheSecretaryRecordAMeeting(_ backend: Backend) throws {
        let office = try TestOffice.make(on: backend)
        let secretaryStore = try office.open(backend, as: "thanakorn")
        let meeting = try secretaryStore.startMeeting(on: office.today, by: try office.author("thanakorn", in: secretaryStore), at: office.now)
        let _ = try secretaryStore.addEntry(.note, section: .done, subject: nil, text: "เปิดประชุม", meeting: meeting.id, agendaItem: nil,
                                            by: try office.author("thanakorn", in: secretaryStore), at: office.now)
        let store = try office.open(backend, as: "waraporn")
        let owner = try office.author("waraporn", in: store)
        let sequence = try store.changeSequence()
        func denied(_ write: () throws -> Void) -> Bool { do { try write(); return false } catch StoreError.denied { return true } catch { return false } }
        #expect(denied { _ = try store.startMeeting(on: office.today.adding(days: 7), by: owner, at: office.now) })
        #expect(denied { _ = try store.addEntry(.note, section: .done, subject: nil, text: "x", meeting: meeting.id, agendaItem: nil, by: owner, at: office.now) })
        #expect(denied { try store.setAttendees([], meeting: meeting.id, by: owner) })
        #expect(denied { try store.setPlace("x", meeting: meeting.id, by: owner) })
        #expect(try store.changeSequence() == sequence)
        // The owner reads it as recorded.
        #expect(try store.meeting(on: office.today)?.entries.map(\.text) == ["เปิดประชุม"])
        // A viewer's connection is read-only: the store says so before anything is tried.
        if backend == .postgres {
            let viewer = try office.open(backend, as: "waraporn", readOnly: true)
            #expect(viewer.readOnlyReason != nil)
        }
    }

    /// The same meeting recorded on a file and on a server reads back the same, and ends with the same seal.
    @Test func theMeetingAndItsSealAreTheSameOnBothBackends() throws {
        let onFile = try TestOffice.make(on: .sqlite), onServer = try TestOffice.make(on: .postgres)
        let file = try recordMeeting(in: onFile, .sqlite), server = try recordMeeting(in: onServer, .postgres)
        var fromServer = try #require(try server.store.meeting(on: onServer.today))
        let fromFile = try #require(try file.store.meeting(on: onFile.today))
        // Member ids are the same (the import keeps them); only the logins carry each test's suffix.
        #expect(fromServer.entries == fromFile.entries)
        fromServer.entries = fromFile.entries
        #expect(fromServer == fromFile)
        let fileSeal = try (file.store as! Store).read { try String.fetchOne($0, sql: "SELECT seal FROM meeting WHERE id = ?", arguments: [file.meeting]) }
        let serverSeal = try onServer.server!.admin.connection.execute("SELECT seal FROM ita.meeting WHERE office = $1 AND id = $2",
                                                                       [onServer.code, String(server.meeting)]).scalar
        #expect(fileSeal != nil && fileSeal?.count == 64)
        #expect(serverSeal == fileSeal)
    }

    /// Where LISTEN does not work (PgBouncer in transaction mode), the sequence is polled: another
    /// member's change still changes the token, within the poll interval.
    @Test func withoutNotificationsTheSequenceIsPolled() throws {
        let office = try TestOffice.make(on: .postgres)
        let watcher = try #require(try office.open(.postgres, as: "pimchanok") as? ServerStore)
        watcher.listensForNotifications = false
        let first = try watcher.changeToken()
        let owner = try office.open(.postgres, as: "waraporn")
        let author = try office.author("waraporn", in: owner)
        let task = try #require(try owner.tasks(TaskQuery(ownerID: author.member!.id)).first { $0.status == .todo })
        try owner.apply(.start, toTask: task.id, by: author, at: office.now)
        #expect(try watcher.changeToken() == first, "not polled again within the interval")
        let deadline = Date().addingTimeInterval(ServerStore.pollSeconds + 2)
        var token = first
        while token == first && Date() < deadline {
            usleep(50_000)
            token = try watcher.changeToken()
        }
        let sequence = try owner.changeSequence()
        #expect(token != first && Int64(token) == sequence)
    }
}
