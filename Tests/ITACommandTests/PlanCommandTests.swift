import Foundation
import Testing

/// Keeping the plan from the command line, through the real binary and a real database file.
/// The runner is the secretary (see `ITARunner.committeeFile`).
@Suite struct PlanCommandTests {
    func json(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    /// The number of audit rows: a refused change must leave it as it was.
    func auditRows(_ ita: ITARunner) throws -> Int {
        try ita.run(["log", "--lang", "en"]).stdout.split(separator: "\n").count
    }

    @Test func addEditArchiveRestoreAndUndo() throws {
        let ita = ITARunner()
        try ita.initialise()
        let added = try ita.run(["add", "O12", "สรุปผลจัดซื้อจัดจ้างเดือน ธ.ค.", "--due", "2569-12-19", "--phase", "A1"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("✓ เพิ่มงาน #118: สรุปผลจัดซื้อจัดจ้างเดือน ธ.ค.\n"))
        #expect(added.stdout.contains("⚠ 19 ธ.ค. 2569 เป็นวันเสาร์หรืออาทิตย์"))
        var tasks = try json(try ita.run(["tasks", "--item", "O12", "--json"]).stdout)
        let task = try #require(tasks.first { $0["id"] as? Int == 118 })
        #expect(task["due"] as? String == "2026-12-19" && task["owner"] as? String == "waraporn" && task["phase"] as? String == "A1")

        let edited = try ita.run(["edit", "118", "--due", "15/12", "--owner", "kittipat", "--title", "สรุปผลจัดซื้อ ธ.ค.", "--lang", "en"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("#118 due: 19 Dec 2569 → 15 Dec 2569"))
        #expect(edited.stdout.contains("#118 owner: นางวราภรณ์ คำแสนดี → นายกิตติพัฒน์ บุญมาก"))
        tasks = try json(try ita.run(["tasks", "--owner", "kittipat", "--json"]).stdout)
        #expect(tasks.contains { $0["id"] as? Int == 118 && $0["due"] as? String == "2026-12-15" && $0["title"] as? String == "สรุปผลจัดซื้อ ธ.ค." })

        #expect(try ita.run(["archive", "118", "--reason", "รวมกับงาน #40"]).status == 0)
        #expect(try json(try ita.run(["tasks", "--all", "--json"]).stdout).contains { $0["id"] as? Int == 118 } == false)
        let archived = try ita.run(["tasks", "--archived"]).stdout
        #expect(archived.contains("#118") && archived.contains("รวมกับงาน #40"))
        #expect(try ita.run(["restore", "118"]).status == 0)
        #expect(try json(try ita.run(["tasks", "--json"]).stdout).contains { $0["id"] as? Int == 118 })
        // Undo walks back: the restore, then the archive.
        #expect(try ita.run(["undo"]).status == 0)
        #expect(try ita.run(["tasks", "--archived"]).stdout.contains("#118"))
        #expect(try ita.run(["verify"]).status == 0)
    }

    @Test func badInputIsOneLineNamingTheFieldAndWritesNothing() throws {
        let ita = ITARunner()
        try ita.initialise()
        let before = try auditRows(ita)
        let cases: [([String], String)] = [
            (["add", "O99", "x"], "target: no item O99"),
            (["add", "O12", "x", "--owner", "nobody"], "owner: no member with login \"nobody\""),
            (["add", "O12", "x", "--due", "31/2"], "not a date \"31/2\""),
            (["add", "O12", "x", "--phase", "Z"], "phase: no phase \"Z\""),
            (["add", "O12", "   "], "title: must not be empty"),
            (["edit", "999", "--title", "x"], "999"),
            (["edit", "5"], "nothing to change"),
            (["member", "leave", "waraporn"], "hand-over-to: waraporn still owns"),
            (["member", "add", "ผู้ใช้", "--name", "x", "--role", "owner"], "login:"),
            (["estimate", "oit", "50"], "tool: estimates are for survey tools"),
            (["last-year", "1", "120"], "score"),
            (["target", "Z"], "grade: no grade \"Z\""),
            (["milestone", "remove", "nope"], "key: no milestone \"nope\""),
            (["holiday", "remove", "2/1/2570"], "date: no holiday on 2027-01-02"),
        ]
        for (arguments, message) in cases {
            let result = try ita.run(arguments + ["--lang", "en"])
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            // One line says it (a usage error adds the usage after it).
            #expect(result.stderr.split(separator: "\n").first?.contains(message) == true, "\(arguments): \(result.stderr)")
        }
        #expect(try auditRows(ita) == before)
    }

    @Test func ownersAddOnTheirOwnTargetsAndMembersOnlyLook() throws {
        let ita = ITARunner()
        try ita.initialise()
        // waraporn owns O12, not O1; onuma is a member.
        #expect(try ita.run(["add", "O12", "ตรวจทานรายงาน", "--as", "waraporn"]).status == 0)
        let other = try ita.run(["add", "O1", "งานของคนอื่น", "--as", "waraporn", "--lang", "en"])
        #expect(other.status == 1 && other.stderr.contains("owns this target"))
        let retitle = try ita.run(["edit", "118", "--title", "x", "--as", "waraporn", "--lang", "en"])
        #expect(retitle.status == 1 && retitle.stderr.contains("chair or secretary"))
        #expect(try ita.run(["edit", "118", "--note", "ร่างแล้ว", "--as", "waraporn"]).status == 0)
        #expect(try ita.run(["add", "O12", "x", "--as", "onuma"]).status == 1)
    }

    @Test func assignMembersAndHandOver() throws {
        let ita = ITARunner()
        try ita.initialise()
        let assigned = try ita.run(["assign", "O12", "kittipat", "--with-open-tasks"])
        #expect(assigned.status == 0 && assigned.stdout.contains("ผู้รับผิดชอบข้อ O12: นางวราภรณ์ คำแสนดี → นายกิตติพัฒน์ บุญมาก"))
        #expect(try json(try ita.run(["tasks", "--item", "O12", "--json"]).stdout).allSatisfy { $0["owner"] as? String == "kittipat" })
        #expect(try ita.run(["member", "add", "malee", "--name", "นางมาลี ทดลองดี", "--role", "owner", "--group", "กลุ่มนโยบายและแผน",
                             "--line", "มาลี แผนงาน"]).status == 0)
        let left = try ita.run(["member", "leave", "waraporn", "--hand-over-to", "malee"])
        #expect(left.status == 0, "\(left.stderr)")
        let members = try json(try ita.run(["members", "--json"]).stdout)
        let waraporn = try #require(members.first { $0["login"] as? String == "waraporn" })
        #expect(waraporn["left_on"] as? String == "2026-11-18" && (waraporn["owns"] as? [String]) == [] && waraporn["open_tasks"] as? Int == 0)
        let malee = try #require(members.first { $0["login"] as? String == "malee" })
        #expect((malee["owns"] as? [String])?.contains("O4") == true && malee["line"] as? String == "มาลี แผนงาน")
        // History keeps the name of who did what.
        #expect(try ita.run(["log"]).stdout.contains("นางวราภรณ์ คำแสนดี"))
        // One who has left may no longer act.
        #expect(try ita.run(["start", "13", "--as", "waraporn"]).status == 1)
        #expect(try ita.run(["verify"]).status == 0)
    }

