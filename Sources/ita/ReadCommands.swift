import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status",
        abstract: "Progress per tool and indicator, projected score and grade, what it takes, next deadlines, respondents.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (docs/schema/status.v1.schema.json).") var json = false

    func run() throws { try Self.run(global.settings, json: json) }

    static func run(_ settings: GlobalSettings, json: Bool) throws {
        try Context.run(settings) { ctx in
            let board = try ctx.openOfficeUntilExit().board(today: ctx.today)
            if json { Output.printJSON(JSONDocuments.status(board).text); return }
            ctx.print(TextReports.status(board, strings: ctx.strings))
        }
    }
}

struct Tasks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tasks",
        abstract: "List tasks by urgency: overdue first, then nearest due, then points at stake.",
        discussion: "Open tasks only unless --all or --status is given.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this member's tasks.", valueName: "login"), completion: Completions.logins)
    var owner: String?

    @Option(help: ArgumentHelp("Only tasks of this indicator (and its items).", valueName: "number"))
    var indicator: Int?

    @Option(help: ArgumentHelp("Only tasks of this OIT item, e.g. O12.", valueName: "code"), completion: Completions.items)
    var item: String?

    @Option(help: "Only tasks with this status: todo, in_progress, done, blocked.")
    var status: TaskStatus?

    @Flag(help: "Only open tasks past their due date.")
    var overdue = false

    @Option(name: .customLong("due-within"), help: ArgumentHelp("Only open tasks due within this many days.", valueName: "days"))
    var dueWithin: Int?

    @Flag(help: "Include done tasks.")
    var all = false

    @Flag(help: "Archived tasks instead (with when and why).")
    var archived = false

    @Flag(help: "Print JSON instead of a table (docs/schema/tasks.v1.schema.json).")
    var json = false

    var listing: TaskListing {
        TaskListing(owner: owner, indicator: indicator, item: item, status: status, overdue: overdue, dueWithin: dueWithin,
                    all: all, archived: archived, json: json)
    }

    func validate() throws {
        if let problem = listing.problem { throw ValidationError(problem) }
    }

    func run() throws { try listing.run(global.settings) }

    static var terminalWidth: Int {
        if let columns = Context.environment["COLUMNS"].flatMap(Int.init), columns >= 60 { return columns }
        return 120
    }
}

/// What `ita tasks` was asked for, as plain values: the argument parser's `Tasks` and `QuickFront`
/// both build one.
struct TaskListing: Equatable {
    var owner: String?
    var indicator: Int?
    var item: String?
    var status: TaskStatus?
    var overdue = false
    var dueWithin: Int?
    var all = false
    var archived = false
    var json = false

    /// Why these options cannot go together, if they cannot.
    var problem: String? {
        if indicator != nil && item != nil { return "use --indicator or --item, not both" }
        if let dueWithin, !Limits.dueWithinDays.contains(dueWithin) { return "--due-within takes a number of days from \(Limits.describe(Limits.dueWithinDays))" }
        return nil
    }

    func run(_ settings: GlobalSettings) throws {
        try Context.run(settings) { ctx in
            let store = try ctx.openOfficeUntilExit()
            let framework = try store.framework()
            let members = try store.members()
            var query = TaskQuery(status: status, archived: archived)
            if let owner {
                guard let member = members.first(where: { $0.login == owner }) else { throw CLIError(ctx.strings.unknownMember(owner)) }
                query.ownerID = member.id
            }
            if let indicator {
                guard framework.indicator(indicator) != nil else { throw CLIError(ctx.strings.unknownIndicator(indicator)) }
                query.indicator = indicator
            }
            if let item {
                guard case .item(let code)? = TaskTarget(text: item), framework.item(code) != nil else { throw CLIError(ctx.strings.unknownItem(item)) }
                query.item = code
            }
            if overdue { query.overdueOn = ctx.today }
            if let dueWithin { query.dueWithin = ctx.today...ctx.today.adding(days: dueWithin) }
            var tasks = try store.tasks(query)
            if !all && status == nil && !archived { tasks.removeAll { !$0.status.isOpen } }   // in place: no copy of every task
            if archived && !json {
                ctx.print(TextReports.columns([ctx.language.plan.archivedHeader] + tasks.map { t in
                    ["#\(t.id)", t.title, t.target.description, t.archivedAt.map { ctx.strings.date($0.date) } ?? "", t.archiveReason ?? ""]
                }))
                return
            }
            tasks = UrgencyOrder.sorted(tasks, today: ctx.today, framework: framework)
            if json {
                Output.printJSON(JSONDocuments.tasks(tasks, members: members, today: ctx.today).text)
            } else {
                ctx.print(TextReports.taskTable(tasks, members: members, today: ctx.today, strings: ctx.strings, width: Tasks.terminalWidth))
            }
        }
    }
}

extension TaskStatus: ExpressibleByArgument {}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the audit log of changes: who, when, what, old → new.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only changes from this day on (YYYY-MM-DD in BE or CE, D/M/YYYY, D/M, --since=-7, today).", valueName: "date"))
    var since: String?

    @Option(help: "Only the last N changes.")
    var limit: Int?

    @Flag(help: "Print JSON (docs/schema/log.v1.schema.json).") var json = false

    func validate() throws {
        if let limit, !(1...Limits.count.upperBound).contains(limit) { throw ValidationError("--limit takes a number of changes from 1 to \(Limits.count.upperBound)") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            var sinceEpoch: Int64?
            if let since {
                let day = try ctx.parseDate(since)
                sinceEpoch = Int64(day.dayNumber) * 86_400 - Int64(ctx.now.utcOffsetSeconds)
            }
            let store = try ctx.openOffice()
            // A file's chains and schema (ita verify also replays every task); a server keeps its log itself.
            if let file = store as? Store, case let report = try file.verify(replay: false), !report.isIntact {
                Output.error(ctx.strings.integrityWarning(report.problems.count))
            }
            let entries = try store.log(sinceEpoch: sinceEpoch, limit: limit)
            if json { Output.printJSON(JSONDocuments.log(entries, members: try store.members()).text); return }
            ctx.print(TextReports.log(entries, members: try store.members(), strings: ctx.strings))
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify",
        abstract: "Check that the database matches its own record: the audit log's hash chain, the meeting records, the protecting triggers and schema, and every task against its audit log.",
        discussion: """
            Whoever can write the database file can change it; this makes a change made outside ita visible. \
            Prints each problem, first one first, and exits 1 when there is any (0 when all is intact).
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var intact = true
        try Context.run(global) { ctx in
            let report = try ctx.openStore().verify()
            if report.isIntact {
                ctx.print([ctx.strings.integrityIntact(report.auditRows, report.entries, report.meetings, report.tasks)])
            } else {
                intact = false
                ctx.print([ctx.strings.integrityWarning(report.problems.count)] + report.problems.map { "  " + ctx.strings.integrityProblem($0) })
            }
        }
        if !intact { throw ExitCode(1) }
    }
}
