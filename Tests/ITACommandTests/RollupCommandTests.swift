import Foundation
import Testing

/// `ita rollup` over real SQLite files: the demo office, a second demo office where work was done, and
/// a fresh FY2570 office; plus a missing file and one that is not a database.
@Suite struct RollupCommandTests {
    static let day = "2026-12-01"

    /// Three offices in one directory: lampang-01 (the demo), phrae-03 (the demo with O2's and O4's work done), chiangmai-02 (fresh).
    static func offices(_ ita: ITARunner) throws -> [String] {
        let dir = ita.directory
        func run(_ args: [String], _ db: String) throws -> ITARunner.Result {
            try ita.run(args + ["--db", dir + "/" + db, "--today", day], withDatabase: false, fixedDay: false)
        }
        #expect(try run(["demo"], "lampang-01.sqlite").status == 0)
        #expect(try run(["demo"], "phrae-03.sqlite").status == 0)
        let open = try run(["tasks", "--json"], "phrae-03.sqlite").stdout
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(open.utf8)) as? [[String: Any]])
        for t in tasks where ["O2", "O4"].contains(t["target"] as? String) {
            let done = try run(["done", String(t["id"] as! Int), "--evidence", "https://phrae.example.go.th/ita/\(t["id"]!).pdf"], "phrae-03.sqlite")
            #expect(done.status == 0, "\(done.stderr)")
        }
        let framework = ITARunner.repository.appendingPathComponent("sample-data/frameworks/fy2570.yaml").path
        let committee = ITARunner.repository.appendingPathComponent("sample-data/committee-fy2570-example.yaml").path
        #expect(try run(["init", "--framework", framework, "--committee", committee], "chiangmai-02.sqlite").status == 0)
        return ["lampang-01", "phrae-03", "chiangmai-02"].map { dir + "/\($0).sqlite" }
    }

    static func status(_ ita: ITARunner, _ file: String) throws -> [String: Any] {
        let out = try ita.run(["status", "--json", "--db", file, "--today", day], withDatabase: false, fixedDay: false).stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    @Test func eachOfficeHasTheFiguresItsOwnStatusShows() throws {
        let ita = ITARunner()
        let files = try Self.offices(ita)
        let result = try ita.run(["rollup", "--json", "--today", Self.day] + files, withDatabase: false, fixedDay: false)
        #expect(result.status == 0, "\(result.stderr)")
        let rollup = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let offices = try #require(rollup["offices"] as? [[String: Any]])
        #expect(offices.count == 3)
        for (file, code) in zip(files, ["lampang-01", "phrae-03", "chiangmai-02"]) {
            let status = try Self.status(ita, file)
            let office = try #require(offices.first { $0["code"] as? String == code }, "no \(code)")
            let projection = try #require(status["projected"] as? [String: Any])
            #expect(office["projected"] as? Double == projection["total"] as? Double, "\(code)")
            let items = try #require(status["items"] as? [[String: Any]])
            #expect(office["failing_items"] as? [String] == items.filter { $0["passes"] as? Bool != true }.map { $0["code"] as! String }, "\(code)")
        }
        // Lowest projected first; phrae passed O2 and O4 and so stands above lampang.
        let projected = offices.map { $0["projected"] as! Double }
        #expect(projected == projected.sorted())
        let lampang = offices.first { $0["code"] as? String == "lampang-01" }!, phrae = offices.first { $0["code"] as? String == "phrae-03" }!
        #expect((phrae["projected"] as! Double) > (lampang["projected"] as! Double))
        #expect(!(phrae["failing_items"] as! [String]).contains("O2") && (lampang["failing_items"] as! [String]).contains("O2"))
        // Nobody projects 85 yet: 0 of 3 against the 80% target; O2 fails in two offices of three.
        #expect(rollup["passing"] as? Int == 0 && rollup["meets_national_target"] as? Bool == false)
        let failed = try #require(rollup["most_failed_items"] as? [[String: Any]])
        let o2 = try #require(failed.first { $0["code"] as? String == "O2" })
        #expect(o2["failing"] as? Int == 2 && o2["offices"] as? Int == 3)
        // The demo's overdue work and short survey quota are risks; the fresh office changed today.
        let risks = (lampang["risks"] as! [[String: Any]]).map { $0["kind"] as! String }
        #expect(risks.contains("overdue") && risks.contains("respondents_below_quota") && risks.contains("below_pass_mark"))
    }

    @Test func theTextIsThaiOrEnglishAndTheSheetIsScoreFinalShaped() throws {
        let ita = ITARunner()
        let files = try Self.offices(ita)
        let thai = try ita.run(["rollup", "--today", Self.day] + files, withDatabase: false, fixedDay: false)
        #expect(thai.status == 0)
        let lines = thai.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "ภาพรวม 3 หน่วยงาน · ปีงบประมาณ 2570 · ณ 1 ธ.ค. 2569")
        #expect(lines[1] == "คาดว่าผ่านเกณฑ์ (85 ขึ้นไป) 0 จาก 3 หน่วยงาน = 0% · เป้าหมายประเทศ 80%: ยังไม่ถึงเป้า")
        #expect(thai.stdout.contains("หน่วยงานที่ต้องติดตาม (3)"))
        // The office table's columns line up in display width (Thai marks take no column).
        let table = lines.drop { !$0.hasPrefix("  หน่วยงาน") }.prefix(4)
        #expect(table.count == 4)
        let widths = Set(table.map { row in row.split(separator: " ", omittingEmptySubsequences: false).count > 0 ? (row.range(of: "  ", options: .backwards).map { row[..<$0.lowerBound].displayWidthForTest } ?? 0) : 0 })
        #expect(widths.count == 1, "\(table)")

        let english = try ita.run(["rollup", "--lang", "en", "--today", Self.day] + files, withDatabase: false, fixedDay: false)
        #expect(english.stdout.hasPrefix("3 offices · fiscal year 2570 · on 1 Dec 2569\nprojected to pass (85 or more): 0 of 3 offices = 0% · national target 80%: not met"))
        #expect(english.stdout.contains("offices to follow up (3)") && english.stdout.contains("indicator means against last year"))

        let sheet = ita.directory + "/score-final.csv"
        #expect(try ita.run(["rollup", "--csv", "-o", sheet, "--today", Self.day] + files, withDatabase: false, fixedDay: false).status == 0)
        let read = try Subprocess.python("""
            import csv, sys, json
            rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
            print(json.dumps(rows, ensure_ascii=False))
            """, [sheet])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(read.out.utf8)) as? [[String]])
        #expect(rows.first?.prefix(10) == ["ลำดับ", "รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ปีงบประมาณ", "IIT", "EIT", "OIT", "คะแนนรวม", "ระดับผลการประเมิน", "ผ่านเกณฑ์"])
        #expect(rows.dropFirst().map { $0[1] } == ["chiangmai-02", "lampang-01", "phrae-03"])
        let lampang = try Self.status(ita, files[0])
        let total = try #require((lampang["projected"] as? [String: Any])?["total"] as? Double)
        #expect(rows[2][7] == String(format: "%.2f", total))
        #expect(rows[2][9] == "ไม่ผ่าน")
    }

    @Test func aFileThatCannotBeReadIsOneLineAndTheOthersAreStillRolledUp() throws {
        let ita = ITARunner()
        let files = try Self.offices(ita)
        let garbage = ita.directory + "/broken-09.sqlite"
        try Data("this is not a database, just text\n".utf8).write(to: URL(fileURLWithPath: garbage))
        let before = try FileManager.default.attributesOfItem(atPath: files[0])[.modificationDate] as? Date
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: files[0])[.size] as? Int
        let result = try ita.run(["rollup", "--lang", "en", "--today", Self.day, files[0], ita.directory + "/nowhere-10.sqlite", garbage, files[1]],
                                 withDatabase: false, fixedDay: false)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first == "\(ita.directory)/nowhere-10.sqlite: no such file")
        #expect(errors.last?.hasPrefix(garbage + ":") == true, "\(errors)")
        #expect(result.stdout.hasPrefix("2 offices · "))
        // Read-only: the office's file is as it was.
        #expect(try FileManager.default.attributesOfItem(atPath: files[0])[.modificationDate] as? Date == before)
        #expect(try FileManager.default.attributesOfItem(atPath: files[0])[.size] as? Int == sizeBefore)
        // Two files with one name are two offices with one code: refused, one line.
        let twin = ita.directory + "/again"
        try FileManager.default.createDirectory(atPath: twin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: files[1], toPath: twin + "/phrae-03.sqlite")
        let twice = try ita.run(["rollup", "--lang", "en", "--today", Self.day, files[1], twin + "/phrae-03.sqlite"], withDatabase: false, fixedDay: false)
        #expect(twice.status == 1)
        #expect(twice.stderr == "\(twin)/phrae-03.sqlite: office code phrae-03 is also \(files[1])'s (same file name)\n")
    }

    /// The full-screen roll-up in tmux: the offices listed, j moves to the next, and a change made in one
    /// office's file (an owner's `ita done`) shows without a key; q leaves the terminal as it was.
    @Test func theBoardShowsAChangeMadeInAnOfficesFile() throws {
        let ita = ITARunner()
        let files = try Self.offices(ita)
        let tmux = Tmux(ita)
        try tmux.start("'\(ITARunner.binary)' rollup --board --today \(Self.day) '\(files[0])' '\(files[2])'", width: 100, height: 30)
        try tmux.waitFor(text: "ภาพรวม 2 หน่วยงาน")
        let first = try tmux.waitFor(text: "(chiangmai-02)")   // the lowest projected is selected first
        #expect(first.contains("อ่านอย่างเดียว") && first.contains("70.68~"))
        try tmux.send("j")
        try tmux.waitFor(text: "(lampang-01)")
        // An owner in lampang finishes O2's work; the board reads the file again and O2 leaves its open items.
        let before = try tmux.capture()
        #expect(before.contains("OIT ที่ยังไม่ผ่าน: O2 "), "\(before)")
        let tasks = try ita.run(["tasks", "--item", "O2", "--json", "--db", files[0], "--today", Self.day], withDatabase: false, fixedDay: false).stdout
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(tasks.utf8)) as? [[String: Any]]).map { String($0["id"] as! Int) }
        #expect(!ids.isEmpty)
        for id in ids {
            #expect(try ita.run(["done", id, "--evidence", "https://lampang.example.go.th/o2.pdf", "--db", files[0], "--today", Self.day],
                                withDatabase: false, fixedDay: false).status == 0)
        }
        let after = try tmux.waitFor("O2 passing in lampang", timeout: 5) { !$0.contains("OIT ที่ยังไม่ผ่าน: O2 ") && $0.contains("(lampang-01)") }
        #expect(after.contains("แก้ไขล่าสุด วันนี้"), "\(after)")
        try tmux.send("q")
        try tmux.waitFor(text: "EXIT=0")
        let modes = try String(contentsOfFile: tmux.modesFile(), encoding: .utf8)
        #expect(modes.contains(" icanon") && modes.contains(" echo "))
    }
}

private extension Substring {
    /// Columns as a terminal draws them: Thai above/below marks (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E) take none.
    var displayWidthForTest: Int {
        unicodeScalars.reduce(0) { n, s in
            let v = s.value
            return n + ((v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v)) ? 0 : 1)
        }
    }
}
