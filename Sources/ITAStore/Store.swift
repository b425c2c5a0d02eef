import Foundation
import GRDB
import ITACore

/// The committee's database: one SQLite file in WAL mode, shared by every terminal and process.
///
/// Every change runs in one immediate transaction that re-reads the row, checks the permission
/// rule, writes the new values and appends to the audit log, so concurrent writers serialise
/// instead of overwriting each other. Nothing outside this module sees GRDB types.
public final class Store: Sendable {
    public let path: String
    /// Why this store refuses every change (the file or its directory is not writable, or
    /// `--read-only` was asked for); nil when it may write.
    public let readOnlyReason: ReadOnlyReason?
    private let connection: Connection

    /// How reads reach the file.
    private enum Connection: Sendable {
        /// One connection for the store's life (the normal case, read-write or read-only).
        case shared(DatabaseQueue)
        /// Read-only in a directory this account cannot write: SQLite cannot make the `-shm` file
        /// there, so each read opens the file anew — through the WAL and its `-shm` while a writer
        /// has them, or as an immutable file when they do not exist (all changes are then in the file).
        case perRead(memoryMapped: Bool)
    }

    private init(path: String, readOnlyReason: ReadOnlyReason?, connection: Connection) {
        self.path = path
        self.readOnlyReason = readOnlyReason
        self.connection = connection
    }

    public var isReadOnly: Bool { readOnlyReason != nil }

