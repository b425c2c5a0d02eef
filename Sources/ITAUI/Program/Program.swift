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

/// When the next tick is due. Ticks keep their cadence however long a tick's own work took (a look
/// for others' changes, then preparing what the next keys need, which reads every task): otherwise a
/// change made elsewhere during a long tick waited that tick and a whole interval more. After a key
/// the wait is a whole interval, so ticks (and their work) never come between a user's keys.
public enum TickSchedule {
    public static func timeout(interval: Int, afterTick: Bool, spentMilliseconds: Int) -> Int {
        afterTick ? max(1, interval - max(0, spentMilliseconds)) : interval
    }
}

/// A program's messages for terminal input: each program's `Message` enum has these four cases,
/// and `message(for:)` is written once for all of them.
public protocol InputMessages {
    static func key(_ key: KeyPress) -> Self
    static func mouse(_ event: MouseEvent) -> Self
    static func resized(_ size: Size) -> Self
    static func tick(_ tick: Tick) -> Self
}

extension Program where Message: InputMessages {
    public static func message(for input: Input) -> Message {
        switch input {
        case .key(let key): return .key(key)
        case .mouse(let event): return .mouse(event)
        case .resized(let size): return .resized(size)
        case .tick(let tick): return .tick(tick)
        }
    }
}
