import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

/// Applies plan changes for the person at the keyboard and prints what changed, a line each. On a
/// server, the tasks' own changes (add, edit, archive, restore); the rest say it needs the office's file.
func planChange(_ global: GlobalOptions, _ build: (Context, any OfficeStore) throws -> [PlanChange]) throws {
    try Context.run(global) { ctx in
        let store = try ctx.openOffice()
        let author = try ctx.author(in: store)
        let result = try store.apply(try build(ctx, store), by: author, at: ctx.now)
        ctx.report(result, store: store)
    }
}

extension Context {
    /// What a plan change did: each added task with its id, each other row changed, and warnings.
    func report(_ result: Store.PlanResult, store: any OfficeStore) {
        let plan = language.plan
        let text = AuditText(members: (try? store.members()) ?? [], strings: strings)
        var lines: [String] = []
        for id in result.addedTaskIDs {
            lines.append(plan.added(id, ((try? store.task(id: id))?.title ?? "").sanitizedForTerminal))
        }
        for entry in result.entries where !(entry.entity == .task && entry.field == "*") {
            lines.append("✓ " + text.line(entry))
        }
        if lines.isEmpty { lines.append(plan.nothingChanged) }
        for warning in result.warnings { lines.append(plan.warning(plan.dueWarning(warning, strings.date))) }
        print(lines)
    }

    func target(_ text: String) throws -> TaskTarget {
        guard let target = TaskTarget(text: text) else {
            throw CLIError(strings.planProblem(PlanProblem(field: "target", "expected an indicator number (e.g. 7) or an item code (e.g. O12), found \(Quote.text(text))",
                                                            th: "ต้องเป็นเลขตัวชี้วัด (เช่น 7) หรือรหัสข้อ (เช่น O12) แต่พบ \(Quote.text(text))")))
        }
        return target
    }

    func score(_ text: String) throws -> Double? {
        if text == "none" || text == "-" { return nil }
        guard let value = Double(text), value.isFinite, Limits.score.contains(value) else {
            throw CLIError(strings.planProblem(PlanProblem(field: "score", "expected a number from \(Limits.describe(Limits.score)) or none, found \(Quote.text(text))",
                                                            th: "ต้องเป็นตัวเลขตั้งแต่ \(Limits.describe(Limits.score, to: "ถึง")) หรือ none แต่พบ \(Quote.text(text))")))
        }
        return value
    }
}

