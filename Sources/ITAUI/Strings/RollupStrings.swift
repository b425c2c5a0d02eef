import ITACore

/// Strings of `ita rollup`, one table per language (below: Thai, then English).
public struct RollupStrings: Sendable {
    public let title: @Sendable (_ offices: Int, _ fiscalYears: [Int], _ today: CivilDate) -> String
    /// `คาดว่าผ่านเกณฑ์ (85 ขึ้นไป) 2 จาก 3 หน่วยงาน = 66.7% · เป้าหมายประเทศ 80%: ยังไม่ถึง`
    public let share: @Sendable (_ passing: Int, _ offices: Int, _ share: Double, _ passMark: Double, _ target: Double, _ met: Bool) -> String
    public let mean: @Sendable (Double) -> String
    /// Column headings: office, projected, grade, open, overdue, last change.
    public let officeColumns: [String]
    public let noGrade: String
    public let atRiskTitle: @Sendable (Int) -> String
    public let noneAtRisk: String
    public let risk: @Sendable (OfficeStanding.Risk) -> String
    public let failedItemsTitle: String
    public let failedItem: @Sendable (Rollup.ItemFailure) -> String
    public let indicatorsTitle: String
    public let indicatorName: @Sendable (Rollup.IndicatorMean) -> String
    /// Column headings of the indicator means: projected, last year, change.
    public let indicatorColumns: [String]
    public let estimateLegend: String
    public let daysAgo: @Sendable (Int?) -> String
    /// The CSV's headings (a Score-Final-shaped sheet).
    public let sheetColumns: [String]
    public let passWord: @Sendable (Bool) -> String
    // The roll-up board
    public let readOnly: String
    public let helpTitle: String
    public let commandTitle: @Sendable (RollupKey) -> String
    /// `ต่ำสุดก่อน · ทุกหน่วยงาน`: the list's order and which offices it shows.
    public let listView: @Sendable (_ byCode: Bool, _ atRiskOnly: Bool) -> String
    public let lastChange: String
    public let noRisk: String
    public let openItems: @Sendable ([String]) -> String
}

extension Language {
    public var rollup: RollupStrings { self == .th ? .thai : .english }
}

extension RollupStrings {
    public static let thai = RollupStrings(
        title: { n, years, today in
            "ภาพรวม \(n) หน่วยงาน · ปีงบประมาณ " + years.map { String($0) }.joined(separator: ", ") + " · ณ \(ThaiDateFormat.string(today))"
        },
        share: { passing, n, share, mark, target, met in
            "คาดว่าผ่านเกณฑ์ (\(mark.formatted) ขึ้นไป) \(passing) จาก \(n) หน่วยงาน = \(TextReports.percent(share)) · เป้าหมายประเทศ \(TextReports.percent(target)): "
                + (met ? "ถึงเป้า" : "ยังไม่ถึงเป้า")
        },
        mean: { "คะแนนคาดการณ์เฉลี่ย \(Score.text($0))" },
        officeColumns: ["หน่วยงาน", "คาดการณ์", "ระดับ", "ค้าง", "เกินกำหนด", "แก้ไขล่าสุด"],
        noGrade: "–",
        atRiskTitle: { "หน่วยงานที่ต้องติดตาม (\($0))" },
        noneAtRisk: "ไม่มีหน่วยงานที่ต้องติดตาม",
        risk: { risk in
            switch risk {
            case .belowPassMark(let p, let mark): return "คาดการณ์ \(Score.text(p)) ต่ำกว่าเกณฑ์ \(mark.formatted)"
            case .oitOpenNearMilestone(let open, let days):
                return "OIT ยังไม่ผ่าน \(open) ข้อ " + (days < 0 ? "เลยกำหนด OIT มา \(-days) วัน" : days == 0 ? "ครบกำหนด OIT วันนี้" : "อีก \(days) วันถึงกำหนด OIT")
            case .overdue(let n): return "งานเกินกำหนด \(n) งาน"
            case .quiet(let days): return days.map { "ไม่มีการแก้ไข \($0) วัน" } ?? "ยังไม่เคยมีการแก้ไข"
            case .respondentsBelowQuota(let tool, let count, let quota): return "\(tool) ตอบแล้ว \(count)/\(quota)"
            }
        },
        failedItemsTitle: "ข้อ OIT ที่ยังไม่ผ่านมากที่สุด",
        failedItem: { "\($0.code) ยังไม่ผ่าน \($0.failing) จาก \($0.offices) หน่วยงาน · \($0.title)" },
        indicatorsTitle: "ค่าเฉลี่ยรายตัวชี้วัด เทียบปีที่แล้ว",
        indicatorName: { "\($0.number) \($0.nameTH)" },
        indicatorColumns: ["คาดการณ์", "ปีที่แล้ว", "เปลี่ยน"],
        estimateLegend: "~ คะแนน IIT/EIT ที่ใช้เป็นค่าประมาณหรือของปีที่แล้ว ยังไม่ใช่ผลจริง",
        daysAgo: { days in days.map { $0 == 0 ? "วันนี้" : "\($0) วันก่อน" } ?? "ไม่เคย" },
        sheetColumns: ["ลำดับ", "รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ปีงบประมาณ", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับผลการประเมิน", "ผ่านเกณฑ์",
                       "ค่าประมาณ", "งานค้าง", "งานเกินกำหนด", "ข้อ OIT ที่ยังไม่ผ่าน", "ความเสี่ยง"],
        passWord: { $0 ? "ผ่าน" : "ไม่ผ่าน" },
        readOnly: "อ่านอย่างเดียว",
        helpTitle: "ปุ่มของภาพรวมหลายหน่วยงาน",
        commandTitle: { key in
            switch key {
            case .down: return "ลง"
            case .up: return "ขึ้น"
            case .first: return "หน่วยงานแรก"
            case .last: return "หน่วยงานสุดท้าย"
            case .pageDown: return "ลงครึ่งหน้า"
            case .pageUp: return "ขึ้นครึ่งหน้า"
            case .sort: return "เรียง"
            case .atRiskOnly: return "เฉพาะที่ต้องติดตาม"
            case .help: return "ปุ่ม"
            case .quit: return "ออก"
            }
        },
        listView: { byCode, risky in (byCode ? "เรียงตามรหัส" : "คะแนนต่ำสุดก่อน") + " · " + (risky ? "เฉพาะที่ต้องติดตาม" : "ทุกหน่วยงาน") },
        lastChange: "แก้ไขล่าสุด",
        noRisk: "✓ ไม่มีสิ่งที่ต้องติดตาม",
        openItems: { "OIT ที่ยังไม่ผ่าน: " + $0.joined(separator: " ") }
    )

