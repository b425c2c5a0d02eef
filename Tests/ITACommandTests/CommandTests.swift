import Foundation
import Testing

/// The real `ita` binary on a real database, on a fixed day (2026-11-18, a Wednesday).
@Suite struct GoldenOutputTests {
    @Test func statusInThai() throws {
        let ita = ITARunner()
        try ita.initialise()
        let result = try ita.run(["status"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try expectGolden(result.stdout, "status-th.txt")
    }

    @Test func statusInEnglish() throws {
        let ita = ITARunner()
        try ita.initialise()
        try expectGolden(try ita.run(["status", "--lang", "en"]).stdout, "status-en.txt")
    }

    @Test func demoPipedPrintsTheStatusReport() throws {
        let ita = ITARunner()
        let demo = try ita.run(["demo"], withDatabase: false)
        #expect(demo.status == 0)
        #expect(demo.stdout.contains("คะแนนคาดการณ์"))
    }

    @Test func overdueTasksByUrgency() throws {
        let ita = ITARunner()
        try ita.initialise()
        try expectGolden(try ita.run(["tasks", "--overdue"]).stdout, "tasks-overdue-th.txt")
    }

    @Test func ownerTasksAsJSON() throws {
        let ita = ITARunner()
        try ita.initialise()
        let out = try ita.run(["tasks", "--owner", "kittipat", "--all", "--json"]).stdout
            .replacingOccurrences(of: "\"\(ITARunner.osLogin)\"", with: "\"thanakorn\"")
        try expectGolden(out, "tasks-kittipat.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]]
        #expect(parsed?.allSatisfy { $0["owner"] as? String == "kittipat" } == true)
    }

    @Test func logAfterChanges() throws {
        let ita = ITARunner()
        try ita.initialise()
        try ita.run(["done", "56", "--evidence", "https://lamnamngern.example.go.th/ita/o19", "--note", "ส่งแล้ว"])
        try ita.run(["block", "2", "--reason", "รอผู้อำนวยการลงนาม"])
        try ita.run(["respondents", "iit", "12"])
        let out = try ita.run(["log"]).stdout.replacingOccurrences(of: ITARunner.osLogin, with: "thanakorn")
        try expectGolden(out, "log-th.txt")
    }
}

@Suite struct ChangeCommandTests {
    func task(_ ita: ITARunner, _ id: Int) throws -> [String: Any] {
        let out = try ita.run(["tasks", "--all", "--json"]).stdout
        let all = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]
        return try #require(all.first { $0["id"] as? Int == id })
    }

    @Test func doneThenUndo() throws {
        let ita = ITARunner()
        try ita.initialise()
        let open = try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--json"]).stdout.utf8)) as! [[String: Any]]
        let id = try #require(open.first?["id"] as? Int)
        let before = try task(ita, id)
        let done = try ita.run(["done", "\(id)", "--evidence", "https://example.go.th/e"])
        #expect(done.status == 0)
        #expect(done.stdout.hasPrefix("✓ งาน #\(id) เสร็จแล้ว"))
        #expect(try task(ita, id)["status"] as? String == "done")
        #expect((try task(ita, id)["evidence"] as? [String])?.contains("https://example.go.th/e") == true)
        #expect(try task(ita, id)["done_by"] as? String == ITARunner.osLogin)
        let undo = try ita.run(["undo"])
        #expect(undo.status == 0)
        // Undo puts back exactly what was there: the status, no evidence added, no one who finished it.
        let after = try task(ita, id)
        #expect(after["status"] as? String == before["status"] as? String)
        #expect(after["evidence"] as? [String] == before["evidence"] as? [String])
        #expect(after["done_by"] == nil || after["done_by"] is NSNull)
        #expect(try ita.run(["undo"]).status == 1)     // nothing more of ours to undo
    }

    @Test func startBlockReopen() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["start", "1"]).status == 0)
        #expect(try task(ita, 1)["status"] as? String == "in_progress")
        #expect(try ita.run(["block", "1", "--reason", "รอข้อมูล"]).status == 0)
        #expect(try task(ita, 1)["blocked_reason"] as? String == "รอข้อมูล")
        #expect(try ita.run(["reopen", "1"]).status == 0)
        #expect(try task(ita, 1)["status"] as? String == "todo")
        let again = try ita.run(["reopen", "1"])
        #expect(again.status == 0 && again.stdout.contains("ไม่มีการเปลี่ยนแปลง"))
    }

    @Test func actingAsAnOwnerFollowsTheirRights() throws {
        let ita = ITARunner()
        try ita.initialise()
        // kittipat owns O7; task of O19 belongs to sudarat.
        let kittipatTask = try #require((try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--owner", "kittipat", "--json"]).stdout.utf8)) as! [[String: Any]]).first?["id"] as? Int)
        let sudaratTask = try #require((try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--owner", "sudarat", "--json"]).stdout.utf8)) as! [[String: Any]]).first?["id"] as? Int)
        let sudaratBefore = try task(ita, sudaratTask)["status"] as? String
        #expect(try ita.run(["start", "\(kittipatTask)", "--as", "kittipat"]).status == 0)
        let denied = try ita.run(["done", "\(sudaratTask)", "--as", "kittipat"])
        #expect(denied.status == 1)
        #expect(denied.stderr == "ita: ผิดพลาด: งานนี้เป็นของ นางสาวสุดารัตน์ ทองคำ: เจ้าของงาน ประธาน หรือเลขานุการเท่านั้นที่แก้ได้\n")
        #expect(try task(ita, sudaratTask)["status"] as? String == sudaratBefore)
    }

    @Test func twoProcessesAtOnceLoseNothing() throws {
        let ita = ITARunner()
        try ita.initialise()
        let open = (try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--json"]).stdout.utf8)) as! [[String: Any]]).compactMap { $0["id"] as? Int }
        let halves = [open.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), open.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
        let processes = try halves.map { ids -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", ids.map { "\"$ITA\" done \($0) --db \"$DB\" --today 2026-11-18 >/dev/null || exit 1" }.joined(separator: "; ")]
            p.environment = ["ITA": ITARunner.binary, "DB": ita.database, "HOME": ita.directory, "TZ": "Asia/Bangkok", "PATH": "/usr/bin:/bin"]
            p.standardInput = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        #expect(try ita.run(["tasks"]).stdout.contains("ไม่มีงานตามเงื่อนไข"))
        let log = try ita.run(["log"]).stdout
        #expect(log.components(separatedBy: "\n").filter { $0.contains("สถานะ:") }.count == open.count)
    }
}

