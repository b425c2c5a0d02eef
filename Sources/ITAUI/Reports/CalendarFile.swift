import ITACore

/// The plan as an iCalendar file (RFC 5545) for Google Calendar, Outlook or Thunderbird: every
/// milestone and every task's due date as an all-day event, with alarms at 09:00 on the days the
/// LINE reminders go out. UIDs are stable per milestone and task, so importing a newer file updates
/// events instead of adding them twice.
public enum CalendarFile {
    public static func text(board: Board, tasks: [WorkTask], owner: Member? = nil, now: Timestamp) -> String {
        let a = board.assessment
        let namespace = "\(a.fiscalYear)-\(hash(a.organisation))"
        let calendar = a.workingCalendar
        let stamp = utcStamp(now)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ITA Board//ita//TH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape("ITA \(a.fiscalYear) — \(a.organisation)" + (owner.map { " — \($0.name)" } ?? "")),
                     "X-WR-TIMEZONE:Asia/Bangkok"]
        func event(uid: String, day: CivilDate, summary: String, description: String, offsets: [Int], categories: String, done: Bool = false) {
            lines += ["BEGIN:VEVENT", "UID:\(uid)@ita-board", "DTSTAMP:\(stamp)", "DTSTART;VALUE=DATE:\(compact(day))",
                      "DTEND;VALUE=DATE:\(compact(day.adding(days: 1)))", "SUMMARY:" + escape(summary), "DESCRIPTION:" + escape(description),
                      "CATEGORIES:" + escape(categories), "TRANSP:TRANSPARENT", "STATUS:CONFIRMED"]
            if !done {
                // One alarm per day a reminder goes out (steps that land on the same working day are one).
                let days = Set(offsets.map { day.days(to: ReminderSchedule.sendDay(offset: $0, due: day, calendar: calendar)) * -1 }).sorted(by: >)
                for before in days {
                    lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(summary),
                              "TRIGGER:" + (before == 0 ? "PT9H" : "-P\(before - 1)DT15H"), "END:VALARM"]
                }
            }
            lines.append("END:VEVENT")
        }
        for m in a.milestones {
            let scope = m.covers.isEmpty ? "" : "\nครอบคลุม: " + m.covers.joined(separator: ", ")
            event(uid: "milestone-\(m.key)-\(namespace)", day: m.due, summary: "◆ \(m.titleTH)",
                  description: "หมุดหมาย ITA ปีงบประมาณ \(a.fiscalYear): \(m.titleTH)\(m.titleEN == m.key ? "" : " (\(m.titleEN))")\(scope)",
                  offsets: m.reminderOffsets, categories: "ITA,หมุดหมาย")
        }
        for t in tasks.sorted(by: { $0.id < $1.id }) where owner == nil || t.ownerID == owner?.id {
            guard let due = t.due, !t.isArchived else { continue }
            let who = board.member(t.ownerID)?.name ?? ""
            let target: String
            switch t.target {
            case .item(let code): target = code + (board.framework.item(code).map { " " + $0.titleTH } ?? "")
            case .indicator(let n): target = "ตัวชี้วัดที่ \(n)" + (board.framework.indicator(n).map { " " + $0.nameTH } ?? "")
            }
            var description = "งาน #\(t.id) · \(target)\nผู้รับผิดชอบ: \(who)\nสถานะ: \(statusText(t.status))"
            if let reason = t.blockedReason, t.status == .blocked { description += " — \(reason)" }
            if !t.evidence.isEmpty { description += "\nหลักฐาน: " + t.evidence.joined(separator: " ") }
            if !t.note.isEmpty { description += "\nหมายเหตุ: " + t.note }
            description += "\nทำเครื่องหมายว่าเสร็จ: ita done \(t.id)"
            event(uid: "task-\(t.id)-\(namespace)", day: due, summary: (t.status == .done ? "✓ " : "⏰ ") + "\(t.target) \(t.title) — \(who)",
                  description: description, offsets: Milestone.defaultReminderOffsets, categories: "ITA,งาน", done: t.status == .done)
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0.sanitizedKeepingLines) }.joined(separator: "\r\n") + "\r\n"
    }

    static func statusText(_ status: TaskStatus) -> String {
        switch status {
        case .todo: return "ยังไม่เริ่ม"
        case .inProgress: return "กำลังทำ"
        case .done: return "เสร็จแล้ว"
        case .blocked: return "ติดขัด"
        }
    }

    static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func compact(_ d: CivilDate) -> String { digits(d.year, 4) + digits(d.month, 2) + digits(d.day, 2) }

    static func utcStamp(_ t: Timestamp) -> String {
        let utc = Timestamp(secondsSince1970: t.secondsSince1970, utcOffsetSeconds: 0)
        let seconds = Int(((t.secondsSince1970 % 86_400) + 86_400) % 86_400)
        return compact(utc.date) + "T" + digits(seconds / 3600, 2) + digits(seconds / 60 % 60, 2) + digits(seconds % 60, 2) + "Z"
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Lines of at most 75 octets, continued with CRLF and a space, never inside a UTF-8 sequence
    /// (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var out = "", count = 0, limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > limit {
                out += "\r\n "
                count = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }

    /// FNV-1a of the organisation's name: the same office gives the same UIDs on every export.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}
