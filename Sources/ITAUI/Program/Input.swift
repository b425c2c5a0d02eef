/// What reaches every program from the terminal and the runtime's clock.
public enum Input: Hashable, Sendable {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resized(Size)
    /// No key for `tickInterval` milliseconds: the time on a monotonic clock and the wall-clock day.
    case tick(Tick)
}
