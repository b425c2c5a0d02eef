import ITACore

extension Screen {
    /// A line being typed: the label, the end of the text (long input keeps the cursor in view) and the cursor.
    public mutating func drawPrompt(_ lead: String, text: String, y: Int) {
        let room = max(1, size.width - lead.displayWidth - 2)
        var shown = text.sanitizedForTerminal
        while shown.displayWidth > room { shown.removeFirst() }
        let end = put(lead, x: 0, y: y, style: .prompt)
        let after = put(shown, x: end, y: y, style: .normal)
        put(" ", x: after, y: y, style: .selected)
    }

    /// Draws spans from column `x`, cutting the line with "…" where it would pass `x + width`.
    public mutating func draw(_ spans: [Span], x: Int = 0, y: Int, width: Int? = nil) {
        let limit = min(size.width - x, width ?? size.width)
        guard limit > 0 else { return }
        let total = spans.reduce(0) { $0 + $1.text.displayWidth }
        var column = x
        var remaining = limit
        for span in spans {
            guard remaining > 0 else { break }
            let w = span.text.displayWidth
            if total > limit && w >= remaining {
                // This span crosses the edge: it ends the line with "…".
                put(span.text.truncated(toWidth: remaining), x: column, y: y, style: span.style, maxWidth: remaining)
                break
            }
            column = put(span.text, x: column, y: y, style: span.style, maxWidth: remaining)
            remaining = limit - (column - x)
        }
    }
}
