import ITACore

/// Strings of keeping the plan (the `add`, `edit`, `member`, … commands and the dashboard's
/// forms), one table per language.
public struct PlanStrings: Sendable {
    public let added: @Sendable (_ id: Int64, _ title: String) -> String
    public let nothingChanged: String
    public let warning: @Sendable (_ text: String) -> String
    public let dueWarning: @Sendable (DueWarning, _ date: (CivilDate) -> String) -> String
    public let nextOccurrence: @Sendable (_ id: Int64, _ due: String) -> String
    public let pendingOccurrence: @Sendable (_ id: Int64, _ due: String) -> String
    /// `+ สมาชิก malee`, `− หมุดหมาย review-2`: a row added or removed.
    public let rowAdded: @Sendable (_ subject: String) -> String
    public let rowRemoved: @Sendable (_ subject: String) -> String
    public let entity: @Sendable (AuditEntity) -> String
    /// `ผู้รับผิดชอบข้อ O12`, `ผู้รับผิดชอบตัวชี้วัด 8`.
    public let ownerOf: @Sendable (TaskTarget) -> String
    public let role: @Sendable (Member.Role) -> String
    public let left: @Sendable (_ date: String) -> String
    public let noneYet: String
    public let membersHeader: [String]
    public let milestonesHeader: [String]
    public let holidaysHeader: [String]
    public let archivedHeader: [String]
    public let wouldApply: @Sendable (_ count: Int) -> String
    public let applyHint: String
    public let applied: @Sendable (_ count: Int) -> String
    public let planSame: String
    /// An item whose tasks are all done but none has evidence: it does not pass yet.
    public let itemLacksEvidence: @Sendable (_ item: String) -> String
    /// `ผลประกาศ (ITAS)`, a scope's name (`ตัวชี้วัด 7`, `รวม`), `(คาดการณ์ 93.50)`, and why a recorded grade cannot be.
    public let officialHeading: String
    public let scopeName: @Sendable (String) -> String
    public let projectedBeside: @Sendable (Double) -> String
    public let contradiction: @Sendable (OfficialResults.Contradiction) -> String
    public let noResults: String
}

extension Language {
    public var plan: PlanStrings { self == .th ? .thai : .english }
}

extension PlanStrings {
    public static let thai = PlanStrings(
        added: { id, title in "✓ เพิ่มงาน #\(id): \(title)" },
        nothingChanged: "เป็นเช่นนั้นอยู่แล้ว ไม่มีการเปลี่ยนแปลง",
        warning: { "⚠ \($0)" },
        dueWarning: { w, date in
            switch w {
            case .weekend(let d): return "\(date(d)) เป็นวันเสาร์หรืออาทิตย์"
            case .holiday(let d, let name): return "\(date(d)) เป็นวันหยุดของคณะทำงาน (\(name))"
            case .afterMilestone(let d, let m): return "\(date(d)) เลยหมุดหมาย \(m.titleTH) (\(date(m.due))) ที่ครอบคลุมงานนี้"
            }
        },
        nextOccurrence: { id, due in "↻ งานรอบถัดไป #\(id) กำหนดส่ง \(due)" },
        pendingOccurrence: { id, due in "↻ รอบถัดไปจะครบกำหนด \(due) ซึ่งเป็นอดีตหรือเกินหนึ่งปี: ยังไม่ได้สร้าง — ถ้าต้องการ ใช้ ita done \(id) --next" },
        rowAdded: { "+ \($0)" },
        rowRemoved: { "− \($0)" },
        entity: { e in
            switch e {
            case .task: return "งาน"
            case .owner: return "ผู้รับผิดชอบข้อ"
            case .member: return "สมาชิก"
            case .milestone: return "หมุดหมาย"
            case .holiday: return "วันหยุด"
            case .estimate: return "ค่าประมาณการ"
            case .lastYear: return "คะแนนปีที่แล้ว ตัวชี้วัด"
            case .assessment: return "การประเมิน"
            case .respondents: return "ผู้ตอบ"
            case .official: return "ผลประกาศ"
            default: return e.rawValue
            }
        },
        ownerOf: { t in
            if case .indicator(let n) = t { return "ผู้รับผิดชอบตัวชี้วัด \(n)" }
            return "ผู้รับผิดชอบข้อ \(t)"
        },
        role: { r in
            switch r {
            case .chair: return "ประธาน"
            case .secretary: return "เลขานุการ"
            case .owner: return "ผู้รับผิดชอบ"
            case .member: return "กรรมการ"
            }
        },
        left: { "ออกแล้ว \($0)" },
        noneYet: "ยังไม่มี",
        membersHeader: ["ผู้ใช้", "ชื่อ", "บทบาท", "กลุ่มงาน", "LINE", "รับผิดชอบ", "งานค้าง"],
        milestonesHeader: ["key", "หมุดหมาย", "เริ่ม", "ครบกำหนด", "เตือน (วันก่อน)", "ครอบคลุม"],
        holidaysHeader: ["วันที่", "วันหยุด"],
        archivedHeader: ["#", "งาน", "ข้อ", "เก็บเมื่อ", "เหตุผล"],
        wouldApply: { "จะเปลี่ยน \($0) รายการ:" },
        applyHint: "ยังไม่ได้เปลี่ยนอะไร — สั่งอีกครั้งพร้อม --yes เพื่อบันทึก",
        applied: { "✓ บันทึกแล้ว \($0) รายการ (ita undo ย้อนกลับทั้งชุด)" },
        planSame: "แผนในไฟล์ตรงกับฐานข้อมูลแล้ว ไม่มีอะไรต้องเปลี่ยน",
        itemLacksEvidence: { "⚠ งานของ \($0) เสร็จครบแล้ว แต่ยังไม่มี URL หลักฐาน: ข้อนี้ยังไม่ผ่าน (ita done ID --evidence URL)" },
        officialHeading: "ผลประกาศ (ITAS)",
        scopeName: { $0 == OfficialResults.total ? "รวม" : (Int($0) != nil ? "ตัวชี้วัด \($0)" : $0) },
        projectedBeside: { "(คาดการณ์ \(Score.text($0)))" },
        contradiction: { c in
            switch c {
            case .totalTooLow(let g, let total, let needs): return "⚠ ระดับที่บันทึก \(g) ขัดกับเกณฑ์: \(g) ต้องได้คะแนนรวมอย่างน้อย \(Number.plain(needs)) แต่ได้ \(Score.text(total))"
            case .toolTooLow(let g, let tool, let score, let needs): return "⚠ ระดับที่บันทึก \(g) ขัดกับเกณฑ์: \(g) ต้องได้ทุกเครื่องมืออย่างน้อย \(Number.plain(needs)) แต่ \(tool) ได้ \(Score.text(score))"
            case .scoresGive(let g, let computed): return "⚠ ระดับที่บันทึก \(g) ขัดกับเกณฑ์: คะแนนที่บันทึกได้ระดับ \(computed)"
            case .unknownGrade(let g): return "⚠ ไม่มีระดับ \(g) ในเกณฑ์นี้"
            }
        },
        noResults: "ยังไม่ได้บันทึกผลประกาศ (ita results iit|eit|oit|total|N คะแนน [--grade ระดับ])")

