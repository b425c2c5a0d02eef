import Foundation
import ITACore
import ITAServer

extension ServerStore {
    /// Applies plan changes as one transaction (one `ita undo` reverses them all), checked and written by
    /// the file's own `PlanWriter` through `ServerPlanStorage`; the audit trigger records every row written.
    /// Any refusal writes nothing; with `dryRun` everything is worked out and rolled back. Adding a member
    /// is the administrator's (`ita admin add-member`: it makes their database role too).
    public func apply(_ changes: [PlanChange], by author: Author, at now: Timestamp, action: AuditAction? = nil,
                      dryRun: Bool = false) throws -> Store.PlanResult {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        if changes.contains(where: { if case .addMember = $0 { return true } else { return false } }) {
            throw StoreError.invalid(PlanProblem(field: "login",
                "on a server, a member is added by its administrator (ita admin add-member), which also makes their database role",
                th: "บนเซิร์ฟเวอร์ ผู้ดูแลเซิร์ฟเวอร์เป็นผู้เพิ่มสมาชิก (ita admin add-member) ซึ่งสร้างบทบาทในฐานข้อมูลให้ด้วย"))
        }
        return try run {
            try connection.transaction(rollingBack: dryRun) {
                let actingFor = author.member.flatMap { $0.login == author.login ? nil : $0.login }
                try connection.execute("SELECT set_config('ita.action', $1, true), set_config('ita.acting_for', $2, true)",
                                       [(action ?? changes.first?.action ?? .plan).rawValue, actingFor ?? ""])
                var writer = try PlanWriter(storage: ServerPlanStorage(store: self), author: author, now: now, action: action ?? changes.first?.action ?? .plan)
                for change in changes { try writer.apply(change) }
                // What the trigger recorded, as field entries (a file's writer lists them as it writes).
                writer.result.entries = try entries(of: "xact = txid_current() ORDER BY seq", [], upTo: nil).entries
                return writer.result
            }
        }
    }
}

/// An office's rows on a server, inside the caller's transaction: row-level security keeps it to the
/// office, and the audit trigger records every row written. Values are read and written as a file's
/// audit log holds them (times in the client's offset, scores as Swift prints a Double).
struct ServerPlanStorage: PlanStorage {
    let store: ServerStore

    private func select(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] { try store.select(sql, parameters) }
    private func one(_ sql: String, _ parameters: [String?] = []) throws -> String? { try store.one(sql, parameters) }
    private func execute(_ sql: String, _ parameters: [String?]) throws { _ = try store.select(sql, parameters) }
    private func score(_ text: String?) -> String? { text.flatMap(Double.init).map { String($0) } }
    private func time(_ seconds: String?) -> String? { store.stamp(seconds)?.iso }

    func framework() throws -> Framework { try store.framework() }

    func assessment(_ framework: Framework) throws -> Assessment {
        guard let a = try select("SELECT \(ServerStore.assessmentColumns) FROM ita.assessment WHERE office = $1").first else {
            throw StoreError.failed("\(store.location): the office has no assessment")
        }
        return try ServerStore.assessment(from: a, rows: try ServerStore.assessmentTables(office: "$1").map { try select($0) })
    }

    func members() throws -> [Member] { try store.readMembers() }

    func owners() throws -> [TaskTarget: Int64] {
        var owners: [TaskTarget: Int64] = [:]
        for r in try select("SELECT target_kind, target, member_id FROM ita.owner WHERE office = $1") {
            if let target = TaskTarget(kind: r[0] ?? "", text: r[1] ?? "") { owners[target] = store.int64(r[2]) }
        }
        return owners
    }

    /// Task fields as audited and how the server's column is read and written.
    private static let taskColumns: [String: (read: String, cast: String)] = [
        "status": ("status", "text"), "blocked_reason": ("blocked_reason", "text"), "evidence": ("evidence::text", "jsonb"),
        "note": ("note", "text"), "done_by": ("done_by::text", "bigint"), "done_at": ("extract(epoch FROM done_at)::bigint", "timestamptz"),
        "title": ("title", "text"), "owner_id": ("owner_id::text", "bigint"), "due": ("due::text", "date"), "phase": ("phase", "text"),
        "recurs": ("recurs", "text"), "plan_key": ("plan_key", "text"), "archived_at": ("extract(epoch FROM archived_at)::bigint", "timestamptz"),
        "archive_reason": ("archive_reason", "text"),
    ]

