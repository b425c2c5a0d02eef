import ITACore

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
            var below = r.belowTargetLastYear ? " ▼" : ""
            if case .item(let code) = r.node, let finding = state.evidenceMarks[code] { below += finding == .broken ? " ✗" : " ⚠" }
            let room = nameWidth - indent.displayWidth - fold.displayWidth - below.displayWidth
            var name = [Span(indent + fold, .dim), Span(r.title.sanitizedForTerminal.truncated(toWidth: max(1, room)), titleStyle)]
            if !below.isEmpty { name.append(Span(below, .overdue)) }
            let owner = state.board.member(r.ownerID)?.name.sanitizedForTerminal ?? ""
            let due = r.nearestDue.map { dueText($0, state) } ?? ""
            let standing = r.tally.standing(passes: r.passes)
            let markStyle: StyleRole
            switch standing {
            case .noTasks: markStyle = .dim
            case .allDone: markStyle = .done
            case .doneNoEvidence: markStyle = .soon
            case .overdue: markStyle = .overdue
            case .blocked: markStyle = .blocked
            case .open: markStyle = .todo
            }
            screen.draw([Span(" ")] + columns(name, owner: owner, done: "\(r.tally.done)/\(r.tally.total)", due: due, mark: Span(t.treeMark(standing), markStyle)), y: y)
            if index == state.treeCursor { screen.restyle(y: y, style: .selected) }
        }
    }

    static func dueText(_ date: CivilDate, _ state: AppState) -> String {
        state.language == .th ? "\(date.day) \(ThaiDateFormat.monthAbbreviations[date.month - 1])" : ThaiDateFormat.english(date).split(separator: " ").prefix(2).joined(separator: " ")
    }
}
