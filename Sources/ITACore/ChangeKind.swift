/// Every kind of change a person can make, for the permission table (README "Who may change
/// what"; a store test checks each cell of it).
public enum ChangeKind: String, CaseIterable, Hashable, Sendable {
    /// Done, started, blocked, reopened.
    case status
    case evidence
    case note
    /// A new task on an indicator or item.
    case addTask = "add"
    /// Title, target, owner, due date, phase or recurrence of a task.
    case editTask = "edit"
    case archive
    case restore
    /// Who owns an indicator or item.
    case assign
    case members
    case milestones
    case holidays
    /// Estimates, last year's scores, the target grade, survey quotas.
    case assessment
    case respondents
    case meeting
}

/// The rule for one change kind: who may make it.
public struct ChangeRule: Hashable, Sendable {
    /// An owner may make it on their own task (or, for `addTask`, on a target they own).
    public var ownerOnOwn: Bool

    public static func rule(for kind: ChangeKind) -> ChangeRule {
        switch kind {
        case .status, .evidence, .note, .addTask: return ChangeRule(ownerOnOwn: true)
        default: return ChangeRule(ownerOnOwn: false)
        }
    }
}

extension Permissions {
    /// The one rule: chair and secretary change the plan; whoever owns a task changes its status,
    /// evidence and note, and may add a task on a target they own; everyone else only looks.
    /// `ownerID` is the task's owner (or, for `addTask`, the target's owner).
    public static func check(_ kind: ChangeKind, actor: Member?, login: String, ownerID: Int64? = nil,
                             ownerName: String? = nil) -> Denial? {
        guard let actor else { return .notAMember(login: login) }
        if actor.coordinates { return nil }
        guard ChangeRule.rule(for: kind).ownerOnOwn, let ownerID else { return .coordinatorsOnly }
        if ownerID == actor.id { return nil }
        return kind == .addTask ? .notYourTarget(ownerName: ownerName ?? "#\(ownerID)")
                                : .notYourTask(ownerName: ownerName ?? "#\(ownerID)")
    }
}
