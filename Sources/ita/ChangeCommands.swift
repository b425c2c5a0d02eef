import ArgumentParser
import ITACore
import ITAStore
import ITAUI

/// Applies one change to one task and reports it in a line.
func change(_ global: GlobalOptions, taskID: Int64, _ change: TaskChange, confirmRecurrence: Bool = false) throws {
    try Context.run(global) { ctx in
        let store = try ctx.openOffice()
        let author = try ctx.author(in: store)
        let result = try store.apply(change, toTask: taskID, by: author, at: ctx.now, confirmRecurrence: confirmRecurrence)
        var lines = [result.fields.isEmpty ? ctx.strings.unchanged(taskID)
                                           : ctx.strings.changed(ctx.strings.action(change.action), taskID, result.task.title.sanitizedForTerminal)]
        if let next = result.next { lines.append(ctx.language.plan.nextOccurrence(next.id, next.due.map(ctx.strings.date) ?? "–")) }
        if case .item(let code) = result.task.target, result.task.status == .done,
           (try store.board(today: ctx.today)).tallies[.item(code)]?.lacksEvidence == true {
            lines.append(ctx.language.plan.itemLacksEvidence(code))
        }
        if let due = result.pendingNext { lines.append(ctx.language.plan.pendingOccurrence(taskID, ctx.strings.date(due))) }
        ctx.print(lines)
    }
}

struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a task done, optionally adding an evidence URL and a note.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id (see `ita tasks`).", completion: Completions.openTasks) var id: Int64
    @Option(help: ArgumentHelp("Evidence URL on the office website (added to the task's list).", valueName: "url")) var evidence: String?
    @Option(help: "Note to keep with the task (replaces the note).") var note: String?
    @Flag(help: "Recurring work: make the next occurrence even if it falls in the past or over a year out.") var next = false

    func validate() throws {
        if let evidence, !Evidence.isValid(evidence) {
            throw ValidationError("--evidence must be an http:// or https:// URL with a host and no spaces, found \(Quote.text(evidence))")
        }
    }

    func run() throws { try change(global, taskID: id, .markDone(evidence: evidence, note: note), confirmRecurrence: next) }
}

struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark a task in progress.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id.", completion: Completions.allTasks) var id: Int64
    func run() throws { try change(global, taskID: id, .start) }
}

struct Block: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "block", abstract: "Mark a task blocked, with the reason.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id.", completion: Completions.allTasks) var id: Int64
    @Option(help: "Why it cannot go on (who or what it waits for).") var reason: String

    func validate() throws {
        if reason.allSatisfy(\.isWhitespace) { throw ValidationError("--reason must say why the task is blocked") }
    }

    func run() throws { try change(global, taskID: id, .block(reason: reason)) }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Set a task back to to-do.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Task id.", completion: Completions.allTasks) var id: Int64
    func run() throws { try change(global, taskID: id, .reopen) }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo",
        abstract: "Undo your last change (again to go further back). Refused if someone changed the same field since.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice()
            let entries = try store.undoLastChange(by: try ctx.author(in: store), at: ctx.now)
            ctx.print([AuditText(members: try store.members(), strings: ctx.strings).undo(entries)])
        }
    }
}

struct RespondentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "respondents",
                                                    abstract: "Record how many have answered a survey (chair or secretary).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "iit or eit.") var tool: String
    @Argument(help: "Number of respondents so far.") var count: Int

    func validate() throws {
        if !Limits.count.contains(count) { throw ValidationError("the count must be a whole number from \(Limits.describe(Limits.count))") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice()
            let code = tool.uppercased()
            let r = try store.setRespondents(tool: code, count: count, by: try ctx.author(in: store), at: ctx.now)
            ctx.print([ctx.strings.respondentsSet(code, r.count, r.quota)])
        }
    }
}
