/// The one rule for text from data on its way out: to a terminal, a clipboard payload, or a
/// message meant for pasting into LINE.
///
/// Removed: C0 and C1 controls, DEL, every ESC / CSI / OSC / DCS / SOS / PM / APC sequence (7-bit
/// and 8-bit forms), the bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069)
/// and marks (LRM, RLM, ALM), the soft hyphen and the BOM / zero-width no-break space. Tabs,
/// carriage returns, newlines and U+2028/U+2029 become one space (or, keeping lines, a newline).
/// ZWJ stays: emoji sequences need it, and it takes no column.
public enum TerminalSafety {
    /// Whether a scalar is one the rule removes or replaces.
    @inlinable
    public static func isUnsafe(_ v: UInt32) -> Bool {
        if v < 0x20 { return true }
        if v < 0x7F { return false }
        if v <= 0x9F { return true }                       // DEL and C1
        if v < 0x00AD { return false }
        switch v {
        case 0x00AD, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Whether `text` has nothing the rule would change.
    /// Every printed report passes through here whole, so it reads UTF-8 bytes rather than decoding
    /// scalars: each unsafe scalar is recognised by its encoding (the lead bytes C2, D8, E2 and EF,
    /// and ASCII controls); Thai (E0 B8/B9) and other text never leave the fast loop.
    public static func isSafe(_ text: String, keepingLines: Bool = false) -> Bool {
        var text = text
        return text.withUTF8 { isSafe(utf8: $0, keepingLines: keepingLines) }
    }

    static func isSafe(utf8 bytes: UnsafeBufferPointer<UInt8>, keepingLines: Bool) -> Bool {
        let count = bytes.count
        func byte(_ i: Int) -> UInt8 { i < count ? bytes[i] : 0 }
        var i = 0
        while i < count {
            // Eight bytes at a time while none of them can start anything unsafe: no ASCII control or
            // DEL, and none of the four lead bytes (a printed table of Thai titles is mostly this).
            if i + 8 <= count, plainWord(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = bytes[i]
            i += 1
            if c < 0x80 {
                if c >= 0x20 && c != 0x7F { continue }
                if keepingLines && c == 0x0A { continue }
                return false
            }
            switch c {
            case 0xC2:   // U+0080–U+009F (C1) and U+00AD
                let next = byte(i)
                if next <= 0x9F || next == 0xAD { return false }
            case 0xD8:   // U+061C
                if byte(i) == 0x9C { return false }
            case 0xE2:   // U+200E, U+200F, U+2028–U+202E, U+2066–U+2069
                let next = byte(i), third = byte(i + 1)
                if next == 0x80 && (third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third)) { return false }
                if next == 0x81 && (0xA6...0xA9).contains(third) { return false }
            case 0xEF:   // U+FEFF
                if byte(i) == 0xBB && byte(i + 1) == 0xBF { return false }
            default:
                break
            }
        }
        return true
    }

    /// Whether no byte of `word` is below 0x20, 0x7F, 0xC2, 0xD8, 0xE2 or 0xEF (SWAR: a byte of
    /// `x - 0x01…01` borrows into its top bit where `x` had a zero byte).
    @inline(__always) static func plainWord(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        // A byte below 0x20 (hasless: valid for a bound up to 0x80, and exact about whether one exists).
        if (word &- (ones &* 0x20)) & ~word & highs != 0 { return false }
        return !hasZero(word ^ (ones &* 0x7F)) && !hasZero(word ^ (ones &* 0xC2)) && !hasZero(word ^ (ones &* 0xD8))
            && !hasZero(word ^ (ones &* 0xE2)) && !hasZero(word ^ (ones &* 0xEF))
    }

    /// `text` with the rule applied. With `keepingLines`, newlines (and U+2028/2029, CR LF) stay
    /// line breaks; otherwise every line break becomes a space.
    public static func sanitize(_ text: String, keepingLines: Bool = false) -> String {
        if isSafe(text, keepingLines: keepingLines) { return text }
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        /// Skips a control string's body up to its terminator: BEL, ST (U+009C) or ESC \.
        func skipControlString() {
            while let c = next() {
                if c.value == 0x07 || c.value == 0x9C { return }
                if c.value == 0x1B {
                    guard let after = next() else { return }
                    if after == "\\" { return }
                    pending = after   // a new sequence starts: handle it normally
                    return
                }
            }
        }
        /// Skips a CSI's parameters and intermediates through its final byte.
        func skipCSI() {
            while let c = next() {
                if (0x40...0x7E).contains(c.value) { return }
                if c.value < 0x20 || c.value > 0x7E { pending = c; return }   // malformed: stop at the foreign byte
            }
        }
        let lineBreak: Unicode.Scalar = keepingLines ? "\n" : " "
        var lastWasCR = false
        while let scalar = next() {
            let v = scalar.value
            defer { lastWasCR = v == 0x0D }
            switch v {
            case 0x1B:
                guard let kind = next() else { break }
                switch kind {
                case "[": skipCSI()
                case "]", "P", "X", "^", "_": skipControlString()
                case "\u{1B}": pending = kind
                default:
                    // Two- or three-character escapes (ESC ( B, ESC 7, ESC c …): intermediates, then a final byte.
                    var c: Unicode.Scalar? = kind
                    while let current = c, (0x20...0x2F).contains(current.value) { c = next() }
                    if let current = c, current.value < 0x20 || current.value > 0x7E { pending = current }
                }
            case 0x9B: skipCSI()
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: skipControlString()
            case 0x0A:
                if !(keepingLines && lastWasCR) { out.append(lineBreak) }
            case 0x0D: out.append(lineBreak)
            case 0x09: out.append(" ")
            case 0x2028, 0x2029: out.append(lineBreak)
            default:
                if isUnsafe(v) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// JSON text whose strings may hold anything: every scalar the rule removes is written as a
    /// `\uXXXX` escape, so the data stays whole but printing the JSON cannot drive a terminal.
    /// (JSONEncoder already escapes U+0000–U+001F; this adds DEL, C1, bidi controls and the rest.)
    public static func escapingJSON(_ json: String) -> String {
        if isSafe(json, keepingLines: true) { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if scalar != "\n", isUnsafe(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// This text on one line, safe for a terminal: see `TerminalSafety`.
    public var sanitizedForTerminal: String { TerminalSafety.sanitize(self) }

    /// This text, safe for a terminal or a paste, keeping its line breaks: see `TerminalSafety`.
    public var sanitizedKeepingLines: String { TerminalSafety.sanitize(self, keepingLines: true) }
}

/// Where a byte sequence stops being UTF-8, for errors that name the line and byte.
public enum UTF8Check {
    public struct Position: Hashable, Sendable {
        /// 1-based line, and the 1-based byte within that line.
        public var line: Int, byte: Int
        /// The offending byte.
        public var value: UInt8
    }

    /// The first byte that is not part of valid UTF-8, or nil when all of it is.
    public static func firstInvalid(_ bytes: some Collection<UInt8>) -> Position? {
        var line = 1, lineStart = 0, index = 0
        var iterator = bytes.makeIterator()
        func fail(_ at: Int, _ value: UInt8) -> Position { Position(line: line, byte: at - lineStart + 1, value: value) }
        while let byte = iterator.next() {
            defer { index += 1 }
            if byte < 0x80 {
                if byte == 0x0A { line += 1; lineStart = index + 1 }
                continue
            }
            let start = index
            let length: Int, minimum: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return fail(index, byte)
            }
            var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for _ in 1..<length {
                guard let next = iterator.next() else { return fail(start, byte) }
                guard next & 0xC0 == 0x80 else { return fail(start, byte) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
                index += 1
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return fail(start, byte) }
        }
        return nil
    }

    /// `not UTF-8 text (line 3, byte 17: 0xE0)` — the words ita adds to a file's name.
    public static func describe(_ position: Position, thai: Bool = false) -> String {
        let hex = String(position.value, radix: 16, uppercase: true)
        let byte = "0x\(hex.count < 2 ? "0" : "")\(hex)"
        return thai ? "ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ \(position.byte) ของบรรทัด: \(byte)) — บันทึกไฟล์เป็น UTF-8"
                    : "not UTF-8 text (byte \(position.byte) of the line: \(byte)) — save the file as UTF-8"
    }
}
