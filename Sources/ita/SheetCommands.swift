import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

/// `ita import tasks`: the committee's spreadsheet in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Bring a spreadsheet in.",
                                                    subcommands: [ImportTasks.self])

    struct ImportTasks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tasks",
            abstract: "Add and update tasks from a spreadsheet (.xlsx, or .csv from Excel or Google Sheets), as one audited change.",
            discussion: """
                Columns are found by their header, in Thai or English: ตัวชี้วัด/ข้อ (target), งาน (title), ผู้รับผิดชอบ (owner: \
                login, full name or LINE name), กำหนดส่ง (due: 15/1/2570, 2570-01-15, +14 …), สถานะ (ยังไม่เริ่ม, กำลังทำ, \
                เสร็จแล้ว, ติดขัด), หลักฐาน (URLs), หมายเหตุ, ขั้น, เหตุที่ติดขัด and key; or say which with --columns \
                title=ชื่อกิจกรรม,owner=C,due=5 (a header, a column letter or a number). Rows match tasks by key, else by title \
                and target; an empty cell leaves that field as it is. Every bad row is reported at once and nothing is written \
                unless every row is good. An .xlsx is read from its first sheet (dates as Excel keeps them); a .csv may be UTF-8 \
                (with or without BOM) or Windows-874/TIS-620, detected, or --encoding says which. \
                Importing the same file again changes nothing; `ita undo` reverses an import. `ita export tasks` writes the \
                same columns.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The .xlsx or .csv file.", completion: .file(extensions: ["xlsx", "csv", "txt"])) var file: String
        @Flag(name: .customLong("dry-run"), help: "Show what would be added and changed; write nothing.") var dryRun = false
        @Option(help: ArgumentHelp("Which column is which: FIELD=HEADER|LETTER|NUMBER, comma-separated (fields: \(TaskSheet.Column.allCases.map(\.rawValue).joined(separator: ", "))).", valueName: "spec"))
        var columns: String?
        @Option(help: ArgumentHelp("utf-8, windows-874 or tis-620 (default: detect).", valueName: "name")) var encoding: ThaiText.Encoding?

        func run() throws {
            try Context.run(global) { ctx in
                let lower = file.lowercased()
                let isWorkbook = lower.hasSuffix(".xlsx")
                guard isWorkbook || lower.hasSuffix(".csv") || lower.hasSuffix(".txt") else {
                    throw CLIError(ctx.language == .th ? "\(file): อ่านได้เฉพาะไฟล์ .csv หรือ .xlsx (ไฟล์ .xls รุ่นเก่า: ใน Excel บันทึกเป็น .xlsx หรือ CSV UTF-8)"
                                                       : "\(file): only .csv and .xlsx files are read (an old .xls: in Excel, Save As .xlsx or CSV UTF-8)")
                }
                let store = try ctx.openStore()
                let author = try ctx.author(in: store)
                let data = try ctx.readData(file)
                let rows: [[String]], format: String
                if isWorkbook {
                    rows = try Workbook.rows(data, file: file)
                    format = "xlsx"
                } else {
                    let (text, used) = try ThaiText.decode(data, encoding: encoding, file: file)
                    rows = try TaskSheet.csvRows(text)
                    format = used.rawValue
                }
                let planned = try TaskSheet.read(rows: rows, file: file, columnSpec: columns, board: try store.board(today: ctx.today), today: ctx.today,
                                                 serialDates: isWorkbook)
                let changes = try store.taskChanges(planned, archiveUnmatched: false)
                let s = ctx.language.plan
                let th = ctx.language == .th
                var lines = [th ? "\(file): \(planned.count) แถว (\(format))" : "\(file): \(planned.count) rows (\(format))"]
                guard !changes.isEmpty else {
                    ctx.print(lines + [th ? "ไม่มีอะไรเปลี่ยน: ทุกแถวตรงกับงานในฐานข้อมูลแล้ว" : "nothing to change: every row matches its task already"])
                    return
                }
                let result = try store.apply(changes, by: author, at: ctx.now, action: .plan, dryRun: dryRun)
                let added = changes.filter { if case .addTask = $0 { return true }; return false }.count
                let describe = AuditText(members: try store.members(), strings: ctx.strings)
                lines.append(th ? "\(dryRun ? "จะเพิ่ม" : "เพิ่ม") \(added) งาน · \(dryRun ? "จะแก้" : "แก้") \(changes.count - added) งาน"
                                : "\(dryRun ? "would add" : "added") \(added) · \(dryRun ? "would change" : "changed") \(changes.count - added)")
                lines += result.entries.map { "  " + describe.line($0) }
                lines += result.warnings.map { "  " + s.warning(s.dueWarning($0, ctx.strings.date)) }
                if dryRun { lines.append(th ? "ยังไม่ได้บันทึก: รันอีกครั้งโดยไม่มี --dry-run เพื่อนำเข้า" : "nothing written: run again without --dry-run to import") }
                ctx.print(lines)
            }
        }
    }
}

extension ThaiText.Encoding: ExpressibleByArgument {}

/// `ita export tasks`: the plan out, for a spreadsheet or a program.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the plan out for spreadsheets and programs.",
                                                    subcommands: [ExportTasks.self, ExportCalendar.self])

    struct ExportTasks: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, json }
        static let configuration = CommandConfiguration(commandName: "tasks",
            abstract: "Every live task as CSV or XLSX (for Excel, read back by ita import tasks) or JSON.",
            discussion: """
                CSV columns, in order: key, ตัวชี้วัด/ข้อ, งาน, ผู้รับผิดชอบ (login), กำหนดส่ง (D/M/BE year), สถานะ, หลักฐาน \
                (URLs separated by spaces), หมายเหตุ, ขั้น, เหตุที่ติดขัด. UTF-8 with a BOM so Excel shows Thai; a cell that \
                starts with = + - @, a tab or CR gets a leading ' so no spreadsheet runs it as a formula. JSON is the shape of \
                ita tasks --json. XLSX has the same columns as text cells, one sheet named งาน.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("csv, xlsx or json (default: from the -o file's extension, else csv).", valueName: "format")) var format: Format?
        @Option(help: ArgumentHelp("Only this member's tasks.", valueName: "login"), completion: Completions.logins) var owner: String?
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (whole or not at all).", valueName: "file"))
        var output: String?

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openStore()
                let members = try store.members()
                var query = TaskQuery()
                if let owner {
                    guard let member = members.first(where: { $0.login == owner }) else { throw CLIError(ctx.strings.unknownMember(owner)) }
                    query.ownerID = member.id
                }
                let tasks = try store.tasks(query).sorted { $0.id < $1.id }
                let data: Data
                let chosen = format ?? (output?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : output?.lowercased().hasSuffix(".json") == true ? .json : .csv)
                switch chosen {
                case .csv: data = try TaskSheet.csv(TaskSheet.rows(tasks, members: members).map { $0.map(\.sanitizedKeepingLines) })
                case .xlsx: data = try Workbook.xlsx(TaskSheet.rows(tasks, members: members).map { $0.map(\.sanitizedKeepingLines) })
                case .json: data = Data((TerminalSafety.escapingJSON(JSONDocuments.tasks(tasks, members: members, today: ctx.today).text) + "\n").utf8)
                }
                if let output { try Output.write(data, to: output) } else { FileHandle.standardOutput.write(data) }
            }
        }
    }
}

/// `ita export ics`: deadlines into everyone's calendar.
struct ExportCalendar: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ics",
        abstract: "Milestones and task due dates as an iCalendar file (all-day events, alarms on the reminder days).",
        discussion: """
            Import it into Google Calendar, Outlook or Thunderbird. Each milestone and task keeps its UID from one export to \
            the next, so importing a newer file updates the events; a done task keeps its event, marked ✓, without alarms. --owner LOGIN \
            gives a member only their tasks (and every milestone).
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this member's tasks (milestones are always in).", valueName: "login"), completion: Completions.logins) var owner: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (whole or not at all).", valueName: "file"))
    var output: String?

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openStore()
            let board = try store.board(today: ctx.today)
            var member: Member?
            if let owner {
                guard let found = board.members.first(where: { $0.login == owner }) else { throw CLIError(ctx.strings.unknownMember(owner)) }
                member = found
            }
            let text = CalendarFile.text(board: board, tasks: try store.tasks(), owner: member, now: ctx.now)
            if let output { try Output.write(Data(text.utf8), to: output) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
        }
    }
}
