import ITACore

/// Plain-text reports for the command line, rendered from domain data only. Every piece of
/// data-sourced text passes through `sanitizedForTerminal`, and columns are sized by display
/// width so Thai lines up.
public enum TextReports {
    /// `██████░░░░` for a fraction 0…1.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let parts = barParts(fraction, width: width)
        return parts.filled + parts.empty
    }

    /// The filled and empty parts of a bar, for views that style them differently.
    static func barParts(_ fraction: Double, width: Int) -> (filled: String, empty: String) {
        let filled = Int(saturating: (max(0, min(1, fraction.isNaN ? 0 : fraction)) * Double(width)))
        return (String(repeating: "█", count: filled), String(repeating: "░", count: width - filled))
    }

    static func percent(_ fraction: Double) -> String { "\(Int(saturating: fraction * 100))%" }

    // MARK: Status

    public static func status(_ board: Board, strings s: Strings) -> [String] {
        let f = board.framework, a = board.assessment
        let progress = board.progress
        let projection = board.projection
        var lines: [String] = []
        lines.append(a.organisation.sanitizedForTerminal)
        lines.append(s.fiscalYearLine(a.fiscalYear, f.id.sanitizedForTerminal, "\(s.weekday(board.today)) \(s.date(board.today))",
                                      s.quarter(ThaiCalendar.fiscalQuarter(of: board.today))))
        if f.isProvisional { lines.append(s.language.form.provisionalFramework(f.id.sanitizedForTerminal)) }
        lines.append("")

        let grade = projection.grade?.grade ?? "-"
        lines.append("\(s.projectedScore)  \(Score.text(projection.total))  \(s.grade) \(grade)   \(s.target) \(a.targetGrade)")
        for tool in f.tools {
            let score = projection.toolScores[tool.code] ?? 0
            let note = tool.scoredFromItems ? "" : s.estimateNote(a.estimateSource(for: tool.code, in: f))
            lines.append("  " + tool.code.padded(toWidth: 4) + Score.text(score).leftPadded(toWidth: 7) + "  ×"
                         + weightText(tool.weight) + " = " + Score.text(projection.points(of: tool.code, in: f)).leftPadded(toWidth: 6)
                         + (note.isEmpty ? "" : "  (\(note))"))
        }
        lines.append(s.whatItTakes(board.whatItTakes, a.targetGrade))
        let official = Self.official(board, strings: s)
        if !official.isEmpty { lines.append(""); lines += official }
        if !board.evidenceChecks.isEmpty {
            // What the last `ita evidence check` found, by link (the report names the tasks).
            let checks = board.evidenceChecks.values
            let broken = checks.filter(\.isBroken).count
            let offSite = board.assessment.website.isEmpty ? 0
                : checks.filter { !$0.isBroken && !Evidence.isOnSite($0.finalURL ?? $0.url, website: board.assessment.website) }.count
            lines.append(s.language == .th
                ? "หลักฐาน: ตรวจแล้ว \(checks.count) ลิงก์ · ✗ ลิงก์เสีย \(broken) · ⚠ นอกเว็บไซต์หน่วยงาน \(offSite) (ita evidence report)"
                : "evidence: \(checks.count) links checked · ✗ \(broken) broken · ⚠ \(offSite) off the office's website (ita evidence report)")
        }
        lines.append("")

        let whole = progress.whole
        lines.append("\(s.progress)  \(s.tasksDone(whole.done, whole.total)) (\(percent(whole.fraction)))  "
                     + "\(s.overdueCount(whole.overdue))  \(s.blockedCount(whole.blocked))")
        for tool in f.tools {
            let t = progress.tools[tool.code] ?? .zero
            lines.append("  " + tool.code.padded(toWidth: 4) + bar(t.fraction, width: 20) + " " + "\(t.done)/\(t.total)".leftPadded(toWidth: 7)
                         + " " + percent(t.fraction).leftPadded(toWidth: 4))
        }
        lines.append("")

        lines.append(s.indicators)
        let below = Set(a.indicatorsBelowTargetLastYear)
        let nameWidth = min(30, f.indicators.map { s.language.name(of: $0).sanitizedForTerminal.displayWidth }.max() ?? 10)
        for indicator in f.indicators {
            let t = progress.indicators[indicator.number] ?? .zero
            var line = "  " + "\(indicator.number)".leftPadded(toWidth: 2) + " " + s.language.name(of: indicator).sanitizedForTerminal.padded(toWidth: nameWidth)
                + " " + indicator.tool.padded(toWidth: 3) + " " + bar(t.fraction, width: 10) + " " + "\(t.done)/\(t.total)".leftPadded(toWidth: 6)
            // This year's projection where there is one, else last year's; ▼ marks last year's result
            // when it was below target, next to that figure (the overview says the same).
            if let score = projection.indicatorScores[indicator.number] {
                line += "  \(s.projected) \(Score.text(score))"
                if below.contains(indicator.number), let last = a.lastYearScores[indicator.number] {
                    line += "  ▼ \(s.lastYear) \(Score.text(last)) \(s.belowTarget)"
                }
            } else if let last = a.lastYearScores[indicator.number] {
                line += "  \(below.contains(indicator.number) ? "▼ " : "")\(s.lastYear) \(Score.text(last))"
                if below.contains(indicator.number) { line += " \(s.belowTarget)" }
            }
            if let owner = board.member(board.owners[.indicator(indicator.number)]) {
                line += "  · " + owner.name.sanitizedForTerminal
            }
            lines.append(line)
        }
        lines.append("")

        lines.append(s.nextDeadlines)
        let deadlines = board.upcomingDeadlines(limit: 5)
        if deadlines.isEmpty { lines.append("  " + s.noDeadlines) }
        for deadline in deadlines {
            let parts = deadlineParts(deadline, strings: s)
            lines.append("  \(parts.when) \(parts.left) \(parts.what)")
        }
        lines.append("")

        lines.append(s.respondents)
        for tool in f.tools where !tool.scoredFromItems {
            guard let r = a.respondents[tool.code] else { continue }
            lines.append("  " + tool.code.padded(toWidth: 4) + bar(r.fraction, width: 20) + " " + "\(r.count)/\(r.quota)".leftPadded(toWidth: 7)
                         + " " + percent(r.fraction).leftPadded(toWidth: 4) + (r.isMet ? "  ✓ \(s.quotaMet)" : ""))
        }
        return lines
    }

    /// A deadline's columns: `พ. 25 พ.ย. 2569`, `อีก 4 วัน (2 วันทำการ)` (both padded) and what is due.
    static func deadlineParts(_ deadline: Deadline, strings s: Strings) -> (when: String, left: String, what: String) {
        let when = "\(s.weekday(deadline.date)) \(s.date(deadline.date))".padded(toWidth: 17)
        let left = s.daysLeft(deadline.countdown).padded(toWidth: 26)
        switch deadline.kind {
        case .milestone(let m): return (when, left, "◆ " + s.milestoneTitle(m).sanitizedForTerminal)
        case .tasks(let group): return (when, left, s.openTasksOn(group.openCount, targetList(group.targets, limit: 6, strings: s)))
        }
    }

    static func weightText(_ weight: Double) -> String { Number.twoDecimals(weight) }

    /// `ตัวชี้วัด 2, O12, O24 +2`
    public static func targetList(_ targets: [TaskTarget], limit: Int, strings s: Strings) -> String {
        let shown = targets.prefix(limit).map { target -> String in
            if case .indicator(let n) = target { return s.indicatorShort(n) }
            return target.description
        }
        return shown.joined(separator: ", ") + (targets.count > limit ? " +\(targets.count - limit)" : "")
    }

    // MARK: Tasks

    public static func taskTable(_ tasks: [WorkTask], members: [Member], today: CivilDate, strings s: Strings, width: Int = 120) -> [String] {
        guard !tasks.isEmpty else { return [s.noTasks] }
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.name.sanitizedForTerminal) })
        let idWidth = max(s.taskHeaders.id.displayWidth, tasks.map { "#\($0.id)".displayWidth }.max() ?? 2)
        let statusWidth = max(s.taskHeaders.status.displayWidth, TaskStatus.allCases.map { s.status($0).displayWidth }.max()!)
        let dueWidth = 17
        let targetWidth = 4
        let ownerWidth = 18
        let fixed = idWidth + statusWidth + dueWidth + targetWidth + ownerWidth + 5
        let titleWidth = max(10, width - fixed)
        var lines = [[s.taskHeaders.id.padded(toWidth: idWidth), s.taskHeaders.status.padded(toWidth: statusWidth),
                      s.taskHeaders.due.padded(toWidth: dueWidth), s.taskHeaders.target.padded(toWidth: targetWidth),
                      s.taskHeaders.owner.padded(toWidth: ownerWidth), s.taskHeaders.title].joined(separator: " ")]
        // Cells that repeat from row to row are padded once (a report can have thousands of rows).
        let ownerCells = names.mapValues { $0.padded(toWidth: ownerWidth) }
        let statusCells = Dictionary(uniqueKeysWithValues: TaskStatus.allCases.map { ($0, s.status($0).padded(toWidth: statusWidth)) })
        struct DueKey: Hashable { let date: CivilDate; let overdue: Bool }
        var dueCells: [DueKey: String] = [:]
        func dueCell(_ task: WorkTask) -> String {
            guard let d = task.due else { return String(repeating: " ", count: dueWidth) }
            let key = DueKey(date: d, overdue: task.status.isOpen && d < today)
            if let cell = dueCells[key] { return cell }
            let cell = (key.overdue ? "\(s.date(d)) !\(d.days(to: today))" : s.date(d)).padded(toWidth: dueWidth)
            dueCells[key] = cell
            return cell
        }
        lines.reserveCapacity(tasks.count + 2)
        for task in tasks {
            let due = dueCell(task)
            var title = task.title.sanitizedForTerminal
            if task.status == .blocked, let reason = task.blockedReason { title += " — " + reason.sanitizedForTerminal }
            var line = "#\(task.id)".leftPadded(toWidth: idWidth)
            line.reserveCapacity(line.utf8.count + 64 + title.utf8.count + due.utf8.count)
            line += " "; line += statusCells[task.status] ?? ""
            line += " "; line += due
            line += " "; line += task.target.description.padded(toWidth: targetWidth)
            line += " "; line += ownerCells[task.ownerID] ?? "#\(task.ownerID)".padded(toWidth: ownerWidth)
            line += " "; line += title.truncated(toWidth: titleWidth)
            lines.append(line)
        }
        lines.append(s.taskCount(tasks.count))
        return lines
    }

    // MARK: Log

    /// The audit log, oldest first: when, who (and under which login, when another acted as them),
    /// what, and old → new in words. The rows a change made when it created tasks are one line.
    public static func log(_ entries: [AuditEntry], members: [Member], strings s: Strings) -> [String] {
        guard !entries.isEmpty else { return [s.logEmpty] }
        let text = AuditText(members: members, strings: s)
        // Wide enough for the longest name (with "(โดย root)"), up to 40 columns.
        let whoWidth = min(40, entries.map { text.who($0).displayWidth }.max() ?? 10)
        var lines: [String] = []
        var index = 0
        while index < entries.count {
            let e = entries[index]
            let time = "\(s.date(e.at.date)) \(e.at.clockTime)"
            let who = text.who(e)
            if e.field == "*" {
                // Task creations of one change (ita init, an action item, an upgrade's baseline) as one line.
                var end = index
                while end + 1 < entries.count, entries[end + 1].changeID == e.changeID, entries[end + 1].field == "*" { end += 1 }
                let ids = entries[index...end].compactMap { Int64($0.key) }
                let range = ids.count == 1 ? "#\(ids[0])" : "#\(ids.min() ?? 0)–#\(ids.max() ?? 0)"
                lines.append("\(time)  \(who.padded(toWidth: whoWidth)) \(s.action(e.action).padded(toWidth: 10)) \(s.createdTasks(ids.count, range))")
                index = end + 1
                continue
            }
            let subject = e.entity == .task ? "#\(e.key)" : e.key
            lines.append("\(time)  \(who.padded(toWidth: whoWidth)) \(s.action(e.action).padded(toWidth: 10)) \(subject.padded(toWidth: 6)) \(text.change(e))")
            index += 1
        }
        return lines
    }

    static func display(_ value: String?) -> String {
        guard let value else { return "∅" }
        return value.isEmpty ? "\"\"" : value.sanitizedForTerminal.truncated(toWidth: 40)
    }
}

