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
