import ITACore

/// Renders present mode: a title bar that says read-only, the page's title and timer, the page in
/// big type, and the keys. The layout scales from 60×20 to 300×80; digits grow with the room.
public enum PresentView {
    public static let minimum = Size(width: 40, height: 12)

    public static func render(_ state: PresentState) -> Screen {
        if let small = Screen.tooSmall(state.size, minimum: minimum, language: state.language) { return small }
        var screen = Screen(size: state.size)
        let w = state.size.width, h = state.size.height
        let t = state.language.countdown, s = state.language.strings
        // Title bar: organisation and date on the left, read-only on the right.
        TitleBar.draw(left: " ITA Board · " + state.board.assessment.organisation.sanitizedForTerminal + " · "
                          + "\(s.weekday(state.board.today)) \(s.date(state.board.today)) ", right: " \(t.presentReadOnly) ", into: &screen)
        // Keys.
        screen.fill(y: h - 1, style: .hint)
        screen.draw(HintBar.spans(PresentKeymap.table.hints(on: .pages), title: t.presentCommandTitle), y: h - 1)
        if state.helpVisible {
            state.help.draw(into: &screen, x: 0, y: 2, width: w, height: state.helpHeight, top: state.helpTop)
            return screen
        }
        // Page title and timer.
        let counter = (state.paused ? t.paused + " · " : "") + t.pageCounter(state.page + 1, state.pages.count, state.secondsLeft)
        screen.draw([Span(t.pageTitle(state.currentPage, state.board).sanitizedForTerminal, .heading)], x: 2, y: 2,
                    width: max(1, w - counter.displayWidth - 6))
        screen.put(counter, x: max(0, w - counter.displayWidth - 2), y: 2, style: state.paused ? .accent : .dim)

        let body = StickerView.Rect(x: 2, y: 4, width: w - 4, height: h - 6)
        switch state.currentPage {
        case .overview: drawOverview(state, in: body, into: &screen)
        case .countdown(let part, _): drawCountdown(state, part: part, in: body, into: &screen)
        case .owner(let id): drawOwner(state, id, in: body, into: &screen)
        case .respondents: drawRespondents(state, in: body, into: &screen)
        }
        return screen
    }

    /// Big text as large as fits `rect`'s width and `maxHeight`; returns the rows used (0 if none fits).
    @discardableResult
    static func big(_ text: String, x: Int, y: Int, width: Int, maxHeight: Int, style: StyleRole, into screen: inout Screen) -> Int {
        guard let size = BigText.largest(text, width: width, height: maxHeight) else { return 0 }
        BigText.draw(text, size: size, x: x, y: y, style: style, into: &screen)
        return size.height
    }

    static func drawOverview(_ state: PresentState, in r: StickerView.Rect, into screen: inout Screen) {
        let board = state.board, s = state.language.strings
        let projection = board.projection
        let grade = projection.grade?.grade ?? "-"
        let meets = board.framework.grading.isAtLeast(grade, board.assessment.targetGrade)
        let score = Score.text(projection.total)
        // Score on the left, grade on the right, as big as half the height allows.
        // One size for both, as big as half the height and their columns allow.
        let maxHeight = max(3, r.height / 2)
        let scoreWidth = r.width * 2 / 3 - 2
        let gx = r.x + r.width * 2 / 3, gradeWidth = r.width - (gx - r.x)
        let drawGrade = BigText.canDraw(grade)
        let size = [BigText.largest(score, width: scoreWidth, height: maxHeight),
                    drawGrade ? BigText.largest(grade, width: gradeWidth, height: maxHeight) : nil]
            .compactMap { $0 }.min { $0.height < $1.height }
        screen.put(s.projectedScore, x: r.x, y: r.y, style: .dim)
        screen.put(s.grade + "  (" + s.target + " " + board.assessment.targetGrade + ")", x: gx, y: r.y, style: .dim, maxWidth: gradeWidth)
        let gradeStyle: StyleRole = meets ? .done : .bigOverdue
        var used = 1
        if let size {
            BigText.draw(score, size: size, x: r.x, y: r.y + 1, style: .bigDigits, into: &screen)
            used = size.height
        } else {
            screen.put(score, x: r.x, y: r.y + 1, style: .bigDigits)
        }
        if drawGrade, let size { BigText.draw(grade, size: size, x: gx, y: r.y + 1, style: gradeStyle, into: &screen) }
        else { screen.put(grade, x: gx, y: r.y + 1 + used / 2, style: gradeStyle, maxWidth: gradeWidth) }
        var y = r.y + 2 + used
        screen.draw([Span((meets ? "✓ " : "✗ ") + s.whatItTakes(board.whatItTakes, board.assessment.targetGrade).sanitizedForTerminal,
                          meets ? .done : .urgent)], x: r.x, y: y, width: r.width)
        y += 2
        let barWidth = max(10, r.width - 30)
        for tool in board.framework.tools where y < r.y + r.height {
            let toolScore = projection.toolScores[tool.code] ?? 0
            // Survey tools are not measured until the surveys close: their bars are estimates, and say so.
            let note = tool.scoredFromItems ? " " : TextReports.estimateMark(tool, board.assessment, board.framework)
            screen.draw([Span(tool.code.padded(toWidth: 5), .heading)] + Bar.spans(toolScore / 100, width: barWidth) + [
                         Span(" " + Score.text(toolScore).leftPadded(toWidth: 6) + note)], x: r.x, y: y, width: r.width)
            y += r.height >= 20 ? 2 : 1
        }
        if board.framework.tools.contains(where: { !$0.scoredFromItems }), y < r.y + r.height {
            screen.draw([Span(s.estimateLegend, .dim)], x: r.x, y: y, width: r.width)
            y += r.height >= 20 ? 2 : 1
        }
        let whole = board.progress.whole
        if y < r.y + r.height {
            screen.draw([Span(s.progress + "  ", .heading), Span(s.tasksDone(whole.done, whole.total) + " (\(TextReports.percent(whole.fraction)))  "),
                         Span(s.overdueCount(whole.overdue), whole.overdue > 0 ? .overdue : .dim)], x: r.x, y: y, width: r.width)
        }
    }

