import Foundation
import ITACore
import ITAStore
import ITATerminal
import ITAUI

/// Starts the terminal for a full-screen program and runs it in the one loop.
enum FullScreen {
    /// Returns the exit status: 0, 2 when there is no usable terminal, 128+n on a signal.
    static func run(ctx: Context, theme themeName: String?, mouse: Bool,
                    _ makeProgram: (Terminal) throws -> any RunningProgram) throws -> Int32 {
        let (requested, warning) = ThemeLoader.load(themeName)
        let colour = (Context.environment["NO_COLOR"] ?? "").isEmpty
        let theme = colour ? requested : .mono
        if let warning { Output.error("ita: \(warning)") }

        let terminal: Terminal
        do {
            terminal = try Terminal.start(theme: theme, colour: colour, mouse: mouse)
        } catch {
            let text = ctx.language.dashboard
            let message: String
            switch error {
            case .notATerminal: message = text.notATerminal
            case .noTerminalType(let term): message = text.noTerminalType(term ?? "")
            case .cannotOpen(let detail): message = text.cannotOpenTerminal(detail)
            }
            Output.error("\(ctx.strings.errorPrefix) \(message.sanitizedForTerminal)")
            return 2
        }
        defer { terminal.stop() }
        let program = try makeProgram(terminal)
        if let warning { _ = try program.show(failure: warning) }
        return try ProgramLoop.run(program, terminal: terminal, clock: { ctx.currentTime().date }, timer: BenchTimer.shared)
    }
}

/// Notices changes to the database made by anyone else (another process, another member), and the
/// day the data is read for.
final class StoreWatch {
    enum Look {
        case unchanged
        /// Changed since the last look: read again, then `seen(token)`.
        case changed(Int)
        /// The store could not be read; `first` is true for the first failure in a row (say it once).
        case failed(Error, first: Bool)
    }

    private let store: any OfficeStore
    private var token: Int?
    private(set) var day: CivilDate

    init(_ store: any OfficeStore, today: CivilDate) {
        self.store = store
        self.day = today
        token = try? store.changeToken()
    }

    func look() -> Look {
        do {
            let current = try store.changeToken()
            return current == token ? .unchanged : .changed(current)
        } catch {
            defer { token = nil }   // read again when it works
            return .failed(error, first: token != nil)
        }
    }

    func seen(_ current: Int) { token = current }

    /// `read()` when the store changed since the last look (nil when it did not). The first failure
    /// of a run is thrown, for the program to say; the ones after it are quiet until a read works.
    func readIfChanged<T>(_ read: () throws -> T) throws -> T? {
        switch look() {
        case .unchanged: return nil
        case .failed(let error, let first):
            if first { throw error }
            return nil
        case .changed(let current):
            let value = try read()
            seen(current)
            return value
        }
    }
    /// Our own write is already in the state: not a change to read back.
    func sawOwnWrite() { token = try? store.changeToken() }
    /// Read again at the next look (after another program had the terminal).
    func forget() { token = nil }
    /// Midnight passed: read for the new day at the next look.
    func newDay(_ today: CivilDate) {
        day = today
        token = nil
    }
}
