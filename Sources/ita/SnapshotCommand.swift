import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot",
        abstract: "Print a dashboard screen as plain text (no terminal needed): for reports and tests.",
        discussion: """
            Screens: overview, tree, mine, all, countdown, review, help. --as shows another member's view (chair, secretary \
            or administrator). --present N prints page N of present mode instead.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("overview, tree, mine, all, countdown, review or help.", valueName: "name"), completion: Completions.screens)
    var screen: String = "overview"

    @Option(help: "Columns.") var width: Int = 80
    @Option(help: "Rows.") var height: Int = 24

    @Option(help: ArgumentHelp("Filter for the all screen, as typed after / in the dashboard.", valueName: "text"))
    var filter: String?

    @Option(help: ArgumentHelp("On the tree screen, open the tasks of this row (an indicator number or an item code).", valueName: "target"))
    var open: String?

    @Option(help: ArgumentHelp("Print page N of present mode (1 = overview, 2 = countdown, …).", valueName: "n"))
    var present: Int?

    func validate() throws {
        if let present, !(1...1000).contains(present) { throw ValidationError("--present takes a page number from 1 to 1000") }
        guard (1...1000).contains(width), (1...1000).contains(height) else { throw ValidationError("--width and --height must be 1…1000") }
        guard screen == "help" || ScreenID(rawValue: screen) != nil else {
            throw ValidationError("unknown screen '\(screen)': use overview, tree, mine, all, countdown, review or help")
        }
    }

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice(memoryMapped: false)
            if let present {
                let state = PresentState(data: try Dashboard.load(store, today: ctx.today), language: ctx.language,
                                         size: Size(width: width, height: height), page: present - 1)
                guard state.page == present - 1 else { throw CLIError("--present \(present): there are \(state.pages.count) pages") }
                ctx.print(PresentView.render(state).trimmedLines)
                return
            }
            let author = try ctx.author(in: store)
            var state = AppState(data: try Dashboard.load(store, today: ctx.today), language: ctx.language, login: ctx.login,
                                 viewer: author.member, size: Size(width: width, height: height),
                                 screen: ScreenID(rawValue: screen) ?? .overview)
            if screen == "help" { _ = state.perform(.help) }
            if state.screen == .review {
                _ = state.update(.reviewLoaded(ReviewHistory(snapshots: try store.snapshots(since: nil), lastActivity: try store.lastActivity())))
            }
            if let filter {
                state.applyFilterText(filter)
                if let message = state.message, message.isError { throw CLIError(message.text) }
                state.message = nil
            }
            if let open {
                guard let target = TaskTarget(text: open), state.select(target) else { throw CLIError(ctx.strings.unknownItem(open)) }
                _ = state.perform(.open)
            }
            ctx.print(DashboardView.render(state).trimmedLines)
        }
    }
}
