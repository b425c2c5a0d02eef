import Foundation
import GRDB
import Testing
import ITACore
@testable import ITAStore

@Suite struct StoreTests {
    @Test func migratedDatabaseIsRecognised() throws {
        let store = try StoreFixture.demoStore()
        let queue = try DatabaseQueue(path: store.path)
        let applied = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1", "v2: what each milestone covers", "v3: progress snapshots", "v4: follow-up meetings", "v5: open tasks by due date", "v6: tamper evidence", "v7: corrections supersede meeting entries", "v8: last activity per member", "v9: keeping the plan", "v10: official results", "v11: official minutes", "v12: evidence checks", "v13: sending reminders"])
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try Store.open(at: store.path).framework().id == "fy2566")
    }

    @Test func milestoneCoversSurviveTheStoreAndOldDatabasesUpgrade() throws {
        let store = try StoreFixture.demoStore()
        let covers = { try Store.open(at: store.path).board(today: StoreFixture.today).assessment.milestones.map { "\($0.key)=\($0.covers)" } }
        #expect(try covers().contains("oit_publish=[\"OIT\"]"))
        #expect(try covers().contains("surveys=[\"IIT\", \"EIT\"]"))
        // A database written before v2 has no covers column: opening it adds one, with nothing covered.
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE milestone DROP COLUMN covers")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2%'")
        }
        try queue.close()
        #expect(try covers().allSatisfy { $0.hasSuffix("=[]") })
        #expect(try DatabaseQueue(path: store.path).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
                == ["v1", "v2: what each milestone covers", "v3: progress snapshots", "v4: follow-up meetings", "v5: open tasks by due date", "v6: tamper evidence", "v7: corrections supersede meeting entries", "v8: last activity per member", "v9: keeping the plan", "v10: official results", "v11: official minutes", "v12: evidence checks", "v13: sending reminders"].sorted())
    }

    @Test func newerDatabaseIsRefused() throws {
        let store = try StoreFixture.demoStore()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        #expect(throws: StoreError.newerVersion(path: store.path)) { try Store.open(at: store.path) }
    }

    @Test func foreignFilesAreRefused() throws {
        let dir = StoreFixture.temporaryDirectory()
        let text = dir + "/notes.sqlite"
        try "hello".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notADatabase(path: text, detail: "not an SQLite database")) { try Store.open(at: text) }
        let other = dir + "/other.sqlite"
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: StoreError.notADatabase(path: other, detail: "not an ITA Board database")) { try Store.open(at: other) }
        #expect(throws: StoreError.noDatabase(path: dir + "/missing.sqlite")) { try Store.open(at: dir + "/missing.sqlite") }
    }

    @Test func createRefusesToOverwrite() throws {
        let store = try StoreFixture.demoStore()
        #expect(throws: StoreError.alreadyExists(path: store.path)) {
            try Store.create(at: store.path, framework: try StoreFixture.fy2566(), plan: try StoreFixture.demoPlan(), now: StoreFixture.now)
        }
    }

    @Test func auditLogRefusesUpdateAndDelete() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let todo = try #require(try store.tasks().first { $0.status == .todo })
        try store.apply(.start, toTask: todo.id, by: chair, at: StoreFixture.now)
        let queue = try DatabaseQueue(path: store.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE audit SET new_value = 'x'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM audit") } }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit WHERE field != '*'") } == 1)
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT new_value FROM audit WHERE field != '*'") } == "in_progress")
    }

    @Test func doneIsAuditedWithOldAndNewValues() throws {
        let store = try StoreFixture.demoStore()
        let task = try #require(try store.tasks().first { $0.status == .todo })
        let owner = try #require(try store.members().first { $0.id == task.ownerID })
        let result = try store.apply(.markDone(evidence: "https://x.example/o1", note: "ลงเว็บแล้ว"), toTask: task.id,
                                     by: Author(login: owner.login, member: owner), at: StoreFixture.now)
        #expect(result.task.status == .done)
        #expect(Set(result.fields) == ["status", "evidence", "note", "done_by", "done_at"])
        let stored = try #require(try store.task(id: task.id))
        #expect(stored.status == .done && stored.doneBy == owner.id && stored.doneAt == StoreFixture.now)
        #expect(stored.evidence.last == "https://x.example/o1")
        let log = try StoreFixture.changes(store)
        #expect(log.count == 5)
        #expect(Set(log.map(\.changeID)).count == 1)
        let status = try #require(log.first { $0.field == "status" })
        #expect(status.oldValue == "todo" && status.newValue == "done" && status.login == owner.login && status.memberID == owner.id)
        // Doing it again changes nothing and logs nothing.
        #expect(try store.apply(.markDone(evidence: nil, note: nil), toTask: task.id, by: Author(login: owner.login, member: owner), at: StoreFixture.now).fields.isEmpty)
        #expect(try StoreFixture.changes(store).count == 5)
    }

    @Test func evidenceRoundTripsWhateverItContains() throws {
        let store = try StoreFixture.demoStore()
        let task = try #require(try store.tasks().first)
        let chair = try #require(try store.members().first { $0.role == .chair })
        let cases: [[String]] = [
            ["https://example.go.th/o1"],
            ["https://a.example/x?a=1,2", "https://b.example/ไทย"],
            ["say \"hi\"", "back\\slash", "\",\"", ""],
            ["", ""],
        ]
        for urls in cases {
            try store.apply(.setEvidence(urls), toTask: task.id, by: Author(login: chair.login, member: chair), at: StoreFixture.now)
            #expect(try store.task(id: task.id)?.evidence == urls)
            #expect(try store.tasks().first { $0.id == task.id }?.evidence == urls)
        }
        #expect(Store.splitSimpleJSONArray(#"["a","b"]"#) == ["a", "b"])
        #expect(Store.splitSimpleJSONArray(#"["a\"b"]"#) == nil)
        #expect(Store.splitSimpleJSONArray(#"["a"x"]"#) == nil)
    }

    @Test func forbiddenChangeWritesNothing() throws {
        let store = try StoreFixture.demoStore()
        let members = try store.members()
        let task = try #require(try store.tasks().first { $0.status == .todo })
        let stranger = try #require(members.first { $0.role == .owner && $0.id != task.ownerID })
        #expect(throws: StoreError.self) {
            try store.apply(.markDone(evidence: nil, note: nil), toTask: task.id, by: Author(login: stranger.login, member: stranger), at: StoreFixture.now)
        }
        #expect(throws: StoreError.denied(.notAMember(login: "guest"))) {
            try store.apply(.start, toTask: task.id, by: Author(login: "guest", member: nil), at: StoreFixture.now)
        }
        #expect(try store.task(id: task.id)?.status == .todo)
        #expect(try StoreFixture.changes(store).isEmpty)
        #expect(throws: StoreError.unknownTask(id: 9999)) {
            try store.apply(.start, toTask: 9999, by: StoreFixture.author(store, "pimchanok"), at: StoreFixture.now)
        }
    }

    @Test func undoWalksBackOwnChanges() throws {
        let store = try StoreFixture.demoStore()
        let secretary = try StoreFixture.author(store, "thanakorn")
        let chair = try StoreFixture.author(store, "pimchanok")
        let open = try store.tasks().filter { $0.status == .todo }
        try store.apply(.start, toTask: open[0].id, by: secretary, at: StoreFixture.now)
        try store.apply(.block(reason: "รอลายเซ็น"), toTask: open[1].id, by: secretary, at: StoreFixture.now)
        try store.apply(.start, toTask: open[2].id, by: chair, at: StoreFixture.now)
        try store.undoLastChange(by: secretary, at: StoreFixture.now)          // undoes the block, not the chair's change
        #expect(try store.task(id: open[1].id)?.status == .todo)
        #expect(try store.task(id: open[1].id)?.blockedReason == nil)
        #expect(try store.task(id: open[2].id)?.status == .inProgress)
        try store.undoLastChange(by: secretary, at: StoreFixture.now)          // then the start
        #expect(try store.task(id: open[0].id)?.status == .todo)
        #expect(throws: StoreError.nothingToUndo) { try store.undoLastChange(by: secretary, at: StoreFixture.now) }
        // Undo is itself in the log.
        #expect(try StoreFixture.changes(store).filter { $0.action == .undo }.count == 3)
    }

    @Test func undoRefusesWhenSomeoneChangedTheFieldSince() throws {
        let store = try StoreFixture.demoStore()
        let secretary = try StoreFixture.author(store, "thanakorn")
        let chair = try StoreFixture.author(store, "pimchanok")
        let task = try #require(try store.tasks().first { $0.status == .todo })
        try store.apply(.start, toTask: task.id, by: secretary, at: StoreFixture.now)
        try store.apply(.block(reason: "รอ"), toTask: task.id, by: chair, at: StoreFixture.now)
        let before = try StoreFixture.changes(store).count
        #expect(throws: StoreError.undoConflict(entity: .task, key: String(task.id), field: "status")) {
            try store.undoLastChange(by: secretary, at: StoreFixture.now)
        }
        #expect(try store.task(id: task.id)?.status == .blocked)
        #expect(try StoreFixture.changes(store).count == before)
    }

    @Test func respondentsAreCoordinatorsOnlyAndUndoable() throws {
        let store = try StoreFixture.demoStore()
        #expect(throws: StoreError.denied(.coordinatorsOnly)) {
            try store.setRespondents(tool: "IIT", count: 20, by: StoreFixture.author(store, "kittipat"), at: StoreFixture.now)
        }
        let secretary = try StoreFixture.author(store, "thanakorn")
        #expect(try store.setRespondents(tool: "IIT", count: 20, by: secretary, at: StoreFixture.now) == Respondents(quota: 25, count: 20))
        #expect(throws: StoreError.unknownTool(code: "OIT")) { try store.setRespondents(tool: "OIT", count: 1, by: secretary, at: StoreFixture.now) }
        try store.undoLastChange(by: secretary, at: StoreFixture.now)
        #expect(try store.board(today: StoreFixture.today).assessment.respondents["IIT"]?.count == 9)
    }

    @Test func logLimitKeepsTheNewestOldestFirst() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        let todo = try store.tasks().filter { $0.status == .todo }.prefix(3).map(\.id)
        let later = Timestamp(iso: "2026-11-20T10:00:00+07:00")!
        try store.apply(.start, toTask: todo[0], by: chair, at: StoreFixture.now)
        try store.apply(.start, toTask: todo[1], by: chair, at: later)
        try store.apply(.start, toTask: todo[2], by: chair, at: later)
        #expect(try StoreFixture.changes(store).map(\.key) == todo.map(String.init))
        #expect(try store.log(limit: 2).map(\.key) == todo.suffix(2).map(String.init))
        #expect(try store.log(sinceEpoch: later.secondsSince1970).count == 2)
    }

    @Test func sqlTalliesAgreeWithTheDomain() throws {
        let store = try StoreFixture.demoStore()
        // Change statuses and evidence in every direction first: the trigger-kept counts must follow.
        let chair = try StoreFixture.author(store, "pimchanok")
        let before = try store.tasks()
        try store.apply(.markDone(evidence: "https://x.example/a", note: nil), toTask: before.first { $0.status == .todo }!.id, by: chair, at: StoreFixture.now)
        try store.apply(.reopen, toTask: before.first { $0.status == .done && !$0.evidence.isEmpty }!.id, by: chair, at: StoreFixture.now)
        try store.apply(.setEvidence([]), toTask: before.first { $0.status == .done && !$0.evidence.isEmpty && $0.id > 20 }!.id, by: chair, at: StoreFixture.now)
        try store.apply(.block(reason: "x"), toTask: before.first { $0.status == .inProgress }!.id, by: chair, at: StoreFixture.now)
        try store.undoLastChange(by: chair, at: StoreFixture.now)
        let board = try store.board(today: StoreFixture.today, dueGroupLimit: 1000)
        let tasks = try store.tasks()
        #expect(board.tallies == Tally.byTarget(tasks, today: StoreFixture.today))
        #expect(board.dueGroups == DueGroup.of(tasks).filter { $0.date >= StoreFixture.today })
        var nearest: [String: CivilDate] = [:]
        for task in tasks where task.status.isOpen {
            guard case .item(let code) = task.target, let due = task.due else { continue }
            nearest[code] = min(nearest[code] ?? due, due)
        }
        #expect(!nearest.isEmpty && board.nearestDue == nearest)
    }

    @Test func readingWaitsForNoWriter() throws {
        // Opening and reading must not write: with another connection holding the write lock,
        // `ita status` still answers at once instead of waiting out the busy timeout.
        let store = try StoreFixture.demoStore()
        _ = try store.takeDailySnapshotIfMissing(today: StoreFixture.today)
        var busy = Configuration()
        busy.busyMode = .immediateError
        busy.allowsUnsafeTransactions = true   // the write lock stays held across accesses
        let writer = try DatabaseQueue(path: store.path, configuration: busy)
        // An empty WAL file is the case where an opening connection was tempted to write.
        try writer.inDatabase { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "BEGIN IMMEDIATE; UPDATE task SET note = 'busy' WHERE id = 1")
        }
        defer { try? writer.inDatabase { try $0.execute(sql: "ROLLBACK") } }
        #expect((try FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int) == 0)
        let reader = try Store.open(at: store.path)
        #expect(try reader.takeDailySnapshotIfMissing(today: StoreFixture.today) == false)
        #expect(try reader.board(today: StoreFixture.today).tallies.isEmpty == false)
    }

    @Test func queriesFilter() throws {
        let store = try StoreFixture.demoStore()
        let today = StoreFixture.today
        let overdue = try store.tasks(TaskQuery(overdueOn: today))
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.isOverdue(on: today) })
        #expect(try store.tasks(TaskQuery(indicator: 10)).allSatisfy { $0.target == .indicator(10) || (Int($0.target.description.dropFirst()) ?? 0) >= 31 })
        #expect(try store.tasks(TaskQuery(item: "O12")).allSatisfy { $0.target == .item("O12") })
        let week = try store.tasks(TaskQuery(dueWithin: today...today.adding(days: 7)))
        #expect(week.allSatisfy { $0.status.isOpen && $0.due! >= today && $0.due! <= today.adding(days: 7) })
    }

    @Test func changeTokenMovesWhenAnotherConnectionWrites() throws {
        let store = try StoreFixture.demoStore()
        let other = try Store.open(at: store.path)
        let before = try store.changeToken()
        #expect(try store.changeToken() == before)
        let todo = try #require(try store.tasks().first { $0.status == .todo })
        try other.apply(.start, toTask: todo.id, by: StoreFixture.author(other, "pimchanok"), at: StoreFixture.now)
        #expect(try store.changeToken() != before)
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let store = try StoreFixture.demoStore()
        let open = try store.tasks().filter { $0.status.isOpen }.map(\.id)
        let path = store.path
        // Two separate connections (as two processes would have), each ticking half the tasks.
        await withThrowingTaskGroup(of: Void.self) { group in
            for half in [open.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), open.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)] {
                group.addTask {
                    let connection = try Store.open(at: path)
                    let chair = try StoreFixture.author(connection, "pimchanok")
                    for id in half { try connection.apply(.markDone(evidence: "https://x.example/\(id)", note: nil), toTask: id, by: chair, at: StoreFixture.now) }
                }
            }
        }
        #expect(try store.tasks().filter { $0.status.isOpen }.isEmpty)
        #expect(Set(try StoreFixture.changes(store).filter { $0.field == "status" }.map(\.key)) == Set(open.map(String.init)))
        #expect(Set(try StoreFixture.changes(store).map(\.changeID)).count == open.count)
    }
}

