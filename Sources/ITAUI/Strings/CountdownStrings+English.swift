import ITACore

extension CountdownStrings {
    public static let english = CountdownStrings(
        deadlineTitle: { s in
            switch s.source {
            case .milestone(let m): return m.titleEN
            case .tasks: return "Tasks due"
            case .overdueTasks: return "\(s.openTaskCount) overdue tasks (counted from the oldest)"
            }
        },
        unit: { $0 ? "working days" : "days" },
        state: { s in
            if s.isDone { return "✓ done" }
            switch s.countdown.urgency {
            case .calm: return "○ calm"
            case .upcoming: return "◔ coming up"
            case .soon: return "◑ soon"
            case .urgent: return "▲ urgent"
            case .today: return "★ today"
            case .overdue: return "! overdue"
            }
        },
        otherCount: { c, bigIsWorking in c.calendarDays < 0 ? "(overdue)" : bigIsWorking ? "(\(days(c.calendarDays)))" : "(\(days(c.workingDays, "working day")))" },
        countdownSentence: { c in
            switch c.calendarDays {
            case ..<0: return "\(days(-c.calendarDays)) overdue"
            case 0: return "due today"
            default:
                return c.workingDays == 0 ? "\(days(c.calendarDays)) left (today is the last working day)"
                                          : "\(days(c.calendarDays)) left (\(days(c.workingDays, "working day")))"
            }
        },
        dueOn: { d in "due \(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday - 1]) \(ThaiDateFormat.english(d))" },
        notFinished: { targets, tasks in tasks > 0 ? "\(targets) not finished (\(days(tasks, "task")))" : "\(targets) not finished" },
        respondents: { tool, r in "\(tool): \(r.count) of \(r.quota) responded (\(max(0, r.quota - r.count)) to go)" },
        nothingTracked: "no work tracked against this date",
        allDone: "all work done",
        mention: { m in "@" + (m.lineName.isEmpty ? m.name : m.lineName) },
        messageHeading: { r in
            switch r {
            case .member: return "📣 ITA reminder for"
            case .group(let g): return "📣 ITA reminder for \(g.isEmpty ? "members with no work group" : g)"
            case .committee: return "📣 ITA committee reminder"
            }
        },
        noReminders: { "No deadline is at a reminder step on \(ThaiDateFormat.english($0))" },
        unknownGroup: { g, all in "no work group \"\(g)\"; groups: \(all.joined(separator: ", "))" },
        copied: { "Copied the reminder for \"\($0)\" (OSC 52): paste it into LINE" },
        noStickers: "No deadlines ahead",
        unitToggleHint: "w days/working days · y copy LINE message",
        presentReadOnly: "Present mode · read-only",
        paused: "paused",
        pageTitle: { page, board in
            switch page {
            case .overview: return "ITA score overview"
            case .countdown(let part, let parts): return parts > 1 ? "Countdown (\(part + 1)/\(parts))" : "Countdown"
            case .owner(let id): return "Work of \(board.member(id)?.name ?? "#\(id)")"
            case .respondents: return "IIT / EIT respondents"
            }
        },
        pageCounter: { page, pages, left in "page \(page)/\(pages)" + (left.map { " · next in \($0) s" } ?? "") },
        ownerPageHeading: { open, overdue in "\(open) open · \(overdue) overdue" },
        ownerAllDone: "nothing open",
        presentCommandTitle: { c in
            switch c {
            case .pause: return "pause/play"
            case .next: return "next"
            case .previous: return "previous"
            case .pageDigit: return "page number"
            case .endNumber: return "end the page number"
            case .first: return "first page"
            case .last: return "last page"
            case .toggleWorkingDays: return "days/working days"
            case .help: return "help"
            case .quit: return "quit"
            }
        },
        presentHelpTitle: "Present mode — keys (they also work with a Thai keyboard layout)",
        surveyWindow: { m in m.map { "survey window until \(ThaiDateFormat.english($0.due))" } ?? "" },
        surveyPace: { needed, days in
            days > 0 ? "\(needed) more needed in \(days) working day\(days == 1 ? "" : "s") — \((needed + days - 1) / days) a day" : "\(needed) more needed today"
        },
        overdueHeading: { meeting in meeting ? "🔴 Overdue work: followed up at today's meeting" : "🔴 Overdue work" }
    )
}

/// `1 day`, `3 days`, `1 working day`.
private func days(_ n: Int, _ unit: String = "day") -> String { "\(n) \(unit)\(n == 1 ? "" : "s")" }
