import ITACore

extension DashboardStrings {
    public static let thai = DashboardStrings(
        loading: "กำลังอ่านข้อมูลย้อนหลัง…",
        screenTitle: thaiScreenTitle,
        commandTitle: { c in
            switch c {
            case .quit: return "ออก"
            case .selectNext: return "ลงหนึ่งแถว"
            case .selectPrevious: return "ขึ้นหนึ่งแถว"
            case .selectFirst: return "ไปแถวแรก"
            case .selectLast: return "ไปแถวสุดท้าย"
            case .pageDown: return "เลื่อนลงหนึ่งหน้า"
            case .pageUp: return "เลื่อนขึ้นหนึ่งหน้า"
            case .nextScreen: return "หน้าจอถัดไป"
            case .previousScreen: return "หน้าจอก่อนหน้า"
            case .show(let s): return "ไปที่ \(thaiScreenTitle(s))"
            case .open: return "เปิดงาน"
            case .back: return "ย้อนกลับ"
            case .collapse: return "ยุบ"
            case .expand: return "ขยาย"
            case .toggleDone: return "เสร็จ/เปิดใหม่"
            case .undo: return "ย้อนการแก้"
            case .editEvidence: return "หลักฐาน"
            case .editNote: return "บันทึก"
            case .block: return "ติดขัด"
            case .addTask: return "เพิ่มงาน"
            case .editTask: return "แก้ไขงาน"
            case .reassign: return "เปลี่ยนผู้รับผิดชอบ"
            case .setDue: return "เลื่อนกำหนดส่ง"
            case .archive: return "เก็บเข้าคลัง"
            case .addMember: return "เพิ่มสมาชิก"
            case .editMember: return "แก้ไขสมาชิก"
            case .memberLeaves: return "สมาชิกออก (ส่งต่องาน)"
            case .addMilestone: return "เพิ่มหมุดหมาย"
            case .editMilestone: return "แก้ไขหมุดหมาย"
            case .removeMilestone: return "ลบหมุดหมาย"
            case .filter: return "กรอง"
            case .commandLine: return "คำสั่ง"
            case .help: return "วิธีใช้"
            case .toggleWorkingDays: return "สลับ วัน/วันทำการ"
            case .copyReminder: return "คัดลอกข้อความ LINE"
            case .meeting: return "โหมดประชุมติดตามงาน"
            }
        },
        viewer: { name, login in name.map { "ผู้ใช้: \($0)" } ?? "ผู้ใช้: \(login) (ไม่อยู่ในคณะทำงาน)" },
        readOnly: "อ่านอย่างเดียว",
        helpTitle: "วิธีใช้ — ปุ่มลัด (ใช้ได้ทั้งแป้นอังกฤษและแป้นไทย)",
        helpFooter: "คำสั่ง: :owner ชื่อ · :filter ข้อความ · :all · :help · :1–:8 ไปหน้าจอ · :q    กรอง /: ข้อความ @ชื่อผู้ใช้ status:done phase:A1 overdue    กดปุ่มใดก็ได้เพื่อปิด",
        helpAnyKeyCloses: "กดปุ่มใดก็ได้เพื่อปิด",
        tooSmall: { w, h in "หน้าจอเล็กไป (\(w)×\(h)) ต้องการอย่างน้อย 40×12" },
        treeHeaders: (name: "ตัวชี้วัด / ข้อ", owner: "ผู้รับผิดชอบ", done: "เสร็จ", due: "ส่งถัดไป", mark: "สถานะ"),
        myTasksOf: { "งานของ \($0) เรียงตามความเร่งด่วน" },
        notAMember: { "ผู้ใช้ \($0) ไม่อยู่ในรายชื่อคณะทำงาน — ดูงานทั้งหมดที่แท็บ 4 หรือเปิดด้วย --as LOGIN" },
        allTasksHeader: { shown, total in "งาน \(shown) จาก \(total) รายการ เรียงตามความเร่งด่วน" },
        filterLabel: { "กรอง: \($0)" },
        drillHeader: { target, count in "งานของ \(target) · \(count) รายการ (Esc กลับ)" },
        noSelection: "ยังไม่ได้เลือกงาน",
        openTasksFirst: "กด Enter เพื่อเปิดงานของแถวนี้ก่อน",
        promptLabel: { p in
            switch p {
            case .filter: return "กรอง"
            case .command: return ":"
            case .evidence(let id): return "หลักฐาน (URL) งาน #\(id)"
            case .note(let id): return "บันทึก งาน #\(id)"
            case .block(let id): return "เหตุที่ติดขัด งาน #\(id)"
            case .due(let id): return FormStrings.thai.dueLabel(id)
            case .owner(let id): return FormStrings.thai.ownerLabel(id)
            case .assign(let target): return FormStrings.thai.assignLabel(target)
            case .archive(let id): return FormStrings.thai.archiveLabel(id)
            case .leave(let login): return FormStrings.thai.leaveLabel(login)
            case .removeMilestone(let key): return FormStrings.thai.removeMilestoneLabel(key)
            }
        },
        promptKeys: "Enter ตกลง · Esc ยกเลิก",
        reasonRequired: "ต้องระบุเหตุที่ติดขัด",
        helpScroll: { first, last, total in "บรรทัด \(first)–\(last) จาก \(total) · j/k เลื่อน" },
        notEvidence: { "\($0) ไม่ใช่หลักฐาน: ต้องเป็น URL http:// หรือ https:// ที่มีชื่อเว็บไซต์ ไม่มีช่องว่าง (คั่นหลาย URL ด้วยช่องว่าง)" },
        unknownCommand: { "ไม่รู้จักคำสั่ง :\($0) (ลอง :owner, :filter, :all, :q)" },
        unknownOwner: { "ไม่พบสมาชิก \"\($0)\"" },
        filterCleared: "ล้างตัวกรองแล้ว",
        filterSet: { f, n in "กรอง \(f): พบ \(n) รายการ" },
        evidenceLabel: "หลักฐาน",
        noteLabel: "บันทึก",
        blockedLabel: "ติดขัด",
        doneByLabel: { name, when in "เสร็จโดย \(name) \(when)" },
        overdueMark: "! เกิน",
        belowTargetLegend: "▼ = ปีที่แล้วต่ำกว่าเป้า",
        dueShort: { c in
            switch c.calendarDays {
            case 0: return "วันนี้"
            case ..<0: return "เกิน \(-c.calendarDays) วัน"
            default: return "อีก \(c.calendarDays) วัน"
            }
        },
        targetShort: { t in
            if case .indicator(let n) = t { return "ตช.\(n)" }
            return t.description
        },
        treeMark: { standing in
            switch standing {
            case .noTasks: return "– ไม่มีงาน"
            case .allDone: return "✓ ครบ"
            case .doneNoEvidence: return "◇ รอหลักฐาน"
            case .overdue(let n): return "! เกิน \(n)"
            case .blocked(let n): return "✕ ติดขัด \(n)"
            case .open(let n): return "○ ค้าง \(n)"
            }
        },
        notATerminal: "แดชบอร์ดต้องเปิดในเทอร์มินัล (stdin/stdout ไม่ใช่เทอร์มินัล) — ใช้ `ita status` หรือ `ita tasks` สำหรับข้อความ",
        noTerminalType: { $0.isEmpty ? "ไม่ได้ตั้งค่า TERM จึงเปิดแดชบอร์ดไม่ได้ — ใช้ `ita status` หรือตั้ง TERM=xterm-256color" : "TERM=\($0) วาดหน้าจอไม่ได้ — ใช้ `ita status` หรือตั้ง TERM=xterm-256color" },
        cannotOpenTerminal: { "เปิดเทอร์มินัลไม่ได้ (\($0)) — ตรวจค่า TERM" },
        statusSymbol: { s in
            switch s {
            case .todo: return "○"
            case .inProgress: return "◐"
            case .done: return "●"
            case .blocked: return "✕"
            }
        }
    )
}

private let thaiScreenTitle: @Sendable (ScreenID) -> String = { s in
    switch s {
    case .overview: return "ภาพรวม"
    case .tree: return "ตัวชี้วัดและข้อ"
    case .mine: return "งานของฉัน"
    case .all: return "งานทั้งหมด"
    case .countdown: return "นับถอยหลัง"
    case .review: return "ทบทวนรายสัปดาห์"
    case .members: return "สมาชิก"
    case .milestones: return "หมุดหมาย"
    }
}
