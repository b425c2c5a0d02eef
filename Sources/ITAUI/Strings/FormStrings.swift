import ITACore

/// Strings of the dashboard's task form and plan prompts, one table per language.
public struct FormStrings: Sendable {
    public let header: @Sendable (PlanForm.Kind) -> String
    public let label: @Sendable (PlanForm.Field) -> String
    public let badRole: String
    public let dueRequired: String
    public let badReminders: String
    public let leaveLabel: @Sendable (_ login: String) -> String
    public let removeMilestoneLabel: @Sendable (_ key: String) -> String
    public let membersTitle: @Sendable (Int) -> String
    public let milestonesTitle: @Sendable (Int) -> String
    public let milestonesHeader: [String]
    public let keys: String
    public let titleRequired: String
    public let badTarget: @Sendable (String) -> String
    public let badDate: @Sendable (String) -> String
    public let unknownOwner: @Sendable (String) -> String
    public let ownerDefault: String
    public let completions: String
    public let dueLabel: @Sendable (Int64) -> String
    public let ownerLabel: @Sendable (Int64) -> String
    public let assignLabel: @Sendable (TaskTarget) -> String
    public let archiveLabel: @Sendable (Int64) -> String
    /// The row of an item an owner has with no task yet.
    public let noTaskYet: String
    /// The overview's warning: items with an owner and no task.
    public let itemsWithoutTasks: @Sendable (_ count: Int, _ codes: String) -> String
    public let coordinatorsOnly: String
    public let saved: @Sendable (Int) -> String
    /// What period an item's evidence must cover: `ต้องเป็นข้อมูลปีงบประมาณ 2569`.
    public let evidencePeriod: @Sendable (EvidencePeriod, _ frameworkYear: Int) -> String
    /// A framework marked `provisional: true`.
    public let provisionalFramework: @Sendable (_ id: String) -> String
    /// Before an item's components (องค์ประกอบ) under a task list.
    public let componentsLabel: String
    /// What `ita evidence check` found wrong with a task's evidence.
    public let evidenceFinding: @Sendable (EvidenceFinding) -> String
}

extension Language {
    public var form: FormStrings { self == .th ? .thai : .english }
}

extension FormStrings {
    public static let thai = FormStrings(
        header: { kind in
            switch kind {
            case .task(let t): return t.map { "แก้ไขงาน #\($0.id)" } ?? "เพิ่มงาน"
            case .member(let m): return m.map { "แก้ไขสมาชิก \($0.login)" } ?? "เพิ่มสมาชิก"
            case .milestone(let m): return m.map { "แก้ไขหมุดหมาย \($0.key)" } ?? "เพิ่มหมุดหมาย"
            }
        },
        label: { f in
            switch f {
            case .title: return "ชื่อ"
            case .target: return "ตัวชี้วัด/ข้อ"
            case .owner: return "ผู้รับผิดชอบ"
            case .due: return "กำหนดส่ง"
            case .phase: return "ขั้น"
            case .note: return "บันทึก"
            case .login: return "ชื่อผู้ใช้"
            case .name: return "ชื่อ-สกุล"
            case .role: return "บทบาท"
            case .group: return "กลุ่มงาน"
            case .line: return "ชื่อ LINE"
            case .key: return "key"
            case .titleEN: return "ชื่ออังกฤษ"
            case .starts: return "เริ่ม"
            case .reminders: return "เตือนก่อน (วัน)"
            case .covers: return "ครอบคลุม"
            }
        },
        badRole: "บทบาทต้องเป็น chair, secretary, owner หรือ member",
        dueRequired: "ต้องมีวันครบกำหนด",
        badReminders: "วันเตือนเป็นจำนวนวันคั่นด้วยจุลภาค เช่น 14,7,3,1,0",
        leaveLabel: { "\($0) ออกจากคณะทำงาน: ส่งต่องานให้ (ชื่อผู้ใช้; ว่างถ้าไม่มีงานค้าง) แล้ว Enter" },
        removeMilestoneLabel: { "ลบหมุดหมาย \($0)? Enter ยืนยัน · Esc ยกเลิก" },
        membersTitle: { "คณะทำงาน \($0) คน · a เพิ่ม · E แก้ไข · L ออก (ส่งต่องาน)" },
        milestonesTitle: { "หมุดหมาย \($0) รายการ · a เพิ่ม · E แก้ไข · X ลบ" },
        milestonesHeader: ["key", "หมุดหมาย", "เริ่ม", "ครบกำหนด", "อีก", "ครอบคลุม"],
        keys: "Tab ช่องถัดไป/เติมคำ · Shift-Tab ย้อน · Enter บันทึก · Esc ยกเลิก",
        titleRequired: "ต้องมีชื่องาน",
        badTarget: { "\($0) ไม่ใช่ตัวชี้วัดหรือข้อในเกณฑ์นี้ (เช่น 7 หรือ O12)" },
        badDate: { "วันที่ไม่ถูกต้อง \($0) — ใช้ \(DateInput.formsThai)" },
        unknownOwner: { "ไม่พบสมาชิก \"\($0)\"" },
        ownerDefault: "(ว่าง = ผู้รับผิดชอบข้อ)",
        completions: "Tab เติม:",
        dueLabel: { "กำหนดส่งใหม่ งาน #\($0) (2569-12-15, 15/12, +7; ว่าง = ไม่มี)" },
        ownerLabel: { "ผู้รับผิดชอบใหม่ งาน #\($0) (ชื่อผู้ใช้)" },
        assignLabel: { t in "ผู้รับผิดชอบใหม่ของ \(t) (ชื่อผู้ใช้; งานที่ค้างย้ายตาม)" },
        archiveLabel: { "เก็บงาน #\($0) เข้าคลัง? เหตุผล แล้ว Enter ยืนยัน · Esc ยกเลิก" },
        noTaskYet: "ยังไม่มีงาน — กด a เพื่อเพิ่ม",
        itemsWithoutTasks: { n, codes in "⚠ \(n) ข้อมีผู้รับผิดชอบแต่ยังไม่มีงาน: \(codes)" },
        coordinatorsOnly: "ประธานหรือเลขานุการเท่านั้นที่แก้แผนได้",
        saved: { "✓ บันทึกแล้ว \($0) รายการ (u ย้อนกลับ)" },
        evidencePeriod: { period, year in
            switch period {
            case .current: return "ต้องเป็นข้อมูลปัจจุบัน"
            case .currentFY: return "ต้องเป็นข้อมูลปีงบประมาณ \(year)"
            case .firstHalf: return "ต้องเป็นข้อมูล 6 เดือนแรกของปีงบประมาณ \(year)"
            case .previousFY: return "ต้องเป็นข้อมูลปีงบประมาณ \(year - 1)"
            case .multiYear: return "แผนหลายปีที่ครอบคลุมปีงบประมาณ \(year)"
            }
        },
        provisionalFramework: { "⚠ เกณฑ์ชั่วคราว (\($0)) — ตรวจสอบกับคู่มือ ป.ป.ช. ของปีนี้" },
        componentsLabel: "องค์ประกอบ",
        evidenceFinding: { f in
            switch f {
            case .broken: return "✗ ลิงก์เสีย"
            case .offSite: return "⚠ นอกเว็บไซต์หน่วยงาน"
            case .wrongYear(let year): return "⚠ ปี (ไม่พบ \(year))"
            case .stale: return "◌ ยังไม่ได้ตรวจลิงก์ใน 7 วัน"
            }
        })

