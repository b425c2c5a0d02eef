import ITACore

extension CountdownStrings {
    public static let thai = CountdownStrings(
        deadlineTitle: { s in
            switch s.source {
            case .milestone(let m): return m.titleTH
            case .tasks: return "งานครบกำหนดส่ง"
            case .overdueTasks: return "งานเลยกำหนด \(s.openTaskCount) งาน (นับจากงานที่ค้างนานที่สุด)"
            }
        },
        unit: { $0 ? "วันทำการ" : "วัน" },
        state: { s in
            if s.isDone { return "✓ เสร็จแล้ว" }
            switch s.countdown.urgency {
            case .calm: return "○ ยังมีเวลา"
            case .upcoming: return "◔ ใกล้ถึง"
            case .soon: return "◑ ใกล้แล้ว"
            case .urgent: return "▲ ด่วน"
            case .today: return "★ วันนี้"
            case .overdue: return "! เลยกำหนด"
            }
        },
        otherCount: { c, bigIsWorking in c.calendarDays < 0 ? "(เลยกำหนดมาแล้ว)" : bigIsWorking ? "(\(c.calendarDays) วัน)" : "(\(c.workingDays) วันทำการ)" },
        countdownSentence: { c in
            switch c.calendarDays {
            case ..<0: return "เลยกำหนดมา \(-c.calendarDays) วัน"
            case 0: return "ครบกำหนดวันนี้"
            default:
                return c.workingDays == 0 ? "อีก \(c.calendarDays) วัน (วันนี้เป็นวันทำการสุดท้าย)"
                                          : "อีก \(c.calendarDays) วัน (\(c.workingDays) วันทำการ)"
            }
        },
        dueOn: { d in "ครบกำหนด วัน\(ThaiDateFormat.weekdayNames[d.weekday - 1])ที่ \(ThaiDateFormat.string(d, style: .long))" },
        notFinished: { targets, tasks in tasks > 0 ? "\(targets) ยังไม่เสร็จ (\(tasks) งาน)" : "\(targets) ยังไม่เสร็จ" },
        respondents: { tool, r in "\(tool) ตอบแล้ว \(r.count) จาก \(r.quota) คน (ขาดอีก \(max(0, r.quota - r.count)))" },
        nothingTracked: "ไม่มีงานผูกกับกำหนดนี้",
        allDone: "ทุกงานเสร็จแล้ว",
        mention: { m in "@" + (m.lineName.isEmpty ? m.name : m.lineName) },
        messageHeading: { r in
            switch r {
            case .member: return "📣 แจ้งเตือนงาน ITA ถึง"
            case .group(let g): return "📣 แจ้งเตือนงาน ITA ถึง \(g.isEmpty ? "ผู้ไม่ระบุกลุ่มงาน" : g)"
            case .committee: return "📣 แจ้งเตือนคณะทำงาน ITA"
            }
        },
        noReminders: { "วันที่ \(ThaiDateFormat.string($0)) ไม่มีกำหนดใดถึงรอบแจ้งเตือน" },
        unknownGroup: { g, all in "ไม่มีกลุ่มงาน \"\(g)\" — กลุ่มที่มี: \(all.joined(separator: ", "))" },
        copied: { "คัดลอกข้อความแจ้งเตือน \"\($0)\" แล้ว (OSC 52) — วางใน LINE ได้เลย" },
        noStickers: "ไม่มีกำหนดส่งที่จะมาถึง",
        unitToggleHint: "w สลับ วัน/วันทำการ · y คัดลอกข้อความ LINE",
        presentReadOnly: "โหมดนำเสนอ · อ่านอย่างเดียว",
        paused: "หยุดชั่วคราว",
        pageTitle: { page, board in
            switch page {
            case .overview: return "ภาพรวมคะแนน ITA"
            case .countdown(let part, let parts): return parts > 1 ? "นับถอยหลัง (\(part + 1)/\(parts))" : "นับถอยหลัง"
            case .owner(let id): return "งานของ \(board.member(id)?.name ?? "#\(id)")"
            case .respondents: return "ผู้ตอบแบบวัด IIT / EIT"
            }
        },
        pageCounter: { page, pages, left in "หน้า \(page)/\(pages)" + (left.map { " · เปลี่ยนใน \($0) วินาที" } ?? "") },
        ownerPageHeading: { open, overdue in "ค้าง \(open) งาน · เลยกำหนด \(overdue) งาน" },
        ownerAllDone: "ไม่มีงานค้าง",
        presentCommandTitle: { c in
            switch c {
            case .pause: return "หยุด/เล่น"
            case .next: return "ถัดไป"
            case .previous: return "ก่อนหน้า"
            case .pageDigit: return "เลขหน้า"
            case .endNumber: return "จบเลขหน้า"
            case .first: return "หน้าแรก"
            case .last: return "หน้าสุดท้าย"
            case .toggleWorkingDays: return "สลับ วัน/วันทำการ"
            case .help: return "วิธีใช้"
            case .quit: return "ออก"
            }
        },
        presentHelpTitle: "โหมดนำเสนอ — ปุ่มลัด (ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย)",
        surveyWindow: { m in m.map { "ช่วงตอบแบบวัด ถึง \(ThaiDateFormat.string($0.due))" } ?? "" },
        surveyPace: { needed, days in
            days > 0 ? "ต้องได้อีก \(needed) คน ใน \(days) วันทำการ — วันละ \((needed + days - 1) / days) คน" : "ต้องได้อีก \(needed) คน ภายในวันนี้"
        },
        overdueHeading: { meeting in meeting ? "🔴 งานที่เลยกำหนด — ติดตามในการประชุมวันนี้" : "🔴 งานที่เลยกำหนด" }
    )
}
