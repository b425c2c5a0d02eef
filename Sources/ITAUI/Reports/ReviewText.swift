import ITACore

/// The chair's weekly review as text lines (`ita review`): headline changes, indicators, owners,
/// the OIT burndown drawn with block characters, and the projected score week by week.
public enum ReviewText {
    public static func lines(_ review: WeeklyReview, board: Board, lastActivity: [Int64: Timestamp], language: Language,
                             chartWidth: Int = 48, chartHeight: Int = 8) -> [String] {
        let t = language.review, s = language.strings
        let now = review.now, before = review.weekAgo
        func delta(_ value: Double) -> String { (value >= 0 ? "+" : "−") + Score.text(abs(value)) }
        func delta(_ value: Int) -> String { value >= 0 ? "+\(value)" : "−\(-value)" }
        var out = [t.title(s.date(now.day), before.map { s.date($0.day) })]
        var headline = "\(s.projectedScore) \(Score.text(now.projected))"
        if let before { headline += " (\(delta(now.projected - before.projected)))" }
        headline += " · " + s.tasksDone(now.tasksDone, now.tasksTotal)
        if let before { headline += " (\(delta(now.tasksDone - before.tasksDone)))" }
        headline += " · " + s.overdueCount(now.overdue)
        if let before { headline += " (\(delta(now.overdue - before.overdue)))" }
        out += [headline, ""]

        // Indicators.
        let nameWidth = 30
        out.append(t.indicatorHeader(nameWidth))
        for indicator in board.framework.indicators {
            let counts = now.indicators[indicator.number] ?? [0, 0]
            let name = "\(indicator.number)".leftPadded(toWidth: 3) + " " + language.name(of: indicator).sanitizedForTerminal
            let week = review.doneThisWeek(indicator: indicator.number).map(delta) ?? "–"
            out.append("  " + name.truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + " "
                       + "\(counts.first ?? 0)/\(counts.last ?? 0)".leftPadded(toWidth: 7) + week.leftPadded(toWidth: 10))
        }
        out.append("")

        // Owners.
        out.append(t.ownerHeader(nameWidth))
        for member in board.members {
            guard let counts = now.owners[member.login], counts.assigned > 0 else { continue }
            let week = review.doneThisWeek(owner: member.login).map(delta) ?? "–"
            let last = lastActivity[member.id].map { s.date($0.date) } ?? "–"
            out.append("  " + member.name.sanitizedForTerminal.truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + " "
                       + "\(counts.assigned)".leftPadded(toWidth: 5) + "\(counts.done)".leftPadded(toWidth: 6)
                       + "\(counts.overdue)".leftPadded(toWidth: 9) + week.leftPadded(toWidth: 10) + "  " + last)
        }
        out.append("")

        // Burndown.
        if let burndown = review.burndown, let first = burndown.points.first {
            out.append(t.burndownTitle(s.date(burndown.deadline)))
            out += chart(burndown, width: chartWidth, height: chartHeight)
            let startLabel = s.date(first.day), endLabel = s.date(burndown.deadline)
            out.append("      " + startLabel + String(repeating: " ", count: max(1, chartWidth - startLabel.displayWidth - endLabel.displayWidth)) + endLabel)
            out.append(t.legend)
            out.append(t.pace(burndown.points.last?.open ?? 0, burndown.pace, burndown.projectedFinish.map { s.date($0) },
                              burndown.projectedFinish.map { burndown.deadline.days(to: $0) }))
            out.append("")
        }

        // Projected score by week.
        out.append(t.trendTitle)
        let bars = Array("▁▂▃▄▅▆▇█")
        let values = review.weeklyScores.map(\.projected)
        let low = (values.min() ?? 0) - 1, high = (values.max() ?? 0) + 1
        for week in review.weeklyScores {
            let level = Int(saturating: (week.projected - low) / (high - low) * Double(bars.count - 1))
            out.append("  " + t.weekOf(s.date(week.weekStart)).padded(toWidth: 22) + " " + String(bars[max(0, min(bars.count - 1, level))])
                       + " " + Score.text(week.projected))
        }
        return out
    }

    /// Open items as block columns (█, with ▄ for a half row), the ideal line as ·, days left to right.
    static func chart(_ b: Burndown, width: Int, height: Int) -> [String] {
        guard let first = b.points.first else { return [] }
        let top = max(1, b.points.map(\.open).max() ?? 1)
        let span = max(1, first.day.days(to: b.deadline))
        var grid = Array(repeating: Array(repeating: Character(" "), count: width), count: height)
        for column in 0..<width {
            let day = first.day.adding(days: column * span / max(1, width - 1))
            let idealRow = Int(saturating: b.ideal(on: day) / Double(top) * Double(height))
            if let actual = b.points.last(where: { $0.day <= day }), day <= b.points.last!.day {
                let halves = Int(saturating: Double(actual.open) / Double(top) * Double(height * 2))
                for row in 0..<height {
                    let filled = halves - row * 2
                    if filled >= 2 { grid[height - 1 - row][column] = "█" } else if filled == 1 { grid[height - 1 - row][column] = "▄" }
                }
            }
            if idealRow > 0, idealRow <= height, grid[height - idealRow][column] == " " { grid[height - idealRow][column] = "·" }
        }
        return grid.enumerated().map { index, row in
            (index == 0 ? "\(top)" : "").leftPadded(toWidth: 4) + " │" + String(row)
        } + ["   0 └" + String(repeating: "─", count: width)]
    }
}
