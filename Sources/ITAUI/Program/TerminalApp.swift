import ITACore

/// A full-screen program the terminal loop can run: the dashboard or present mode.
public protocol TerminalApp {
    mutating func update(_ message: Message) -> [Effect]
    func render() -> Screen
    /// Whether a tick with no other change needs a new frame (a clock or a page timer on screen).
    var redrawsOnTick: Bool { get }
}
