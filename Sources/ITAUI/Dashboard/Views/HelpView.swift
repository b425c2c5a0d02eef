import ITACore

/// `?`: every binding, generated from `Keymap.bindings`.
enum HelpView {
    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let t = state.text
        screen.draw([Span(" " + t.helpTitle, .heading)], y: layout.bodyTop)
        let rows = self.rows(state)
        let (columns, perColumn, available) = shape(state, rowCount: rows.count)
        let top = min(state.helpTop, max(0, perColumn - available))
        let columnWidth = (state.size.width - 2) / columns
        for (i, row) in rows.enumerated() {
            let column = i / perColumn, line = i % perColumn - top
            guard line >= 0, line < available else { continue }
            screen.draw(row, x: 2 + column * columnWidth, y: layout.bodyTop + 2 + line, width: columnWidth - 2)
        }
        if perColumn > available {
            // Where we are in a help longer than the screen, and how to move.
            let more = t.helpScroll(top + 1, min(perColumn, top + available), perColumn)
            screen.draw([Span(more, .dim)], x: max(1, state.size.width - more.displayWidth - 1), y: layout.bodyTop)
        }
        // The footer's parts ("    "-separated) go on their own lines at the bottom.
        let footer = t.helpFooter.split(separator: "    ").map(String.init)
        for (i, part) in footer.enumerated() {
            screen.draw([Span(" " + part, .dim)], y: layout.bodyTop + layout.bodyHeight - footer.count + i)
        }
    }

    /// One row per command: its keys and what it does (and on which screens, when not all).
    static func rows(_ state: AppState) -> [[Span]] {
        let t = state.text
        var seen = Set<Command>()
        var rows: [[Span]] = []
        for binding in Keymap.bindings where seen.insert(binding.command).inserted {
            let keys = Keymap.bindings.filter { $0.command == binding.command }.flatMap(\.keys)
            var unique: [KeyPress] = []
            for key in keys where !unique.contains(key) { unique.append(key) }
            var where_ = ""
            let screens = Keymap.bindings.filter { $0.command == binding.command }.reduce(into: Set<ScreenID>()) { set, b in
                set.formUnion(b.screens ?? Set(ScreenID.allCases))
            }
            if screens.count < ScreenID.allCases.count {
                where_ = " (" + ScreenID.allCases.filter { screens.contains($0) }.map { "\($0.number)" }.joined(separator: ",") + ")"
            }
            rows.append([Span(unique.map(\.label).joined(separator: " ").padded(toWidth: 13), .hintKey),
                         Span(t.commandTitle(binding.command) + where_)])
        }
        return rows
    }

    /// As many columns as it takes to fit the height, as the width allows (38 columns each).
    static func shape(_ state: AppState, rowCount: Int) -> (columns: Int, perColumn: Int, available: Int) {
        let layout = Layout(size: state.size)
        let available = max(1, layout.bodyHeight - 5)
        let columns = max(1, min(max(1, state.size.width / 38), (rowCount + available - 1) / available))
        return (columns, max(1, (rowCount + columns - 1) / columns), available)
    }

    /// The last first-line that still fills the screen.
    static func lastTop(_ state: AppState) -> Int {
        let (_, perColumn, available) = shape(state, rowCount: rows(state).count)
        return max(0, perColumn - available)
    }
}
