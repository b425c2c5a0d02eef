/// A key as the terminal layer reports it, independent of ncurses key codes.
public enum KeyPress: Hashable, Sendable {
    case character(Unicode.Scalar)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    /// Ctrl plus a letter, lower case (`.control("c")`).
    case control(Character)
    case function(Int)

    /// The Latin key on the same physical key of a Kedmanee (Thai) keyboard, so commands keep
    /// working when the keyboard is switched to Thai: ๆ is on q, ่ on j, า on k.
    public var latinEquivalent: KeyPress {
        guard case .character(let scalar) = self, let latin = Self.kedmanee[scalar] else { return self }
        return .character(latin)
    }

    /// Thai Kedmanee characters → the US key they share, unshifted and shifted. Thai characters that
    /// are themselves ASCII on that layout ('/', '-', '"', …) keep their own meaning: on the number
    /// row 1, 4, 5 and 6 (ๅ ภ ถ ุ) reach screens 1, 4, 5 and 6, while 2 and 3 type '/' (the filter)
    /// and '-'. Thai digits (๑–๙, ๐) stand for their value, so ๒ and ๓ (Shift-3 and Shift-4 on
    /// Kedmanee) reach screens 2 and 3; Tab and `:2` work in any layout.
    public static let kedmanee: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            ("ๅภถุึคตจขช", "14567890-="),
            ("ๆไำพะัีรนยบลฃ", "qwertyuiop[]\\"),
            ("ฟหกดเ้่าสวง", "asdfghjkl;'"),
            ("ผปแอิืทมใฝ", "zxcvbnm,./"),
            ("+ู฿", "!^&"),
            ("ฎฑธํ๊ณฯญฐฅ", "ERTYUIOP{|"),
            ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
            ("ฤฆฏโฌ็๋ษศซ", "ASDFGHJKL:"),
            ("ฉฮฺ์ฒฬฦ", "CVBN<>?"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (thai, latin) in pairs {
            for (t, l) in zip(thai.unicodeScalars, latin.unicodeScalars) where !t.isASCII { map[t] = l }
        }
        return map
    }()

    /// Labels for a list of keys, a run of three or more digits written as one range ("1–7").
    public static func labels(_ keys: [KeyPress]) -> [String] {
        var out: [String] = [], run: [UInt32] = []
        func flush() {
            if run.count >= 3 { out.append("\(run[0] - 0x30)–\(run[run.count - 1] - 0x30)") }
            else { out += run.map { String(Unicode.Scalar($0)!) } }
            run = []
        }
        for key in keys {
            if case .character(let c) = key, ("0"..."9").contains(c), run.last.map({ $0 + 1 == c.value }) ?? true { run.append(c.value); continue }
            flush()
            if case .character(let c) = key, ("0"..."9").contains(c) { run.append(c.value); continue }
            out.append(key.label)
        }
        flush()
        return out
    }

    /// How the help screen and hint bar write this key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .function(let n): return "F\(n)"
        }
    }
}

