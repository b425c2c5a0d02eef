import ITACore
import ITAServer

extension ServerStore {
    /// Whether a server takes this plan change: the tasks' own (add, edit, archive, restore). The rest of
    /// the plan (owners, members, milestones, holidays, the assessment) is still the office file's.
    public static func takes(_ change: PlanChange) -> Bool {
        switch change {
        case .addTask, .editTask, .archiveTask, .restoreTask: return true
        default: return false
        }
    }

    /// Applies plan changes of tasks as one transaction (one `ita undo` reverses them all), checked by the
    /// same rules as a file's (`PlanRules`); the audit trigger records every row written. Any refusal
    /// writes nothing; with `dryRun` everything is worked out and rolled back.
    public func apply(_ changes: [PlanChange], by author: Author, at now: Timestamp, action: AuditAction? = nil,
                      dryRun: Bool = false) throws -> Store.PlanResult {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        guard changes.allSatisfy(Self.takes) else { throw StoreError.notOnServer }
        return try run {
            try connection.transaction(rollingBack: dryRun) {
                let actingFor = author.member.flatMap { $0.login == author.login ? nil : $0.login }
                try connection.execute("SELECT set_config('ita.action', $1, true), set_config('ita.acting_for', $2, true)",
                                       [(action ?? changes.first?.action ?? .plan).rawValue, actingFor ?? ""])
                var writer = try ServerPlanWriter(store: self, author: author, now: now)
                for change in changes { try writer.apply(change) }
                writer.result.entries = try entries(of: "xact = txid_current() ORDER BY seq", [], upTo: nil).entries
                return writer.result
            }
        }
    }
}

/// A file's `PlanWriter` for a server's rows: the same checks, written as SQL inside the caller's
/// transaction (row-level security keeps it to the office; the audit trigger records it).
struct ServerPlanWriter: PlanRules {
    let store: ServerStore
    let author: Author
    let now: Timestamp
    let framework: Framework
    let assessment: Assessment
    let members: [Member]
    let owners: [TaskTarget: Int64]
    var result = Store.PlanResult()

    init(store: ServerStore, author: Author, now: Timestamp) throws {
        self.store = store
        self.author = author
        self.now = now
        guard let a = try store.select("SELECT \(ServerStore.assessmentColumns), framework_json::text FROM ita.assessment WHERE office = $1").first else {
            throw StoreError.failed("\(store.location): the office has no assessment")
        }
        framework = try store.framework(json: a[8])
        var assessment = try ServerStore.assessment(from: a)
        assessment.milestones = try store.select("SELECT \(ServerStore.milestoneColumns) FROM ita.milestone WHERE office = $1 ORDER BY due, position")
            .compactMap(ServerStore.milestone)
        assessment.holidays = try store.select("SELECT date, name FROM ita.holiday WHERE office = $1 ORDER BY date").compactMap { r in
            r[0].flatMap(CivilDate.init(iso:)).map { Holiday(date: $0, name: r[1] ?? "") }
        }
        self.assessment = assessment
        members = try store.readMembers()
        var owners: [TaskTarget: Int64] = [:]
        for r in try store.select("SELECT target_kind, target, member_id FROM ita.owner WHERE office = $1") {
            if let target = TaskTarget(kind: r[0] ?? "", text: r[1] ?? "") { owners[target] = store.int64(r[2]) }
        }
        self.owners = owners
    }

    func task(withKey key: String) throws -> Int64? {
        try store.one("SELECT id FROM ita.task WHERE office = $1 AND plan_key = $2", [key]).flatMap { Int64($0) }
    }

    /// The task as stored now, its row locked until the change commits.
    func task(_ id: Int64) throws -> WorkTask {
        guard let row = try store.select("SELECT \(ServerStore.taskColumns) FROM ita.task WHERE office = $1 AND id = $2::bigint FOR UPDATE", [String(id)]).first else {
            throw StoreError.unknownTask(id: id)
        }
        return store.task(from: row)
    }