extension Recurrence: ExpressibleByArgument {}
extension Member.Role: ExpressibleByArgument {}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a task on an indicator or item (prints its id).",
        discussion: "The owner defaults to the target's owner (an item's, else its indicator's). Chair and secretary add anywhere; an owner on the targets they own.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Indicator number (7) or item code (O12).", completion: Completions.targets) var target: String
    @Argument(help: "What is to be done.") var title: String
    @Option(help: ArgumentHelp("Who does it (default: the target's owner).", valueName: "login"), completion: Completions.logins) var owner: String?
    @Option(help: ArgumentHelp("Due date: YYYY-MM-DD (BE or CE), D/M/YYYY, D/M, +N, today.", valueName: "date")) var due: String?
    @Option(help: ArgumentHelp("Process phase key (PHAYAO: P H A1 Y A2 O).", valueName: "key")) var phase: String?
    @Option(help: "A note kept with the task.") var note: String?
    @Option(help: ArgumentHelp("Recurring work: monthly, quarterly or yearly.", valueName: "every")) var recurs: Recurrence?
    @Option(help: ArgumentHelp("A stable name for the task in the committee file (plan apply matches it).", valueName: "key")) var key: String?

    func run() throws {
        try planChange(global) { ctx, _ in
            [.addTask(NewTask(title: title, target: try ctx.target(target), ownerLogin: owner, due: try due.map(ctx.parseDate),
                              phase: phase, note: note ?? "", recurs: recurs, key: key))]
        }
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a task's title, target, owner, due date, phase, note or recurrence.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id.", completion: Completions.allTasks) var id: Int64
    @Option(help: "New title.") var title: String?
    @Option(help: ArgumentHelp("New indicator or item.", valueName: "target"), completion: Completions.targets) var target: String?
    @Option(help: ArgumentHelp("New owner.", valueName: "login"), completion: Completions.logins) var owner: String?
    @Option(help: ArgumentHelp("New due date (forms as for add).", valueName: "date")) var due: String?
    @Flag(name: .customLong("no-due"), help: "Remove the due date.") var noDue = false
    @Option(help: ArgumentHelp("Phase key, or none.", valueName: "key")) var phase: String?
    @Option(help: "New note (replaces it).") var note: String?
    @Option(help: ArgumentHelp("monthly, quarterly, yearly or none.", valueName: "every")) var recurs: String?
    @Option(help: ArgumentHelp("The task's key in the committee file, or none.", valueName: "key")) var key: String?

    func validate() throws {
        if due != nil && noDue { throw ValidationError("use --due or --no-due, not both") }
        if let recurs, recurs != "none", Recurrence(rawValue: recurs) == nil {
            throw ValidationError("--recurs takes monthly, quarterly, yearly or none, found \(Quote.text(recurs))")
        }
        if title == nil && target == nil && owner == nil && due == nil && !noDue && phase == nil && note == nil && recurs == nil && key == nil {
            throw ValidationError("nothing to change: give --title, --target, --owner, --due/--no-due, --phase, --note, --recurs or --key")
        }
    }

    func run() throws {
        try planChange(global) { ctx, _ in
            var edit = TaskEdit(title: title, ownerLogin: owner, note: note)
            if let target { edit.target = try ctx.target(target) }
            if let due { edit.due = .some(try ctx.parseDate(due)) } else if noDue { edit.due = .some(nil) }
            if let phase { edit.phase = .some(phase == "none" ? nil : phase) }
            if let recurs { edit.recurs = .some(Recurrence(rawValue: recurs)) }
            if let key { edit.key = .some(key == "none" ? nil : key) }
            return [.editTask(id: id, edit)]
        }
    }
}

struct Archive: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive",
        abstract: "Archive a task: it leaves every list, count, score and reminder, and keeps its history (ita restore brings it back).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id.", completion: Completions.allTasks) var id: Int64
    @Option(help: "Why (kept with the task).") var reason: String?
    func run() throws { try planChange(global) { _, _ in [.archiveTask(id: id, reason: reason)] } }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring an archived task back.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id (see ita tasks --archived).") var id: Int64
    func run() throws { try planChange(global) { _, _ in [.restoreTask(id: id)] } }
}

struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Make a member the owner of an indicator or item.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Indicator number or item code.", completion: Completions.targets) var target: String
    @Argument(help: "The new owner's login.") var login: String
    @Flag(name: .customLong("with-open-tasks"), help: "Move the target's open tasks to them too.") var withOpenTasks = false
    func run() throws {
        try planChange(global) { ctx, _ in [.assign(try ctx.target(target), login: login, withOpenTasks: withOpenTasks)] }
    }
}

struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "member", abstract: "Add, change or see off a committee member.",
                                                    subcommands: [MemberAdd.self, MemberEdit.self, MemberLeave.self])

    struct MemberAdd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a member.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their OS login name.") var login: String
        @Option(help: "Full name as it appears in the minutes.") var name: String
        @Option(help: "chair, secretary, owner or member.") var role: Member.Role
        @Option(help: "Work group.") var group: String?
        @Option(help: "LINE display name.") var line: String?
        @Option(help: ArgumentHelp("LINE user id (U + 32 hex digits), so reminders sent to LINE mention them.", valueName: "id")) var lineId: String?
        func run() throws {
            try planChange(global) { _, _ in
                [.addMember(MemberDraft(login: login, name: name, role: role, workGroup: group ?? "", lineName: line ?? "", lineID: lineId ?? ""))]
            }
        }
    }

    struct MemberEdit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a member's name, role, group, LINE name or LINE user id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their login.") var login: String
        @Option var name: String?
        @Option var role: Member.Role?
        @Option var group: String?
        @Option var line: String?
        @Option(help: ArgumentHelp("LINE user id (U + 32 hex digits); \"\" clears it.", valueName: "id")) var lineId: String?
        func validate() throws {
            if name == nil && role == nil && group == nil && line == nil && lineId == nil {
                throw ValidationError("nothing to change: give --name, --role, --group, --line or --line-id")
            }
        }
        func run() throws {
            try planChange(global) { _, _ in [.editMember(login: login, ITACore.MemberEdit(name: name, role: role, workGroup: group, lineName: line, lineID: lineId))] }
        }
    }

    struct MemberLeave: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leave",
            abstract: "A member leaves the committee; what they own goes to --hand-over-to. History keeps their name.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Their login.") var login: String
        @Option(name: .customLong("hand-over-to"), help: ArgumentHelp("Who takes over their targets and open tasks.", valueName: "login"),
                completion: Completions.logins)
        var handOverTo: String?
        func run() throws { try planChange(global) { _, _ in [.leaveMember(login: login, handOverTo: handOverTo)] } }
    }
}

