import ITACore

/// One countdown sticker in a box: urgency word and date, the days left in big digits with their
/// unit, the deadline's name, and who still has what open. Used by the dashboard's countdown
/// screen and by present mode.
public enum StickerView {
    /// A rectangle on the screen.
    public struct Rect: Hashable, Sendable {
        public var x, y, width, height: Int

        public init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    /// Rows a sticker needs around its digits: border 2, the state line, title and two work lines.
    static let chrome = 6

    public static func height(digits: BigText.Size) -> Int { digits.height + chrome }

    /// The big number: days (or working days) left, days overdue, or ✓ when done.
    public static func number(_ sticker: Sticker, workingDays: Bool) -> String {
        if sticker.isDone { return "✓" }
        let c = sticker.countdown
        return String(abs(workingDays && c.calendarDays > 0 ? c.workingDays : c.calendarDays))
    }

    public static func digitStyle(_ sticker: Sticker) -> StyleRole {
        if sticker.isDone { return .done }
        switch sticker.countdown.urgency {
        case .calm, .upcoming: return .bigDigits
        case .soon: return .soon
        case .urgent, .today: return .bigUrgent
        case .overdue: return .bigOverdue
        }
    }

    public static func stateStyle(_ sticker: Sticker) -> StyleRole {
        sticker.isDone ? .done : DashboardView.urgencyStyle(sticker.countdown.urgency)
    }

    public static func draw(_ sticker: Sticker, in r: Rect, digits: BigText.Size, workingDays: Bool, selected: Bool,
                            board: Board, language: Language, into screen: inout Screen) {
        guard r.width >= 12, r.height >= 5 else { return }
        let t = language.countdown, s = language.strings
        drawBox(r, style: selected ? .accent : .dim, into: &screen)
        let inner = r.width - 4, left = r.x + 2
        var y = r.y + 1

        let date = "\(s.weekday(sticker.date)) \(s.date(sticker.date))"
        screen.put(t.state(sticker).truncated(toWidth: max(1, inner - date.displayWidth - 1)), x: left, y: y, style: stateStyle(sticker))
        if date.displayWidth < inner { screen.put(date, x: left + inner - date.displayWidth, y: y, style: .normal) }
        y += 1

        // Digits on the left, the unit beside their middle row, the other count under it.
        let number = self.number(sticker, workingDays: workingDays)
        let bigIsWorking = workingDays && sticker.countdown.calendarDays > 0 && !sticker.isDone
        let digitsWidth = BigText.draw(number, size: digits, x: left, y: y, style: digitStyle(sticker), into: &screen)
        let labelX = left + digitsWidth + 2, labelWidth = max(0, left + inner - labelX)
        let middle = y + max(0, digits.height / 2 - 1)
        if labelWidth > 0 {
            let unit = sticker.isDone ? t.state(sticker) : t.unit(bigIsWorking)
            screen.put(unit.truncated(toWidth: labelWidth), x: labelX, y: middle, style: stateStyle(sticker))
            if !sticker.isDone, sticker.countdown.calendarDays != 0 {
                screen.put(t.otherCount(sticker.countdown, bigIsWorking).truncated(toWidth: labelWidth), x: labelX, y: middle + 1, style: .dim)
            }
        }
        y += digits.height

        let bottom = r.y + r.height - 1
        let title = t.deadlineTitle(sticker).sanitizedForTerminal
        if y < bottom { screen.draw([Span(title, .heading)], x: left, y: y, width: inner); y += 1 }
        for line in workLines(sticker, board: board, language: language) where y < bottom {
            screen.draw(line, x: left, y: y, width: inner)
            y += 1
        }
    }

    /// What is left, shortest first: the open targets, then who has them (or the survey counts).
    static func workLines(_ sticker: Sticker, board: Board, language: Language) -> [[Span]] {
        let t = language.countdown
        if sticker.isDone { return [[Span(t.allDone, .done)]] }
        if !sticker.tracksWork { return [[Span(t.nothingTracked, .dim)]] }
        var lines: [[Span]] = []
        if !sticker.openTargets.isEmpty {
            lines.append([Span(t.notFinished(t.targetList(sticker.openTargets, language: language), sticker.openTaskCount), .normal)])
        }
        for (tool, r) in sticker.shortSurveys.sorted(by: { $0.key < $1.key }) {
            lines.append([Span(t.respondents(tool, r), .soon)])
        }
        let people = sticker.open.compactMap { w in board.member(w.memberID).map { shortName($0) } }
        if !people.isEmpty { lines.append([Span(people.joined(separator: " · "), .dim)]) }
        return lines
    }

    /// A member's name without the title (นาย, นาง, นางสาว) and surname: what fits on a sticker.
    public static func shortName(_ member: Member) -> String {
        var name = member.name.sanitizedForTerminal
        for title in ["นางสาว", "นาง", "นาย", "Mrs. ", "Ms. ", "Mr. "] where name.hasPrefix(title) {
            name = String(name.dropFirst(title.count))
            break
        }
        return String(name.split(separator: " ").first ?? Substring(name))
    }

    static func drawBox(_ r: Rect, style: StyleRole, into screen: inout Screen) {
        let right = r.x + r.width - 1, bottom = r.y + r.height - 1
        screen.put("┌" + String(repeating: "─", count: r.width - 2) + "┐", x: r.x, y: r.y, style: style)
        screen.put("└" + String(repeating: "─", count: r.width - 2) + "┘", x: r.x, y: bottom, style: style)
        for y in (r.y + 1)..<bottom {
            screen.put("│", x: r.x, y: y, style: style)
            screen.put("│", x: right, y: y, style: style)
        }
    }
}
