import ITACore

/// Builds the minutes of a meeting from what it recorded and the agenda it saw.
public enum MinutesText {
    public static func document(_ meeting: Meeting, summary: MeetingSummary, number: Int, board: Board, tasks: [Int64: WorkTask],
                                language: Language) -> TextDocument {
        let t = language.meeting
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

        sections(meeting, summary: summary, board: board, tasks: tasks, language: language, into: &doc) { index, section in
            .heading(t.agendaHeading(index + 1, t.agendaTitle(section)))
        }
        if !meeting.isEnded { doc.blocks.append(.paragraph(t.notEnded)) }
        if let secretary = board.members.first(where: { $0.role == .secretary }) {
            doc.blocks.append(.paragraph(t.recorder("\(secretary.name.sanitizedForTerminal) (\(t.role(.secretary)))")))
        }
        return doc
    }

    /// The minutes in the official Thai layout (รายงานการประชุม, as ระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ
    /// sets it out): the meeting, who came and who did not and why, guests, the times, the five
    /// ระเบียบวาระ with the agenda a–f as วาระที่ 4, and the recorder's and checker's signatures.
    /// Always Thai: it is the office's own document.
    public static func official(_ meeting: Meeting, summary: MeetingSummary, number: Int, previous: (meeting: Meeting, number: Int)?,
                                board: Board, tasks: [Int64: WorkTask]) -> TextDocument {
        let language = Language.th, t = language.meeting, s = language.strings
        func clean(_ text: String) -> String { text.sanitizedForTerminal.replacingOccurrences(of: "\n", with: " ") }
        func time(_ at: Timestamp) -> String { at.clockTime.replacingOccurrences(of: ":", with: ".") + " น." }
        let year = ThaiCalendar.fiscalYear(of: meeting.day)
        var doc = TextDocument()
        doc.blocks.append(.title("รายงานการประชุมคณะทำงานการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA)"))
        var head: [TextDocument.Field] = [
            .init("ครั้งที่", "\(number)/\(year)"),
            .init("เมื่อ", "วัน\(ThaiDateFormat.weekdayNames[meeting.day.weekday - 1])ที่ \(ThaiDateFormat.string(meeting.day, style: .long))"),
        ]
        if !meeting.place.isEmpty { head.append(.init("ณ", clean(meeting.place))) }
        head.append(.init("หน่วยงาน", clean(board.assessment.organisation)))
        doc.blocks.append(.fields(head))

        func position(_ m: Member) -> String {
            switch m.role {
            case .chair: return "ประธานคณะทำงาน"
            case .secretary: return "คณะทำงานและเลขานุการ"
            default: return "คณะทำงาน"
            }
        }
        let present = board.members.filter { meeting.attendees.contains($0.id) }
        let absent = board.members.filter { !meeting.attendees.contains($0.id) && !$0.hasLeft }
        doc.blocks.append(.heading("ผู้มาประชุม"))
        if present.isEmpty { doc.blocks.append(.paragraph("–")) }
        doc.blocks.append(.table(headers: ["ที่", "ชื่อ – สกุล", "ตำแหน่ง", "กลุ่มงาน"], rows: present.enumerated().map { i, m in
            ["\(i + 1)", clean(m.name), position(m), clean(m.workGroup)]
        }))
        doc.blocks.append(.heading("ผู้ไม่มาประชุม"))
        if absent.isEmpty { doc.blocks.append(.paragraph("–")) } else {
            doc.blocks.append(.table(headers: ["ที่", "ชื่อ – สกุล", "ตำแหน่ง", "เหตุผล"], rows: absent.enumerated().map { i, m in
                ["\(i + 1)", clean(m.name), position(m), meeting.absenceReasons[m.id].map(clean) ?? "–"]
            }))
        }
        doc.blocks.append(.heading("ผู้เข้าร่วมประชุม"))
        if meeting.guests.isEmpty { doc.blocks.append(.paragraph("–")) }
        for (i, guest) in meeting.guests.enumerated() { doc.blocks.append(.numbered(i + 1, clean(guest))) }

        doc.blocks.append(.paragraph("เริ่มประชุมเวลา \(time(meeting.startedAt))"))
        let chair = board.members.first { $0.role == .chair && !$0.hasLeft }
        doc.blocks.append(.paragraph("เมื่อครบองค์ประชุมแล้ว \(chair.map { clean($0.name) + " " } ?? "")ประธานคณะทำงาน กล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้"))

        let entries = meeting.currentEntries
        /// The notes and decisions recorded under ระเบียบวาระ `n` (1, 2, 3 or 5), then its resolution.
        func item(_ n: Int, resolution: String) {
            let mine = entries.filter { $0.item == n && $0.kind != .action }
            let notes = mine.filter { $0.kind == .note }, decisions = mine.filter { $0.kind == .decision }
            for entry in notes {
                doc.blocks.append(.paragraph((entry.subject.map { "[\($0)] " } ?? "") + clean(entry.text) + (entry.isCorrection ? " (แก้ไข)" : "")))
            }
            if notes.isEmpty && decisions.isEmpty && n != MinutesItem.previousMinutes && n != MinutesItem.followUp { doc.blocks.append(.paragraph("– ไม่มี –")) }
            let said = decisions.map { clean($0.text) + ($0.subject.map { " [\($0)]" } ?? "") }
            doc.blocks.append(.paragraph("มติที่ประชุม " + (said.isEmpty ? resolution : said.joined(separator: " · "))))
        }
        doc.blocks.append(.heading("ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"))
        item(MinutesItem.chairsAnnouncements, resolution: "รับทราบ")

        doc.blocks.append(.heading("ระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว"))
        if let previous {
            doc.blocks.append(.paragraph("ตามที่คณะทำงานได้ประชุมครั้งที่ \(previous.number)/\(ThaiCalendar.fiscalYear(of: previous.meeting.day)) เมื่อวันที่ \(ThaiDateFormat.string(previous.meeting.day, style: .long)) ฝ่ายเลขานุการได้จัดทำรายงานการประชุมและเสนอให้ที่ประชุมพิจารณา"))
            item(MinutesItem.previousMinutes, resolution: "รับรองรายงานการประชุมครั้งที่ \(previous.number)/\(ThaiCalendar.fiscalYear(of: previous.meeting.day)) โดยไม่มีการแก้ไข")
        } else {
            doc.blocks.append(.paragraph("– ไม่มี – (การประชุมครั้งแรก)"))
        }

        doc.blocks.append(.heading("ระเบียบวาระที่ 3 เรื่องสืบเนื่อง"))
        if summary.followUps.isEmpty {
            doc.blocks.append(.paragraph("งานที่มอบหมายจากการประชุมครั้งก่อนดำเนินการแล้วทั้งหมด หรือไม่มีงานค้าง"))
        } else {
            doc.blocks.append(.paragraph("งานที่มอบหมายจากการประชุมครั้งก่อนที่ยังไม่แล้วเสร็จ"))
            doc.blocks.append(.table(headers: ["รหัส", "งาน", "ผู้รับผิดชอบ", "กำหนด"], rows: summary.followUps.map { l in
                ["#\(l.id)", clean(l.title), clean(board.member(l.ownerID)?.name ?? ""), l.due.map(s.date) ?? "–"]
            }))
        }
        item(MinutesItem.followUp, resolution: "รับทราบ และให้ผู้รับผิดชอบเร่งดำเนินการให้แล้วเสร็จ")

        doc.blocks.append(.heading("ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา"))
        doc.blocks.append(.paragraph("ฝ่ายเลขานุการนำเสนอความก้าวหน้าการดำเนินงานตามตัวชี้วัด ITA ให้ที่ประชุมพิจารณา ดังนี้"))
        sections(meeting, summary: summary, board: board, tasks: tasks, language: language, item: MinutesItem.considered, into: &doc) { index, section in
            .subheading("4.\(index + 1) \(t.agendaTitle(section))")
        }

        doc.blocks.append(.heading("ระเบียบวาระที่ 5 เรื่องอื่น ๆ"))
        item(MinutesItem.other, resolution: "รับทราบ")

        if let end = meeting.endedAt { doc.blocks.append(.paragraph("เลิกประชุมเวลา \(time(end))")) }
        else { doc.blocks.append(.paragraph(t.notEnded)) }
        var signatures: [TextDocument.Field] = []
        if let secretary = board.members.first(where: { $0.role == .secretary && !$0.hasLeft }) {
            signatures.append(.init("(ลงชื่อ)", "........................................ ผู้จดรายงานการประชุม"))
            signatures.append(.init("", "(\(clean(secretary.name))) คณะทำงานและเลขานุการ"))
        }
        if let chair {
            signatures.append(.init("(ลงชื่อ)", "........................................ ผู้ตรวจรายงานการประชุม"))
            signatures.append(.init("", "(\(clean(chair.name))) ประธานคณะทำงาน"))
        }
        if !signatures.isEmpty { doc.blocks.append(.fields(signatures)) }
        return doc
    }

