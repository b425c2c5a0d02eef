/// Where things go on the screen; shared by `update` (mouse, scrolling) and the views.
public struct Layout: Hashable, Sendable {
    public var size: Size

    public static let minimum = Size(width: 40, height: 12)

    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }
    public var bodyTop: Int { 2 }
    public var bodyHeight: Int { max(0, size.height - 4) }
    public var hintRow: Int { size.height - 2 }
    public var statusRow: Int { size.height - 1 }
    /// Detail lines under a task list when there is room: the rule, up to two lines of a long
    /// title, and the evidence, note and who finished it.
    public var detailHeight: Int { bodyHeight >= 30 ? 5 : (bodyHeight >= 24 ? 4 : (bodyHeight >= 10 ? 3 : 0)) }
    /// Task lists: a title line and a column header above the rows.
    public var taskListTop: Int { bodyTop + 2 }
    public var taskListHeight: Int { max(1, bodyHeight - 2 - detailHeight) }
    /// The tree: a column header above the rows.
    public var treeListTop: Int { bodyTop + 1 }
    public var treeListHeight: Int { max(1, bodyHeight - 1) }

    /// The first row to show so that `cursor` is visible, moving as little as possible.
    public static func scroll(top: Int, cursor: Int, count: Int, height: Int) -> Int {
        var top = min(top, max(0, count - height))
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        return max(0, top)
    }
}

