import Foundation
import ITACore
import ITATerminal
import ITAUI

/// What the loop does after a program handled an input.
enum Next {
    case stay
    /// Switch to another program; this one comes back (`resume`) when that one closes.
    case open(any RunningProgram)
    case close
}

/// A program together with what performs its effects: the one shape the loop runs.
protocol RunningProgram: AnyObject {
    func send(_ input: Input) throws -> Next
    func render() -> Screen
    var redrawsOnTick: Bool { get }
    var tickInterval: Int { get }
    /// Whether an effect of the last input came back with a message (a reload, a failure): a tick
    /// that brought news needs a frame even when the program does not redraw on ticks.
    var heardBack: Bool { get }
    /// Shows a problem the runtime met outside any effect (a theme that would not load).
    func show(failure text: String) throws -> Next
    /// Once, after the program's first frame is on screen (slow checks that must not delay it).
    func firstFrameShown() throws -> Next
    /// On screen again after the program it opened closed.
    func resume(size: Size) throws -> Next
}

/// What performing one effect gave: messages for the program, or a switch of program.
enum Performed<Message> {
    case messages([Message])
    /// Messages that change nothing on screen (work done while idle): delivered without a new frame.
    case quietly([Message])
    case open(any RunningProgram)
    case close

    static var none: Performed { .messages([]) }
    static func message(_ message: Message) -> Performed { .messages([message]) }
}

/// Runs a `Program`: feeds it messages and performs its effects until none are left. Effects are
/// performed in order; a message an effect returns may ask for more.
final class Running<P: Program>: RunningProgram {
    private(set) var program: P
    private let perform: (P.Effect) throws -> Performed<P.Message>
    private let failure: (String) -> P.Message
    private let describe: (Error) -> String
    private let onFirstFrame: () throws -> [P.Message]
    private let onResume: (Size) throws -> [P.Message]
    private(set) var heardBack = false

    /// `failure` makes the program's message for an effect that failed, in words from `describe`:
    /// a store error never ends the session, the status line says what happened.
    init(_ program: P, failure: @escaping (String) -> P.Message, describe: @escaping (Error) -> String,
         perform: @escaping (P.Effect) throws -> Performed<P.Message>,
         firstFrame: @escaping () throws -> [P.Message] = { [] }, resume: @escaping (Size) throws -> [P.Message] = { _ in [] }) {
        self.program = program
        self.failure = failure
        self.describe = describe
        self.perform = perform
        self.onFirstFrame = firstFrame
        self.onResume = resume
    }

    func send(_ input: Input) throws -> Next { try deliver([P.message(for: input)]) }
    func render() -> Screen { program.render() }
    var redrawsOnTick: Bool { program.redrawsOnTick }
    var tickInterval: Int { program.tickInterval }
    func show(failure text: String) throws -> Next { try deliver([failure(text)]) }
    func firstFrameShown() throws -> Next { try deliver(try onFirstFrame()) }
    func resume(size: Size) throws -> Next { try deliver([P.message(for: .resized(size))] + (try onResume(size))) }

    private func deliver(_ messages: [P.Message]) throws -> Next {
        heardBack = false
        var effects = messages.flatMap { program.update($0) }
        while !effects.isEmpty {
            let performed: Performed<P.Message>
            do {
                performed = try perform(effects.removeFirst())
            } catch {
                performed = .message(failure(describe(error)))
            }
            switch performed {
            case .messages(let replies):
                heardBack = heardBack || !replies.isEmpty
                for reply in replies { effects += program.update(reply) }
            case .quietly(let replies):
                for reply in replies { effects += program.update(reply) }
            case .open(let other): return .open(other)
            case .close: return .close
            }
        }
        return .stay
    }
}

/// The one event loop: reads terminal events, hands them to the program on top, presents frames,
/// and switches programs without recursion (a stack: M opens meeting mode, q brings the dashboard back).
enum ProgramLoop {
    /// Runs until the first program closes (0) or a signal ends it (128+n).
    static func run(_ first: any RunningProgram, terminal: Terminal, clock: @escaping () -> CivilDate, timer: BenchTimer?) throws -> Int32 {
        var stack: [any RunningProgram] = [first]
        var next = try first.send(.resized(terminal.size))
        terminal.present(first.render())
        timer?.firstFrame()
        if case .stay = next { next = try first.firstFrameShown() }
        var redraw = true
        // The key being timed for the benchmark log, and when it was read; a tick that brought a reload.
        var timed: (KeyPress, UInt64)?
        var reloadStarted: UInt64?
        // When the last tick began (nil after any other input): the next one is due an interval after it.
        var tickAt: UInt64?
        while true {
            // Switch programs until one stays, then draw it if anything changed.
            while true {
                switch next {
                case .stay: break
                case .open(let other):
                    stack.append(other)
                    next = try other.send(.resized(terminal.size))
                    redraw = true
                    continue
                case .close:
                    stack.removeLast()
                    guard let below = stack.last else { timer?.write(); return 0 }
                    next = try below.resume(size: terminal.size)
                    redraw = true
                    continue
                }
                break
            }
            let top = stack[stack.count - 1]
            if redraw {
                terminal.present(top.render())
                if let (key, started) = timed { timer?.record(key, since: started) }
                if let started = reloadStarted { timer?.record("reload", since: started); timer?.epoch("reload_frame") }
            }
            timed = nil
            reloadStarted = nil

            let timeout = TickSchedule.timeout(interval: top.tickInterval, afterTick: tickAt != nil,
                                               spentMilliseconds: tickAt.map { Int((BenchTimer.now() - $0) / 1_000_000) } ?? 0)
            tickAt = nil
            let event = terminal.nextEvent(timeout: Int32(timeout))
            let input: Input
            switch event {
            case .key(.control("l")):
                terminal.invalidate()
                input = .resized(terminal.size)
            case .key(let key):
                timed = (key, BenchTimer.now())
                input = .key(key)
            case .mouse(let mouse): input = .mouse(mouse)
            case .resize(let size): input = .resized(size)
            case .timeout:
                reloadStarted = BenchTimer.now()
                tickAt = reloadStarted
                input = .tick(Tick(seconds: Double(BenchTimer.now()) / 1e9, today: clock()))
            case .signal(let number):
                timer?.write()
                return 128 + number
            }
            next = try top.send(input)
            if case .tick = input, let started = reloadStarted { timer?.record("tick", since: started) }
            if case .tick = input {
                redraw = top.redrawsOnTick || top.heardBack
                if !top.heardBack { reloadStarted = nil }
            } else {
                redraw = true
            }
        }
    }
}
