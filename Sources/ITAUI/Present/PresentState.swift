import ITACore

/// Present mode for the meeting-room projector: read-only pages that turn every `interval`
/// seconds. Time comes only from tick messages, so tests turn pages without sleeping.
public struct PresentState: Hashable, Sendable, Program {
    public private(set) var data: DashboardData
    public var language: Language
    public var size: Size
    /// Seconds per page.
    public var interval: Double
    public private(set) var pages: [PresentPage] = []
    public private(set) var page = 0
    public private(set) var paused = false
    public private(set) var helpVisible = false
    public private(set) var helpTop = 0
    private var keyboard = KeyboardLayoutGuess()
    /// Seconds shown on the current page so far.
    public private(set) var elapsed: Double = 0
    private var lastTick: Double?
    /// Digits typed so far (a page number past 9 takes two).
    private var typedPage = ""
    public var countWorkingDays = false
    public private(set) var stickers: [Sticker] = []
    /// Each member's open tasks in urgency order, built on load (rendering runs four times a second).
    private var openByOwner: [Int64: [WorkTask]] = [:]

    public init(data: DashboardData, language: Language, size: Size, interval: Double = 20, page: Int = 0) {
        self.data = data
        self.language = language
        self.size = size
        self.interval = max(1, interval)
        rebuild()
        self.page = max(0, min(page, pages.count - 1))
    }

    public var board: Board { data.board }
    public var currentPage: PresentPage { pages[page] }
    public var redrawsOnTick: Bool { true }
    public func render() -> Screen { PresentView.render(self) }

    /// Whole seconds until the page turns (nil while paused).
    public var secondsLeft: Int? { paused ? nil : max(0, Int(saturating: (interval - elapsed).rounded(.up))) }

    public mutating func update(_ message: PresentMessage) -> [PresentEffect] {
        switch message {
        case .key(let key): return handle(key)
        case .mouse(let event):
            if event.kind == .click { turn(by: 1) }
        case .resized(let newSize):
            // How many stickers fit a page depends on the size: keep the page on show.
            let current = currentPage
            size = newSize
            rebuild()
            page = pages.firstIndex(of: current) ?? pages.firstIndex { if case .countdown = $0 { true } else { false } } ?? min(page, pages.count - 1)
        case .tick(let tick):
            let now = tick.seconds
            // The page holds while paused or while the help is open.
            if !paused, !helpVisible, let last = lastTick { elapsed += max(0, now - last) }
            lastTick = now
            if elapsed >= interval { turn(by: 1) }
            return tick.today != board.today ? [.reload(today: tick.today)] : [.checkForChanges]
        case .loaded(let newData):
            let current = pages.indices.contains(page) ? pages[page] : .overview
            data = newData
            rebuild()
            page = pages.firstIndex(of: current) ?? min(page, pages.count - 1)
        case .failed:
            break   // the projector keeps showing what it had; the next tick tries again
        }
        return []
    }

    mutating func handle(_ key: KeyPress) -> [PresentEffect] {
        if helpVisible {
            if help.scroll(&helpTop, by: key, width: size.width, height: helpHeight) { return [] }
            helpVisible = false
            return key == .control("c") ? [.quit] : []
        }
        keyboard.observe(key)
        guard let (binding, matched) = PresentKeymap.table.match(key, on: .pages, layout: keyboard) else { return [] }
        if binding.command != .pageDigit { typedPage = "" }
        switch binding.command {
        case .quit: return [.quit]
        case .pause: paused.toggle()
        case .next: turn(by: 1)
        case .previous: turn(by: -1)
        case .toggleWorkingDays: countWorkingDays.toggle()
        case .first: show(0)
        case .last: show(pages.count - 1)
        case .endNumber: break
        case .help:
            helpVisible = true
            helpTop = 0
        case .pageDigit:
            // Digits make a page number: `1` shows page 1 at once, `1` `2` then page 12. Enter ends the number.
            guard case .character(let c) = matched else { return [] }
            typedPage.unicodeScalars.append(c)
            if let n = Int(typedPage), (1...pages.count).contains(n) {
                show(n - 1)
            } else if let n = Int(String(c)), (1...pages.count).contains(n) {
                typedPage = String(c)
                show(n - 1)
            } else {
                typedPage = ""
            }
        }
        return []
    }

    /// The `?` help, generated from the keymap.
    public var help: HelpPanel {
        let t = language.countdown, d = language.dashboard
        return HelpPanel(PresentKeymap.table, title: t.presentHelpTitle, footer: [d.helpAnyKeyCloses], scrollNote: d.helpScroll,
                         commandTitle: t.presentCommandTitle)
    }

    /// The help's room: the body between the title bar and the hint bar.
    var helpHeight: Int { max(1, size.height - 3) }

    mutating func turn(by delta: Int) {
        typedPage = ""
        show((page + delta + pages.count) % pages.count)
    }

    mutating func show(_ index: Int) {
        page = index
        elapsed = 0
    }

    /// Pages: the overview, the countdown, one per member with open tasks (in member order), and
    /// the respondents when the assessment has survey quotas.
    private mutating func rebuild() {
        stickers = board.stickers(tasks: data.tasks)
        let open = UrgencyOrder.sorted(data.tasks.filter { $0.status.isOpen }, today: board.today, framework: board.framework)
        openByOwner = Dictionary(grouping: open, by: \.ownerID)
        let perPage = max(1, Self.stickerGrid(size: size, count: stickers.count).perPage)
        let parts = max(1, (stickers.count + perPage - 1) / perPage)
        pages = [.overview] + (0..<parts).map { PresentPage.countdown($0, of: parts) } + board.members.filter { openByOwner[$0.id] != nil }.map { .owner($0.id) }
        if !board.assessment.respondents.isEmpty { pages.append(.respondents) }
    }

    /// Stickers for the projector: deadlines with work open first (by date), then finished ones.
    public var stickersToShow: [Sticker] { stickers.filter { !$0.isDone } + stickers.filter(\.isDone) }

    /// The countdown pages' grid for a terminal of `size` (the body under the title and above the keys).
    static func stickerGrid(size: Size, count: Int) -> StickerGrid {
        StickerGrid(width: max(1, size.width - 4), height: max(1, size.height - 6), wanted: min(4, max(1, count)), maxScale: 3)
    }

    /// A member's open tasks in urgency order.
    public func openTasks(of member: Int64) -> [WorkTask] { openByOwner[member] ?? [] }
}