struct Milestones: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "milestones", abstract: "List the milestones.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (docs/schema/milestones.v1.schema.json).") var json = false
    func run() throws {
        try Context.run(global) { ctx in
            let milestones = try ctx.openOffice().board(today: ctx.today).assessment.milestones
            if json {
                Output.printJSON(JSONDocuments.milestones(milestones).text)
                return
            }
            let s = ctx.language.plan
            ctx.print(TextReports.columns([s.milestonesHeader] + milestones.map { m in
                [m.key, ctx.language == .th ? m.titleTH : m.titleEN, m.starts.map(ctx.strings.date) ?? "–", ctx.strings.date(m.due),
                 m.reminderOffsets.map(String.init).joined(separator: ","), m.covers.joined(separator: ",")]
            }))
        }
    }
}

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "milestone", abstract: "Add, move or remove a milestone.",
                                                    subcommands: [MilestoneAdd.self, MilestoneEdit.self, MilestoneRemove.self])

    struct Fields: ParsableArguments {
        @Option(help: "Thai title.") var title: String?
        @Option(name: .customLong("title-en"), help: "English title.") var titleEN: String?
        @Option(help: ArgumentHelp("The day it opens (forms as for add), or none.", valueName: "date")) var starts: String?
        @Option(help: ArgumentHelp("The day it is due.", valueName: "date")) var due: String?
        @Option(help: ArgumentHelp("Days before due to remind, e.g. 14,7,3,1,0.", valueName: "days")) var reminders: String?
        @Option(help: ArgumentHelp("What must be done by then: OIT, IIT, EIT, indicator numbers, item codes (comma-separated).", valueName: "list"))
        var covers: String?

        func apply(to m: inout Milestone, ctx: Context) throws {
            if let title { m.titleTH = title }
            if let titleEN { m.titleEN = titleEN }
            if let starts { m.starts = starts == "none" ? nil : try ctx.parseDate(starts) }
            if let due { m.due = try ctx.parseDate(due) }
            if let reminders {
                let steps = reminders.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard steps.allSatisfy({ $0 != nil }) else {
                    throw CLIError(ctx.strings.planProblem(PlanProblem(field: "reminders", "expected days such as 14,7,3,1,0", th: "ต้องเป็นจำนวนวัน เช่น 14,7,3,1,0")))
                }
                m.reminderOffsets = steps.compactMap { $0 }
            }
            if let covers { m.covers = covers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }
    }

    struct MilestoneAdd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a milestone (needs --title and --due).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A short key, e.g. oit-publish.") var key: String
        @OptionGroup var fields: Fields
        func validate() throws {
            if fields.title == nil || fields.due == nil { throw ValidationError("a new milestone needs --title and --due") }
        }
        func run() throws {
            try planChange(global) { ctx, _ in
                var m = Milestone(key: key, titleTH: "", titleEN: key, due: ctx.today, reminderOffsets: Milestone.defaultReminderOffsets, covers: [])
                try fields.apply(to: &m, ctx: ctx)
                return [.addMilestone(m)]
            }
        }
    }

    struct MilestoneEdit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Move or rename a milestone, or change what it covers.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Its key.") var key: String
        @OptionGroup var fields: Fields
        func run() throws {
            try planChange(global) { ctx, store in
                guard var m = try store.board(today: ctx.today).assessment.milestones.first(where: { $0.key == key }) else {
                    throw CLIError(ctx.strings.planProblem(PlanProblem(field: "key", "no milestone \(Quote.text(key))", th: "ไม่มีหมุดหมาย \(Quote.text(key))")))
                }
                try fields.apply(to: &m, ctx: ctx)
                return [.editMilestone(key: key, m)]
            }
        }
    }

    struct MilestoneRemove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a milestone.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Its key.") var key: String
        func run() throws { try planChange(global) { _, _ in [.removeMilestone(key: key)] } }
    }
}

