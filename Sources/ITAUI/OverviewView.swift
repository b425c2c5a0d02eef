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

        let grade = projection.grade?.grade ?? "-"
        let meets = f.grading.isAtLeast(grade, a.targetGrade)
        lines.append([Span(s.projectedScore + " ", .heading), Span(Score.text(projection.total), .accent),
                      Span("  \(s.grade) "), Span(grade, .accent), Span("   \(s.target) \(a.targetGrade)  "),
                      meets ? Span("✓", .done) : Span("✗", .overdue)])
        var toolLine: [Span] = []
        for tool in f.tools {
            let note = tool.scoredFromItems ? "" : (projection.unknownTools.contains(tool.code) ? "?" : "~")
            toolLine.append(Span("\(tool.code) \(Score.text(projection.toolScores[tool.code] ?? 0))\(note)   ", .dim))
        }
        lines.append(toolLine)
        lines.append([Span(s.whatItTakes(board.whatItTakes, a.targetGrade).sanitizedForTerminal)])
        lines.append([])

        let whole = progress.whole
        lines.append([Span(s.progress + "  ", .heading), Span(s.tasksDone(whole.done, whole.total) + " (\(TextReports.percent(whole.fraction)))  "),
                      Span(s.overdueCount(whole.overdue), whole.overdue > 0 ? .overdue : .dim), Span("  "),
                      Span(s.blockedCount(whole.blocked), whole.blocked > 0 ? .blocked : .dim)])
        for tool in f.tools {
            let tally = progress.tools[tool.code] ?? .zero
            lines.append([Span("  " + tool.code.padded(toWidth: 4))] + DashboardView.bar(tally.fraction, width: barWidth)
                         + [Span(" " + "\(tally.done)/\(tally.total)".leftPadded(toWidth: 7) + " " + TextReports.percent(tally.fraction).leftPadded(toWidth: 4))])
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
            lines.append([Span("  " + tool.code.padded(toWidth: 4))] + DashboardView.bar(r.fraction, width: barWidth)
                         + [Span(" " + "\(r.count)/\(r.quota)".leftPadded(toWidth: 7) + " " + TextReports.percent(r.fraction).leftPadded(toWidth: 4)),
                            r.isMet ? Span("  ✓ " + s.quotaMet, .done) : Span("")])
        }
        lines.append([])

        lines.append([Span(s.indicators, .heading), Span("   " + t.belowTargetLegend, .dim)])
        let below = Set(a.indicatorsBelowTargetLastYear)
        let nameWidth = max(12, min(34, width - barWidth / 2 - 40))
        for indicator in f.indicators {
            let tally = progress.indicators[indicator.number] ?? .zero
            var line = [Span("  " + (below.contains(indicator.number) ? "▼" : " "), .overdue),
                        Span("\(indicator.number)".leftPadded(toWidth: 3) + " " + indicator.nameTH.sanitizedForTerminal.truncated(toWidth: nameWidth).padded(toWidth: nameWidth) + " ")]
            line += DashboardView.bar(tally.fraction, width: max(6, barWidth / 2))
            line.append(Span(" " + "\(tally.done)/\(tally.total)".leftPadded(toWidth: 6)))
            if let last = a.lastYearScores[indicator.number] {
                line.append(Span("  \(s.lastYear) \(Score.text(last))", below.contains(indicator.number) ? .overdue : .dim))
            }
            lines.append(line)
        }
        return lines
    }
}

