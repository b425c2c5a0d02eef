import Foundation
import GRDB
import ITACore

extension Store {
    /// What a set of plan changes did.
    public struct PlanResult: Hashable, Sendable {
        /// The audit rows written, in order (empty when everything already was as asked).
        public var entries: [AuditEntry] = []
        /// Tasks made (added, or the next occurrence of recurring work).
        public var addedTaskIDs: [Int64] = []
        /// Due dates on a weekend, a holiday, or after the covering milestone.
        public var warnings: [DueWarning] = []
    }

    /// Applies plan changes as one audited change (one `ita undo` reverses them all), checking
    /// each one's content and who may make it inside the transaction. Any refusal writes nothing.
    /// With `dryRun`, everything is checked and worked out as for real, then rolled back: the
    /// result says exactly what applying would write.
    @discardableResult
    public func apply(_ changes: [PlanChange], by author: Author, at now: Timestamp, action: AuditAction? = nil,
                      dryRun: Bool = false) throws -> PlanResult {
        try write(rollingBack: dryRun) { db in
            var writer = try PlanWriter(storage: FilePlanStorage(db: db), author: author, now: now, action: action ?? changes.first?.action ?? .plan)
            for change in changes { try writer.apply(change) }
            return writer.result
        }
    }

    @discardableResult
    public func apply(_ change: PlanChange, by author: Author, at now: Timestamp) throws -> PlanResult {
        try apply([change], by: author, at: now)
    }

    /// The value an audit row's (entity, key, field) names, as stored now; nil where there is none.
    static func stored(_ entity: AuditEntity, key: String, field: String, _ db: Database) throws -> String? {
        switch entity {
        case .task:
            guard let column = taskFieldColumns[field] else { throw StoreError.failed("no task field \(field)") }
            return try String.fetchOne(db, sql: "SELECT CAST(\(column) AS TEXT) FROM task WHERE id = ?", arguments: [key])
        case .respondents:
            guard field == "count" || field == "quota" else { throw StoreError.failed("no respondents field \(field)") }
            return try String.fetchOne(db, sql: "SELECT CAST(\(field) AS TEXT) FROM respondents WHERE tool = ?", arguments: [key])
        case .owner:
            guard let target = TaskTarget(text: key) else { return nil }
            return try String.fetchOne(db, sql: "SELECT CAST(member_id AS TEXT) FROM owner WHERE target_kind = ? AND target = ?",
                                       arguments: [target.kind, target.description])
        case .member:
            if field == creationField {
                guard let row = try Row.fetchOne(db, sql: "SELECT login, name, role, work_group, line_name, line_id FROM member WHERE id = ?",
                                                 arguments: [key]) else { return nil }
                var fields: [String: String?] = ["login": row[0], "name": row[1], "role": row[2], "work_group": row[3], "line_name": row[4]]
                if let lineID = row[5] as String?, !lineID.isEmpty { fields["line_id"] = lineID }
                return json(fields)
            }
            guard memberFields.contains(field) else { throw StoreError.failed("no member field \(field)") }
            return try String.fetchOne(db, sql: "SELECT \(field) FROM member WHERE id = ?", arguments: [key])
        case .milestone:
            guard let row = try Row.fetchOne(db, sql: "SELECT position, title_th, title_en, starts, due, reminders, covers FROM milestone WHERE key = ?",
                                             arguments: [key]) else { return nil }
            return json(["position": String(row[0] as Int), "title_th": row[1], "title_en": row[2], "starts": row[3], "due": row[4],
                         "reminders": row[5], "covers": row[6]])
        case .holiday:
            return try String.fetchOne(db, sql: "SELECT name FROM holiday WHERE date = ?", arguments: [key])
        case .estimate:
            return try Double.fetchOne(db, sql: "SELECT score FROM estimate WHERE tool = ?", arguments: [key]).map { String($0) }
        case .lastYear:
            return try Double.fetchOne(db, sql: "SELECT score FROM last_year_score WHERE indicator = ?", arguments: [key]).map { String($0) }
        case .assessment:
            guard field == "target_grade" || field == "website" else { throw StoreError.failed("no assessment field \(field)") }
            let value = try String.fetchOne(db, sql: "SELECT \(field) FROM assessment")
            return field == "website" && value == "" ? nil : value
        case .official:
            if key == "grade" { return try String.fetchOne(db, sql: "SELECT grade FROM official_result WHERE scope = 'grade'") }
            return try Double.fetchOne(db, sql: "SELECT score FROM official_result WHERE scope = ?", arguments: [key]).map { String($0) }
        default:
            throw StoreError.failed("no entity \(entity.rawValue)")
        }
    }

