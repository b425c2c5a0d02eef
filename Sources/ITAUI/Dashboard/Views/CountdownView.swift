import ITACore

/// Screen 5: one countdown sticker per deadline, tiled, the selected one outlined.
enum CountdownView {
    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let stickers = state.stickers ?? []
        guard !stickers.isEmpty else {
            screen.put(state.language.countdown.noStickers, x: 2, y: layout.bodyTop + 1, style: .dim)
            return
        }
        let grid = StickerGrid(width: state.size.width - 2, height: layout.bodyHeight)
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let index = (state.stickerTop + row) * grid.columns + column
                guard index < stickers.count else { return }
                let rect = StickerView.Rect(x: 1 + column * grid.stickerWidth, y: layout.bodyTop + row * grid.stickerHeight,
                                            width: grid.stickerWidth - 1, height: grid.stickerHeight)
                StickerView.draw(stickers[index], in: rect, digits: grid.digits, workingDays: state.countWorkingDays,
                                 selected: index == state.stickerCursor, board: state.board, language: state.language, into: &screen)
            }
        }
    }
}