@Suite struct SnapshotStoreTests {
    @Test func oneDailySnapshotPerDayAndMeetingsBesideIt() throws {
        let store = try StoreFixture.demoStore()
        #expect(try store.takeDailySnapshotIfMissing(today: StoreFixture.today))
        #expect(try !store.takeDailySnapshotIfMissing(today: StoreFixture.today))
        #expect(try store.takeDailySnapshotIfMissing(today: StoreFixture.today.adding(days: 1)))
        let board = try store.board(today: StoreFixture.today)
        let meeting = ProgressSnapshot.take(board, tasks: try store.tasks(), kind: .meeting)
        try store.record(meeting)
        let all = try store.snapshots()
        #expect(all.map(\.kind) == [.daily, .meeting, .daily])
        // What is read back is what was taken.
        #expect(all[1] == meeting)
        #expect(meeting.tasksTotal == 117 && meeting.openItems == 43 - board.progress.passedItems.count)
        #expect(meeting.owners["kittipat"]?.assigned == 13)
        #expect(try store.snapshots(since: StoreFixture.today.adding(days: 1)).count == 1)
    }

    @Test func lastActivityIsEachMembersLatestChange() throws {
        let store = try StoreFixture.demoStore()
        let kittipat = try StoreFixture.author(store, "kittipat")
        _ = try store.apply(.start, toTask: 54, by: kittipat, at: StoreFixture.now)
        let later = Timestamp(iso: "2026-11-19T08:30:00+07:00")!
        _ = try store.apply(.markDone(evidence: nil, note: nil), toTask: 54, by: kittipat, at: later)
        #expect(try store.lastActivity() == [kittipat.member!.id: later])
    }
}

