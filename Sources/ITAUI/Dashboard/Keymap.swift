public enum Keymap {
    static let taskScreens: Set<ScreenID> = [.tree, .mine, .all]

    public static let bindings: [KeyBinding] = [
        KeyBinding([.character("j"), .down], .selectNext),
        KeyBinding([.character("k"), .up], .selectPrevious),
        KeyBinding([.character("g"), .home], .selectFirst),
        KeyBinding([.character("G"), .end], .selectLast),
        KeyBinding([.control("d"), .pageDown], .pageDown),
        KeyBinding([.control("u"), .pageUp], .pageUp),
        // On the tree h and l fold and unfold; elsewhere they move between screens, like Tab.
        KeyBinding([.character("l"), .right], .expand, screens: [.tree]),
        KeyBinding([.character("h"), .left], .collapse, screens: [.tree]),
        KeyBinding([.tab, .character("l"), .right], .nextScreen, screens: Set(ScreenID.allCases).subtracting([.tree])),
        KeyBinding([.backTab, .character("h"), .left], .previousScreen, screens: Set(ScreenID.allCases).subtracting([.tree])),
        KeyBinding([.tab], .nextScreen, screens: [.tree]),
        KeyBinding([.backTab], .previousScreen, screens: [.tree]),
        KeyBinding([.character("1")], .show(.overview)),
        KeyBinding([.character("2")], .show(.tree)),
        KeyBinding([.character("3")], .show(.mine)),
        KeyBinding([.character("4")], .show(.all)),
        KeyBinding([.character("5")], .show(.countdown)),
        KeyBinding([.character("6")], .show(.review)),
        KeyBinding([.enter], .open, screens: [.tree], hint: true),
        KeyBinding([.escape], .back, screens: [.tree, .all], hint: true),
        KeyBinding([.character(" ")], .toggleDone, screens: taskScreens, hint: true),
        KeyBinding([.character("u")], .undo, screens: taskScreens, hint: true),
        KeyBinding([.character("e")], .editEvidence, screens: taskScreens, hint: true),
        KeyBinding([.character("n")], .editNote, screens: taskScreens, hint: true),
        KeyBinding([.character("b")], .block, screens: taskScreens, hint: true),
        KeyBinding([.character("y")], .copyReminder, screens: [.countdown], hint: true),
        KeyBinding([.character("w")], .toggleWorkingDays, screens: [.countdown], hint: true),
        KeyBinding([.character("M")], .meeting),
        KeyBinding([.character("/")], .filter, hint: true),
        KeyBinding([.character(":")], .commandLine, hint: true),
        KeyBinding([.character("?")], .help, hint: true),
        KeyBinding([.character("q"), .control("c")], .quit, hint: true),
    ]

    /// The command for a key on a screen. A Thai-layout key counts as the Latin key it shares.
    public static func command(for key: KeyPress, on screen: ScreenID) -> Command? {
        for candidate in [key, key.latinEquivalent] {
            if let binding = bindings.first(where: { $0.works(on: screen) && $0.keys.contains(candidate) }) {
                return binding.command
            }
        }
        return nil
    }

    /// Bindings for the hint bar on a screen (in list order, one per command).
    public static func hints(on screen: ScreenID) -> [KeyBinding] {
        bindings.filter { $0.inHintBar && $0.works(on: screen) }
    }

    /// The hint bar for a viewer: what works now. Keys that change data are left out for a viewer
    /// who may not change anything (read-only, or not on the committee); pressed, they say why.
    public static func hints(on screen: ScreenID, canChange: Bool) -> [KeyBinding] {
        hints(on: screen).filter { canChange || !$0.command.changesData }
    }
}
