import Foundation
import GRDB
import ITACore

extension Store {
    /// What a change did: the fields written (empty when the task already was that way).
    public struct ChangeResult: Hashable, Sendable {
        public var task: WorkTask
        public var fields: [String]
        /// The next occurrence of recurring work, made by this change.
        public var next: WorkTask?
        /// The due date of a next occurrence not made because it needs a yes first (past, or over a year out).
        public var pendingNext: CivilDate?
    }

    /// Applies a change to one task for `author`, or refuses it with the permission rule's reason.
    /// Marking recurring work done makes its next occurrence in the same change (unless it would
    /// be in the past or over a year out: then only with `confirmRecurrence`); see `ChangeResult.next`.
    @discardableResult
    public func apply(_ change: TaskChange, toTask id: Int64, by author: Author, at now: Timestamp,
                      confirmRecurrence: Bool) throws -> ChangeResult {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownTask(id: id)
            }
            let before = Self.taskFromRow(row)
            let owner = try Row.fetchOne(db, sql: "SELECT name FROM member WHERE id = ?", arguments: [before.ownerID]).map { $0["name"] as String }
            if let denial = Permissions.check(change.kind, actor: author.member, login: author.login, ownerID: before.ownerID, ownerName: owner) {
                throw StoreError.denied(denial)
            }
            if before.isArchived { throw StoreError.archived(id) }
            var writer = try PlanWriter(storage: FilePlanStorage(db: db), author: author, now: now, action: change.action)
            let after = TaskTransition.apply(change, to: before, by: author.member?.id, at: now)
            try writer.write(task: before, after)
            var result = ChangeResult(task: after, fields: writer.result.entries.map(\.field))
            // Recurring work: the occurrence done hands its recurrence to the next one.
            switch NextOccurrence.of(before: before, after: after, today: now.date, confirmed: confirmRecurrence) {
            case .none: break
            case .needsConfirmation(let due): result.pendingNext = due
            case .make(let next, let done):
                try writer.write(task: after, done)
                result.task = done
                result.next = try writer.add(task: next)
            }
            return result
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
    /// created task) is part of the minutes and is not undone; an added task is archived.
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
            let framework = try Self.framework(db)
            let members = try Self.memberRecords(db)
            for entry in entries.reversed() {
                // An added task is not deleted: undoing its creation archives it.
                // The value the change left (which must still stand) and the one to put back.
                var field = entry.field, expected = entry.newValue, restored = entry.oldValue
                if entry.entity == .task, field == Self.creationField {
                    (field, expected, restored) = ("archived_at", nil, now.iso)
                }
                let current = try Self.stored(entry.entity, key: entry.key, field: field, db)
                guard current == expected else {
                    throw StoreError.undoConflict(entity: entry.entity, key: entry.key, field: entry.field)
                }
                let owner = entry.entity == .task ? try Int64.fetchOne(db, sql: "SELECT owner_id FROM task WHERE id = ?", arguments: [entry.key]) : nil
                if let denial = Self.undoDenial(entity: entry.entity, field: entry.field, action: entry.action, owner: owner,
                                                ownerName: owner.flatMap { id in members.first { $0.id == id }?.name }, author: author) {
                    throw StoreError.denied(denial)
                }
                try Self.store(entry.entity, key: entry.key, field: field, value: restored, framework: framework, db)
                if entry.entity == .task {
                    try db.execute(sql: "UPDATE task SET updated_at = ? WHERE id = ?", arguments: [now.iso, entry.key])
                }
                try Self.appendAudit(db, changeID: undoID, author: author, now: now, action: .undo, entity: entry.entity, key: entry.key,
                                     field: field, old: expected, new: restored, undoes: changeID)
            }
            return entries
        }
    }

    /// Undo needs the same right as the change: a tick on one's own task, else the chair's or secretary's
    /// (both backends).
    /// Everything a tick wrote goes with the tick (the next occurrence of recurring work it made, and the
    /// recurrence it handed on).
    static func undoDenial(entity: AuditEntity, field: String, action: AuditAction, owner: Int64?, ownerName: String?, author: Author) -> Permissions.Denial? {
        var kind = ChangeKind.editTask
        if entity == .task {
            if tickFields.contains(field) || tickActions.contains(action) { kind = .status }
            else if field == creationField { kind = .addTask }
        } else {
            kind = entity == .respondents ? .respondents : .assessment
        }
        return Permissions.check(kind, actor: author.member, login: author.login, ownerID: owner, ownerName: ownerName)
    }

    /// The actions of a change to one task (`TaskChange`): ticks, which an owner may make on their own tasks.
    static let tickActions: Set<AuditAction> = [TaskChange.markDone(evidence: nil, note: nil), .start, .block(reason: ""), .reopen,
                                                 .setEvidence([]), .setNote("")].reduce(into: []) { $0.insert($1.action) }

    /// A task's changeable fields as the text stored (and audited) for each.
    static func fieldValues(_ t: WorkTask) -> [(field: String, value: String?)] {
        [("status", t.status.rawValue), ("blocked_reason", t.blockedReason), ("evidence", encodeEvidence(t.evidence)),
         ("note", t.note), ("done_by", t.doneBy.map(String.init)), ("done_at", t.doneAt?.iso),
         ("title", t.title), ("target", t.target.description), ("owner_id", String(t.ownerID)), ("due", t.due?.iso),
         ("phase", t.phase), ("recurs", t.recurs?.rawValue), ("plan_key", t.key), ("archived_at", t.archivedAt?.iso),
         ("archive_reason", t.archiveReason)]
    }

    /// The fields a tick writes (status, evidence, note): a reload for others' ticks re-reads only
    /// those tasks; any other change (title, owner, due, archive) re-reads everything.
    public static let tickFields: Set<String> = ["status", "blocked_reason", "evidence", "note", "done_by", "done_at"]

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
    static let taskColumns = "id, title, target_kind, target, owner_id, due, status, blocked_reason, evidence, note, phase, done_by, done_at, recurs, plan_key, archived_at, archive_reason"

    /// Decodes a row selected with `taskColumns`.
    static func taskFromRow(_ row: Row) -> WorkTask {
        WorkTask(id: row[0], title: row[1], target: TaskTarget(kind: row[2], text: row[3]) ?? .indicator(0),
                 ownerID: row[4], due: (row[5] as String?).flatMap(CivilDate.init(iso:)),
                 status: TaskStatus(rawValue: row[6]) ?? .todo, blockedReason: row[7],
                 evidence: decodeEvidence(row[8]), note: row[9], phase: row[10], doneBy: row[11],
                 doneAt: (row[12] as String?).flatMap(Timestamp.init(iso:)),
                 recurs: (row[13] as String?).flatMap(Recurrence.init(rawValue:)), key: row[14],
                 archivedAt: (row[15] as String?).flatMap(Timestamp.init(iso:)), archiveReason: row[16])
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
