import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITATerminal
import ITAUI

/// Options of the full-screen commands.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Theme name (default, light, projector, mono, colourblind) or a .theme file; also `theme` in the config file.",
                               valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("Screen to open: overview, tree, mine, all, countdown or review.", valueName: "screen"))
    var screen: ScreenID?

    @Flag(help: "Do not ask the terminal for mouse reports (keeps the terminal's own text selection).")
    var noMouse = false
}

extension ScreenID: ExpressibleByArgument {}

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "The full-screen dashboard (what `ita` alone opens).",
        discussion: """
            Screens: 1 overview, 2 indicators and items, 3 my tasks, 4 all tasks, 5 countdown stickers
            (y copies a sticker's LINE message through OSC 52), 6 the chair's weekly review. M opens meeting
            mode and comes back here after. Press ? for every key.
            Owners open straight into their own tasks. Changes made elsewhere show within a second.
            Needs a terminal (TERM set, not dumb); for text output use `ita status` or `ita tasks`.
            NO_COLOR=1 shows attributes only.
            """,
        aliases: ["dashboard", "ui"])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try Context.run(global) { ctx in
            let code = try Dashboard.open(ctx, store: try ctx.openStore(memoryMapped: false), display: display)
            if code != 0 { throw ExitCode(code) }
        }
    }
}

/// Wires the store, the terminal and the pure UI together: reads events, runs `update`, performs
/// the effects and presents frames.
enum Dashboard {
    /// Runs the dashboard; returns the exit status (0, 2 when there is no usable terminal, 128+n on a signal).
    static func open(_ ctx: Context, store: Store, display: DisplayOptions) throws -> Int32 {
        let author = try ctx.author(in: store)
        // The state is the only owner of the loaded tasks, so patching one never copies them all.
        var state = AppState(data: try load(store, today: ctx.today), language: ctx.language, login: ctx.login,
                             viewer: author.member, readOnly: store.isReadOnly, size: Size(width: 80, height: 24), screen: display.screen)
        if let reason = store.readOnlyReason {
            state.readOnlyNote = ctx.strings.readOnly(store.path, reason)
            state.message = StatusMessage(ctx.strings.readOnly(store.path, reason))
        }
        return try run(&state, ctx: ctx, store: store, theme: display.theme ?? ctx.config.theme, mouse: !display.noMouse, author: author)
    }

    /// What a full-screen program needs from the store besides task changes: how to reload after a
    /// change elsewhere, and (meeting mode) how to record at the meeting.
    struct Runtime {
        /// Everything read again for a day (today's, or the next one after midnight).
        var reload: (CivilDate) throws -> Message
        var record: ((MeetingRequest) throws -> Message?)? = nil
    }

    /// Starts the terminal and runs a full-screen program. `author` is nil for present mode, which never writes.
    static func run<App: TerminalApp>(_ app: inout App, ctx: Context, store: Store, theme themeName: String?, mouse: Bool,
                                      author: Author?, runtime: Runtime? = nil) throws -> Int32 {
        let timer = BenchTimer.fromEnvironment()
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
        if let warning { _ = app.update(.failed(warning)) }
        let runtime = runtime ?? Runtime(reload: { day in .loaded(try load(store, today: day)) })
        return try loop(&app, terminal: terminal, ctx: ctx, store: store, author: author, runtime: runtime, timer: timer)
    }

