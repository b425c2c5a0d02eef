/// What an audit row records: the kind of change. An open set of names (a stored row from a newer
/// version keeps its name), with a constant for each kind this version writes.
public struct AuditAction: RawRepresentable, Hashable, Sendable, Comparable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let done = AuditAction(rawValue: "done")
    public static let start = AuditAction(rawValue: "start")
    public static let block = AuditAction(rawValue: "block")
    public static let reopen = AuditAction(rawValue: "reopen")
    public static let evidence = AuditAction(rawValue: "evidence")
    public static let note = AuditAction(rawValue: "note")
    /// A task made (by `ita init` or as a meeting's action item): its whole state in one row.
    public static let create = AuditAction(rawValue: "create")
    /// A task's state recorded when an older database was upgraded (replay starts there).
    public static let baseline = AuditAction(rawValue: "baseline")
    public static let undo = AuditAction(rawValue: "undo")
    public static let respondents = AuditAction(rawValue: "respondents")

    /// Kinds that start a task's history rather than change it; undo never reverses them.
    public var startsHistory: Bool { self == .create || self == .baseline }

    public static func < (lhs: AuditAction, rhs: AuditAction) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an audit row is about.
public struct AuditEntity: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let task = AuditEntity(rawValue: "task")
    public static let respondents = AuditEntity(rawValue: "respondents")
}

/// The task state machine: what each change does to a task. The store applies it inside the
/// write transaction (after the permission check) and audits the fields that differ.
public enum TaskTransition {
    public static func apply(_ change: TaskChange, to task: WorkTask, by memberID: Int64?, at now: Timestamp) -> WorkTask {
        var after = task
        switch change {
        case .markDone(let evidence, let note):
            if task.status != .done {
                after.status = .done
                after.doneBy = memberID
                after.doneAt = now
                after.blockedReason = nil
            }
            if let evidence, !evidence.isEmpty, !after.evidence.contains(evidence) { after.evidence.append(evidence) }
            if let note { after.note = note }
        case .start:
            after.status = .inProgress
            after.clearOutcome()
        case .block(let reason):
            after.status = .blocked
            after.clearOutcome()
            after.blockedReason = reason
        case .reopen:
            after.status = .todo
            after.clearOutcome()
        case .setEvidence(let urls): after.evidence = urls
        case .setNote(let text): after.note = text
        }
        return after
    }
}

extension WorkTask {
    /// Leaving done or blocked: no reason, no one who finished it, no time it was finished.
    fileprivate mutating func clearOutcome() {
        blockedReason = nil
        doneBy = nil
        doneAt = nil
    }
}
