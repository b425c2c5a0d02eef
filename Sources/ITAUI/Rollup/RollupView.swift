import ITACore

/// Renders the roll-up board: the title, the share passing against the national target, the list of
/// offices, the selected office's risks and open OIT items, and the keys.
public enum RollupView {
    public static let minimum = Size(width: 50, height: 14)
    /// The first row of the office list.
    static let listTop = 4

    public static func render(_ state: RollupState) -> Screen {
        if let small = Screen.tooSmall(state.size, minimum: minimum, language: state.language) { return small }
        var screen = Screen(size: state.size)
        let w = state.size.width, h = state.size.height
        let r = state.language.rollup, rollup = state.rollup
        let years = Array(Set(rollup.offices.map(\.fiscalYear))).sorted()
        TitleBar.draw(left: " ITA Board · " + r.title(rollup.offices.count, years, state.today), right: " \(r.readOnly) ", into: &screen)
        screen.fill(y: h - 1, style: .hint)
        screen.draw(HintBar.spans(RollupKeymap.table.hints(on: .offices), title: r.commandTitle), y: h - 1)
        if state.helpVisible {
            state.help.draw(into: &screen, x: 0, y: 2, width: w, height: state.helpHeight, top: state.helpTop)
            return screen
        }
        let passMark = rollup.offices.first?.passMark ?? 85
        screen.draw([Span(r.share(rollup.passing, rollup.offices.count, rollup.passingShare, passMark, Rollup.nationalTarget, rollup.meetsNationalTarget),
                          rollup.meetsNationalTarget ? .done : .urgent)], x: 1, y: 1, width: w - 2)
        let view = r.listView(state.byCode, state.atRiskOnly)
        screen.put(view, x: max(1, w - view.displayWidth - 1), y: 2, style: .dim)

        // The list.
        let c = r.officeColumns
        let shown = state.shown
        let gradeWidth = max(c[2].displayWidth, shown.map { ($0.grade ?? r.noGrade).displayWidth }.max() ?? 0) + 1
        // The name column is as wide as the longest name, up to what the other columns leave.
        let longest = max(c[0].displayWidth, shown.map { $0.name.displayWidth }.max() ?? 0)
        let scoreX = max(14, min(2 + longest + 1, w - gradeWidth - 9 - 6 - 10 - 3))
        func columns(_ name: String, _ score: String, _ grade: String, _ open: String, _ overdue: String, y: Int, style: StyleRole) {
            screen.put(name.truncated(toWidth: scoreX - 3), x: 2, y: y, style: style)
            screen.put(score.leftPadded(toWidth: 9), x: scoreX, y: y, style: style)
            screen.put(grade, x: scoreX + 10, y: y, style: style, maxWidth: gradeWidth)
            screen.put(open.leftPadded(toWidth: 6), x: scoreX + 10 + gradeWidth, y: y, style: style)
            screen.put(overdue.leftPadded(toWidth: 10), x: scoreX + 16 + gradeWidth, y: y, style: style)
        }
        columns(c[0], c[1], c[2], c[3], c[4], y: listTop - 1, style: .dim)
        if shown.isEmpty { screen.put(r.noneAtRisk, x: 2, y: listTop, style: .done) }
        for (row, index) in (state.top..<min(shown.count, state.top + state.listHeight)).enumerated() {
            let o = shown[index], y = listTop + row
            let isSelected = index == state.selected
            if isSelected { screen.fill(y: y, style: .selected) }
            let style: StyleRole = isSelected ? .selected : o.passes ? .normal : o.risks.isEmpty ? .soon : .urgent
            screen.put(o.passes ? "✓" : "✗", x: 0, y: y, style: isSelected ? .selected : o.passes ? .done : .urgent)
            columns(o.name.sanitizedForTerminal, Score.text(o.projected) + (o.estimatedTools.isEmpty ? " " : "~"), o.grade ?? r.noGrade,
                    String(o.openTasks), String(o.overdueTasks), y: y, style: style)
        }

        // The selected office.
        var y = listTop + state.listHeight + 1
        let bottom = h - 2 - (state.problems.isEmpty ? 0 : 1)
        if let o = state.current, y < bottom {
            screen.fill(y: y - 1, style: .dim, text: "─")
            screen.draw([Span(o.name.sanitizedForTerminal + " (" + o.code.sanitizedForTerminal + ")", .heading)], x: 1, y: y, width: w - 2)
            y += 1
            let tools = ["IIT", "EIT", "OIT"].compactMap { code in o.toolScores[code].map { code + " " + Score.text($0) + (o.estimatedTools.contains(code) ? "~" : "") } }
            let facts = (tools + [r.lastChange + " " + r.daysAgo(o.daysSinceChange)]).joined(separator: " · ")
            if y < bottom { screen.put(facts, x: 2, y: y, style: .normal, maxWidth: w - 3); y += 1 }
            for risk in o.risks where y < bottom {
                screen.put("! " + r.risk(risk), x: 2, y: y, style: .urgent, maxWidth: w - 3)
                y += 1
            }
            if o.risks.isEmpty, y < bottom { screen.put(r.noRisk, x: 2, y: y, style: .done, maxWidth: w - 3); y += 1 }
            if !o.failingItems.isEmpty, y < bottom {
                screen.put(r.openItems(o.failingItems.map(\.code)), x: 2, y: y, style: .dim, maxWidth: w - 3)
                y += 1
            }
            if shown.contains(where: { !$0.estimatedTools.isEmpty }), y < bottom { screen.put(r.estimateLegend, x: 2, y: bottom - 1, style: .dim, maxWidth: w - 3) }
        }
        if let problem = state.problems.first {
            let more = state.problems.count > 1 ? " (+\(state.problems.count - 1))" : ""
            screen.fill(y: h - 2, style: .statusError)
            screen.put(problem.sanitizedForTerminal + more, x: 1, y: h - 2, style: .statusError, maxWidth: w - 2)
        }
        return screen
    }
}
