import ITACore

extension DashboardStrings {
    public static let english = DashboardStrings(
        loading: "Reading the history…",
        screenTitle: englishScreenTitle,
        commandTitle: { c in
            switch c {
            case .quit: return "quit"
            case .selectNext: return "down one row"
            case .selectPrevious: return "up one row"
            case .selectFirst: return "first row"
            case .selectLast: return "last row"
            case .pageDown: return "page down"
            case .pageUp: return "page up"
            case .nextScreen: return "next screen"
            case .previousScreen: return "previous screen"
            case .show(let s): return "go to \(englishScreenTitle(s))"
            case .open: return "open tasks"
            case .back: return "back"
            case .collapse: return "collapse"
            case .expand: return "expand"
            case .toggleDone: return "done/reopen"
            case .undo: return "undo"
            case .editEvidence: return "evidence"
            case .editNote: return "note"
            case .block: return "block"
            case .addTask: return "add a task"
            case .editTask: return "edit the task"
            case .reassign: return "reassign"
            case .setDue: return "move the due date"
            case .archive: return "archive"
            case .addMember: return "add a member"
            case .editMember: return "edit the member"
            case .memberLeaves: return "member leaves (hand over)"
            case .addMilestone: return "add a milestone"
            case .editMilestone: return "edit the milestone"
            case .removeMilestone: return "remove the milestone"
            case .filter: return "filter"
            case .commandLine: return "command"
            case .help: return "help"
            case .toggleWorkingDays: return "days/working days"
            case .copyReminder: return "copy LINE message"
            case .meeting: return "meeting mode (Wednesday follow-up)"
            }
        },
        viewer: { name, login in name.map { "user: \($0)" } ?? "user: \(login) (not on the committee)" },
        readOnly: "read-only",
        helpTitle: "Help — keys (they also work with a Thai keyboard layout)",
        helpFooter: "Commands: :owner NAME · :filter TEXT · :all · :help · :1–:8 screens · :q    Filter /: text @login status:done phase:A1 overdue    Any key closes",
        helpAnyKeyCloses: "Any key closes",
        tooSmall: { w, h in "Terminal too small (\(w)×\(h)); need at least 40×12" },
        treeHeaders: (name: "Indicator / item", owner: "Owner", done: "Done", due: "Next due", mark: "Status"),
        myTasksOf: { "Tasks of \($0), most urgent first" },
        notAMember: { "\($0) is not on the committee — see all tasks on tab 4, or start with --as LOGIN" },
        allTasksHeader: { shown, total in "\(shown) of \(total) tasks, most urgent first" },
        filterLabel: { "filter: \($0)" },
        drillHeader: { target, count in "Tasks of \(target) · \(count) (Esc back)" },
        noSelection: "No task selected",
        openTasksFirst: "Press Enter to open this row's tasks first",
        promptLabel: { p in
            switch p {
            case .filter: return "filter"
            case .command: return ":"
            case .evidence(let id): return "evidence URL for #\(id)"
            case .note(let id): return "note for #\(id)"
            case .block(let id): return "why is #\(id) blocked"
            case .due(let id): return FormStrings.english.dueLabel(id)
            case .owner(let id): return FormStrings.english.ownerLabel(id)
            case .assign(let target): return FormStrings.english.assignLabel(target)
            case .archive(let id): return FormStrings.english.archiveLabel(id)
            case .leave(let login): return FormStrings.english.leaveLabel(login)
            case .removeMilestone(let key): return FormStrings.english.removeMilestoneLabel(key)
            }
        },
        promptKeys: "Enter accept · Esc cancel",
        reasonRequired: "A reason is required",
        helpScroll: { first, last, total in "lines \(first)–\(last) of \(total) · j/k scroll" },
        notEvidence: { "\($0) is not evidence: use http:// or https:// URLs with a host, separated by spaces" },
        unknownCommand: { "Unknown command :\($0) (try :owner, :filter, :all, :q)" },
        unknownOwner: { "No member \"\($0)\"" },
        filterCleared: "Filter cleared",
        filterSet: { f, n in "Filter \(f): \(n) tasks" },
        evidenceLabel: "evidence",
        noteLabel: "note",
        blockedLabel: "blocked",
        doneByLabel: { name, when in "done by \(name) \(when)" },
        overdueMark: "! late",
        belowTargetLegend: "▼ = below target last year",
        dueShort: { c in
            switch c.calendarDays {
            case 0: return "today"
            case ..<0: return "\(-c.calendarDays)d late"
            default: return "in \(c.calendarDays)d"
            }
        },
        targetShort: { t in
            if case .indicator(let n) = t { return "I\(n)" }
            return t.description
        },
        treeMark: { standing in
            switch standing {
            case .noTasks: return "– none"
            case .allDone: return "✓ all done"
            case .doneNoEvidence: return "◇ no proof"
            case .overdue(let n): return "! \(n) late"
            case .blocked(let n): return "✕ \(n) blocked"
            case .open(let n): return "○ \(n) open"
            }
        },
        notATerminal: "The dashboard needs a terminal (stdin/stdout is not one); use `ita status` or `ita tasks` for text",
        noTerminalType: { $0.isEmpty ? "TERM is not set, so the dashboard cannot draw; use `ita status`, or set TERM=xterm-256color" : "TERM=\($0) cannot draw the dashboard; use `ita status`, or set TERM=xterm-256color" },
        cannotOpenTerminal: { "Cannot open the terminal (\($0)); check TERM" },
        statusSymbol: { s in
            switch s {
            case .todo: return "○"
            case .inProgress: return "◐"
            case .done: return "●"
            case .blocked: return "✕"
            }
        }
    )
}

private let englishScreenTitle: @Sendable (ScreenID) -> String = { s in
    switch s {
    case .overview: return "Overview"
    case .tree: return "Indicators"
    case .mine: return "My tasks"
    case .all: return "All tasks"
    case .countdown: return "Countdown"
    case .review: return "Weekly review"
    case .members: return "Members"
    case .milestones: return "Milestones"
    }
}