    /// The agenda a–f with what the meeting recorded under each, every heading made by `heading`.
    /// With `item`, only the entries of that ระเบียบวาระ (nil: every entry).
    static func sections(_ meeting: Meeting, summary: MeetingSummary, board: Board, tasks: [Int64: WorkTask], language: Language,
                         item: Int? = nil, into doc: inout TextDocument, heading: (Int, AgendaSection) -> TextDocument.Block) {
        let t = language.meeting, s = language.strings, d = language.dashboard
        func name(_ id: Int64) -> String { (board.member(id)?.name ?? "#\(id)").sanitizedForTerminal }
        func line(_ task: MeetingSummary.TaskLine, owner: Bool) -> String {
            var text = "#\(task.id) \(d.targetShort(TaskTarget(text: task.target) ?? .indicator(0))) \(task.title.sanitizedForTerminal)"
            if owner { text += " — " + name(task.ownerID) }
            if let due = task.due { text += " — " + t.due(s.date(due)) }
            return text
        }
        let current = meeting.currentEntries.filter { entry in item.map { entry.item == $0 || entry.kind == .action } ?? true }
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
            let recorded = current.filter { $0.section == section && $0.kind == .note }
            guard !recorded.isEmpty else { return }
            doc.blocks.append(.subheading(t.notes))
            for entry in recorded {
                doc.blocks.append(.bullet(level: 0, (entry.subject.map { "[\($0)] " } ?? "") + entry.text.sanitizedForTerminal
                                                     + (entry.isCorrection ? " (" + language.meeting.corrected + ")" : "")))
            }
        }

        for (index, section) in AgendaSection.allCases.enumerated() {
            doc.blocks.append(heading(index, section))
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
                let decisions = current.filter { $0.kind == .decision }
                let actions = current.filter { $0.kind == .action }
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
    }
}