/// Screen 2: the framework tree.
enum TreeView {
    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let t = state.text
        let w = state.size.width
        let ownerWidth = w >= 100 ? 20 : (w >= 70 ? 14 : 0)
        let doneWidth = 7, dueWidth = w >= 60 ? 11 : 0, markWidth = w >= 100 ? 14 : 10
        let nameWidth = max(8, w - 2 - ownerWidth - doneWidth - dueWidth - markWidth - 4)
        func columns(_ name: [Span], owner: String, done: String, due: String, mark: Span) -> [Span] {
            var spans = name
            let used = name.reduce(0) { $0 + $1.text.displayWidth }
            spans.append(Span(String(repeating: " ", count: max(0, nameWidth - used)) + " "))
            if ownerWidth > 0 { spans.append(Span(owner.truncated(toWidth: ownerWidth - 1).padded(toWidth: ownerWidth), .dim)) }
            spans.append(Span(done.leftPadded(toWidth: doneWidth - 1) + " "))
            if dueWidth > 0 { spans.append(Span(" " + due.padded(toWidth: dueWidth - 1))) }
            spans.append(mark)
            return spans
        }
        let header = columns([Span(t.treeHeaders.name, .heading)], owner: t.treeHeaders.owner, done: t.treeHeaders.done,
                             due: t.treeHeaders.due, mark: Span(t.treeHeaders.mark, .heading))
        screen.draw([Span(" ")] + header.map { Span($0.text, .heading) }, y: layout.bodyTop)
        for row in 0..<layout.treeListHeight {
            let index = state.treeTop + row
            guard index < state.treeRows.count else { break }
            let r = state.treeRows[index]
            let y = layout.treeListTop + row
            let indent = String(repeating: "  ", count: r.depth)
            let fold = r.hasChildren ? (state.collapsed.contains(r.node) ? "▸ " : "▾ ") : "  "
            let titleStyle: StyleRole = r.depth == 0 ? .heading : (r.depth == 1 ? .accent : .normal)
            let below = r.belowTargetLastYear ? " ▼" : ""
            let room = nameWidth - indent.displayWidth - fold.displayWidth - below.displayWidth
            var name = [Span(indent + fold, .dim), Span(r.title.sanitizedForTerminal.truncated(toWidth: max(1, room)), titleStyle)]
            if !below.isEmpty { name.append(Span(below, .overdue)) }
            let owner = state.board.member(r.ownerID)?.name.sanitizedForTerminal ?? ""
            let due = r.nearestDue.map { dueText($0, state) } ?? ""
            let markStyle: StyleRole = r.tally.total == 0 ? .dim : (r.tally.done == r.tally.total ? .done : (r.tally.overdue > 0 ? .overdue : (r.tally.blocked > 0 ? .blocked : .todo)))
            screen.draw([Span(" ")] + columns(name, owner: owner, done: "\(r.tally.done)/\(r.tally.total)", due: due, mark: Span(t.treeMark(r.tally), markStyle)), y: y)
            if index == state.treeCursor { screen.restyle(y: y, style: .selected) }
        }
    }

    static func dueText(_ date: CivilDate, _ state: AppState) -> String {
        state.language == .th ? "\(date.day) \(ThaiDateFormat.monthAbbreviations[date.month - 1])" : ThaiDateFormat.english(date).split(separator: " ").prefix(2).joined(separator: " ")
    }
}

