import ITACore

/// What a cell means, not how it looks: a `Theme` maps each role to colours and attributes.
public enum StyleRole: String, Hashable, Sendable, CaseIterable {
    case normal, dim, title, tab, tabActive, heading, selected, hint, hintKey
    case statusInfo, statusError, prompt
    case done, inProgress, todo, blocked, soon, urgent, overdue
    case barFilled, barEmpty, accent, bigDigits, bigUrgent, bigOverdue
}
