/// Which keyboard layout the user is typing on, guessed from the last letter key: a Thai letter means
/// Kedmanee, a Latin letter US. On Kedmanee a few keys type ASCII that is another key on US — the 2
/// key types `/`, 3 types `-`, Shift-M types `?` — so while the guess is Thai those characters count
/// as the US key under the finger (2, 3, M …), and screens 1–8 and meeting mode are reachable by the
/// same keys in both layouts. Before any letter is typed the guess is US; Thai digits (๑–๖) and Tab
/// work in either.
public struct KeyboardLayoutGuess: Hashable, Sendable {
    public private(set) var thai = false

    public init(thai: Bool = false) { self.thai = thai }

    /// Notes a key: letters (Thai or Latin) move the guess; digits, punctuation and special keys do not.
    public mutating func observe(_ key: KeyPress) {
        guard case .character(let c) = key else { return }
        if KeyPress.kedmanee[c] != nil, !("๐"..."๙").contains(c) { thai = true }
        else if c.isASCII, c.properties.isAlphabetic { thai = false }
    }

    /// What a key may mean, first choice first: on the Thai layout the US key under the finger first.
    public func candidates(for key: KeyPress) -> [KeyPress] {
        if thai, case .character(let c) = key, let us = Self.kedmaneeASCII[c] { return [.character(us)] }
        return key.latinEquivalent == key ? [key] : [key, key.latinEquivalent]
    }

    /// The ASCII characters Kedmanee types, and the US key each is on.
    static let kedmaneeASCII: [Unicode.Scalar: Unicode.Scalar] = [
        "/": "2", "-": "3", "?": "M", "\"": "W", ",": "}", ".": "\"", "(": "Z", ")": "X",
    ]
}