@Suite struct SchemaFingerprintTests {
    @Test func verifyKnowsTheSchemaTheMigrationsBuild() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        let built = try queue.read { try Store.schemaFingerprints($0) }
        let literal = built.sorted { $0.key < $1.key }.map { "        \"\($0.key)\": \"\($0.value)\"," }.joined(separator: "\n")
        #expect(Schema.fingerprints == built, "Schema.fingerprints should be:\n[\n\(literal)\n]")
        #expect(built.keys.contains("audit_is_append_only_update") && built.keys.contains("meeting_is_kept"))
    }
}

@Suite struct IntegrityStoreTests {
    @Test func theRecentCheckFindsARewrittenNewRow() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        #expect(try store.verify().isIntact)
        let checkpoint = try store.lastAuditID()
        try store.apply(.start, toTask: 1, by: chair, at: StoreFixture.now)
        #expect(try store.verifyRecent(afterAuditID: checkpoint).isIntact)
        #expect(try store.verifyRecent(afterAuditID: checkpoint).auditRows > 0)
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_is_append_only_update")
            try db.execute(sql: "UPDATE audit SET new_value = 'done' WHERE id = ?", arguments: [checkpoint + 1])
        }
        try queue.close()
        let report = try store.verifyRecent(afterAuditID: checkpoint)
        #expect(report.problems.contains(.auditRowAltered(id: checkpoint + 1)))
        #expect(report.problems.contains(.schemaObjectMissing(name: "audit_is_append_only_update")))
        // The full check finds the task too: its status no longer replays.
        #expect(try store.verify().problems.contains(.taskDiffers(id: 1, field: "status")))
        #expect(try store.verify().problems.contains(.auditRowAltered(id: checkpoint + 1)))
    }
}

@Suite struct AuditEvidenceTests {
    @Test func theLogCarriesEvidenceAsLists() throws {
        let store = try StoreFixture.demoStore()
        let chair = try StoreFixture.author(store, "pimchanok")
        try store.apply(.setEvidence(["https://a.example/1", "https://b.example/ไทย?x=1,2"]), toTask: 1, by: chair, at: StoreFixture.now)
        let entry = try #require(try StoreFixture.changes(store).last { $0.field == "evidence" })
        #expect(entry.oldEvidence == [] && entry.newEvidence == ["https://a.example/1", "https://b.example/ไทย?x=1,2"])
        #expect(try StoreFixture.changes(store).allSatisfy { $0.field == "evidence" || $0.newEvidence == nil })
    }
}
