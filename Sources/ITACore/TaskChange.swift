/// A change to one task, as a user asks for it.
public enum TaskChange: Hashable, Sendable {
    case markDone(evidence: String?, note: String?)
    case start
    case block(reason: String)
    case reopen
    case setEvidence([String])
    case setNote(String)
}

extension TaskChange {
    /// The audit log's kind for this change.
    public var action: AuditAction {
        switch self {
        case .markDone: return .done
        case .start: return .start
        case .block: return .block
        case .reopen: return .reopen
        case .setEvidence: return .evidence
        case .setNote: return .note
        }
    }

    /// Its row in the permission table.
    public var kind: ChangeKind {
        switch self {
        case .markDone, .start, .block, .reopen: return .status
        case .setEvidence: return .evidence
        case .setNote: return .note
        }
    }
}