    /// Writes a value as `stored` reads it (nil removes a row that is only that value).
    static func store(_ entity: AuditEntity, key: String, field: String, value: String?, framework: Framework, _ db: Database) throws {
        switch entity {
        case .task:
            if field == "target" {
                guard let value, let target = TaskTarget(text: value) else { throw StoreError.failed("bad target \(value ?? "nil")") }
                try db.execute(sql: "UPDATE task SET target_kind = ?, target = ?, indicator = ? WHERE id = ?",
                               arguments: [target.kind, target.description, framework.indicatorNumber(of: target), key])
            } else {
                guard let column = taskFieldColumns[field] else { throw StoreError.failed("no task field \(field)") }
                try db.execute(sql: "UPDATE task SET \(column) = ? WHERE id = ?", arguments: [value, key])
            }
        case .respondents:
            try db.execute(sql: "UPDATE respondents SET \(field == "quota" ? "quota" : "count") = ? WHERE tool = ?", arguments: [value, key])
        case .owner:
            guard let target = TaskTarget(text: key) else { return }
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO owner VALUES (?, ?, ?)", arguments: [target.kind, target.description, value])
            } else {
                try db.execute(sql: "DELETE FROM owner WHERE target_kind = ? AND target = ?", arguments: [target.kind, target.description])
            }
        case .member:
            if field == creationField {
                if let value {
                    let row = decodeJSON(value)
                    try db.execute(sql: "INSERT INTO member (id, login, name, role, work_group, line_name, line_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [key, row["login"] ?? "", row["name"] ?? "", row["role"] ?? "member",
                                               row["work_group"] ?? "", row["line_name"] ?? "", row["line_id"] ?? ""])
                } else {
                    try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [key])
                }
            } else {
                try db.execute(sql: "UPDATE member SET \(field) = ? WHERE id = ?", arguments: [value, key])
            }
        case .milestone:
            try db.execute(sql: "DELETE FROM milestone WHERE key = ?", arguments: [key])
            if let value {
                let row = decodeJSON(value)
                try db.execute(sql: """
                    INSERT INTO milestone (key, position, title_th, title_en, starts, due, reminders, covers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key, Int(row["position"].flatMap { $0 } ?? "0") ?? 0, row["title_th"] ?? "", row["title_en"] ?? "",
                                     row["starts"] ?? nil, row["due"] ?? "", row["reminders"] ?? "", row["covers"] ?? ""])
            }
        case .holiday:
            if let value { try db.execute(sql: "INSERT OR REPLACE INTO holiday VALUES (?, ?)", arguments: [key, value]) }
            else { try db.execute(sql: "DELETE FROM holiday WHERE date = ?", arguments: [key]) }
        case .estimate:
            if let value { try db.execute(sql: "INSERT OR REPLACE INTO estimate VALUES (?, ?)", arguments: [key, Double(value) ?? 0]) }
            else { try db.execute(sql: "DELETE FROM estimate WHERE tool = ?", arguments: [key]) }
        case .lastYear:
            if let value { try db.execute(sql: "INSERT OR REPLACE INTO last_year_score VALUES (?, ?)", arguments: [Int(key) ?? 0, Double(value) ?? 0]) }
            else { try db.execute(sql: "DELETE FROM last_year_score WHERE indicator = ?", arguments: [Int(key) ?? 0]) }
        case .assessment:
            if field == "website" { try db.execute(sql: "UPDATE assessment SET website = ?", arguments: [value ?? ""]) }
            else { try db.execute(sql: "UPDATE assessment SET target_grade = ?", arguments: [value ?? ""]) }
        case .official:
            if let value {
                if key == "grade" { try db.execute(sql: "INSERT OR REPLACE INTO official_result VALUES ('grade', NULL, ?)", arguments: [value]) }
                else { try db.execute(sql: "INSERT OR REPLACE INTO official_result VALUES (?, ?, NULL)", arguments: [key, Double(value) ?? 0]) }
            } else {
                try db.execute(sql: "DELETE FROM official_result WHERE scope = ?", arguments: [key])
            }
        default:
            throw StoreError.failed("no entity \(entity.rawValue)")
        }
    }

    /// Task fields (as audited) and their columns; `target` also writes its kind and indicator.
    static let taskFieldColumns: [String: String] = [
        "status": "status", "blocked_reason": "blocked_reason", "evidence": "evidence", "note": "note", "done_by": "done_by",
        "done_at": "done_at", "title": "title", "target": "target", "owner_id": "owner_id", "due": "due", "phase": "phase",
        "recurs": "recurs", "plan_key": "plan_key", "archived_at": "archived_at", "archive_reason": "archive_reason",
    ]
    static let memberFields: Set<String> = ["name", "role", "work_group", "line_name", "line_id", "left_on"]

    static func json(_ object: [String: String?]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decodeJSON(_ text: String) -> [String: String?] {
        (try? JSONDecoder().decode([String: String?].self, from: Data(text.utf8))) ?? [:]
    }

    /// Inserts a task row (the next id) and returns it.
    static func insertTask(_ t: WorkTask, framework: Framework, now: Timestamp, _ db: Database) throws -> WorkTask {
        var task = t
        task.id = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task") ?? 0) + 1
        try db.execute(sql: """
            INSERT INTO task (id, title, target_kind, target, indicator, owner_id, due, status, blocked_reason, evidence,
                              note, phase, done_by, done_at, updated_at, recurs, plan_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [task.id, task.title, task.target.kind, task.target.description, framework.indicatorNumber(of: task.target),
                             task.ownerID, task.due?.iso, task.status.rawValue, task.blockedReason, encodeEvidence(task.evidence),
                             task.note, task.phase, task.doneBy, task.doneAt?.iso, now.iso, task.recurs?.rawValue, task.key])
        return task
    }
}

