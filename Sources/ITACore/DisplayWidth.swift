/// Terminal display width, the one place that decides how many columns text takes.
///
/// Per Unicode scalar (tables generated from Unicode data, see `WidthTables`): combining and format
/// characters (Thai marks above and below among them) take 0 columns; SARA AM (U+0E33) takes 1;
/// controls 0; East Asian wide and emoji 2. Per character (a grapheme cluster), emoji sequences are
/// one 2-column cell: a narrow emoji made wide by VS16 (❤️), a ZWJ sequence (👨‍👩‍👧), a skin tone
/// (👍🏽) and a flag (🇹🇭) — as Python's `wcwidth` measures them. `String.count` is not a width:
/// "น้ำ" is one Character and two columns.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x0300 { return v == 0xAD ? 0 : 1 }   // the soft hyphen is never drawn (TerminalSafety drops it)
        if v >= 0x0E00 && v < 0x0E80 { return thai(v) }
        if contains(WidthTables.zero, v) { return 0 }
        if v >= 0x1100, contains(WidthTables.wide, v) { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int {
        if let width = plainWidth(text) { return width }
        return ofScalars(text)
    }

    /// A scalar of the Thai block (U+0E00–U+0E7F): marks above and below take no column.
    @inline(__always) static func thai(_ v: UInt32) -> Int {
        v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v) ? 0 : 1
    }

    /// The width of text that is only printable ASCII and Thai, read from its UTF-8 bytes (Thai is
    /// E0 B8 xx and E0 B9 xx); nil for anything else. Reports print thousands of such titles.
    static func plainWidth(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var total = 0, i = 0
            let count = bytes.count
            while i < count {
                let b = bytes[i]
                if b >= 0x20 && b < 0x7F { total += 1; i += 1; continue }
                guard b == 0xE0, i + 2 < count, bytes[i + 1] == 0xB8 || bytes[i + 1] == 0xB9 else { return nil }
                let v = UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                total += thai(v)
                i += 3
            }
            return total
        } ?? nil
    }

    /// Scalar by scalar (no grapheme breaking) unless the text has an emoji sequence in it.
    static func ofScalars(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if isSequencePart(v) {
                total = 0
                for character in text { total += of(character) }
                return total
            }
            total += of(scalar)
        }
        return total
    }

    public static func of(_ character: Character) -> Int {
        // Most characters are one scalar (or Thai with its marks): no sequence to look at.
        var total = 0
        for scalar in character.unicodeScalars {
            if isSequencePart(scalar.value) {
                total = 0
                for cell in cells(of: character) { total += cell.width }
                return total
            }
            total += of(scalar)
        }
        return total
    }

    /// The terminal cells a character takes: each spacing scalar opens a cell and the zero-width
    /// marks after it ride on it ("สำ" is two cells), but an emoji sequence is one cell of 2.
    public static func cells(of character: Character) -> [(text: String, width: Int)] {
        var cells: [(text: String, width: Int)] = []
        var joinsNext = false, regional = 0
        for scalar in character.unicodeScalars {
            let v = scalar.value
            func ride() {
                if cells.isEmpty { cells.append((String(scalar), 0)) } else { cells[cells.count - 1].text.unicodeScalars.append(scalar) }
            }
            if v == 0x200D { ride(); joinsNext = true; continue }           // ZWJ: the next one joins this cell
            if joinsNext { ride(); joinsNext = false; continue }
            if v == 0xFE0F {                                                 // VS16: emoji presentation
                if let last = cells.last, last.width == 1, let base = last.text.unicodeScalars.first, contains(WidthTables.vs16, base.value) {
                    cells[cells.count - 1].width = 2
                }
                ride()
                continue
            }
            if (0x1F1E6...0x1F1FF).contains(v) {                             // regional indicators pair into a flag
                regional += 1
                if regional % 2 == 0, !cells.isEmpty { ride(); continue }
            }
            if (0x1F3FB...0x1F3FF).contains(v), let last = cells.last, last.width == 2 { ride(); continue }   // skin tone
            let width = of(scalar)
            if width == 0 { ride() } else { cells.append((String(scalar), width)) }
        }
        return cells
    }

    /// ZWJ, VS16, a regional indicator or a skin tone: the scalars that join an emoji sequence.
    @inline(__always)
    static func isSequencePart(_ v: UInt32) -> Bool {
        v == 0x200D || v == 0xFE0F || (0x1F1E6...0x1F1FF).contains(v) || (0x1F3FB...0x1F3FF).contains(v)
    }

    static func contains(_ table: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        guard let first = table.first, v >= first.lowerBound, v <= table[table.count - 1].upperBound else { return false }
        var low = 0, high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < table[mid].lowerBound { high = mid - 1 } else if v > table[mid].upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}

extension String {
    /// Columns this text takes in a terminal. See `DisplayWidth`.
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// Cuts to at most `width` columns at grapheme boundaries, ending in "…" when cut.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let room = width - ellipsis.displayWidth
        guard room >= 0 else { return "" }
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            result.append(character)
            used += w
        }
        while result.last == " " { result.removeLast() }
        return result + ellipsis
    }

    /// Truncates to `width` columns, then pads with spaces on the right to exactly `width`.
    public func padded(toWidth width: Int) -> String {
        let own = displayWidth
        if own == width { return self }
        if own < width { return self + String(repeating: " ", count: width - own) }
        let cut = truncated(toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - cut.displayWidth))
    }

    /// Pads on the left to `width` columns (numbers in tables).
    public func leftPadded(toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - displayWidth)) + self
    }
}
