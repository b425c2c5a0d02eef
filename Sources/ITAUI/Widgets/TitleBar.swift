/// A title bar: text on the left, cut with "…" before it reaches the text kept whole on the right
/// (a clock, "read-only").
public enum TitleBar {
    public static func draw(left: String, right: String, y: Int = 0, into screen: inout Screen) {
        let w = screen.size.width
        screen.fill(y: y, style: .title)
        screen.draw([Span(left, .title)], y: y, width: max(1, w - right.displayWidth))
        screen.put(right, x: max(0, w - right.displayWidth), y: y, style: .title)
    }
}
