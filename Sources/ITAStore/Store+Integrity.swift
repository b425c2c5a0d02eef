import Crypto
import Foundation
import GRDB
import ITACore

/// Tamper evidence. Audit rows and meeting entries each form a hash chain (a row's `chain` is the
/// SHA-256 of the previous row's `chain` and of its own content), an ended meeting carries a
/// `seal` over its record, and every task's stored state must equal the replay of its audit rows
/// from its creation. Whoever can write the file can still change it — and recompute hashes —
/// but `ita verify` makes any change made outside `ita` visible.
extension Store {
    /// What `verify` found, first problem first.
    public struct IntegrityReport: Hashable, Sendable {
        public var problems: [IntegrityProblem]
        /// Rows and tasks checked.
        public var auditRows = 0, entries = 0, meetings = 0, tasks = 0
        public var isIntact: Bool { problems.isEmpty }
    }

    /// Checks the schema and its triggers, both chains, the meeting seals and (with `replay`) every
    /// task against its audit rows.
    public func verify(replay: Bool = true) throws -> IntegrityReport {
        let expected = Schema.fingerprints
        return try read { db in try Self.verify(db, expected: expected, replay: replay) }
    }

    /// The cheap check for a dashboard that has already checked everything once: the schema and
    /// triggers, and the audit rows after `id` (chained from row `id`'s stored hash).
    /// `checkingSchema: false` leaves out the schema (for a caller that checked it at this
    /// `schemaVersion` already: SQLite bumps it on any change to the schema).
    public func verifyRecent(afterAuditID id: Int64, checkingSchema: Bool = true) throws -> IntegrityReport {
        try read { db in
            var report = IntegrityReport(problems: checkingSchema ? try Self.schemaProblems(db, expected: Schema.fingerprints) : [])
            var previous = try String.fetchOne(db, sql: "SELECT chain FROM audit WHERE id = ?", arguments: [id]) ?? ""
            var lastID = id
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.auditHashColumns), chain FROM audit WHERE id > ? ORDER BY id", arguments: [id])
            while let row = try rows.next() {
                let rowID: Int64 = row[0]
                if rowID != lastID + 1 { report.problems.append(.auditRowsMissing(after: lastID)) }
                let stored: String? = row[13]
                let expected = Self.chainHash(previous: previous, row: row, columns: 13)
                if stored != expected { report.problems.append(.auditRowAltered(id: rowID)) }
                previous = stored ?? expected
                lastID = rowID
                report.auditRows += 1
            }
            return report
        }
    }

    /// SQLite's schema cookie: it changes whenever a table, index or trigger is created, altered or dropped.
    public func schemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0 }
    }

    static func verify(_ db: Database, expected: [String: String], replay: Bool) throws -> IntegrityReport {
        var report = IntegrityReport(problems: try schemaProblems(db, expected: expected))
        // The audit chain.
        var previous = "", lastID: Int64 = 0
        let audits = try Row.fetchCursor(db, sql: "SELECT \(auditHashColumns), chain FROM audit ORDER BY id")
        while let row = try audits.next() {
            let id: Int64 = row[0]
            if id != lastID + 1 { report.problems.append(.auditRowsMissing(after: lastID)) }
            let stored: String? = row[13]
            let expected = chainHash(previous: previous, row: row, columns: 13)
            if stored != expected { report.problems.append(.auditRowAltered(id: id)) }
            previous = stored ?? expected
            lastID = id
            report.auditRows += 1
        }
        if let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'"), sequence > lastID {
            report.problems.append(.auditRowsMissing(after: lastID))
        }
        // The meeting entries' chain, and entries whose meeting is gone.
        previous = ""
        let entries = try Row.fetchCursor(db, sql: "SELECT \(entryHashColumns), chain, supersedes, agenda_item FROM meeting_entry ORDER BY id")
        while let row = try entries.next() {
            let stored: String? = row[9]
            let expected = chainHash(previous: previous, values: entryHashValues((0..<9).map { row[$0] as DatabaseValue }, supersedes: row[10],
                                                                                 agendaItem: row[11]))
            if stored != expected { report.problems.append(.entryAltered(id: row[0])) }
            previous = stored ?? expected
            report.entries += 1
        }
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM meeting_entry WHERE meeting_id NOT IN (SELECT id FROM meeting) ORDER BY id") {
            report.problems.append(.entryOrphaned(id: id))
        }
        for row in try Row.fetchAll(db, sql: "SELECT \(meetingSealColumns), seal FROM meeting WHERE ended_at IS NOT NULL ORDER BY day") {
            report.meetings += 1
            if (row[10] as String?) != chainHash(previous: "", values: meetingSealValues(row)) { report.problems.append(.meetingAltered(day: row[1])) }
        }
        if replay { try replayTasks(db, into: &report) }
        return report
    }

    /// Replays each task's audit rows from its creation and compares with the stored row.
    private static func replayTasks(_ db: Database, into report: inout IntegrityReport) throws {
        var state: [Int64: [String: String?]] = [:]
        var broken: Set<Int64> = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, entity_key, field, old_value, new_value, action FROM audit WHERE entity = 'task' ORDER BY id
            """)
        while let row = try rows.next() {
            guard let task = Int64(row[1] as String) else { continue }
            let field: String = row[2]
            if field == creationField {
                state[task] = decodeCreation(row[4])
                continue
            }
            guard state[task] != nil else { continue }   // reported below as without creation
            // A field a creation row from an older version did not record starts at its first change.
            if let known = state[task]?[field], known != (row[3] as String?), !broken.contains(task) {
                broken.insert(task)
                report.problems.append(.taskHistoryBroken(id: task, auditRow: row[0]))
            }
            state[task]?[field] = .some(row[4] as String?)
        }
        let tasks = try Row.fetchCursor(db, sql: "SELECT \(taskColumns) FROM task ORDER BY id")
        while let row = try tasks.next() {
            let task = taskFromRow(row)
            report.tasks += 1
            guard let replayed = state[task.id] else {
                report.problems.append(.taskWithoutCreation(id: task.id))
                continue
            }
            for (field, value) in fieldValues(task) where replayed[field].map({ $0 != value }) ?? false {
                report.problems.append(.taskDiffers(id: task.id, field: field))
                break
            }
        }
    }

    // MARK: Writing the chain

    /// The audit row's field that holds a task's whole state at creation (JSON of `fieldValues`).
    static let creationField = "*"

    /// Audits the creation of tasks: one row each, holding its state, so replay has a start.
    static func recordCreation(of taskIDs: [Int64], author: Author, now: Timestamp, db: Database, action: AuditAction = .create) throws {
        guard !taskIDs.isEmpty else { return }
        let changeID = try nextChangeID(db)
        for id in taskIDs {
            guard let row = try Row.fetchOne(db, sql: "SELECT \(taskColumns) FROM task WHERE id = ?", arguments: [id]) else { continue }
            try appendAudit(db, changeID: changeID, author: author, now: now, action: action, entity: .task, key: String(id),
                            field: creationField, old: nil, new: encodeCreation(taskFromRow(row)), undoes: nil)
        }
    }

    static func encodeCreation(_ task: WorkTask) -> String {
        var object: [String: String?] = [:]
        for (field, value) in fieldValues(task) { object[field] = .some(value) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decodeCreation(_ json: String?) -> [String: String?] {
        guard let json, let object = try? JSONDecoder().decode([String: String?].self, from: Data(json.utf8)) else { return [:] }
        return object
    }

    /// The columns an audit row's hash covers, in order (then its `chain`).
    static let auditHashColumns = "id, change_id, at, at_epoch, os_login, member_id, action, entity, entity_key, field, old_value, new_value, undoes"
    static let entryHashColumns = "id, meeting_id, section, kind, subject, text, task_id, member_id, at"
    /// An entry's hashed values: the nine columns, and what it supersedes when it is a correction
    /// (so entries from before corrections existed keep their hashes).
    static func entryHashValues(_ values: [DatabaseValue], supersedes: Int64?, agendaItem: Int? = nil) -> [DatabaseValue] {
        var out = supersedes.map { values + [$0.databaseValue] } ?? values
        // The ระเบียบวาระ (schema v11) when one was chosen, so older entries keep their hashes.
        if let agendaItem { out += ["agenda_item".databaseValue, agendaItem.databaseValue] }
        return out
    }

    static let meetingSealColumns = "id, day, started_at, ended_at, attendees, section_seconds, summary, place, absence, guests"

    /// A meeting's sealed values: the first seven columns, and place, absence and guests (schema v11)
    /// when any is set, so meetings sealed before keep their seals.
    static func meetingSealValues(_ row: Row) -> [DatabaseValue] { meetingSealValues((0..<10).map { row[$0] as DatabaseValue }) }

    static func meetingSealValues(_ columns: [DatabaseValue]) -> [DatabaseValue] {
        let extra = Array(columns.dropFirst(7).prefix(3))
        let unset: [DatabaseValue] = ["".databaseValue, "{}".databaseValue, "".databaseValue]
        return extra == unset || extra.isEmpty ? Array(columns.prefix(7)) : Array(columns.prefix(10))
    }

    /// SHA-256 (hex) of the previous link and the row's first `columns` values, each tagged so
    /// that NULL, "" and a shifted boundary all hash differently.
    static func chainHash(previous: String, row: Row, columns: Int) -> String {
        chainHash(previous: previous, values: (0..<columns).map { row[$0] as DatabaseValue })
    }

    static func chainHash(previous: String, values: [DatabaseValue]) -> String {
        // One buffer, one hash: this runs once per audit row when a whole log is checked.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        bytes += previous.utf8
        for value in values {
            switch value.storage {
            case .null: bytes.append(UInt8(ascii: "n"))
            case .int64(let i): bytes.append(UInt8(ascii: "i")); bytes += String(i).utf8
            case .double(let d): bytes.append(UInt8(ascii: "d")); bytes += "\(d)".utf8
            case .string(let s):
                bytes.append(UInt8(ascii: "s")); bytes += String(s.utf8.count).utf8; bytes.append(UInt8(ascii: ":")); bytes += s.utf8
            case .blob(let b): bytes.append(UInt8(ascii: "b")); bytes += String(b.count).utf8; bytes.append(UInt8(ascii: ":")); bytes += b.base64EncodedString().utf8
            }
            bytes.append(0x1F)
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) { out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Sets the chain of the audit rows from `fromID` on (inside the write that inserted them).
    static func chainAudit(_ db: Database, fromID: Int64) throws {
        var previous = try String.fetchOne(db, sql: "SELECT chain FROM audit WHERE id < ? ORDER BY id DESC LIMIT 1", arguments: [fromID]) ?? ""
        for row in try Row.fetchAll(db, sql: "SELECT \(auditHashColumns) FROM audit WHERE id >= ? ORDER BY id", arguments: [fromID]) {
            let hash = chainHash(previous: previous, row: row, columns: 13)
            try db.execute(sql: "UPDATE audit SET chain = ? WHERE id = ?", arguments: [hash, row[0] as Int64])
            previous = hash
        }
    }

    // MARK: Schema

    /// Compares the file's tables, indexes and triggers with those this version's migrations make
    /// (`Schema.fingerprints`: a test keeps that table equal to what the migrations build).
    private static func schemaProblems(_ db: Database, expected: [String: String]) throws -> [IntegrityProblem] {
        let actual = try schemaFingerprints(db)
        var problems: [IntegrityProblem] = []
        for (name, fingerprint) in expected.sorted(by: { $0.key < $1.key }) {
            guard let found = actual[name] else { problems.append(.schemaObjectMissing(name: name)); continue }
            if found != fingerprint { problems.append(.schemaObjectChanged(name: name)) }
        }
        for name in actual.keys.sorted() where expected[name] == nil {
            problems.append(.schemaObjectUnexpected(name: name))
        }
        return problems
    }

    /// Each table's, index's and trigger's name → the first 16 hex digits of the SHA-256 of its SQL,
    /// white space folded. (Building the expected schema in memory inside `ita` instead was seen to
    /// disturb the dashboard's view of other processes' commits.)
    static func schemaFingerprints(_ db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
            """) {
            let digest = SHA256.hash(data: Data(normalised(row[1]).utf8))
            result[row[0]] = String(digest.map { String(format: "%02x", $0) }.joined().prefix(16))
        }
        return result
    }

    private static func normalised(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