struct Holidays: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "holidays", abstract: "List the committee's holidays.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (docs/schema/holidays.v1.schema.json).") var json = false
    func run() throws {
        try Context.run(global) { ctx in
            let holidays = try ctx.openOffice().board(today: ctx.today).assessment.holidays
            if json {
                Output.printJSON(JSONDocuments.holidays(holidays).text)
                return
            }
            ctx.print(TextReports.columns([ctx.language.plan.holidaysHeader] + holidays.map { ["\(ctx.strings.weekday($0.date)) \(ctx.strings.date($0.date))", $0.name] }))
        }
    }
}

struct HolidayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "holiday", abstract: "Add or remove a committee holiday.",
                                                    subcommands: [HolidayAdd.self, HolidayRemove.self])
    struct HolidayAdd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a holiday (working-day countdowns skip it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The date.") var date: String
        @Argument(help: "Its name.") var name: String
        func run() throws { try planChange(global) { ctx, _ in [.addHoliday(Holiday(date: try ctx.parseDate(date), name: name))] } }
    }
    struct HolidayRemove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a holiday.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The date.") var date: String
        func run() throws { try planChange(global) { ctx, _ in [.removeHoliday(try ctx.parseDate(date))] } }
    }
}

struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "List the committee: role, group, LINE name, what each owns.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON (docs/schema/members.v1.schema.json).") var json = false
    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice()
            let board = try store.board(today: ctx.today)
            let open = try store.tasks().filter { $0.status.isOpen }
            func owns(_ m: Member) -> [String] { board.targets(ownedBy: m.id).map(\.description) }
            if json {
                Output.printJSON(JSONDocuments.members(board, openTasks: open).text)
                return
            }
            let s = ctx.language.plan
            ctx.print(TextReports.columns([s.membersHeader] + board.members.map { m in
                [m.login, m.name, m.leftOn.map { s.left(ctx.strings.date($0)) } ?? s.role(m.role), m.workGroup, m.lineName,
                 owns(m).joined(separator: " "), String(open.filter { $0.ownerID == m.id }.count)]
            }))
        }
    }
}

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "estimate", abstract: "Set a survey tool's estimated score for the projection (none: use last year's).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "iit or eit.") var tool: String
    @Argument(help: "0–100, or none.") var score: String
    func run() throws { try planChange(global) { ctx, _ in [.estimate(tool: tool.uppercased(), score: try ctx.score(score))] } }
}

struct LastYear: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "last-year", abstract: "Set an indicator's score last year (none: unknown).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Indicator number.") var indicator: Int
    @Argument(help: "0–100, or none.") var score: String
    func run() throws { try planChange(global) { ctx, _ in [.lastYear(indicator: indicator, score: try ctx.score(score))] } }
}

struct TargetGrade: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "target", abstract: "Set the grade the committee aims for.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A grade of the framework, e.g. A or ผ่านดี.") var grade: String
    func run() throws { try planChange(global) { _, _ in [.targetGrade(grade)] } }
}

