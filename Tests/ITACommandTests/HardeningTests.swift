import Foundation
import ITACore
import Testing

/// Hostile text, extreme numbers, read-only members, tampering and refused files, through the real binary.
@Suite struct HardeningTests {
    /// Payloads that would drive a terminal, a clipboard or the text direction if they got through.
    static let payloads = [
        "LL\u{1B}]52;c;cHduZWQ=\u{07}LL",          // OSC 52: sets the clipboard, rings the bell
        "x\u{1B}[2J\u{1B}[H\u{1B}[31mred",          // clear screen, home, colour
        "a\u{9B}2Jb\u{9D}0;title\u{9C}c",            // 8-bit CSI and OSC
        "https://example.org/\u{202E}gpj.exe",        // right-to-left override
        "\u{2066}iso\u{2069}\u{200F}rlm\u{061C}\u{2028}sep\u{2029}\u{00AD}\u{FEFF}\u{7F}",
        "\u{1B}P1;2|dcs\u{1B}\\tail\u{1B}_apc\u{1B}\\",
    ]

    /// A scalar that must never reach a terminal or a paste.
    static func forbidden(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x00AD, 0xFEFF].contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { String(format: "U+%04X", $0.value) }
    }

    /// The demo, then a payload written straight into the shared file (as any member's account can)
    /// in the organisation, a member's name, group and LINE name, a milestone, a holiday, and every
    /// task's title and note. (The committee file itself refuses control characters.)
    func hostileRunner() throws -> ITARunner {
        let ita = ITARunner()
        try ita.initialise()
        func literal(_ s: String) -> String { "char(" + s.unicodeScalars.map { String($0.value) }.joined(separator: ",") + ")" }
        let p = Self.payloads.map(literal)
        let statements = [
            "UPDATE assessment SET organisation = \(p[1])",
            "UPDATE member SET line_name = \(p[0]) || line_name, name = name || \(p[2]), work_group = \(p[4]) WHERE login = 'kittipat'",
            "UPDATE member SET work_group = \(p[5]) WHERE login = 'sudarat'",
            "UPDATE milestone SET title_th = title_th || \(p[1]), title_en = \(p[0])",
            "UPDATE holiday SET name = name || \(p[4])",
            "UPDATE task SET title = title || \(p[0]) WHERE id % 3 = 0",
            "UPDATE task SET title = \(p[3]) || title WHERE id % 3 = 1",
            "UPDATE task SET title = title || \(p[5]), evidence = json_array(\(p[3])) WHERE id % 3 = 2",
            "UPDATE task SET note = \(p[2]) || \(p[4]), blocked_reason = CASE WHEN blocked_reason IS NULL THEN NULL ELSE \(p[1]) END",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [ita.database, statements.joined(separator: ";\n") + ";"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return ita
    }

    @Test func hostileTextNeverReachesTheTerminal() throws {
        let ita = try hostileRunner()
        var commands: [[String]] = [
            ["status"], ["tasks", "--all"], ["tasks", "--all", "--json"], ["log"], ["review"], ["verify"],
            ["remind", "--date", "2026-11-20"], ["remind", "--date", "2026-11-23", "--format", "json"], ["remind", "--date", "2026-11-23", "--per", "group"],
            ["minutes"], ["status", "--lang", "en"], ["tasks", "--owner", "kittipat", "--lang", "en"],
        ]
        for screen in ["overview", "tree", "mine", "all", "countdown", "review", "help"] {
            for (w, h) in [(80, 24), (200, 55), (40, 12)] { commands.append(["snapshot", "--screen", screen, "--width", "\(w)", "--height", "\(h)"]) }
        }
        for page in 1...4 { commands.append(["snapshot", "--present", "\(page)", "--width", "120", "--height", "40"]) }
        // Every text option takes a payload too.
        commands.append(["done", "31", "--as", "kittipat", "--note", Self.payloads[0]])
        commands.append(["undo", "--as", "kittipat"])
        commands.append(["block", "32", "--as", "kittipat", "--reason", Self.payloads[1] + Self.payloads[3]])
        commands.append(["tasks", "--all"])
        commands.append(["log"])
        commands.append(["snapshot", "--screen", "all", "--filter", Self.payloads[0]])
        commands.append(["snapshot", "--screen", "all", "--filter", "@kittipat"])
        var checked = 0
        for command in commands {
            let result = try ita.run(command)
            // verify exits 1: the payloads were written outside ita, and it says so.
            #expect(result.status == 0 || command == ["minutes"] || command == ["verify"], "\(command): \(result.stderr)")
            for (name, text) in [("stdout", result.stdout), ("stderr", "\(result.stderr)")] {
                #expect(Self.forbidden(text).isEmpty, "\(command) \(name) has \(Self.forbidden(text).prefix(5))")
            }
            checked += result.stdout.count
        }
        #expect(checked > 10_000)
        // The payloads did pass through: what is left of them shows (the LINE name in a reminder, the organisation).
        let remind = try ita.run(["remind", "--date", "2026-11-20"]).stdout
        #expect(remind.contains("@LLLLกิตติพัฒน์ ICT"), "\(remind)")
        #expect(try ita.run(["status"]).stdout.hasPrefix("xred"))
        // JSON keeps the data: the payload comes back whole after decoding.
        let json = try ita.run(["tasks", "--all", "--json"]).stdout
        let tasks = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        #expect(tasks.contains { ($0["note"] as? String) == Self.payloads[2] + Self.payloads[4] })
        #expect(tasks.contains { ($0["evidence"] as? [String]) == [Self.payloads[3]] })
    }

    @Test func hostileTextNeverReachesTheClipboardOrTheScreen() throws {
        let ita = try hostileRunner()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen countdown"), width: 120, height: 40)
        try tmux.run(["set-option", "-g", "set-clipboard", "on"])
        let title = try tmux.display("#{pane_title}")
        try tmux.waitFor(text: "งานเลยกำหนด")
        // The overdue sticker names kittipat by the hostile LINE name.
        try tmux.send("y")
        let buffer = tmux.waitForBuffer()
        #expect(buffer.contains("@LLLLกิตติพัฒน์ ICT"), "\(buffer)")
        #expect(Self.forbidden(buffer).isEmpty, "clipboard has \(Self.forbidden(buffer))")
        #expect(!buffer.contains("]52;"))
        for key in ["1", "2", "3", "4", "6"] {
            try tmux.send(key)
            let screen = try tmux.capture()
            #expect(Self.forbidden(screen).isEmpty, "screen \(key) has \(Self.forbidden(screen))")
            #expect(!screen.contains("title"), "an OSC title payload shows on screen \(key)")
        }
        // An OSC 0/2 title sequence that got through would have renamed the pane.
        #expect(try tmux.display("#{pane_title}") == title)
        try tmux.send("q")
    }

    @Test func boundaryNumbersAreRefusedWithTheirRangeAndWriteNothing() throws {
        let ita = ITARunner()
        let committee = try String(contentsOfFile: try ita.committeeFile(), encoding: .utf8)
        let values = ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e308", "-1e308", "1e19", ".nan", "-.inf", "101", "-1",
                      String(repeating: "9", count: 400)]
        var cases: [(String, String)] = []
        for v in values {
            cases.append(("last_year: {1: 95.12", "last_year: {1: \(v)"))
            cases.append(("estimates: {IIT: 93.5", "estimates: {IIT: \(v)"))
            if v != "101" { cases.append(("IIT: {quota: 25", "IIT: {quota: \(v)")) }
            cases.append(("indicator_target: 85", "indicator_target: \(v)"))
        }
        for v in ["+9223372036854775807", "-9223372036854775807", "+36501", "-99999999999999999999"] {
            cases.append(("due: +14", "due: \(v)"))
            cases.append(("last_change: -20", "last_change: \(v)"))
        }
        var refused = 0
        for (index, (from, to)) in cases.enumerated() {
            guard committee.contains(from) else { Issue.record("the demo has no \(from)"); continue }
            let file = ita.directory + "/bad-\(index).yaml"
            try committee.replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
            let db = ita.directory + "/bad-\(index).sqlite"
            let result = try ita.run(["init", "--framework", ita.frameworkFile, "--committee", file, "--db", db], withDatabase: false)
            #expect(result.status == 1, "\(to): exit \(result.status) \(result.stderr)")
            // One line per problem (a value used in several places is a problem in each), then how many.
            let lines = result.stderr.split(separator: "\n")
            if lines.count == 1 {
                #expect(result.stderr.hasPrefix("ita: ผิดพลาด: \(file):") && result.stderr.count < 400, "\(to): \(result.stderr)")
            } else {
                #expect(lines.dropLast().allSatisfy { $0.hasPrefix("\(file):") && $0.count < 400 }, "\(to): \(result.stderr)")
                #expect(lines.last == "ita: ผิดพลาด: พบ \(lines.count - 1) ปัญหาใน \(file)", "\(to): \(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: db), "\(to): a database was written")
            if result.stderr.contains(" ถึง ") || result.stderr.contains("±") { refused += 1 }
        }
        #expect(refused >= cases.count - values.count, "most messages name the range")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ita.directory).filter { $0.contains("creating") }
        #expect(leftovers.isEmpty)
        // Options too.
        try ita.initialise()
        for args in [["tasks", "--due-within", "9223372036854775807"], ["tasks", "--due-within", "36501"], ["respondents", "iit", "10000001"],
                     ["done", "31", "--evidence", "http://"], ["done", "31", "--evidence", "ดูในแฟ้มกองคลัง"], ["log", "--limit", "0"]] {
            let result = try ita.run(args)
            #expect(result.status == 64, "\(args): \(result.status) \(result.stderr)")
        }
        #expect(try ita.run(["tasks", "--due-within", "36500"]).status == 0)
    }

    @Test func extremeStoredNumbersNeverCrashAReader() throws {
        let ita = ITARunner()
        try ita.initialise()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [ita.database, """
            UPDATE last_year_score SET score = 1e19 WHERE indicator = 1; UPDATE last_year_score SET score = -1e308 WHERE indicator = 2;
            UPDATE estimate SET score = 1.7e308; UPDATE respondents SET quota = 9223372036854775807, count = 9223372036854775806;
            UPDATE assessment SET indicator_target = -1e308; UPDATE task SET due = '9999-12-31' WHERE id = 5; UPDATE task SET due = '0001-01-01' WHERE id = 6;
            """]
        try process.run(); process.waitUntilExit()
        var commands: [[String]] = [["status"], ["tasks", "--all"], ["review"], ["remind"], ["tasks", "--due-within", "36500"]]
        for screen in ["overview", "tree", "mine", "all", "countdown", "review"] { commands.append(["snapshot", "--screen", screen]) }
        for page in 1...4 { commands.append(["snapshot", "--present", "\(page)"]) }
        for command in commands {
            let result = try ita.run(command)
            #expect(result.status == 0, "\(command): \(result.status) \(result.stderr)")
        }
    }

    @Test func tamperingIsFoundByVerifyAndShownInTheLog() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["done", "31", "--as", "kittipat"]).status == 0)
        let clean = try ita.run(["verify"])
        #expect(clean.status == 0 && clean.stdout.contains("✓"), "\(clean.stdout)\(clean.stderr)")
        func sql(_ statement: String) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            p.arguments = [ita.database, statement]
            try p.run(); p.waitUntilExit()
            #expect(p.terminationStatus == 0, "sqlite3 \(statement)")
        }
        // 1. A direct UPDATE leaves no audit row: the replay disagrees.
        try sql("UPDATE task SET status = 'done' WHERE id = 40")
        var report = try ita.run(["verify"])
        #expect(report.status == 1 && report.stdout.contains("งาน #40"), "\(report.stdout)")
        // 2. Dropping the trigger to rewrite history.
        try sql("DROP TRIGGER audit_is_append_only_update; UPDATE audit SET new_value = 'blocked' WHERE field = 'status' AND entity_key = '31'")
        report = try ita.run(["verify", "--lang", "en"])
        #expect(report.status == 1)
        #expect(report.stdout.contains("audit_is_append_only_update is missing"), "\(report.stdout)")
        #expect(report.stdout.contains("does not match its hash"), "\(report.stdout)")
        // 3. The log warns while the record is broken.
        #expect(try ita.run(["log"]).stderr.contains("ita verify"))
    }

    @Test func refusedFilesAreLeftByteForByte() throws {
        let ita = ITARunner()
        let empty = ita.directory + "/empty.sqlite"
        FileManager.default.createFile(atPath: empty, contents: Data())
        let other = ita.directory + "/other.sqlite"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [other, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"]
        try p.run(); p.waitUntilExit()
        for file in [empty, other] {
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            let result = try ita.run(["status", "--db", file], withDatabase: false)
            #expect(result.status == 1 && result.stderr.contains("ไม่ใช่ฐานข้อมูล ITA Board"), "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(file) changed")
            #expect(!FileManager.default.fileExists(atPath: file + "-wal") && !FileManager.default.fileExists(atPath: file + "-shm"))
        }
    }

    @Test func aReadOnlyMemberReadsEverythingAndChangesNothing() throws {
        let ita = ITARunner()
        try ita.initialise()
        let shared = ita.directory + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let db = shared + "/ita.sqlite"
        try FileManager.default.copyItem(atPath: ita.database, toPath: db)
        // A real account that may not write: nobody when we are root; else this account with the directory made read-only.
        let asRoot = geteuid() == 0
        var prefix: [String] = []
        if asRoot {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ita.directory)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: shared)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared) }
        func run(_ args: [String]) throws -> ITARunner.Result {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: prefix.first ?? ITARunner.binary)
            p.arguments = Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [ITARunner.binary]) + args + ["--db", db, "--today", ita.today]
            p.environment = ["HOME": "/tmp", "TZ": "Asia/Bangkok", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            try p.run(); p.waitUntilExit()
            return ITARunner.Result(status: p.terminationStatus, stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                                    stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for args in [["status"], ["tasks", "--all"], ["log"], ["review"], ["verify"], ["snapshot", "--screen", "tree"], ["snapshot", "--present", "2"],
                     ["minutes"], ["remind", "--date", "2026-11-18"]] {
            let result = try run(args)
            #expect(result.status == 0 || args == ["minutes"], "\(args) as a reader: \(result.status) \(result.stderr)")
            #expect(!result.stderr.contains("readonly database"), "\(args): \(result.stderr)")
        }
        let refused = try run(["done", "31"])
        #expect(refused.status == 1 && refused.stderr.contains("อ่านอย่างเดียว"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared) == ["ita.sqlite"])
        // --read-only for a member who could write.
        let asked = try ita.run(["done", "31", "--as", "kittipat", "--read-only"])
        #expect(asked.status == 1 && asked.stderr.contains("--read-only"), "\(asked.stderr)")
    }

    @Test func globalOptionsGoBeforeTheCommandAndTyposAreNamed() throws {
        let ita = ITARunner()
        try ita.initialise()
        let status = try ITARunner.spawn(["--db", ita.database, "--today", ita.today, "--lang", "en", "status"], directory: ita.directory)
        #expect(status.status == 0 && status.stdout.contains("Overview") || status.stdout.contains("ITA"), "\(status.stderr)")
        let overdue = try ITARunner.spawn(["--as", "kittipat", "--db", ita.database, "--today", ita.today, "tasks", "--overdue"], directory: ita.directory)
        #expect(overdue.status == 0 && overdue.stdout.contains("#31"), "\(overdue.stderr)")
        let typo = try ITARunner.spawn(["tsks", "--db", ita.database], directory: ita.directory)
        #expect(typo.status == 64 && typo.stderr == "ita: unknown command 'tsks' (did you mean tasks?)\n", "\(typo.stderr)")
    }

    @Test func aKilledInitLeavesNothingTheNextRunTripsOver() throws {
        let ita = ITARunner()
        // What a kill -9 during `ita init` leaves: a build directory of a process that is gone (and an older version's file).
        let stale = ita.directory + "/.ita-creating-999999-AbCdEf"
        try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: ita.database + ".creating-999998", contents: Data("x".utf8))
        try ita.initialise()
        let names = try FileManager.default.contentsOfDirectory(atPath: ita.directory)
        #expect(!names.contains { $0.contains("creating") }, "\(names)")
        #expect(names.contains("ita.sqlite"))
    }
}