    /// Every connection: a busy timeout, foreign keys, `synchronous = NORMAL` (none of which
    /// writes to the file). WAL is a property of the file, set once when it is created.
    private static func configuration(memoryMapped: Bool = true, readOnly: Bool = false, checkpointsWhenIdle: Bool = false) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        var pragmas: [String] = []
        if !readOnly { pragmas.append("PRAGMA synchronous = NORMAL") }
        // The dashboard moves the write-ahead log into the file when it is idle (`checkpoint()`),
        // not inside the write of a key (a 30 ms stall at 50,000 tasks).
        if !readOnly, checkpointsWhenIdle { pragmas.append("PRAGMA wal_autocheckpoint = 0") }
        // Read pages through the page cache's mapping instead of one read() per page. Mapped pages
        // count in the process's memory, so the long-running dashboard turns this off.
        if memoryMapped { pragmas.append("PRAGMA mmap_size = 268435456") }
        let sql = pragmas.joined(separator: "; ")   // one execute: each costs a one-shot command its setup
        config.prepareDatabase { db in if !sql.isEmpty { try db.execute(sql: sql) } }
        return config
    }

    // MARK: Opening and creating

    /// What the first 100 bytes of a file say, read without SQLite (so a refused file is never
    /// touched: SQLite would turn an empty file into a database, and a journal-mode pragma writes).
    enum FileHeader {
        case notSQLite
        case sqlite(applicationID: Int32, wal: Bool)

        init(path: String) throws {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw StoreError.failed("\(path): \(String(cString: strerror(errno)))")
            }
            defer { try? handle.close() }
            let bytes = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
            guard bytes.count == 100, bytes.starts(with: Array("SQLite format 3\u{0}".utf8)) else { self = .notSQLite; return }
            let id = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            self = .sqlite(applicationID: Int32(bitPattern: id), wal: bytes[18] == 2 && bytes[19] == 2)
        }
    }

    /// Opens an existing database, refusing files that are not ITA Board databases or were
    /// written by a newer version, without writing to them. Where this account may not write the
    /// file or its directory (or `readOnly` asks), the store opens read-only and refuses changes.
    public static func open(at path: String, memoryMapped: Bool = true, readOnly: Bool = false, checkpointsWhenIdle: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDatabase(path: path) }
        guard case .sqlite(let applicationID, let wal) = try FileHeader(path: path) else {
            throw StoreError.notADatabase(path: path, detail: "not an SQLite database")
        }
        guard applicationID == Schema.applicationID else { throw StoreError.notADatabase(path: path, detail: "not an ITA Board database") }
        let directory = (path as NSString).deletingLastPathComponent
        var reason: ReadOnlyReason? = readOnly ? .requested : nil
        if reason == nil, access(path, W_OK) != 0 { reason = .fileNotWritable }
        if reason == nil, access(directory.isEmpty ? "." : directory, W_OK) != 0 { reason = .directoryNotWritable }
        do {
            if let reason {
                let directoryWritable = access(directory.isEmpty ? "." : directory, W_OK) == 0
                let connection: Connection = directoryWritable
                    ? .shared(try DatabaseQueue(path: path, configuration: configuration(memoryMapped: memoryMapped, readOnly: true)))
                    : .perRead(memoryMapped: memoryMapped)
                let store = Store(path: path, readOnlyReason: reason, connection: connection)
                try store.read { db in try checkSchema(db, path: path, canMigrate: false) }
                return store
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration(memoryMapped: memoryMapped, checkpointsWhenIdle: checkpointsWhenIdle))
            let pending = try queue.read { db in try checkSchema(db, path: path, canMigrate: true) }
            if !wal {
                // Only files from before WAL was set at creation: the one pragma that writes, after the checks.
                _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            }
            // Migrating takes the write lock: only do it when a migration is pending.
            if pending { try Schema.migrator.migrate(queue) }
            return Store(path: path, readOnlyReason: nil, connection: .shared(queue))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path, detail: "not an SQLite database")
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Refuses a database written by a newer version; says whether migrations are pending (and
    /// refuses, when this store may not migrate, a database that needs them).
    private static func checkSchema(_ db: Database, path: String, canMigrate: Bool) throws -> Bool {
        // One read of the applied migrations (GRDB's two questions would read them twice, and
        // build the migrator each time).
        let migrator = Schema.migrator
        let known = migrator.migrations, applied = try migrator.appliedIdentifiers(db)
        if !applied.isSubset(of: known) { throw StoreError.newerVersion(path: path) }
        let pending = applied.count != known.count
        if pending && !canMigrate { throw StoreError.needsUpgrade(path: path) }
        return pending
    }

    /// Creates a database from a framework and a committee plan. It is built in a private
    /// directory beside `path` (named for this process) and renamed into place only when complete,
    /// so a failure or a kill leaves nothing at `path`; leftovers of dead processes are removed.
    public static func create(at path: String, framework: Framework, plan: CommitteePlan, now: Timestamp, by login: String = "ita") throws -> Store {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path) else { throw StoreError.alreadyExists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? fm.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let parent = directory.isEmpty ? "." : directory
        TemporaryBuild.removeStale(in: parent)
        let workspace = try TemporaryBuild.make(in: parent)
        defer { try? fm.removeItem(atPath: workspace) }
        let temporary = workspace + "/" + (path as NSString).lastPathComponent
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration())
            _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try Schema.migrator.migrate(queue)
            try queue.write { db in
                try insert(framework: framework, plan: plan, now: now, into: db)
                // Whoever runs init is the author of every task's creation (a member, when their login is one).
                let author = Author(login: login, member: plan.members.first { $0.login == login })
                try Self.recordCreation(of: plan.tasks.map(\.id), author: author, now: now, db: db)
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
        guard rename(temporary, path) == 0 else { throw StoreError.failed("\(path): cannot write (\(String(cString: strerror(errno))))") }
        return try open(at: path)
    }

    private static func insert(framework: Framework, plan: CommitteePlan, now: Timestamp, into db: Database) throws {
        let a = plan.assessment
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try db.execute(sql: """
            INSERT INTO assessment (id, organisation, fiscal_year, framework_id, framework_json, target_grade,
                                    indicator_target, process_json, created_on, meeting_weekday, website)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.organisation, a.fiscalYear, framework.id,
                             String(decoding: try encoder.encode(framework), as: UTF8.self), a.targetGrade,
                             a.indicatorTarget, String(decoding: try encoder.encode(a.process), as: UTF8.self), now.date.iso,
                             a.meetingWeekday, a.website])
        for (indicator, score) in a.lastYearScores {
            try db.execute(sql: "INSERT INTO last_year_score VALUES (?, ?)", arguments: [indicator, score])
        }
        for (tool, score) in a.estimates { try db.execute(sql: "INSERT INTO estimate VALUES (?, ?)", arguments: [tool, score]) }
        for (tool, r) in a.respondents {
            try db.execute(sql: "INSERT INTO respondents VALUES (?, ?, ?)", arguments: [tool, r.quota, r.count])
        }
        for (index, m) in a.milestones.enumerated() {
            try db.execute(sql: """
                INSERT INTO milestone (key, position, title_th, title_en, starts, due, reminders, covers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [m.key, index, m.titleTH, m.titleEN, m.starts?.iso, m.due.iso,
                                 m.reminderOffsets.map(String.init).joined(separator: ","), m.covers.joined(separator: ",")])
        }
        for h in a.holidays { try db.execute(sql: "INSERT OR REPLACE INTO holiday VALUES (?, ?)", arguments: [h.date.iso, h.name]) }
        for m in plan.members {
            try db.execute(sql: "INSERT INTO member (id, login, name, role, work_group, line_name, line_id, left_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [m.id, m.login, m.name, m.role.rawValue, m.workGroup, m.lineName, m.lineID, m.leftOn?.iso])
        }
        for (target, memberID) in plan.owners {
            try db.execute(sql: "INSERT INTO owner VALUES (?, ?, ?)", arguments: [target.kind, target.description, memberID])
        }
        let insertTask = try db.makeStatement(sql: """
            INSERT INTO task (id, title, target_kind, target, indicator, owner_id, due, status, blocked_reason, evidence,
                              note, phase, done_by, done_at, updated_at, recurs, plan_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for t in plan.tasks {
            try insertTask.execute(arguments: [
                t.id, t.title, t.target.kind, t.target.description, framework.indicatorNumber(of: t.target), t.ownerID,
                t.due?.iso, t.status.rawValue, t.blockedReason, Self.encodeEvidence(t.evidence), t.note, t.phase,
                t.doneBy, t.doneAt?.iso, plan.lastChange[t.id].map { day in
                    Timestamp(secondsSince1970: Int64(day.dayNumber) * 86_400 + 9 * 3600 - Int64(now.utcOffsetSeconds),
                              utcOffsetSeconds: now.utcOffsetSeconds).iso
                } ?? now.iso, t.recurs?.rawValue, t.key])
        }
    }

    // MARK: Reading

    /// The day this database was created (the demo is remade when it is from an earlier day).
    public func createdOn() throws -> CivilDate? {
        try read { db in try String.fetchOne(db, sql: "SELECT created_on FROM assessment").flatMap(CivilDate.init(iso:)) }
    }

    /// A number that changes whenever another connection commits a change: cheap to poll for
    /// live refresh (SQLite's `PRAGMA data_version`).
    ///
    /// It also covers the sizes and times of the file and its WAL: `data_version` alone was seen to
    /// stay put in a process that had opened and closed a second connection to the same file.
    /// The caller re-reads the token after its own writes, which change the files too.
    public func changeToken() throws -> Int {
        var hasher = Hasher()
        hasher.combine(Self.fileToken(path))
        if case .shared = connection { hasher.combine(try read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }) }
        return hasher.finalize()
    }

    /// Without a connection of its own to ask, a read-only store sees changes in the files' sizes and times.
    private static func fileToken(_ path: String) -> Int {
        var hasher = Hasher()
        for suffix in ["", "-wal"] {
            var info = stat()
            if stat(path + suffix, &info) == 0 {
                hasher.combine(info.st_size)
                hasher.combine(info.st_mtim.tv_sec)
                hasher.combine(info.st_mtim.tv_nsec)
                hasher.combine(info.st_ino)
            } else {
                hasher.combine(-1)
            }
        }
        return hasher.finalize()
    }

    public func framework() throws -> Framework { try read { try Self.framework($0) } }

    static func framework(_ db: Database) throws -> Framework {
        guard let json = try String.fetchOne(db, sql: "SELECT framework_json FROM assessment") else {
            throw StoreError.failed("the database has no assessment")
        }
        return try FrameworkCache.shared.framework(for: json)
    }

    public func members() throws -> [Member] { try read { try Self.members($0) } }

    static func memberRecords(_ db: Database) throws -> [Member] { try members(db) }

    static func ownerRecords(_ db: Database) throws -> [TaskTarget: Int64] {
        var owners: [TaskTarget: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM owner") {
            if let target = TaskTarget(kind: row["target_kind"], text: row["target"]) { owners[target] = row["member_id"] }
        }
        return owners
    }

    static func assessmentRecord(_ db: Database, framework: Framework) throws -> Assessment { try assessment(db, framework: framework) }

    private static func members(_ db: Database) throws -> [Member] {
        try Row.fetchAll(db, sql: "SELECT * FROM member ORDER BY id").map { row in
            Member(id: row["id"], login: row["login"], name: row["name"], role: Member.Role(rawValue: row["role"]) ?? .member,
                   workGroup: row["work_group"], lineName: row["line_name"],
                   lineID: row["line_id"], leftOn: (row["left_on"] as String?).flatMap(CivilDate.init(iso:)))
        }
    }

    /// Everything the status views need, in one read transaction.
    public func board(today: CivilDate, dueGroupLimit: Int) throws -> Board {
        try read { db in
            let framework = try Self.framework(db)
            let assessment = try Self.assessment(db, framework: framework)
            let members = try Self.members(db)
            var owners: [TaskTarget: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM owner") {
                if let target = TaskTarget(kind: row["target_kind"], text: row["target"]) { owners[target] = row["member_id"] }
            }
            var tallies: [TaskTarget: Tally] = [:]
            var nearest: [String: CivilDate] = [:]
            // One statement over the tallies; for each open status of a target, index seeks (task_rollup)
            // count what is overdue and find an item's nearest due date. Counting the overdue tasks with
            // GROUP BY instead sorted them all (0.4 ms of `ita status` at 10,000 tasks), and each further
            // statement costs its preparation.
            let open = "t.status IN \(Self.openStatuses)"
            let sameTasks = "FROM task INDEXED BY task_rollup WHERE target_kind = t.target_kind AND target = t.target AND status = t.status AND \(Self.live)"
            for row in try Row.fetchAll(db, sql: """
                SELECT target_kind, target, status, total, with_evidence AS evidence,
                       CASE WHEN \(open) THEN (SELECT COUNT(*) \(sameTasks) AND due < ?1) ELSE 0 END AS overdue,
                       CASE WHEN \(open) AND t.target_kind = 'item' THEN (SELECT MIN(due) \(sameTasks) AND due IS NOT NULL) END AS nearest
                FROM task_tally t
                """, arguments: [today.iso]) {
                guard let target = TaskTarget(kind: row["target_kind"], text: row["target"]) else { continue }
                let status: String = row["status"], count: Int = row["total"]
                var tally = tallies[target, default: .zero] + Tally(
                    total: count, done: status == "done" ? count : 0, blocked: status == "blocked" ? count : 0, withEvidence: row["evidence"])
                tally.overdue += row["overdue"] as Int
                tallies[target] = tally
                if let text: String = row["nearest"], let due = CivilDate(iso: text), case .item(let code) = target {
                    nearest[code] = min(due, nearest[code] ?? due)
                }
            }
            var due: [(due: CivilDate, target: TaskTarget, ownerID: Int64)] = []
            // The next few due dates, walking the open tasks' index in date order (see migration v5).
            let dueRows = try Row.fetchCursor(db, sql: """
                SELECT due, target_kind, target, owner_id FROM task
                INDEXED BY task_open_due WHERE status IN \(Self.openStatuses) AND \(Self.live) AND due IN (
                    SELECT DISTINCT due FROM task INDEXED BY task_open_due WHERE status IN \(Self.openStatuses) AND \(Self.live) AND due >= ? ORDER BY due LIMIT ?)
                """, arguments: [today.iso, dueGroupLimit])
            while let row = try dueRows.next() {
                guard let day = CivilDate(iso: row[0]), let target = TaskTarget(kind: row[1], text: row[2]) else { continue }
                due.append((day, target, row[3]))
            }
            let dueGroups = DueGroup.grouping(due)
            var board = Board(framework: framework, assessment: assessment, members: members, owners: owners, tallies: tallies,
                              dueGroups: dueGroups, nearestDue: nearest, today: today)
            board.evidenceChecks = try Self.evidenceChecks(db)
            return board
        }
    }

    private static func assessment(_ db: Database, framework: Framework) throws -> Assessment {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM assessment") else { throw StoreError.failed("the database has no assessment") }
        let process = try JSONDecoder().decode(ProcessModel.self, from: Data((row["process_json"] as String).utf8))
        var lastYear: [Int: Double] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM last_year_score") { lastYear[r["indicator"]] = r["score"] }
        var estimates: [String: Double] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM estimate") { estimates[r["tool"]] = r["score"] }
        var respondents: [String: Respondents] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM respondents") { respondents[r["tool"]] = Respondents(quota: r["quota"], count: r["count"]) }
        var official = OfficialResults()
        for r in try Row.fetchAll(db, sql: "SELECT * FROM official_result") {
            if let score: Double = r["score"] { official.scores[r["scope"]] = score }
            if let grade: String = r["grade"] { official.grade = grade }
        }
        let milestones = try Row.fetchAll(db, sql: "SELECT * FROM milestone ORDER BY due, position").compactMap { r -> Milestone? in
            guard let due = CivilDate(iso: r["due"]) else { return nil }
            let reminders = (r["reminders"] as String).split(separator: ",").compactMap { Int($0) }
            return Milestone(key: r["key"], titleTH: r["title_th"], titleEN: r["title_en"],
                             starts: (r["starts"] as String?).flatMap(CivilDate.init(iso:)), due: due, reminderOffsets: reminders,
                             covers: (r["covers"] as String).split(separator: ",").map(String.init))
        }
        let holidays = try Row.fetchAll(db, sql: "SELECT * FROM holiday ORDER BY date").compactMap { r -> Holiday? in
            CivilDate(iso: r["date"]).map { Holiday(date: $0, name: r["name"]) }
        }
        var assessment = Assessment(organisation: row["organisation"], fiscalYear: row["fiscal_year"], frameworkID: row["framework_id"],
                          targetGrade: row["target_grade"], indicatorTarget: row["indicator_target"], lastYearScores: lastYear,
                          estimates: estimates, respondents: respondents, milestones: milestones, holidays: holidays, process: process,
                          meetingWeekday: row["meeting_weekday"])
        assessment.official = official
        assessment.website = row["website"] ?? ""
        return assessment
    }

    public func task(id: Int64) throws -> WorkTask? {
        try read { db in try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task WHERE id = ?", arguments: [id]).map(Self.taskFromRow) }
    }

    /// Moves what the write-ahead log holds into the database file, without waiting for readers
    /// (PASSIVE). For a store opened with `checkpointsWhenIdle`, called when nothing else is going on.
    public func checkpoint() throws {
        guard readOnlyReason == nil, case .shared(let queue) = connection else { return }
        try queue.writeWithoutTransaction { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") }
    }

    /// These tasks as stored now, in id order (ids with no task, and archived ones, are left out).
    public func tasks(ids: [Int64]) throws -> [WorkTask] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            var out: [WorkTask] = []
            // In chunks, within SQLite's limit on bound values.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                out += try Row.fetchAll(db, sql: "SELECT \(Self.taskColumns) FROM task WHERE id IN (\(marks)) AND \(Self.live)",
                                        arguments: StatementArguments(chunk)).map(Self.taskFromRow)
            }
            return out.sorted { $0.id < $1.id }
        }
    }

    /// Tasks matching `query`, in id order (callers sort by urgency in the domain).
    public func tasks(_ query: TaskQuery) throws -> [WorkTask] {
        var clauses: [String] = [query.archived ? "archived_at IS NOT NULL" : Self.live]
        var arguments: StatementArguments = []
        if let owner = query.ownerID { clauses.append("owner_id = ?"); arguments += [owner] }
        if let indicator = query.indicator { clauses.append("indicator = ?"); arguments += [indicator] }
        if let item = query.item { clauses.append("target_kind = 'item' AND target = ?"); arguments += [item] }
        if let status = query.status { clauses.append("status = ?"); arguments += [status.rawValue] }
        if let day = query.overdueOn { clauses.append("status IN \(Self.openStatuses) AND due < ?"); arguments += [day.iso] }
        if let range = query.dueWithin {
            clauses.append("status IN \(Self.openStatuses) AND due >= ? AND due <= ?"); arguments += [range.lowerBound.iso, range.upperBound.iso]
        }
        let sql = "SELECT \(Self.taskColumns) FROM task WHERE " + clauses.joined(separator: " AND ") + " ORDER BY id"
        // A cursor decodes each row in place; fetchAll would first copy every row.
        return try read { db in
            var tasks: [WorkTask] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { tasks.append(Self.taskFromRow(row)) }
            return tasks
        }
    }

    /// Audit entries, oldest first; from local midnight of `since` when given.
    public func log(sinceEpoch: Int64? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        try read { db in
            // The newest `limit` rows (all when nil: LIMIT -1), shown oldest first.
            let sql = """
                SELECT * FROM (SELECT * FROM audit WHERE at_epoch >= ? ORDER BY id DESC LIMIT ?) ORDER BY id
                """
            return try Row.fetchAll(db, sql: sql, arguments: [sinceEpoch ?? Int64.min, limit ?? -1]).map(Self.auditFromRow)
        }
    }

    /// Audit rows after `id`, oldest first (what others changed since the dashboard last looked).
    public func log(after id: Int64, limit: Int = 200) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]).map(Self.auditFromRow)
        }
    }

    /// The newest audit row's id (0 when there is none).
    public func lastAuditID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit") ?? 0 }
    }

    /// Tasks not archived, as the open-task indexes' WHERE says it (so queries naming it use them).
    static let live = "archived_at IS NULL"

    /// Open statuses as an SQL list: `status IN (…)` can use the (status, due) index; `!=` cannot.
    static let openStatuses = "(" + TaskStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    // MARK: Encoding helpers

    static func encodeEvidence(_ urls: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: (try? encoder.encode(urls)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decodeEvidence(_ json: String) -> [String] {
        if json == "[]" { return [] }   // most tasks: skip building a decoder
        if let simple = splitSimpleJSONArray(json) { return simple }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// `["a","b"]` with no escapes or quotes inside the strings (what URLs encode to), split byte by
    /// byte; nil for anything else, which then goes through JSONDecoder.
    static func splitSimpleJSONArray(_ json: String) -> [String]? {
        var json = json
        return json.withUTF8 { b -> [String]? in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
            guard b.count >= 4, b[0] == UInt8(ascii: "["), b[1] == quote, b[b.count - 2] == quote, b[b.count - 1] == UInt8(ascii: "]") else {
                return nil
            }
            var parts: [String] = []
            var start = 2, i = 2
            let end = b.count - 2
            while i < end {
                let byte = b[i]
                if byte == backslash { return nil }
                if byte == quote {
                    // Only `","` may separate strings here.
                    guard i + 2 < end, b[i + 1] == comma, b[i + 2] == quote else { return nil }
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
                    i += 3
                    start = i
                    continue
                }
                i += 1
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
            return parts
        }
    }

    /// Runs `body` in a read transaction, as a store error on failure.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            switch connection {
            case .shared(let queue):
                return try queue.read(body)
            case .perRead(let memoryMapped):
                // While a writer has the WAL open, read through it; otherwise every change is in the file.
                let walExists = FileManager.default.fileExists(atPath: path + "-wal") && FileManager.default.fileExists(atPath: path + "-shm")
                let target = walExists ? path : "file:" + Self.uriEscaped(path) + "?immutable=1"
                let queue = try DatabaseQueue(path: target, configuration: Self.configuration(memoryMapped: memoryMapped, readOnly: true))
                defer { try? queue.close() }
                return try queue.read(body)
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// A path as the path part of an SQLite URI.
    private static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "/-._~".contains(c) { out.append(c) }
            else { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
        }
        return out
    }

    /// Runs `body` in one immediate transaction: it takes the write lock up front, so a concurrent
    /// writer waits (up to the busy timeout) instead of failing half-way. A read-only store refuses.
    func write<T>(rollingBack: Bool = false, _ body: (Database) throws -> T) throws -> T {
        guard case .shared(let queue) = connection, readOnlyReason == nil else {
            throw StoreError.readOnly(path: path, reason: readOnlyReason ?? .directoryNotWritable)
        }
        var result: T?
        do {
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return rollingBack ? .rollback : .commit
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
        return result!
    }
}

extension TaskTarget {
    /// `indicator` or `item`, as stored.
    var kind: String {
        if case .item = self { return "item" }
        return "indicator"
    }

    init?(kind: String, text: String) {
        switch kind {
        case "indicator": guard let n = Int(text) else { return nil }; self = .indicator(n)
        case "item": self = .item(text)
        default: return nil
        }
    }
}

extension Framework {
    /// The indicator a target belongs to (an item's own indicator).
    func indicatorNumber(of target: TaskTarget) -> Int {
        switch target {
        case .indicator(let n): return n
        case .item(let code): return location(ofItem: code)?.indicator.number ?? 0
        }
    }
}

/// Frameworks decoded from their stored JSON, kept for the process: the dashboard's reloads and a
/// roll-up over hundreds of offices of one year decode each framework once (decoding is about a
/// tenth of reading an office's board). A handful of entries: one per year in use.
final class FrameworkCache: @unchecked Sendable {
    static let shared = FrameworkCache()
    private let lock = NSLock()
    private var entries: [(json: String, framework: Framework)] = []

    func framework(for json: String) throws -> Framework {
        lock.lock()
        if let hit = entries.first(where: { $0.json == json }) { lock.unlock(); return hit.framework }
        lock.unlock()
        let data = Data(json.utf8)
        let framework = try (try? FrameworkJSON.decode(data)) ?? JSONDecoder().decode(Framework.self, from: data)
        lock.lock()
        entries.insert((json, framework), at: 0)
        if entries.count > 8 { entries.removeLast() }
        lock.unlock()
        return framework
    }
}
