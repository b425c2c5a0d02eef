/// Big digits and grade letters drawn with block characters, readable from the back of a meeting
/// room in any terminal: only █ ▀ ▄ and spaces.
public enum BigText {
    /// Sizes, smallest first: `compact` is 3 rows of half blocks; `scale(n)` is the 5-row font with
    /// every dot n rows tall and 2n columns wide (terminal cells are about twice as tall as wide).
    public enum Size: Hashable, Sendable {
        case compact
        case scale(Int)

        public var height: Int {
            switch self {
            case .compact: return 3
            case .scale(let n): return 5 * n
            }
        }
    }

    /// 5 rows × 3 dots per glyph ("#" is a dot).
    static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"],
        "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"],
        "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"],
        "7": ["###", "  #", "  #", " # ", " # "],
        "8": ["###", "# #", "###", "# #", "###"],
        "9": ["###", "# #", "###", "  #", "###"],
        "A": ["###", "# #", "###", "# #", "# #"],
        "B": ["## ", "# #", "## ", "# #", "## "],
        "C": ["###", "#  ", "#  ", "#  ", "###"],
        "D": ["## ", "# #", "# #", "# #", "## "],
        "E": ["###", "#  ", "## ", "#  ", "###"],
        "F": ["###", "#  ", "## ", "#  ", "#  "],
        "+": ["   ", " # ", "###", " # ", "   "],
        "-": ["   ", "   ", "###", "   ", "   "],
        "/": ["  #", "  #", " # ", "#  ", "#  "],
        "%": ["# #", "  #", " # ", "#  ", "# #"],
        "!": ["#", "#", "#", " ", "#"],
        ".": [" ", " ", " ", " ", "#"],
        ":": [" ", "#", " ", "#", " "],
        " ": ["  ", "  ", "  ", "  ", "  "],
        "✓": ["   #", "   #", "  # ", "# # ", " #  "],
    ]

    /// Whether every character of `text` has a big form.
    public static func canDraw(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy { font[$0] != nil } }

    /// The rows of `text` at `size` (characters without a big form are skipped).
    public static func lines(_ text: String, size: Size) -> [String] {
        let glyphs = text.compactMap { font[$0] }
        // Dots per row, one blank dot between glyphs.
        var dots = Array(repeating: "", count: 5)
        for (index, glyph) in glyphs.enumerated() {
            for row in 0..<5 { dots[row] += (index > 0 ? " " : "") + glyph[row] }
        }
        switch size {
        case .compact:
            return stride(from: 0, to: 5, by: 2).map { row in
                let top = Array(dots[row]), bottom = row + 1 < 5 ? Array(dots[row + 1]) : Array(repeating: " ", count: top.count)
                return String(zip(top, bottom).map { t, b -> Character in
                    switch (t == "#", b == "#") {
                    case (true, true): return "█"
                    case (true, false): return "▀"
                    case (false, true): return "▄"
                    case (false, false): return " "
                    }
                })
            }
        case .scale(let n):
            return dots.flatMap { row -> [String] in
                let line = String(row.flatMap { dot in Array(repeating: dot == "#" ? Character("█") : " ", count: 2 * n) })
                return Array(repeating: line, count: n)
            }
        }
    }

    public static func width(_ text: String, size: Size) -> Int { lines(text, size: size).first?.count ?? 0 }

    /// The largest size at which `text` fits in `width` × `height`, no larger than `scale(maxScale)`.
    public static func largest(_ text: String, width: Int, height: Int, maxScale: Int = 4) -> Size? {
        for n in stride(from: maxScale, through: 1, by: -1) {
            let size = Size.scale(n)
            if size.height <= height, self.width(text, size: size) <= width { return size }
        }
        let compact = Size.compact
        return compact.height <= height && self.width(text, size: compact) <= width ? compact : nil
    }

    /// Draws `text` big with its top-left at (x, y); returns the width drawn.
    @discardableResult
    public static func draw(_ text: String, size: Size, x: Int, y: Int, style: StyleRole, into screen: inout Screen) -> Int {
        let rows = lines(text, size: size)
        for (i, row) in rows.enumerated() {
            // Blank dots stay unpainted so a selection background shows through.
            for (j, ch) in row.enumerated() where ch != " " {
                screen.put(String(ch), x: x + j, y: y + i, style: style, maxWidth: 1)
            }
        }
        return rows.first?.count ?? 0
    }
}
