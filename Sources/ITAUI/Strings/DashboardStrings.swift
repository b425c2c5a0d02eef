import ITACore

/// The dashboard's own strings, one table per language (`DashboardStrings+Thai.swift`,
/// `DashboardStrings+English.swift`). Report and error strings shared with the command line stay in `Strings`.
public struct DashboardStrings: Sendable {
    public let loading: String
    public let screenTitle: @Sendable (ScreenID) -> String
    public let commandTitle: @Sendable (Command) -> String
    public let viewer: @Sendable (_ name: String?, _ login: String) -> String
    public let readOnly: String
    public let helpTitle: String
    public let helpFooter: String
    public let helpAnyKeyCloses: String
    public let tooSmall: @Sendable (_ width: Int, _ height: Int) -> String
    public let treeHeaders: (name: String, owner: String, done: String, due: String, mark: String)
    public let myTasksOf: @Sendable (String) -> String
    public let notAMember: @Sendable (String) -> String
    public let allTasksHeader: @Sendable (_ shown: Int, _ total: Int) -> String
    public let filterLabel: @Sendable (String) -> String
    public let drillHeader: @Sendable (_ target: String, _ count: Int) -> String
    public let noSelection: String
    public let openTasksFirst: String
    public let promptLabel: @Sendable (Prompt.Purpose) -> String
    public let promptKeys: String
    public let reasonRequired: String
    /// `บรรทัด 1–12 จาก 30 · j/k เลื่อน`: where the help is, when it is longer than the screen.
    public let helpScroll: @Sendable (_ first: Int, _ last: Int, _ total: Int) -> String
    /// A typed evidence entry that is not an http(s) URL with a host.
    public let notEvidence: @Sendable (String) -> String
    public let unknownCommand: @Sendable (String) -> String
    public let unknownOwner: @Sendable (String) -> String
    public let filterCleared: String
    public let filterSet: @Sendable (_ filter: String, _ count: Int) -> String
    public let evidenceLabel: String
    public let noteLabel: String
    public let blockedLabel: String
    public let doneByLabel: @Sendable (_ name: String, _ when: String) -> String
    public let overdueMark: String
    public let belowTargetLegend: String
    public let dueShort: @Sendable (Countdown) -> String
    /// `ตช.9` / `I9` for an indicator, the code for an item.
    public let targetShort: @Sendable (TaskTarget) -> String
    /// The status column of a tree row, always a mark and a word: `✓ ครบ`, `! เกิน 2`.
    public let treeMark: @Sendable (Tally.Standing) -> String
    public let notATerminal: String
    public let noTerminalType: @Sendable (String) -> String
    public let cannotOpenTerminal: @Sendable (String) -> String
    public let statusSymbol: @Sendable (TaskStatus) -> String
}

extension Language {
    public var dashboard: DashboardStrings { self == .th ? .thai : .english }
}
