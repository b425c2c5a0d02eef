import ITACore

/// A full-screen program (Bubble Tea's model): it owns its messages and its effects. The runtime
/// turns terminal input into the program's messages, performs the effects it returns, and feeds
/// the results back as messages. `update` is pure; only the runtime touches the store, the
/// terminal or a clock.
public protocol Program {
    associatedtype Message
    associatedtype Effect

    /// The program's message for a key, a mouse report, a resize or a tick.
    static func message(for input: Input) -> Message
    mutating func update(_ message: Message) -> [Effect]
    func render() -> Screen
    /// Milliseconds between ticks when no key arrives (the clock, page timers, others' changes, midnight).
    var tickInterval: Int { get }
    /// Whether a tick with no other change needs a new frame (a clock or a page timer on screen).
    var redrawsOnTick: Bool { get }
}

extension Program {
    public var tickInterval: Int { 250 }
}
