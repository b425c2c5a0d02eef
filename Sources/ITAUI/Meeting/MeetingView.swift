import ITACore

/// Renders meeting mode for the projector: the meeting and its clock on top, the steps with their
/// times, the section's headline figure in big digits when there is room, its rows with what was
/// recorded on each, and the keys. Pure, like every view.
public enum MeetingView {
    /// One body line: what it shows and, for the first line of a row, the row's index (for the cursor).
    struct Line {
        var spans: [Span]
        var row: Int?
    }

    public static func render(_ state: MeetingState) -> Screen {
        if let small = Screen.tooSmall(state.size, minimum: PresentView.minimum, language: state.language) { return small }
        var screen = Screen(size: state.size)
        let w = state.size.width, h = state.size.height
        let t = state.language.meeting, s = state.language.strings, board = state.board
        let meeting = state.data.meeting

        // Title bar: which meeting, the day, the clock and, for everyone but the recorders, read-only.
        var right = "⏱ " + clock(state.totalSeconds) + " "
        if let end = meeting?.endedAt { right = t.ended(end.clockTime) + " · " + right }
        if !state.canRecord { right += "· " + t.readOnly + " " }
        TitleBar.draw(left: " ITA Board · " + t.title(state.data.number, "\(s.weekday(board.today)) \(s.date(board.today))") + " ",
                      right: right, into: &screen)
        var info = [Span(" " + board.assessment.organisation.sanitizedForTerminal, .dim)]
        if meeting != nil { info.append(Span(" · " + t.present(state.attendees.count, board.members.count), .dim)) }
        if !state.data.schedule.isMeetingDay(board.today) {
            info.append(Span(" · " + t.notMeetingDay(state.data.schedule.weekday), .soon))
        }
        if meeting == nil { info = [Span(" " + t.noMeetingYet, .soon)] }
        screen.draw(info, y: 1, width: w)

        drawSteps(state, y: 2, into: &screen)
        if state.helpVisible {
            state.help.draw(into: &screen, x: 0, y: 3, width: w, height: state.helpHeight, top: state.helpTop)
            drawFooter(state, into: &screen)
            return screen
        }

        // The section's heading and its time.
        let stepTime = clock(Int(state.seconds[state.currentStep.timeKey] ?? 0))
        screen.draw([Span(" " + t.stepTitle(state.currentStep), .heading)], y: 4, width: max(1, w - stepTime.count - 4))
        screen.put(stepTime, x: max(0, w - stepTime.count - 2), y: 4, style: .dim)
        var top = 5
        if let sub = subtitle(state) {
            screen.draw([Span(" " + sub.sanitizedForTerminal, .dim)], y: top, width: w)
            top += 1
        }
        top += 1
        let bottom = h - 2
        // A big headline figure when the room allows (a projector).
        if h >= 30, w >= 80, let (text, style) = headline(state) {
            let used = PresentView.big(text, x: 2, y: top, width: w - 4, maxHeight: max(3, min(10, (bottom - top) / 4)), style: style, into: &screen)
            if used > 0 { top += used + 1 }
        }
        // The selected task's whole title, wrapped, under the rows when its row had to cut it.
        var detail: [String] = []
        if let task = state.selectedRow?.task, table(state, owner: true).cuts(task), bottom - top >= 8 {
            detail = Array(("#\(task.id) " + task.title.sanitizedForTerminal).wrapped(toWidth: w - 4).prefix(3))
        }
        let bodyHeight = max(1, bottom - top - (detail.isEmpty ? 0 : detail.count + 1))
        drawBody(state, lines: lines(state), top: top, height: bodyHeight, into: &screen)
        if !detail.isEmpty {
            screen.fill(y: top + bodyHeight, from: 1, width: w - 2, style: .dim, text: "─")
            for (i, line) in detail.enumerated() { screen.draw([Span("  " + line)], y: top + bodyHeight + 1 + i, width: w) }
        }
        drawFooter(state, into: &screen)
        return screen
    }

