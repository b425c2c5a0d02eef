import ITACore

/// The task table of every program (the dashboard's lists, present mode's owner pages, meeting
/// mode's agenda): the columns a program asks for, each sized from the language and the content so
/// that no two run together (the longest status word, date and "days late" of this language, the
/// widest target code of the framework), with the title taking what is left.
public struct TaskTable: Hashable, Sendable {
    /// The columns besides the title, in the order they are drawn.
    public struct Columns: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let status = Columns(rawValue: 1), id = Columns(rawValue: 2), due = Columns(rawValue: 4),
                           left = Columns(rawValue: 8), target = Columns(rawValue: 16), owner = Columns(rawValue: 32),
                           phase = Columns(rawValue: 64)
        public static let all: Columns = [.status, .id, .due, .left, .target, .phase, .owner]
    }

    var status: Int, id: Int, due: Int, left: Int, target: Int, phase: Int, owner: Int, title: Int
    /// Whole words for the status (wide terminals) or a mark only.
    var statusWords: Bool
    var phaseHeader = ""

    /// Widths for a table `width` columns wide. Nothing here depends on the rows shown, so the
    /// columns do not move while scrolling. The due date shows from 60 columns, the owner from 80,
    /// the status in words from 100.
    init(width: Int, columns: Columns = .all, idWidth: Int, strings s: Strings, text t: DashboardStrings, framework: Framework, today: CivilDate) {
        let h = s.taskHeaders
        statusWords = width >= 100 && columns.contains(.status)
        phaseHeader = s.language.form.label(.phase)
        status = !columns.contains(.status) ? 0
            : statusWords ? max(h.status.displayWidth, TaskStatus.allCases.map { s.status($0).displayWidth }.max() ?? 10) + 1 : 2
        id = columns.contains(.id) ? max(idWidth, h.id.displayWidth + 1) : 0
        // The widest date of this language in the year on show, and the widest countdown up to 9,999 days.
        let year = today.year
        let dates = (1...12).compactMap { CivilDate(year: year, month: $0, day: 28) }.map { s.date($0).displayWidth }
        due = columns.contains(.due) && width >= 60 ? (dates.max() ?? 12) + 1 : 0
        let samples = [-9999, -999, -99, 0, 99, 999, 9999].map { Countdown(calendarDays: $0) }
        left = columns.contains(.left) ? (samples.map { t.dueShort($0).displayWidth }.max() ?? 10) + 1 : 0
        let codes = framework.indicators.map { TaskTarget.indicator($0.number) } + framework.items.map { TaskTarget.item($0.code) }
        target = columns.contains(.target) ? max(h.target.displayWidth, codes.map { t.targetShort($0).displayWidth }.max() ?? 4) + 1 : 0
        owner = !columns.contains(.owner) ? 0 : (width >= 100 ? 20 : (width >= 80 ? 13 : 0))
        // The process phase (PHAYAO's A1, SPDCA's S…) from 80 columns: the widest key of the built-in processes.
        let keys = ProcessModel.builtIn.flatMap(\.phases).map(\.key.displayWidth).max() ?? 2
        phase = columns.contains(.phase) && width >= 80 ? max(keys, s.language.form.label(.phase).displayWidth) + 1 : 0
        title = max(6, width - 1 - status - id - due - left - target - phase - owner)
    }

    func header(_ h: (status: String, id: String, due: String, target: String, owner: String, title: String)) -> [Span] {
        var spans = [Span(" ")]
        if status > 0 { spans.append(Span((statusWords ? h.status : "").padded(toWidth: status))) }
        if id > 0 { spans.append(Span(h.id.padded(toWidth: id))) }
        if due > 0 { spans.append(Span(h.due.padded(toWidth: due))) }
        if left > 0 { spans.append(Span("".padded(toWidth: left))) }
        if target > 0 { spans.append(Span(h.target.padded(toWidth: target))) }
        if phase > 0 { spans.append(Span(phaseHeader.padded(toWidth: phase))) }
        if owner > 0 { spans.append(Span(h.owner.padded(toWidth: owner))) }
        spans.append(Span(h.title))
        return spans.map { Span($0.text, .dim) }
    }

    /// A task's row; `mark` (an evidence finding) goes after the title, which gives up the room for it.
    func row(_ task: WorkTask, ownerName: String, today: CivilDate, calendar: WorkingCalendar, strings s: Strings, text t: DashboardStrings,
             mark: Span? = nil) -> [Span] {
        let style = DashboardView.statusStyle(task, today: today)
        var spans = [Span(" ")]
        if status > 0 { spans.append(Span((statusWords ? s.status(task.status) : t.statusSymbol(task.status)).padded(toWidth: status), style)) }
        if id > 0 { spans.append(Span("#\(task.id)".padded(toWidth: id), .dim)) }
        if due > 0 { spans.append(Span((task.due.map { s.date($0) } ?? "–").padded(toWidth: due))) }
        if left > 0 {
            if task.status.isOpen, let date = task.due {
                let countdown = Countdown(from: today, to: date, calendar: calendar)
                spans.append(Span(t.dueShort(countdown).padded(toWidth: left), DashboardView.urgencyStyle(countdown.urgency)))
            } else {
                spans.append(Span("".padded(toWidth: left)))
            }
        }
        if target > 0 { spans.append(Span(t.targetShort(task.target).padded(toWidth: target))) }
        if phase > 0 { spans.append(Span((task.phase ?? "").sanitizedForTerminal.truncated(toWidth: phase - 1).padded(toWidth: phase), .dim)) }
        if owner > 0 { spans.append(Span(ownerName.sanitizedForTerminal.truncated(toWidth: owner - 1).padded(toWidth: owner), .dim)) }
        let room = mark.map { title - $0.text.displayWidth - 2 } ?? title
        guard let mark, room >= 8 else {
            spans.append(Span(task.title.sanitizedForTerminal.truncated(toWidth: title), task.status == .done ? .dim : .normal))
            return spans
        }
        let shown = task.title.sanitizedForTerminal.truncated(toWidth: room)
        spans.append(Span(shown + "  ", task.status == .done ? .dim : .normal))
        spans.append(mark)
        return spans
    }

    /// The id column for ids up to `largest` ("#" and the digits, and a space; at least 4).
    static func idWidth(largest: Int64) -> Int { max(4, "#\(largest)".count + 1) }

    /// Whether a task's title is cut in this table (then a detail line shows it whole).
    func cuts(_ task: WorkTask) -> Bool { task.title.sanitizedForTerminal.displayWidth > title }
}

extension String {
    /// Lines of at most `width` columns, broken at spaces where it can and at grapheme boundaries where a word is longer.
    func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", lineWidth = 0
        for word in split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let w = word.displayWidth
            if lineWidth > 0, lineWidth + 1 + w <= width { line += " " + word; lineWidth += 1 + w; continue }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            var rest = Substring(word)
            while rest.displayWidth > width {
                var piece = "", used = 0
                for c in rest { let cw = DisplayWidth.of(c); if used + cw > width { break }; piece.append(c); used += cw }
                if piece.isEmpty { break }
                lines.append(piece)
                rest = rest.dropFirst(piece.count)
            }
            line = String(rest); lineWidth = line.displayWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension Substring {
    var displayWidth: Int { DisplayWidth.of(String(self)) }
}