@Suite struct BadInputTests {
    /// One line on stderr, exit status 1, nothing on stdout.
    func expectOneLineError(_ result: ITARunner.Result, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("ita: ผิดพลาด: ") || result.stderr.hasPrefix("ita: error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func missingDataFile() throws {
        let ita = ITARunner()
        let result = try ita.run(["init", "--framework", ita.directory + "/nope.yaml", "--committee", try ita.committeeFile()])
        expectOneLineError(result, containing: "nope.yaml: อ่านไฟล์ไม่ได้ (no such file)")
        #expect(!FileManager.default.fileExists(atPath: ita.database))
    }

    @Test func malformedCommitteeNamesFileLineField() throws {
        let ita = ITARunner()
        let path = try ita.committeeFile()
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let index = lines.firstIndex { $0.contains("target: O12,") }!
        lines[index] = lines[index].replacingOccurrences(of: "target: O12,", with: "target: O77,")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ita.run(["init", "--framework", ita.frameworkFile, "--committee", path])
        expectOneLineError(result, containing: "committee.yaml:\(index + 1): tasks[")
        #expect(result.stderr.contains("].target: ไม่มีข้อ O77 ในเกณฑ์ fy2566"))
        // In English too.
        let english = try ita.run(["init", "--framework", ita.frameworkFile, "--committee", path, "--lang", "en"])
        #expect(english.stderr.hasPrefix("ita: error: ") && english.stderr.contains("].target: no item O77 in framework fy2566"), "\(english.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ita.database))
        #expect(try FileManager.default.contentsOfDirectory(atPath: ita.directory).filter { $0.contains("sqlite") }.isEmpty)
    }

    @Test func invalidYAML() throws {
        let ita = ITARunner()
        let path = ita.directory + "/broken.yaml"
        try "id: fy\ntools: [\n  - {code: IIT\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ita.run(["init", "--framework", path, "--committee", try ita.committeeFile()])
        expectOneLineError(result, containing: "broken.yaml:")
        #expect(result.stderr.contains("ไม่ใช่ YAML ที่ถูกต้อง"))
    }

    @Test func initRefusesToOverwrite() throws {
        let ita = ITARunner()
        try ita.initialise()
        try ita.run(["start", "1"])
        let before = try Data(contentsOf: URL(fileURLWithPath: ita.database))
        expectOneLineError(try ita.run(["init", "--framework", ita.frameworkFile, "--committee", try ita.committeeFile()]), containing: "อยู่แล้ว")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ita.database)) == before)
    }

    @Test func unknownIds() throws {
        let ita = ITARunner()
        try ita.initialise()
        expectOneLineError(try ita.run(["done", "9999"]), containing: "ไม่พบงาน #9999")
        expectOneLineError(try ita.run(["tasks", "--indicator", "11"]), containing: "ไม่มีตัวชี้วัดที่ 11")
        expectOneLineError(try ita.run(["tasks", "--item", "O44"]), containing: "ไม่มีข้อ O44")
        expectOneLineError(try ita.run(["tasks", "--owner", "ghost"]), containing: "ไม่พบสมาชิกที่มีชื่อผู้ใช้ ghost")
        expectOneLineError(try ita.run(["respondents", "oit", "3"]), containing: "OIT")
        expectOneLineError(try ita.run(["done", "1", "--as", "ghost"]), containing: "ghost")
        expectOneLineError(try ita.run(["log", "--since", "2026-13-01"]), containing: "2026-13-01")
        expectOneLineError(try ita.run(["status", "--lang", "en", "--db", ita.directory + "/none.sqlite"], withDatabase: false), containing: "no database at")
        expectOnlyCreationLogged(ita)   // nothing written by any of it
    }

    /// The log holds the one line of `ita init` creating the tasks, and nothing else.
    func expectOnlyCreationLogged(_ ita: ITARunner, sourceLocation: SourceLocation = #_sourceLocation) {
        let log = ((try? ita.run(["log"]).stdout) ?? "").split(separator: "\n")
        #expect(log.count == 1 && log.first?.hasSuffix("117 งาน (#1–#117)") == true, "log: \(log)", sourceLocation: sourceLocation)
    }

    @Test func forbiddenChangeWritesNothing() throws {
        let ita = ITARunner()
        try ita.initialise()
        expectOneLineError(try ita.run(["respondents", "eit", "50", "--as", "kittipat"]), containing: "เฉพาะประธานหรือเลขานุการ")
        expectOnlyCreationLogged(ita)
    }

    @Test func foreignAndNewerDatabases() throws {
        let ita = ITARunner()
        try "not sqlite".write(toFile: ita.database, atomically: true, encoding: .utf8)
        expectOneLineError(try ita.run(["status"]), containing: "ไม่ใช่ฐานข้อมูล ITA Board")
        try FileManager.default.removeItem(atPath: ita.database)
        try ita.initialise()
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v2-future')\"); c.commit()", ita.database]
        try sqlite.run(); sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        expectOneLineError(try ita.run(["status"]), containing: "รุ่นใหม่กว่า")
    }

    @Test func nothingToUndo() throws {
        let ita = ITARunner()
        try ita.initialise()
        expectOneLineError(try ita.run(["undo"]), containing: "ไม่มีการเปลี่ยนแปลงของคุณให้ย้อนกลับ")
    }

    @Test func usageErrorsExitNonZero() throws {
        let ita = ITARunner()
        try ita.initialise()
        let result = try ita.run(["done", "abc"])
        #expect(result.status != 0)
        #expect(try ita.run(["block", "1"]).status != 0)                 // --reason is required
        #expect(try ita.run(["done", "1", "--evidence", "not a url"]).status != 0)
    }

    @Test func versionAndHelp() throws {
        let ita = ITARunner()
        let version = try ita.run(["--version"], withDatabase: false, fixedDay: false)
        #expect(version.status == 0 && version.stdout == "ita 0.6.0\n")
        let help = try ita.run(["--help"], withDatabase: false, fixedDay: false)
        #expect(help.status == 0)
        for command in ["status", "tasks", "done", "undo", "meeting", "minutes", "present", "remind"] {
            #expect(help.stdout.contains("  \(command)"), "\(command) missing from --help")
        }
    }
}