    /// `1:05:09`, or `12:04` under an hour.
    static func clock(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    static func drawSteps(_ state: MeetingState, y: Int, into screen: inout Screen) {
        let t = state.language.meeting
        // The most that fits: labels with counts and times; then without times; then the short name
        // (its first word, the section letter) for all but the step on show; then numbers only.
        func label(_ index: Int, _ step: MeetingStep, count: Bool, time: Bool, short: Bool) -> String {
            let name = t.stepTab(step)
            var label = " \(index + 1) " + (short ? String(name.split(separator: " ").first ?? Substring(name)) : name)
            if count {
                switch step {
                case .attendance: if state.data.meeting != nil { label += " \(state.attendees.count)" }
                case .section(let section):
                    let n = state.agenda.rows(section).filter { if case .score = $0 { return false }; if case .owner = $0 { return false }; return true }.count
                    if section != .respondents || state.agenda.surveyWindow != nil { label += " \(n)" }
                }
            }
            if time, let seconds = state.seconds[step.timeKey], seconds >= 1 { label += " " + clock(Int(seconds)) }
            return label + " "
        }
        let forms: [(Int, MeetingStep) -> String] = [
            { label($0, $1, count: true, time: true, short: false) },
            { label($0, $1, count: true, time: false, short: false) },
            { i, step in i == state.step ? label(i, step, count: true, time: true, short: false) : label(i, step, count: true, time: false, short: true) },
            { i, step in i == state.step ? label(i, step, count: true, time: true, short: false) : label(i, step, count: false, time: false, short: true) },
            { i, step in i == state.step ? label(i, step, count: true, time: true, short: false) : " \(i + 1) " },
        ]
        var labels: [String] = []
        for form in forms {
            labels = MeetingStep.all.enumerated().map { form($0.offset, $0.element) }
            if labels.reduce(0, { $0 + $1.displayWidth }) <= state.size.width { break }
        }
        var x = 0
        for (index, shown) in labels.enumerated() {
            x = screen.put(shown, x: x, y: y, style: index == state.step ? .tabActive : .tab)
        }
        screen.fill(y: y, from: x, style: .tab)
    }

    static func subtitle(_ state: MeetingState) -> String? {
        let t = state.language.meeting, s = state.language.strings, agenda = state.agenda
        switch state.currentStep {
        case .attendance: return nil
        case .section(.done): return t.since(agenda.previousMeeting.map(s.date), s.date(agenda.since))
        case .section(.dueSoon): return t.nextMeeting("\(s.weekday(agenda.nextMeeting)) \(s.date(agenda.nextMeeting))")
        case .section(.respondents):
            return agenda.surveyWindow.map { t.surveyWindow(s.milestoneTitle($0), s.date($0.due)) } ?? t.noSurveyWindow
        case .section:
            return nil
        }
    }

    /// The section's figure in big digits: the score, or how many rows need attention.
    static func headline(_ state: MeetingState) -> (String, StyleRole)? {
        guard case .section(let section) = state.currentStep else { return nil }
        let rows = state.agenda.rows(section)
        let tasks = rows.filter { $0.task != nil }.count
        switch section {
        case .done:
            guard case .score(let before, let after)? = rows.first else { return nil }
            var text = Score.text(after)
            if let before { text += " " + (after >= before ? "+" : "-") + Score.text(abs(after - before)) }
            return (text, .bigDigits)
        case .overdue: return ("\(tasks)", tasks > 0 ? .bigOverdue : .done)
        case .dueSoon: return ("\(tasks)", tasks > 0 ? .bigUrgent : .done)
        case .atRisk: return ("\(tasks)", tasks > 0 ? .bigUrgent : .done)
        case .respondents, .decisions: return nil
        }
    }

    /// The agenda's task table: the body is two columns narrower than the screen (and `indent` more
    /// under an owner heading).
    static func table(_ state: MeetingState, owner: Bool, indent: Int = 0) -> TaskTable {
        let columns: TaskTable.Columns = owner ? [.status, .id, .due, .left, .target, .owner] : [.status, .id, .due, .left, .target]
        return TaskTable(width: state.size.width - 2 - indent, columns: columns, idWidth: state.idColumnWidth, strings: state.language.strings,
                         text: state.language.dashboard, framework: state.board.framework, today: state.board.today)
    }

    static func lines(_ state: MeetingState) -> [Line] {
        let t = state.language.meeting, s = state.language.strings, d = state.language.dashboard
        let board = state.board, today = board.today, members = board.members
        func name(_ id: Int64) -> String { (board.member(id)?.name ?? "#\(id)").sanitizedForTerminal }
        // One task table (the dashboard's): with the owner where rows are not grouped under their owner.
        let withOwner = table(state, owner: true), withoutOwner = table(state, owner: false, indent: 2)
        func taskSpans(_ task: WorkTask, indent: String) -> [Span] {
            let table = indent.count > 1 ? withoutOwner : withOwner
            // What the evidence check found (broken, off the office's site, another year's, not checked lately).
            let mark = board.evidenceFinding(task).map { Span(state.language.form.evidenceFinding($0), $0 == .broken ? .overdue : .soon) }
            return [Span(String(indent.dropFirst()))] + table.row(task, ownerName: name(task.ownerID), today: today,
                                                                 calendar: board.assessment.workingCalendar, strings: s, text: d, mark: mark)
        }

        switch state.currentStep {
        case .attendance:
            let present = state.attendees
            let reasons = state.data.meeting?.absenceReasons ?? [:]
            var lines = members.enumerated().map { index, member in
                let here = present.contains(member.id)
                var spans = [Span(here ? " [✓] " : " [ ] ", here ? .done : .dim), Span(member.name.sanitizedForTerminal + "  "),
                             Span(state.language.meeting.role(member.role) + " · " + member.workGroup.sanitizedForTerminal, .dim)]
                if !here, let reason = reasons[member.id] { spans.append(Span("  — " + reason.sanitizedForTerminal, .soon)) }
                return Line(spans: spans, row: index)
            }
            // The minutes' other facts, under the roll call: where, and who came from outside.
            if let meeting = state.data.meeting, !meeting.place.isEmpty || !meeting.guests.isEmpty {
                lines.append(Line(spans: [], row: nil))
                if !meeting.place.isEmpty { lines.append(Line(spans: [Span(" " + t.placeLine(meeting.place.sanitizedForTerminal), .dim)], row: nil)) }
                if !meeting.guests.isEmpty {
                    lines.append(Line(spans: [Span(" " + t.commandTitle(.guests) + ": " + meeting.guests.joined(separator: ", ").sanitizedForTerminal, .dim)], row: nil))
                }
            }
            return lines
        case .section(let section):
            let rows = state.agenda.rows(section)
            let entries = (state.data.meeting?.currentEntries ?? []).filter { $0.section == section }
            var out: [Line] = []
            var shownEntries = Set<Int64>()
            let grouped = section == .done || section == .overdue
            for (index, row) in rows.enumerated() {
                var spans: [Span]
                switch row {
                case .score(let before, let after):
                    var text = t.scoreChange + " " + (before.map { Score.text($0) + " → " } ?? "") + Score.text(after)
                    if let before { text += " (" + (after >= before ? "+" : "-") + Score.text(abs(after - before)) + ")" }
                    spans = [Span(" " + text, .accent)]
                    if before == nil { spans.append(Span("  " + t.noPreviousScore, .dim)) }
                case .owner(let id, let count):
                    spans = [Span(" " + name(id), .heading), Span(" · " + t.tasks(count), .dim)]
                case .task(let task):
                    spans = taskSpans(task, indent: grouped ? "   " : " ")
                case .survey(let tool, let r):
                    spans = [Span(" " + tool.padded(toWidth: 5), .heading), Span("\(r.count)/\(r.quota)".padded(toWidth: 10))]
                        + Bar.spans(r.fraction, width: 20) + [Span(" " + TextReports.percent(r.fraction) + "  "),
                             Span(r.isMet ? "✓ " + s.quotaMet : state.language.countdown.respondents(tool, r), r.isMet ? .done : .soon)]
                case .entry(let entry):
                    shownEntries.insert(entry.id)
                    spans = [Span(" " + t.entryKind(entry.kind) + ": ", entry.kind == .decision ? .accent : .heading)]
                    if let id = entry.taskID, let task = state.data.tasks.first(where: { $0.id == id }) {
                        spans += withOwner.row(task, ownerName: name(task.ownerID), today: today, calendar: board.assessment.workingCalendar,
                                               strings: s, text: d)
                    } else {
                        spans.append(Span(entry.text.sanitizedForTerminal))
                        if entry.isCorrection { spans.append(Span(" (" + t.corrected + ")", .dim)) }
                    }
                case .followUp(let entry, let task):
                    spans = taskSpans(task, indent: " ") + [Span("  " + t.followUp(s.date(entry.at.date)), .dim)]
                }
                out.append(Line(spans: spans, row: index))
                // What was recorded on this row.
                let subject = row.subject(members: members)
                for entry in entries where subject != nil && entry.subject == subject && !shownEntries.contains(entry.id) {
                    if case .entry = row { if entry.kind != .note { continue } }
                    shownEntries.insert(entry.id)
                    out.append(Line(spans: [Span("      ↳ " + t.entryKind(entry.kind) + ": ", .accent), Span(entry.text.sanitizedForTerminal)]
                                    + (entry.isCorrection ? [Span(" (" + t.corrected + ")", .dim)] : []), row: nil))
                }
            }
            if rows.filter({ if case .score = $0 { return false }; return true }).isEmpty {
                out.append(Line(spans: [Span(" " + t.nothing(section), section == .overdue || section == .atRisk ? .done : .dim)], row: nil))
            }
            for entry in entries where !shownEntries.contains(entry.id) && (section != .decisions || entry.kind == .note) {
                out.append(Line(spans: [Span(" ↳ " + t.entryKind(entry.kind) + ": ", .accent), Span(entry.text.sanitizedForTerminal)]
                                + (entry.isCorrection ? [Span(" (" + t.corrected + ")", .dim)] : []), row: nil))
            }
            return out
        }
    }

    static func drawBody(_ state: MeetingState, lines: [Line], top: Int, height: Int, into screen: inout Screen) {
        let w = state.size.width
        let cursorLine = lines.firstIndex { $0.row == state.cursor } ?? 0
        let first = cursorLine < height ? 0 : cursorLine - height + 2
        // Rows read from the back of the room get a blank line between them when there is space.
        let spaced = lines.count * 2 <= height
        var y = top
        for (index, line) in lines.enumerated().dropFirst(first) {
            guard y < top + height else { break }
            screen.draw(line.spans, x: 1, y: y, width: w - 2)
            if line.row != nil, line.row == state.cursor, index == cursorLine {
                screen.restyle(y: y, from: 1, width: w - 2, style: .selected)
            }
            y += spaced ? 2 : 1
        }
    }

    static func drawFooter(_ state: MeetingState, into screen: inout Screen) {
        let t = state.language.meeting, h = state.size.height
        screen.fill(y: h - 2, style: .hint)
        if let prompt = state.prompt {
            screen.draw([Span(" " + t.promptKeys + (prompt.kind == .action ? "  ·  " + t.actionFormat : ""), .hint)], y: h - 2)
            screen.drawPrompt(t.promptLabel(prompt.kind) + ": ",
                              text: prompt.text, y: h - 1)
            if let message = state.message, message.isError {
                // A problem with the line: shown on the hint row so the line stays editable.
                screen.fill(y: h - 2, style: .hint)
                screen.draw([Span(" " + message.text.sanitizedForTerminal, .statusError)], y: h - 2)
            }
            return
        }
        // Only what works now: after the end, or for someone who follows, moving and leaving.
        screen.draw(HintBar.spans(MeetingKeymap.table.hints(on: state.scope, disabledReason: state.disabledReason), title: t.commandTitle), y: h - 2)
        if state.confirmingEnd {
            screen.draw([Span(" " + t.confirmEnd, .statusError)], y: h - 1)
        } else if let message = state.message {
            screen.draw([Span(" " + message.text.sanitizedForTerminal, message.isError ? .statusError : .statusInfo)], y: h - 1)
        } else if state.minutesItem != MinutesItem.considered, state.scope == .agenda {
            // Entries go elsewhere than the agenda: said until it is changed back.
            screen.draw([Span(" " + t.minutesItemNow(state.minutesItem), .soon)], y: h - 1)
        }
    }
}
