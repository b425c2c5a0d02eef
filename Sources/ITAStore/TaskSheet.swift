import CSV
import Foundation
import ITACore

/// The task sheet committees keep in Excel or Google Sheets: read from CSV (`ita import tasks`) and
/// written back (`ita export tasks`) in one documented column order, so a file exported, edited in a
/// spreadsheet and imported again changes only what was edited.
public enum TaskSheet {
    /// A column of the sheet: its field name (for `--columns`) and the headers that name it.
    public enum Column: String, CaseIterable, Sendable {
        case key, target, title, owner, due, status, evidence, note, phase
        case blockedReason = "blocked_reason"

        /// Headers recognised, compared without case, spaces or a trailing colon; the first is what export writes.
        public var headers: [String] {
            switch self {
            case .key: return ["key", "รหัสงาน"]
            case .target: return ["ตัวชี้วัด/ข้อ", "ตัวชี้วัด", "ข้อ", "target", "indicator/item", "item", "indicator"]
            case .title: return ["งาน", "ชื่องาน", "กิจกรรม", "รายการ", "task", "title"]
            case .owner: return ["ผู้รับผิดชอบ", "owner", "responsible"]
            case .due: return ["กำหนดส่ง", "วันที่กำหนดส่ง", "กำหนดเสร็จ", "due", "deadline", "due date"]
            case .status: return ["สถานะ", "status"]
            case .evidence: return ["หลักฐาน", "url หลักฐาน", "evidence", "url"]
            case .note: return ["หมายเหตุ", "note", "notes", "remark"]
            case .phase: return ["ขั้น", "ขั้นตอน", "phase"]
            case .blockedReason: return ["เหตุที่ติดขัด", "blocked reason", "blocked_reason"]
            }
        }
    }

    /// The order `ita export tasks` writes and `ita import tasks` reads back.
    public static let exportOrder: [Column] = [.key, .target, .title, .owner, .due, .status, .evidence, .note, .phase, .blockedReason]

    /// Status words in either language (the first Thai one is what export writes).
    static let statusWords: [TaskStatus: [String]] = [
        .todo: ["ยังไม่เริ่ม", "ยังไม่ดำเนินการ", "รอดำเนินการ", "todo", "to do", "not started"],
        .inProgress: ["กำลังทำ", "กำลังดำเนินการ", "อยู่ระหว่างดำเนินการ", "in_progress", "in progress", "doing"],
        .done: ["เสร็จแล้ว", "เสร็จ", "ดำเนินการแล้ว", "เรียบร้อย", "done", "complete", "completed"],
        .blocked: ["ติดขัด", "ติดปัญหา", "blocked"],
    ]

    static func normalised(_ text: String) -> String {
        var t = text.trimmingWhitespace.lowercased()
        if t.hasSuffix(":") { t.removeLast() }
        return t.replacingOccurrences(of: " ", with: "")
    }

    // MARK: Reading

