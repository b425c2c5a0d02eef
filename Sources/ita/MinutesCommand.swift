import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Minutes: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, agenda, txt, json }

    static let configuration = CommandConfiguration(commandName: "minutes",
        abstract: "Print a meeting's minutes: the official รายงานการประชุม (md, html), the agenda notes (agenda) or text for LINE (txt).",
        discussion: """
            The latest meeting by default. md and html are the office's official layout, in Thai: ครั้งที่, วันที่, ณ, \
            ผู้มาประชุม, ผู้ไม่มาประชุม with reasons, ผู้เข้าร่วมประชุม, the times, ระเบียบวาระที่ 1–5 (the agenda a–f is \
            วาระที่ 4; meeting mode's v puts notes and decisions under another), and the signature lines of ผู้จดรายงาน and \
            ผู้ตรวจรายงาน. agenda is the follow-up notes by section a–f (Thai unless --lang en); txt the same as plain text \
            to paste into LINE. Sections show the agenda as it stood when the meeting ended.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The meeting's day (YYYY-MM-DD in BE or CE, D/M/YYYY, D/M, +N, -N, today). Default: the latest.",
                               valueName: "date"))
    var meeting: String?

    @Option(help: ArgumentHelp("md or html (the official layout), agenda (notes by section, Markdown), txt (for LINE) or json.", valueName: "format"))
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of printing (whole or not at all).", valueName: "file"))
    var output: String?

    @Flag(help: "Print JSON, the same as --format json (docs/schema/minutes.v1.schema.json).") var json = false

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice()
            let meetings = try store.meetings()
            let chosen: Meeting
            if let meeting {
                let day = try ctx.parseDate(meeting)
                guard let found = meetings.first(where: { $0.day == day }) else {
                    let known = meetings.map { ctx.strings.date($0.day) }.joined(separator: ", ")
                    throw CLIError(ctx.language.meeting.noMeetingOn(ctx.strings.date(day)) + (known.isEmpty ? "" : " (\(known))"))
                }
                chosen = found
            } else {
                guard let last = meetings.last else { throw CLIError(ctx.language.meeting.noMeetings) }
                chosen = last
            }
            let board = try store.board(today: chosen.day)
            // A meeting still open has no stored agenda yet: build it from the data as it is now.
            var summary = chosen.summary
            if summary == nil {
                summary = try MeetingSession.load(store, today: chosen.day).agenda.summary(grade: board.projection.grade?.grade)
            }
            let tasks = Dictionary(uniqueKeysWithValues: try store.tasks().map { ($0.id, $0) })
            let number = MeetingSession.number(of: chosen, in: meetings)
            let text: String
            switch json ? .json : format {
            case .json:
                text = TerminalSafety.escapingJSON(JSONDocuments.minutes(chosen, summary: summary!, number: number, board: board).text) + "\n"
            case .md, .html:
                let earlier = meetings.last { $0.day < chosen.day }
                let official = MinutesText.official(chosen, summary: summary!, number: number,
                                                    previous: earlier.map { ($0, MeetingSession.number(of: $0, in: meetings)) }, board: board, tasks: tasks)
                text = format == .md ? official.markdown
                    : official.html(title: "รายงานการประชุมคณะทำงาน ITA ครั้งที่ \(number)/\(ThaiCalendar.fiscalYear(of: chosen.day))")
            case .agenda, .txt:
                let document = MinutesText.document(chosen, summary: summary!, number: number, board: board, tasks: tasks, language: ctx.language)
                text = format == .agenda ? document.markdown : document.plainText
            }
            if let output { try Output.write(text, to: output) } else { Output.print(text, terminator: "") }
        }
    }
}
