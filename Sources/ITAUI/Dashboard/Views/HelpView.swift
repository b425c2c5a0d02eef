import ITACore

/// `?`: the dashboard's help, generated from `Keymap.table` (a disabled key dimmed, with why).
enum HelpView {
    static func panel(_ state: AppState) -> HelpPanel {
        let t = state.text
        return HelpPanel(Keymap.table, title: t.helpTitle, footer: t.helpFooter.split(separator: "    ").map(String.init),
                         scrollNote: t.helpScroll, commandTitle: t.commandTitle,
                         scopeNames: { screens in screens.map { "\($0.number)" }.joined(separator: ",") },
                         disabledReason: { state.disabledReason($0) })
    }

    static func draw(_ state: AppState, into screen: inout Screen, layout: Layout) {
        panel(state).draw(into: &screen, x: 0, y: layout.bodyTop, width: state.size.width, height: layout.bodyHeight, top: state.helpTop)
    }

    /// The last first line that still fills the screen.
    static func lastTop(_ state: AppState) -> Int {
        panel(state).lastTop(width: state.size.width, height: Layout(size: state.size).bodyHeight)
    }
}
