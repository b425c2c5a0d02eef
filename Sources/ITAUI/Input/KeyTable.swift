/// A program's bindings as data: dispatch, the hint bar and the `?` help all read this one list.
public struct KeyTable<C: KeyCommand>: Sendable {
    public let bindings: [Binding<C>]

    public init(_ bindings: [Binding<C>]) { self.bindings = bindings }

    /// The binding a key means in a scope: the key itself, else its Latin twin on the Kedmanee layout
    /// (as the layout guess reads it).
    public func binding(for key: KeyPress, on scope: C.Scope, layout: KeyboardLayoutGuess = KeyboardLayoutGuess()) -> Binding<C>? {
        match(key, on: scope, layout: layout)?.binding
    }

    /// The binding and the key as it matched (a Thai digit or a Kedmanee key as its Latin twin):
    /// for bindings whose keys carry a value (a page or step number).
    public func match(_ key: KeyPress, on scope: C.Scope, layout: KeyboardLayoutGuess = KeyboardLayoutGuess()) -> (binding: Binding<C>, key: KeyPress)? {
        for candidate in layout.candidates(for: key) {
            if let binding = bindings.first(where: { $0.works(on: scope) && $0.keys.contains(candidate) }) { return (binding, candidate) }
        }
        return nil
    }

    /// The hint bar: bindings marked for it that work in the scope and are enabled now.
    public func hints(on scope: C.Scope, disabledReason: (C.Need) -> String?) -> [Binding<C>] {
        bindings.filter { binding in
            binding.inHintBar && binding.works(on: scope) && binding.needs.map { disabledReason($0) == nil } ?? true
        }
    }

    /// One entry per command for the help: every key bound to it (in order, once) and the scopes it
    /// works in (nil: all of them).
    public struct HelpEntry: Hashable, Sendable {
        public var command: C
        public var keys: [KeyPress]
        public var scopes: Set<C.Scope>?
        public var needs: C.Need?
    }

    public var helpEntries: [HelpEntry] {
        var entries: [HelpEntry] = []
        for binding in bindings {
            if let i = entries.firstIndex(where: { $0.command == binding.command }) {
                for key in binding.keys where !entries[i].keys.contains(key) { entries[i].keys.append(key) }
                if let current = entries[i].scopes {
                    entries[i].scopes = binding.scopes.map { current.union($0) }
                }
            } else {
                entries.append(HelpEntry(command: binding.command, keys: binding.keys, scopes: binding.scopes, needs: binding.needs))
            }
        }
        for i in entries.indices where entries[i].scopes?.count == C.Scope.allCases.count { entries[i].scopes = nil }
        return entries
    }
}

extension KeyTable where C.Need == Never {
    /// The hint bar of a program whose keys need nothing: every binding marked for it.
    public func hints(on scope: C.Scope) -> [Binding<C>] {
        bindings.filter { $0.inHintBar && $0.works(on: scope) }
    }
}