    mutating func apply(_ change: PlanChange) throws {
        switch change {
        case .addTask(let new):
            let task = try newTask(new, now: now)
            let made = try store.select("""
                INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, due, status, blocked_reason, evidence, note,
                                      phase, done_by, done_at, recurs, plan_key, updated_at)
                VALUES ($1, $2, $3, $4, $5::integer, $6::bigint, $7::date, $8, $9, $10::jsonb, $11, $12, $13::bigint,
                        to_timestamp($14::double precision), $15, $16, to_timestamp($17::double precision))
                RETURNING id
                """, [task.title, task.target.kind, task.target.description, String(framework.indicatorNumber(of: task.target)),
                      String(task.ownerID), task.due?.iso, task.status.rawValue, task.blockedReason, Store.encodeEvidence(task.evidence),
                      task.note, task.phase, task.doneBy.map(String.init), task.doneAt.map { String($0.secondsSince1970) },
                      task.recurs?.rawValue, task.key, String(now.secondsSince1970)])
            if let id = made.first?[0].flatMap({ Int64($0) }) { result.addedTaskIDs.append(id) }
            result.warnings += warnings(for: task)

        case .editTask(let id, let edit):
            let before = try task(id)
            let after = try edited(before, edit, kind: change.kind, now: now, conflict: conflict(on:))
            try write(before, after)
            if edit.due != nil || edit.target != nil { result.warnings += warnings(for: after) }

        case .archiveTask(let id, let reason):
            let before = try task(id)
            try permit(.archive)
            guard !before.isArchived else { return }
            var after = before
            after.archivedAt = now
            after.archiveReason = try reason.map { try text("reason", $0) }
            try write(before, after)

        case .restoreTask(let id):
            let before = try task(id)
            try permit(.restore)
            var after = before
            after.archivedAt = nil
            after.archiveReason = nil
            try write(before, after)

        default:
            throw StoreError.notOnServer
        }
    }

    /// Writes the task's row when anything of it changed (the trigger audits the whole row).
    func write(_ before: WorkTask, _ after: WorkTask) throws {
        guard after != before else { return }
        try store.connection.execute("""
            UPDATE ita.task SET title = $3, target_kind = $4, target = $5, indicator = $6::integer, owner_id = $7::bigint, due = $8::date,
                   status = $9, blocked_reason = $10, evidence = $11::jsonb, note = $12, phase = $13, done_by = $14::bigint,
                   done_at = to_timestamp($15::double precision), recurs = $16, plan_key = $17,
                   archived_at = to_timestamp($18::double precision), archive_reason = $19, updated_at = to_timestamp($20::double precision)
            WHERE office = $1 AND id = $2::bigint
            """, [store.office, String(after.id), after.title, after.target.kind, after.target.description,
                  String(framework.indicatorNumber(of: after.target)), String(after.ownerID), after.due?.iso, after.status.rawValue,
                  after.blockedReason, Store.encodeEvidence(after.evidence), after.note, after.phase, after.doneBy.map(String.init),
                  after.doneAt.map { String($0.secondsSince1970) }, after.recurs?.rawValue, after.key,
                  after.archivedAt.map { String($0.secondsSince1970) }, after.archiveReason, String(now.secondsSince1970)])
    }

    /// The refusal of an edit made on a task that changed since the editor read it: who changed it last, when.
    func conflict(on task: WorkTask) throws -> StoreError {
        let row = try store.select("""
            SELECT coalesce(acting_for, db_role), extract(epoch FROM at)::bigint FROM ita.audit
            WHERE office = $1 AND entity = 'task' AND entity_key = $2 ORDER BY seq DESC LIMIT 1
            """, [String(task.id)]).first
        let login = row?[0] ?? "?"
        return .editConflict(taskID: task.id, by: members.first { $0.login == login }?.name ?? login, at: store.stamp(row?[1]) ?? now)
    }
}
