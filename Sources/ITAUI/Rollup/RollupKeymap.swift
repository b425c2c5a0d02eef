/// The roll-up board's bindings: dispatch, its hint bar and its `?` help read this list.
public enum RollupKeymap {
    public static let table = KeyTable<RollupKey>([
        Binding([.character("j"), .down], .down, hint: true),
        Binding([.character("k"), .up], .up, hint: true),
        Binding([.character("g"), .home], .first),
        Binding([.character("G"), .end], .last),
        Binding([.control("d"), .pageDown], .pageDown),
        Binding([.control("u"), .pageUp], .pageUp),
        Binding([.character("s")], .sort, hint: true),
        Binding([.character("r")], .atRiskOnly, hint: true),
        Binding([.character("?")], .help, hint: true),
        Binding([.character("q"), .escape, .control("c")], .quit, hint: true),
    ])
}
