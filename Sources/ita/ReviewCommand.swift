import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "review",
        abstract: "The chair's weekly review: changes since a week ago, owners, the OIT burndown and the score trend.",
        discussion: """
            Built from the progress snapshots that every `ita` command takes once a day. The burndown runs to
            the next milestone that covers OIT items; the finish date is projected from the pace so far.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openStore()
            let board = try store.board(today: ctx.today)
            let now = ProgressSnapshot.take(board, tasks: try store.tasks(), kind: .daily)
            let review = WeeklyReview.build(now: now, history: try store.snapshots(), oitDeadline: board.oitDeadline)
            var lines = ReviewText.lines(review, board: board, lastActivity: try store.lastActivity(), language: ctx.language)
            if board.oitDeadline == nil { lines.append(ctx.language.review.noOITDeadline) }
            ctx.print(lines)
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Documents drafted from the data.",
                                                    subcommands: [Improvement.self])

    struct Improvement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "improvement",
            abstract: "Draft the improvement memo FY2569's O25 asks for (Markdown, in Thai): last year's result per indicator against the target, the measures for those below it, their owners, dates and progress.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openStore()
                ctx.print(ImprovementReport.markdown(board: try store.board(today: ctx.today), tasks: try store.tasks()))
            }
        }
    }
}