extension TextReports {
    /// Rows as aligned columns (display width, so Thai lines up), two spaces apart; the first row is
    /// the header. Cells are made safe for the terminal.
    public static func columns(_ rows: [[String]]) -> [String] {
        let safe = rows.map { $0.map(\.sanitizedForTerminal) }
        let count = safe.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in safe.map { c < $0.count ? $0[c].displayWidth : 0 }.max() ?? 0 }
        return safe.map { row in
            row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padded(toWidth: widths[c]) }.joined(separator: "  ")
        }
    }
}

extension TextReports {
    /// The mark after a survey tool's score on screen: `~` the committee's estimate, `≈` last year's
    /// results (`≈2/5` when only some indicators have one), `?` nothing; empty for a scored tool.
    public static func estimateMark(_ tool: Tool, _ assessment: Assessment, _ framework: Framework) -> String {
        guard !tool.scoredFromItems else { return "" }
        switch assessment.estimateSource(for: tool.code, in: framework) {
        case .committee: return "~"
        case .lastYear(let n, let m): return n == m ? "≈" : "≈\(n)/\(m)"
        case .unknown: return "?"
        }
    }
}

extension TextReports {
    /// The announced results beside the projection, one scope per line, then a flag if the recorded
    /// grade cannot be right by the framework's rule. Empty when nothing is recorded.
    public static func official(_ board: Board, strings s: Strings) -> [String] {
        let o = board.assessment.official, p = board.projection, plan = s.language.plan, f = board.framework
        guard !o.isEmpty else { return [] }
        var lines = [plan.officialHeading]
        let scopes = f.tools.map(\.code) + f.indicators.map { String($0.number) } + [OfficialResults.total]
        for scope in scopes {
            guard let score = o.scores[scope] else { continue }
            let projected: Double? = scope == OfficialResults.total ? p.total
                : (Int(scope).flatMap { p.indicatorScores[$0] } ?? p.toolScores[scope])
            lines.append("  " + plan.scopeName(scope).padded(toWidth: 13) + Score.text(score).leftPadded(toWidth: 7)
                         + (scope == OfficialResults.total ? (o.grade.map { "  " + $0 } ?? "") : "")
                         + (projected.map { "  " + plan.projectedBeside($0) } ?? ""))
        }
        if o.scores[OfficialResults.total] == nil, let grade = o.grade { lines.append("  " + s.grade + " " + grade) }
        if let contradiction = o.contradiction(in: f) { lines.append(plan.contradiction(contradiction)) }
        return lines
    }
}
