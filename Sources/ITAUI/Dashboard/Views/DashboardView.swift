import ITACore

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
        } else if let form = state.form {
            FormView.draw(state, form: form, into: &screen, layout: layout)
        } else {
            switch state.screen {
            case .overview: OverviewView.draw(state, into: &screen, layout: layout)
            case .countdown: CountdownView.draw(state, into: &screen, layout: layout)
            case .review: ReviewView.draw(state, into: &screen, layout: layout)
            case .members: PlanListsView.drawMembers(state, into: &screen, layout: layout)
            case .milestones: PlanListsView.drawMilestones(state, into: &screen, layout: layout)
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
        if state.form != nil {
            screen.draw([Span(" " + state.language.form.keys, .hint)], y: y)
            return
        }
        if state.prompt != nil {
            screen.draw([Span(" " + state.text.promptKeys, .hint)], y: y)
            return
        }
        screen.draw(HintBar.spans(Keymap.table.hints(on: state.screen, disabledReason: state.disabledReason), title: state.text.commandTitle), y: y)
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