    static func drawCountdown(_ state: PresentState, part: Int, in r: StickerView.Rect, into screen: inout Screen) {
        let stickers = state.stickersToShow
        guard !stickers.isEmpty else {
            screen.put(state.language.countdown.noStickers, x: r.x, y: r.y, style: .dim)
            return
        }
        let grid = PresentState.stickerGrid(size: state.size, count: stickers.count)
        for (index, sticker) in stickers.dropFirst(part * grid.perPage).prefix(grid.perPage).enumerated() {
            let rect = StickerView.Rect(x: r.x + (index % grid.columns) * grid.stickerWidth, y: r.y + (index / grid.columns) * grid.stickerHeight,
                                        width: grid.stickerWidth - 1, height: grid.stickerHeight)
            StickerView.draw(sticker, in: rect, digits: grid.digits, workingDays: state.countWorkingDays, selected: false,
                             board: state.board, language: state.language, into: &screen)
        }
    }

    static func drawOwner(_ state: PresentState, _ id: Int64, in r: StickerView.Rect, into screen: inout Screen) {
        let t = state.language.countdown, d = state.language.dashboard, s = state.language.strings
        let board = state.board, today = board.today
        let tasks = state.openTasks(of: id)
        let overdue = tasks.filter { $0.isOverdue(on: today) }.count
        if let member = board.member(id) {
            screen.draw([Span(member.workGroup.sanitizedForTerminal, .dim)], x: r.x, y: r.y, width: r.width)
        }
        // The open count big on the left; the overdue count beside it.
        let used = big(String(tasks.count), x: r.x, y: r.y + 1, width: r.width / 3, maxHeight: max(3, r.height / 3),
                       style: overdue > 0 ? .bigOverdue : .bigDigits, into: &screen)
        screen.put(t.ownerPageHeading(tasks.count, overdue), x: r.x + r.width / 3 + 2, y: r.y + 1 + used / 2, style: overdue > 0 ? .overdue : .normal,
                   maxWidth: r.width - r.width / 3 - 2)
        var y = r.y + 2 + used
        if tasks.isEmpty { screen.put(t.ownerAllDone, x: r.x, y: y, style: .done); return }
        let room = r.y + r.height - y
        // The dashboard's task table, without the owner (the page is theirs) or the id.
        let table = TaskTable(width: r.width, columns: [.status, .due, .left, .target], idWidth: 0, strings: s, text: d,
                              framework: board.framework, today: today)
        for (index, task) in tasks.enumerated() {
            guard y < r.y + r.height else { break }
            if index == room - 1, tasks.count > room {
                screen.put("+\(tasks.count - index) …", x: r.x, y: y, style: .dim)
                break
            }
            screen.draw(table.row(task, ownerName: "", today: today, calendar: board.assessment.workingCalendar, strings: s, text: d),
                        x: r.x - 1, y: y, width: r.width + 1)
            y += 1
        }
    }

    static func drawRespondents(_ state: PresentState, in r: StickerView.Rect, into screen: inout Screen) {
        let t = state.language.countdown, board = state.board
        let tools = board.framework.tools.filter { !$0.scoredFromItems && board.assessment.respondents[$0.code] != nil }
        guard !tools.isEmpty else { return }
        let window = board.assessment.milestones.first { m in
            !MilestoneScope(covers: m.covers, framework: board.framework).surveys.isEmpty && m.due >= board.today
        }
        if let window { screen.put(t.surveyWindow(window).sanitizedForTerminal, x: r.x, y: r.y, style: .dim, maxWidth: r.width) }
        let band = max(4, (r.height - 1) / tools.count)
        for (index, tool) in tools.enumerated() {
            let respondents = board.assessment.respondents[tool.code]!
            let y = r.y + 1 + index * band
            screen.put(tool.code + " · " + state.language.name(of: tool).sanitizedForTerminal, x: r.x, y: y,
                       style: .heading, maxWidth: r.width)
            let text = "\(respondents.count)/\(respondents.quota)"
            let used = big(text, x: r.x, y: y + 1, width: r.width / 2, maxHeight: max(3, band - 3), style: respondents.isMet ? .done : .bigDigits,
                           into: &screen)
            let bx = r.x + r.width / 2 + 2
            screen.draw(Bar.spans(respondents.fraction, width: max(10, r.width / 2 - 10)) + [Span(" " + TextReports.percent(respondents.fraction))],
                        x: bx, y: y + 1 + max(0, used / 2 - 1), width: r.width - (bx - r.x))
            screen.draw([Span(respondents.isMet ? "✓ " + state.language.strings.quotaMet : t.respondents(tool.code, respondents),
                              respondents.isMet ? .done : .soon)],
                        x: bx, y: y + 2 + max(0, used / 2 - 1), width: r.width - (bx - r.x))
        }
    }
}
