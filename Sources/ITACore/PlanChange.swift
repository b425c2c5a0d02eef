/// A change to the committee's plan (everything but ticking tasks): what `ita add`, `edit`,
/// `archive`, `assign`, `member`, `milestone`, … and the dashboard's forms ask the store to do.
/// The store checks it (the field named in the error), checks who may make it, writes it and
/// audits it as one change that `ita undo` reverses.
public enum PlanChange: Hashable, Sendable {
    case addTask(NewTask)
    case editTask(id: Int64, TaskEdit)
    case archiveTask(id: Int64, reason: String?)
    case restoreTask(id: Int64)
    /// Who owns an indicator or item; with `withOpenTasks`, its open tasks move to them too.
    case assign(TaskTarget, login: String, withOpenTasks: Bool)
    case addMember(MemberDraft)
    case editMember(login: String, MemberEdit)
    /// A member leaves; what they own (targets, open tasks) goes to `handOverTo`.
    case leaveMember(login: String, handOverTo: String?)
    case addMilestone(Milestone)
    case editMilestone(key: String, Milestone)
    case removeMilestone(key: String)
    case addHoliday(Holiday)
    case removeHoliday(CivilDate)
    /// A survey tool's estimated score (nil: none, last year's result is used).
    case estimate(tool: String, score: Double?)
    case lastYear(indicator: Int, score: Double?)
    case targetGrade(String)
    /// The office's own website (evidence must be on it); nil clears it.
    case website(String?)
    case quota(tool: String, count: Int)
    /// What ITAS announced: a score for a tool, an indicator or `total` (nil clears it).
    case officialScore(scope: String, score: Double?)
    case officialGrade(String?)

    /// The kind of change, for the permission table.
    public var kind: ChangeKind {
        switch self {
        case .addTask: return .addTask
        case .editTask(_, let edit): return edit.onlyNote ? .note : .editTask
        case .archiveTask: return .archive
        case .restoreTask: return .restore
        case .assign: return .assign
        case .addMember, .editMember, .leaveMember: return .members
        case .addMilestone, .editMilestone, .removeMilestone: return .milestones
        case .addHoliday, .removeHoliday: return .holidays
        case .estimate, .lastYear, .targetGrade, .website, .quota, .officialScore, .officialGrade: return .assessment
        }
    }

    /// What the audit log calls it.
    public var action: AuditAction {
        switch self {
        case .addTask: return .add
        case .editTask: return .edit
        case .archiveTask: return .archive
        case .restoreTask: return .restore
        case .assign: return .assign
        case .addMember, .editMember, .leaveMember: return .member
        case .addMilestone, .editMilestone, .removeMilestone: return .milestone
        case .addHoliday, .removeHoliday: return .holiday
        case .estimate, .lastYear, .targetGrade, .website, .quota: return .assessment
        case .officialScore, .officialGrade: return .results
        }
    }
}

/// A task to add. The owner defaults to the target's owner.
public struct NewTask: Hashable, Sendable {
    public var title: String
    public var target: TaskTarget
    public var ownerLogin: String?
    public var due: CivilDate?
    public var phase: String?
    public var note: String
    public var recurs: Recurrence?
    public var key: String?
    /// For `plan apply`: a task the file says is already underway or done.
    public var status: TaskStatus = .todo
    public var evidence: [String] = []
    public var blockedReason: String?

    public init(title: String, target: TaskTarget, ownerLogin: String? = nil, due: CivilDate? = nil, phase: String? = nil,
                note: String = "", recurs: Recurrence? = nil, key: String? = nil) {
        self.title = title
        self.target = target
        self.ownerLogin = ownerLogin
        self.due = due
        self.phase = phase
        self.note = note
        self.recurs = recurs
        self.key = key
    }
}

/// The fields of a task to change; nil leaves a field as it is (`.some(nil)` clears an optional one).
public struct TaskEdit: Hashable, Sendable {
    public var title: String?
    public var target: TaskTarget?
    public var ownerLogin: String?
    public var due: CivilDate??
    public var phase: String??
    public var note: String?
    public var recurs: Recurrence??
    public var key: String??
    /// `plan apply`: the status, evidence and blocked reason the file gives.
    public var status: TaskStatus?
    public var evidence: [String]?
    public var blockedReason: String??
    /// The task as the editor saw it: if it has changed since, the edit is refused (someone else saved first).
    public var expected: WorkTask?