    public static let english = PlanStrings(
        added: { id, title in "✓ added task #\(id): \(title)" },
        nothingChanged: "already so; nothing changed",
        warning: { "⚠ \($0)" },
        dueWarning: { w, date in
            switch w {
            case .weekend(let d): return "\(date(d)) is a Saturday or Sunday"
            case .holiday(let d, let name): return "\(date(d)) is a committee holiday (\(name))"
            case .afterMilestone(let d, let m): return "\(date(d)) is after the milestone \(m.titleEN) (\(date(m.due))) that covers this task"
            }
        },
        nextOccurrence: { id, due in "↻ next occurrence #\(id), due \(due)" },
        pendingOccurrence: { id, due in "↻ the next occurrence would be due \(due), in the past or over a year out: not made — ita done \(id) --next makes it" },
        rowAdded: { "+ \($0)" },
        rowRemoved: { "− \($0)" },
        entity: { e in
            switch e {
            case .owner: return "owner of"
            case .lastYear: return "last year's score, indicator"
            case .official: return "announced"
            default: return e.rawValue.replacingUnderscores
            }
        },
        ownerOf: { t in
            if case .indicator(let n) = t { return "owner of indicator \(n)" }
            return "owner of \(t)"
        },
        role: { $0.rawValue },
        left: { "left \($0)" },
        noneYet: "none yet",
        membersHeader: ["login", "name", "role", "group", "LINE", "owns", "open tasks"],
        milestonesHeader: ["key", "milestone", "starts", "due", "reminders (days before)", "covers"],
        holidaysHeader: ["date", "holiday"],
        archivedHeader: ["#", "task", "target", "archived", "reason"],
        wouldApply: { "would make \($0) change\($0 == 1 ? "" : "s"):" },
        applyHint: "nothing written yet — run again with --yes to apply",
        applied: { "✓ applied \($0) change\($0 == 1 ? "" : "s") (ita undo reverses the whole set)" },
        planSame: "the file's plan matches the database; nothing to change",
        itemLacksEvidence: { "⚠ every task of \($0) is done but none has an evidence URL: the item does not pass yet (ita done ID --evidence URL)" },
        officialHeading: "Announced (ITAS)",
        scopeName: { $0 == OfficialResults.total ? "total" : (Int($0) != nil ? "indicator \($0)" : $0) },
        projectedBeside: { "(projected \(Score.text($0)))" },
        contradiction: { c in
            switch c {
            case .totalTooLow(let g, let total, let needs): return "⚠ the recorded grade \(g) contradicts the rule: \(g) needs a total of at least \(Number.plain(needs)), the total is \(Score.text(total))"
            case .toolTooLow(let g, let tool, let score, let needs): return "⚠ the recorded grade \(g) contradicts the rule: \(g) needs every tool at \(Number.plain(needs)) or more, \(tool) is \(Score.text(score))"
            case .scoresGive(let g, let computed): return "⚠ the recorded grade \(g) contradicts the rule: the recorded scores give \(computed)"
            case .unknownGrade(let g): return "⚠ no grade \(g) in this framework"
            }
        },
        noResults: "no announced results recorded yet (ita results iit|eit|oit|total|N SCORE [--grade G])")
}