    /// Rows of a CSV text: the header first. Each row's number is its spreadsheet row (1 is the header).
    public static func csvRows(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// Which column holds which field: from `spec` (`title=ชื่อกิจกรรม,owner=C,due=5`: a header, a column
    /// letter or a number) where given, else by the header row.
    public static func columns(header: [String], spec: String?, file: String) throws -> [Column: Int] {
        var found: [Column: Int] = [:]
        for (index, cell) in header.enumerated() {
            let name = normalised(cell)
            if let column = Column.allCases.first(where: { $0.headers.map(normalised).contains(name) }), found[column] == nil { found[column] = index }
        }
        if let spec, !spec.trimmingWhitespace.isEmpty {
            for part in spec.split(separator: ",") {
                let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
                guard pieces.count == 2, let column = Column(rawValue: pieces[0].lowercased()) else {
                    throw DataFileError(file: file, line: nil, field: "--columns",
                                        problem: "expected FIELD=COLUMN with FIELD one of \(Column.allCases.map(\.rawValue).joined(separator: ", ")); found \(Quote.text(String(part)))",
                                        problemTH: "ต้องเป็น ช่อง=คอลัมน์ โดยช่องคือ \(Column.allCases.map(\.rawValue).joined(separator: ", ")) แต่พบ \(Quote.text(String(part)))")
                }
                let value = pieces[1]
                if let n = Int(value), n >= 1 { found[column] = n - 1; continue }
                if !value.isEmpty, value.count <= 3, value.allSatisfy({ $0.isASCII && $0.isLetter }) {
                    found[column] = value.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                    continue
                }
                guard let index = header.firstIndex(where: { normalised($0) == normalised(value) }) else {
                    throw DataFileError(file: file, line: 1, field: "--columns", problem: "no column headed \(Quote.text(value))",
                                        problemTH: "ไม่มีคอลัมน์หัว \(Quote.text(value))")
                }
                found[column] = index
            }
        }
        let missing = [Column.target, .title].filter { found[$0] == nil }.map { required in
            DataFileError(file: file, line: 1, field: required.headers[0],
                                problem: "no \(required.rawValue) column: head one \(required.headers.map { Quote.text($0) }.joined(separator: " or ")), or say which with --columns \(required.rawValue)=…",
                                problemTH: "ไม่มีคอลัมน์ \(required.headers[0]): ตั้งหัวคอลัมน์เป็น \(required.headers.prefix(3).map { Quote.text($0) }.joined(separator: " หรือ ")) หรือระบุด้วย --columns \(required.rawValue)=…")
        }
        if missing.count == 1 { throw missing[0] }
        if !missing.isEmpty { throw DataFileErrors(errors: missing) }
        return found
    }

    /// The sheet's rows as planned tasks, every bad row reported at once (`plan.csv:14: กำหนดส่ง: …`).
    /// An empty cell leaves that field as it is in the database; an empty row is skipped.
    public static func read(rows: [[String]], file: String, columnSpec: String?, board: Board, today: CivilDate,
                            serialDates: Bool = false) throws -> [PlannedTask] {
        guard !rows.isEmpty else {
            throw DataFileError(file: file, line: nil, field: "", problem: "the file is empty", problemTH: "ไฟล์ว่าง")
        }
        // The header is the first row, or, when a sheet has a title and blank rows above its table
        // (as committee plans often do), the first of the top ten rows whose headers name the columns.
        let headerIndex = rows.prefix(10).firstIndex { (try? Self.columns(header: $0, spec: columnSpec, file: file)) != nil } ?? 0
        let header = rows[headerIndex]
        let columns = try Self.columns(header: header, spec: columnSpec, file: file)
        let problems = Problems()
        var planned: [PlannedTask] = []
        var keys: [String: Int] = [:]
        for (index, row) in rows.enumerated().dropFirst(headerIndex + 1) {
            let line = index + 1
            func cell(_ column: Column) -> String? {
                guard let i = columns[column], i < row.count else { return nil }
                let text = unguarded(row[i].trimmingWhitespace)
                return text.isEmpty ? nil : text
            }
            if row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            func fail(_ column: Column, _ en: String, _ th: String) -> DataFileError {
                let name = columns[column].map { $0 < header.count ? header[$0].trimmingWhitespace : column.headers[0] } ?? column.headers[0]
                return DataFileError(file: file, line: line, field: name.isEmpty ? column.headers[0] : name, problem: en, problemTH: th)
            }
            // Each cell is checked on its own, so a row with three mistakes gets three lines.
            let before = problems.found.count
            func check(_ body: () throws -> Void) throws { _ = try problems.attempt(body) }
            var fields: Set<String> = []
            var title = "", target = TaskTarget.indicator(0)
            var task = PlannedTask(title: "", target: target, fields: [])
            try check {
                guard let text = cell(.title) else { throw fail(.title, "a task needs a title", "งานต้องมีชื่อ") }
                title = text
            }
            try check {
                guard let text = cell(.target) else { throw fail(.target, "a task needs an indicator number or an item code", "ต้องระบุเลขตัวชี้วัดหรือรหัสข้อ") }
                guard let found = Self.target(text, framework: board.framework) else {
                    throw fail(.target, "no indicator or item \(Quote.text(text)) in framework \(board.framework.id)",
                               "ไม่มีตัวชี้วัดหรือข้อ \(Quote.text(text)) ในเกณฑ์ \(board.framework.id)")
                }
                target = found
            }
            try check {
                guard let key = cell(.key) else { return }
                guard WorkTask.isValidKey(key) else { throw fail(.key, "a task key uses letters, digits, . _ - only", "key ของงานใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ -") }
                if let earlier = keys[key] { throw fail(.key, "key \(key) is also on row \(earlier)", "key \(key) ซ้ำกับแถวที่ \(earlier)") }
                keys[key] = line
                task.key = key
            }
            try check {
                guard let owner = cell(.owner) else { return }
                task.ownerLogin = try Self.owner(owner, members: board.members) { en, th in fail(.owner, en, th) }
                fields.insert("owner")
            }
            try check {
                guard let due = cell(.due) else { return }
                if serialDates, let serial = Double(due), serial >= 1, serial < 2_958_466 {
                    task.due = CivilDate(dayNumber: Int(serial) - 25_569)   // Excel's day 25,569 is 1970-01-01
                } else if let date = DateInput.parse(due, today: today) {
                    task.due = date
                } else {
                    throw fail(.due, "expected a date: \(DateInput.formsEnglish); found \(Quote.text(due))",
                               "ต้องเป็นวันที่: \(DateInput.formsThai) แต่พบ \(Quote.text(due))")
                }
                fields.insert("due")
            }
            try check {
                guard let status = cell(.status) else { return }
                let word = normalised(status)
                guard let found = statusWords.first(where: { $0.value.map(normalised).contains(word) })?.key else {
                    let thai = TaskStatus.allCases.compactMap { statusWords[$0]?.first }.joined(separator: ", ")
                    throw fail(.status, "expected one of: \(thai) (or \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", "))); found \(Quote.text(status))",
                               "ต้องเป็นค่าใดค่าหนึ่ง: \(thai) แต่พบ \(Quote.text(status))")
                }
                task.status = found
                fields.insert("status")
            }
            if let reason = cell(.blockedReason) { task.blockedReason = reason; fields.insert("blocked_reason") }
            try check {
                guard task.status == .blocked, task.blockedReason == nil else { return }
                throw fail(.status, "a blocked task needs a reason (column \(Column.blockedReason.headers[0]))",
                           "งานที่ติดขัดต้องมีเหตุผล (คอลัมน์ \(Column.blockedReason.headers[0]))")
            }
            try check {
                guard let evidence = cell(.evidence) else { return }
                let urls = evidence.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "," || $0 == "\t" }).map(String.init)
                for url in urls where !Evidence.isValid(url) { let why = Evidence.refusal(url); throw fail(.evidence, why.en, why.th) }
                task.evidence = urls
                fields.insert("evidence")
            }
            if let note = cell(.note) { task.note = note; fields.insert("note") }
            try check {
                guard let phase = cell(.phase) else { return }
                let process = board.assessment.process
                guard process.phase(phase) != nil else {
                    throw fail(.phase, "no phase \(Quote.text(phase)) in process \(process.name) (\(process.phases.map(\.key).joined(separator: ", ")))",
                               "ไม่มีขั้น \(Quote.text(phase)) ในกระบวนการ \(process.name) (\(process.phases.map(\.key).joined(separator: ", ")))")
                }
                task.phase = phase
                fields.insert("phase")
            }
            guard problems.found.count == before else { continue }
            task.title = title
            task.target = target
            task.fields = fields
            planned.append(task)
        }
        try problems.finish()
        return planned
    }

    /// `O12`, `o12`, `7`, `ตัวชี้วัดที่ 7`, `ตช.7`: a target of the framework, or nil.
    static func target(_ text: String, framework: Framework) -> TaskTarget? {
        var t = text.trimmingWhitespace
        for prefix in ["ตัวชี้วัดที่", "ตัวชี้วัด", "ตช.", "ข้อ"] where t.hasPrefix(prefix) { t = String(t.dropFirst(prefix.count)).trimmingWhitespace }
        guard let target = TaskTarget(text: t) else { return nil }
        switch target {
        case .indicator(let n): return framework.indicator(n) == nil ? nil : target
        case .item(let code): return framework.item(code) == nil ? nil : target
        }
    }

    /// A member by login, full name or LINE name; else the one whose name or LINE name contains the
    /// text. Ambiguous or unknown owners are errors that list the candidates.
    static func owner(_ text: String, members: [Member], fail: (String, String) -> DataFileError) throws -> String {
        let current = members.filter { !$0.hasLeft }
        let exact = current.filter { $0.login == text || $0.name == text || $0.lineName == text }
        if exact.count == 1 { return exact[0].login }
        let partial = exact.count > 1 ? exact : current.filter { $0.name.contains(text) || (!$0.lineName.isEmpty && $0.lineName.contains(text)) }
        if partial.count == 1 { return partial[0].login }
        func list(_ ms: [Member]) -> String { ms.prefix(8).map { "\($0.login) (\($0.name))" }.joined(separator: ", ") + (ms.count > 8 ? ", …" : "") }
        if partial.count > 1 {
            throw fail("\(Quote.text(text)) could be \(partial.count) members: \(list(partial)); write the login", "\(Quote.text(text)) ตรงกับสมาชิก \(partial.count) คน: \(list(partial)) ให้ใส่ชื่อผู้ใช้")
        }
        throw fail("no member \(Quote.text(text)) (by login, name or LINE name); members: \(list(current))",
                   "ไม่มีสมาชิก \(Quote.text(text)) (ชื่อผู้ใช้ ชื่อ-สกุล หรือชื่อ LINE) สมาชิกที่มี: \(list(current))")
    }

    // MARK: Writing

    /// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
    /// leading apostrophe, as OWASP advises against CSV injection; import takes it off again.
    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) else { return text }
        return String(text.dropFirst())
    }

    /// The tasks as rows in `exportOrder`, with the Thai headers; dates as Thai Excel writes them (15/1/2570).
    public static func rows(_ tasks: [WorkTask], members: [Member]) -> [[String]] {
        let login = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.login) })
        var rows = [exportOrder.map { $0.headers[0] }]
        for t in tasks {
            rows.append(exportOrder.map { column in
                switch column {
                case .key: return t.key ?? ""
                case .target: return t.target.description
                case .title: return t.title
                case .owner: return login[t.ownerID] ?? ""
                case .due: return t.due.map { "\($0.day)/\($0.month)/\($0.year + 543)" } ?? ""
                case .status: return statusWords[t.status]?.first ?? t.status.rawValue
                case .evidence: return t.evidence.joined(separator: " ")
                case .note: return t.note
                case .phase: return t.phase ?? ""
                case .blockedReason: return t.status == .blocked ? (t.blockedReason ?? "") : ""
                }
            })
        }
        return rows
    }

    /// CSV for Excel: a UTF-8 BOM (so Thai shows), CRLF line ends, cells quoted where needed and guarded.
    public static func csv(_ rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        for row in rows { try writer.write(row: row.map(guarded)) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + data + Data("\r\n".utf8)
    }
}
