import ITACore

extension MeetingStrings {
    static let thai = MeetingStrings(
        title: { number, day in "ประชุมติดตามงาน ITA" + (number.map { " ครั้งที่ \($0)" } ?? "") + " · " + day },
        notMeetingDay: { "นอกวันประชุมปกติ (วัน\(ThaiDateFormat.weekdayNames[max(0, min(6, $0 - 1))]))" },
        stepTitle: { step in
            switch step {
            case .attendance: return "ผู้เข้าประชุม"
            case .section(.done): return "ก. งานที่เสร็จตั้งแต่ประชุมครั้งก่อน"
            case .section(.overdue): return "ข. งานเกินกำหนด แยกตามผู้รับผิดชอบ"
            case .section(.dueSoon): return "ค. งานที่ครบกำหนดก่อนประชุมครั้งถัดไป"
            case .section(.atRisk): return "ง. งานเสี่ยง: ไม่ขยับ 14 วัน และครบกำหนดใน 30 วัน"
            case .section(.respondents): return "จ. ผู้ตอบแบบวัด IIT / EIT เทียบเป้าหมาย"
            case .section(.decisions): return "ฉ. มติและงานที่มอบหมาย"
            }
        },
        stepTab: { step in
            switch step {
            case .attendance: return "เข้าประชุม"
            case .section(.done): return "ก เสร็จ"
            case .section(.overdue): return "ข เกินกำหนด"
            case .section(.dueSoon): return "ค ใกล้ครบ"
            case .section(.atRisk): return "ง เสี่ยง"
            case .section(.respondents): return "จ ผู้ตอบ"
            case .section(.decisions): return "ฉ มติ"
            }
        },
        readOnly: "ดูอย่างเดียว",
        ended: { "ปิดประชุมแล้ว \($0) น." },
        noMeetingYet: "ยังไม่เปิดการประชุมวันนี้: ประธานหรือเลขานุการเปิดด้วย ita meeting (หน้านี้แสดงวาระให้ดูก่อน)",
        present: { present, total in "มาประชุม \(present)/\(total) คน" },
        since: { previous, since in previous.map { "ตั้งแต่ประชุมครั้งก่อน \($0)" } ?? "ตั้งแต่ \(since) (ยังไม่มีการประชุมครั้งก่อน)" },
        scoreChange: "คะแนนคาดการณ์",
        noPreviousScore: "ไม่มีคะแนนของครั้งก่อนให้เทียบ",
        tasks: { "\($0) งาน" },
        nothing: { section in
            switch section {
            case .done: return "ยังไม่มีงานที่เสร็จในช่วงนี้"
            case .overdue: return "✓ ไม่มีงานเกินกำหนด"
            case .dueSoon: return "ไม่มีงานครบกำหนดก่อนประชุมครั้งถัดไป"
            case .atRisk: return "✓ ไม่มีงานเสี่ยง"
            case .respondents: return "ไม่อยู่ในช่วงตอบแบบวัด IIT / EIT"
            case .decisions: return "ยังไม่มีมติหรืองานที่มอบหมาย: กด d บันทึกมติ หรือ a มอบหมายงาน"
            }
        },
        noSurveyWindow: "ไม่อยู่ในช่วงตอบแบบวัด IIT / EIT",
        surveyWindow: { title, until in "\(title) ถึง \(until)" },
        followUp: { "ค้างจากการประชุม \($0)" },
        entryKind: { kind in
            switch kind {
            case .note: return "บันทึก"
            case .decision: return "มติ"
            case .action: return "มอบหมาย"
            }
        },
        nextMeeting: { "ประชุมครั้งถัดไป \($0)" },
        commandTitle: { c in
            switch c {
            case .nextStep: return "วาระถัดไป"
            case .previousStep: return "วาระก่อนหน้า"
            case .down: return "ลงหนึ่งแถว"
            case .up: return "ขึ้นหนึ่งแถว"
            case .first: return "แถวแรก"
            case .last: return "แถวสุดท้าย"
            case .pageDown: return "เลื่อนลงหนึ่งหน้า"
            case .pageUp: return "เลื่อนขึ้นหนึ่งหน้า"
            case .goToStep: return "ไปขั้นตามเลข (1 เช็กชื่อ, 2–7 วาระ ก–ฉ)"
            case .toggleAttendance: return "มา/ไม่มา"
            case .allPresent: return "มาทุกคน"
            case .note: return "บันทึก"
            case .decision: return "มติ"
            case .action: return "มอบหมายงาน"
            case .correct: return "แก้ไข"
            case .end: return "ปิดประชุม"
            case .help: return "วิธีใช้"
            case .quit: return "ออก"
            case .place: return "สถานที่ประชุม"
            case .absence: return "เหตุที่ไม่มาประชุม"
            case .guests: return "ผู้เข้าร่วมประชุม (ไม่ใช่คณะทำงาน)"
            case .minutesItem: return "เปลี่ยนระเบียบวาระของบันทึกและมติ (1–5)"
            }
        },
        helpTitle: "โหมดประชุม — ปุ่มลัด (ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย)",
        promptKeys: "Enter บันทึก  Esc ยกเลิก  Ctrl-U ล้าง",
        promptLabel: { kind in
            switch kind {
            case .note: return "บันทึก"
            case .decision: return "มติ"
            case .action: return "มอบหมาย"
            case .correction(let entry): return entry.kind == .decision ? "แก้ไขมติ" : "แก้ไขบันทึก"
            case .place: return "สถานที่ประชุม"
            case .absence: return "เหตุที่ไม่มา (เว้นว่างเพื่อลบ)"
            case .guests: return "ผู้เข้าร่วมประชุม (คั่นด้วย ,)"
            }
        },
        agendaWord: "วาระ ก–ฉ",
        attendanceHint: "Space มา/ไม่มา  * มาทุกคน  n ไปวาระ ก",
        nothingToCorrect: "ยังไม่มีบันทึกหรือมติในวาระนี้ให้แก้ไข",
        corrected: "แก้ไข",
        actionFormat: "@ผู้รับผิดชอบ O12 หรือ i7  วันที่ (2569-12-02, 2/12 หรือ +7)  ชื่องาน",
        confirmEnd: "ปิดการประชุมและเก็บรายงาน? y ปิด · n กลับ",
        recorded: { kind in
            switch kind {
            case .note: return "✓ จดบันทึกแล้ว"
            case .decision: return "✓ บันทึกมติแล้ว"
            case .action: return "✓ มอบหมายงานแล้ว"
            }
        },
        actionSaved: { id, owner, due in "✓ มอบหมายงาน #\(id) ให้ \(owner) กำหนด \(due) (อยู่ใน ita tasks แล้ว)" },
        meetingClosed: "✓ ปิดการประชุมแล้ว: ita minutes พิมพ์รายงานการประชุม",
        endedNote: "ประชุมนี้ปิดแล้ว ดูรายงานด้วย ita minutes",
        actionNeedsTitle: "ใส่ชื่องานด้วย",
        actionNeedsOwner: "ใส่ผู้รับผิดชอบด้วย เช่น @somchai",
        actionNeedsTarget: "ใส่ว่างานนี้ของข้อใด เช่น O12 หรือตัวชี้วัด i7",
        actionUnknownOwner: { "ไม่มีสมาชิก \($0)" },
        actionUnknownTarget: { "ไม่มีตัวชี้วัดหรือข้อ \($0) ในกรอบการประเมิน" },
        actionBadDate: { "อ่านวันที่ \($0) ไม่ได้ ใช้ 2569-12-02, 2/12, 2/12/2569 หรือ +7" },
        actionPastDate: { "วันครบกำหนด \($0) ผ่านไปแล้ว" },

        minutesTitle: { number, fy in "รายงานการประชุมติดตามงาน ITA ครั้งที่ \(number)/\(fy)" },
        minutesWhen: { day, start, end, minutes in
            var text = "วัน\(ThaiDateFormat.weekdayNames[day.weekday - 1])ที่ \(ThaiDateFormat.string(day, style: .long)) เวลา \(start)"
            if let end { text += "–\(end)" }
            text += " น."
            if let minutes { text += " (\(minutes) นาที)" }
            return text
        },
        attendees: { "ผู้เข้าประชุม (\($0) คน)" },
        absent: { "ผู้ไม่เข้าประชุม (\($0) คน)" },
        role: { role in
            switch role {
            case .chair: return "ประธาน"
            case .secretary: return "เลขานุการ"
            case .owner: return "ผู้รับผิดชอบตัวชี้วัด"
            case .member: return "คณะทำงาน"
            }
        },
        agendaTitle: { section in
            let titles: [AgendaSection: String] = [
                .done: "งานที่เสร็จตั้งแต่ประชุมครั้งก่อน", .overdue: "งานเกินกำหนด", .dueSoon: "งานที่ครบกำหนดก่อนประชุมครั้งถัดไป",
                .atRisk: "งานเสี่ยง (ไม่มีความเคลื่อนไหว 14 วัน และครบกำหนดภายใน 30 วัน)", .respondents: "ผู้ตอบแบบวัด IIT / EIT",
                .decisions: "มติและงานที่มอบหมาย",
            ]
            return titles[section]!
        },
        agendaHeading: { index, title in "วาระที่ \(index) \(title)" },
        scoreLine: { before, after, grade in
            "คะแนนคาดการณ์ " + (before.map { "\($0) → " } ?? "") + after + (grade.map { " (ระดับ \($0))" } ?? "")
        },
        ownerLine: { name, count in "\(name): \(count) งาน" },
        due: { "กำหนด \($0)" },
        notes: "บันทึก",
        decisions: "มติที่ประชุม",
        actions: "งานที่มอบหมาย",
        actionHeaders: ("ที่", "งาน", "ผู้รับผิดชอบ", "กำหนดเสร็จ"),
        earlierActions: "งานที่มอบหมายจากการประชุมครั้งก่อนที่ยังไม่เสร็จ",
        none: "ไม่มี",
        timeSpent: { "ใช้เวลา \($0) นาที" },
        recorder: { "ผู้จดรายงานการประชุม: \($0)" },
        notEnded: "หมายเหตุ: การประชุมนี้ยังไม่ปิด รายงานนี้แสดงวาระตามข้อมูลปัจจุบัน",
        noMeetings: "ยังไม่มีการประชุม: เปิดด้วย ita meeting",
        noMeetingOn: { "ไม่มีการประชุมวันที่ \($0)" },
        minutesItemShort: { n in
            let titles = [1: "ประธานแจ้ง", 2: "รับรองรายงานครั้งที่แล้ว", 3: "เรื่องสืบเนื่อง", 4: "เพื่อพิจารณา", 5: "เรื่องอื่น ๆ"]
            return "ระเบียบวาระที่ \(n) \(titles[n] ?? "")"
        },
        minutesItemNow: { n in
            let titles = [1: "ประธานแจ้ง", 2: "รับรองรายงานครั้งที่แล้ว", 3: "เรื่องสืบเนื่อง", 4: "เพื่อพิจารณา", 5: "เรื่องอื่น ๆ"]
            return "บันทึกและมติต่อไปอยู่ในระเบียบวาระที่ \(n) \(titles[n] ?? "") (v เปลี่ยน)"
        },
        placeSaved: { "✓ สถานที่ประชุม: \($0)" },
        absenceSaved: { name, reason in reason.isEmpty ? "✓ ลบเหตุที่ไม่มาของ \(name)" : "✓ \(name) ไม่มาประชุม: \(reason)" },
        guestsSaved: { "✓ ผู้เข้าร่วมประชุม \($0) คน" },
        placeLine: { "ณ \($0)" }
    )
}
