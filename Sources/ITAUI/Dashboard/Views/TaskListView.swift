import ITACore

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
