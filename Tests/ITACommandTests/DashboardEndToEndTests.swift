import Foundation
import ITACore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `ita` dashboard in real tmux terminals against a real SQLite file.
@Suite(.serialized) struct DashboardEndToEndTests {
    /// What the terminal looks like after `ita` ended: the exit status, and whether the modes are sane.
    struct Ending {
        var status: Int
        var modes: String
    }

    func ending(_ tmux: Tmux) throws -> Ending {
        let screen = try tmux.waitFor(text: "EXIT=")
        let line = screen.split(separator: "\n").first { $0.contains("EXIT=") }!
        let status = Int(line.split(separator: "=").last!.trimmingCharacters(in: .whitespaces)) ?? -1
        var modes = ""
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            modes = (try? String(contentsOfFile: tmux.modesFile(), encoding: .utf8)) ?? ""
            if modes.contains("speed") { break }
            usleep(20_000)
        }
        return Ending(status: status, modes: modes.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: ";", with: " "))
    }

    /// Cooked mode, echo on, the normal screen and a visible cursor.
    func expectSane(_ tmux: Tmux, _ end: Ending, _ name: String = "", sourceLocation: SourceLocation = #_sourceLocation) throws {
        let words = Set(end.modes.split(separator: " ").map(String.init))
        #expect(words.contains("icanon") && words.contains("echo") && words.contains("isig") && words.contains("icrnl"),
                "\(name) terminal modes after exit: \(end.modes)", sourceLocation: sourceLocation)
        #expect(try tmux.display("#{alternate_on}") == "0", "\(name): still in the alternate screen", sourceLocation: sourceLocation)
        #expect(try tmux.display("#{cursor_flag}") == "1", "\(name): cursor still hidden", sourceLocation: sourceLocation)
        // Arrow keys must send ESC [ A again in the shell, the keypad digits, and no mouse reports. (Bracketed
        // paste is not checked here: the shell that prints EXIT= turns it on again for its own prompt.)
        #expect(try tmux.display("#{keypad_cursor_flag}") == "0", "\(name): cursor keys left in application mode", sourceLocation: sourceLocation)
        #expect(try tmux.display("#{keypad_flag}") == "0", "\(name): keypad left in application mode", sourceLocation: sourceLocation)
        #expect(try tmux.display("#{mouse_any_flag}") == "0", "\(name): mouse reporting left on", sourceLocation: sourceLocation)
    }

    @Test func ownerTicksATaskWithSpaceAndTheStoreHasIt() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--as kittipat"))
        // Owners open into their own tasks, most urgent first: #31 is overdue.
        let first = try tmux.waitFor("the owner's tasks") { $0.contains("งานของ นายกิตติพัฒน์") && $0.contains("#31") }
        #expect(first.contains("#31"))
        try tmux.send("Space")
        try tmux.waitFor(text: "✓ งาน #31")
        let json = try ita.run(["tasks", "--all", "--json", "--owner", "kittipat"]).stdout
        let tasks = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        let task = tasks.first { ($0["id"] as? Int) == 31 }
        #expect(task?["status"] as? String == "done")
        // u undoes it, through the store's audited undo.
        try tmux.send("u")
        try tmux.waitFor(text: "↶")
        let after = try ita.run(["tasks", "--all", "--json", "--owner", "kittipat"]).stdout
        #expect(after.contains("\"status\" : \"in_progress\"") || after.contains("\"status\":\"in_progress\""))
        // Thai keyboard layout: ๆ is q.
        try tmux.type("ๆ")
        let end = try ending(tmux)
        #expect(end.status == 0)
        try expectSane(tmux, end)
    }

    @Test func aTickInOneDashboardShowsInAnotherWithinTwoSeconds() throws {
        let ita = ITARunner()
        try ita.initialise()
        let owner = Tmux(ita)
        let chair = Tmux(ita)
        try owner.start(owner.ita("--as kittipat"))
        try chair.start(chair.ita("--screen all"), width: 120, height: 40)
        try chair.waitFor(text: "งานทั้งหมด")
        try chair.send("/")
        try chair.type("#31")
        try chair.send("Enter")
        try chair.waitFor("#31 in progress") { $0.contains("#31") && $0.contains("◐ กำลังทำ") }
        // Select a task below #31 first, to see the selection stay on it after the refresh.
        try owner.waitFor(text: "#31")
        try owner.send("Space")
        try owner.waitFor(text: "✓ งาน #31")
        try chair.waitFor("#31 done on the other dashboard", timeout: 2) { screen in
            screen.split(separator: "\n").contains { $0.contains("#31") && $0.contains("● เสร็จแล้ว") }
        }
        // …and says who did it, on the status line.
        try chair.waitFor(text: "นายกิตติพัฒน์ บุญมาก (โดย \(ITARunner.osLogin)): #31 เสร็จแล้ว")
        // And a tick from the command line shows too.
        #expect(try ita.run(["reopen", "31"]).status == 0)
        try chair.waitFor("#31 reopened by the command line", timeout: 2) { screen in
            screen.split(separator: "\n").contains { $0.contains("#31") && $0.contains("○ ยังไม่เริ่ม") }
        }
    }

    @Test func resizeRedrawsAtOnceAndTooSmallSaysSo() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen tree"))
        try tmux.waitFor(text: "ตัวชี้วัด / ข้อ")
        try tmux.run(["resize-window", "-t", "main", "-x", "60", "-y", "20"])
        try tmux.waitFor("a 60-column layout") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 20 && lines[0].contains("ITA") && screen.contains("ตัวชี้วัด / ข้อ")
                && lines.contains { $0.contains("? วิธีใช้") || $0.contains("Enter") }
        }
        try tmux.run(["resize-window", "-t", "main", "-x", "30", "-y", "10"])
        try tmux.waitFor(text: "หน้าจอเล็กไป")
        try tmux.run(["resize-window", "-t", "main", "-x", "100", "-y", "30"])
        try tmux.waitFor(text: "ตัวชี้วัด / ข้อ")
        try tmux.send("q")
        let end = try ending(tmux)
        #expect(end.status == 0)
        try expectSane(tmux, end)
    }

    @Test func signalsAndCrashesLeaveTheTerminalSane() throws {
        let ita = ITARunner()
        try ita.initialise()
        for (signal, name) in [(SIGINT, "Ctrl-C"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGSEGV, "crash")] {
            let tmux = Tmux(ita)
            try tmux.start(tmux.ita(""))
            try tmux.waitFor(text: "ITA Board")
            if signal == SIGINT { try tmux.send("C-c") } else { kill(try tmux.itaPID(), signal) }
            let end = try ending(tmux)
            #expect(end.status == 128 + Int(signal), "\(name): exit \(end.status)")
            try expectSane(tmux, end, name)
        }
    }

    @Test func noUsableTerminalIsAClearMessageAndExitTwo() throws {
        let ita = ITARunner()
        try ita.initialise()
        // Not a terminal at all.
        let piped = try ita.run([])
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("ita status"))
        #expect(piped.stdout.isEmpty)
        // TERM unset, and TERM=dumb, in a real terminal.
        for (environment, expected) in [("-u TERM", "TERM"), ("TERM=dumb", "TERM=dumb")] {
            let tmux = Tmux(ita)
            try tmux.start(tmux.ita("", environment: environment) + " 2>&1")
            let screen = try tmux.waitFor(text: "EXIT=")
            #expect(screen.contains("EXIT=2"))
            #expect(screen.contains(expected) && screen.contains("ita status"), "\(screen)")
        }
    }

    @Test func thaiShowsUnderTheCLocale() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--as kittipat", environment: "LANG=C LC_ALL=C"))
        // The whole frame (a busy machine may be caught mid-frame): the heading and the task rows.
        func taskRows(_ screen: String) -> [Substring] { screen.split(separator: "\n").filter { $0.contains(" #") && $0.contains("2569") } }
        let screen = try tmux.waitFor("the owner's task rows") { $0.contains("งานของ นายกิตติพัฒน์") && taskRows($0).count > 5 }
        #expect(!screen.contains("~U"))
        // Columns line up: "#" of every task row at the same display column (tmux placed the cells).
        let rows = taskRows(screen)
        let columns = Set(rows.map { row in String(row[..<row.firstIndex(of: "#")!]).displayWidth })
        #expect(rows.count > 5 && columns.count == 1, "id columns: \(columns)")
        try tmux.send("q")
        #expect(try ending(tmux).status == 0)
    }
}

