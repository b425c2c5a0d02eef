import Foundation
import Testing

/// Hooks in `$XDG_CONFIG_HOME/ita/hooks/`: run after the commit with the change as JSON on stdin;
/// a failing or hanging hook is reported and loses nothing.
@Suite(.serialized) struct HooksTests {
    struct Setup {
        let ita = ITARunner()
        var hooks: String { ita.directory + "/cfg/ita/hooks" }
        var environment: [String: String] { ["XDG_CONFIG_HOME": ita.directory + "/cfg", "PATH": "/usr/bin:/bin:/usr/local/bin"] }

        init() throws {
            try ita.initialise()
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        }

        /// A hook script (sh), executable.
        func hook(_ name: String, _ body: String, executable: Bool = true) throws {
            try ("#!/bin/sh\n" + body + "\n").write(toFile: hooks + "/" + name, atomically: true, encoding: .utf8)
            chmod(hooks + "/" + name, executable ? 0o755 : 0o644)
        }

        func run(_ args: [String]) throws -> ITARunner.Result { try ita.run(args, environment: environment) }

        func json(_ file: String) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ita.directory + "/" + file))) as! [String: Any]
        }

        func status(of id: Int) throws -> String? {
            let list = try JSONSerialization.jsonObject(with: Data(try run(["tasks", "--json"]).stdout.utf8)) as! [[String: Any]]
            return list.first { $0["id"] as? Int == id }?["status"] as? String
        }

        /// The first of their tasks still to do.
        func firstTask(of login: String) throws -> Int {
            let list = try JSONSerialization.jsonObject(with: Data(try run(["tasks", "--owner", login, "--json"]).stdout.utf8)) as! [[String: Any]]
            return try #require(list.first { $0["status"] as? String == "todo" }?["id"] as? Int)
        }
    }

    @Test func onChangeAndOnDoneGetTheCommittedChangeAsJSON() throws {
        let s = try Setup()
        let dir = s.ita.directory
        // The hook reads the database itself: the change is already committed when it runs.
        try s.hook("on-change", """
            cat > '\(dir)/change.json'
            python3 -c "import sqlite3,json,sys; d=json.load(open('\(dir)/change.json')); t=d['tasks'][0]['id']; print(sqlite3.connect(d['database']).execute('select status from task where id=?',(t,)).fetchone()[0])" >> '\(dir)/seen-status'
            """)
        try s.hook("on-done", "cat > '\(dir)/done.json'")
        let id = try s.firstTask(of: "kittipat")
        let start = try s.run(["start", "\(id)", "--as", "kittipat"])
        #expect(start.status == 0 && start.stderr.isEmpty, "\(start.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/done.json"), "starting is not done")
        let change = try s.json("change.json")
        #expect(change["hook"] as? String == "on-change")
        #expect((change["change"] as? [String: Any])?["action"] as? String == "start")
        #expect((change["change"] as? [String: Any])?["member"] as? String == "kittipat")
        #expect(((change["tasks"] as? [[String: Any]])?.first?["status"] as? String) == "in_progress")

        let done = try s.run(["done", "\(id)", "--as", "kittipat", "--evidence", "https://www.example.go.th/ita/o7.pdf"])
        #expect(done.status == 0, "\(done.stderr)")
        let finished = try s.json("done.json")
        #expect(finished["hook"] as? String == "on-done")
        let tasks = try #require(finished["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["id"] as? Int } == [id])
        #expect(tasks.first?["evidence"] as? [String] == ["https://www.example.go.th/ita/o7.pdf"])
        let entries = try #require(finished["entries"] as? [[String: Any]])
        #expect(entries.contains { $0["field"] as? String == "status" && $0["new"] as? String == "done" })
        #expect(try String(contentsOfFile: dir + "/seen-status", encoding: .utf8) == "in_progress\ndone\n")
        // A read-only command runs no hook.
        try FileManager.default.removeItem(atPath: dir + "/change.json")
        #expect(try s.run(["status"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/change.json"))
    }

    @Test func aFailingOrHangingHookIsReportedAndLosesNothing() throws {
        let s = try Setup()
        let id = try s.firstTask(of: "kittipat")
        try s.hook("on-done", "cat > /dev/null; echo 'webhook answered 502' >&2; exit 3")
        let failed = try s.run(["done", "\(id)", "--as", "kittipat"])
        #expect(failed.status == 0, "the change is made; the hook's failure does not undo it")
        #expect(failed.stderr.contains("hook on-done ล้มเหลว (exit 3): webhook answered 502"), "\(failed.stderr)")
        #expect(try s.run(["tasks", "--status", "done", "--json"]).stdout.contains("\"id\" : \(id),"))

        // A hook that never ends is stopped after hook_timeout; a hook that does not read stdin is fine.
        try "hook_timeout = 1\n".write(toFile: s.ita.directory + "/cfg/ita/config", atomically: true, encoding: .utf8)
        try s.hook("on-change", "sleep 30")
        let started = Date()
        let hung = try s.run(["reopen", "\(id)", "--as", "kittipat", "--lang", "en"])
        let took = Date().timeIntervalSince(started)
        #expect(hung.status == 0)
        #expect(hung.stderr.contains("hook on-change was stopped after 1 s"), "\(hung.stderr)")
        #expect(took < 5, "stopped at the timeout (\(took) s)")

        // Not executable: said so, with the fix.
        try s.hook("on-change", "exit 0", executable: false)
        let plain = try s.run(["start", "\(id)", "--as", "kittipat"])
        #expect(plain.status == 0 && plain.stderr.contains("chmod +x"), "\(plain.stderr)")
    }

    @Test func theDashboardShowsAFailingHookOnItsStatusLineAndMeetingEndRunsItsHook() throws {
        let s = try Setup()
        let dir = s.ita.directory
        try s.hook("on-done", "cat > /dev/null; echo 'line webhook: 401' >&2; exit 1")
        try s.hook("on-meeting-end", "cat > '\(dir)/meeting.json'")
        let tmux = Tmux(s.ita)
        let env = "XDG_CONFIG_HOME='\(dir)/cfg' PATH=/usr/bin:/bin"
        try tmux.start(tmux.ita("--as kittipat", environment: env))
        try tmux.waitFor("the owner's tasks") { $0.contains("งานของ นายกิตติพัฒน์") && $0.contains("#31") }
        try tmux.send("Space")
        let screen = try tmux.waitFor(text: "hook on-done ล้มเหลว (exit 1): line webhook: 401")
        #expect(screen.contains("#31"))
        try tmux.send("q")
        #expect(try tmux.waitFor(text: "EXIT=").contains("EXIT=0"))

        let meeting = Tmux(s.ita)
        try meeting.start(meeting.ita("", subcommand: "meeting", environment: env), width: 120, height: 40, name: "meeting")
        try meeting.waitFor(text: "ประชุมติดตามงาน ITA ครั้งที่ 1", in: "meeting")
        try meeting.send("E", to: "meeting")
        try meeting.waitFor(text: "ปิดการประชุมและเก็บรายงาน?", in: "meeting")
        try meeting.send("y", to: "meeting")
        try meeting.waitFor(text: "ปิดประชุมแล้ว", in: "meeting")
        try meeting.send("q", to: "meeting")
        _ = try meeting.waitFor(text: "EXIT=", in: "meeting")
        let ended = try s.json("meeting.json")
        #expect(ended["hook"] as? String == "on-meeting-end")
        let minutes = try #require(ended["minutes"] as? [String: Any])
        #expect(minutes["number"] as? Int == 1)
    }
}
