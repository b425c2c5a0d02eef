import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

extension ReminderMessage.Grouping: ExpressibleByArgument {}

struct Remind: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(commandName: "remind",
        abstract: "Print the day's LINE-ready reminders: deadlines at a countdown step (14, 7, 3, 1, 0 days by default).",
        discussion: """
            One message per owner (or per work group with --per group or --group), with the countdown in days
            and working days, what is still open and the deadline's BE date. Deadlines not at a step that day
            print nothing. A step that falls on a weekend or holiday goes out on the working day before it.
            Milestones set their own steps with `reminders:` in the committee file. With nothing due, stdout
            is empty (a note goes to stderr), so a cron job can post whatever comes out.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The day to remind for (YYYY-MM-DD in BE or CE, D/M/YYYY, D/M, +N, today). Default: today.",
                               valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Only this member's message.", valueName: "login"), completion: Completions.logins)
    var owner: String?

    @Option(help: ArgumentHelp("Only this work group, as one message.", valueName: "name"))
    var group: String?

    @Option(help: ArgumentHelp("One message per owner or per work group.", valueName: "owner|group"))
    var per: ReminderMessage.Grouping?

    @Option(help: ArgumentHelp("text (ready to paste) or json.", valueName: "format"))
    var format: Format = .text

    @Flag(help: "Print JSON, the same as --format json (docs/schema/remind.v1.schema.json).") var json = false

    func run() throws {
        try Context.run(global) { ctx in
            let day = try date.map { try ctx.parseDate($0) } ?? ctx.today
            let store = try ctx.openStore()
            let board = try store.board(today: day)
            let members = board.members
            var only: ((Member) -> Bool)?
            if let owner {
                guard let member = members.first(where: { $0.login == owner }) else { throw CLIError(ctx.strings.unknownMember(owner)) }
                only = { $0.id == member.id }
            }
            if let group {
                let groups = Member.workGroups(of: members)
                guard groups.contains(group) else { throw CLIError(ctx.language.countdown.unknownGroup(group, groups)) }
                let previous = only
                only = { $0.workGroup == group && (previous?($0) ?? true) }
            }
            let reminders = Reminder.due(on: day, stickers: board.stickers(tasks: try store.tasks()), calendar: board.assessment.workingCalendar)
            let messages = ReminderMessage.compose(reminders, members: members, grouping: per ?? (group != nil ? .group : .owner), only: only)
            switch json ? .json : format {
            case .text:
                if messages.isEmpty {
                    Output.error(ctx.language.countdown.noReminders(day))
                    return
                }
                Output.print(messages.map { ReminderText.message($0, board: board, language: ctx.language) }.joined(separator: "\n\n"))
            case .json:
                Output.printJSON(try ReminderJSON.encode(messages, board: board, language: ctx.language))
            }
        }
    }
}

/// The JSON shape of `ita remind --format json` (docs/schema/remind.v1.schema.json).
enum ReminderJSON {
    static func encode(_ messages: [ReminderMessage], board: Board, language: Language) throws -> String {
        let t = language.countdown
        return JSONValue.array(messages.map { m -> JSONValue in
            let recipient: JSONValue
            switch m.recipient {
            case .member(let member):
                recipient = .object(["kind": .string("owner"), "login": .string(member.login), "name": .string(member.name),
                                     "line_name": member.lineName.isEmpty ? .null : .string(member.lineName),
                                     "group": member.workGroup.isEmpty ? .null : .string(member.workGroup)])
            case .group(let group):
                recipient = .object(["kind": .string("group"), "login": .null, "name": .string(group), "line_name": .null, "group": .string(group)])
            case .committee:
                recipient = .object(["kind": .string("committee"), "login": .null, "name": .string(t.messageHeading(.committee)), "line_name": .null, "group": .null])
            }
            let deadlines = m.entries.map { e -> JSONValue in
                let s = e.reminder.sticker
                let surveys = Set(e.work.flatMap(\.surveys))
                return .object([
                    "kind": .string(s.milestone == nil ? "tasks" : "milestone"), "key": .of(s.milestone?.key), "title": .string(t.deadlineTitle(s)),
                    "due": .of(s.date), "due_th": .thai(s.date), "days": .int(s.countdown.calendarDays), "working_days": .int(s.countdown.workingDays),
                    "steps": .array(e.reminder.steps.map(JSONValue.int)),
                    "left": .strings(Array(Set(e.work.flatMap(\.targets))).sorted().map(\.description)),
                    "open_tasks": .int(e.work.reduce(0) { $0 + $1.openTasks }),
                    "respondents": .array(s.shortSurveys.filter { surveys.contains($0.key) }.sorted { $0.key < $1.key }.map { survey in
                        .object(["tool": .string(survey.key), "count": .int(survey.value.count), "quota": .int(survey.value.quota)])
                    }),
                ])
            }
            return .object(["recipient": recipient, "deadlines": .array(deadlines), "text": .string(ReminderText.message(m, board: board, language: language))])
        }).text
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "present",
        abstract: "Present mode for the meeting-room projector: read-only pages that turn by themselves.",
        discussion: """
            Pages: the projected score and grade, the countdown stickers, one page per member with open work,
            and survey respondents against quota. Space pauses, n/p move, 1–9 jump, w switches days and
            working days, q quits. Nothing can be changed from here. Changes made elsewhere (an owner's
            `ita done`) show within a second. Projector theme unless --theme says otherwise.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Seconds per page.", valueName: "seconds"))
    var interval: Double = 20

    @Option(help: ArgumentHelp("Page to start on (1 = overview, 2 = countdown, …).", valueName: "n"))
    var page: Int = 1

    @Option(help: ArgumentHelp("Theme name or .theme file (default: projector).", valueName: "name"), completion: Completions.themes)
    var theme: String?

    @Flag(help: "Do not ask the terminal for mouse reports.")
    var noMouse = false

    func validate() throws {
        if !(interval >= 2 && interval <= 3600) { throw ValidationError("--interval takes seconds from 2 to 3600") }
        if !(1...1000).contains(page) { throw ValidationError("--page takes a page number from 1 to 1000") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openStore(memoryMapped: false)
            let state = PresentState(data: try Dashboard.load(store, today: ctx.today), language: ctx.language,
                                     size: Size(width: 80, height: 24), interval: interval, page: page - 1)
            let watch = StoreWatch(store, today: ctx.today)
            let code = try FullScreen.run(ctx: ctx, theme: theme ?? "projector", mouse: !noMouse) { _ in
                Running(state, failure: { .failed($0) }, describe: { Dashboard.describe($0, ctx) }, perform: { effect in
                    switch effect {
                    case .quit: return .close
                    case .reload(let today):
                        watch.newDay(today)
                        fallthrough
                    case .checkForChanges:
                        // The projector keeps its page when the store cannot be read; the next tick tries again.
                        let data = (try? watch.readIfChanged { try Dashboard.load(store, today: watch.day) }) ?? nil
                        return data.map { .message(.loaded($0)) } ?? .none
                    }
                })
            }
            if code != 0 { throw ExitCode(code) }
        }
    }
}
