import ITACore

/// Builds the minutes of a meeting from what it recorded and the agenda it saw.
public enum MinutesText {
    public static func document(_ meeting: Meeting, summary: MeetingSummary, number: Int, board: Board, tasks: [Int64: WorkTask],
                                language: Language) -> TextDocument {
        let t = language.meeting, s = language.strings, d = language.dashboard
        func name(_ id: Int64) -> String { (board.member(id)?.name ?? "#\(id)").sanitizedForTerminal }
        func line(_ task: MeetingSummary.TaskLine, owner: Bool) -> String {
            var text = "#\(task.id) \(d.targetShort(TaskTarget(text: task.target) ?? .indicator(0))) \(task.title.sanitizedForTerminal)"
            if owner { text += " — " + name(task.ownerID) }
            if let due = task.due { text += " — " + t.due(s.date(due)) }
            return text
        }
        var doc = TextDocument()
        doc.blocks.append(.title(t.minutesTitle(number, ThaiCalendar.fiscalYear(of: meeting.day))))
        doc.blocks.append(.paragraph(board.assessment.organisation.sanitizedForTerminal))
        // Wall-clock length; each section's own time (from the meeting clock) is under its heading.
        let minutes = meeting.endedAt.map { Int(($0.secondsSince1970 - meeting.startedAt.secondsSince1970 + 30) / 60) }.flatMap { $0 > 0 ? $0 : nil }
        doc.blocks.append(.paragraph(t.minutesWhen(meeting.day, meeting.startedAt.clockTime, meeting.endedAt?.clockTime, minutes)))

        // Attendance, in committee order.
        let present = board.members.filter { meeting.attendees.contains($0.id) }
        let absent = board.members.filter { !meeting.attendees.contains($0.id) }
        doc.blocks.append(.heading(t.attendees(present.count)))
        if present.isEmpty { doc.blocks.append(.paragraph(t.none)) }
        for (index, member) in present.enumerated() {
            doc.blocks.append(.numbered(index + 1, "\(member.name.sanitizedForTerminal) (\(t.role(member.role)))"))
        }
        if !absent.isEmpty {
            doc.blocks.append(.heading(t.absent(absent.count)))
            for (index, member) in absent.enumerated() { doc.blocks.append(.numbered(index + 1, member.name.sanitizedForTerminal)) }
        }

        func byOwner(_ lines: [MeetingSummary.TaskLine]) {
            var order: [Int64] = []
            for l in lines where !order.contains(l.ownerID) { order.append(l.ownerID) }
            for owner in order {
                let mine = lines.filter { $0.ownerID == owner }
                doc.blocks.append(.bullet(level: 0, t.ownerLine(name(owner), mine.count)))
                for l in mine { doc.blocks.append(.bullet(level: 1, line(l, owner: false))) }
            }
        }
        func notes(_ section: AgendaSection) {
            let recorded = meeting.currentEntries.filter { $0.section == section && $0.kind == .note }
            guard !recorded.isEmpty else { return }
            doc.blocks.append(.subheading(t.notes))
            for entry in recorded {
                doc.blocks.append(.bullet(level: 0, (entry.subject.map { "[\($0)] " } ?? "") + entry.text.sanitizedForTerminal
                                                     + (entry.isCorrection ? " (" + language.meeting.corrected + ")" : "")))
            }
        }

        for (index, section) in AgendaSection.allCases.enumerated() {
            doc.blocks.append(.heading(t.agendaHeading(index + 1, section)))
            if let seconds = meeting.sectionSeconds[section.rawValue], seconds >= 60 { doc.blocks.append(.paragraph(t.timeSpent(seconds / 60))) }
            switch section {
            case .done:
                doc.blocks.append(.paragraph(t.since(summary.previousMeeting.map(s.date), s.date(summary.since))))
                var after = Score.text(summary.scoreAfter)
                if let before = summary.scoreBefore {
                    after += " (" + (summary.scoreAfter >= before ? "+" : "-") + Score.text(abs(summary.scoreAfter - before)) + ")"
                }
                doc.blocks.append(.paragraph(t.scoreLine(summary.scoreBefore.map(Score.text), after, summary.grade)))
                if summary.done.isEmpty { doc.blocks.append(.paragraph(t.nothing(.done))) }
                byOwner(summary.done)
            case .overdue:
                if summary.overdue.isEmpty { doc.blocks.append(.paragraph(t.nothing(.overdue))) }
                byOwner(summary.overdue)
            case .dueSoon:
                doc.blocks.append(.paragraph(t.nextMeeting(s.date(summary.nextMeeting))))
                if summary.dueSoon.isEmpty { doc.blocks.append(.paragraph(t.nothing(.dueSoon))) }
                for l in summary.dueSoon { doc.blocks.append(.bullet(level: 0, line(l, owner: true))) }
            case .atRisk:
                if summary.atRisk.isEmpty { doc.blocks.append(.paragraph(t.nothing(.atRisk))) }
                for l in summary.atRisk { doc.blocks.append(.bullet(level: 0, line(l, owner: true))) }
            case .respondents:
                if summary.surveys.isEmpty { doc.blocks.append(.paragraph(t.noSurveyWindow)) }
                for survey in summary.surveys {
                    let r = Respondents(quota: survey.quota, count: survey.count)
                    doc.blocks.append(.bullet(level: 0, "\(survey.tool) \(survey.count)/\(survey.quota) (\(TextReports.percent(r.fraction)))"
                                              + (r.isMet ? " ✓ " + s.quotaMet : " — " + language.countdown.respondents(survey.tool, r))))
                }
            case .decisions:
                let decisions = meeting.currentEntries.filter { $0.kind == .decision }
                let actions = meeting.currentEntries.filter { $0.kind == .action }
                doc.blocks.append(.subheading(t.decisions))
                if decisions.isEmpty { doc.blocks.append(.paragraph(t.none)) }
                for (n, entry) in decisions.enumerated() {
                    doc.blocks.append(.numbered(n + 1, entry.text.sanitizedForTerminal + (entry.subject.map { " [\($0)]" } ?? "")
                                                        + (entry.isCorrection ? " (" + language.meeting.corrected + ")" : "")))
                }
                doc.blocks.append(.subheading(t.actions))
                if actions.isEmpty { doc.blocks.append(.paragraph(t.none)) }
                else {
                    let h = t.actionHeaders
                    doc.blocks.append(.table(headers: [h.number, h.task, h.owner, h.due], rows: actions.enumerated().map { n, entry in
                        let task = entry.taskID.flatMap { tasks[$0] }
                        let what = (entry.taskID.map { "#\($0) " } ?? "") + entry.text.sanitizedForTerminal
                            + (task.map { " (\(d.targetShort($0.target)))" } ?? "")
                        return ["\(n + 1)", what, task.map { name($0.ownerID) } ?? "-", task?.due.map(s.date) ?? "-"]
                    }))
                }
                if !summary.followUps.isEmpty {
                    doc.blocks.append(.subheading(t.earlierActions))
                    for l in summary.followUps { doc.blocks.append(.bullet(level: 0, line(l, owner: true))) }
                }
            }
            notes(section)
        }
        if !meeting.isEnded { doc.blocks.append(.paragraph(t.notEnded)) }
        if let secretary = board.members.first(where: { $0.role == .secretary }) {
            doc.blocks.append(.paragraph(t.recorder("\(secretary.name.sanitizedForTerminal) (\(t.role(.secretary)))")))
        }
        return doc
    }
}