struct Quota: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quota", abstract: "Set how many respondents a survey needs.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "iit or eit.") var tool: String
    @Argument(help: "The quota.") var count: Int
    func run() throws { try planChange(global) { _, _ in [.quota(tool: tool.uppercased(), count: count)] } }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Keep the plan in a committee file: export it, apply a changed one.",
                                                    subcommands: [PlanExport.self, PlanApply.self])

    struct PlanExport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "Write the current plan as a committee file (the same database gives the same bytes).")
        @OptionGroup var global: GlobalOptions
        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output (replaced whole).", valueName: "file"))
        var output: String?

        func run() throws {
            try Context.run(global) { ctx in
                let text = try ctx.openStore().exportPlan()
                guard let output else { FileHandle.standardOutput.write(Data(text.utf8)); return }
                // Written beside the target and renamed over it: a failure leaves the old file whole.
                try Output.write(Data(text.utf8), to: output)
            }
        }
    }

    struct PlanApply: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "apply",
            abstract: "Show what a committee file would add, change and archive; with --yes, apply it as one audited change.",
            discussion: "Tasks match by `key`, else by title and target. Fields a task's entry leaves out stay as they are: a done task stays done unless the file gives its status. `ita undo` reverses the whole set.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The committee file.") var file: String
        @Flag(help: "Apply the changes (without it, nothing is written).") var yes = false

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openStore()
                let author = try ctx.author(in: store)
                let plan = try CommitteePlan.parse(try ctx.readFile(file), file: file, framework: try store.framework(), today: ctx.today,
                                                   utcOffsetSeconds: ctx.now.utcOffsetSeconds, include: ctx.includer(besides: file))
                let (changes, notes) = try store.planChanges(for: plan)
                let s = ctx.language.plan
                var lines = notes.map { s.warning(ctx.strings.planProblem($0)) }
                guard !changes.isEmpty else {
                    ctx.print(lines + [s.planSame])
                    return
                }
                let result = try store.apply(changes, by: author, at: ctx.now, action: .plan, dryRun: !yes)
                let text = AuditText(members: try store.members(), strings: ctx.strings)
                let described = result.entries.map { "  " + text.line($0) }
                lines.append(yes ? s.applied(described.count) : s.wouldApply(described.count))
                lines += described
                lines += result.warnings.map { "  " + s.warning(s.dueWarning($0, ctx.strings.date)) }
                if !yes { lines.append(s.applyHint) }
                ctx.print(lines)
            }
        }
    }
}

struct Results: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "results",
        abstract: "Record what ITAS announced (July–August): a score for iit, eit, oit, an indicator or the total, and the grade; without arguments, list them.",
        discussion: "Shown beside the projection in status and on the overview. A recorded grade the framework's rule cannot give (87.85 graded ผ่านดีเยี่ยม) is flagged, naming the rule.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "iit, eit, oit, an indicator number, or total.") var scope: String?
    @Argument(help: "The announced score (0–100), or none to clear it.") var score: String?
    @Option(help: "The announced grade, e.g. ผ่านดี (none clears it).") var grade: String?
    @Flag(help: "List them as JSON (docs/schema/results.v1.schema.json).") var json = false

    func validate() throws {
        if scope != nil && score == nil { throw ValidationError("give the score after the scope, e.g. ita results total 88.40") }
        if json && (scope != nil || grade != nil) { throw ValidationError("--json lists the results; record them without it") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            guard scope != nil || grade != nil else {
                let board = try ctx.openOffice().board(today: ctx.today)
                if json { Output.printJSON(JSONDocuments.results(board).text); return }
                let lines = TextReports.official(board, strings: ctx.strings)
                ctx.print(lines.isEmpty ? [ctx.language.plan.noResults] : lines)
                return
            }
            try planChange(global) { ctx, _ in
                var changes: [PlanChange] = []
                if let scope, let score {
                    let key = Int(scope) != nil || scope.lowercased() == OfficialResults.total ? scope.lowercased() : scope.uppercased()
                    changes.append(.officialScore(scope: key, score: try ctx.score(score)))
                }
                if let grade { changes.append(.officialGrade(grade == "none" ? nil : grade)) }
                return changes
            }
            let board = try ctx.openOffice().board(today: ctx.today)
            if let contradiction = board.assessment.official.contradiction(in: board.framework) {
                ctx.print([ctx.language.plan.contradiction(contradiction)])
            }
        }
    }
}
