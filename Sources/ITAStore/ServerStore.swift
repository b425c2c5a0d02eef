import Foundation
import ITACore
import ITAServer

/// One office's rows on a PostgreSQL server (`--db postgresql://… --office CODE`), through libpq.
///
/// The server decides what this connection may see and change: row-level security keys every row
/// to its office by the login (`session_user`), and the audit log is written by a trigger, so this
/// class only says which office it means, what a change is (`ita.action`, `ita.acting_for`) and reads
/// what it is shown. Reads of several statements run in one read-only snapshot, like SQLite's read
/// transaction; a change runs in one transaction that locks the task's row first.
public final class ServerStore: OfficeStore {
    public let office: String
    public let location: String
    public let readOnlyReason: ReadOnlyReason?
    public let storeLogin: String?
    let connection: PGConnection
    /// The offset the client shows times in (timestamps travel as seconds since 1970).
    let utcOffsetSeconds: Int
    /// Live refresh: the sequence last announced or read, whether LISTEN has been asked and seen to
    /// work, and when the sequence was last polled (the fallback where LISTEN does not arrive, as
    /// through PgBouncer in transaction mode).
    private var lastSequence: Int64 = 0
    private var listening = false, notificationsArrive = false
    /// Off: never LISTEN, only poll (how the dashboard behaves behind a pooler that drops LISTEN; the tests turn it off).
    var listensForNotifications = true
    private var lastPoll: TimeInterval = 0

    /// How often the sequence is polled: often while no notification has been seen to arrive, rarely once they do.
    static let pollSeconds = 1.0, confirmedPollSeconds = 30.0