    /// The event loop: reads events, runs `update`, performs the effects and presents frames, until
    /// the program quits (0) or a signal ends it (128+n).
    static func loop<App: TerminalApp>(_ app: inout App, terminal: Terminal, ctx: Context, store: Store, author: Author?,
                                       runtime: Runtime, timer: BenchTimer?) throws -> Int32 {
        var pending = app.update(.resized(terminal.size))
        terminal.present(app.render())
        timer?.firstFrame()
        // After the first frame, so opening stays fast: does the database agree with its own record?
        pending += app.update(.integrity(integrityWarning(store, ctx)))

        // A store error (busy, a disk error, a file replaced) never ends the session: the status line
        // says what happened, and the next tick tries again (token nil: reload when it works).
        var token: Int? = try? store.changeToken()
        var day = ctx.today
        // Audit rows up to here are known; after a reload the newer ones are others' changes to mention.
        var seenAudit = (try? store.lastAuditID()) ?? 0
        while true {
            let event = terminal.nextEvent(timeout: 250)
            let started = BenchTimer.now()
            let message: Message
            switch event {
            case .key(.control("l")):
                terminal.invalidate()
                message = .resized(terminal.size)
            case .key(let key): message = .key(key)
            case .mouse(let mouse): message = .mouse(mouse)
            case .resize(let size): message = .resized(size)
            case .timeout: message = .tick(Tick(seconds: Double(BenchTimer.now()) / 1e9, today: ctx.currentTime().date))
            case .signal(let number):
                timer?.write()
                return 128 + number
            }
            var effects = pending + app.update(message)
            pending = []
            var redraw = app.redrawsOnTick
            if case .tick = message {} else { redraw = true }
            while !effects.isEmpty {
                switch effects.removeFirst() {
                case .quit:
                    timer?.write()
                    return 0
                case .apply(let change, let id):
                    guard let author else { continue }
                    do {
                        let writeStarted = BenchTimer.now()
                        let result = try store.apply(change, toTask: id, by: author, at: ctx.currentTime())
                        timer?.record("store_write", since: writeStarted)
                        // The state updates its board from the one change: no re-read of 50,000 tasks' tallies.
                        effects += app.update(.applied(result.task, nil, action: change.action, changed: !result.fields.isEmpty))
                        token = try? store.changeToken()   // our own write is already in the state
                    } catch {
                        effects += app.update(.failed(describe(error, ctx)))
                    }
                case .undo:
                    guard let author else { continue }
                    do {
                        let entries = try store.undoLastChange(by: author, at: ctx.currentTime())
                        let ids = Set(entries.filter { $0.entity == .task }.compactMap { Int64($0.key) })
                        let tasks = try ids.sorted().compactMap { try store.task(id: $0) }
                        effects += app.update(.undone(tasks, try store.board(today: day), entries: entries))
                        token = try? store.changeToken()
                    } catch {
                        effects += app.update(.failed(describe(error, ctx)))
                    }
                case .copy(let text):
                    terminal.copyToClipboard(text)
                case .loadReview:
                    do {
                        effects += app.update(.reviewLoaded(ReviewHistory(snapshots: try store.snapshots(), lastActivity: try store.lastActivity())))
                    } catch {
                        effects += app.update(.failed(describe(error, ctx)))
                    }
                case .meeting(let request):
                    guard let record = runtime.record else { continue }
                    do {
                        if let reply = try record(request) { effects += app.update(reply) }
                        token = try? store.changeToken()
                    } catch {
                        effects += app.update(.failed(describe(error, ctx)))
                    }
                case .openMeeting:
                    // Meeting mode runs on the same terminal; the dashboard comes back, reloaded, after it.
                    let meeting: MeetingState
                    do {
                        meeting = try MeetingSession.state(ctx, store: store, author: author, size: terminal.size)
                    } catch {
                        effects += app.update(.failed(describe(error, ctx)))
                        continue
                    }
                    var program = meeting
                    let code = try loop(&program, terminal: terminal, ctx: ctx, store: store, author: author,
                                        runtime: MeetingSession.runtime(ctx, store: store, author: author), timer: nil)
                    if code != 0 { return code }
                    token = nil   // reload on the next tick
                    effects += app.update(.resized(terminal.size))
                case .reload(let today):
                    // Midnight passed: countdowns, overdue and "today" follow the new day.
                    day = today
                    token = nil
                    effects.append(.checkForChanges)
                case .checkForChanges:
                    do {
                        let current = try store.changeToken()
                        if current != token {
                            effects += app.update(try runtime.reload(day))
                            token = current
                            let mine = { (e: AuditEntry) in e.login == ctx.login && e.memberID == author?.member?.id }
                            let news = ((try? store.log(after: seenAudit)) ?? []).filter { !mine($0) }
                            // The schema and the rows added since the last look (the whole log was checked at the start).
                            let recent = try? store.verifyRecent(afterAuditID: seenAudit)
                            seenAudit = (try? store.lastAuditID()) ?? seenAudit
                            if !news.isEmpty { effects += app.update(.othersChanged(news)) }
                            if let recent, !recent.isIntact { effects += app.update(.integrity(ctx.strings.integrityWarning(recent.problems.count))) }
                            redraw = true
                        }
                    } catch {
                        // Shown once per failure streak; the next tick tries again.
                        if token != nil { effects += app.update(.failed(describe(error, ctx))) }
                        token = nil
                        redraw = true
                    }
                }
            }
            if redraw {
                terminal.present(app.render())
                if case .key(let key) = event { timer?.record(key, since: started) }
            }
        }
    }

    /// The status-line warning while the chains or the schema are broken (none if it cannot tell).
    /// Replaying every task is left to `ita verify`.
    static func integrityWarning(_ store: Store, _ ctx: Context) -> String? {
        guard let report = try? store.verify(replay: false), !report.isIntact else { return nil }
        return ctx.strings.integrityWarning(report.problems.count)
    }

    static func load(_ store: Store, today: CivilDate) throws -> DashboardData {
        DashboardData(board: try store.board(today: today), tasks: try store.tasks())
    }

    static func describe(_ error: Error, _ ctx: Context) -> String {
        if let error = error as? StoreError { return Context.message(for: error, ctx.strings) }
        if let error = error as? CLIError { return error.message }
        return "\(error)"
    }
}

/// Benchmark instrumentation, on only when $ITA_BENCH_LOG names a file: the wall-clock time of
/// the first frame, and per key the time from reading it to the end of its frame.
final class BenchTimer {
    let path: String
    var lines: [String] = []

    init(path: String) { self.path = path }

    static func fromEnvironment() -> BenchTimer? {
        guard let path = Context.environment["ITA_BENCH_LOG"], !path.isEmpty else { return nil }
        return BenchTimer(path: path)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func firstFrame() {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        lines.append("first_frame_epoch_ns \(Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))")
        write()
    }

    func record(_ key: KeyPress, since start: UInt64) {
        lines.append("key \(key == .character(" ") ? "space" : key.label) \(Self.now() - start)")
    }

    /// A named part of a frame's work (e.g. the store write of a tick).
    func record(_ part: String, since start: UInt64) {
        lines.append("\(part) \(Self.now() - start)")
    }

    func write() {
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
