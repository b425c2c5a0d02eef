import ITACore

/// The `?` help of any program, drawn into a rectangle: a title, one row per command (its keys and
/// what it does; a disabled one dimmed with why), in as many columns as the width allows, scrolling
/// when it is taller than the room, and footer lines at the bottom.
public struct HelpPanel: Sendable {
    public struct Row: Hashable, Sendable {
        public var keys: String
        public var title: String
        /// Why it does not work now (nil: it works).
        public var disabled: String?

        public init(keys: String, title: String, disabled: String? = nil) {
            self.keys = keys
            self.title = title
            self.disabled = disabled
        }
    }

    public var rows: [Row]
    public var title: String
    public var footer: [String]
    /// "lines 3–12 of 30 · j/k scroll"
    public var scrollNote: @Sendable (Int, Int, Int) -> String

    public init(rows: [Row], title: String, footer: [String], scrollNote: @escaping @Sendable (Int, Int, Int) -> String) {
        self.rows = rows
        self.title = title
        self.footer = footer
        self.scrollNote = scrollNote
    }

    /// Rows for a key table: one per command, its keys in order, `title` for what it does, the scopes
    /// where it works when not all, and the disabled reason of its need.
    public init<C: KeyCommand>(_ table: KeyTable<C>, title: String, footer: [String], scrollNote: @escaping @Sendable (Int, Int, Int) -> String,
                               commandTitle: (C) -> String, scopeNames: ([C.Scope]) -> String? = { _ in nil },
                               disabledReason: (C.Need) -> String? = { _ in nil }) {
        let rows = table.helpEntries.map { entry -> Row in
            var text = commandTitle(entry.command)
            if let scopes = entry.scopes, let names = scopeNames(C.Scope.allCases.filter(scopes.contains)) { text += " (" + names + ")" }
            return Row(keys: KeyPress.labels(entry.keys).joined(separator: " "), title: text, disabled: entry.needs.flatMap(disabledReason))
        }
        self.init(rows: rows, title: title, footer: footer, scrollNote: scrollNote)
    }

    /// Columns, rows per column and visible rows for a rectangle.
    func shape(width: Int, height: Int) -> (columns: Int, perColumn: Int, available: Int) {
        let available = max(1, height - 2 - footer.count)
        let columns = max(1, min(max(1, width / 38), (rows.count + available - 1) / available))
        return (columns, max(1, (rows.count + columns - 1) / columns), available)
    }

    /// The last first line that still fills the rectangle.
    public func lastTop(width: Int, height: Int) -> Int {
        let (_, perColumn, available) = shape(width: width, height: height)
        return max(0, perColumn - available)
    }

    /// Moves `top` for a key; false when the key closes the help (any key that does not scroll).
    public func scroll(_ top: inout Int, by key: KeyPress, width: Int, height: Int) -> Bool {
        let page = max(1, shape(width: width, height: height).available - 1)
        switch key.latinEquivalent {
        case .character("j"), .down: top += 1
        case .character("k"), .up: top -= 1
        case .control("d"), .pageDown, .character(" "): top += page
        case .control("u"), .pageUp: top -= page
        case .character("g"), .home: top = 0
        case .character("G"), .end: top = Int.max / 2
        default: return false
        }
        top = max(0, min(top, lastTop(width: width, height: height)))
        return true
    }

    public func draw(into screen: inout Screen, x: Int, y: Int, width: Int, height: Int, top wanted: Int) {
        screen.draw([Span(" " + title, .heading)], x: x, y: y, width: width)
        let (columns, perColumn, available) = shape(width: width, height: height)
        let top = max(0, min(wanted, perColumn - available))
        let columnWidth = max(1, (width - 2) / columns)
        // The keys' column as wide as the widest keys, within a third of the column.
        let keysWidth = min(max(8, rows.map { $0.keys.displayWidth }.max() ?? 8) + 2, max(8, columnWidth / 3))
        for (i, row) in rows.enumerated() {
            let column = i / perColumn, line = i % perColumn - top
            guard line >= 0, line < available else { continue }
            var spans = [Span(row.keys.truncated(toWidth: keysWidth - 2).padded(toWidth: keysWidth), row.disabled == nil ? .hintKey : .dim), Span(row.title, row.disabled == nil ? .normal : .dim)]
            if let why = row.disabled, !why.isEmpty { spans.append(Span(" — " + why, .dim)) }
            screen.draw(spans, x: x + 2 + column * columnWidth, y: y + 2 + line, width: columnWidth - 2)
        }
        if perColumn > available {
            let more = scrollNote(top + 1, min(perColumn, top + available), perColumn)
            screen.draw([Span(more, .dim)], x: max(x + 1, x + width - more.displayWidth - 1), y: y)
        }
        for (i, part) in footer.enumerated() {
            screen.draw([Span(" " + part, .dim)], x: x, y: y + height - footer.count + i, width: width)
        }
    }
}
