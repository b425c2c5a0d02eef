import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITATerminal
import ITAUI

/// Options of the full-screen commands.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Theme name (default, light, projector, mono, colourblind) or a .theme file; also `theme` in the config file.",
                               valueName: "name"), completion: Completions.themes)
    var theme: String?

    @Option(help: ArgumentHelp("Screen to open: overview, tree, mine, all, countdown or review.", valueName: "screen"),
            completion: .list(["overview", "tree", "mine", "all", "countdown", "review", "members", "milestones"]))
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
            Screens: 1 overview, 2 indicators and items, 3 my tasks, 4 all tasks, 5 countdown stickers \
            (y copies a sticker's LINE message through OSC 52), 6 the chair's weekly review. M opens meeting \
            mode and comes back here after. Press ? for every key. \
            Owners open straight into their own tasks. Changes made elsewhere show within a second. \
            Needs a terminal (TERM set, not dumb); for text output use `ita status` or `ita tasks`. \
            NO_COLOR=1 shows attributes only.
            """,
        aliases: ["dashboard", "ui"])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try Context.run(global) { ctx in
            let code = try Dashboard.open(ctx, store: try ctx.openOffice(memoryMapped: false, checkpointsWhenIdle: true), display: display)
            if code != 0 { throw ExitCode(code) }
        }
    }
}

/// Wires the dashboard to the store: what each of its effects does.
enum Dashboard {
    /// Runs the dashboard; returns the exit status (0, 2 when there is no usable terminal, 128+n on a signal).
    static func open(_ ctx: Context, store: any OfficeStore, display: DisplayOptions) throws -> Int32 {
        let author = try ctx.author(in: store)
        // The running program must be the only owner of the loaded tasks, or the first change (ours or
        // another member's) copies all 50,000 of them (copy on write): the state is handed over, not
        // copied, and nothing here keeps it.
        var handOver: AppState? = AppState(data: try load(store, today: ctx.today), language: ctx.language, login: author.login,
                                           viewer: author.member, readOnly: store.isReadOnly, size: Size(width: 80, height: 24),
                                           screen: display.screen)
        if let reason = store.readOnlyReason {
            handOver!.readOnlyNote = ctx.strings.readOnly(store.location, reason)
            handOver!.message = StatusMessage(ctx.strings.readOnly(store.location, reason))
        }
        return try FullScreen.run(ctx: ctx, theme: display.theme ?? ctx.config.theme, mouse: !display.noMouse) { terminal in
            program(handOver.take()!, ctx: ctx, store: store, author: author, terminal: terminal)
        }
    }

    static func program(_ state: AppState, ctx: Context, store: any OfficeStore, author: Author, terminal: Terminal) -> Running<AppState> {
        let watch = StoreWatch(store, today: ctx.today)
        // The office's SQLite file, which the dashboard checks against its own record and checkpoints
        // (a server keeps its audit log itself).
        let file = store as? Store
        // Changes up to here are known; after a reload the newer ones are others' changes to mention.
        var seenAudit = (try? store.changeSequence()) ?? 0
        // The schema version last found to match the migrations (nil: check it at the next reload).
        var soundSchema: Int? = nil
        // Our writes since the last checkpoint (the dashboard's store checkpoints when idle).
        var unCheckpointed = false
        let timer = BenchTimer.shared
        return Running(state, failure: { .failed($0) }, describe: { describe($0, ctx) }, perform: { effect in
            switch effect {
            case .quit: return .close
            case .apply(let change, let id):
                let writeStarted = BenchTimer.now()
                let result = try store.apply(change, toTask: id, by: author, at: ctx.currentTime())
                timer?.record("store_write", since: writeStarted)
                if let file { ctx.hooks.fire(file) }
                watch.sawOwnWrite()   // our own write is already in the state
                unCheckpointed = true
                // Recurring work: its next occurrence is a new task (read everything), or waits for a yes.
                let plan = ctx.language.plan
                if let next = result.next {
                    seenAudit = (try? store.changeSequence()) ?? seenAudit
                    return .message(.planSaved(try load(store, today: watch.day),
                                               note: plan.nextOccurrence(next.id, next.due.map(ctx.strings.date) ?? "–")))
                }
                if let due = result.pendingNext {
                    return .messages([.applied(result.task, nil, action: change.action, changed: !result.fields.isEmpty),
                                      .failed(plan.pendingOccurrence(id, ctx.strings.date(due)))])
                }
                // The state updates its board from the one change: no re-read of 50,000 tasks' tallies.
                return .message(.applied(result.task, nil, action: change.action, changed: !result.fields.isEmpty))
            case .plan(let changes):
                do {
                    let result = try store.apply(changes, by: author, at: ctx.currentTime())
                    if let file { ctx.hooks.fire(file) }
                    watch.sawOwnWrite()
                    unCheckpointed = true
                    seenAudit = (try? store.changeSequence()) ?? seenAudit
                    let plan = ctx.language.plan
                    let text = AuditText(members: try store.members(), strings: ctx.strings)
                    var note = result.addedTaskIDs.first.map { id in plan.added(id, ((try? store.task(id: id))?.title ?? "").sanitizedForTerminal) }
                        ?? result.entries.first.map { "✓ " + text.line($0) + (result.entries.count > 1 ? " " + ctx.strings.andMoreChanges(result.entries.count - 1) : "") }
                        ?? plan.nothingChanged
                    if let warning = result.warnings.first { note += "  " + plan.warning(plan.dueWarning(warning, ctx.strings.date)) }
                    return .message(.planSaved(try load(store, today: watch.day), note: note))
                } catch StoreError.invalid(let problem) {
                    return .message(.planRefused(field: problem.field, text: ctx.strings.planProblem(problem)))
                } catch let error as StoreError {
                    return .message(.planRefused(field: nil, text: Context.message(for: error, ctx.strings)))
                }
            case .undo:
                let entries = try store.undoLastChange(by: author, at: ctx.currentTime())
                if let file { ctx.hooks.fire(file) }
                watch.sawOwnWrite()
                unCheckpointed = true
                // Undoing a plan change (an add, a move, an archive, a member): read everything again.
                if !entries.allSatisfy({ $0.entity == .task && Store.tickFields.contains($0.field) }) {
                    seenAudit = (try? store.changeSequence()) ?? seenAudit
                    return .messages([.loaded(try load(store, today: watch.day)),
                                      .undone([], try store.board(today: watch.day), entries: entries)])
                }
                let ids = Set(entries.filter { $0.entity == .task }.compactMap { Int64($0.key) })
                let tasks = try ids.sorted().compactMap { try store.task(id: $0) }
                return .message(.undone(tasks, try store.board(today: watch.day), entries: entries))
            case .copy(let text):
                terminal.copyToClipboard(text)
                return .none
            case .loadReview:
                return .message(.reviewLoaded(ReviewHistory(snapshots: try store.snapshots(since: nil), lastActivity: try store.lastActivity())))
            case .openMeeting:
                // Meeting mode takes the terminal; the dashboard comes back, reloaded, when it closes.
                return .open(try MeetingSession.program(ctx, store: store, author: author, terminal: terminal))
            case .reload(let today):
                watch.newDay(today)
                return try changes()
            case .checkForChanges:
                // A hook that failed in the background says so on the status line.
                if let failure = ctx.hooks.takeFailures().first { return .message(.failed(failure)) }
                return try changes()
            }
        }, firstFrame: {
            // After the first frame, so opening stays fast: does the database agree with its own record?
            // Then what the first keys may need (the filter's index, the stickers), before any is read.
            let warning = file.flatMap { integrityWarning($0, ctx) }
            if warning == nil { soundSchema = try? file?.schemaVersion() }
            return [.integrity(warning), .prepare]
        }, resume: { _ in
            watch.forget()   // reload on the next tick
            unCheckpointed = true   // meeting mode wrote through the same store
            return []
        })

        /// A reload when the store changed, with a note of others' changes and a check of the rows added.
        func changes() throws -> Performed<DashboardMessage> {
            let token: Int
            switch watch.look() {
            case .unchanged:
                // Nothing new: the log of our own writes goes into the file now, not inside a key's write,
                // and the state may prepare what the next keys need.
                if unCheckpointed {
                    unCheckpointed = false
                    try? file?.checkpoint()
                    watch.sawOwnWrite()
                }
                return .quietly([.idle])
            case .failed(let error, let first): return first ? .message(.failed(describe(error, ctx))) : .none
            case .changed(let current): token = current
            }
            var mark = BenchTimer.now()
            func lap(_ part: String) { timer?.record(part, since: mark); mark = BenchTimer.now() }
            let changes = try? store.changes(after: seenAudit, limit: 2_000)
            let entries = changes?.entries ?? []
            lap("reload_log")
            // Changes to existing tasks only (the usual case: an owner ticks one): read those tasks and
            // the board, not all 50,000. Anything else (a new task, members, the plan, a new day) reads everything.
            let taskIDs = changes?.taskIDs ?? []
            var replies: [DashboardMessage] = !entries.isEmpty && changes?.onlyTicks == true
                ? [.refreshed(try store.tasks(ids: taskIDs.sorted()), nil)]
                : [.loaded(try load(store, today: watch.day))]
            lap("reload_read")
            watch.seen(token)
            let mine = { (e: AuditEntry) in e.login == author.login && e.memberID == author.member?.id }
            let news = entries.filter { !mine($0) }
            // The schema and the rows added since the last look (the whole log was checked at the start).
            // The schema only when SQLite says it changed since it was last found sound. (A server keeps
            // its audit log itself.)
            let version = try? file?.schemaVersion()
            let recent = try? file?.verifyRecent(afterAuditID: seenAudit, checkingSchema: version == nil || version != soundSchema)
            if let recent, recent.isIntact { soundSchema = version }
            seenAudit = changes?.truncated == false ? changes!.sequence : ((try? store.changeSequence()) ?? seenAudit)
            lap("reload_verify")
            if !news.isEmpty { replies.append(.othersChanged(news)) }
            if let recent, !recent.isIntact { replies.append(.integrity(ctx.strings.integrityWarning(recent.problems.count))) }
            return .messages(replies)
        }
    }

    /// The status-line warning while the chains or the schema are broken (none if it cannot tell).
    /// Replaying every task is left to `ita verify`.
    static func integrityWarning(_ store: Store, _ ctx: Context) -> String? {
        guard let report = try? store.verify(replay: false), !report.isIntact else { return nil }
        return ctx.strings.integrityWarning(report.problems.count)
    }

    static func load(_ store: any OfficeStore, today: CivilDate) throws -> DashboardData {
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

    /// The process's timer, made on first use.
    nonisolated(unsafe) static let shared: BenchTimer? = {
        guard let path = Context.environment["ITA_BENCH_LOG"], !path.isEmpty else { return nil }
        return BenchTimer(path: path)
    }()

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func firstFrame() {
        epoch("first_frame")
        write()
    }

    /// The wall clock now, comparable with another process's (bench/dashboard.py times a change made
    /// elsewhere from before that process runs to the frame that shows it).
    func epoch(_ name: String) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        lines.append("\(name)_epoch_ns \(Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))")
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
