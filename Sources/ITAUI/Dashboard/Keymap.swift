public enum Keymap {
    static let taskScreens: Set<ScreenID> = [.tree, .mine, .all]

    public static let table = KeyTable(bindings)

    public static let bindings: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .selectNext),
        KeyBinding([.character("k"), .up], .selectPrevious),
        KeyBinding([.character("g"), .home], .selectFirst),
        KeyBinding([.character("G"), .end], .selectLast),
        KeyBinding([.control("d"), .pageDown], .pageDown),
        KeyBinding([.control("u"), .pageUp], .pageUp),
        // On the tree h and l fold and unfold; elsewhere they move between screens, like Tab.
        KeyBinding([.character("l"), .right], .expand, in: [.tree]),
        KeyBinding([.character("h"), .left], .collapse, in: [.tree]),
        KeyBinding([.tab, .character("l"), .right], .nextScreen, in: Set(ScreenID.allCases).subtracting([.tree])),
        KeyBinding([.backTab, .character("h"), .left], .previousScreen, in: Set(ScreenID.allCases).subtracting([.tree])),
        KeyBinding([.tab], .nextScreen, in: [.tree]),
        KeyBinding([.backTab], .previousScreen, in: [.tree]),
        KeyBinding([.character("1")], .show(.overview)),
        KeyBinding([.character("2")], .show(.tree)),
        KeyBinding([.character("3")], .show(.mine)),
        KeyBinding([.character("4")], .show(.all)),
        KeyBinding([.character("5")], .show(.countdown)),
        KeyBinding([.character("6")], .show(.review)),
        KeyBinding([.character("7")], .show(.members)),
        KeyBinding([.character("8")], .show(.milestones)),
        KeyBinding([.enter], .open, in: [.tree], hint: true),
        KeyBinding([.escape], .back, in: [.tree, .all], hint: true),
        KeyBinding([.character(" ")], .toggleDone, in: taskScreens, hint: true, needs: .change),
        KeyBinding([.character("u")], .undo, in: taskScreens.union([.members, .milestones]), hint: true, needs: .change),
        KeyBinding([.character("e")], .editEvidence, in: taskScreens, hint: true, needs: .change),
        KeyBinding([.character("n")], .editNote, in: taskScreens, hint: true, needs: .change),
        KeyBinding([.character("b")], .block, in: taskScreens, hint: true, needs: .change),
        KeyBinding([.character("a")], .addTask, in: taskScreens, hint: true, needs: .change),
        KeyBinding([.character("E")], .editTask, in: taskScreens, hint: true, needs: .plan),
        KeyBinding([.character("o")], .reassign, in: taskScreens, needs: .plan),
        KeyBinding([.character("D")], .setDue, in: taskScreens, needs: .plan),
        KeyBinding([.character("X")], .archive, in: taskScreens, needs: .plan),
        KeyBinding([.character("a")], .addMember, in: [.members], hint: true, needs: .plan),
        KeyBinding([.character("E")], .editMember, in: [.members], hint: true, needs: .plan),
        KeyBinding([.character("L")], .memberLeaves, in: [.members], hint: true, needs: .plan),
        KeyBinding([.character("a")], .addMilestone, in: [.milestones], hint: true, needs: .plan),
        KeyBinding([.character("E")], .editMilestone, in: [.milestones], hint: true, needs: .plan),
        KeyBinding([.character("X")], .removeMilestone, in: [.milestones], hint: true, needs: .plan),
        KeyBinding([.character("y")], .copyReminder, in: [.countdown], hint: true),
        KeyBinding([.character("w")], .toggleWorkingDays, in: [.countdown], hint: true),
        KeyBinding([.character("M")], .meeting),
        KeyBinding([.character("/")], .filter, hint: true),
        KeyBinding([.character(":")], .commandLine, hint: true),
        KeyBinding([.character("?")], .help, hint: true),
        KeyBinding([.character("q"), .control("c")], .quit, hint: true),
    ]

    /// Bindings for the hint bar on a screen (in list order, one per command).
    public static func hints(on screen: ScreenID) -> [KeyBinding] {
        table.hints(on: screen) { _ in nil }
    }
}