@Suite struct DemoTests {
    @Test func demoCreatesThenReuses() throws {
        let ita = ITARunner()
        let first = try ita.run(["demo"], withDatabase: false, fixedDay: false)
        #expect(first.status == 0)
        #expect(first.stdout.contains("คะแนนคาดการณ์"))
        #expect(first.stdout.contains("กำหนดส่งถัดไป"))
        #expect(first.stdout.contains("อีก "))
        #expect(first.stderr.contains("สร้างฐานข้อมูลตัวอย่าง"))
        let demo = ita.directory + "/cache/ita/demo.sqlite"
        #expect(FileManager.default.fileExists(atPath: demo))
        let second = try ita.run(["demo"], withDatabase: false, fixedDay: false)
        #expect(second.stderr.isEmpty)   // reused, not remade
        #expect(second.stdout == first.stdout)
        // Whoever runs the demo takes the fictional secretary's seat, so meeting mode and every task are theirs to try.
        #expect(first.stderr.contains("คุณนั่งที่ของเลขานุการ (นายธนากร ใจดีงาม)"))
        let done = try ita.run(["done", "3", "--db", demo], withDatabase: false, fixedDay: false)
        #expect(done.status == 0, "\(done.stderr)")
        let tasks = try ita.run(["tasks", "--owner", ITARunner.osLogin, "--db", demo], withDatabase: false, fixedDay: false)
        #expect(tasks.status == 0 && tasks.stdout.contains("เผยแพร่ O2"), "\(tasks.stderr)")
    }

