import ITACore

/// A piece of a reminder: text, or a mention of a member (plain `@name` when printed, a LINE
/// mention object when sent through the Messaging API).
public enum ReminderPart: Hashable, Sendable {
    case text(String)
    case mention(Member)
}

/// LINE-ready reminder text: plain lines, one emoji per heading, no markup, so it pastes as is.
public enum ReminderText {
    /// A day's message to one recipient.
    public static func message(_ message: ReminderMessage, board: Board, language: Language, meetingDay: Bool = false) -> String {
        plain(parts(message, board: board, language: language, meetingDay: meetingDay), language: language)
    }

    /// The message as text and mentions, lines separated by "\n" in the text.
    public static func parts(_ message: ReminderMessage, board: Board, language: Language, meetingDay: Bool = false) -> [ReminderPart] {
        let t = language.countdown
        var lines: [[ReminderPart]]
        switch message.recipient {
        case .member(let m): lines = [[.text(t.messageHeading(message.recipient) + " "), .mention(m)]]
        default: lines = [[.text(t.messageHeading(message.recipient))]]
        }
        let named: Bool
        if case .group = message.recipient { named = true } else { named = false }
        for entry in message.entries {
            let sticker = entry.reminder.sticker
            lines.append(contentsOf: deadlineLines(sticker, work: entry.work, named: named, board: board, language: language,
                                                   overdueStep: sticker.source == .overdueTasks ? meetingDay : nil))
        }
        return joined(lines)
    }

    /// Parts as printed: mentions as `@LINE name` (or the full name).
    public static func plain(_ parts: [ReminderPart], language: Language) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .mention(let m): return language.countdown.mention(m)
            }
        }.joined()
    }

    /// The message for one sticker (what `y` copies): everyone's open work on that deadline.
    public static func sticker(_ sticker: Sticker, board: Board, language: Language) -> String {
        plain(joined(deadlineLines(sticker, work: sticker.open, named: true, board: board, language: language, indent: "")),
              language: language)
    }

    private static func joined(_ lines: [[ReminderPart]]) -> [ReminderPart] {
        var parts: [ReminderPart] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { parts.append(.text("\n")) }
            parts.append(contentsOf: line)
        }
        // Neighbouring text pieces as one.
        var merged: [ReminderPart] = []
        for part in parts {
            if case .text(let b) = part, case .text(let a)? = merged.last { merged[merged.count - 1] = .text(a + b) } else { merged.append(part) }
        }
        return merged
    }

    /// `overdueStep`: the overdue work as a reminder step of its own (true on the meeting day).
    static func deadlineLines(_ sticker: Sticker, work: [OpenWork], named: Bool, board: Board, language: Language,
                              indent: String = "   ", overdueStep: Bool? = nil) -> [[ReminderPart]] {
        let t = language.countdown
        var lines: [[ReminderPart]]
        if let overdueStep {
            // The overdue step: the work itself is the news, not a date.
            lines = [[.text(t.overdueHeading(overdueStep))]]
        } else {
            let title = t.deadlineTitle(sticker).sanitizedForTerminal
            lines = [[.text("⏰ \(t.countdownSentence(sticker.countdown)) — \(title)")], [.text(indent + t.dueOn(sticker.date))]]
        }
        if sticker.isDone { lines.append([.text(indent + t.allDone)]) }
        else if !sticker.tracksWork { lines.append([.text(indent + t.nothingTracked)]) }
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
            var line: [ReminderPart] = [.text(indent + (named ? "• " : ""))]
            if named, let member = board.member(share.memberID) { line += [.mention(member), .text(" — ")] }
            line.append(.text(parts.joined(separator: " · ")))
            lines.append(line)
            // What year's data each item wants, where the framework says (the assessor refuses another year's).
            let periods = share.targets.compactMap { target -> String? in
                guard case .item(let code) = target, let period = board.framework.item(code)?.evidencePeriod, period != .current else { return nil }
                return "\(code) " + language.form.evidencePeriod(period, board.framework.fiscalYear)
            }
            if !periods.isEmpty { lines.append([.text(indent + (named ? "  " : "") + "↳ " + periods.prefix(6).joined(separator: " · "))]) }
        }
        return lines
    }
}
