import ITACore

/// The report the director (ผู้อำนวยการ / นายก) reads and signs: the projected score and grade against
/// the target and what it takes, bars per tool and indicator, the OIT burndown, the change since last
/// week, overdue work by owner, the next deadlines, and every O-item with its owner, standing and
/// evidence links — the URL sheet to paste into ITAS. In Thai, as a `TextDocument` (HTML or Markdown).
public enum DirectorReport {
    public static func title(_ board: Board) -> String { "รายงานความก้าวหน้าการประเมิน ITA ปีงบประมาณ \(board.assessment.fiscalYear)" }

    public static func document(board: Board, tasks: [WorkTask], review: WeeklyReview, strings s: Strings = .thai) -> TextDocument {
        let a = board.assessment, f = board.framework
        let projection = board.projection, progress = board.progress
        func clean(_ text: String) -> String { text.sanitizedForTerminal.replacingOccurrences(of: "\n", with: " ") }
        func date(_ d: CivilDate) -> String { ThaiDateFormat.string(d, style: .short) }
        var doc = TextDocument()
        doc.blocks.append(.title(title(board)))
        var head: [TextDocument.Field] = [.init("หน่วยงาน", clean(a.organisation)), .init("ณ วันที่", ThaiDateFormat.string(board.today, style: .long)),
                                          .init("เกณฑ์", "\(clean(f.id)) — \(clean(f.title))")]
        if f.isProvisional { head.append(.init("หมายเหตุ", s.language.form.provisionalFramework(clean(f.id)))) }
        doc.blocks.append(.fields(head))

        // 1. The score.
        doc.blocks.append(.heading("๑. คะแนนคาดการณ์และเป้าหมาย"))
        let grade = projection.grade?.grade ?? "–"
        doc.blocks.append(.paragraph("คะแนนคาดการณ์ \(Score.text(projection.total)) ระดับ \(grade) · เป้าหมาย \(clean(a.targetGrade))"))
        doc.blocks.append(.paragraph(s.whatItTakes(board.whatItTakes, a.targetGrade)))
        let official = TextReports.official(board, strings: s)
        if !official.isEmpty { doc.blocks.append(.paragraph(official.joined(separator: " · "))) }
        doc.blocks.append(.table(headers: ["เครื่องมือ", "คะแนน", "น้ำหนัก", "คะแนนถ่วงน้ำหนัก", "ที่มา"], rows: f.tools.map { tool in
            let note = tool.scoredFromItems ? "จากข้อ OIT ที่ผ่าน" : s.estimateNote(a.estimateSource(for: tool.code, in: f))
            return [tool.code, Score.text(projection.toolScores[tool.code] ?? 0), Number.twoDecimals(tool.weight),
                    Score.text(projection.points(of: tool.code, in: f)), note]
        }))
        var bars: [Bar] = f.tools.map { Bar(label: $0.code, value: projection.toolScores[$0.code] ?? 0, heading: true) }
        let below = Set(a.indicatorsBelowTargetLastYear)
        for indicator in f.indicators {
            let value = projection.indicatorScores[indicator.number] ?? a.lastYearScores[indicator.number] ?? 0
            bars.append(Bar(label: "\(indicator.number) \(clean(indicator.nameTH))", value: value, heading: false,
                            flagged: below.contains(indicator.number)))
        }
        doc.blocks.append(.svg(barChart(bars, target: a.indicatorTarget),
                               alt: "คะแนนรายเครื่องมือและรายตัวชี้วัด (ค่าคาดการณ์ หรือผลปีที่แล้วเมื่อยังไม่มี) เส้นประคือเป้าหมาย \(Number.plain(a.indicatorTarget)) คะแนน; ▼ ต่ำกว่าเป้าเมื่อปีที่แล้ว"))

        // 2. Progress and the week.
        doc.blocks.append(.heading("๒. ความคืบหน้าและการเปลี่ยนแปลงจากสัปดาห์ที่แล้ว"))
        let whole = progress.whole
        doc.blocks.append(.paragraph("งานเสร็จ \(whole.done) จาก \(whole.total) งาน · เกินกำหนด \(whole.overdue) · ติดขัด \(whole.blocked)"))
        if let before = review.weekAgo {
            func delta(_ v: Double) -> String { (v >= 0 ? "+" : "") + Score.text(v) }
            func delta(_ v: Int) -> String { (v >= 0 ? "+" : "") + String(v) }
            let now = review.now
            doc.blocks.append(.table(headers: ["", "เมื่อ \(date(before.day))", "วันนี้", "เปลี่ยน"], rows: [
                ["คะแนนคาดการณ์", Score.text(before.projected), Score.text(now.projected), delta(now.projected - before.projected)],
                ["งานเสร็จ", "\(before.tasksDone)", "\(now.tasksDone)", delta(now.tasksDone - before.tasksDone)],
                ["งานเกินกำหนด", "\(before.overdue)", "\(now.overdue)", delta(now.overdue - before.overdue)],
                ["ข้อ OIT ที่ยังไม่ผ่าน", "\(before.openItems)", "\(now.openItems)", delta(now.openItems - before.openItems)],
            ]))
        } else {
            doc.blocks.append(.paragraph("ยังไม่มีข้อมูลย้อนหลังหนึ่งสัปดาห์ (ita บันทึกภาพรวมวันละครั้ง)"))
        }
        if let burndown = review.burndown, burndown.points.count >= 2 {
            var alt = "ข้อ OIT ที่ยังไม่ผ่าน ตั้งแต่ \(date(burndown.points[0].day)) ถึงกำหนด \(date(burndown.deadline)) (เส้นประคือเส้นที่ควรเป็น)"
            if let finish = burndown.projectedFinish {
                alt += burndown.onTrack ? " · ตามอัตรานี้เสร็จ \(date(finish)) ทันกำหนด" : " · ตามอัตรานี้เสร็จ \(date(finish)) ช้ากว่ากำหนด \(burndown.deadline.days(to: finish)) วัน"
            } else if (burndown.points.last?.open ?? 0) > 0 {
                alt += " · ยังไม่มีข้อที่ปิดได้ในช่วงนี้"
            }
            doc.blocks.append(.svg(burndownChart(burndown), alt: alt))
        }

        // 3. Overdue by owner, oldest first.
        doc.blocks.append(.heading("๓. งานเกินกำหนด แยกตามผู้รับผิดชอบ"))
        let overdue = tasks.filter { $0.isOverdue(on: board.today) }.sorted { ($0.due?.dayNumber ?? 0, $0.id) < ($1.due?.dayNumber ?? 0, $1.id) }
        if overdue.isEmpty {
            doc.blocks.append(.paragraph("ไม่มีงานเกินกำหนด"))
        } else {
            let order = Dictionary(uniqueKeysWithValues: board.members.enumerated().map { ($1.id, $0) })
            let rows = overdue.sorted { (order[$0.ownerID] ?? .max, $0.due?.dayNumber ?? 0) < (order[$1.ownerID] ?? .max, $1.due?.dayNumber ?? 0) }.map { t in
                [clean(board.member(t.ownerID)?.name ?? ""), "#\(t.id)", t.target.description, clean(t.title),
                 t.due.map(date) ?? "", t.due.map { "\($0.days(to: board.today)) วัน" } ?? ""]
            }
            doc.blocks.append(.table(headers: ["ผู้รับผิดชอบ", "รหัส", "ข้อ", "งาน", "กำหนดส่ง", "เกินมา"], rows: rows))
        }

        // 4. The next deadlines.
        doc.blocks.append(.heading("๔. กำหนดส่งถัดไป"))
        let deadlines = board.upcomingDeadlines(limit: 8)
        if deadlines.isEmpty { doc.blocks.append(.paragraph(s.noDeadlines)) }
        else {
            doc.blocks.append(.table(headers: ["วันที่", "เหลือ", "สิ่งที่ต้องส่ง"], rows: deadlines.map { d in
                let parts = TextReports.deadlineParts(d, strings: s)
                return [parts.when.trimmingWhitespace, parts.left.trimmingWhitespace, parts.what]
            }))
        }

        // 5. The ITAS URL sheet.
        doc.blocks.append(.heading("๕. ข้อ OIT และ URL หลักฐาน (สำหรับกรอกในระบบ ITAS)"))
        var byItem: [String: [WorkTask]] = [:]
        for t in tasks { if case .item(let code) = t.target { byItem[code, default: []].append(t) } }
        doc.blocks.append(.table(headers: ["ข้อ", "ชื่อข้อ", "ผู้รับผิดชอบ", "สถานะ", "URL หลักฐาน"], rows: f.items.map { item in
            let tally = progress.items[item.code] ?? .zero
            let standing: String
            if tally.itemPasses { standing = "✓ ผ่าน" }
            else if tally.total == 0 { standing = "ยังไม่มีงาน" }
            else if tally.lacksEvidence { standing = "◇ งานครบ รอหลักฐาน" }
            else { standing = "ค้าง \(tally.open) จาก \(tally.total) งาน" }
            var urls: [String] = []
            for t in (byItem[item.code] ?? []).sorted(by: { $0.id < $1.id }) { for url in t.evidence where !urls.contains(url) { urls.append(url) } }
            return [item.code, clean(item.titleTH), clean(board.member(board.owner(of: .item(item.code)))?.name ?? ""), standing,
                    urls.isEmpty ? "–" : urls.map(clean).joined(separator: " ")]
        }))

        var signatures: [TextDocument.Field] = []
        if let secretary = board.members.first(where: { $0.role == .secretary && !$0.hasLeft }) {
            signatures.append(.init("(ลงชื่อ)", "........................................ \(clean(secretary.name)) เลขานุการคณะทำงาน ผู้รายงาน"))
        }
        signatures.append(.init("(ลงชื่อ)", "........................................ ผู้บริหารของหน่วยงาน (รับทราบ)"))
        doc.blocks.append(.fields(signatures))
        return doc
    }