    func stored(_ entity: AuditEntity, key: String, field: String) throws -> String? {
        switch entity {
        case .task:
            if field == "target" { return try one("SELECT target FROM ita.task WHERE office = $1 AND id = $2::bigint", [key]) }
            guard let column = Self.taskColumns[field] else { throw StoreError.failed("no task field \(field)") }
            let value = try one("SELECT \(column.read) FROM ita.task WHERE office = $1 AND id = $2::bigint", [key])
            switch field {
            case "done_at", "archived_at": return time(value)
            case "evidence": return value.map { Store.encodeEvidence(Store.decodeEvidence($0)) }
            default: return value
            }
        case .respondents:
            guard field == "count" || field == "quota" else { throw StoreError.failed("no respondents field \(field)") }
            return try one("SELECT \(field)::text FROM ita.respondents WHERE office = $1 AND tool = $2", [key])
        case .owner:
            guard let target = TaskTarget(text: key) else { return nil }
            return try one("SELECT member_id::text FROM ita.owner WHERE office = $1 AND target_kind = $2 AND target = $3", [target.kind, target.description])
        case .member:
            if field == Store.creationField {
                guard let r = try select("SELECT login, name, role, work_group, line_name, line_id FROM ita.member WHERE office = $1 AND id = $2::bigint", [key]).first else {
                    return nil
                }
                var fields: [String: String?] = ["login": r[0], "name": r[1], "role": r[2], "work_group": r[3], "line_name": r[4]]
                if let lineID = r[5], !lineID.isEmpty { fields["line_id"] = lineID }
                return Store.json(fields)
            }
            guard Store.memberFields.contains(field) else { throw StoreError.failed("no member field \(field)") }
            return try one("SELECT \(field)::text FROM ita.member WHERE office = $1 AND id = $2::bigint", [key])
        case .milestone:
            guard let r = try select("SELECT position::text, title_th, title_en, starts::text, due::text, reminders, covers FROM ita.milestone WHERE office = $1 AND key = $2",
                                     [key]).first else { return nil }
            return Store.json(["position": r[0], "title_th": r[1], "title_en": r[2], "starts": r[3], "due": r[4], "reminders": r[5], "covers": r[6]])
        case .holiday:
            return try one("SELECT name FROM ita.holiday WHERE office = $1 AND date = $2::date", [key])
        case .estimate:
            return score(try one("SELECT score::text FROM ita.estimate WHERE office = $1 AND tool = $2", [key]))
        case .lastYear:
            return score(try one("SELECT score::text FROM ita.last_year_score WHERE office = $1 AND indicator = $2::integer", [key]))
        case .assessment:
            guard field == "target_grade" || field == "website" else { throw StoreError.failed("no assessment field \(field)") }
            let value = try one("SELECT \(field) FROM ita.assessment WHERE office = $1")
            return field == "website" && value == "" ? nil : value
        case .official:
            if key == "grade" { return try one("SELECT grade FROM ita.official_result WHERE office = $1 AND scope = 'grade'") }
            return score(try one("SELECT score::text FROM ita.official_result WHERE office = $1 AND scope = $2", [key]))
        default:
            throw StoreError.failed("no entity \(entity.rawValue)")
        }
    }

