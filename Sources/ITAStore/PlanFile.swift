import ITACore

/// The committee file as the source of truth for those who prefer a text file: `ita plan export`
/// writes the plan as one, `ita plan apply` works out what a file would change.
extension Store {
    /// The current plan as a committee file: dates in BE, tasks in id order, an item's owner only
    /// where it is not its indicator's. The same database always gives the same bytes, and
    /// applying the export changes nothing.
    public func exportPlan() throws -> String {
        let board = try self.board(today: CivilDate(dayNumber: 0))
        let a = board.assessment, f = board.framework
        let tasks = try self.tasks()
        let login = Dictionary(uniqueKeysWithValues: board.members.map { ($0.id, $0.login) })
        var out: [String] = ["# ITA Board committee file, written by `ita plan export`. `ita plan apply` reads it back."]
        func line(_ text: String) { out.append(text) }
        line("organisation: \(Self.quoted(a.organisation))")
        line("framework: \(a.frameworkID)")
        line("fiscal_year: \(a.fiscalYear)")
        line("target_grade: \(Self.quoted(a.targetGrade))")
        if !a.website.isEmpty { line("website: \(Self.quoted(a.website))") }
        line("indicator_target: \(Number.plain(a.indicatorTarget))")
        line("process: \(a.process.name)")
        line("meeting_weekday: \(a.meetingWeekday)")
        if !a.lastYearScores.isEmpty {
            line("last_year: {" + a.lastYearScores.sorted { $0.key < $1.key }.map { "\($0.key): \(Number.plain($0.value))" }.joined(separator: ", ") + "}")
        }
        if !a.estimates.isEmpty {
            line("estimates: {" + a.estimates.sorted { $0.key < $1.key }.map { "\($0.key): \(Number.plain($0.value))" }.joined(separator: ", ") + "}")
        }
        if !a.respondents.isEmpty {
            line("respondents:")
            for (tool, r) in a.respondents.sorted(by: { $0.key < $1.key }) { line("  \(tool): {quota: \(r.quota), count: \(r.count)}") }
        }
        line("members:")
        for m in board.members {
            var fields = ["login: \(m.login)", "name: \(Self.quoted(m.name))", "role: \(m.role.rawValue)"]
            if !m.workGroup.isEmpty { fields.append("group: \(Self.quoted(m.workGroup))") }
            if !m.lineName.isEmpty { fields.append("line: \(Self.quoted(m.lineName))") }
            if !m.lineID.isEmpty { fields.append("line_id: \(m.lineID)") }
            if let left = m.leftOn { fields.append("left: \(DateInput.typed(left))") }
            line("  - {" + fields.joined(separator: ", ") + "}")
        }
        line("owners:")
        line("  indicators: {" + f.indicators.compactMap { i in board.owners[.indicator(i.number)].flatMap { login[$0] }.map { "\(i.number): \($0)" } }
            .joined(separator: ", ") + "}")
        let items = f.items.compactMap { item -> String? in
            guard let own = board.owners[.item(item.code)], let indicator = f.location(ofItem: item.code)?.indicator.number,
                  own != board.owners[.indicator(indicator)], let name = login[own] else { return nil }
            return "    \(item.code): \(name)"
        }
        if !items.isEmpty {
            line("  items:")
            out += items
        }
        if !a.milestones.isEmpty {
            line("milestones:")
            for m in a.milestones.sorted(by: { ($0.due, $0.key) < ($1.due, $1.key) }) {
                var fields = ["key: \(Self.quoted(m.key))", "title_th: \(Self.quoted(m.titleTH))", "title_en: \(Self.quoted(m.titleEN))"]
                if let starts = m.starts { fields.append("starts: \(DateInput.typed(starts))") }
                fields.append("due: \(DateInput.typed(m.due))")
                fields.append("reminders: [" + m.reminderOffsets.map(String.init).joined(separator: ", ") + "]")
                if !m.covers.isEmpty { fields.append("covers: [" + m.covers.map(Self.quoted).joined(separator: ", ") + "]") }
                line("  - {" + fields.joined(separator: ", ") + "}")
            }
        }
        if !a.holidays.isEmpty {
            line("holidays:")
            for h in a.holidays { line("  - {date: \(DateInput.typed(h.date)), name: \(Self.quoted(h.name))}") }
        }
        if !tasks.isEmpty {
            line("tasks:")
            for t in tasks {
                var fields: [String] = []
                if let key = t.key { fields.append("key: \(key)") }
                fields += ["title: \(Self.quoted(t.title))", "target: \(t.target)"]
                if t.ownerID != board.owner(of: t.target), let name = login[t.ownerID] { fields.append("owner: \(name)") }
                if let due = t.due { fields.append("due: \(DateInput.typed(due))") }
                fields.append("status: \(t.status.rawValue)")
                if let reason = t.blockedReason { fields.append("blocked_reason: \(Self.quoted(reason))") }
                if let phase = t.phase { fields.append("phase: \(Self.quoted(phase))") }
                if let recurs = t.recurs { fields.append("recurs: \(recurs.rawValue)") }
                if !t.evidence.isEmpty { fields.append("evidence: [" + t.evidence.map(Self.quoted).joined(separator: ", ") + "]") }
                if !t.note.isEmpty { fields.append("note: \(Self.quoted(t.note))") }
                line("  - {" + fields.joined(separator: ", ") + "}")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar (JSON escapes), so any text survives the round trip.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(toWidth: 2).replacingOccurrences(of: " ", with: "0")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// What applying a committee file would change, as plan changes in an order that works
    /// (members first, then the assessment, milestones, holidays, owners, tasks, and leaving members
    /// last), and notes on what a file cannot change here.
    public func planChanges(for plan: CommitteePlan) throws -> (changes: [PlanChange], notes: [PlanProblem]) {
        let board = try self.board(today: CivilDate(dayNumber: 0))
        let a = board.assessment, f = board.framework
        var changes: [PlanChange] = []
        var notes: [PlanProblem] = []
        let fileLogin = Dictionary(uniqueKeysWithValues: plan.members.map { ($0.id, $0.login) })
        let dbLogin = Dictionary(uniqueKeysWithValues: board.members.map { ($0.id, $0.login) })

        // Settings a file cannot change once the database exists.
        if plan.assessment.organisation != a.organisation {
            notes.append(PlanProblem(field: "organisation", "differs from the database's; not changed by plan apply", th: "ต่างจากในฐานข้อมูล: plan apply ไม่เปลี่ยนค่านี้"))
        }
        if plan.assessment.fiscalYear != a.fiscalYear {
            notes.append(PlanProblem(field: "fiscal_year", "differs from the database's; not changed by plan apply", th: "ต่างจากในฐานข้อมูล: plan apply ไม่เปลี่ยนค่านี้"))
        }
        if plan.assessment.process.name != a.process.name {
            notes.append(PlanProblem(field: "process", "differs from the database's; not changed by plan apply", th: "ต่างจากในฐานข้อมูล: plan apply ไม่เปลี่ยนค่านี้"))
        }

        // Members: new ones and changed details; who is missing from the file stays (members are never removed).
        var leaving: [String] = []
        for m in plan.members {
            if let current = board.members.first(where: { $0.login == m.login }) {
                var edit = MemberEdit()
                if current.name != m.name { edit.name = m.name }
                if current.role != m.role { edit.role = m.role }
                if current.workGroup != m.workGroup { edit.workGroup = m.workGroup }
                if current.lineName != m.lineName { edit.lineName = m.lineName }
                if current.lineID != m.lineID { edit.lineID = m.lineID }
                if edit != MemberEdit() { changes.append(.editMember(login: m.login, edit)) }
                if m.hasLeft && !current.hasLeft { leaving.append(m.login) }
            } else {
                changes.append(.addMember(MemberDraft(login: m.login, name: m.name, role: m.role, workGroup: m.workGroup, lineName: m.lineName, lineID: m.lineID)))
                if m.hasLeft { leaving.append(m.login) }
            }
        }
        for m in board.members where !m.hasLeft && !plan.members.contains(where: { $0.login == m.login }) {
            notes.append(PlanProblem(field: "members", "\(m.login) is not in the file: members are not removed (ita member leave \(m.login))",
                                     th: "\(m.login) ไม่มีในไฟล์: ไม่ลบสมาชิก (ใช้ ita member leave \(m.login))"))
        }

        // The assessment.
        if plan.assessment.targetGrade != a.targetGrade { changes.append(.targetGrade(plan.assessment.targetGrade)) }
        if plan.assessment.website != a.website { changes.append(.website(plan.assessment.website.isEmpty ? nil : plan.assessment.website)) }
        for tool in Set(plan.assessment.estimates.keys).union(a.estimates.keys).sorted() where plan.assessment.estimates[tool] != a.estimates[tool] {
            changes.append(.estimate(tool: tool, score: plan.assessment.estimates[tool]))
        }
        for n in Set(plan.assessment.lastYearScores.keys).union(a.lastYearScores.keys).sorted()
            where plan.assessment.lastYearScores[n] != a.lastYearScores[n] {
            changes.append(.lastYear(indicator: n, score: plan.assessment.lastYearScores[n]))
        }
        for (tool, r) in plan.assessment.respondents.sorted(by: { $0.key < $1.key }) where a.respondents[tool]?.quota != r.quota {
            changes.append(.quota(tool: tool, count: r.quota))
        }

        // Milestones by key, holidays by date.
        for m in plan.assessment.milestones {
            if let current = a.milestones.first(where: { $0.key == m.key }) {
                if current != m { changes.append(.editMilestone(key: m.key, m)) }
            } else {
                changes.append(.addMilestone(m))
            }
        }
        for m in a.milestones where !plan.assessment.milestones.contains(where: { $0.key == m.key }) { changes.append(.removeMilestone(key: m.key)) }
        for h in plan.assessment.holidays where !a.holidays.contains(h) { changes.append(.addHoliday(h)) }
        for h in a.holidays where !plan.assessment.holidays.contains(where: { $0.date == h.date }) { changes.append(.removeHoliday(h.date)) }

        // Owners of indicators and items (an item's defaults to its indicator's on both sides).
        let targets = f.indicators.map { TaskTarget.indicator($0.number) } + f.items.map { TaskTarget.item($0.code) }
        var fileOwners: [TaskTarget: String] = [:]
        for target in targets {
            guard let id = plan.owners[target], let wanted = fileLogin[id] else { continue }
            fileOwners[target] = wanted
            if board.owner(of: target).flatMap({ dbLogin[$0] }) != wanted { changes.append(.assign(target, login: wanted, withOpenTasks: false)) }
        }

        // Tasks: by key, else by title and target (duplicates pair in id order); unmatched ones are archived.
        let planned = plan.tasks.map { t in
            PlannedTask(title: t.title, target: t.target, key: t.key, ownerLogin: (plan.taskFields[t.id] ?? []).contains("owner") ? fileLogin[t.ownerID] : nil,
                        due: t.due, phase: t.phase, note: t.note, recurs: t.recurs, status: t.status, evidence: t.evidence,
                        blockedReason: t.blockedReason, fields: plan.taskFields[t.id] ?? [])
        }
        changes += try taskChanges(planned, defaultOwners: fileOwners, archiveUnmatched: true)
        for login in leaving { changes.append(.leaveMember(login: login, handOverTo: nil)) }
        return (changes, notes)
    }
}

/// A task as a plan file or a spreadsheet row gives it: what `plan apply` and `ita import` match against
/// the database. `fields` names what the source gave; the rest is left as it is.
public struct PlannedTask: Hashable, Sendable {
    public var title: String
    public var target: TaskTarget
    public var key: String?
    public var ownerLogin: String?
    public var due: CivilDate?
    public var phase: String?
    public var note: String
    public var recurs: Recurrence?
    public var status: TaskStatus
    public var evidence: [String]
    public var blockedReason: String?
    public var fields: Set<String>

    public init(title: String, target: TaskTarget, key: String? = nil, ownerLogin: String? = nil, due: CivilDate? = nil, phase: String? = nil,
                note: String = "", recurs: Recurrence? = nil, status: TaskStatus = .todo, evidence: [String] = [], blockedReason: String? = nil,
                fields: Set<String>) {
        self.title = title
        self.target = target
        self.key = key
        self.ownerLogin = ownerLogin
        self.due = due
        self.phase = phase
        self.note = note
        self.recurs = recurs
        self.status = status
        self.evidence = evidence
        self.blockedReason = blockedReason
        self.fields = fields
    }
}

extension Store {
    /// The changes that make the stored tasks what `planned` says: each matched by `key`, else by title
    /// and target (duplicates pair in id order), and edited only in the fields it gives; unmatched
    /// entries are added (owned by `defaultOwners[target]`, else the target's owner). With
    /// `archiveUnmatched`, stored tasks no entry matched are archived (a plan file is the whole plan;
    /// a spreadsheet may be part of it).
    public func taskChanges(_ planned: [PlannedTask], defaultOwners: [TaskTarget: String] = [:], archiveUnmatched: Bool) throws -> [PlanChange] {
        let dbLogin = Dictionary(uniqueKeysWithValues: try members().map { ($0.id, $0.login) })
        let live = try tasks(), archived = try tasks(TaskQuery(archived: true))
        var unmatched = live + archived
        var changes: [PlanChange] = []
        for t in planned {
            let fields = t.fields
            let found: Int? = t.key.flatMap { key in unmatched.firstIndex { $0.key == key } }
                ?? unmatched.firstIndex { $0.key == nil && $0.title == t.title && $0.target == t.target }
            let owner = fields.contains("owner") ? t.ownerLogin : nil
            guard let found else {
                var new = NewTask(title: t.title, target: t.target, ownerLogin: owner ?? defaultOwners[t.target], due: t.due, phase: t.phase,
                                  note: t.note, recurs: t.recurs, key: t.key)
                new.status = t.status
                new.evidence = t.evidence
                new.blockedReason = t.blockedReason
                changes.append(.addTask(new))
                continue
            }
            let current = unmatched.remove(at: found)
            if current.isArchived { changes.append(.restoreTask(id: current.id)) }
            var edit = TaskEdit()
            if current.title != t.title { edit.title = t.title }
            if current.target != t.target { edit.target = t.target }
            if let owner, dbLogin[current.ownerID] != owner { edit.ownerLogin = owner }
            if fields.contains("due"), current.due != t.due { edit.due = .some(t.due) }
            if fields.contains("phase"), current.phase != t.phase { edit.phase = .some(t.phase) }
            if fields.contains("note"), current.note != t.note { edit.note = t.note }
            if fields.contains("recurs"), current.recurs != t.recurs { edit.recurs = .some(t.recurs) }
            if t.key != nil, current.key != t.key { edit.key = .some(t.key) }
            if fields.contains("evidence"), current.evidence != t.evidence { edit.evidence = t.evidence }
            // A done task stays done unless the source says otherwise.
            if fields.contains("status"), current.status != t.status {
                edit.status = t.status
                if t.status == .blocked { edit.blockedReason = .some(t.blockedReason) }
            } else if fields.contains("blocked_reason"), current.status == .blocked, current.blockedReason != t.blockedReason {
                edit.blockedReason = .some(t.blockedReason)
            }
            if !edit.isEmpty { changes.append(.editTask(id: current.id, edit)) }
        }
        if archiveUnmatched {
            for t in unmatched where !t.isArchived { changes.append(.archiveTask(id: t.id, reason: "plan apply")) }
        }
        return changes
    }
}
