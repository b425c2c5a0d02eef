import ITACore

/// Strings of the dashboard's task form and plan prompts, one table per language.
public struct FormStrings: Sendable {
    public let header: @Sendable (_ id: Int64?) -> String
    public let label: @Sendable (TaskForm.Field) -> String
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
}

extension Language {
    public var form: FormStrings { self == .th ? .thai : .english }
}

extension FormStrings {
    public static let thai = FormStrings(
        header: { id in id.map { "แก้ไขงาน #\($0)" } ?? "เพิ่มงาน" },
        label: { f in
            switch f {
            case .title: return "ชื่องาน"
            case .target: return "ตัวชี้วัด/ข้อ"
            case .owner: return "ผู้รับผิดชอบ"
            case .due: return "กำหนดส่ง"
            case .phase: return "ขั้น"
            case .note: return "บันทึก"
            }
        },
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
        saved: { "✓ บันทึกแล้ว \($0) รายการ (u ย้อนกลับ)" })

    public static let english = FormStrings(
        header: { id in id.map { "Edit task #\($0)" } ?? "Add a task" },
        label: { f in
            switch f {
            case .title: return "Title"
            case .target: return "Indicator/item"
            case .owner: return "Owner"
            case .due: return "Due"
            case .phase: return "Phase"
            case .note: return "Note"
            }
        },
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
        saved: { "✓ saved \($0) change\($0 == 1 ? "" : "s") (u undoes)" })
}