    func store(_ entity: AuditEntity, key: String, field: String, value: String?, framework: Framework, now: Timestamp) throws {
        switch entity {
        case .task:
            let stamp = String(now.secondsSince1970)
            if field == "target" {
                guard let value, let target = TaskTarget(text: value) else { throw StoreError.failed("bad target \(value ?? "nil")") }
                try execute("""
                    UPDATE ita.task SET target_kind = $3, target = $4, indicator = $5::integer, updated_at = to_timestamp($6::double precision)
                    WHERE office = $1 AND id = $2::bigint
                    """, [key, target.kind, target.description, String(framework.indicatorNumber(of: target)), stamp])
                return
            }
            guard let column = Self.taskColumns[field] else { throw StoreError.failed("no task field \(field)") }
            try execute("UPDATE ita.task SET \(field) = $3::\(column.cast), updated_at = to_timestamp($4::double precision) WHERE office = $1 AND id = $2::bigint",
                        [key, value, stamp])
        case .respondents:
            try execute("UPDATE ita.respondents SET \(field == "quota" ? "quota" : "count") = $3::integer WHERE office = $1 AND tool = $2", [key, value])
        case .owner:
            guard let target = TaskTarget(text: key) else { return }
            if let value {
                try execute("""
                    INSERT INTO ita.owner (office, target_kind, target, member_id) VALUES ($1, $2, $3, $4::bigint)
                    ON CONFLICT (office, target_kind, target) DO UPDATE SET member_id = excluded.member_id
                    """, [target.kind, target.description, value])
            } else {
                try execute("DELETE FROM ita.owner WHERE office = $1 AND target_kind = $2 AND target = $3", [target.kind, target.description])
            }
        case .member:
            guard field != Store.creationField, Store.memberFields.contains(field) else { throw StoreError.failed("no member field \(field)") }
            try execute("UPDATE ita.member SET \(field) = $3\(field == "left_on" ? "::date" : "") WHERE office = $1 AND id = $2::bigint", [key, value ?? (field == "left_on" ? nil : "")])
        case .milestone:
            guard let value else {
                try execute("DELETE FROM ita.milestone WHERE office = $1 AND key = $2", [key])
                return
            }
            let row = Store.decodeJSON(value)
            try execute("""
                INSERT INTO ita.milestone (office, key, position, title_th, title_en, starts, due, reminders, covers)
                VALUES ($1, $2, $3::integer, $4, $5, $6::date, $7::date, $8, $9)
                ON CONFLICT (office, key) DO UPDATE SET position = excluded.position, title_th = excluded.title_th, title_en = excluded.title_en,
                    starts = excluded.starts, due = excluded.due, reminders = excluded.reminders, covers = excluded.covers
                """, [key, (row["position"] ?? nil) ?? "0", (row["title_th"] ?? nil) ?? "", (row["title_en"] ?? nil) ?? "", row["starts"] ?? nil,
                      (row["due"] ?? nil) ?? "", (row["reminders"] ?? nil) ?? "", (row["covers"] ?? nil) ?? ""])
        case .holiday:
            if let value {
                try execute("INSERT INTO ita.holiday (office, date, name) VALUES ($1, $2::date, $3) ON CONFLICT (office, date) DO UPDATE SET name = excluded.name",
                            [key, value])
            } else { try execute("DELETE FROM ita.holiday WHERE office = $1 AND date = $2::date", [key]) }
        case .estimate:
            if let value {
                try execute("INSERT INTO ita.estimate (office, tool, score) VALUES ($1, $2, $3::double precision) ON CONFLICT (office, tool) DO UPDATE SET score = excluded.score",
                            [key, value])
            } else { try execute("DELETE FROM ita.estimate WHERE office = $1 AND tool = $2", [key]) }
        case .lastYear:
            if let value {
                try execute("""
                    INSERT INTO ita.last_year_score (office, indicator, score) VALUES ($1, $2::integer, $3::double precision)
                    ON CONFLICT (office, indicator) DO UPDATE SET score = excluded.score
                    """, [key, value])
            } else { try execute("DELETE FROM ita.last_year_score WHERE office = $1 AND indicator = $2::integer", [key]) }
        case .assessment:
            try execute("UPDATE ita.assessment SET \(field == "website" ? "website" : "target_grade") = $2 WHERE office = $1", [value ?? ""])
        case .official:
            if let value {
                let grade = key == "grade"
                try execute("""
                    INSERT INTO ita.official_result (office, scope, score, grade) VALUES ($1, $2, $3::double precision, $4)
                    ON CONFLICT (office, scope) DO UPDATE SET score = excluded.score, grade = excluded.grade
                    """, [key, grade ? nil : value, grade ? value : nil])
            } else { try execute("DELETE FROM ita.official_result WHERE office = $1 AND scope = $2", [key]) }
        default:
            throw StoreError.failed("no entity \(entity.rawValue)")
        }
    }

