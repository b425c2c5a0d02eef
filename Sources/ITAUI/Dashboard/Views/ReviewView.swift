import ITACore

/// Screen 6: the chair's weekly review (the same text as `ita review`), scrolling with j/k.
enum ReviewView {
    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        guard let review = state.review, let history = state.reviewHistory else {
            screen.put(state.text.loading, x: 2, y: layout.bodyTop, style: .dim)
            return
        }
        let width = state.size.width
        let lines = self.lines(state, review: review, history: history, layout: layout)
        let top = min(state.reviewTop, max(0, lines.count - layout.bodyHeight))
        for row in 0..<layout.bodyHeight where top + row < lines.count {
            let line = lines[top + row]
            // Headings (lines that start at the margin) stand out; the rest is plain.
            let style: StyleRole = row + top == 0 || (!line.hasPrefix(" ") && !line.isEmpty) ? .heading : .normal
            screen.draw([Span(line.sanitizedForTerminal, style)], x: 1, y: layout.bodyTop + row, width: width - 2)
        }
    }

    static func lines(_ state: AppState, review: WeeklyReview, history: ReviewHistory, layout: Layout) -> [String] {
        var lines = ReviewText.lines(review, board: state.board, lastActivity: history.lastActivity, language: state.language,
                                     chartWidth: max(20, min(72, state.size.width - 16)), chartHeight: layout.bodyHeight >= 30 ? 12 : 8)
        if state.board.oitDeadline == nil { lines.append(state.language.review.noOITDeadline) }
        return lines
    }
}