    public static let english = RollupStrings(
        title: { n, years, today in
            "\(n) offices · fiscal year " + years.map { String($0) }.joined(separator: ", ") + " · on \(ThaiDateFormat.english(today))"
        },
        share: { passing, n, share, mark, target, met in
            "projected to pass (\(mark.formatted) or more): \(passing) of \(n) offices = \(TextReports.percent(share)) · national target \(TextReports.percent(target)): "
                + (met ? "met" : "not met")
        },
        mean: { "mean projected score \(Score.text($0))" },
        officeColumns: ["office", "projected", "grade", "open", "overdue", "last change"],
        noGrade: "–",
        atRiskTitle: { "offices to follow up (\($0))" },
        noneAtRisk: "no office needs following up",
        risk: { risk in
            switch risk {
            case .belowPassMark(let p, let mark): return "projected \(Score.text(p)), below the pass mark \(mark.formatted)"
            case .oitOpenNearMilestone(let open, let days):
                return "\(open) OIT items open, " + (days < 0 ? "OIT deadline passed \(-days) days ago" : days == 0 ? "OIT deadline today" : "OIT deadline in \(days) days")
            case .overdue(let n): return "\(n) tasks overdue"
            case .quiet(let days): return days.map { "no change for \($0) days" } ?? "never changed"
            case .respondentsBelowQuota(let tool, let count, let quota): return "\(tool) respondents \(count)/\(quota)"
            }
        },
        failedItemsTitle: "OIT items failed most often",
        failedItem: { "\($0.code) not yet passing in \($0.failing) of \($0.offices) offices · \($0.title)" },
        indicatorsTitle: "indicator means against last year",
        indicatorName: { "\($0.number) \($0.nameEN.isEmpty ? $0.nameTH : $0.nameEN)" },
        indicatorColumns: ["projected", "last year", "change"],
        estimateLegend: "~ IIT/EIT taken from an estimate or last year's score, not a result yet",
        daysAgo: { days in days.map { $0 == 0 ? "today" : "\($0) days ago" } ?? "never" },
        sheetColumns: ["no", "office code", "office", "fiscal year", "IIT", "EIT", "OIT", "total", "grade", "passes",
                       "estimated", "open tasks", "overdue tasks", "OIT items not passing", "risks"],
        passWord: { $0 ? "pass" : "fail" },
        readOnly: "read-only",
        helpTitle: "roll-up keys",
        commandTitle: { key in
            switch key {
            case .down: return "down"
            case .up: return "up"
            case .first: return "first office"
            case .last: return "last office"
            case .pageDown: return "half a page down"
            case .pageUp: return "half a page up"
            case .sort: return "sort"
            case .atRiskOnly: return "at risk only"
            case .help: return "keys"
            case .quit: return "quit"
            }
        },
        listView: { byCode, risky in (byCode ? "by code" : "lowest first") + " · " + (risky ? "at risk only" : "all offices") },
        lastChange: "last change",
        noRisk: "✓ nothing to follow up",
        openItems: { "OIT items not passing: " + $0.joined(separator: " ") }
    )
}

private extension Double {
    /// `85`, or `85.5` when it is not whole.
    var formatted: String { self == rounded() ? String(Int(self)) : Score.text(self) }
}