    /// The audit trigger writes the row; the entries are read back when the change is done.
    func audit(_ entity: AuditEntity, key: String, field: String, old: String?, new: String?,
               author: Author, now: Timestamp, action: AuditAction) throws -> AuditEntry? { nil }

    func insert(_ task: WorkTask, framework: Framework, now: Timestamp) throws -> WorkTask {
        let made = try select("""
            INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, due, status, blocked_reason, evidence, note,
                                  phase, done_by, done_at, recurs, plan_key, updated_at)
            VALUES ($1, $2, $3, $4, $5::integer, $6::bigint, $7::date, $8, $9, $10::jsonb, $11, $12, $13::bigint,
                    to_timestamp($14::double precision), $15, $16, to_timestamp($17::double precision))
            RETURNING id
            """, [task.title, task.target.kind, task.target.description, String(framework.indicatorNumber(of: task.target)),
                  String(task.ownerID), task.due?.iso, task.status.rawValue, task.blockedReason, Store.encodeEvidence(task.evidence),
                  task.note, task.phase, task.doneBy.map(String.init), task.doneAt.map { String($0.secondsSince1970) },
                  task.recurs?.rawValue, task.key, String(now.secondsSince1970)])
        var inserted = task
        inserted.id = store.int64(made.first?[0])
        return inserted
    }

    func task(_ id: Int64) throws -> WorkTask {
        guard let row = try select("SELECT \(ServerStore.taskColumns) FROM ita.task WHERE office = $1 AND id = $2::bigint FOR UPDATE", [String(id)]).first else {
            throw StoreError.unknownTask(id: id)
        }
        return store.task(from: row)
    }

    func task(withKey key: String) throws -> Int64? {
        try one("SELECT id FROM ita.task WHERE office = $1 AND plan_key = $2", [key]).flatMap { Int64($0) }
    }

    func openTasks(of target: TaskTarget) throws -> [Int64] {
        try select("""
            SELECT id FROM ita.task WHERE office = $1 AND target_kind = $2 AND target = $3 AND status <> 'done' AND archived_at IS NULL ORDER BY id
            """, [target.kind, target.description]).map { store.int64($0[0]) }
    }

    func openTasks(ownedBy memberID: Int64) throws -> [Int64] {
        try select("SELECT id FROM ita.task WHERE office = $1 AND owner_id = $2::bigint AND status <> 'done' AND archived_at IS NULL ORDER BY id",
                   [String(memberID)]).map { store.int64($0[0]) }
    }

    func milestonePosition(_ key: String) throws -> Int? {
        try one("SELECT position FROM ita.milestone WHERE office = $1 AND key = $2", [key]).flatMap { Int($0) }
    }

    func lastMilestonePosition() throws -> Int? { try one("SELECT max(position) FROM ita.milestone WHERE office = $1").flatMap { Int($0) } }

    func hasRespondents(_ tool: String) throws -> Bool { try one("SELECT 1 FROM ita.respondents WHERE office = $1 AND tool = $2", [tool]) != nil }

    func lastChange(ofTask id: Int64) throws -> (login: String?, memberID: Int64?, at: Timestamp?) {
        let row = try select("""
            SELECT coalesce(acting_for, db_role), extract(epoch FROM at)::bigint FROM ita.audit
            WHERE office = $1 AND entity = 'task' AND entity_key = $2 ORDER BY seq DESC LIMIT 1
            """, [String(id)]).first
        return (row?[0] ?? nil, nil, store.stamp(row?[1] ?? nil))
    }
}

extension ServerStore {
    // MARK: Progress snapshots (the weekly review's history)

    /// Takes today's daily snapshot if there is none (one indexed lookup on all but the day's first
    /// command). Two members' first commands of the day at once keep one: the second's insert does nothing.
    @discardableResult
    public func takeDailySnapshotIfMissing(today: CivilDate) throws -> Bool {
        if readOnlyReason != nil { return false }
        let exists = try run { try one("SELECT 1 FROM ita.snapshot WHERE office = $1 AND kind = 'daily' AND day = $2::date", [today.iso]) }
        guard exists == nil else { return false }
        let snapshot = ProgressSnapshot.take(try board(today: today), tasks: try tasks(), kind: .daily, day: today)
        return try run { try insert(snapshot) }
    }

