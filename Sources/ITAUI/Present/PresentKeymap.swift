/// Present mode's bindings: dispatch, its hint bar and its `?` help read this list.
public enum PresentKeymap {
    public static let table = KeyTable<PresentCommand>([
        Binding([.character(" ")], .pause, hint: true),
        Binding([.character("n"), .character("l"), .character("j"), .right, .down, .pageDown, .tab], .next, hint: true),
        Binding([.character("p"), .character("h"), .character("k"), .left, .up, .pageUp, .backTab], .previous, hint: true),
        Binding((0...9).map { .character(Unicode.Scalar(UInt8(0x30 + $0))) }, .pageDigit, hint: true),
        Binding([.enter], .endNumber),
        Binding([.character("g"), .home], .first),
        Binding([.character("G"), .end], .last),
        Binding([.character("w")], .toggleWorkingDays),
        Binding([.character("?")], .help, hint: true),
        Binding([.character("q"), .escape, .control("c")], .quit, hint: true),
    ])
}