/// The cell model and the terminal agree: what tmux shows is, row for row, the Screen `ita snapshot` prints.
@Suite(.serialized) struct WidthAgreementTests {
    @Test(arguments: ["all", "tree", "overview"])
    func tmuxShowsTheScreenCellForCell(screen: String) throws {
        let ita = ITARunner()
        try ita.initialise()
        let expected = try ita.run(["snapshot", "--screen", screen, "--width", "120", "--height", "40"]).stdout
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen \(screen) --no-mouse"), width: 120, height: 40)
        // The frame is whole once its first and last body rows are on screen (tmux may be captured mid-draw).
        let last = expected[..<38].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? expected[2]
        let shown = try tmux.waitFor("the \(screen) screen") {
            $0.contains(expected[2].trimmingCharacters(in: .whitespaces)) && $0.contains(last.trimmingCharacters(in: .whitespaces))
        }
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        // Rows 0–37: the title, the header and the body (the last two rows are the hint and status lines).
        for row in 0..<38 {
            let a = row < shown.count ? shown[row].replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) : ""
            #expect(a == expected[row], "row \(row):\n tmux: \(a)\n cell: \(expected[row])")
        }
        try tmux.send("q")
    }

    /// Keys typed together (closing the help and opening My tasks at once) still leave whole frames:
    /// rows were cut short in tmux, a Thai character split, when ncurses stopped an update for typeahead.
    @Test func keysTypedTogetherLeaveTheWholeFrame() throws {
        let ita = ITARunner()
        try ita.initialise()
        let expected = try ita.run(["--as", "kittipat", "snapshot", "--screen", "mine", "--width", "200", "--height", "55"]).stdout
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--as kittipat --screen countdown --no-mouse"), width: 200, height: 55)
        try tmux.waitFor(text: "นับถอยหลัง")
        try tmux.send("?")
        try tmux.waitFor(text: "วิธีใช้ —")
        try tmux.send("x", "3")
        let last = expected[..<53].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? expected[2]
        let shown = try tmux.waitFor("My tasks after the help") { $0.contains(last.trimmingCharacters(in: .whitespaces)) }
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for row in 1..<53 {
            let a = row < shown.count ? shown[row].replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) : ""
            #expect(a == expected[row], "row \(row):\n tmux: \(a)\n cell: \(expected[row])")
            #expect(!a.contains("\u{FFFD}"), "row \(row) has a broken character")
        }
        try tmux.send("q")
    }
}

