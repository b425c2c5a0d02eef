import ITACore

/// LINE-ready reminder text: plain lines, one emoji per heading, no markup, so it pastes as is.
public enum ReminderText {
    /// A day's message to one recipient.
    public static func message(_ message: ReminderMessage, board: Board, language: Language) -> String {
        let t = language.countdown
        var lines = [t.messageHeading(message.recipient)]
        let named: Bool
        if case .group = message.recipient { named = true } else { named = false }
        for entry in message.entries {
            lines.append(contentsOf: deadlineLines(entry.reminder.sticker, work: entry.work, named: named, board: board, language: language))
        }
        return lines.joined(separator: "\n")
    }

    /// The message for one sticker (what `y` copies): everyone's open work on that deadline.
    public static func sticker(_ sticker: Sticker, board: Board, language: Language) -> String {
        deadlineLines(sticker, work: sticker.open, named: true, board: board, language: language, indent: "")
            .joined(separator: "\n")
    }

    static func deadlineLines(_ sticker: Sticker, work: [OpenWork], named: Bool, board: Board, language: Language,
                              indent: String = "   ") -> [String] {
        let t = language.countdown
        let title = t.deadlineTitle(sticker).sanitizedForTerminal
        var lines = ["⏰ \(t.countdownSentence(sticker.countdown)) — \(title)", indent + t.dueOn(sticker.date)]
        if sticker.isDone { lines.append(indent + t.allDone) }
        else if !sticker.tracksWork { lines.append(indent + t.nothingTracked) }
        for share in work {
            var parts: [String] = []
            if !share.targets.isEmpty {
                parts.append(t.notFinished(t.targetList(share.targets, language: language, limit: 12), share.openTasks))
            }
            for tool in share.surveys {
                guard let r = sticker.shortSurveys[tool] else { continue }
                // The pace that reaches the quota by the deadline, in working days.
                parts.append(t.respondents(tool, r) + " · " + t.surveyPace(max(0, r.quota - r.count), max(0, sticker.countdown.workingDays)))
            }
            guard !parts.isEmpty else { continue }
            let who = named ? board.member(share.memberID).map { t.mention($0) + " — " } ?? "" : ""
            lines.append(indent + (named ? "• " : "") + who + parts.joined(separator: " · "))
            // What year's data each item wants, where the framework says (the assessor refuses another year's).
            let periods = share.targets.compactMap { target -> String? in
                guard case .item(let code) = target, let period = board.framework.item(code)?.evidencePeriod, period != .current else { return nil }
                return "\(code) " + language.form.evidencePeriod(period, board.framework.fiscalYear)
            }
            if !periods.isEmpty { lines.append(indent + (named ? "  " : "") + "↳ " + periods.prefix(6).joined(separator: " · ")) }
        }
        return lines
    }
}
