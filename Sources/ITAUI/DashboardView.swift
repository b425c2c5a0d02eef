import ITACore

/// A run of text in one style: views build lines of spans, `Screen.draw` fits them to the width.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(_ text: String, _ style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }
}

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

    /// The "terminal too small" screen of the full-screen programs, or nil when `size` is at least `minimum`.
    static func tooSmall(_ size: Size, minimum: Size, language: Language) -> Screen? {
        guard size.width < minimum.width || size.height < minimum.height else { return nil }
        var screen = Screen(size: size)
        let text = language.dashboard.tooSmall(size.width, size.height).truncated(toWidth: max(1, size.width))
        screen.put(text, x: max(0, (size.width - text.displayWidth) / 2), y: size.height / 2, style: .statusError)
        return screen
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

/// Renders the dashboard. Pure: the same state and size always give the same cells.
public enum DashboardView {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(size: state.size)
        let layout = Layout(size: state.size)
        if layout.isTooSmall {
            let message = state.text.tooSmall(state.size.width, state.size.height)
            let y = max(0, state.size.height / 2)
            let text = message.truncated(toWidth: max(1, state.size.width))
            screen.put(text, x: max(0, (state.size.width - text.displayWidth) / 2), y: y, style: .statusError)
            return screen
        }
        drawTabs(state, into: &screen)
        drawHeader(state, into: &screen)
        if state.helpVisible {
            HelpView.draw(state, into: &screen, layout: layout)
        } else {
            switch state.screen {
            case .overview: OverviewView.draw(state, into: &screen, layout: layout)
            case .countdown: CountdownView.draw(state, into: &screen, layout: layout)
            case .review: ReviewView.draw(state, into: &screen, layout: layout)
            case .tree:
                if let drill = state.drill {
                    TaskListView.draw(state, list: drill.list, title: state.text.drillHeader(drill.title.sanitizedForTerminal, drill.list.indices.count),
                                      into: &screen, layout: layout)
                } else {
                    TreeView.draw(state, into: &screen, layout: layout)
                }
            case .mine:
                let title = state.viewer.map { state.text.myTasksOf($0.name.sanitizedForTerminal) } ?? state.text.notAMember(state.login)
                TaskListView.draw(state, list: state.mine, title: title, into: &screen, layout: layout)
            case .all:
                var title = state.text.allTasksHeader(state.all.indices.count, state.data.tasks.count)
                if !state.filter.isEmpty { title += " · " + state.text.filterLabel(state.filter.source.sanitizedForTerminal) }
                TaskListView.draw(state, list: state.all, title: title, into: &screen, layout: layout)
            }
        }
        drawHints(state, into: &screen, layout: layout)
        drawStatusLine(state, into: &screen, layout: layout)
        return screen
    }

    static func drawTabs(_ state: AppState, into screen: inout Screen) {
        screen.fill(y: 0, style: .tab)
        let tabs = TabBar.tabs(for: state)
        if tabs.first?.columns.lowerBound ?? 0 > 0 { screen.put(TabBar.brand, x: 0, y: 0, style: .title) }
        for tab in tabs {
            screen.put(tab.label, x: tab.columns.lowerBound, y: 0, style: tab.screen == state.screen ? .tabActive : .tab)
        }
        if state.readOnly {
            let mark = " \(state.text.readOnly) "
            let x = state.size.width - mark.displayWidth
            if x > (tabs.last?.columns.upperBound ?? 0) { screen.put(mark, x: x, y: 0, style: .accent) }
        }
    }

    static func drawHeader(_ state: AppState, into screen: inout Screen) {
        let a = state.board.assessment, s = state.strings
        let today = "\(s.weekday(state.today)) \(s.date(state.today))"
        let fy = state.language == .th ? "ปีงบประมาณ \(a.fiscalYear)" : "FY \(a.fiscalYear)"
        let viewer = state.text.viewer(state.viewer?.name.sanitizedForTerminal, state.login.sanitizedForTerminal)
        screen.draw([Span(" " + a.organisation.sanitizedForTerminal, .heading), Span(" · \(fy) · \(today) · ", .dim), Span(viewer, .dim)],
                     y: 1)
    }

    static func drawHints(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let y = layout.hintRow
        screen.fill(y: y, style: .hint)
        if state.prompt != nil {
            screen.draw([Span(" " + state.text.promptKeys, .hint)], y: y)
            return
        }
        var spans: [Span] = []
        for binding in Keymap.hints(on: state.screen) {
            spans.append(Span(" " + binding.keys[0].label, .hintKey))
            spans.append(Span(" " + state.text.commandTitle(binding.command) + " ", .hint))
        }
        screen.draw(spans, y: y)
    }

    static func drawStatusLine(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let y = layout.statusRow
        if let prompt = state.prompt {
            let label = state.text.promptLabel(prompt.purpose)
            screen.drawPrompt(prompt.purpose == .command ? label : label + ": ", text: prompt.text, y: y)
        } else if let message = state.message {
            screen.draw([Span(" " + message.text.sanitizedForTerminal, message.isError ? .statusError : .statusInfo)], y: y)
        } else if let warning = state.integrityWarning {
            screen.draw([Span(" " + warning, .statusError)], y: y)
        }
    }

    /// `████░░░░` spans for a fraction.
    static func bar(_ fraction: Double, width: Int) -> [Span] {
        let parts = TextReports.barParts(fraction, width: width)
        return [Span(parts.filled, .barFilled), Span(parts.empty, .barEmpty)]
    }

    static func urgencyStyle(_ urgency: Countdown.Urgency) -> StyleRole {
        switch urgency {
        case .calm, .upcoming: return .normal
        case .soon: return .soon
        case .urgent, .today: return .urgent
        case .overdue: return .overdue
        }
    }

    static func statusStyle(_ task: WorkTask, today: CivilDate) -> StyleRole {
        if task.isOverdue(on: today) { return .overdue }
        switch task.status {
        case .done: return .done
        case .inProgress: return .inProgress
        case .blocked: return .blocked
        case .todo: return .todo
        }
    }
}
