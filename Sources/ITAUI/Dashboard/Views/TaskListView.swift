import ITACore

/// Screens 3 and 4, and the tasks of a tree row.
enum TaskListView {
    static func draw(_ state: AppState, list: TaskList, title: String, into screen: inout Screen, layout: Layout) {
        let s = state.strings, t = state.text
        let w = state.size.width
        let tasks = state.data.tasks
        screen.draw([Span(" " + title, .heading)], y: layout.bodyTop)
        let table = TaskTable(width: w, idWidth: state.idColumnWidth, strings: s, text: t, framework: state.board.framework, today: state.today)
        let h = s.taskHeaders
        screen.draw(table.header((h.status, h.id, h.due, h.target, h.owner, h.title)), y: layout.bodyTop + 1)

        let extra = list == state.mine && state.screen == .mine ? state.itemsWithoutTasks : []
        if list.indices.isEmpty && extra.isEmpty {
            screen.draw([Span(" " + s.noTasks, .dim)], y: layout.taskListTop)
        }
        let calendar = state.board.assessment.workingCalendar
        for row in 0..<layout.taskListHeight {
            let index = list.top + row
            if index >= list.indices.count, index - list.indices.count < extra.count {
                // An item of the viewer's with no task yet: it can never pass, so it is a row of its own.
                let code = extra[index - list.indices.count]
                let y = layout.taskListTop + row
                let title = state.board.framework.item(code).map { state.language == .th ? $0.titleTH : $0.titleEN } ?? ""
                screen.draw([Span(" ○ ", .overdue), Span(code.padded(toWidth: 5), .accent), Span(state.language.form.noTaskYet + "  ", .overdue),
                             Span(title.sanitizedForTerminal, .dim)], y: y, width: w)
                if index == list.cursor { screen.restyle(y: y, style: .selected) }
                continue
            }
            guard index < list.indices.count else { break }
            let task = tasks[list.indices[index]]
            let y = layout.taskListTop + row
            let owner = state.board.member(task.ownerID)?.name ?? "#\(task.ownerID)"
            screen.draw(table.row(task, ownerName: owner, today: state.today, calendar: calendar, strings: s, text: t), y: y)
            if index == list.cursor { screen.restyle(y: y, style: .selected) }
        }

        guard layout.detailHeight > 0, list.indices.indices.contains(list.cursor) else { return }
        let task = tasks[list.indices[list.cursor]]
        let y = layout.taskListTop + layout.taskListHeight
        screen.fill(y: y, style: .normal, text: "─")
        screen.restyle(y: y, style: .dim)
        // The whole title, wrapped, when the row had to cut it; then the details on the last line.
        let fullTitle = task.title.sanitizedForTerminal
        var detailRow = y + 1
        if fullTitle.displayWidth > table.title, layout.detailHeight > 2 {
            let lines = ("#\(task.id) " + fullTitle).wrapped(toWidth: w - 2)
            for line in lines.prefix(layout.detailHeight - 2) {
                screen.draw([Span(" " + line)], y: detailRow)
                detailRow += 1
            }
        }
        // What the assessor checks for the task's item, numbered, when a line is free above the details.
        if case .item(let code) = task.target, let components = state.board.framework.item(code)?.components, !components.isEmpty,
           detailRow < y + layout.detailHeight - 1 {
            let list = components.enumerated().map { "\($0.offset + 1)) \($0.element.sanitizedForTerminal)" }.joined(separator: "  ")
            screen.draw([Span(" \(code) \(state.language.form.componentsLabel): ", .dim), Span(list)], y: detailRow, width: w)
            detailRow += 1
        }
        var detail: [Span] = []
        if task.status == .blocked, let reason = task.blockedReason {
            detail += [Span(" \(t.blockedLabel): ", .blocked), Span(reason.sanitizedForTerminal)]
        }
        detail += [Span(" \(t.evidenceLabel): ", .dim), Span(task.evidence.isEmpty ? "–" : task.evidence.joined(separator: " ").sanitizedForTerminal)]
        if let finding = state.board.evidenceFinding(task) {
            detail.append(Span("  " + state.language.form.evidenceFinding(finding), finding == .broken ? .overdue : .soon))
        }
        if !task.note.isEmpty { detail += [Span("  \(t.noteLabel): ", .dim), Span(task.note.sanitizedForTerminal)] }
        if case .item(let code) = task.target, let period = state.board.framework.item(code)?.evidencePeriod {
            detail.append(Span("  " + state.language.form.evidencePeriod(period, state.board.framework.fiscalYear), .dim))
        }
        if task.status == .done, let by = state.board.member(task.doneBy) {
            detail.append(Span("  " + t.doneByLabel(by.name.sanitizedForTerminal, task.doneAt.map { s.date($0.date) } ?? ""), .done))
        }
        screen.draw(detail, y: detailRow)
    }
}