    public static let english = FormStrings(
        header: { kind in
            switch kind {
            case .task(let t): return t.map { "Edit task #\($0.id)" } ?? "Add a task"
            case .member(let m): return m.map { "Edit member \($0.login)" } ?? "Add a member"
            case .milestone(let m): return m.map { "Edit milestone \($0.key)" } ?? "Add a milestone"
            }
        },
        label: { f in
            switch f {
            case .title: return "Title"
            case .target: return "Indicator/item"
            case .owner: return "Owner"
            case .due: return "Due"
            case .phase: return "Phase"
            case .note: return "Note"
            case .login: return "Login"
            case .name: return "Name"
            case .role: return "Role"
            case .group: return "Work group"
            case .line: return "LINE name"
            case .key: return "Key"
            case .titleEN: return "English title"
            case .starts: return "Starts"
            case .reminders: return "Remind (days before)"
            case .covers: return "Covers"
            }
        },
        badRole: "the role is chair, secretary, owner or member",
        dueRequired: "a milestone needs a due date",
        badReminders: "reminders are days separated by commas, e.g. 14,7,3,1,0",
        leaveLabel: { "\($0) leaves the committee: hand their work over to (login; empty if they own nothing), then Enter" },
        removeMilestoneLabel: { "Remove milestone \($0)? Enter confirms · Esc cancels" },
        membersTitle: { "The committee, \($0) members · a add · E edit · L leave (hand over)" },
        milestonesTitle: { "\($0) milestones · a add · E edit · X remove" },
        milestonesHeader: ["key", "milestone", "starts", "due", "left", "covers"],
        keys: "Tab next field/complete · Shift-Tab back · Enter save · Esc cancel",
        titleRequired: "a task needs a title",
        badTarget: { "\($0) is not an indicator or item of this framework (e.g. 7 or O12)" },
        badDate: { "not a date \($0) — use \(DateInput.formsEnglish)" },
        unknownOwner: { "no member \"\($0)\"" },
        ownerDefault: "(empty = the target's owner)",
        completions: "Tab completes:",
        dueLabel: { "New due date for #\($0) (2569-12-15, 15/12, +7; empty = none)" },
        ownerLabel: { "New owner of #\($0) (login)" },
        assignLabel: { t in "New owner of \(t) (login; its open tasks move too)" },
        archiveLabel: { "Archive task #\($0)? Type a reason, Enter confirms · Esc cancels" },
        noTaskYet: "no task yet — press a to add one",
        itemsWithoutTasks: { n, codes in "⚠ \(n) item\(n == 1 ? "" : "s") with an owner but no task: \(codes)" },
        coordinatorsOnly: "only the chair or the secretary may change the plan",
        saved: { "✓ saved \($0) change\($0 == 1 ? "" : "s") (u undoes)" },
        evidencePeriod: { period, year in
            switch period {
            case .current: return "data must be current"
            case .currentFY: return "data of FY\(year)"
            case .firstHalf: return "data of the first six months of FY\(year)"
            case .previousFY: return "data of FY\(year - 1)"
            case .multiYear: return "a multi-year plan covering FY\(year)"
            }
        },
        provisionalFramework: { "⚠ provisional framework (\($0)) — check it against this year's NACC manual" },
        componentsLabel: "components",
        evidenceFinding: { f in
            switch f {
            case .broken: return "✗ broken link"
            case .offSite: return "⚠ not on the office's website"
            case .wrongYear(let year): return "⚠ year (\(year) not found)"
            case .stale: return "◌ link not checked for 7 days"
            }
        })
}