    /// A fresh demo runs FY2570 on the provisional framework, with two months of history and last
    /// week's meeting, so the chair's review and the minutes have figures from the first run.
    @Test func aFreshDemoHasHistoryAndAnEarlierMeeting() throws {
        let ita = ITARunner()
        let today = "2026-12-01"   // a Tuesday; the last meeting was Wednesday 25 November
        let first = try ita.run(["demo", "--today", today], withDatabase: false, fixedDay: false)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("เกณฑ์ fy2570") && first.stdout.contains("เกณฑ์ชั่วคราว"))
        let db = ["--db", ita.directory + "/cache/ita/demo.sqlite", "--today", today]
        let review = try ita.run(["review"] + db, withDatabase: false, fixedDay: false)
        #expect(review.status == 0, "\(review.stderr)")
        // Compared with a week ago: tasks were done since, and the projection moved.
        let head = review.stdout.split(separator: "\n").prefix(2).joined(separator: "\n")
        #expect(head.contains("เทียบกับ 24 พ.ย. 2569"), "\(head)")
        #expect(head.range(of: #"เสร็จ \d+/\d+ งาน \(\+[1-9]"#, options: .regularExpression) != nil, "\(head)")
        #expect(!head.contains("(+0.00)"), "\(head)")
        #expect(review.stdout.contains("ปิดได้"), "the burndown has a pace")
        let minutes = try ita.run(["minutes"] + db, withDatabase: false, fixedDay: false)
        #expect(minutes.status == 0, "\(minutes.stderr)")
        #expect(minutes.stdout.contains("**ครั้งที่** 1/2570") && minutes.stdout.contains("วันพุธที่ 25 พฤศจิกายน 2569"), "\(minutes.stdout.prefix(400))")
        #expect(minutes.stdout.contains("ส่งรายชื่อผู้มีส่วนได้ส่วนเสีย"), "its action item")
        // The burndown starts at the first of the 60 daily snapshots.
        #expect(review.stdout.contains("2 ต.ค. 2569"), "\(review.stdout)")
    }
}
