import ITACore

/// The tab row's labels and where they are, shared by the view and mouse clicks.
public enum TabBar {
    public struct Tab: Hashable, Sendable {
        public var screen: ScreenID
        public var label: String
        public var columns: Range<Int>
    }

    public static let brand = " ITA Board "

    public static func tabs(for state: AppState) -> [Tab] {
        let full = ScreenID.allCases.map { " \($0.number) \(state.text.screenTitle($0)) " }
        let fits = brand.displayWidth + full.reduce(0) { $0 + $1.displayWidth } <= state.size.width
        // Narrow terminals: the current tab keeps its title, the others show their number; the
        // brand stays if there is still room for it.
        let labels = ScreenID.allCases.enumerated().map { index, screen in
            fits || screen == state.screen ? full[index] : " \(screen.number) "
        }
        var x = brand.displayWidth + labels.reduce(0) { $0 + $1.displayWidth } <= state.size.width ? brand.displayWidth : 0
        return ScreenID.allCases.enumerated().map { index, screen in
            let label = labels[index]
            let tab = Tab(screen: screen, label: label, columns: x..<(x + label.displayWidth))
            x += label.displayWidth
            return tab
        }
    }
}
