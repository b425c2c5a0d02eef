/// What a key asks of the roll-up board.
public enum RollupKey: KeyCommand {
    /// One place keys work (the office list); it never writes, so it needs nothing.
    public enum Scope: Hashable, Sendable, CaseIterable { case offices }
    public typealias Need = Never

    case down, up, first, last, pageDown, pageUp
    /// Lowest projected first, or by code.
    case sort
    /// Only the offices at risk, or all.
    case atRiskOnly
    case help, quit
}