    /// Stores a snapshot; a daily one only if the day has none yet. Whether it was stored.
    func insert(_ snapshot: ProgressSnapshot) throws -> Bool {
        try !select("""
            INSERT INTO ita.snapshot (office, day, kind, projected, open_items, tasks_done, tasks_total, overdue, detail)
            VALUES ($1, $2::date, $3, $4::double precision, $5::integer, $6::integer, $7::integer, $8::integer, $9::jsonb)
            ON CONFLICT (office, day) WHERE kind = 'daily' DO NOTHING RETURNING id
            """, [snapshot.day.iso, snapshot.kind.rawValue, String(snapshot.projected), String(snapshot.openItems), String(snapshot.tasksDone),
                  String(snapshot.tasksTotal), String(snapshot.overdue), try Store.detail(of: snapshot)]).isEmpty
    }

    public func snapshots(since day: CivilDate? = nil) throws -> [ProgressSnapshot] {
        try run {
            try select("""
                SELECT day::text, kind, projected, open_items, tasks_done, tasks_total, overdue, detail::text FROM ita.snapshot
                WHERE office = $1 AND day >= coalesce($2::date, '-infinity') ORDER BY day, id
                """, [day?.iso]).compactMap { r in
                guard let day = r[0].flatMap(CivilDate.init(iso:)), let kind = r[1].flatMap(ProgressSnapshot.Kind.init(rawValue:)),
                      let detail = try? JSONDecoder().decode(Store.Detail.self, from: Data((r[7] ?? "").utf8)) else { return nil }
                func n(_ i: Int) -> Int { Int(r[i] ?? "") ?? 0 }
                return ProgressSnapshot(day: day, kind: kind, projected: Double(r[2] ?? "") ?? 0, openItems: n(3), tasksDone: n(4),
                                        tasksTotal: n(5), overdue: n(6), indicators: detail.indicators, owners: detail.owners)
            }
        }
    }

    /// Each member's latest change: the newest audit row made as them (or for them, with --as).
    public func lastActivity() throws -> [Int64: Timestamp] {
        var result: [Int64: Timestamp] = [:]
        for r in try run({
            try select("""
                SELECT m.id, (SELECT extract(epoch FROM a.at)::bigint FROM ita.audit a
                              WHERE a.office = m.office AND coalesce(a.acting_for, a.db_role) = m.login AND a.entity NOT IN \(ServerStore.unlogged)
                              ORDER BY a.seq DESC LIMIT 1)
                FROM ita.member m WHERE m.office = $1
                """)
        }) {
            if let id = r[0].flatMap({ Int64($0) }), let at = stamp(r[1]) { result[id] = at }
        }
        return result
    }
}

extension ServerStore {
    // MARK: Reminders posted to LINE (so a second run the same day sends only what is left)

    public func sent(channel: String, day: CivilDate) throws -> Set<SentReminder> {
        try run {
            Set(try select("SELECT step, recipient FROM ita.sent WHERE office = $1 AND channel = $2 AND day = $3::date", [channel, day.iso])
                .map { SentReminder(step: $0[0] ?? "", recipient: $0[1] ?? "") })
        }
    }

    /// Notes reminders as posted. Members may only insert there (the rows are part of the record), so a
    /// re-send with --force keeps the first time each pair was posted.
    public func recordSent(_ reminders: [SentReminder], channel: String, day: CivilDate, at now: Timestamp, login: String,
                           requestID: String?) throws {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        try run {
            try connection.transaction {
                try connection.execute("SELECT set_config('ita.action', 'remind', true)")
                for r in reminders {
                    try connection.execute("""
                        INSERT INTO ita.sent (office, channel, day, step, recipient, sent_at, os_login, request_id)
                        VALUES ($1, $2, $3::date, $4, $5, to_timestamp($6::bigint), $7, $8) ON CONFLICT DO NOTHING
                        """, [office, channel, day.iso, r.step, r.recipient, String(now.secondsSince1970), login, requestID])
                }
            }
        }
    }
}
