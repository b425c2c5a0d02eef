/// Where things go on the screen; shared by `update` (mouse, scrolling) and the views.
public struct Layout: Hashable, Sendable {
    public var size: Size

    public static let minimum = Size(width: 40, height: 12)

    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }
    public var bodyTop: Int { 2 }
    public var bodyHeight: Int { max(0, size.height - 4) }
    public var hintRow: Int { size.height - 2 }
    public var statusRow: Int { size.height - 1 }
    /// Two detail lines under a task list when there is room.
    public var detailHeight: Int { bodyHeight >= 10 ? 2 : 0 }
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

/// How countdown stickers tile an area: as many columns as fit, and the biggest digits (up to
/// `maxScale`) that still show `wanted` stickers; when no size does, the one that shows the most.
public struct StickerGrid: Hashable, Sendable {
    public var columns: Int
    public var stickerWidth: Int
    public var stickerHeight: Int
    public var rows: Int
    public var digits: BigText.Size

    public init(width: Int, height: Int, wanted: Int = 4, maxScale: Int = 1) {
        let sizes = stride(from: maxScale, through: 1, by: -1).map { BigText.Size.scale($0) } + [.compact]
        func shown(_ size: BigText.Size) -> Int {
            guard width >= Self.minWidth(size) || size == .compact else { return 0 }
            return max(1, width / Self.minWidth(size)) * (height / StickerView.height(digits: size))
        }
        let best = sizes.max { shown($0) < shown($1) } ?? .compact   // the first (largest) among equals
        digits = sizes.first { shown($0) >= wanted } ?? best
        columns = max(1, width / Self.minWidth(digits))
        stickerWidth = max(1, width / columns)
        stickerHeight = StickerView.height(digits: digits)
        rows = max(1, height / stickerHeight)
    }

    /// Room for three digits at that size, a unit label beside them, and the box.
    static func minWidth(_ digits: BigText.Size) -> Int { max(38, BigText.width("888", size: digits) + 20) }

    public var perPage: Int { columns * rows }
}
