/// What a key asks of present mode.
public enum PresentCommand: KeyCommand {
    /// Present mode has one place keys work (its pages) and needs nothing: it never writes.
    public enum Scope: Hashable, Sendable, CaseIterable { case pages }
    public typealias Need = Never

    case pause, next, previous, first, last
    /// A digit of a page number (`1` `2` is page 12); Enter ends the number.
    case pageDigit, endNumber
    case toggleWorkingDays, help, quit
}
