import Foundation
import Testing

/// Spreadsheets in and out (`ita import tasks`, `ita export tasks`), with real files: a Windows-874 CSV
/// written by Python's own cp874 codec, CSV round trips, hostile cells.
@Suite struct SheetCommandTests {
    func auditRows(_ ita: ITARunner) throws -> Int {
        try ita.run(["log", "--lang", "en"]).stdout.split(separator: "\n").count
    }

    func tasks(_ ita: ITARunner) throws -> [[String: Any]] {
        let out = try ita.run(["tasks", "--all", "--json"]).stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    }

    /// Writes `text` to `name` in `encoding` with Python (an encoder that is not the code under test).
    func write(_ text: String, to path: String, encoding: String) throws {
        let result = try Subprocess.python("import sys; open(sys.argv[1], 'wb').write(sys.argv[2].encode(sys.argv[3]))", [path, text, encoding])
        #expect(result.status == 0, "\(result.err)")
    }

    @Test func exportThenImportChangesNothingAndTheCSVIsReadyForExcel() throws {
        let ita = ITARunner()
        try ita.initialise()
        // A title a spreadsheet would run as a formula, and one with a comma, quotes and a line break.
        #expect(try ita.run(["add", "O12", "=HYPERLINK(\"http://evil.example\",\"คลิก\")", "--due", "15/1/2570"]).status == 0)
        #expect(try ita.run(["add", "7", "ประชุม, \"ด่วน\"\nบรรทัดสอง", "--due", "+3"]).status == 0)
        let file = ita.directory + "/tasks.csv"
        let exported = try ita.run(["export", "tasks", "-o", file])
        #expect(exported.status == 0, "\(exported.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a UTF-8 BOM so Excel shows Thai")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("key,ตัวชี้วัด/ข้อ,งาน,ผู้รับผิดชอบ,กำหนดส่ง,สถานะ,หลักฐาน,หมายเหตุ,ขั้น,เหตุที่ติดขัด\r\n"))
        #expect(text.contains(",O12,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"คลิก\"\")\","), "the formula is neutralised")
        #expect(text.contains("\"ประชุม, \"\"ด่วน\"\"\nบรรทัดสอง\""))
        #expect(text.contains(",15/1/2570,ยังไม่เริ่ม,"))
        // Read back: nothing to change, nothing written.
        let before = try auditRows(ita)
        let again = try ita.run(["import", "tasks", file, "--lang", "en"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing to change"), "\(again.stdout)")
        #expect(try auditRows(ita) == before)
        // Standard output is the same bytes; JSON is the shape of ita tasks --json.
        #expect(try ita.run(["export", "tasks"]).stdout == text)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ita.run(["export", "tasks", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(json.count == (try tasks(ita)).count)
    }

    @Test func aWindows874SheetFromThaiExcelIsPreviewedThenImportedOnce() throws {
        let ita = ITARunner()
        try ita.initialise()
        let sheet = """
            ตัวชี้วัด/ข้อ,งาน,ผู้รับผิดชอบ,กำหนดส่ง,สถานะ,หลักฐาน,หมายเหตุ\r
            O12,สรุปผลการจัดซื้อจัดจ้างเดือนธันวาคม,นางสาวสุดารัตน์ ทองคำ,15/1/2570,กำลังทำ,,จากแผนใน Excel\r
            ตัวชี้วัดที่ 7,จัดอบรมการสื่อสารกับผู้รับบริการ,กิตติพัฒน์ ICT,2570-02-10,ยังไม่เริ่ม,,\r
            o5,เผยแพร่ช่องทางติดต่อ,anucha,1/12/2569,เสร็จแล้ว,https://lamnamngern.example.go.th/ita/o5-new,\r

            """
        let file = ita.directory + "/แผนงาน ITA.csv"
        try write(sheet, to: file, encoding: "cp874")
        let before = try auditRows(ita), count = try tasks(ita).count
        let preview = try ita.run(["import", "tasks", file, "--dry-run"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("3 แถว (windows-874)") && preview.stdout.contains("จะเพิ่ม 3 งาน"), "\(preview.stdout)")
        #expect(preview.stdout.contains("จัดอบรมการสื่อสารกับผู้รับบริการ"))
        #expect(try auditRows(ita) == before && (try tasks(ita)).count == count, "a dry run writes nothing")

        let imported = try ita.run(["import", "tasks", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        let all = try tasks(ita)
        #expect(all.count == count + 3)
        let december = try #require(all.first { $0["title"] as? String == "สรุปผลการจัดซื้อจัดจ้างเดือนธันวาคม" })
        #expect(december["owner"] as? String == "sudarat" && december["due"] as? String == "2027-01-15" && december["status"] as? String == "in_progress")
        #expect(december["note"] as? String == "จากแผนใน Excel")
        let training = try #require(all.first { $0["title"] as? String == "จัดอบรมการสื่อสารกับผู้รับบริการ" })
        #expect(training["owner"] as? String == "kittipat" && training["target"] as? String == "7", "found by LINE name")
        let o5 = try #require(all.first { $0["title"] as? String == "เผยแพร่ช่องทางติดต่อ" })
        #expect(o5["status"] as? String == "done" && (o5["evidence"] as? [String]) == ["https://lamnamngern.example.go.th/ita/o5-new"])
        // The same file again changes nothing; undo takes the whole import back.
        let again = try ita.run(["import", "tasks", file])
        #expect(again.stdout.contains("ไม่มีอะไรเปลี่ยน"), "\(again.stdout)")
        #expect(try ita.run(["undo"]).status == 0)
        #expect((try tasks(ita)).count == count)
    }

    @Test func everyBadCellIsReportedAndNothingIsWritten() throws {
        let ita = ITARunner()
        try ita.initialise()
        let file = ita.directory + "/plan.csv"
        try """
            \u{FEFF}ข้อ,งาน,ผู้รับผิดชอบ,กำหนดส่ง,สถานะ,หลักฐาน
            O12,งานที่ถูกต้อง,sudarat,15/1/2570,,
            O99,ข้อที่ไม่มี,นาย,32/1/2570,ไม่รู้,ftp://x
            ,ไม่มีเป้าหมาย,,,ติดขัด,

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try auditRows(ita), count = try tasks(ita).count
        let result = try ita.run(["import", "tasks", file, "--lang", "en"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file):3: ข้อ: no indicator or item \"O99\" in framework fy2566") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file):3: ผู้รับผิดชอบ: \"นาย\" could be") && $0.contains("kittipat (นายกิตติพัฒน์ บุญมาก)") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file):3: กำหนดส่ง: expected a date") })
        #expect(lines.contains { $0.hasPrefix("\(file):3: สถานะ: expected one of: ยังไม่เริ่ม, กำลังทำ, เสร็จแล้ว, ติดขัด") })
        #expect(lines.contains { $0.hasPrefix("\(file):3: หลักฐาน:") })
        #expect(lines.contains { $0.hasPrefix("\(file):4: ข้อ: a task needs an indicator number or an item code") })
        #expect(lines.contains { $0.hasPrefix("\(file):4: สถานะ: a blocked task needs a reason") })
        #expect(lines.last?.contains("7 problems") == true, "\(lines)")
        #expect(try auditRows(ita) == before && (try tasks(ita)).count == count, "the good row is not written either")
    }

    @Test func columnsCanBeNamedAndOtherFilesAreRefused() throws {
        let ita = ITARunner()
        try ita.initialise()
        let file = ita.directory + "/mine.csv"
        try "ลำดับ,รายละเอียดกิจกรรม,รหัสตัวชี้วัด,คนทำ\n1,ทำแบบสำรวจความพึงพอใจ,6,supachai\n".write(toFile: file, atomically: true, encoding: .utf8)
        // A title and a blank row above the table, as plans in Excel often have: the header is found below them.
        let titled = ita.directory + "/titled.csv"
        try "แผนปฏิบัติงาน ITA ปีงบประมาณ 2570,,\n,,\nข้อ,งาน,ผู้รับผิดชอบ\nO12,งานใต้หัวตาราง,sudarat\n".write(toFile: titled, atomically: true, encoding: .utf8)
        let underTitle = try ita.run(["import", "tasks", titled, "--dry-run"])
        #expect(underTitle.status == 0 && underTitle.stdout.contains("1 แถว") && underTitle.stdout.contains("งานใต้หัวตาราง"), "\(underTitle.stdout)\(underTitle.stderr)")
        let unnamed = try ita.run(["import", "tasks", file, "--lang", "en"])
        #expect(unnamed.status == 1 && unnamed.stderr.contains("\(file):1: ตัวชี้วัด/ข้อ: no target column"), "\(unnamed.stderr)")
        #expect(unnamed.stderr.contains("\(file):1: งาน: no title column"), "both missing columns at once")
        let named = try ita.run(["import", "tasks", file, "--columns", "title=รายละเอียดกิจกรรม,target=C,owner=4"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try tasks(ita).contains { $0["title"] as? String == "ทำแบบสำรวจความพึงพอใจ" && $0["owner"] as? String == "supachai" })
        // An old .xls is refused, saying what to do; a file named .xlsx that is not one is named as such.
        let xls = ita.directory + "/plan.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: URL(fileURLWithPath: xls))
        let refused = try ita.run(["import", "tasks", xls, "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("only .csv and .xlsx files are read"), "\(refused.stderr)")
        let fake = ita.directory + "/plan.xlsx"
        try Data("ข้อ,งาน\n".utf8).write(to: URL(fileURLWithPath: fake))
        let notZip = try ita.run(["import", "tasks", fake, "--lang", "en"])
        #expect(notZip.status == 1 && notZip.stderr.contains("\(fake): not an .xlsx workbook"), "\(notZip.stderr)")
        // Bytes that are neither UTF-8 nor Windows-874.
        let broken = ita.directory + "/broken.csv"
        try Data("ข้อ,งาน\n".utf8 + [0xFC, 0x0A]).write(to: URL(fileURLWithPath: broken))
        let undecodable = try ita.run(["import", "tasks", broken, "--lang", "en"])
        #expect(undecodable.status == 1 && undecodable.stderr.contains("not UTF-8 or Windows-874"), "\(undecodable.stderr)")
    }

    /// The sample sheet README's "Bringing your spreadsheet" uses goes into the demo cleanly.
    @Test func theSampleSheetImportsIntoTheDemo() throws {
        let ita = ITARunner()
        let db = ita.directory + "/demo.sqlite"
        #expect(try ita.run(["demo", "--db", db], withDatabase: false).status == 0)
        let sample = ITARunner.repository.appendingPathComponent("sample-data/tasks-example.csv").path
        let preview = try ita.run(["import", "tasks", sample, "--dry-run", "--db", db], withDatabase: false)
        #expect(preview.status == 0 && preview.stdout.contains("4 แถว (utf-8)") && preview.stdout.contains("จะเพิ่ม 4 งาน"), "\(preview.stdout)\(preview.stderr)")
    }

    /// Runs a Python script (openpyxl: an Excel writer and reader that is not ita's).
    func python(_ script: String, _ arguments: [String]) throws -> String {
        let result = try Subprocess.python(script, arguments)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        return result.out
    }

    /// A workbook as Excel writes one (shared strings, a real date cell, a number, a blank row), made by
    /// openpyxl; then ita's own export read back by openpyxl and by ita.
    @Test func anExcelWorkbookIsImportedAndTheExportOpensInExcelTools() throws {
        let ita = ITARunner()
        try ita.initialise()
        let file = ita.directory + "/แผน ITA.xlsx"
        _ = try python("""
            import datetime, sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'แผนงาน'
            ws.append(['ตัวชี้วัด/ข้อ', 'งาน', 'ผู้รับผิดชอบ', 'กำหนดส่ง', 'สถานะ'])
            ws.append(['O12', 'สรุปผลจัดซื้อจัดจ้าง ม.ค.', 'สุดารัตน์ การเงิน', datetime.date(2027, 1, 29), 'กำลังทำ'])
            ws.append([7, 'อบรมการสื่อสาร', 'kittipat', '15/2/2570', None])
            wb.save(sys.argv[1])
            """, [file])
        let imported = try ita.run(["import", "tasks", file])
        #expect(imported.status == 0 && imported.stdout.contains("2 แถว (xlsx)"), "\(imported.stdout)\(imported.stderr)")
        let all = try tasks(ita)
        let january = try #require(all.first { $0["title"] as? String == "สรุปผลจัดซื้อจัดจ้าง ม.ค." })
        #expect(january["due"] as? String == "2027-01-29" && january["owner"] as? String == "sudarat", "the date cell, the LINE name")
        #expect(all.contains { $0["title"] as? String == "อบรมการสื่อสาร" && $0["target"] as? String == "7" && $0["due"] as? String == "2027-02-15" })
        #expect(try ita.run(["import", "tasks", file]).stdout.contains("ไม่มีอะไรเปลี่ยน"))

        // A bad cell after a blank row is named by the row Excel shows.
        let bad = ita.directory + "/bad.xlsx"
        _ = try python("""
            import sys, openpyxl
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(['ข้อ', 'งาน', 'กำหนดส่ง']); ws.append(['O12', 'ถูกต้อง', '1/2/2570']); ws.append([]); ws.append(['O12', 'วันผิด', 'พรุ่งนี้'])
            wb.save(sys.argv[1])
            """, [bad])
        let refused = try ita.run(["import", "tasks", bad, "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("\(bad):4: กำหนดส่ง: expected a date"), "\(refused.stderr)")

        // ita's export: openpyxl reads the same header and rows as the CSV export has.
        let out = ita.directory + "/export.xlsx"
        #expect(try ita.run(["export", "tasks", "-o", out]).status == 0)
        let read = try python("""
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps([[c if c is not None else '' for c in row] for row in ws.iter_rows(values_only=True)], ensure_ascii=False))
            """, [out])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(read.utf8)) as? [[String]])
        #expect(rows.first == ["key", "ตัวชี้วัด/ข้อ", "งาน", "ผู้รับผิดชอบ", "กำหนดส่ง", "สถานะ", "หลักฐาน", "หมายเหตุ", "ขั้น", "เหตุที่ติดขัด"])
        #expect(rows.count == all.count + 1)
        #expect(rows.contains { $0.count > 4 && $0[2] == "สรุปผลจัดซื้อจัดจ้าง ม.ค." && $0[4] == "29/1/2570" })
        // …and ita reads its own export back as no change.
        #expect(try ita.run(["import", "tasks", out]).stdout.contains("ไม่มีอะไรเปลี่ยน"))
    }
}