/// Screens 3 and 4, and the tasks of a tree row.
enum TaskListView {
    static func draw(_ state: AppState, list: TaskList, title: String, into screen: inout Screen, layout: Layout) {
        let s = state.strings, t = state.text
        let w = state.size.width
        let tasks = state.data.tasks
        screen.draw([Span(" " + title, .heading)], y: layout.bodyTop)
        let wide = w >= 100
        let idWidth = state.idColumnWidth
        let statusWidth = wide ? 13 : 2
        let dueWidth = w >= 60 ? (s.date(state.today).displayWidth + 1) : 0
        let leftWidth = 11
        let targetWidth = 6
        let ownerWidth = wide ? 20 : (w >= 80 ? 13 : 0)
        let titleWidth = max(6, w - 1 - statusWidth - idWidth - dueWidth - leftWidth - targetWidth - ownerWidth)
        let h = s.taskHeaders
        var header = [Span(" " + (wide ? h.status : "").padded(toWidth: statusWidth)), Span(h.id.padded(toWidth: idWidth))]
        if dueWidth > 0 { header.append(Span(h.due.padded(toWidth: dueWidth))) }
        header.append(Span("".padded(toWidth: leftWidth)))
        header.append(Span(h.target.padded(toWidth: targetWidth)))
        if ownerWidth > 0 { header.append(Span(h.owner.padded(toWidth: ownerWidth))) }
        header.append(Span(h.title))
        screen.draw(header.map { Span($0.text, .dim) }, y: layout.bodyTop + 1)

        if list.indices.isEmpty {
            screen.draw([Span(" " + s.noTasks, .dim)], y: layout.taskListTop)
        }
        let calendar = state.board.assessment.workingCalendar
        for row in 0..<layout.taskListHeight {
            let index = list.top + row
            guard index < list.indices.count else { break }
            let task = tasks[list.indices[index]]
            let y = layout.taskListTop + row
            let style = DashboardView.statusStyle(task, today: state.today)
            let statusText = wide ? s.status(task.status) : t.statusSymbol(task.status)
            var spans = [Span(" " + statusText.padded(toWidth: statusWidth), style), Span("#\(task.id)".padded(toWidth: idWidth), .dim)]
            if dueWidth > 0 { spans.append(Span((task.due.map { s.date($0) } ?? "–").padded(toWidth: dueWidth))) }
            if task.status.isOpen, let due = task.due {
                let countdown = Countdown(from: state.today, to: due, calendar: calendar)
                spans.append(Span(t.dueShort(countdown).padded(toWidth: leftWidth), DashboardView.urgencyStyle(countdown.urgency)))
            } else {
                spans.append(Span("".padded(toWidth: leftWidth)))
            }
            spans.append(Span(t.targetShort(task.target).padded(toWidth: targetWidth)))
            if ownerWidth > 0 {
                let owner = state.board.member(task.ownerID)?.name.sanitizedForTerminal ?? "#\(task.ownerID)"
                spans.append(Span(owner.truncated(toWidth: ownerWidth - 1).padded(toWidth: ownerWidth), .dim))
            }
            spans.append(Span(task.title.sanitizedForTerminal.truncated(toWidth: titleWidth), task.status == .done ? .dim : .normal))
            screen.draw(spans, y: y)
            if index == list.cursor { screen.restyle(y: y, style: .selected) }
        }

        guard layout.detailHeight > 0, list.indices.indices.contains(list.cursor) else { return }
        let task = tasks[list.indices[list.cursor]]
        let y = layout.taskListTop + layout.taskListHeight
        screen.fill(y: y, style: .normal, text: "─")
        screen.restyle(y: y, style: .dim)
        var detail: [Span] = []
        if task.status == .blocked, let reason = task.blockedReason {
            detail += [Span(" \(t.blockedLabel): ", .blocked), Span(reason.sanitizedForTerminal)]
        }
        detail += [Span(" \(t.evidenceLabel): ", .dim), Span(task.evidence.isEmpty ? "–" : task.evidence.joined(separator: " ").sanitizedForTerminal)]
        if !task.note.isEmpty { detail += [Span("  \(t.noteLabel): ", .dim), Span(task.note.sanitizedForTerminal)] }
        if task.status == .done, let by = state.board.member(task.doneBy) {
            detail.append(Span("  " + t.doneByLabel(by.name.sanitizedForTerminal, task.doneAt.map { s.date($0.date) } ?? ""), .done))
        }
        screen.draw(detail, y: y + 1)
    }
}

/// `?`: every binding, generated from `Keymap.bindings`.
enum HelpView {
    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let t = state.text
        screen.draw([Span(" " + t.helpTitle, .heading)], y: layout.bodyTop)
        var seen = Set<Command>()
        var rows: [[Span]] = []
        for binding in Keymap.bindings where seen.insert(binding.command).inserted {
            let keys = Keymap.bindings.filter { $0.command == binding.command }.flatMap(\.keys)
            var unique: [KeyPress] = []
            for key in keys where !unique.contains(key) { unique.append(key) }
            var where_ = ""
            if let screens = binding.screens, screens.count < ScreenID.allCases.count {
                where_ = " (" + ScreenID.allCases.filter { screens.contains($0) }.map { "\($0.number)" }.joined(separator: ",") + ")"
            }
            rows.append([Span(unique.map(\.label).joined(separator: " ").padded(toWidth: 13), .hintKey),
                         Span(t.commandTitle(binding.command) + where_)])
        }
        let available = max(1, layout.bodyHeight - 5)
        // As many columns as it takes to fit the height, as the width allows (38 columns each).
        let columns = max(1, min(max(1, state.size.width / 38), (rows.count + available - 1) / available))
        let perColumn = max(1, (rows.count + columns - 1) / columns)
        let columnWidth = (state.size.width - 2) / columns
        for (i, row) in rows.enumerated() {
            let column = i / perColumn, line = i % perColumn
            guard line < available else { continue }
            screen.draw(row, x: 2 + column * columnWidth, y: layout.bodyTop + 2 + line, width: columnWidth - 2)
        }
        // The footer's parts ("    "-separated) go on their own lines at the bottom.
        let footer = t.helpFooter.split(separator: "    ").map(String.init)
        for (i, part) in footer.enumerated() {
            screen.draw([Span(" " + part, .dim)], y: layout.bodyTop + layout.bodyHeight - footer.count + i)
        }
    }
}