/// Where a `PlanWriter` reads and writes an office's plan, value by value: the office's SQLite file
/// (`FilePlanStorage`, which writes the audit rows itself) or its rows on a server (`ServerPlanStorage`,
/// whose trigger audits them). Values are the text a file's audit log holds for them.
protocol PlanStorage {
    func framework() throws -> Framework
    func assessment(_ framework: Framework) throws -> Assessment
    func members() throws -> [Member]
    func owners() throws -> [TaskTarget: Int64]
    /// The value an audit row's (entity, key, field) names, as stored now; nil where there is none.
    func stored(_ entity: AuditEntity, key: String, field: String) throws -> String?
    /// Writes a value as `stored` reads it (nil removes a row that is only that value); a task's row
    /// also takes `now` as its time of update.
    func store(_ entity: AuditEntity, key: String, field: String, value: String?, framework: Framework, now: Timestamp) throws
    /// Audits one value written (by `author`, as `action`, all under one change); the entry, or nil where
    /// the database audits it.
    mutating func audit(_ entity: AuditEntity, key: String, field: String, old: String?, new: String?,
                        author: Author, now: Timestamp, action: AuditAction) throws -> AuditEntry?
    /// Inserts a task (the next number) and returns it.
    func insert(_ task: WorkTask, framework: Framework, now: Timestamp) throws -> WorkTask
    /// The task as stored now (on a server, its row locked until the change commits).
    func task(_ id: Int64) throws -> WorkTask
    func task(withKey key: String) throws -> Int64?
    /// Open, unarchived tasks of a target, or of an owner, in id order.
    func openTasks(of target: TaskTarget) throws -> [Int64]
    func openTasks(ownedBy memberID: Int64) throws -> [Int64]
    func milestonePosition(_ key: String) throws -> Int?
    func lastMilestonePosition() throws -> Int?
    func hasRespondents(_ tool: String) throws -> Bool
    /// Who last changed the task (a login, or a member) and when.
    func lastChange(ofTask id: Int64) throws -> (login: String?, memberID: Int64?, at: Timestamp?)
}

/// An office's SQLite file, inside the caller's write transaction.
struct FilePlanStorage: PlanStorage {
    let db: Database
    /// The change every audit row of this set of changes belongs to (taken at the first).
    var changeID: Int64?

    func framework() throws -> Framework { try Store.framework(db) }
    func assessment(_ framework: Framework) throws -> Assessment { try Store.assessmentRecord(db, framework: framework) }
    func members() throws -> [Member] { try Store.memberRecords(db) }
    func owners() throws -> [TaskTarget: Int64] { try Store.ownerRecords(db) }
    func stored(_ entity: AuditEntity, key: String, field: String) throws -> String? { try Store.stored(entity, key: key, field: field, db) }

    func store(_ entity: AuditEntity, key: String, field: String, value: String?, framework: Framework, now: Timestamp) throws {
        try Store.store(entity, key: key, field: field, value: value, framework: framework, db)
        if entity == .task { try db.execute(sql: "UPDATE task SET updated_at = ? WHERE id = ?", arguments: [now.iso, key]) }
    }

    mutating func audit(_ entity: AuditEntity, key: String, field: String, old: String?, new: String?,
                        author: Author, now: Timestamp, action: AuditAction) throws -> AuditEntry? {
        let id = try changeID ?? Store.nextChangeID(db)
        changeID = id
        try Store.appendAudit(db, changeID: id, author: author, now: now, action: action, entity: entity, key: key, field: field,
                              old: old, new: new, undoes: nil)
        return AuditEntry(id: 0, changeID: id, at: now, login: author.login, memberID: author.member?.id, action: action,
                          entity: entity, key: key, field: field, oldValue: old, newValue: new, undoes: nil)
    }

    func insert(_ task: WorkTask, framework: Framework, now: Timestamp) throws -> WorkTask {
        try Store.insertTask(task, framework: framework, now: now, db)
    }

