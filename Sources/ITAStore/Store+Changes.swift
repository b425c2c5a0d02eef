import Foundation
import GRDB
import ITACore

extension Store {
    /// What a change did: the fields written (empty when the task already was that way).
    public struct ChangeResult: Hashable, Sendable {
        public var task: WorkTask
        public var fields: [String]
    }

    /// Applies a change to one task for `author`, or refuses it with the permission rule's reason.
    @discardableResult
    public func apply(_ change: TaskChange, toTask id: Int64, by author: Author, at now: Timestamp) throws -> ChangeResult {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownTask(id: id)
            }
            let before = Self.taskFromRow(row)
            let owner = try Row.fetchOne(db, sql: "SELECT name FROM member WHERE id = ?", arguments: [before.ownerID]).map { $0["name"] as String }
            if let denial = Permissions.canChange(before, actor: author.member, login: author.login,
                                                  owner: owner.map { Member(id: before.ownerID, login: "", name: $0, role: .owner) }) {
                throw StoreError.denied(denial)
            }
            let after = TaskTransition.apply(change, to: before, by: author.member?.id, at: now)
            let changed = try Self.record(before: before, after: after, action: change.action, author: author, now: now, undoes: nil, db: db)
            return ChangeResult(task: after, fields: changed)
        }
    }

    /// Sets a survey tool's respondent count (chair and secretary only).
    @discardableResult
    public func setRespondents(tool: String, count: Int, by author: Author, at now: Timestamp) throws -> Respondents {
        try write { db in
            if let denial = Permissions.canRecordPlanData(actor: author.member, login: author.login) { throw StoreError.denied(denial) }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM respondents WHERE tool = ?", arguments: [tool]) else {
                throw StoreError.unknownTool(code: tool)
            }
            let old: Int = row["count"]
            if old != count {
                try db.execute(sql: "UPDATE respondents SET count = ? WHERE tool = ?", arguments: [count, tool])
                let changeID = try Self.nextChangeID(db)
                try Self.appendAudit(db, changeID: changeID, author: author, now: now, action: .respondents, entity: .respondents,
                                     key: tool, field: "count", old: String(old), new: String(count), undoes: nil)
            }
            return Respondents(quota: row["quota"], count: count)
        }
    }

    /// Reverses `author`'s most recent change that is not itself an undo and has not been undone.
    /// Refuses, writing nothing, if any of its fields has changed since. A meeting's action item (a
    /// created task) is part of the minutes and is not undone.
    @discardableResult
    public func undoLastChange(by author: Author, at now: Timestamp) throws -> [AuditEntry] {
        try write { db in
            // A member's changes are theirs from any login; a non-member's are those of their login.
            let mine: (sql: String, arguments: StatementArguments) = author.member.map { ("member_id = ?", [$0.id]) }
                ?? ("member_id IS NULL AND os_login = ?", [author.login])
            guard let changeID = try Int64.fetchOne(db, sql: """
                SELECT change_id FROM audit
                WHERE \(mine.sql) AND undoes IS NULL AND action NOT IN ('\(AuditAction.create.rawValue)', '\(AuditAction.baseline.rawValue)')
                  AND change_id NOT IN (SELECT undoes FROM audit WHERE undoes IS NOT NULL)
                ORDER BY id DESC LIMIT 1
                """, arguments: mine.arguments) else { throw StoreError.nothingToUndo }
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE change_id = ? ORDER BY id", arguments: [changeID])
                .map(Self.auditFromRow)
            let undoID = try Self.nextChangeID(db)
            for entry in entries.reversed() {
                guard let column = Self.undoableColumns[entry.entity]?[entry.field] else { continue }
                let table = entry.entity == .task ? "task" : "respondents"
                let keyColumn = entry.entity == .task ? "id" : "tool"
                let current = try String.fetchOne(db, sql: "SELECT CAST(\(column) AS TEXT) FROM \(table) WHERE \(keyColumn) = ?",
                                                  arguments: [entry.key])
                guard current == entry.newValue else {
                    throw StoreError.undoConflict(entity: entry.entity, key: entry.key, field: entry.field)
                }
                if entry.entity == .task, let id = Int64(entry.key), let task = try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task WHERE id = ?", arguments: [id]).map(Self.taskFromRow) {
                    if let denial = Permissions.canChange(task, actor: author.member, login: author.login, owner: nil) { throw StoreError.denied(denial) }
                }
                try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(keyColumn) = ?", arguments: [entry.oldValue, entry.key])
                if entry.entity == .task {
                    try db.execute(sql: "UPDATE task SET updated_at = ? WHERE id = ?", arguments: [now.iso, entry.key])
                }
                try Self.appendAudit(db, changeID: undoID, author: author, now: now, action: .undo, entity: entry.entity, key: entry.key,
                                     field: entry.field, old: entry.newValue, new: entry.oldValue, undoes: changeID)
            }
            return entries
        }
    }

    /// Stored columns that a change may write, per audited entity; undo writes only these.
    static let undoableColumns: [AuditEntity: [String: String]] = [
        .task: ["status": "status", "blocked_reason": "blocked_reason", "evidence": "evidence", "note": "note",
                 "done_by": "done_by", "done_at": "done_at"],
        .respondents: ["count": "count"],
    ]

    /// Writes the fields that differ between `before` and `after`, with one audit row each.
    static func record(before: WorkTask, after: WorkTask, action: AuditAction, author: Author, now: Timestamp, undoes: Int64?,
                       db: Database) throws -> [String] {
        let old = fieldValues(before), new = fieldValues(after)
        let changed = old.indices.filter { old[$0].value != new[$0].value }.map { old[$0].field }
        guard !changed.isEmpty else { return [] }
        let changeID = try nextChangeID(db)
        for index in old.indices where old[index].value != new[index].value {
            try db.execute(sql: "UPDATE task SET \(old[index].field) = ? WHERE id = ?", arguments: [new[index].value, before.id])
            try appendAudit(db, changeID: changeID, author: author, now: now, action: action, entity: .task, key: String(before.id),
                            field: old[index].field, old: old[index].value, new: new[index].value, undoes: undoes)
        }
        try db.execute(sql: "UPDATE task SET updated_at = ? WHERE id = ?", arguments: [now.iso, before.id])
        return changed
    }

    /// A task's changeable fields as the text stored (and audited) for each.
    static func fieldValues(_ t: WorkTask) -> [(field: String, value: String?)] {
        [("status", t.status.rawValue), ("blocked_reason", t.blockedReason), ("evidence", encodeEvidence(t.evidence)),
         ("note", t.note), ("done_by", t.doneBy.map(String.init)), ("done_at", t.doneAt?.iso)]
    }

    static func nextChangeID(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT MAX(change_id) FROM audit") ?? 0) + 1
    }

    static func appendAudit(_ db: Database, changeID: Int64, author: Author, now: Timestamp, action: AuditAction, entity: AuditEntity,
                            key: String, field: String, old: String?, new: String?, undoes: Int64?) throws {
        // The row's id is chosen here, so its hash (which covers the id) is written with it.
        let last = try Row.fetchOne(db, sql: "SELECT id, chain FROM audit ORDER BY id DESC LIMIT 1")
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit'") ?? 0
        let id = max(sequence, last?[0] ?? 0) + 1
        let values: [DatabaseValueConvertible?] = [id, changeID, now.iso, now.secondsSince1970, author.login, author.member?.id, action.rawValue, entity.rawValue,
                                                   key, field, old, new, undoes]
        let chain = chainHash(previous: last?[1] ?? "", values: values.map { $0?.databaseValue ?? .null })
        try db.execute(sql: """
            INSERT INTO audit (id, change_id, at, at_epoch, os_login, member_id, action, entity, entity_key, field, old_value, new_value, undoes, chain)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments(values + [chain]))
    }

    /// The columns `taskFromRow` reads, by position (name lookups per row cost more than the query).
    static let taskColumns = "id, title, target_kind, target, owner_id, due, status, blocked_reason, evidence, note, phase, done_by, done_at"

    /// Decodes a row selected with `taskColumns`.
    static func taskFromRow(_ row: Row) -> WorkTask {
        WorkTask(id: row[0], title: row[1], target: TaskTarget(kind: row[2], text: row[3]) ?? .indicator(0),
                 ownerID: row[4], due: (row[5] as String?).flatMap(CivilDate.init(iso:)),
                 status: TaskStatus(rawValue: row[6]) ?? .todo, blockedReason: row[7],
                 evidence: decodeEvidence(row[8]), note: row[9], phase: row[10], doneBy: row[11],
                 doneAt: (row[12] as String?).flatMap(Timestamp.init(iso:)))
    }

    static func auditFromRow(_ row: Row) -> AuditEntry {
        var entry = AuditEntry(id: row["id"], changeID: row["change_id"],
                               at: Timestamp(iso: row["at"]) ?? Timestamp(secondsSince1970: row["at_epoch"], utcOffsetSeconds: 0),
                               login: row["os_login"], memberID: row["member_id"], action: AuditAction(rawValue: row["action"]),
                               entity: AuditEntity(rawValue: row["entity"]), key: row["entity_key"], field: row["field"],
                               oldValue: row["old_value"], newValue: row["new_value"], undoes: row["undoes"])
        if entry.field == "evidence" {
            // The store encoded these lists; it decodes them for whoever shows the log.
            entry.oldEvidence = entry.oldValue.map(decodeEvidence)
            entry.newEvidence = entry.newValue.map(decodeEvidence)
        }
        return entry
    }
}
