import Foundation
import ITACore

/// The document FY2569's O25 (การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร) asks for, drafted from the
/// data in the shape of a Thai บันทึกข้อความ: เรื่องเดิม (last year's result), ข้อเท็จจริง (each
/// indicator against the target), ข้อพิจารณา/มาตรการ (the measures: tasks on each indicator below
/// target, their owners, dates and how far they got), ข้อเสนอ. Markdown, to edit and publish.
public enum ImprovementReport {
    public static func title(_ board: Board) -> String {
        "การนำผลการประเมิน ITA ประจำปีงบประมาณ \(board.assessment.fiscalYear - 1) ไปสู่การพัฒนาองค์กร"
    }

    public static func markdown(board: Board, tasks: [WorkTask]) -> [String] {
        document(board: board, tasks: tasks).markdown.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    public static func html(board: Board, tasks: [WorkTask]) -> String {
        document(board: board, tasks: tasks).html(title: title(board) + " — " + board.assessment.organisation.sanitizedForTerminal)
    }

    public static func document(board: Board, tasks: [WorkTask]) -> TextDocument {
        let a = board.assessment, f = board.framework
        let year = a.fiscalYear, last = a.fiscalYear - 1
        let below = Set(a.indicatorsBelowTargetLastYear)
        func date(_ d: CivilDate) -> String { ThaiDateFormat.string(d, style: .long) }
        func score(_ v: Double) -> String { Score.text(v) }
        var doc = TextDocument()
        doc.blocks.append(.title("บันทึกข้อความ"))
        doc.blocks.append(.fields([
            .init("ส่วนราชการ", clean(a.organisation)), .init("วันที่", date(board.today)),
            .init("เรื่อง", "การนำผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ \(last) ไปสู่การพัฒนาองค์กร ประจำปีงบประมาณ \(year)"),
        ]))
        doc.blocks.append(.heading("๑. เรื่องเดิม"))
        // Last year's total from the indicator scores: each tool the mean of its indicators, weighted.
        var total = 0.0, complete = true
        for tool in f.tools {
            let scores = f.indicators(of: tool.code).compactMap { a.lastYearScores[$0.number] }
            if scores.isEmpty { complete = false; continue }
            total += tool.weight * scores.reduce(0, +) / Double(scores.count)
        }
        if a.lastYearScores.isEmpty {
            doc.blocks.append(.paragraph("ยังไม่ได้บันทึกผลการประเมินปีงบประมาณ \(last) (last_year ในไฟล์คณะทำงาน หรือ ita last-year)"))
        } else {
            doc.blocks.append(.paragraph("ผลการประเมิน ITA ของหน่วยงานในปีงบประมาณ \(last) ได้คะแนนภาพรวม \(score(total)) คะแนน"
                         + (complete ? "" : " (คำนวณจากตัวชี้วัดที่มีผล)")
                         + " เป้าหมายรายตัวชี้วัดของคณะทำงานคือ \(Number.plain(a.indicatorTarget)) คะแนน และเป้าหมายระดับผลการประเมินปีนี้คือ \(clean(a.targetGrade))"))
        }
        doc.blocks.append(.heading("๒. ข้อเท็จจริง"))
        doc.blocks.append(.table(headers: ["ตัวชี้วัด", "เครื่องมือ", "คะแนนปี \(last)", "เป้าหมาย", "ผล"], rows: f.indicators.map { indicator in
            let value = a.lastYearScores[indicator.number]
            let verdict = value.map { $0 < a.indicatorTarget ? "ต่ำกว่าเป้าหมาย" : "ผ่านเป้าหมาย" } ?? "ไม่มีข้อมูล"
            return ["\(indicator.number) \(clean(indicator.nameTH))", indicator.tool, value.map(score) ?? "–", Number.plain(a.indicatorTarget), verdict]
        }))
        doc.blocks.append(.heading("๓. ข้อพิจารณาและมาตรการ"))
        if below.isEmpty {
            doc.blocks.append(.paragraph("ทุกตัวชี้วัดได้คะแนนถึงเป้าหมายในปีที่ผ่านมา คณะทำงานจะรักษามาตรฐานและติดตามงานตามแผนต่อไป"))
        }
        for (index, number) in below.sorted().enumerated() {
            guard let indicator = f.indicator(number) else { continue }
            let measures = tasks.filter { $0.target == .indicator(number) }.sorted { ($0.due ?? .init(dayNumber: Int.max / 2)) < ($1.due ?? .init(dayNumber: Int.max / 2)) }
            let done = measures.filter { $0.status == .done }.count
            doc.blocks.append(.subheading("๓.\(ThaiDigits.apply(String(index + 1))) ตัวชี้วัดที่ \(number) \(clean(indicator.nameTH)) (ปี \(last): \(a.lastYearScores[number].map(score) ?? "–") คะแนน)"))
            var fields: [TextDocument.Field] = []
            if let owner = board.member(board.owners[.indicator(number)]) { fields.append(.init("ผู้รับผิดชอบตัวชี้วัด:", clean(owner.name))) }
            if measures.isEmpty {
                fields.append(.init("มาตรการ:", "ยังไม่มีมาตรการที่บันทึกไว้ (เพิ่มงานที่ตัวชี้วัดนี้: ita add \(number) \"…\")"))
                doc.blocks.append(.fields(fields))
                continue
            }
            fields.append(.init("มาตรการ:", "ดำเนินการแล้ว \(done) จาก \(measures.count) รายการ"))
            doc.blocks.append(.fields(fields))
            doc.blocks.append(.table(headers: ["มาตรการ", "ผู้รับผิดชอบ", "กำหนด", "สถานะ"], rows: measures.map { t in
                let status: String
                switch t.status {
                case .done: status = "ดำเนินการแล้ว" + (t.doneAt.map { " (\(date($0.date)))" } ?? "")
                case .inProgress: status = "อยู่ระหว่างดำเนินการ"
                case .blocked: status = "ติดขัด: " + clean(t.blockedReason ?? "")
                case .todo: status = "ยังไม่เริ่ม"
                }
                return [clean(t.title), clean(board.member(t.ownerID)?.name ?? ""), t.due.map(date) ?? "–", status]
            }))
        }
        doc.blocks.append(.heading("๔. ข้อเสนอ"))
        let o25 = f.items.first { $0.titleTH.contains("การนำผลการประเมิน ITA") }
        doc.blocks.append(.paragraph("จึงเรียนมาเพื่อโปรดพิจารณาเห็นชอบมาตรการข้างต้น และมอบหมายผู้รับผิดชอบดำเนินการและรายงานความก้าวหน้าในการประชุมติดตามงาน"
                     + (o25.map { " รวมทั้งเผยแพร่บันทึกนี้บนเว็บไซต์ของหน่วยงานเป็นหลักฐานข้อ \($0.code) \($0.titleTH)" } ?? "")))
        var signatures: [TextDocument.Field] = []
        if let secretary = board.members.first(where: { $0.role == .secretary && !$0.hasLeft }) {
            signatures.append(.init("(ลงชื่อ)", "........................................ \(clean(secretary.name)) เลขานุการคณะทำงาน"))
        }
        if let chair = board.members.first(where: { $0.role == .chair && !$0.hasLeft }) {
            signatures.append(.init("(ลงชื่อ)", "........................................ \(clean(chair.name)) ประธานคณะทำงาน"))
        }
        if !signatures.isEmpty { doc.blocks.append(.fields(signatures)) }
        return doc
    }

    /// Text from the data: made safe for the terminal, on one line.
    static func clean(_ text: String) -> String {
        text.sanitizedForTerminal.replacingOccurrences(of: "\n", with: " ")
    }
}
