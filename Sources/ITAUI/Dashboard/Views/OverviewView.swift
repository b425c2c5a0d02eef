import ITACore

/// Screen 1: where things stand. Built as lines so it scrolls on short terminals.
enum OverviewView {
    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let lines = self.lines(state, width: state.size.width)
        let top = min(state.overviewTop, max(0, lines.count - layout.bodyHeight))
        for row in 0..<layout.bodyHeight where top + row < lines.count {
            screen.draw(lines[top + row], x: 1, y: layout.bodyTop + row, width: state.size.width - 2)
        }
    }

    static func lines(_ state: AppState, width: Int) -> [[Span]] {
        let board = state.board, s = state.strings, t = state.text
        let f = board.framework, a = board.assessment
        let progress = board.progress, projection = board.projection
        let barWidth = max(10, min(30, width / 4))
        var lines: [[Span]] = []
        if f.isProvisional { lines.append([Span(state.language.form.provisionalFramework(f.id.sanitizedForTerminal), .soon)]) }

        let grade = projection.grade?.grade ?? "-"
        let meets = f.grading.isAtLeast(grade, a.targetGrade)
        lines.append([Span(s.projectedScore + " ", .heading), Span(Score.text(projection.total), .accent),
                      Span("  \(s.grade) "), Span(grade, .accent), Span("   \(s.target) \(a.targetGrade)  "),
                      meets ? Span("✓", .done) : Span("✗", .overdue)])
        var toolLine: [Span] = []
        for tool in f.tools {
            let note = TextReports.estimateMark(tool, a, f)
            toolLine.append(Span("\(tool.code) \(Score.text(projection.toolScores[tool.code] ?? 0))\(note)   ", .dim))
        }
        lines.append(toolLine)
        if f.tools.contains(where: { !$0.scoredFromItems }) { lines.append([Span(s.estimateLegend, .dim)]) }
        lines.append([Span(s.whatItTakes(board.whatItTakes, a.targetGrade).sanitizedForTerminal)])
        for (i, line) in TextReports.official(board, strings: s).enumerated() {
            lines.append([Span(line.sanitizedForTerminal, i == 0 ? .heading : (line.hasPrefix("⚠") ? .overdue : .normal))])
        }
        let bare = board.itemsWithoutTasks()
        if !bare.isEmpty {
            let codes = bare.prefix(12).joined(separator: " ") + (bare.count > 12 ? " …" : "")
            lines.append([Span(state.language.form.itemsWithoutTasks(bare.count, codes), .overdue)])
        }
        lines.append([])

        let whole = progress.whole
        lines.append([Span(s.progress + "  ", .heading), Span(s.tasksDone(whole.done, whole.total) + " (\(TextReports.percent(whole.fraction)))  "),
                      Span(s.overdueCount(whole.overdue), whole.overdue > 0 ? .overdue : .dim), Span("  "),
                      Span(s.blockedCount(whole.blocked), whole.blocked > 0 ? .blocked : .dim)])
        for tool in f.tools {
            let tally = progress.tools[tool.code] ?? .zero
            lines.append([Span("  " + tool.code.padded(toWidth: 4))] + Bar.spans(tally.fraction, width: barWidth)
                         + [Span(" " + "\(tally.done)/\(tally.total)".leftPadded(toWidth: 7) + " " + TextReports.percent(tally.fraction).leftPadded(toWidth: 4))])
        }
        // Progress per process phase (PHAYAO P-H-A1-Y-A2-O, SPDCA, PDCA): done of the tasks carrying it.
        let phases = a.process.phases.map(\.key)
        if !phases.isEmpty {
            var done = [Int](repeating: 0, count: phases.count), total = done
            let index = Dictionary(uniqueKeysWithValues: phases.enumerated().map { ($1.uppercased(), $0) })
            for task in state.data.tasks {
                guard let phase = task.phase, let i = index[phase.uppercased()] else { continue }
                total[i] += 1
                if task.status == .done { done[i] += 1 }
            }
            if total.reduce(0, +) > 0 {
            var line = [Span("  " + state.language.form.label(.phase) + " " + a.process.name + "  ", .dim)]
            for (i, key) in phases.enumerated() {
                line.append(Span(key + " ", .accent))
                line.append(Span("\(done[i])/\(total[i])   ", total[i] > 0 && done[i] == total[i] ? .done : .normal))
            }
            lines.append(line)
            }
        }
        lines.append([])

        lines.append([Span(s.nextDeadlines, .heading)])
        let deadlines = board.upcomingDeadlines(limit: 5)
        if deadlines.isEmpty { lines.append([Span("  " + s.noDeadlines, .dim)]) }
        for deadline in deadlines {
            let parts = TextReports.deadlineParts(deadline, strings: s)
            lines.append([Span("  " + parts.when + " "), Span(parts.left + " ", DashboardView.urgencyStyle(deadline.countdown.urgency)),
                          Span(parts.what)])
        }
        lines.append([])

        lines.append([Span(s.respondents, .heading)])
        for tool in f.tools where !tool.scoredFromItems {
            guard let r = a.respondents[tool.code] else { continue }
            lines.append([Span("  " + tool.code.padded(toWidth: 4))] + Bar.spans(r.fraction, width: barWidth)
                         + [Span(" " + "\(r.count)/\(r.quota)".leftPadded(toWidth: 7) + " " + TextReports.percent(r.fraction).leftPadded(toWidth: 4)),
                            r.isMet ? Span("  ✓ " + s.quotaMet, .done) : Span("")])
        }
        lines.append([])

        lines.append([Span(s.indicators, .heading), Span("   " + t.belowTargetLegend, .dim)])
        let below = Set(a.indicatorsBelowTargetLastYear)
        let nameWidth = max(12, min(34, width - barWidth / 2 - 40))
        for indicator in f.indicators {
            let tally = progress.indicators[indicator.number] ?? .zero
            var line = [Span("   "),
                        Span("\(indicator.number)".leftPadded(toWidth: 3) + " " + state.language.name(of: indicator).sanitizedForTerminal.truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + " ")]
            line += Bar.spans(tally.fraction, width: max(6, barWidth / 2))
            line.append(Span(" " + "\(tally.done)/\(tally.total)".leftPadded(toWidth: 6)))
            // The same figure as `ita status`: this year's projection where there is one, else last year's;
            // ▼ marks last year's result when it was below target.
            if let score = board.projection.indicatorScores[indicator.number] {
                line.append(Span("  \(s.projected) \(Score.text(score))", .dim))
                if below.contains(indicator.number), let last = a.lastYearScores[indicator.number] {
                    line.append(Span("  ▼ \(s.lastYear) \(Score.text(last))", .overdue))
                }
            } else if let last = a.lastYearScores[indicator.number] {
                line.append(Span("  \(below.contains(indicator.number) ? "▼ " : "")\(s.lastYear) \(Score.text(last))", below.contains(indicator.number) ? .overdue : .dim))
            }
            lines.append(line)
        }
        return lines
    }
}