    func task(_ id: Int64) throws -> WorkTask {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Store.taskColumns) FROM task WHERE id = ?", arguments: [id]) else {
            throw StoreError.unknownTask(id: id)
        }
        return Store.taskFromRow(row)
    }

    func task(withKey key: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM task WHERE plan_key = ?", arguments: [key])
    }

    func openTasks(of target: TaskTarget) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT id FROM task WHERE target_kind = ? AND target = ? AND status != 'done' AND archived_at IS NULL ORDER BY id
            """, arguments: [target.kind, target.description])
    }

    func openTasks(ownedBy memberID: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM task WHERE owner_id = ? AND status != 'done' AND archived_at IS NULL ORDER BY id",
                           arguments: [memberID])
    }

    func milestonePosition(_ key: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT position FROM milestone WHERE key = ?", arguments: [key])
    }

    func lastMilestonePosition() throws -> Int? { try Int.fetchOne(db, sql: "SELECT MAX(position) FROM milestone") }

    func hasRespondents(_ tool: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT quota FROM respondents WHERE tool = ?", arguments: [tool]) != nil
    }

    func lastChange(ofTask id: Int64) throws -> (login: String?, memberID: Int64?, at: Timestamp?) {
        let row = try Row.fetchOne(db, sql: "SELECT os_login, member_id, at FROM audit WHERE entity = 'task' AND entity_key = ? ORDER BY id DESC LIMIT 1",
                                   arguments: [String(id)])
        return (row?[0], row?[1], (row?[2] as String?).flatMap(Timestamp.init(iso:)))
    }
}

/// Checks and writes plan changes inside one write transaction, auditing every field that
/// changes under one change id; the same on a file and on a server (`PlanStorage`).
struct PlanWriter<Storage: PlanStorage>: PlanRules {
    var storage: Storage
    let author: Author
    let now: Timestamp
    let action: AuditAction
    let framework: Framework
    var assessment: Assessment
    var members: [Member]
    var owners: [TaskTarget: Int64]
    var result = Store.PlanResult()

    init(storage: Storage, author: Author, now: Timestamp, action: AuditAction) throws {
        self.storage = storage
        self.author = author
        self.now = now
        self.action = action
        framework = try storage.framework()
        assessment = try storage.assessment(framework)
        members = try storage.members()
        owners = try storage.owners()
    }

    // MARK: Writing

    /// Writes one value if it differs from what is stored, with its audit row.
    mutating func set(_ entity: AuditEntity, _ key: String, _ field: String, _ value: String?) throws {
        let old = try storage.stored(entity, key: key, field: field)
        guard old != value else { return }
        try storage.store(entity, key: key, field: field, value: value, framework: framework, now: now)
        if let entry = try storage.audit(entity, key: key, field: field, old: old, new: value, author: author, now: now, action: action) {
            result.entries.append(entry)
        }
    }

    /// Writes the fields of `after` that differ from `before`.
    mutating func write(task before: WorkTask, _ after: WorkTask) throws {
        let old = Store.fieldValues(before), new = Store.fieldValues(after)
        for index in old.indices where old[index].value != new[index].value {
            try set(.task, String(before.id), old[index].field, new[index].value)
        }
    }

    mutating func add(task: WorkTask) throws -> WorkTask {
        let made = try storage.insert(task, framework: framework, now: now)
        if let entry = try storage.audit(.task, key: String(made.id), field: Store.creationField, old: nil, new: Store.encodeCreation(made),
                                         author: author, now: now, action: action) {
            result.entries.append(entry)
        }
        result.addedTaskIDs.append(made.id)
        return made
    }

    // MARK: Reading

    func task(_ id: Int64) throws -> WorkTask { try storage.task(id) }
    func task(withKey key: String) throws -> Int64? { try storage.task(withKey: key) }

    // MARK: Changes

    mutating func apply(_ change: PlanChange) throws {
        switch change {
        case .addTask(let new):
            _ = try add(task: try newTask(new, now: now))
            result.warnings += DueWarning.check(new.due, target: new.target, assessment: assessment, framework: framework)

        case .editTask(let id, let edit):
            let before = try task(id)
            let after = try edited(before, edit, kind: change.kind, now: now, conflict: conflict(on:))
            try write(task: before, after)
            if edit.due != nil || edit.target != nil { result.warnings += warnings(for: after) }

        case .archiveTask(let id, let reason):
            let before = try task(id)
            try permit(.archive)
            guard !before.isArchived else { return }
            var after = before
            after.archivedAt = now
            after.archiveReason = try reason.map { try text("reason", $0) }
            try write(task: before, after)

        case .restoreTask(let id):
            let before = try task(id)
            try permit(.restore)
            var after = before
            after.archivedAt = nil
            after.archiveReason = nil
            try write(task: before, after)

        case .assign(let target, let login, let withOpenTasks):
            try check(target: target, field: "target")
            try permit(.assign)
            let m = try member(login, field: "login")
            try set(.owner, target.description, "member_id", String(m.id))
            owners[target] = m.id
            if withOpenTasks {
                for id in try storage.openTasks(of: target) {
                    try set(.task, String(id), "owner_id", String(m.id))
                }
            }

        case .addMember(let draft):
            try permit(.members)
            guard Member.isValidLogin(draft.login) else {
                throw problem("login", "an OS login name uses letters, digits, . _ - only", th: "ชื่อผู้ใช้ของระบบใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ -")
            }
            if let existing = members.first(where: { $0.login == draft.login }) {
                throw problem("login", existing.hasLeft ? "\(draft.login) was a member and has left; their history keeps the login" : "\(draft.login) is already a member",
                              th: existing.hasLeft ? "\(draft.login) เคยเป็นสมาชิกและออกไปแล้ว ประวัติยังใช้ชื่อผู้ใช้นี้อยู่" : "\(draft.login) เป็นสมาชิกอยู่แล้ว")
            }
            let id = (members.map(\.id).max() ?? 0) + 1
            var fields: [String: String?] = ["login": draft.login, "name": try text("name", draft.name), "role": draft.role.rawValue,
                                             "work_group": try text("group", draft.workGroup, allowEmpty: true),
                                             "line_name": try text("line", draft.lineName, allowEmpty: true)]
            if !draft.lineID.isEmpty { fields["line_id"] = try lineID(draft.lineID) }
            let row = Store.json(fields)
            try set(.member, String(id), Store.creationField, row)
            members = try storage.members()

        case .editMember(let login, let edit):
            try permit(.members)
            guard let m = members.first(where: { $0.login == login }) else {
                throw problem("login", "no member with login \(Quote.text(login))", th: "ไม่พบสมาชิกที่มีชื่อผู้ใช้ \(Quote.text(login))")
            }
            let key = String(m.id)
            if let name = edit.name { try set(.member, key, "name", try text("name", name)) }
            if let role = edit.role { try set(.member, key, "role", role.rawValue) }
            if let group = edit.workGroup { try set(.member, key, "work_group", try text("group", group, allowEmpty: true)) }
            if let line = edit.lineName { try set(.member, key, "line_name", try text("line", line, allowEmpty: true)) }
            if let id = edit.lineID { try set(.member, key, "line_id", id.isEmpty ? "" : try lineID(id)) }
            members = try storage.members()

        case .leaveMember(let login, let handOver):
            try permit(.members)
            let m = try member(login, field: "login")
            let targets = owners.filter { $0.value == m.id }.map(\.key).sorted()
            let open = try storage.openTasks(ownedBy: m.id)
            if let handOver {
                let heir = try member(handOver, field: "hand-over-to")
                guard heir.id != m.id else { throw problem("hand-over-to", "hand over to someone else", th: "ต้องส่งต่อให้ผู้อื่น") }
                for target in targets {
                    try set(.owner, target.description, "member_id", String(heir.id))
                    owners[target] = heir.id
                }
                for id in open { try set(.task, String(id), "owner_id", String(heir.id)) }
            } else if !targets.isEmpty || !open.isEmpty {
                let owned = targets.map(\.description).joined(separator: ", ")
                let tasks = open.prefix(20).map { "#\($0)" }.joined(separator: ", ") + (open.count > 20 ? ", …" : "")
                throw problem("hand-over-to", "\(login) still owns \(targets.count) targets (\(owned)) and \(open.count) open tasks (\(tasks)): give --hand-over-to LOGIN",
                              th: "\(login) ยังรับผิดชอบ \(targets.count) ข้อ (\(owned)) และงานค้าง \(open.count) งาน (\(tasks)): ระบุ --hand-over-to LOGIN")
            }
            try set(.member, String(m.id), "left_on", now.date.iso)
            members = try storage.members()

        case .addMilestone(let milestone):
            try permit(.milestones)
            guard !assessment.milestones.contains(where: { $0.key == milestone.key }) else {
                throw problem("key", "milestone \(milestone.key) exists already", th: "มีหมุดหมาย \(milestone.key) อยู่แล้ว")
            }
            let position = (try storage.lastMilestonePosition() ?? -1) + 1
            try set(.milestone, milestone.key, Store.creationField, try row(of: milestone, position: position))
            assessment = try storage.assessment(framework)

        case .editMilestone(let key, let milestone):
            try permit(.milestones)
            guard let position = try storage.milestonePosition(key) else {
                throw problem("key", "no milestone \(Quote.text(key))", th: "ไม่มีหมุดหมาย \(Quote.text(key))")
            }
            var edited = milestone
            edited.key = key
            try set(.milestone, key, Store.creationField, try row(of: edited, position: position))
            assessment = try storage.assessment(framework)

        case .removeMilestone(let key):
            try permit(.milestones)
            guard assessment.milestones.contains(where: { $0.key == key }) else {
                throw problem("key", "no milestone \(Quote.text(key))", th: "ไม่มีหมุดหมาย \(Quote.text(key))")
            }
            try set(.milestone, key, Store.creationField, nil)
            assessment = try storage.assessment(framework)

        case .addHoliday(let holiday):
            try permit(.holidays)
            try set(.holiday, holiday.date.iso, "name", try text("name", holiday.name))
            assessment = try storage.assessment(framework)

        case .removeHoliday(let date):
            try permit(.holidays)
            guard assessment.holidays.contains(where: { $0.date == date }) else {
                throw problem("date", "no holiday on \(date.iso)", th: "ไม่มีวันหยุดวันที่ \(date.iso)")
            }
            try set(.holiday, date.iso, "name", nil)
            assessment = try storage.assessment(framework)

        case .estimate(let tool, let score):
            try permit(.assessment)
            guard let t = framework.tool(tool), !t.scoredFromItems else {
                let tools = framework.tools.filter { !$0.scoredFromItems }.map(\.code).joined(separator: ", ")
                throw problem("tool", "estimates are for survey tools (\(tools))", th: "ค่าประมาณการใช้กับเครื่องมือแบบสำรวจเท่านั้น (\(tools))")
            }
            try set(.estimate, tool, "score", try score.map { String(try self.score($0)) })

        case .lastYear(let indicator, let score):
            try permit(.assessment)
            guard framework.indicator(indicator) != nil else {
                throw problem("indicator", "no indicator \(indicator) in framework \(framework.id)", th: "ไม่มีตัวชี้วัดที่ \(indicator) ในเกณฑ์ \(framework.id)")
            }
            try set(.lastYear, String(indicator), "score", try score.map { String(try self.score($0)) })

        case .targetGrade(let grade):
            try permit(.assessment)
            guard framework.grading.rule(named: grade) != nil else {
                let grades = framework.grading.rules.map(\.grade).joined(separator: ", ")
                throw problem("grade", "no grade \(Quote.text(grade)) in framework \(framework.id) (grades: \(grades))",
                              th: "ไม่มีระดับ \(Quote.text(grade)) ในเกณฑ์ \(framework.id) (ระดับที่มี: \(grades))")
            }
            try set(.assessment, "1", "target_grade", grade)

        case .website(let url):
            try permit(.assessment)
            if let url, !Evidence.isValid(url) {
                throw problem("website", "the website is an http:// or https:// address with a host, found \(Quote.text(url))",
                              th: "เว็บไซต์ต้องเป็นที่อยู่ http:// หรือ https:// ที่มีชื่อเว็บไซต์ แต่พบ \(Quote.text(url))")
            }
            try set(.assessment, "1", "website", url)

        case .officialScore(let scope, let score):
            try permit(.assessment)
            guard OfficialResults.isScope(scope, in: framework) else {
                let tools = framework.tools.map(\.code).joined(separator: ", ")
                throw problem("scope", "\(Quote.text(scope)) is not \(tools), an indicator number or total", th: "\(Quote.text(scope)) ไม่ใช่ \(tools) เลขตัวชี้วัด หรือ total")
            }
            try set(.official, scope, "score", try score.map { String(try self.score($0)) })

        case .officialGrade(let grade):
            try permit(.assessment)
            if let grade, framework.grading.rule(named: grade) == nil {
                let grades = framework.grading.rules.map(\.grade).joined(separator: ", ")
                throw problem("grade", "no grade \(Quote.text(grade)) in framework \(framework.id) (grades: \(grades))",
                              th: "ไม่มีระดับ \(Quote.text(grade)) ในเกณฑ์ \(framework.id) (ระดับที่มี: \(grades))")
            }
            try set(.official, "grade", "grade", grade)

        case .quota(let tool, let count):
            try permit(.assessment)
            guard try storage.hasRespondents(tool) else {
                throw StoreError.unknownTool(code: tool)
            }
            guard Limits.count.contains(count) else {
                throw problem("quota", "must be a whole number from \(Limits.describe(Limits.count))", th: "ต้องเป็นจำนวนเต็มตั้งแต่ \(Limits.describe(Limits.count, to: "ถึง"))")
            }
            try set(.respondents, tool, "quota", String(count))
        }
    }

    func row(of m: Milestone, position: Int) throws -> String {
        _ = try text("key", m.key)
        guard m.key.allSatisfy({ !$0.isWhitespace }) else { throw problem("key", "a milestone key has no spaces", th: "key ของหมุดหมายต้องไม่มีช่องว่าง") }
        if let starts = m.starts, starts > m.due { throw problem("starts", "starts after it is due", th: "วันเริ่มอยู่หลังวันครบกำหนด") }
        for code in m.covers where !MilestoneScope.isKnown(code, in: framework) {
            throw problem("covers", "no tool, indicator or item \(code) in framework \(framework.id)", th: "ไม่มีเครื่องมือ ตัวชี้วัด หรือข้อ \(code) ในเกณฑ์ \(framework.id)")
        }
        for step in m.reminderOffsets where !Limits.reminderStep.contains(step) {
            throw problem("reminders", "a reminder step is \(Limits.describe(Limits.reminderStep)) days before", th: "วันเตือนต้องอยู่ระหว่าง \(Limits.describe(Limits.reminderStep, to: "ถึง")) วันก่อนครบกำหนด")
        }
        return Store.json(["position": String(position), "title_th": try text("title_th", m.titleTH), "title_en": try text("title_en", m.titleEN, allowEmpty: true),
                           "starts": m.starts?.iso, "due": m.due.iso, "reminders": m.reminderOffsets.map(String.init).joined(separator: ","),
                           "covers": m.covers.joined(separator: ",")])
    }

    /// The refusal of an edit made on a task that changed since the editor read it: who changed it, when.
    func conflict(on task: WorkTask) throws -> StoreError {
        let last = try storage.lastChange(ofTask: task.id)
        let name = (last.memberID.flatMap { id in members.first { $0.id == id } } ?? last.login.flatMap { login in members.first { $0.login == login } })?.name
            ?? last.login ?? "?"
        return .editConflict(taskID: task.id, by: name, at: last.at ?? now)
    }
}

/// The checks of a plan change that need only what the office is (its framework, assessment, members
/// and owners) and who is changing it: one set for the office's file and its server rows
/// (`PlanWriter` over either `PlanStorage`), so both refuse the same change with the same field and reason.
protocol PlanRules {
    var author: Author { get }
    var framework: Framework { get }
    var assessment: Assessment { get }
    var members: [Member] { get }
    var owners: [TaskTarget: Int64] { get }
    /// The task that has this key now, if any.
    func task(withKey key: String) throws -> Int64?
}

extension PlanRules {

    func permit(_ kind: ChangeKind, ownerID: Int64? = nil) throws {
        let name = ownerID.flatMap { id in members.first { $0.id == id }?.name }
        if let denial = Permissions.check(kind, actor: author.member, login: author.login, ownerID: ownerID, ownerName: name) {
            throw StoreError.denied(denial)
        }
    }

    func problem(_ field: String, _ en: String, th: String) -> StoreError { .invalid(PlanProblem(field: field, en, th: th)) }

    func text(_ field: String, _ value: String, allowEmpty: Bool = false) throws -> String {
        let trimmed = value.trimmingWhitespace
        if !allowEmpty, trimmed.isEmpty { throw problem(field, "must not be empty", th: "ต้องไม่ว่าง") }
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }) {
            throw problem(field, "contains control characters", th: "มีอักขระควบคุม")
        }
        if value.unicodeScalars.count > Limits.textLength {
            throw problem(field, "is longer than \(Limits.textLength) characters", th: "ยาวเกิน \(Limits.textLength) ตัวอักษร")
        }
        return allowEmpty ? value : trimmed
    }

    func lineID(_ value: String) throws -> String {
        let id = value.trimmingWhitespace
        guard Member.isValidLineID(id) else {
            throw problem("line_id", "a LINE user id is U and 32 hex digits (from a webhook event), found \(Quote.text(value))",
                          th: "LINE user id คือ U ตามด้วยเลขฐานสิบหก 32 หลัก (ได้จาก webhook event) แต่พบ \(Quote.text(value))")
        }
        return id
    }

    func member(_ login: String, field: String) throws -> Member {
        guard let m = members.first(where: { $0.login == login && !$0.hasLeft }) else {
            let gone = members.contains { $0.login == login }
            throw problem(field, gone ? "\(Quote.text(login)) has left the committee" : "no member with login \(Quote.text(login))",
                          th: gone ? "\(Quote.text(login)) ออกจากคณะทำงานแล้ว" : "ไม่พบสมาชิกที่มีชื่อผู้ใช้ \(Quote.text(login))")
        }
        return m
    }

    func check(target: TaskTarget, field: String) throws {
        switch target {
        case .indicator(let n) where framework.indicator(n) == nil:
            throw problem(field, "no indicator \(n) in framework \(framework.id)", th: "ไม่มีตัวชี้วัดที่ \(n) ในเกณฑ์ \(framework.id)")
        case .item(let code) where framework.item(code) == nil:
            throw problem(field, "no item \(code) in framework \(framework.id)", th: "ไม่มีข้อ \(code) ในเกณฑ์ \(framework.id)")
        default: break
        }
    }

    func phase(_ key: String?, field: String) throws -> String? {
        guard let key, !key.isEmpty else { return nil }
        guard let phase = assessment.process.phases.first(where: { $0.key.uppercased() == key.uppercased() }) else {
            let keys = assessment.process.phases.map(\.key).joined(separator: ", ")
            throw problem(field, "no phase \(Quote.text(key)) in process \(assessment.process.name) (\(keys))",
                          th: "ไม่มีขั้น \(Quote.text(key)) ในกระบวนการ \(assessment.process.name) (\(keys))")
        }
        return phase.key
    }

    /// The owner of a target: its own, else (for an item) its indicator's.
    func owner(of target: TaskTarget) -> Int64? {
        if let id = owners[target] { return id }
        if case .item(let code) = target, let indicator = framework.location(ofItem: code)?.indicator { return owners[.indicator(indicator.number)] }
        return nil
    }

    func key(_ key: String?, for taskID: Int64?) throws -> String? {
        guard let key, !key.isEmpty else { return nil }
        guard WorkTask.isValidKey(key) else {
            throw problem("key", "a task key uses letters, digits, . _ - only", th: "key ของงานใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ -")
        }
        if let other = try task(withKey: key), other != taskID {
            throw problem("key", "task #\(other) already has key \(key)", th: "งาน #\(other) ใช้ key \(key) อยู่แล้ว")
        }
        return key
    }

    func score(_ value: Double) throws -> Double {
        guard value.isFinite, Limits.score.contains(value) else {
            throw problem("score", "must be a number from \(Limits.describe(Limits.score))", th: "ต้องเป็นตัวเลขตั้งแต่ \(Limits.describe(Limits.score, to: "ถึง"))")
        }
        return value == 0 ? 0 : value
    }

    func evidence(_ url: String) throws -> String {
        guard Evidence.isValid(url) else { let why = Evidence.refusal(url); throw problem("evidence", why.en, th: why.th) }
        return url
    }

    /// The task an `addTask` makes (its id not yet given), every field checked.
    func newTask(_ new: NewTask, now: Timestamp) throws -> WorkTask {
        try check(target: new.target, field: "target")
        let targetOwner = owner(of: new.target)
        try permit(.addTask, ownerID: targetOwner)
        var ownerID = targetOwner ?? author.member?.id ?? 0
        if let login = new.ownerLogin {
            let m = try member(login, field: "owner")
            if m.id != author.member?.id, m.id != targetOwner { try permit(.editTask) }
            ownerID = m.id
        }
        guard members.contains(where: { $0.id == ownerID }) else {
            throw problem("owner", "target \(new.target) has no owner: give --owner", th: "\(new.target) ยังไม่มีผู้รับผิดชอบ: ระบุ --owner")
        }
        var task = WorkTask(id: 0, title: try text("title", new.title), target: new.target, ownerID: ownerID, due: new.due,
                            status: new.status, blockedReason: new.status == .blocked ? new.blockedReason : nil,
                            evidence: try new.evidence.map { try evidence($0) }, note: try text("note", new.note, allowEmpty: true),
                            phase: try phase(new.phase, field: "phase"), recurs: new.recurs, key: try key(new.key, for: nil))
        if task.status == .done { task.doneBy = ownerID; task.doneAt = now }
        return task
    }

    /// The task `before` as an `editTask` leaves it, every field checked (who may, and that it is not archived).
    /// `conflict` is the refusal when the editor's copy is no longer the stored one.
    func edited(_ before: WorkTask, _ edit: TaskEdit, kind: ChangeKind, now: Timestamp, conflict: (WorkTask) throws -> StoreError) throws -> WorkTask {
        if before.isArchived { throw StoreError.archived(before.id) }
        try permit(kind, ownerID: before.ownerID)
        if let expected = edit.expected, expected != before { throw try conflict(before) }
        var after = before
        if let title = edit.title { after.title = try text("title", title) }
        if let target = edit.target { try check(target: target, field: "target"); after.target = target }
        if let login = edit.ownerLogin { after.ownerID = try member(login, field: "owner").id }
        if let due = edit.due { after.due = due }
        if let phaseKey = edit.phase { after.phase = try phase(phaseKey, field: "phase") }
        if let note = edit.note { after.note = try text("note", note, allowEmpty: true) }
        if let recurs = edit.recurs { after.recurs = recurs }
        if let key = edit.key { after.key = try self.key(key, for: before.id) }
        if let evidence = edit.evidence { after.evidence = try evidence.map { try self.evidence($0) } }
        if let status = edit.status, status != before.status {
            switch status {
            case .done: after = TaskTransition.apply(.markDone(evidence: nil, note: nil), to: after, by: after.ownerID, at: now)
            case .inProgress: after = TaskTransition.apply(.start, to: after, by: nil, at: now)
            case .todo: after = TaskTransition.apply(.reopen, to: after, by: nil, at: now)
            case .blocked: after = TaskTransition.apply(.block(reason: (edit.blockedReason ?? nil) ?? "-"), to: after, by: nil, at: now)
            }
        } else if let reason = edit.blockedReason, after.status == .blocked {
            after.blockedReason = reason
        }
        return after
    }

    /// The warnings a task's due date gets (a weekend, a holiday, after its milestone).
    func warnings(for task: WorkTask) -> [DueWarning] {
        DueWarning.check(task.due, target: task.target, assessment: assessment, framework: framework)
    }
}
