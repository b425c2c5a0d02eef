import ITACore

/// The roll-up board: every office in one list (lowest projected first, or by code), the selected
/// office's risks and open OIT items below it. Read-only; the offices' files are read again when
/// they change.
public struct RollupState: Hashable, Sendable, Program {
    public private(set) var rollup: Rollup
    public var language: Language
    public var size: Size
    public private(set) var selected = 0
    public private(set) var top = 0
    public private(set) var byCode = false
    public private(set) var atRiskOnly = false
    public private(set) var helpVisible = false
    public private(set) var helpTop = 0
    /// Files that could not be read on the last look.
    public private(set) var problems: [String] = []
    public private(set) var today: CivilDate
    private var keyboard = KeyboardLayoutGuess()

    public init(rollup: Rollup, language: Language, size: Size, today: CivilDate, problems: [String] = []) {
        self.rollup = rollup
        self.language = language
        self.size = size
        self.today = today
        self.problems = problems
    }

    public var redrawsOnTick: Bool { false }
    public func render() -> Screen { RollupView.render(self) }

    /// The offices in the list, in the order shown.
    public var shown: [OfficeStanding] {
        let offices = atRiskOnly ? rollup.atRisk : rollup.offices
        return byCode ? offices.sorted { $0.code < $1.code } : offices
    }

    public var current: OfficeStanding? { shown.indices.contains(selected) ? shown[selected] : nil }

    /// Rows the list has (the rest of the screen is the selected office's detail).
    var listHeight: Int { max(1, min(shown.count, (size.height - 6) / 2)) }

    public mutating func update(_ message: RollupMessage) -> [RollupEffect] {
        switch message {
        case .key(let key): return handle(key)
        case .mouse(let event):
            // A click on a row selects it.
            let row = event.y - RollupView.listTop
            if event.kind == .click, row >= 0, row < listHeight, top + row < shown.count { select(top + row) }
        case .resized(let newSize):
            size = newSize
            select(selected)
        case .tick(let tick):
            today = tick.today
            return [.checkForChanges(today: tick.today)]
        case .loaded(let newRollup):
            let code = current?.code
            rollup = newRollup
            select(shown.firstIndex { $0.code == code } ?? selected)
        case .failed(let lines):
            problems = lines
        }
        return []
    }

    mutating func handle(_ key: KeyPress) -> [RollupEffect] {
        if helpVisible {
            if help.scroll(&helpTop, by: key, width: size.width, height: helpHeight) { return [] }
            helpVisible = false
            return key == .control("c") ? [.quit] : []
        }
        keyboard.observe(key)
        guard let (binding, _) = RollupKeymap.table.match(key, on: .offices, layout: keyboard) else { return [] }
        switch binding.command {
        case .quit: return [.quit]
        case .down: select(selected + 1)
        case .up: select(selected - 1)
        case .first: select(0)
        case .last: select(shown.count - 1)
        case .pageDown: select(selected + listHeight)
        case .pageUp: select(selected - listHeight)
        case .sort:
            let code = current?.code
            byCode.toggle()
            select(shown.firstIndex { $0.code == code } ?? 0)
        case .atRiskOnly:
            let code = current?.code
            atRiskOnly.toggle()
            select(shown.firstIndex { $0.code == code } ?? 0)
        case .help:
            helpVisible = true
            helpTop = 0
        }
        return []
    }

    /// Selects row `index` (clamped) and scrolls the list so it shows.
    mutating func select(_ index: Int) {
        selected = max(0, min(index, shown.count - 1))
        if selected < top { top = selected }
        if selected >= top + listHeight { top = selected - listHeight + 1 }
        top = max(0, min(top, max(0, shown.count - listHeight)))
    }

    /// The `?` help, generated from the keymap.
    public var help: HelpPanel {
        let r = language.rollup, d = language.dashboard
        return HelpPanel(RollupKeymap.table, title: r.helpTitle, footer: [d.helpAnyKeyCloses], scrollNote: d.helpScroll, commandTitle: r.commandTitle)
    }

    var helpHeight: Int { max(1, size.height - 3) }
}
