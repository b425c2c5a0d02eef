import Foundation
import ITACore

/// The document FY2569's O25 (การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร) asks for, drafted from the
/// data in the shape of a Thai บันทึกข้อความ: เรื่องเดิม (last year's result), ข้อเท็จจริง (each
/// indicator against the target), ข้อพิจารณา/มาตรการ (the measures: tasks on each indicator below
/// target, their owners, dates and how far they got), ข้อเสนอ. Markdown, to edit and publish.
public enum ImprovementReport {
    public static func markdown(board: Board, tasks: [WorkTask]) -> [String] {
        let a = board.assessment, f = board.framework
        let year = a.fiscalYear, last = a.fiscalYear - 1
        let below = Set(a.indicatorsBelowTargetLastYear)
        func date(_ d: CivilDate) -> String { ThaiDateFormat.string(d, style: .long) }
        func score(_ v: Double) -> String { Score.text(v) }
        var lines: [String] = []
        lines.append("# บันทึกข้อความ")
        lines.append("")
        lines.append("**ส่วนราชการ** \(md(a.organisation))  ")
        lines.append("**วันที่** \(date(board.today))  ")
        lines.append("**เรื่อง** การนำผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ \(last) ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ \(year)")
        lines.append("")
        lines.append("## ๑. เรื่องเดิม")
        lines.append("")
        // Last year's total from the indicator scores: each tool the mean of its indicators, weighted.
        var total = 0.0, complete = true
        for tool in f.tools {
            let scores = f.indicators(of: tool.code).compactMap { a.lastYearScores[$0.number] }
            if scores.isEmpty { complete = false; continue }
            total += tool.weight * scores.reduce(0, +) / Double(scores.count)
        }
        if a.lastYearScores.isEmpty {
            lines.append("ยังไม่ได้บันทึกผลการประเมินปีงบประมาณ \(last) (last_year ในไฟล์คณะทำงาน หรือ ita last-year)")
        } else {
            lines.append("ผลการประเมิน ITA ของหน่วยงานในปีงบประมาณ \(last) ได้คะแนนภาพรวม \(score(total)) คะแนน"
                         + (complete ? "" : " (คำนวณจากตัวชี้วัดที่มีผล)")
                         + " เป้าหมายรายตัวชี้วัดของคณะทำงานคือ \(Number.plain(a.indicatorTarget)) คะแนน และเป้าหมายระดับผลการประเมินปีนี้คือ \(md(a.targetGrade))")
        }
        lines.append("")
        lines.append("## ๒. ข้อเท็จจริง")
        lines.append("")
        lines.append("| ตัวชี้วัด | เครื่องมือ | คะแนนปี \(last) | เป้าหมาย | ผล |")
        lines.append("|---|---|---|---|---|")
        for indicator in f.indicators {
            let value = a.lastYearScores[indicator.number]
            let verdict = value.map { $0 < a.indicatorTarget ? "ต่ำกว่าเป้าหมาย" : "ผ่านเป้าหมาย" } ?? "ไม่มีข้อมูล"
            lines.append("| \(indicator.number) \(md(indicator.nameTH)) | \(indicator.tool) | \(value.map(score) ?? "–") | \(Number.plain(a.indicatorTarget)) | \(verdict) |")
        }
        lines.append("")
        lines.append("## ๓. ข้อพิจารณาและมาตรการ")
        lines.append("")
        if below.isEmpty {
            lines.append("ทุกตัวชี้วัดได้คะแนนถึงเป้าหมายในปีที่ผ่านมา คณะทำงานจะรักษามาตรฐานและติดตามงานตามแผนต่อไป")
        }
        for (index, number) in below.sorted().enumerated() {
            guard let indicator = f.indicator(number) else { continue }
            let measures = tasks.filter { $0.target == .indicator(number) }.sorted { ($0.due ?? .init(dayNumber: Int.max / 2)) < ($1.due ?? .init(dayNumber: Int.max / 2)) }
            let done = measures.filter { $0.status == .done }.count
            lines.append("### ๓.\(ThaiDigits.apply(String(index + 1))) ตัวชี้วัดที่ \(number) \(md(indicator.nameTH)) (ปี \(last): \(a.lastYearScores[number].map(score) ?? "–") คะแนน)")
            lines.append("")
            if let owner = board.member(board.owners[.indicator(number)]) { lines.append("ผู้รับผิดชอบตัวชี้วัด: \(md(owner.name))  ") }
            if measures.isEmpty {
                lines.append("ยังไม่มีมาตรการที่บันทึกไว้ (เพิ่มงานที่ตัวชี้วัดนี้: ita add \(number) \"…\")")
            } else {
                lines.append("มาตรการ: ดำเนินการแล้ว \(done) จาก \(measures.count) รายการ")
                lines.append("")
                lines.append("| มาตรการ | ผู้รับผิดชอบ | กำหนด | สถานะ |")
                lines.append("|---|---|---|---|")
                for t in measures {
                    let status: String
                    switch t.status {
                    case .done: status = "ดำเนินการแล้ว" + (t.doneAt.map { " (\(date($0.date)))" } ?? "")
                    case .inProgress: status = "อยู่ระหว่างดำเนินการ"
                    case .blocked: status = "ติดขัด: " + md(t.blockedReason ?? "")
                    case .todo: status = "ยังไม่เริ่ม"
                    }
                    lines.append("| \(md(t.title)) | \(md(board.member(t.ownerID)?.name ?? "")) | \(t.due.map(date) ?? "–") | \(status) |")
                }
            }
            lines.append("")
        }
        lines.append("## ๔. ข้อเสนอ")
        lines.append("")
        let o25 = f.items.first { $0.titleTH.contains("การนำผลการประเมิน ITA") }
        lines.append("จึงเรียนมาเพื่อโปรดพิจารณาเห็นชอบมาตรการข้างต้น และมอบหมายผู้รับผิดชอบดำเนินการและรายงานความก้าวหน้าในการประชุมติดตามงาน"
                     + (o25.map { " รวมทั้งเผยแพร่บันทึกนี้บนเว็บไซต์ของหน่วยงานเป็นหลักฐานข้อ \($0.code) \($0.titleTH)" } ?? ""))
        lines.append("")
        if let secretary = board.members.first(where: { $0.role == .secretary && !$0.hasLeft }) {
            lines.append("(ลงชื่อ) ........................................ \(md(secretary.name)) เลขานุการคณะทำงาน  ")
        }
        if let chair = board.members.first(where: { $0.role == .chair && !$0.hasLeft }) {
            lines.append("(ลงชื่อ) ........................................ \(md(chair.name)) ประธานคณะทำงาน")
        }
        return lines
    }

    /// Text in a Markdown table or line: made safe for the terminal, `|` escaped.
    static func md(_ text: String) -> String {
        text.sanitizedForTerminal.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
