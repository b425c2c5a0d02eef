import ITACore

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