    public init(title: String? = nil, target: TaskTarget? = nil, ownerLogin: String? = nil, due: CivilDate?? = nil,
                phase: String?? = nil, note: String? = nil, recurs: Recurrence?? = nil, key: String?? = nil,
                expected: WorkTask? = nil) {
        self.title = title
        self.target = target
        self.ownerLogin = ownerLogin
        self.due = due
        self.phase = phase
        self.note = note
        self.recurs = recurs
        self.key = key
        self.expected = expected
    }

    /// Changes nothing but the note (which an owner may do on their own task).
    public var onlyNote: Bool {
        var rest = self
        rest.note = nil
        return note != nil && rest.isEmpty
    }

    public var isEmpty: Bool {
        title == nil && target == nil && ownerLogin == nil && due == nil && phase == nil && note == nil && recurs == nil
            && key == nil && status == nil && evidence == nil && blockedReason == nil
    }
}

public struct MemberDraft: Hashable, Sendable {
    public var login: String
    public var name: String
    public var role: Member.Role
    public var workGroup: String
    public var lineName: String
    public var lineID: String

    public init(login: String, name: String, role: Member.Role, workGroup: String = "", lineName: String = "", lineID: String = "") {
        self.login = login
        self.name = name
        self.role = role
        self.workGroup = workGroup
        self.lineName = lineName
        self.lineID = lineID
    }
}

public struct MemberEdit: Hashable, Sendable {
    public var name: String?
    public var role: Member.Role?
    public var workGroup: String?
    public var lineName: String?
    public var lineID: String?

    public init(name: String? = nil, role: Member.Role? = nil, workGroup: String? = nil, lineName: String? = nil, lineID: String? = nil) {
        self.name = name
        self.role = role
        self.workGroup = workGroup
        self.lineName = lineName
        self.lineID = lineID
    }
}

/// A plan change refused for its content: the field it names and why, in English and Thai.
public struct PlanProblem: Error, Hashable, Sendable {
    public var field: String
    public var problem: String
    public var problemTH: String

    public init(field: String, _ problem: String, th: String) {
        self.field = field
        self.problem = problem
        self.problemTH = th
    }

    public func text(thai: Bool) -> String { "\(field): \(thai ? problemTH : problem)" }
}

extension AuditAction {
    public static let add = AuditAction(rawValue: "add")
    public static let edit = AuditAction(rawValue: "edit")
    public static let archive = AuditAction(rawValue: "archive")
    public static let restore = AuditAction(rawValue: "restore")
    public static let assign = AuditAction(rawValue: "assign")
    public static let member = AuditAction(rawValue: "member")
    public static let milestone = AuditAction(rawValue: "milestone")
    public static let holiday = AuditAction(rawValue: "holiday")
    public static let assessment = AuditAction(rawValue: "assessment")
    /// The changes of one `ita plan apply`.
    public static let plan = AuditAction(rawValue: "plan")
    /// The next occurrence of recurring work, made when the last one was done.
    public static let recur = AuditAction(rawValue: "recur")
    public static let results = AuditAction(rawValue: "results")
}

extension AuditEntity {
    /// Who owns an indicator or item (key: `7`, `O12`).
    public static let owner = AuditEntity(rawValue: "owner")
    /// A committee member (key: the member's id).
    public static let member = AuditEntity(rawValue: "member")
    public static let milestone = AuditEntity(rawValue: "milestone")
    /// A committee holiday (key: the date).
    public static let holiday = AuditEntity(rawValue: "holiday")
    public static let estimate = AuditEntity(rawValue: "estimate")
    public static let lastYear = AuditEntity(rawValue: "last_year")
    /// The assessment's own settings (target grade).
    public static let assessment = AuditEntity(rawValue: "assessment")
    /// What ITAS announced (key: the scope, or `grade`).
    public static let official = AuditEntity(rawValue: "official")
}
