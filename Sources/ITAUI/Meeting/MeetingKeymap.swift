/// Meeting mode's bindings: dispatch, its hint bar and its `?` help read this list.
public enum MeetingKeymap {
    public static let table = KeyTable<MeetingCommand>([
        Binding([.character(" "), .enter], .toggleAttendance, in: [.attendance], hint: true, needs: .record),
        Binding([.character("*")], .allPresent, in: [.attendance], hint: true, needs: .record),
        Binding([.character("w")], .absence, in: [.attendance], hint: true, needs: .record),
        Binding([.character("+")], .guests, in: [.attendance], needs: .record),
        Binding([.character("P")], .place, needs: .record),
        Binding([.character("n"), .character("l"), .right, .tab], .nextStep, hint: true),
        Binding([.character("p"), .character("h"), .left, .backTab], .previousStep),
        Binding([.character("j"), .down], .down),
        Binding([.character("k"), .up], .up),
        Binding([.character("g"), .home], .first),
        Binding([.character("G"), .end], .last),
        Binding([.control("d"), .pageDown], .pageDown),
        Binding([.control("u"), .pageUp], .pageUp),
        Binding((1...7).map { .character(Unicode.Scalar(UInt8(0x30 + $0))) }, .goToStep),
        Binding([.character("c")], .note, in: [.agenda], hint: true, needs: .record),
        Binding([.character("d")], .decision, in: [.agenda], hint: true, needs: .record),
        Binding([.character("a")], .action, in: [.agenda], hint: true, needs: .record),
        Binding([.character("r")], .correct, in: [.agenda], hint: true, needs: .record),
        Binding([.character("v")], .minutesItem, in: [.agenda], hint: true, needs: .record),
        Binding([.character("E")], .end, hint: true, needs: .record),
        Binding([.character("?")], .help, hint: true),
        Binding([.character("q"), .escape, .control("c")], .quit, hint: true),
    ])
}