    @Test func milestonesHolidaysAndTheAssessment() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["milestone", "add", "review-2", "--title", "ทบทวนรอบสอง", "--due", "15/1", "--covers", "O12,O13"]).status == 0)
        #expect(try ita.run(["milestone", "edit", "review-2", "--due", "2570-01-22", "--reminders", "7,1"]).status == 0)
        let milestones = try json(try ita.run(["milestones", "--json"]).stdout)
        let review = try #require(milestones.first { $0["key"] as? String == "review-2" })
        #expect(review["due"] as? String == "2027-01-22" && (review["reminders"] as? [Int]) == [7, 1] && (review["covers"] as? [String]) == ["O12", "O13"])
        #expect(try ita.run(["holiday", "add", "2/1/2570", "วันหยุดพิเศษ"]).status == 0)
        #expect(try json(try ita.run(["holidays", "--json"]).stdout).contains { $0["date"] as? String == "2027-01-02" })
        #expect(try ita.run(["estimate", "iit", "91"]).status == 0)
        #expect(try ita.run(["quota", "eit", "150"]).status == 0)
        #expect(try ita.run(["target", "AA"]).status == 0)
        let status = try ita.run(["status", "--lang", "en"]).stdout
        #expect(status.contains("AA") && status.contains("/150"))
        #expect(try ita.run(["milestone", "remove", "review-2"]).status == 0)
        #expect(try json(try ita.run(["milestones", "--json"]).stdout).contains { $0["key"] as? String == "review-2" } == false)
        #expect(try ita.run(["undo"]).status == 0)
        #expect(try json(try ita.run(["milestones", "--json"]).stdout).contains { $0["key"] as? String == "review-2" })
    }

    @Test func oneDateRuleForEveryOption() throws {
        let ita = ITARunner()
        try ita.initialise()
        try ita.run(["start", "5"])
        // BE and CE, D/M/YYYY, and relative forms, in log --since and remind --date alike.
        for since in ["2569-11-17", "2026-11-17", "17/11/2569", "17/11", "-1", "today"] {
            let log = try ita.run(["log", "--since=\(since)"])
            #expect(log.status == 0 && log.stdout.contains("#5"), "log --since \(since)")
        }
        #expect(try ita.run(["log", "--since", "2569-11-30"]).stdout.contains("#5") == false)
        for date in ["4/1/2570", "2570-01-04", "4/1"] {
            #expect(try ita.run(["remind", "--date", date]).status == 0, "remind --date \(date)")
        }
        let bad = try ita.run(["remind", "--date", "4.1.2570", "--lang", "en"])
        #expect(bad.status == 1 && bad.stderr.contains("D/M/YYYY"))
    }

    @Test func recurringWorkFromTheCommandLine() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["add", "O12", "สรุปผลจัดซื้อประจำเดือน", "--due", "30/11", "--recurs", "monthly"]).status == 0)
        let done = try ita.run(["done", "118", "--as", "waraporn"])
        #expect(done.stdout.contains("↻ งานรอบถัดไป #119 กำหนดส่ง 30 ธ.ค. 2569"), "\(done.stdout)")
        let late = try ita.run(["add", "O12", "รายงานรอบไตรมาส", "--due", "2569-01-31", "--recurs", "quarterly"])
        #expect(late.status == 0)
        let asked = try ita.run(["done", "120", "--as", "waraporn", "--lang", "en"])
        #expect(asked.stdout.contains("would be due 30 Apr 2569") && asked.stdout.contains("ita done 120 --next"))
        #expect(try ita.run(["done", "120", "--next", "--as", "waraporn"]).stdout.contains("#121"))
    }

    @Test func planExportApplyRoundTripFromTheCommandLine() throws {
        let ita = ITARunner()
        try ita.initialise()
        let export = try ita.run(["plan", "export"])
        #expect(export.status == 0 && export.stdout.hasPrefix("# ITA Board committee file"))
        let file = ita.directory + "/plan.yaml"
        #expect(try ita.run(["plan", "export", "-o", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == export.stdout)
        #expect(try ita.run(["plan", "apply", file]).stdout.contains("ตรงกับฐานข้อมูลแล้ว"))
        // The secretary adds a task and moves an item in the file.
        let edited = export.stdout.replacingOccurrences(of: "    O12: waraporn", with: "    O12: kittipat")
            + "  - {key: procure-dec, title: \"สรุปผลจัดซื้อจัดจ้าง ธ.ค.\", target: O12, due: 2569-12-30}\n"
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try auditRows(ita)
        let dry = try ita.run(["plan", "apply", file, "--lang", "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would make 2 changes:") && dry.stdout.contains("owner of O12: นางวราภรณ์ คำแสนดี → นายกิตติพัฒน์ บุญมาก"))
        #expect(dry.stdout.contains("+ #118 (สรุปผลจัดซื้อจัดจ้าง ธ.ค.)") && dry.stdout.contains("run again with --yes"))
        #expect(try auditRows(ita) == before)
        let applied = try ita.run(["plan", "apply", file, "--yes", "--lang", "en"])
        #expect(applied.stdout.hasPrefix("✓ applied 2 changes"))
        #expect(try ita.run(["plan", "apply", file]).stdout.contains("ตรงกับฐานข้อมูลแล้ว"))
        // One undo reverses the set.
        #expect(try ita.run(["undo"]).status == 0)
        #expect(try ita.run(["plan", "export"]).stdout == export.stdout)
        // A malformed file: every problem named, nothing written.
        try (export.stdout.replacingOccurrences(of: "target_grade: \"A\"", with: "target_grade: \"Z\"")
             + "  - {title: x, target: O99}\n").write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try ita.run(["plan", "apply", file, "--yes", "--lang", "en"])
        #expect(bad.status == 1 && bad.stderr.contains("plan.yaml:5: target_grade:") && bad.stderr.contains("target: no item O99"))
        #expect(bad.stderr.contains("2 problems in"))
        // An owner may not apply a plan.
        try export.stdout.replacingOccurrences(of: "    O12: waraporn", with: "    O12: kittipat").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try ita.run(["plan", "apply", file, "--yes", "--as", "waraporn"]).status == 1)
    }

    @Test func doneOnAnItemsLastTaskWithoutEvidenceSaysTheItemStillFails() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["done", "31", "--as", "kittipat"]).stdout.contains("⚠") == false)
        let last = try ita.run(["done", "32", "--as", "kittipat", "--lang", "en"])
        #expect(last.stdout.contains("⚠ every task of O8 is done but none has an evidence URL: the item does not pass yet"))
        let proven = try ita.run(["done", "32", "--evidence", "https://example.go.th/o8", "--as", "kittipat"])
        #expect(proven.status == 0 && !proven.stdout.contains("⚠"))
    }

    @Test func frameworkCheckAndDiff() throws {
        let ita = ITARunner()
        let fy2566 = ita.frameworkFile
        let fy2568 = ITARunner.repository.appendingPathComponent("sample-data/frameworks/fy2568.yaml").path
        let ok = try ita.run(["framework", "check", fy2568, "--lang", "en"], withDatabase: false)
        #expect(ok.status == 0 && ok.stdout.contains("framework fy2568, FY2568") && ok.stdout.contains("26 items"))
        let bad = ita.directory + "/bad.yaml"
        try (try String(contentsOfFile: fy2568, encoding: .utf8))
            .replacingOccurrences(of: "{grade: ผ่าน, min_total: 85}", with: "{grade: ผ่านดี, min_total: 85}")
            .replacingOccurrences(of: "    weight: 0.30\n", with: "    weight: 0.35\n")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try ita.run(["framework", "check", bad, "--lang", "en"], withDatabase: false)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.yaml:") && refused.stderr.contains("tools: tool weights add up to") && refused.stderr.contains("two grades named"))
        let diff = try ita.run(["framework", "diff", fy2566, fy2568, "--lang", "en"], withDatabase: false)
        #expect(diff.status == 0 && diff.stdout.hasPrefix("fy2566 → fy2568: 43 → 26 items"))
        #expect(diff.stdout.contains("− O43 ") && diff.stdout.contains("~ grades: AA ≥ 95"))
        #expect(try ita.run(["framework", "diff", fy2568, fy2568, "--lang", "en"], withDatabase: false).stdout.contains("no differences"))
    }

    @Test func aCommitteeOnTheProvisionalFY2570Framework() throws {
        let ita = ITARunner()
        let framework = ITARunner.repository.appendingPathComponent("sample-data/frameworks/fy2570.yaml").path
        let committee = ITARunner.repository.appendingPathComponent("sample-data/committee-fy2570-example.yaml").path
        let made = try ita.run(["init", "--framework", framework, "--committee", committee])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.isEmpty)   // its fiscal year is the framework's
        let status = try ita.run(["status"]).stdout
        #expect(status.contains("⚠ เกณฑ์ชั่วคราว (fy2570) — ตรวจสอบกับคู่มือ ป.ป.ช. ของปีนี้"))
        // O25 has no owner of its own: indicator 10's (somsri) owns it and its task.
        let tasks = try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--json"]).stdout.utf8)) as! [[String: Any]]
        #expect(tasks.first { $0["target"] as? String == "O25" }?["owner"] as? String == "somsri")
        #expect(tasks.first { $0["target"] as? String == "O1" }?["due"] as? String == "2026-12-15")
        // A reminder says what year's data an item wants (the FY2570 framework's O11: the first half of FY2570).
        let remind = try ita.run(["remind", "--date", "2569-12-03"])
        #expect(remind.stdout.contains("↳ O11 ต้องเป็นข้อมูล 6 เดือนแรกของปีงบประมาณ 2570"), "\(remind.stdout)")
        // The national holidays come in by `include`, beside the office's own.
        let holidays = try JSONSerialization.jsonObject(with: Data(try ita.run(["holidays", "--json"]).stdout.utf8)) as! [[String: Any]]
        #expect(holidays.count == 25 && holidays.contains { $0["date"] as? String == "2026-12-07" && ($0["name"] as? String)?.hasPrefix("ชดเชย") == true })
        #expect(holidays.contains { $0["date"] as? String == "2026-12-30" })
        // An include that cannot be read names the line it is on.
        let bad = ita.directory + "/bad-include.yaml"
        try (try String(contentsOfFile: committee, encoding: .utf8)).replacingOccurrences(of: "holidays/th-2570.yaml", with: "holidays/none.yaml")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try ita.run(["init", "--framework", framework, "--committee", bad, "--db", ita.directory + "/x.sqlite", "--lang", "en"], withDatabase: false)
        #expect(refused.status == 1 && refused.stderr.contains("bad-include.yaml:") && refused.stderr.contains("include[1]: cannot read \"holidays/none.yaml\""))
        // The demo's FY2570 on FY2566 says the years differ.
        let demo = try ita.run(["init", "--framework", ita.frameworkFile, "--committee", try ita.committeeFile(), "--db", ita.directory + "/other.sqlite"],
                               withDatabase: false)
        #expect(demo.status == 0 && demo.stderr.contains("ไม่ตรงกับเกณฑ์ fy2566 (2566)"))
    }

    @Test func officialResultsBesideTheProjectionAndAContradictionFlagged() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["results"]).stdout.contains("ยังไม่ได้บันทึกผลประกาศ"))
        #expect(try ita.run(["results", "iit", "92.10"]).status == 0)
        let total = try ita.run(["results", "total", "62.5", "--grade", "AA", "--lang", "en"])
        #expect(total.status == 0 && total.stdout.contains("⚠ the recorded grade AA contradicts the rule: AA needs a total of at least 95"))
        let status = try ita.run(["status", "--lang", "en"]).stdout
        #expect(status.contains("Announced (ITAS)") && status.contains("IIT            92.10  (projected 93.50)"))
        #expect(status.contains("total          62.50  AA  (projected 66.55)"))
        #expect(try ita.run(["results", "total", "101"]).status == 1)
        #expect(try ita.run(["results", "total", "60", "--as", "waraporn"]).status == 1)   // chair and secretary only
        #expect(try ita.run(["undo"]).status == 0)
        #expect(try ita.run(["results", "--lang", "en"]).stdout.contains("total") == false)
        #expect(try ita.run(["verify"]).status == 0)
    }

    @Test func rolloverMakesNextYearsDatabaseAndLeavesThisOne() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["edit", "115", "--recurs", "yearly"]).status == 0)
        #expect(try ita.run(["results", "9", "88.5"]).status == 0)
        try ita.run(["member", "leave", "panuwat"])
        let before = try ita.run(["plan", "export"]).stdout
        let next = ita.directory + "/next.sqlite"
        let fy2568 = ITARunner.repository.appendingPathComponent("sample-data/frameworks/fy2568.yaml").path
        let map = ITARunner.repository.appendingPathComponent("sample-data/maps/fy2566-fy2568.yaml").path
        let made = try ita.run(["rollover", "--framework", fy2568, "--map", map, "--to", next, "--lang", "en"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("FY2571 on fy2568 · 11 members · 1 yearly tasks · 9 milestones"))
        #expect(made.stdout.contains("1 indicators from the announced results"))
        // This year's database is as it was.
        #expect(try ita.run(["plan", "export"]).stdout == before)
        // Next year's: the yearly task a year on, owners through the map, last year's result from ITAS.
        let nextTasks = try JSONSerialization.jsonObject(with: Data(try ITARunner.spawn(["tasks", "--json", "--db", next, "--today", ita.today],
                                                                                      directory: ita.directory).stdout.utf8)) as! [[String: Any]]
        #expect(nextTasks.count == 1 && (nextTasks[0]["due"] as? String)?.hasPrefix("2028-") == true)
        let export = try ITARunner.spawn(["plan", "export", "--db", next, "--today", ita.today], directory: ita.directory).stdout
        #expect(export.contains("framework: fy2568") && export.contains("fiscal_year: 2571") && export.contains("9: 88.5"))
        #expect(export.contains("[ตรวจสอบกับปฏิทิน ป.ป.ช.]") && !export.contains("panuwat"))
        // FY2568 O12 (FY2566 O19–O21, procurement) keeps their owner; O16 (ethics, FY2566 O39–O40) too.
        #expect(export.contains("    O12: sudarat") && export.contains("    O16: pranee"))
        #expect(try ITARunner.spawn(["verify", "--db", next], directory: ita.directory).status == 0)
        // The two years side by side: indicator 9 as announced last year, projected this year.
        let compared = try ITARunner.spawn(["review", "--compare", ita.database, "--db", next, "--today", ita.today, "--lang", "en"],
                                           directory: ita.directory).stdout
        #expect(compared.hasPrefix("FY2570 (fy2566) against FY2571 (fy2568)"))
        #expect(compared.split(separator: "\n").contains { $0.hasPrefix("9 Information disclosure") && $0.contains("88.50") && $0.contains("-88.50") })
        // A map for other frameworks is refused, naming the field.
        let wrong = ITARunner.repository.appendingPathComponent("sample-data/maps/fy2568-fy2569.yaml").path
        let refused = try ita.run(["rollover", "--framework", fy2568, "--map", wrong, "--to", ita.directory + "/x.sqlite", "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("from: this map is from fy2568, the database works to fy2566"))
        #expect(!FileManager.default.fileExists(atPath: ita.directory + "/x.sqlite"))
    }

    @Test func theImprovementMemoListsTheMeasuresForIndicatorsBelowTarget() throws {
        let ita = ITARunner()
        try ita.initialise()
        let memo = try ita.run(["report", "improvement"])
        #expect(memo.status == 0 && memo.stdout.hasPrefix("# บันทึกข้อความ\n"))
        // The demo's indicators 7 and 8 were below 85 last year; each has its measures, owners and progress.
        #expect(memo.stdout.contains("| 7 ประสิทธิภาพการสื่อสาร | EIT | 79.60 | 85 | ต่ำกว่าเป้าหมาย |"))
        #expect(memo.stdout.contains("### ๓.๑ ตัวชี้วัดที่ 7") && memo.stdout.contains("### ๓.๒ ตัวชี้วัดที่ 8"))
        #expect(memo.stdout.contains("| วิเคราะห์สาเหตุคะแนนตัวชี้วัดที่ 7 ต่ำกว่าเป้าหมาย | นายกิตติพัฒน์ บุญมาก |"))
        #expect(!memo.stdout.contains("### ๓.๓"))
        // A measure added now is in the next draft.
        #expect(try ita.run(["add", "7", "อบรมการสื่อสารกับผู้รับบริการ", "--due", "15/1"]).status == 0)
        #expect(try ita.run(["report", "improvement"]).stdout.contains("| อบรมการสื่อสารกับผู้รับบริการ |"))
    }
}
