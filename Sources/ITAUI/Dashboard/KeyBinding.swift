/// One key binding: the keys, the command, where it works, and whether the hint bar shows it.
/// The list in `Keymap.bindings` feeds dispatch, the hint bar and the help screen.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [KeyPress]
    public var command: Command
    /// The screens where it works; nil means everywhere.
    public var screens: Set<ScreenID>?
    public var inHintBar: Bool

    public init(_ keys: [KeyPress], _ command: Command, screens: Set<ScreenID>? = nil, hint: Bool = false) {
        self.keys = keys
        self.command = command
        self.screens = screens
        self.inHintBar = hint
    }

    public func works(on screen: ScreenID) -> Bool { screens?.contains(screen) ?? true }

    /// `j/↓`: how help and the hint bar write the keys.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}
