import ITACore

/// A grid of cells that views draw into. The terminal layer writes it out; tests read it as text.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: StyleRole = .normal) {
        self.size = size
        cells = Array(repeating: Cell(text: " ", style: fill), count: max(0, size.width * size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Writes `text` at (x, y), clipped at `x + maxWidth` and at the right edge, cluster-safe: the
    /// caller truncates with "…" first when it wants an ellipsis. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: StyleRole, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return x }
        // Every frame's text passes here: data can never drive the terminal (see TerminalSafety).
        let text = TerminalSafety.sanitize(text)
        let limit = min(size.width, x + (maxWidth ?? size.width))
        var column = x
        /// Puts one cell at `column` (a wide one leaves its continuation empty), or, with no width,
        /// adds marks to the cell before.
        func place(_ piece: String, _ width: Int) {
            if width == 0 {
                if column > x, column - 1 < size.width { self[column - 1, y].text += piece }
                return
            }
            if column >= 0 { self[column, y] = Cell(text: piece, style: style) }
            if width == 2, column + 1 < size.width { self[column + 1, y] = Cell(text: "", style: style) }
            column += width
        }
        for character in text {
            let width = DisplayWidth.of(character)
            if width > 0, column + width > limit { break }
            if width == 0 || character.unicodeScalars.count == 1 {
                // One scalar is one cell; a lone mark (data starting with one) rides on the cell before.
                place(String(character), width)
            } else {
                // Each spacing scalar opens a cell and the marks after it join it; an emoji sequence is one cell.
                for (piece, pieceWidth) in DisplayWidth.cells(of: character) { place(piece, pieceWidth) }
            }
        }
        return column
    }

    /// Fills a row segment with one style (a highlighted bar, a selection).
    public mutating func fill(y: Int, from x: Int = 0, width: Int? = nil, style: StyleRole, text: String = " ") {
        guard y >= 0, y < size.height else { return }
        let end = min(size.width, x + (width ?? size.width))
        guard x < end else { return }
        for column in max(0, x)..<end { self[column, y] = Cell(text: text, style: style) }
    }

    /// Restyles a row segment, keeping its text.
    public mutating func restyle(y: Int, from x: Int = 0, width: Int? = nil, style: StyleRole) {
        guard y >= 0, y < size.height else { return }
        let end = min(size.width, x + (width ?? size.width))
        guard x < end else { return }
        for column in max(0, x)..<end { self[column, y].style = style }
    }

    /// The rows as plain text (continuation cells skipped), trailing spaces kept.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for x in 0..<size.width { line += self[x, y].text }
            return line
        }
    }

    /// The rows as text with trailing spaces removed: what `ita snapshot` prints.
    public var trimmedLines: [String] {
        lines.map { line in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return String(line[..<end])
        }
    }
}
