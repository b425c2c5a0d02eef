import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

extension ReminderMessage.Grouping: ExpressibleByArgument {}
extension Reminder.OverdueStep: ExpressibleByArgument {}

struct Remind: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    static let configuration = CommandConfiguration(commandName: "remind",
        abstract: "Print the day's LINE-ready reminders: deadlines at a countdown step (14, 7, 3, 1, 0 days by default).",
        discussion: """
            One message per owner (or per work group with --per group or --group), with the countdown in days \
            and working days, what is still open and the deadline's BE date. Deadlines not at a step that day \
            print nothing. A step that falls on a weekend or holiday goes out on the working day before it. \
            Milestones set their own steps with `reminders:` in the committee file. On the follow-up meeting's \
            day each owner's overdue work is a step of its own (--overdue, or overdue_reminders in the config \
            file: meeting, daily or off). With nothing due, stdout is empty (a note goes to stderr), so a cron \
            job can post whatever comes out.

            --send line posts them to the committee's LINE group through the Messaging API (the chair or the \
            secretary only; README, "Sending reminders to LINE", has the setup). Each deadline step goes to \
            each recipient once a day, however often cron runs; --force sends again, --dry-run prints the \
            exact requests (token redacted) and posts nothing.
            """)

    enum Channel: String, ExpressibleByArgument, CaseIterable { case line }

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

    @Option(help: ArgumentHelp("When each owner's overdue work goes out: on the meeting day (default), daily or off.",
                               valueName: "meeting|daily|off"))
    var overdue: Reminder.OverdueStep?

    @Option(help: ArgumentHelp("Post the reminders instead of printing them: line (the Messaging API; see README).", valueName: "line"))
    var send: Channel?

    @Flag(help: "With --send: print the requests that would be sent (the token redacted) and send nothing.")
    var dryRun = false

    @Flag(help: "With --send: send again what was already sent today.")
    var force = false

    func validate() throws {
        if send == nil && (dryRun || force) { throw ValidationError("--dry-run and --force go with --send line") }
        if send != nil && (json || format == .json) { throw ValidationError("--send posts text; it does not take --json") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            let day = try date.map { try ctx.parseDate($0) } ?? ctx.today
            let store = try ctx.openOffice()
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
            let meetingDay = try MeetingSchedule(weekday: board.assessment.meetingWeekday).isMeetingDay(day) || (try store.meeting(on: day) != nil)
            let reminders = Reminder.due(on: day, stickers: board.stickers(tasks: try store.tasks()), calendar: board.assessment.workingCalendar,
                                         overdue: overdue ?? ctx.config.overdueReminders ?? .meeting, isMeetingDay: meetingDay)
            let messages = ReminderMessage.compose(reminders, members: members, grouping: per ?? (group != nil ? .group : .owner), only: only)
            if send != nil {
                try LineSending(ctx: ctx, store: store, board: board, day: day, meetingDay: meetingDay, dryRun: dryRun, force: force).send(messages)
                return
            }
            switch json ? .json : format {
            case .text:
                if messages.isEmpty {
                    Output.error(ctx.language.countdown.noReminders(day))
                    return
                }
                Output.print(messages.map { ReminderText.message($0, board: board, language: ctx.language, meetingDay: meetingDay) }.joined(separator: "\n\n"))
            case .json:
                Output.printJSON(try ReminderJSON.encode(messages, board: board, language: ctx.language, meetingDay: meetingDay))
            }
        }
    }
}

/// The JSON shape of `ita remind --format json` (docs/schema/remind.v1.schema.json).
enum ReminderJSON {
    static func encode(_ messages: [ReminderMessage], board: Board, language: Language, meetingDay: Bool) throws -> String {
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
                    "kind": .string(s.milestone != nil ? "milestone" : s.source == .overdueTasks ? "overdue" : "tasks"), "key": .of(s.milestone?.key), "title": .string(t.deadlineTitle(s)),
                    "due": .of(s.date), "due_th": .thai(s.date), "days": .int(s.countdown.calendarDays), "working_days": .int(s.countdown.workingDays),
                    "steps": .array(e.reminder.steps.map(JSONValue.int)),
                    "left": .strings(Array(Set(e.work.flatMap(\.targets))).sorted().map(\.description)),
                    "open_tasks": .int(e.work.reduce(0) { $0 + $1.openTasks }),
                    "respondents": .array(s.shortSurveys.filter { surveys.contains($0.key) }.sorted { $0.key < $1.key }.map { survey in
                        .object(["tool": .string(survey.key), "count": .int(survey.value.count), "quota": .int(survey.value.quota)])
                    }),
                ])
            }
            return .object(["recipient": recipient, "deadlines": .array(deadlines), "text": .string(ReminderText.message(m, board: board, language: language, meetingDay: meetingDay))])
        }).text
    }
}

struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "present",
        abstract: "Present mode for the meeting-room projector: read-only pages that turn by themselves.",
        discussion: """
            Pages: the projected score and grade, the countdown stickers, one page per member with open work, \
            and survey respondents against quota. Space pauses, n/p move, 1–9 jump, w switches days and \
            working days, q quits. Nothing can be changed from here. Changes made elsewhere (an owner's \
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
            let store = try ctx.openOffice(memoryMapped: false)
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

/// `ita remind --send line`: the day's reminders not yet sent, as Messaging API requests; each
/// request's reminders noted in the `sent` table once LINE accepts it.
struct LineSending {
    static let channel = "line"
    let ctx: Context
    let store: any OfficeStore
    let board: Board
    let day: CivilDate
    let meetingDay: Bool
    let dryRun: Bool
    let force: Bool

    func send(_ messages: [ReminderMessage]) throws {
        let th = ctx.language == .th
        let author = try ctx.author(in: store)
        guard let member = author.member, member.coordinates else {
            let who = author.member?.login ?? author.login
            throw CLIError(th ? "ส่งแจ้งเตือนเข้ากลุ่ม LINE ได้เฉพาะประธานและเลขานุการ (\(who) ไม่ใช่)"
                              : "only the chair or the secretary may send reminders to LINE (\(who) is not)")
        }
        let settings = try LineSettings.from(ctx.config)
        let token = try settings.token()   // checked on a dry run too, so cron's first real run does not fail on it
        let posted = force ? [] : try store.sent(channel: Self.channel, day: day)
        let pending = messages.compactMap { $0.leaving(posted) }
        guard !pending.isEmpty else {
            Output.error(messages.isEmpty ? ctx.language.countdown.noReminders(day)
                         : th ? "แจ้งเตือนวันที่ \(ThaiDateFormat.string(day)) ส่งเข้ากลุ่ม LINE ไปแล้ว (--force เพื่อส่งอีกครั้ง)"
                              : "the reminders for \(ThaiDateFormat.english(day)) were already sent to LINE (--force sends them again)")
            return
        }
        let texts = pending.map { LineMessages.messages(ReminderText.parts($0, board: board, language: ctx.language, meetingDay: meetingDay),
                                                        language: ctx.language) }
        let batches = LineMessages.batches(texts)
        let requests = batches.map { LinePush.request($0.messages, to: settings.group) }
        let count = texts.reduce(0) { $0 + $1.count }
        if dryRun {
            Output.print(requests.map { LinePush.describe($0, settings: settings) }.joined(separator: "\n\n"))
            Output.error(th ? "ทดลอง: \(count) ข้อความใน \(requests.count) คำขอ ยังไม่ได้ส่ง" : "dry run: \(count) messages in \(requests.count) requests, nothing sent")
            return
        }
        for (index, (batch, request)) in zip(batches, requests).enumerated() {
            do {
                let requestID = try LinePush.send(request, settings: settings, token: token)
                try store.recordSent(batch.completes.flatMap { pending[$0].sent }, channel: Self.channel, day: day, at: ctx.currentTime(),
                                     login: author.login, requestID: requestID)
            } catch let failure as LinePush.Failure {
                let done = index == 0 ? "" : th ? "; \(index) คำขอแรกส่งแล้วและบันทึกไว้ (รันอีกครั้งจะส่งเฉพาะที่เหลือ)"
                                              : "; the first \(index) were sent and noted (running again sends the rest)"
                throw CLIError((th ? "คำขอที่ \(index + 1) จาก \(requests.count): " : "request \(index + 1) of \(requests.count): ") + failure.text(thai: th) + done)
            }
        }
        Output.print(th ? "ส่งแจ้งเตือน \(pending.count) รายการ (\(count) ข้อความ) เข้ากลุ่ม LINE แล้ว"
                        : "sent \(pending.count) reminders (\(count) messages) to the LINE group")
    }
}