    private init(office: String, location: String, readOnlyReason: ReadOnlyReason?, login: String, connection: PGConnection, utcOffsetSeconds: Int) {
        self.office = office
        self.location = location
        self.readOnlyReason = readOnlyReason
        self.storeLogin = login
        self.connection = connection
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Connects and finds the office. Without `office`, the one office the login belongs to (refused,
    /// naming them, when it has several). Refuses a server without the ITA schema, or with one newer or
    /// older than this build's.
    public static func open(_ conninfo: String, office: String?, utcOffsetSeconds: Int, readOnly: Bool = false) throws -> ServerStore {
        // Who the login is and what it may read and change, with the schema's check: one round trip.
        let (connection, server, answers) = try connect(conninfo, also: [
            "SELECT session_user, ita.readable_offices()::text, ita.writable_offices()::text",
            office.map { "SELECT count(*) FROM ita.assessment WHERE office = \(PGConnection.literal($0))" } ?? "SELECT 1",
        ])
        let login = answers[0].rows.first?[0] ?? ""
        let readable = Self.codes(answers[0].rows.first?[1]), writable = Self.codes(answers[0].rows.first?[2])
        let code: String
        if let office {
            // Row-level security hides offices the login may not read: "none" is all it can say.
            guard answers[1].scalar == "1" else {
                throw StoreError.failed("\(server): login \(login) may not read an office \(office) on this server (or it has no committee yet) — `ita admin offices` lists them")
            }
            code = office
        } else {
            switch readable.count {
            case 1: code = readable[0]
            case 0: throw StoreError.failed("\(server): login \(login) is not a member or viewer of any office on this server — ask its administrator (`ita admin add-member`)")
            default: throw StoreError.failed("\(server): login \(login) may open \(readable.count) offices (\(readable.prefix(5).joined(separator: ", "))\(readable.count > 5 ? ", …" : "")) — choose one with --office CODE")
            }
        }
        let reason: ReadOnlyReason? = readOnly ? .requested : (writable.contains(code) ? nil : .viewer)
        return ServerStore(office: code, location: "\(code) @ \(server)", readOnlyReason: reason, login: login,
                           connection: connection, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Office codes from a text[] as PostgreSQL prints it (`{A,B}`: codes need no quoting).
    private static func codes(_ array: String?) -> [String] {
        guard let array, array.count > 2 else { return [] }
        return array.dropFirst().dropLast().split(separator: ",").map(String.init).sorted()
    }

    /// A connection to a server with this build's ITA schema (times in UTC, dates in ISO form), how
    /// messages name the server, and the answers to `also`, asked with the schema's version in one round
    /// trip. Refuses a server without the schema, or with one newer or older than this build's.
    static func connect(_ conninfo: String, also statements: [String] = []) throws -> (PGConnection, String, [PGRows]) {
        let server = ServerAddress.describe(conninfo)
        do {
            let connection = try PGConnection(conninfo)
            let settings = try connection.results(ofScript: """
                SET DateStyle = ISO; SET TimeZone = 'UTC'; SET standard_conforming_strings = on;
                SET default_transaction_isolation = 'read committed'; SELECT to_regclass('ita.schema_version') IS NOT NULL
                """)
            guard settings.last?.scalar == "t" else {
                throw StoreError.failed("\(server): no ITA schema on this server — its administrator sets it up with `ita admin setup`")
            }
            let answers = try connection.results(ofScript: (["SELECT max(version) FROM ita.schema_version"] + statements).joined(separator: ";\n"))
            let version = answers[0].scalar.flatMap { Int($0) } ?? 0
            if version > ServerSchema.version { throw StoreError.newerVersion(path: server) }
            if version < ServerSchema.version {
                throw StoreError.failed("\(server): the ITA schema is version \(version), older than this ita's \(ServerSchema.version) — its administrator upgrades it with `ita admin setup`")
            }
            return (connection, server, Array(answers.dropFirst()))
        } catch let error as PGError {
            throw StoreError.failed("\(server): \(error.message)")
        }
    }

    // MARK: Reading

    public func framework() throws -> Framework {
        try run { try framework(json: try one("SELECT framework_json::text FROM ita.assessment WHERE office = $1")) }
    }

    func framework(json: String?) throws -> Framework {
        guard let json else { throw StoreError.failed("\(location): the office has no assessment") }
        return try FrameworkCache.shared.framework(for: json)
    }

    public func members() throws -> [Member] { try run { try readMembers() } }

    func readMembers() throws -> [Member] {
        try select("SELECT \(Self.memberColumns) FROM ita.member WHERE office = $1 ORDER BY id").map(Self.member)
    }

    static let memberColumns = "id, login, name, role, work_group, line_name, line_id, left_on"

    /// A member from `memberColumns`.
    static func member(_ r: [String?]) -> Member {
        Member(id: r[0].flatMap { Int64($0) } ?? 0, login: r[1] ?? "", name: r[2] ?? "", role: Member.Role(rawValue: r[3] ?? "") ?? .member,
               workGroup: r[4] ?? "", lineName: r[5] ?? "", lineID: r[6] ?? "", leftOn: r[7].flatMap(CivilDate.init(iso:)))
    }

    public func board(today: CivilDate, dueGroupLimit: Int) throws -> Board {
        // Every statement in one script, one round trip, in one read-only snapshot (what SQLite's read
        // transaction gives the board). Values are literals: a script cannot take parameters.
        let o = PGConnection.literal(office), day = PGConnection.literal(today.iso) + "::date"
        let open = "status IN \(Store.openStatuses)"
        let live = "office = \(o) AND \(open) AND archived_at IS NULL"
        let answers = try run {
            let first: [String] = [
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                "SELECT \(Self.assessmentColumns), framework_json::text FROM ita.assessment WHERE office = \(o)",
            ]
            let rest: [String] = [
                "SELECT \(Self.memberColumns) FROM ita.member WHERE office = \(o) ORDER BY id",
                "SELECT target_kind, target, member_id FROM ita.owner WHERE office = \(o)",
                // The tallies in one grouped statement: an office's tasks are few, found by the key's office prefix.
                """
                SELECT target_kind, target, \(Self.tallyColumns(overdueBefore: day)),
                       min(due) FILTER (WHERE \(open) AND target_kind = 'item')
                FROM ita.task WHERE office = \(o) AND archived_at IS NULL GROUP BY target_kind, target
                """,
                """
                SELECT due, target_kind, target, owner_id FROM ita.task WHERE \(live) AND due IN (
                    SELECT DISTINCT due FROM ita.task WHERE \(live) AND due >= \(day) ORDER BY due LIMIT \(dueGroupLimit))
                """,
                """
                SELECT url, extract(epoch FROM checked_at)::bigint, status, final_url, content_type, size, last_modified, title, file_name,
                       redirects, error, years FROM ita.evidence_check WHERE office = \(o)
                """,
                "COMMIT",
            ]
            return try connection.results(ofScript: (first + Self.assessmentTables(office: o) + rest).joined(separator: ";\n")).map(\.rows)
        }
        guard answers.count == 14, let a = answers[1].first else { throw StoreError.failed("\(location): the office has no assessment") }
        let framework = try framework(json: a[8])
        let assessment = try Self.assessment(from: a, rows: Array(answers[2...7]))
        let members = answers[8].map(Self.member)
        var owners: [TaskTarget: Int64] = [:]
        for r in answers[9] {
            if let target = TaskTarget(kind: r[0] ?? "", text: r[1] ?? "") { owners[target] = int64(r[2]) }
        }
        var tallies: [TaskTarget: Tally] = [:]
        var nearest: [String: CivilDate] = [:]
        for r in answers[10] {
            guard let (target, tally) = Self.tally(r) else { continue }
            tallies[target] = tally
            if let due = r[7].flatMap(CivilDate.init(iso:)), case .item(let code) = target { nearest[code] = due }
        }
        let dueGroups = DueGroup.grouping(answers[11].compactMap { r in
            guard let due = r[0].flatMap(CivilDate.init(iso:)), let target = TaskTarget(kind: r[1] ?? "", text: r[2] ?? "") else { return nil }
            return (due, target, int64(r[3]))
        })
        var board = Board(framework: framework, assessment: assessment, members: members, owners: owners, tallies: tallies,
                          dueGroups: dueGroups, nearestDue: nearest, today: today)
        for r in answers[12] {
            guard let url = r[0] else { continue }
            board.evidenceChecks[url] = EvidenceCheck(
                url: url, checkedAt: stamp(r[1]) ?? Timestamp(secondsSince1970: 0, utcOffsetSeconds: utcOffsetSeconds),
                status: r[2].flatMap { Int($0) }, finalURL: r[3], contentType: r[4], size: r[5].flatMap { Int($0) }, lastModified: r[6],
                title: r[7], fileName: r[8], redirects: Int(r[9] ?? "") ?? 0, error: r[10],
                yearsMentioned: (r[11] ?? "").split(separator: ",").compactMap { Int($0) })
        }
        return board
    }

    /// The task columns `task(from:)` reads, by position; times as seconds since 1970.
    static let taskColumns = """
        id, title, target_kind, target, owner_id, due, status, blocked_reason, evidence::text, note, phase, done_by,
        extract(epoch FROM done_at)::bigint, recurs, plan_key, extract(epoch FROM archived_at)::bigint, archive_reason
        """

    func task(from r: [String?]) -> WorkTask {
        WorkTask(id: int64(r[0]), title: r[1] ?? "", target: TaskTarget(kind: r[2] ?? "", text: r[3] ?? "") ?? .indicator(0),
                 ownerID: int64(r[4]), due: r[5].flatMap(CivilDate.init(iso:)), status: TaskStatus(rawValue: r[6] ?? "") ?? .todo,
                 blockedReason: r[7], evidence: Store.decodeEvidence(r[8] ?? "[]"), note: r[9] ?? "", phase: r[10],
                 doneBy: r[11].flatMap { Int64($0) }, doneAt: stamp(r[12]), recurs: r[13].flatMap(Recurrence.init(rawValue:)), key: r[14],
                 archivedAt: stamp(r[15]), archiveReason: r[16])
    }

    public func tasks(_ query: TaskQuery) throws -> [WorkTask] {
        var clauses = ["office = $1", query.archived ? "archived_at IS NOT NULL" : "archived_at IS NULL"]
        var parameters: [String?] = []
        func bind(_ value: String) -> String { parameters.append(value); return "$\(parameters.count + 1)" }
        if let owner = query.ownerID { clauses.append("owner_id = \(bind(String(owner)))::bigint") }
        if let indicator = query.indicator { clauses.append("indicator = \(bind(String(indicator)))::integer") }
        if let item = query.item { clauses.append("target_kind = 'item' AND target = \(bind(item))") }
        if let status = query.status { clauses.append("status = \(bind(status.rawValue))") }
        let open = "status IN \(Store.openStatuses)"
        if let day = query.overdueOn { clauses.append("\(open) AND due < \(bind(day.iso))::date") }
        if let range = query.dueWithin {
            clauses.append("\(open) AND due >= \(bind(range.lowerBound.iso))::date AND due <= \(bind(range.upperBound.iso))::date")
        }
        let sql = "SELECT \(Self.taskColumns) FROM ita.task WHERE " + clauses.joined(separator: " AND ") + " ORDER BY id"
        return try run { try select(sql, parameters).map(task(from:)) }
    }

    public func tasks(ids: [Int64]) throws -> [WorkTask] {
        guard !ids.isEmpty else { return [] }
        return try run {
            try select("SELECT \(Self.taskColumns) FROM ita.task WHERE office = $1 AND id = ANY ($2::bigint[]) AND archived_at IS NULL ORDER BY id",
                       ["{" + ids.map(String.init).joined(separator: ",") + "}"]).map(task(from:))
        }
    }

    public func task(id: Int64) throws -> WorkTask? {
        try run { try select("SELECT \(Self.taskColumns) FROM ita.task WHERE office = $1 AND id = $2::bigint", [String(id)]).first.map(task(from:)) }
    }

    // MARK: Changing

    public func apply(_ change: TaskChange, toTask id: Int64, by author: Author, at now: Timestamp, confirmRecurrence: Bool) throws -> Store.ChangeResult {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        return try run {
            try connection.transaction {
                // What ita is doing and for whom, for the audit trigger; who is doing it is the login.
                let actingFor = author.member.flatMap { $0.login == author.login ? nil : $0.login }
                try connection.execute("SELECT set_config('ita.action', $1, true), set_config('ita.acting_for', $2, true)",
                                       [change.action.rawValue, actingFor ?? ""])
                guard let row = try select("SELECT \(Self.taskColumns) FROM ita.task WHERE office = $1 AND id = $2::bigint FOR UPDATE", [String(id)]).first else {
                    throw StoreError.unknownTask(id: id)
                }
                let before = task(from: row)
                let owner = try one("SELECT name FROM ita.member WHERE office = $1 AND id = $2::bigint", [String(before.ownerID)])
                if let denial = Permissions.check(change.kind, actor: author.member, login: author.login, ownerID: before.ownerID, ownerName: owner) {
                    throw StoreError.denied(denial)
                }
                if before.isArchived { throw StoreError.archived(id) }
                let after = TaskTransition.apply(change, to: before, by: author.member?.id, at: now)
                let old = Store.fieldValues(before), new = Store.fieldValues(after)
                var result = Store.ChangeResult(task: after, fields: old.indices.filter { old[$0].value != new[$0].value }.map { old[$0].field })
                var final = after
                switch NextOccurrence.of(before: before, after: after, today: now.date, confirmed: confirmRecurrence) {
                case .none: break
                case .needsConfirmation(let due): result.pendingNext = due
                case .make(let next, let done):
                    final = done
                    result.task = done
                    let framework = try framework(json: try one("SELECT framework_json::text FROM ita.assessment WHERE office = $1"))
                    let made = try select("""
                        INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, due, status, phase, recurs, updated_at)
                        VALUES ($1, $2, $3, $4, $5::integer, $6::bigint, $7::date, 'todo', $8, $9, to_timestamp($10::double precision))
                        RETURNING \(Self.taskColumns)
                        """, [next.title, next.target.kind, next.target.description, String(framework.indicatorNumber(of: next.target)),
                              String(next.ownerID), next.due?.iso, next.phase, next.recurs?.rawValue, String(now.secondsSince1970)])
                    result.next = made.first.map(task(from:))
                }
                if final != before {
                    try connection.execute("""
                        UPDATE ita.task SET status = $3, blocked_reason = $4, evidence = $5::jsonb, note = $6, done_by = $7::bigint,
                               done_at = to_timestamp($8::double precision), recurs = $9, updated_at = to_timestamp($10::double precision)
                        WHERE office = $1 AND id = $2::bigint
                        """, [office, String(id), final.status.rawValue, final.blockedReason, Store.encodeEvidence(final.evidence), final.note,
                              final.doneBy.map(String.init), final.doneAt.map { String($0.secondsSince1970) }, final.recurs?.rawValue,
                              String(now.secondsSince1970)])
                }
                return result
            }
        }
    }

    /// The changes `undoLastChange` reverses: ita's own, ticks and plan changes (not a direct SQL statement's).
    static let undoableActions = (Store.tickActions.map(\.rawValue)
        + [AuditAction.add, .edit, .archive, .restore, .assign, .member, .milestone, .holiday, .assessment, .respondents, .results, .plan].map(\.rawValue)).sorted()
    /// The tables an undo puts back and the columns that key a row of each (with its office).
    static let rowKeys: [String: [String]] = [
        "task": ["id"], "member": ["id"], "owner": ["target_kind", "target"], "milestone": ["key"], "holiday": ["date"],
        "estimate": ["tool"], "last_year_score": ["indicator"], "respondents": ["tool"], "assessment": [], "official_result": ["scope"],
    ]
    /// The task columns an undo may put back (the names of the audit's whole rows).
    static let restorableColumns: Set<String> = [
        "title", "target_kind", "target", "indicator", "owner_id", "due", "status", "blocked_reason", "evidence", "note", "phase",
        "done_by", "done_at", "archived_at", "archive_reason", "recurs", "plan_key",
    ]

    /// Reverses `author`'s most recent change that is not itself an undo and has not been undone, as a file's
    /// undo does: refused, writing nothing, if anything it wrote has changed since; a task it made (the next
    /// occurrence of recurring work, an added task) is archived, another row it made is removed, a row it
    /// removed is put back. The change is one transaction (schema v4's `xact`); the undo is audited with the
    /// change it reverses (`undoes`).
    /// The tables whose audit rows a file's log has no counterpart for (its snapshots, meetings and
    /// posted reminders are not audited): left out of the log, the changes and members' last activity.
    static let unlogged = "('snapshot', 'meeting', 'meeting_entry', 'sent')"

    public func setRespondents(tool: String, count: Int, by author: Author, at now: Timestamp) throws -> Respondents {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        if let denial = Permissions.canRecordPlanData(actor: author.member, login: author.login) { throw StoreError.denied(denial) }
        return try run {
            try connection.transaction {
                let actingFor = author.member.flatMap { $0.login == author.login ? nil : $0.login }
                try connection.execute("SELECT set_config('ita.action', $1, true), set_config('ita.acting_for', $2, true)",
                                       [AuditAction.respondents.rawValue, actingFor ?? ""])
                guard let row = try select("SELECT quota, count FROM ita.respondents WHERE office = $1 AND tool = $2 FOR UPDATE", [tool]).first else {
                    throw StoreError.unknownTool(code: tool)
                }
                if Int(row[1] ?? "") != count {
                    try connection.execute("UPDATE ita.respondents SET count = $3::integer WHERE office = $1 AND tool = $2", [office, tool, String(count)])
                }
                return Respondents(quota: Int(row[0] ?? "") ?? 0, count: count)
            }
        }
    }

    public func undoLastChange(by author: Author, at now: Timestamp) throws -> [AuditEntry] {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        // A member's changes are theirs from any login (the one acted for, with --as); else the login's.
        let me = author.member?.login ?? author.login
        return try run {
            try connection.transaction {
                guard let found = try select("""
                    SELECT xact, action FROM ita.audit a
                    WHERE office = $1 AND coalesce(acting_for, db_role) = $2 AND xact IS NOT NULL AND undoes IS NULL
                      AND action = ANY ($3::text[])
                      AND NOT EXISTS (SELECT 1 FROM ita.audit u WHERE u.office = a.office AND u.undoes = a.xact)
                    ORDER BY seq DESC LIMIT 1
                    """, [me, "{" + Self.undoableActions.joined(separator: ",") + "}"]).first, let change = found[0] else {
                    throw StoreError.nothingToUndo
                }
                let action = AuditAction(rawValue: found[1] ?? "")
                let actingFor = author.member.flatMap { $0.login == author.login ? nil : $0.login }
                try connection.execute("SELECT set_config('ita.action', 'undo', true), set_config('ita.acting_for', $1, true), set_config('ita.undoes', $2, true)",
                                       [actingFor ?? "", change])
                let names = Dictionary(try readMembers().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                let stamp = String(now.secondsSince1970)
                // Every row the change wrote, newest first: checked (and locked) first, then put back.
                var steps: [(table: String, seq: String, match: String, kind: Character, columns: [String])] = []
                for r in try select("SELECT seq, entity, old_row IS NULL, new_row IS NULL FROM ita.audit WHERE office = $1 AND xact = $2::bigint ORDER BY seq DESC", [change]) {
                    guard let seq = r[0], let table = r[1], let keys = Self.rowKeys[table] else {
                        throw StoreError.failed("\(location): change \(change) wrote to \(r[1] ?? "?"), which ita does not undo")
                    }
                    let made = r[2] == "t", removed = r[3] == "t"
                    let entity = AuditEntity(rawValue: Self.entityOfTable[table] ?? table)
                    let match = (["office"] + keys).map { "t.\($0) = n.\($0)" }.joined(separator: " AND ")
                    let source = "FROM ita.audit a CROSS JOIN LATERAL jsonb_populate_record(NULL::ita.\(table), coalesce(a.new_row, a.old_row)) n"
                    try connection.execute("SELECT 1 FROM ita.\(table) t, ita.audit a, LATERAL jsonb_populate_record(NULL::ita.\(table), coalesce(a.new_row, a.old_row)) n WHERE a.office = $1 AND a.seq = $2::bigint AND \(match) FOR UPDATE OF t", [office, seq])
                    // Whether the row is there now; the fields the change wrote; those that no longer hold what it left.
                    guard let current = try select("""
                        SELECT t.office IS NOT NULL,
                               (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(coalesce(a.new_row, a.old_row)) k
                                 WHERE k NOT IN ('office', 'updated_at') AND coalesce(a.new_row -> k, 'null') <> coalesce(a.old_row -> k, 'null')),
                               (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(a.new_row) k
                                 WHERE k <> 'updated_at' AND to_jsonb(t) -> k IS DISTINCT FROM to_jsonb(n) -> k),
                               \(table == "task" ? "t.owner_id::text, t.archived_at IS NULL" : "NULL, NULL")
                        \(source) LEFT JOIN ita.\(table) t ON \(match)
                        WHERE a.office = $1 AND a.seq = $2::bigint
                        """, [seq]).first else { continue }
                    let exists = current[0] == "t"
                    let changed = (current[1] ?? "").split(separator: ",").map(String.init), stale = Set((current[2] ?? "").split(separator: ",").map(String.init))
                    let key = try one("SELECT \(Self.fileKey) FROM ita.audit a WHERE a.office = $1 AND a.seq = $2::bigint", [seq]) ?? ""
                    if made {
                        if !exists || (table == "task" ? current[4] != "t" : !stale.isEmpty) {
                            throw StoreError.undoConflict(entity: entity, key: key, field: Store.creationField)
                        }
                    } else if removed {
                        if exists { throw StoreError.undoConflict(entity: entity, key: key, field: Store.creationField) }
                    } else {
                        guard exists else { throw StoreError.undoConflict(entity: entity, key: key, field: changed.first ?? Store.creationField) }
                        if let field = changed.first(where: stale.contains) { throw StoreError.undoConflict(entity: entity, key: key, field: field) }
                    }
                    let owner = current[3].flatMap { Int64($0) }
                    for field in made || removed ? [Store.creationField] : changed {
                        if let denial = Store.undoDenial(entity: entity, field: field, action: action, owner: owner, ownerName: owner.flatMap { names[$0] }, author: author) {
                            throw StoreError.denied(denial)
                        }
                    }
                    let columns = changed.filter { c in !keys.contains(c) && c != "office" && c.allSatisfy { $0 == "_" || ("a"..."z").contains($0) }
                                                       && (table != "task" || Self.restorableColumns.contains(c)) }
                    steps.append((table, seq, match, made ? "+" : removed ? "-" : "=", columns))
                }
                for step in steps {
                    let t = "ita.\(step.table)"
                    switch step.kind {
                    case "+" where step.table == "task":
                        // A task the change made is archived, not deleted (its number stays taken).
                        try connection.execute("""
                            UPDATE ita.task t SET archived_at = to_timestamp($3::double precision), updated_at = to_timestamp($3::double precision)
                            FROM ita.audit a CROSS JOIN LATERAL jsonb_populate_record(NULL::ita.task, a.new_row) n
                            WHERE a.office = $1 AND a.seq = $2::bigint AND \(step.match)
                            """, [office, step.seq, stamp])
                    case "+":
                        try connection.execute("DELETE FROM \(t) t USING ita.audit a CROSS JOIN LATERAL jsonb_populate_record(NULL::\(t), a.new_row) n WHERE a.office = $1 AND a.seq = $2::bigint AND \(step.match)",
                                               [office, step.seq])
                    case "-":
                        try connection.execute("INSERT INTO \(t) SELECT (jsonb_populate_record(NULL::\(t), a.old_row)).* FROM ita.audit a WHERE a.office = $1 AND a.seq = $2::bigint",
                                               [office, step.seq])
                    default:
                        guard !step.columns.isEmpty else { continue }
                        let sets = step.columns.map { "\($0) = o.\($0)" } + (step.table == "task" ? ["updated_at = to_timestamp($3::double precision)"] : [])
                        try connection.execute("""
                            UPDATE \(t) t SET \(sets.joined(separator: ", "))
                            FROM ita.audit a CROSS JOIN LATERAL jsonb_populate_record(NULL::\(t), a.old_row) o
                                 CROSS JOIN LATERAL jsonb_populate_record(NULL::\(t), a.new_row) n
                            WHERE a.office = $1 AND a.seq = $2::bigint AND \(step.match)
                            """, step.table == "task" ? [office, step.seq, stamp] : [office, step.seq])
                    }
                }
                return try entries(of: "xact = $2::bigint ORDER BY seq", [change], upTo: nil).entries
            }
        }
    }

    // MARK: Live refresh

    public func changeSequence() throws -> Int64 {
        try run { Int64(try one("SELECT seq FROM ita.change WHERE office = $1") ?? "") ?? 0 }
    }

    public func changes(after sequence: Int64, limit: Int = 2_000) throws -> StoreChanges {
        let found = try entries(of: "seq > $2::bigint ORDER BY seq LIMIT $3::bigint", [String(sequence), String(limit + 1)], upTo: limit)
        return StoreChanges(sequence: found.kept.last ?? sequence, entries: found.entries, truncated: found.rows > limit)
    }

    /// Audit entries, oldest first: from `sinceEpoch` on when given, the newest `limit` entries when given
    /// (an entry per field, as a file's log counts them; a row written has at least one).
    public func log(sinceEpoch: Int64?, limit: Int?) throws -> [AuditEntry] {
        let found = try entries(of: "at >= to_timestamp($2::double precision) ORDER BY seq DESC LIMIT $3::bigint",
                                [String(sinceEpoch ?? -62_135_596_800), limit.map(String.init) ?? "9223372036854775807"], upTo: nil).entries
        return limit.map { Array(found.suffix($0)) } ?? found
    }

    /// The audit rows `condition` picks (after `office = $1 AND`), as field entries in sequence order (the
    /// progress snapshots and the meetings' rows aside: a file's log has none of them either; they are
    /// kept, with their seals and chain, in their own tables): each
    /// row holds the whole row before and after, so an entry per key whose value differs (the time of the
    /// update and a task's columns derived from its target aside), one for a row made (`*`, as SQLite's log names a creation, the row's
    /// JSON) or removed (`-`); a value row's (an owner, a score) fields as they are set and cleared (`rowTables`). Also the
    /// sequence numbers of the rows kept (at most `upTo`), and how many rows there were.
    func entries(of condition: String, _ parameters: [String?], upTo limit: Int?) throws -> (entries: [AuditEntry], kept: [Int64], rows: Int) {
        let rows = try run {
            try select("""
                SELECT a.seq, extract(epoch FROM a.at)::bigint, a.db_role, a.action, \(Self.fileEntity), \(Self.fileKey), f.k,
                       CASE f.k WHEN '\(Store.creationField)' THEN \(Self.textJSON("a.old_row")) ELSE a.old_row ->> f.k END,
                       CASE f.k WHEN '\(Store.creationField)' THEN \(Self.textJSON("a.new_row")) ELSE a.new_row ->> f.k END, m.id, a.xact, a.undoes
                FROM (SELECT * FROM ita.audit WHERE office = $1 AND entity NOT IN \(Self.unlogged) AND \(condition)) a
                LEFT JOIN LATERAL (
                    SELECT k FROM jsonb_object_keys(coalesce(a.new_row, a.old_row)) k
                     WHERE a.entity <> 'milestone'
                       AND (a.old_row IS NOT NULL AND a.new_row IS NOT NULL OR a.entity NOT IN \(Self.rowTables))
                       AND k NOT IN ('office', 'updated_at', 'target_kind', 'indicator')
                       AND (a.entity IN \(Self.rowTables) OR k NOT IN ('target', 'tool', 'date', 'scope'))
                       AND coalesce(a.new_row -> k, 'null') <> coalesce(a.old_row -> k, 'null')
                    UNION ALL SELECT '\(Store.creationField)' WHERE a.entity = 'milestone' OR (a.old_row IS NULL AND a.entity IN \(Self.rowTables))
                    UNION ALL SELECT '-' WHERE a.new_row IS NULL AND a.entity IN \(Self.rowTables)) f ON true
                LEFT JOIN ita.member m ON m.office = a.office AND m.login = coalesce(a.acting_for, a.db_role)
                ORDER BY a.seq
                """, parameters)
        }
        var seqs: [Int64] = []
        for r in rows where seqs.last != int64(r[0]) { seqs.append(int64(r[0])) }
        let kept = limit.map { Array(seqs.prefix($0)) } ?? seqs
        let last = kept.last ?? Int64.min
        let entries = rows.filter { int64($0[0]) <= last && $0[6] != nil }.map { r -> AuditEntry in
            // One change of ita's is one transaction, however many rows it wrote (before schema v4: a row).
            var entry = AuditEntry(id: int64(r[0]), changeID: r[10].flatMap { Int64($0) } ?? int64(r[0]), at: stamp(r[1]) ?? Timestamp(secondsSince1970: 0, utcOffsetSeconds: utcOffsetSeconds),
                                   login: r[2] ?? "", memberID: r[9].flatMap { Int64($0) }, action: AuditAction(rawValue: r[3] ?? ""),
                                   entity: AuditEntity(rawValue: r[4] ?? ""), key: r[5] ?? "", field: r[6] ?? "",
                                   oldValue: r[7], newValue: r[8], undoes: r[11].flatMap { Int64($0) })
            if entry.field == "evidence" {
                entry.oldEvidence = entry.oldValue.map(Store.decodeEvidence)
                entry.newEvidence = entry.newValue.map(Store.decodeEvidence)
            }
            if Self.timeColumns.contains(entry.field) {
                entry.oldValue = entry.oldValue.map(localTime)
                entry.newValue = entry.newValue.map(localTime)
            }
            // As a file's log holds them: a score as Swift writes a Double, no website as none.
            if entry.field == "score", [AuditEntity.estimate, .lastYear, .official].contains(entry.entity) {
                entry.oldValue = entry.oldValue.flatMap(Double.init).map { String($0) }
                entry.newValue = entry.newValue.flatMap(Double.init).map { String($0) }
            }
            if entry.entity == .assessment, entry.field == "website" {
                if entry.oldValue == "" { entry.oldValue = nil }
                if entry.newValue == "" { entry.newValue = nil }
            }
            return entry
        }
        return (entries, kept, seqs.count)
    }

    /// Tables whose rows a file's log records as made (`*`, the whole row) and removed (`-`); the others'
    /// rows are values under a key (an owner, a holiday, a score), logged as their fields as a file logs them.
    /// A milestone is one value, its whole row (`*`), in either log.
    static let rowTables = "('task', 'member')"
    /// A row's JSON with every value as text (as a file's log writes a row), NULL for none.
    static func textJSON(_ row: String) -> String { "(SELECT jsonb_object_agg(e.key, e.value #>> '{}') FROM jsonb_each(\(row)) e)::text" }

    /// An audit row's table as a file's log names the entity, and its key as a file's log gives it (the
    /// trigger keys a row by its id, key or tool, else by the whole row).
    static let entityOfTable = ["last_year_score": "last_year", "official_result": "official"]
    static let fileEntity = "CASE a.entity " + entityOfTable.sorted { $0.key < $1.key }.map { "WHEN '\($0.key)' THEN '\($0.value)' " }.joined() + "ELSE a.entity END"
    static let fileKey = """
        CASE a.entity WHEN 'owner' THEN coalesce(a.new_row, a.old_row) ->> 'target' WHEN 'holiday' THEN coalesce(a.new_row, a.old_row) ->> 'date'
                      WHEN 'last_year_score' THEN coalesce(a.new_row, a.old_row) ->> 'indicator'
                      WHEN 'official_result' THEN coalesce(a.new_row, a.old_row) ->> 'scope' WHEN 'assessment' THEN '1' ELSE a.entity_key END
        """

    /// A task's `timestamptz` columns: the audit's rows hold them as the writer's session rendered them.
    static let timeColumns: Set<String> = ["done_at", "archived_at"]

    /// A time from an audit row (`2026-12-02T02:00:00.123+00:00`, in the writer's zone) as a file's log
    /// holds it: whole seconds, in the client's offset.
    func localTime(_ text: String) -> String {
        var trimmed = Substring(text)
        if let dot = trimmed.firstIndex(of: "."), let zone = trimmed[dot...].firstIndex(where: { $0 == "+" || $0 == "-" }) {
            trimmed.removeSubrange(dot..<zone)
        }
        guard let time = Timestamp(iso: String(trimmed)) else { return text }
        return Timestamp(secondsSince1970: time.secondsSince1970, utcOffsetSeconds: utcOffsetSeconds).iso
    }

    /// The last sequence announced on the office's channel (LISTEN, asked on the first call), or polled:
    /// every second until a notification has been seen to arrive, then every 30 s as a safety net.
    public func changeToken() throws -> Int {
        try run {
            if !listening {
                if listensForNotifications { try connection.listen("ita_" + office) }
                listening = true
                lastSequence = try changeSequence()
                lastPoll = Date().timeIntervalSince1970
                return Int(truncatingIfNeeded: lastSequence)
            }
            let announced = try connection.notifications(waiting: 0).filter { $0.channel == "ita_" + office }.compactMap { Int64($0.payload) }
            if let newest = announced.max() {
                notificationsArrive = true
                lastSequence = max(lastSequence, newest)
            }
            let now = Date().timeIntervalSince1970
            if now - lastPoll >= (notificationsArrive ? Self.confirmedPollSeconds : Self.pollSeconds) {
                lastPoll = now
                lastSequence = try changeSequence()
            }
            return Int(truncatingIfNeeded: lastSequence)
        }
    }

    // MARK: Rows shared with the roll-up

    static let assessmentColumns = "organisation, fiscal_year, framework_id, target_grade, indicator_target, process_json::text, meeting_weekday, website"
    static let milestoneColumns = "key, title_th, title_en, starts, due, reminders, covers"
    /// A target's tally from its tasks, overdue before `day` (an SQL date): total, done, blocked, with evidence, overdue.
    static func tallyColumns(overdueBefore day: String) -> String {
        """
        count(*), count(*) FILTER (WHERE status = 'done'), count(*) FILTER (WHERE status = 'blocked'),
        count(*) FILTER (WHERE evidence <> '[]'::jsonb), count(*) FILTER (WHERE status IN \(Store.openStatuses) AND due < \(day))
        """
    }

    /// The process model's JSON is the same for most offices: decoded once per text.
    nonisolated(unsafe) private static var processes: [String: ProcessModel] = [:]
    private static let processLock = NSLock()

    /// An assessment from `assessmentColumns`, without the rows of its other tables.
    /// `process`: the process model already decoded (the roll-up's, per digest of its text).
    static func assessment(from a: [String?], process decoded: ProcessModel? = nil) throws -> Assessment {
        let process: ProcessModel
        if let decoded { process = decoded } else {
            let json = a[5] ?? "{}"
            processLock.lock()
            let known = processes[json]
            processLock.unlock()
            process = try known ?? JSONDecoder().decode(ProcessModel.self, from: Data(json.utf8))
            if known == nil { processLock.lock(); processes[json] = process; processLock.unlock() }
        }
        var assessment = Assessment(
            organisation: a[0] ?? "", fiscalYear: Int(a[1] ?? "") ?? 0, frameworkID: a[2] ?? "", targetGrade: a[3] ?? "",
            indicatorTarget: Double(a[4] ?? "") ?? 85, process: process, meetingWeekday: Int(a[6] ?? "") ?? 3)
        assessment.website = a[7] ?? ""
        return assessment
    }

    /// The office's assessment from `assessmentColumns` and the rows of `assessmentTables`, in that order.
    static func assessment(from a: [String?], rows: [[[String?]]]) throws -> Assessment {
        var assessment = try assessment(from: a)
        for r in rows[0] { addLastYear(r, to: &assessment) }
        for r in rows[1] { addEstimate(r, to: &assessment) }
        for r in rows[2] { addRespondents(r, to: &assessment) }
        for r in rows[3] {
            if let score = r[1].flatMap(Double.init) { assessment.official.scores[r[0] ?? ""] = score }
            if let grade = r[2] { assessment.official.grade = grade }
        }
        assessment.milestones = rows[4].compactMap(milestone)
        assessment.holidays = rows[5].compactMap { r in r[0].flatMap(CivilDate.init(iso:)).map { Holiday(date: $0, name: r[1] ?? "") } }
        return assessment
    }

    /// The statements of an office's assessment besides its own row (`office` the office, as SQL), in the
    /// order `assessment(from:rows:)` reads them.
    static func assessmentTables(office o: String) -> [String] {
        [
            "SELECT indicator, score FROM ita.last_year_score WHERE office = \(o)",
            "SELECT tool, score FROM ita.estimate WHERE office = \(o)",
            "SELECT tool, quota, count FROM ita.respondents WHERE office = \(o)",
            "SELECT scope, score, grade FROM ita.official_result WHERE office = \(o)",
            "SELECT \(milestoneColumns) FROM ita.milestone WHERE office = \(o) ORDER BY due, position",
            "SELECT date, name FROM ita.holiday WHERE office = \(o) ORDER BY date",
        ]
    }

    static func addLastYear(_ r: [String?], to a: inout Assessment) { a.lastYearScores[Int(r[0] ?? "") ?? 0] = r[1].flatMap(Double.init) ?? 0 }
    static func addEstimate(_ r: [String?], to a: inout Assessment) { a.estimates[r[0] ?? ""] = r[1].flatMap(Double.init) ?? 0 }
    static func addRespondents(_ r: [String?], to a: inout Assessment) {
        a.respondents[r[0] ?? ""] = Respondents(quota: Int(r[1] ?? "") ?? 0, count: Int(r[2] ?? "") ?? 0)
    }

    /// A milestone from `milestoneColumns`.
    static func milestone(_ r: [String?]) -> Milestone? {
        guard let due = r[4].flatMap(CivilDate.init(iso:)) else { return nil }
        return Milestone(key: r[0] ?? "", titleTH: r[1] ?? "", titleEN: r[2] ?? "", starts: r[3].flatMap(CivilDate.init(iso:)), due: due,
                         reminderOffsets: (r[5] ?? "").split(separator: ",").compactMap { Int($0) },
                         covers: (r[6] ?? "").split(separator: ",").map(String.init))
    }

    /// A target and its tally from `target_kind, target, tallyColumns`.
    static func tally(_ r: [String?]) -> (TaskTarget, Tally)? {
        guard let target = TaskTarget(kind: r[0] ?? "", text: r[1] ?? "") else { return nil }
        func n(_ i: Int) -> Int { Int(r[i] ?? "") ?? 0 }
        return (target, Tally(total: n(2), done: n(3), blocked: n(4), overdue: n(6), withEvidence: n(5)))
    }

    // MARK: Statements

    /// Rows of a statement about this office: `$1` is the office, the parameters are `$2…`.
    func select(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        try connection.execute(sql, [office] + parameters).rows
    }

    func one(_ sql: String, _ parameters: [String?] = []) throws -> String? {
        try select(sql, parameters).first?.first ?? nil
    }

    func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PGError { throw StoreError(error, at: location) }
    }

    func int64(_ text: String?) -> Int64 { text.flatMap { Int64($0) } ?? 0 }
    private func double(_ text: String?) -> Double { text.flatMap(Double.init) ?? 0 }
    func stamp(_ seconds: String?) -> Timestamp? {
        seconds.flatMap { Int64($0) }.map { Timestamp(secondsSince1970: $0, utcOffsetSeconds: utcOffsetSeconds) }
    }
}

/// How messages name a server: its host (or socket directory), port and database, never a password.
public enum ServerAddress {
    static let keywords: Set<String> = ["host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
                                        "sslmode", "sslrootcert", "sslcert", "sslkey", "application_name", "connect_timeout", "options"]

    /// Whether a --db value names a PostgreSQL server rather than a SQLite file: a postgresql:// URI, or
    /// libpq's key=value pairs starting with one of its keywords (host=…, service=…).
    public static func isServer(_ value: String) -> Bool {
        if value.hasPrefix("postgresql://") || value.hasPrefix("postgres://") { return true }
        guard let key = value.split(separator: "=", maxSplits: 1).first, value.contains("=") else { return false }
        return keywords.contains(key.trimmingCharacters(in: .whitespaces))
    }

    /// What works on a server so far, for the message of a command that does not.
    public static let commands = "`ita status`, `ita tasks`, `ita done`/`start`/`block`/`reopen`, the plan's commands (`ita add`, `edit`, `archive`, `restore`, `assign`, `member edit`/`leave`, `milestone`, `holiday`, `estimate`, `last-year`, `target`, `quota`, `results`, `website`), `ita respondents`, `ita remind` (and `--send line`), `ita undo`, `ita log`, `ita review`, `ita report`, the dashboard with its meeting mode, `ita meeting`, `ita minutes`, `ita present`, `ita rollup` and `ita admin`"

    /// `service=NAME`, `HOST:PORT/DATABASE`, or what of them the value gives.
    public static func describe(_ conninfo: String) -> String {
        if conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://"), let url = URLComponents(string: conninfo) {
            return "\(url.host ?? "localhost")\(url.port.map { ":\($0)" } ?? "")\(url.path.isEmpty ? "" : url.path)"
        }
        var pairs: [String: String] = [:]
        for word in conninfo.split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { pairs[parts[0]] = parts[1] }
        }
        if let service = pairs["service"] { return "service=\(service)" }
        return "\(pairs["host"] ?? "localhost")\(pairs["port"].map { ":\($0)" } ?? "")/\(pairs["dbname"] ?? pairs["user"] ?? "")"
    }
}

extension StoreError {
    /// The server's refusal of a statement as a store error: a refused privilege or policy names itself
    /// as refused; a serialisation failure, deadlock or lock timeout is busy (try again).
    init(_ error: PGError, at location: String) {
        if error.isPermissionDenied { self = .refused(path: location, detail: error.message); return }
        if ["40001", "40P01", "55P03"].contains(error.sqlState ?? "") { self = .busy(path: location); return }
        self = .failed("\(location): server: \(error.message)")
    }
}
