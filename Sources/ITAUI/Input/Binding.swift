/// One key binding: its keys, its command, where it works, whether the hint bar offers it, and
/// what it needs (lazygit's `GetDisabledReason`): a program says why a binding whose need does not
/// hold is disabled, the hint bar leaves it out, and pressing it shows the reason.
public struct Binding<C: KeyCommand>: Hashable, Sendable {
    public var keys: [KeyPress]
    public var command: C
    /// Where it works; nil means everywhere.
    public var scopes: Set<C.Scope>?
    public var inHintBar: Bool
    public var needs: C.Need?

    public init(_ keys: [KeyPress], _ command: C, in scopes: Set<C.Scope>? = nil, hint: Bool = false, needs: C.Need? = nil) {
        self.keys = keys
        self.command = command
        self.scopes = scopes
        self.inHintBar = hint
        self.needs = needs
    }

    public func works(on scope: C.Scope) -> Bool { scopes?.contains(scope) ?? true }

    /// `j/↓`: how help and the hint bar write the keys.
    public var keyLabel: String { KeyPress.labels(keys).joined(separator: "/") }
}
