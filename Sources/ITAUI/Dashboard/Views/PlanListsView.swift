import ITACore

/// Screens 7 and 8: the committee's members and its milestones, a row each, for the chair and
/// the secretary to keep (`a`, `E`, `L`/`X`); everyone else sees them.
enum PlanListsView {
    static func drawMembers(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let f = state.language.form, s = state.strings, board = state.board
        let open = Dictionary(grouping: state.data.tasks.filter { $0.status.isOpen }, by: \.ownerID).mapValues(\.count)
        let rows = board.members.map { m -> [String] in
            let owns = board.targets(ownedBy: m.id)
            let shown = owns.prefix(6).map { state.text.targetShort($0) }.joined(separator: " ") + (owns.count > 6 ? " +\(owns.count - 6)" : "")
            return [m.login, m.name.truncated(toWidth: 24), m.leftOn.map { state.language.plan.left(s.date($0)) } ?? state.language.plan.role(m.role),
                    m.workGroup.truncated(toWidth: 24), m.lineName.truncated(toWidth: 18),
                    shown, String(open[m.id] ?? 0)]
        }
        // Narrow terminals keep what the screen is for: who, their role, what they own and have open.
        let keep = state.size.width >= 110 ? Array(0..<7) : [0, 1, 2, 6, 5]
        draw(state, title: f.membersTitle(board.members.count), header: keep.map { state.language.plan.membersHeader[$0] }, rows: rows.map { r in keep.map { r[$0] } },
             cursor: state.memberCursor,
             top: state.memberTop, dim: board.members.map(\.hasLeft), into: &screen, layout: layout)
    }

    static func drawMilestones(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let f = state.language.form, s = state.strings
        let milestones = state.milestoneRows
        let narrow = state.size.width < 110
        let rows = milestones.map { m -> [String] in
            [m.key, (state.language == .th ? m.titleTH : m.titleEN).truncated(toWidth: narrow ? 24 : 60), m.starts.map(s.date) ?? "–", s.date(m.due),
             state.text.dueShort(Countdown(calendarDays: state.today.days(to: m.due))), m.covers.joined(separator: ",")]
        }
        let keep = narrow ? [0, 1, 3, 4, 5] : Array(0..<6)
        draw(state, title: f.milestonesTitle(milestones.count), header: keep.map { f.milestonesHeader[$0] }, rows: rows.map { r in keep.map { r[$0] } },
             cursor: state.milestoneCursor,
             top: state.milestoneTop, dim: milestones.map { $0.due < state.today }, into: &screen, layout: layout)
    }

    /// A heading, a header row and rows in aligned columns (the last column takes what is left).
    static func draw(_ state: AppState, title: String, header: [String], rows: [[String]], cursor: Int, top: Int, dim: [Bool],
                     into screen: inout Screen, layout: Layout) {
        screen.draw([Span(" " + title, .heading)], y: layout.bodyTop)
        let lines = TextReports.columns([header] + rows)
        screen.draw([Span(" " + lines[0], .dim)], y: layout.bodyTop + 1, width: state.size.width)
        let height = layout.taskListHeight + layout.detailHeight
        for row in 0..<height {
            let index = top + row
            guard index < rows.count else { break }
            let y = layout.taskListTop + row
            screen.draw([Span(" " + lines[index + 1], dim[index] ? .dim : .normal)], y: y, width: state.size.width)
            if index == cursor { screen.restyle(y: y, style: .selected) }
        }
    }
}
