import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "review",
        abstract: "The chair's weekly review: changes since a week ago, owners, the OIT burndown and the score trend.",
        discussion: """
            Built from the progress snapshots that every `ita` command takes once a day. The burndown runs to \
            the next milestone that covers OIT items; the finish date is projected from the pace so far.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Compare with last year's database (from ita rollover): per indicator, then against now.", valueName: "old-db"))
    var compare: String?

    @Flag(help: "Print JSON (docs/schema/review.v1.schema.json).") var json = false

    func validate() throws {
        if json && compare != nil { throw ValidationError("--json is the weekly review; --compare prints text") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice()
            let board = try store.board(today: ctx.today)
            if let compare {
                let old = try Store.open(at: compare, readOnly: true).board(today: ctx.today)
                ctx.print(YearComparison.lines(old: old, new: board, thai: ctx.language == .th))
                return
            }
            let now = ProgressSnapshot.take(board, tasks: try store.tasks(), kind: .daily)
            let review = WeeklyReview.build(now: now, history: try store.snapshots(since: nil), oitDeadline: board.oitDeadline)
            if json { Output.printJSON(JSONDocuments.review(review, board: board).text); return }
            var lines = ReviewText.lines(review, board: board, lastActivity: try store.lastActivity(), language: ctx.language)
            if board.oitDeadline == nil { lines.append(ctx.language.review.noOITDeadline) }
            ctx.print(lines)
        }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Documents drafted from the data.",
                                                    subcommands: [Progress.self, Improvement.self], defaultSubcommand: Progress.self)

    /// `ita report [--html FILE] [--pdf FILE]`: the director's report.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress",
            abstract: "The director's progress report (in Thai): score and grade against the target, what it takes, bars, the OIT burndown, the week's change, overdue work, next deadlines and the ITAS URL sheet.",
            discussion: """
                Markdown on standard output; --html FILE writes one self-contained page (inline CSS and SVG, nothing \
                fetched, A4 when printed); --pdf FILE prints that page to PDF with headless Chromium (Debian's chromium \
                package). `ita report --html report.html` is the same as `ita report progress --html report.html`.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Write the report as an HTML file.", valueName: "file")) var html: String?
        @Option(help: ArgumentHelp("Write the report as a PDF (needs chromium).", valueName: "file")) var pdf: String?

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openOffice()
                let board = try store.board(today: ctx.today), tasks = try store.tasks()
                let now = ProgressSnapshot.take(board, tasks: tasks, kind: .daily)
                let review = WeeklyReview.build(now: now, history: try store.snapshots(since: nil), oitDeadline: board.oitDeadline)
                let document = DirectorReport.document(board: board, tasks: tasks, review: review)
                let page = document.html(title: DirectorReport.title(board) + " — " + board.assessment.organisation.sanitizedForTerminal)
                let th = ctx.language == .th
                if let html {
                    try Output.write(page, to: html)
                    Output.error(th ? "✓ เขียน \(html) แล้ว" : "✓ wrote \(html)")
                }
                if let pdf {
                    try PDFPrinter.print(page, to: pdf, thai: th)
                    Output.error(th ? "✓ เขียน \(pdf) แล้ว" : "✓ wrote \(pdf)")
                }
                if html == nil && pdf == nil { Output.print(document.markdown, terminator: "") }
            }
        }
    }

    struct Improvement: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "improvement",
            abstract: "Draft the improvement memo FY2569's O25 asks for (in Thai): last year's result per indicator against the target, the measures for those below it, their owners, dates and progress.",
            discussion: """
                md (Markdown) to edit; html for one self-contained page (inline CSS, Thai fonts, A4 when printed) to print, \
                sign and publish on the office's website as the O25 evidence. --output writes a file (whole or not at all).
                """)
        enum Format: String, ExpressibleByArgument, CaseIterable { case md, html }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("md (Markdown) or html.", valueName: "format")) var format: Format = .md
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of printing.", valueName: "file")) var output: String?

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openOffice()
                let board = try store.board(today: ctx.today), tasks = try store.tasks()
                let text = format == .html ? ImprovementReport.html(board: board, tasks: tasks)
                                           : ImprovementReport.markdown(board: board, tasks: tasks).joined(separator: "\n") + "\n"
                if let output {
                    try Output.write(text, to: output)
                    Output.error(ctx.language == .th ? "✓ เขียน \(output) แล้ว" : "✓ wrote \(output)")
                } else {
                    Output.print(text, terminator: "")
                }
            }
        }
    }
}

/// `ita review --compare OLD`: each indicator's figure last year beside this year's (`Board.yearFigure`).
enum YearComparison {
    static func figure(_ board: Board, _ number: Int) -> Double? { board.yearFigure(indicator: number)?.score }

    static func lines(old: Board, new: Board, thai: Bool) -> [String] {
        let oldYear = old.assessment.fiscalYear, newYear = new.assessment.fiscalYear
        var rows: [[String]] = [[thai ? "ตัวชี้วัด" : "indicator", "\(oldYear)", "\(newYear)", thai ? "เปลี่ยน" : "change"]]
        for indicator in new.framework.indicators {
            let was = figure(old, indicator.number), now = figure(new, indicator.number)
            let change = (was != nil && now != nil) ? (now! - was! >= 0 ? "+" : "") + Score.text(now! - was!) : "–"
            rows.append(["\(indicator.number) " + (thai ? indicator.nameTH : (indicator.nameEN.isEmpty ? indicator.nameTH : indicator.nameEN)),
                         was.map(Score.text) ?? "–", now.map(Score.text) ?? "–", change])
        }
        let oldTotal = old.assessment.official.scores[OfficialResults.total] ?? old.projection.total
        rows.append([thai ? "รวม" : "total", Score.text(oldTotal), Score.text(new.projection.total),
                     (new.projection.total - oldTotal >= 0 ? "+" : "") + Score.text(new.projection.total - oldTotal)])
        let head = thai ? "เทียบปีงบประมาณ \(oldYear) (\(old.framework.id)) กับ \(newYear) (\(new.framework.id)): ปีก่อนใช้ผลประกาศถ้ามี ปีนี้เป็นค่าคาดการณ์"
                        : "FY\(oldYear) (\(old.framework.id)) against FY\(newYear) (\(new.framework.id)): last year as announced where recorded, this year projected"
        return [head] + TextReports.columns(rows)
    }
}
