import ITACore

/// The tasks of one tree row, opened with Enter on the Indicators screen.
public struct Drill: Hashable, Sendable {
    public var node: TreeRow.Node
    public var title: String
    public var list: TaskList
}
