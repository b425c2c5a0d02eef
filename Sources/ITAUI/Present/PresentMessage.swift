import ITACore

/// Everything that reaches present mode: input and the data read again.
public enum PresentMessage: Hashable, Sendable, InputMessages {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resized(Size)
    case tick(Tick)
    case loaded(DashboardData)
    /// Reading the store failed (the projector keeps showing what it had).
    case failed(String)
}
