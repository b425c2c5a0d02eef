/// Terminal display width, the one place that decides how many columns text takes.
///
/// Per Unicode scalar: Thai marks above and below (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E) and other
/// combining marks take 0 columns; SARA AM (U+0E33) takes 1; controls 0; East Asian wide and emoji 2.
/// `String.count` is not a width: "น้ำ" is one Character and two columns.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v == 0xAD { return 0 }    // soft hyphen: never drawn (TerminalSafety drops it)
        if v < 0x0300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if v < 0x1100 { return 1 }   // Thai and every other script below Hangul: no wide characters
        if isWide(v) { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar) }
        return total
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E: return true   // Thai above/below marks
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x0EB1, 0x0EB4...0x0EBC, 0x0EC8...0x0ECD,                  // Lao marks
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFEFF: return true   // zero-width, bidi
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true           // variation selectors
        default: return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default: return false
        }
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
