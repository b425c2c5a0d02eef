/// One disagreement between the database and its own record, found by `ita verify`.
public enum IntegrityProblem: Hashable, Sendable {
    /// A protecting trigger, table or index is missing or differs from what this version made.
    case schemaObjectMissing(name: String)
    case schemaObjectChanged(name: String)
    case schemaObjectUnexpected(name: String)
    /// This audit row's content or chain does not match its hash (it was rewritten, inserted or its predecessor changed).
    case auditRowAltered(id: Int64)
    /// Audit rows are missing before this one (or after the last, when `id` is the last kept).
    case auditRowsMissing(after: Int64)
    case entryAltered(id: Int64)
    case meetingAltered(day: String)
    case entryOrphaned(id: Int64)
    /// The task's stored field is not what its audit rows replay to (a change made outside ita).
    case taskDiffers(id: Int64, field: String)
    /// An audit row's old value is not what the task held then.
    case taskHistoryBroken(id: Int64, auditRow: Int64)
    case taskWithoutCreation(id: Int64)
}