    public static func html(board: Board, tasks: [WorkTask], review: WeeklyReview) -> String {
        document(board: board, tasks: tasks, review: review).html(title: title(board) + " — " + board.assessment.organisation.sanitizedForTerminal)
    }

    // MARK: Charts (inline SVG, no script)

    struct Bar {
        var label: String
        var value: Double
        var heading: Bool
        var flagged = false
    }

    static func n(_ v: Double) -> String { Number.twoDecimals(v) }

    /// Horizontal bars from 0 to 100, one row each, with the target as a dashed line.
    static func barChart(_ bars: [Bar], target: Double) -> String {
        let row = 22.0, labelWidth = 250.0, chart = 330.0, width = labelWidth + chart + 60
        let height = row * Double(bars.count) + 24
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * row + 4
            let w = chart * max(0, min(100, bar.value)) / 100
            let fill = bar.heading ? "#1f4e79" : (bar.value >= target ? "#2e7d32" : "#c62828")
            out += "<text x=\"0\" y=\"\(n(y + 14))\" font-size=\"13\"\(bar.heading ? " font-weight=\"bold\"" : "")>\((bar.label + (bar.flagged ? " ▼" : "")).htmlEscaped)</text>"
            out += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 2))\" width=\"\(n(chart))\" height=\"14\" fill=\"#eee\"/>"
            out += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 2))\" width=\"\(n(w))\" height=\"14\" fill=\"\(fill)\"/>"
            out += "<text x=\"\(n(labelWidth + chart + 6))\" y=\"\(n(y + 14))\" font-size=\"13\">\(Score.text(bar.value))</text>"
        }
        let tx = labelWidth + chart * target / 100
        out += "<line x1=\"\(n(tx))\" y1=\"0\" x2=\"\(n(tx))\" y2=\"\(n(height - 20))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
        out += "<text x=\"\(n(tx))\" y=\"\(n(height - 6))\" font-size=\"11\" text-anchor=\"middle\">เป้าหมาย \(Number.plain(target))</text>"
        return out + "</svg>"
    }

    /// Open OIT items by day (the actual line) and the ideal straight line to zero on the deadline.
    static func burndownChart(_ b: Burndown) -> String {
        let width = 640.0, height = 240.0, left = 40.0, bottom = 30.0, top = 10.0, right = 10.0
        let first = b.points[0].day, span = Double(max(1, first.days(to: b.deadline)))
        let maxOpen = Double(max(1, b.points.map(\.open).max() ?? 1))
        func x(_ d: CivilDate) -> Double { left + (width - left - right) * Double(first.days(to: d)) / span }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - v / maxOpen) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(y(0)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(0)))\" stroke=\"#333\"/>"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(y(0)))\" stroke=\"#333\"/>"
        out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(maxOpen) + 4))\" font-size=\"11\" text-anchor=\"end\">\(Int(maxOpen))</text>"
        out += "<text x=\"\(n(left - 6))\" y=\"\(n(y(0) + 4))\" font-size=\"11\" text-anchor=\"end\">0</text>"
        out += "<line x1=\"\(n(x(first)))\" y1=\"\(n(y(Double(b.points[0].open))))\" x2=\"\(n(x(b.deadline)))\" y2=\"\(n(y(0)))\" stroke=\"#888\" stroke-dasharray=\"5 4\"/>"
        let points = b.points.map { "\(n(x($0.day))),\(n(y(Double($0.open))))" }.joined(separator: " ")
        out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2.5\"/>"
        out += "<text x=\"\(n(left))\" y=\"\(n(height - 8))\" font-size=\"11\">\(ThaiDateFormat.string(first).htmlEscaped)</text>"
        out += "<text x=\"\(n(width - right))\" y=\"\(n(height - 8))\" font-size=\"11\" text-anchor=\"end\">กำหนด \(ThaiDateFormat.string(b.deadline).htmlEscaped)</text>"
        if let last = b.points.last {
            out += "<text x=\"\(n(x(last.day) + 4))\" y=\"\(n(y(Double(last.open)) - 6))\" font-size=\"12\" fill=\"#c62828\">\(last.open) ข้อ</text>"
        }
        return out + "</svg>"
    }
}
