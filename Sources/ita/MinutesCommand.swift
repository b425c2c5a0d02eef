import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Minutes: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case md, txt }

    static let configuration = CommandConfiguration(commandName: "minutes",
        abstract: "Print a meeting's minutes: BE date, attendees, each agenda section, decisions and action items.",
        discussion: """
            The latest meeting by default. Sections show the agenda as it stood when the meeting ended. Thai unless
            --lang en. Markdown (md) for e-mail and documents, txt to paste into LINE.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The meeting's day (YYYY-MM-DD in BE or CE, D/M/YYYY, D/M, +N, -N, today). Default: the latest.",
                               valueName: "date"))
    var meeting: String?

    @Option(help: ArgumentHelp("md (Markdown) or txt (plain text).", valueName: "format"))
    var format: Format = .md

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openStore()
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
            let document = MinutesText.document(chosen, summary: summary!, number: MeetingSession.number(of: chosen, in: meetings),
                                                board: board, tasks: tasks, language: ctx.language)
            Output.print(format == .md ? document.markdown : document.plainText, terminator: "")
        }
    }
}
