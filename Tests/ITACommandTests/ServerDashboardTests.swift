import Foundation
import ITAServer
import Testing

/// The real dashboard in tmux on an office moved onto the test PostgreSQL server (ITA_TEST_POSTGRES,
/// started by scripts/test): an owner ticks a task as their own database role, another member's change
/// shows without a key, undo goes back on the server, and meeting mode opens read-only for an owner.
@Suite(.serialized, .enabled(if: ITARunner.serverTests, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
struct ServerDashboardTests {
    /// The test committee moved onto a new database of the test server as office `code`: the runner (its
    /// file), the server's conninfo (the cluster's superuser) and a connection to check rows with.
    func officeOnServer(_ code: String) throws -> (ita: ITARunner, server: String, check: PGConnection) {
        let ita = ITARunner()
        try ita.initialise()
        let (server, check) = try ita.moveOntoServer(ita.database, as: code)
        return (ita, server, check)
    }

    @Test func anOwnersDashboardOnTheServerTicksAndSeesOthersChanges() throws {
        let (ita, server, check) = try officeOnServer("ESA-1")
        func login(_ role: String) -> String { PGConnection.conninfo(server, setting: ["user": role]) }

        let tmux = Tmux(ita)
        try tmux.start("env TZ=Asia/Bangkok '\(ITARunner.binary)' --db '\(login("kittipat"))' --today \(ita.today)", width: 100, height: 30)
        // The owner opens into their own tasks, as on a file: #31 is overdue.
        try tmux.waitFor("the owner's tasks") { $0.contains("งานของ นายกิตติพัฒน์") && $0.contains("#31") }
        try tmux.send("Space")
        try tmux.waitFor(text: "✓ งาน #31")
        #expect(try check.execute("SELECT status FROM ita.task WHERE office = 'ESA-1' AND id = 31").scalar == "done")
        #expect(try check.execute("SELECT db_role, action FROM ita.audit WHERE office = 'ESA-1' ORDER BY seq DESC LIMIT 1").rows == [["kittipat", "done"]])

        // The secretary reopens it from the command line: the dashboard shows it and says who, without a key.
        let reopened = try ita.run(["reopen", "31", "--db", login(ITARunner.osLogin)], withDatabase: false)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        try tmux.waitFor("#31 reopened elsewhere", timeout: 2) { screen in
            screen.split(separator: "\n").contains { $0.contains("#31") && $0.contains("○ ยังไม่เริ่ม") }
        }
        try tmux.waitFor(text: ": #31")

        // Undo: the owner's done was reopened since, so it is refused in one line and nothing changes.
        try tmux.send("u")
        try tmux.waitFor(text: "ย้อนกลับไม่ได้: งาน #31")
        #expect(try check.execute("SELECT status FROM ita.task WHERE office = 'ESA-1' AND id = 31").scalar == "todo")
        // Done again and undone: the server's row goes back, and the undo is audited as the owner's.
        try tmux.send("Space")
        try tmux.waitFor(text: "✓ งาน #31")
        try tmux.send("u")
        try tmux.waitFor(text: "ย้อนกลับแล้ว")
        #expect(try check.execute("SELECT status FROM ita.task WHERE office = 'ESA-1' AND id = 31").scalar == "todo")
        #expect(try check.execute("SELECT db_role, action FROM ita.audit WHERE office = 'ESA-1' ORDER BY seq DESC LIMIT 1").rows == [["kittipat", "undo"]])
        try tmux.waitFor("#31 open again on screen") { screen in
            screen.split(separator: "\n").contains { $0.contains("#31") && $0.contains("○ ยังไม่เริ่ม") }
        }
        // Meeting mode opens on the server too; no meeting is open today, so an owner sees it read-only.
        try tmux.send("M")
        try tmux.waitFor(text: "ดูอย่างเดียว")
        try tmux.send("q")
        try tmux.waitFor(text: "งานของ นายกิตติพัฒน์")
        try tmux.send("q")
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains("EXIT=0"))
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    /// The Wednesday meeting on the server: the secretary records it from the keyboard as their own role,
    /// an owner follows it live in another terminal, ending it seals it on the server (direct SQL cannot
    /// change it afterwards), and `ita minutes` prints it from the server as from a file.
    @Test func theSecretaryRunsTheMeetingOnTheServerAndAnOwnerFollowsIt() throws {
        let (ita, server, check) = try officeOnServer("ESA-4")
        func login(_ role: String) -> String { PGConnection.conninfo(server, setting: ["user": role]) }
        func meeting(_ role: String) -> String {
            "env TZ=Asia/Bangkok '\(ITARunner.binary)' meeting --db '\(login(role))' --today \(ita.today)"
        }
        let tmux = Tmux(ita)
        try tmux.start(meeting(ITARunner.osLogin), width: 120, height: 40)
        try tmux.waitFor(text: "ประชุมติดตามงาน ITA ครั้งที่ 1")
        try tmux.start(meeting("chayapon"), width: 100, height: 30, name: "owner")
        try tmux.waitFor("the owner's read-only view", in: "owner") { $0.contains("ครั้งที่ 1") && $0.contains("ดูอย่างเดียว") }

        try tmux.send("Space")
        try tmux.send("Space")
        try tmux.waitFor(text: "มาประชุม 2/12 คน")
        try tmux.send("n")
        try tmux.send("n")
        try tmux.waitFor(text: "ข. งานเกินกำหนด")
        try tmux.send("d")
        try tmux.waitFor(text: "#85 ")
        try tmux.type("ให้เร่งรัด O31 ภายในสัปดาห์นี้")
        try tmux.send("Enter")
        try tmux.waitFor(text: "บันทึกมติแล้ว")
        try tmux.send("a")
        try tmux.waitFor(text: "มอบหมาย: @chayapon O31 2569-11-25")
        try tmux.type("โทรประสานผู้ดูแลเว็บไซต์")
        try tmux.send("Enter")
        try tmux.waitFor(text: "มอบหมายงาน #118")
        #expect(try check.execute("SELECT t.title, m.login FROM ita.task t JOIN ita.member m ON m.office = t.office AND m.id = t.owner_id WHERE t.office = 'ESA-4' AND t.id = 118")
            .rows == [["โทรประสานผู้ดูแลเว็บไซต์", "chayapon"]])

        // The owner's terminal shows the attendance and the decision without a key.
        try tmux.waitFor("the attendance on the owner's screen", in: "owner", timeout: 3) { $0.contains("มาประชุม 2/12 คน") }
        try tmux.send("3", to: "owner")
        try tmux.waitFor("the decision on the owner's screen", in: "owner", timeout: 3) { $0.contains("ให้เร่งรัด O31 ภายในสัปดาห์นี้") }
        // The owner cannot record: their keys are the read-only ones.
        try tmux.send("d", to: "owner")
        #expect(try check.execute("SELECT count(*) FROM ita.meeting_entry WHERE office = 'ESA-4'").scalar == "2")

        try tmux.send("E")
        try tmux.waitFor(text: "ปิดการประชุมและเก็บรายงาน?")
        try tmux.send("y")
        try tmux.waitFor(text: "ปิดประชุมแล้ว")
        try tmux.send("q")
        #expect(try tmux.waitFor(text: "EXIT=").contains("EXIT=0"))
        try tmux.send("q", to: "owner")
        #expect(try tmux.waitFor(text: "EXIT=", in: "owner").contains("EXIT=0"))

        // On the server: one ended, sealed meeting, its entries written by the secretary's role, and a
        // meeting snapshot for the next meeting's "since last time".
        #expect(try check.execute("SELECT day::text, ended_at IS NOT NULL, length(seal) FROM ita.meeting WHERE office = 'ESA-4'").rows
                == [["2026-11-18", "t", "64"]])
        #expect(try check.execute("SELECT kind, text FROM ita.meeting_entry WHERE office = 'ESA-4' ORDER BY id").rows
                == [["decision", "ให้เร่งรัด O31 ภายในสัปดาห์นี้"], ["action", "โทรประสานผู้ดูแลเว็บไซต์"]])
        #expect(try check.execute("SELECT DISTINCT db_role FROM ita.audit WHERE office = 'ESA-4' AND entity IN ('meeting', 'meeting_entry')").rows
                == [[ITARunner.osLogin]])
        #expect(try check.execute("SELECT count(*) FROM ita.snapshot WHERE office = 'ESA-4' AND kind = 'meeting'").scalar == "1")
        // Sealed: the secretary's own role cannot change it by direct SQL, and is told so.
        let secretary = try PGConnection(login(ITARunner.osLogin))
        #expect(throws: PGError.self) { try secretary.execute("UPDATE ita.meeting SET place = 'ห้องอื่น' WHERE office = 'ESA-4'") }

        let minutes = try ita.run(["minutes", "--format", "agenda", "--db", login("chayapon")], withDatabase: false)
        #expect(minutes.status == 0, "\(minutes.stderr)")
        #expect(minutes.stdout.contains("1. ให้เร่งรัด O31 ภายในสัปดาห์นี้ [#85]"))
        #expect(minutes.stdout.contains("| 1 | #118 โทรประสานผู้ดูแลเว็บไซต์ (O31) | นายชยพล วงศ์ใหญ่ | 25 พ.ย. 2569 |"))
        #expect(minutes.stdout.contains("## ผู้เข้าประชุม (2 คน)"))
        // Running it again shows the ended meeting read-only.
        try tmux.start(meeting(ITARunner.osLogin), width: 120, height: 40, name: "again")
        try tmux.waitFor(text: "ดูอย่างเดียว", in: "again")
        try tmux.send("q", to: "again")
    }

    /// The meeting's projector on the server, logged in as a viewer of the office: it reads, and shows an
    /// owner's tick without a key.
    @Test func theProjectorOnTheServerShowsAnOwnersTick() throws {
        let (ita, server, _) = try officeOnServer("ESA-3")
        #expect(try ita.run(["admin", "add-viewer", "projector_esa3", "--office", "ESA-3", "--db", server], withDatabase: false, fixedDay: false).status == 0)
        let projector = PGConnection.conninfo(server, setting: ["user": "projector_esa3"])
        let tmux = Tmux(ita)
        try tmux.start("env TZ=Asia/Bangkok '\(ITARunner.binary)' present --interval 600 --db '\(projector)' --today \(ita.today)", width: 100, height: 30)
        let first = try tmux.waitFor(text: "เสร็จ 40/117 งาน")
        #expect(first.contains("หน้า 1/"))
        let done = try ita.run(["done", "31", "--db", PGConnection.conninfo(server, setting: ["user": "kittipat"])], withDatabase: false)
        #expect(done.status == 0, "\(done.stderr)")
        try tmux.waitFor("the projector to show the tick", timeout: 3) { $0.contains("เสร็จ 41/117 งาน") }
        try tmux.send("q")
        #expect(try tmux.waitFor(text: "EXIT=").contains("EXIT=0"))
    }

    /// The secretary keeps the plan from the dashboard on the server, at 80×24: the add form saves a task
    /// there under their role, the edit form moves its due date, and `u` takes the edit back.
    @Test func theSecretarysFormsSaveOnTheServer() throws {
        let (ita, server, check) = try officeOnServer("ESA-2")
        let secretary = PGConnection.conninfo(server, setting: ["user": ITARunner.osLogin])

        let tmux = Tmux(ita)
        try tmux.start("env TZ=Asia/Bangkok '\(ITARunner.binary)' --db '\(secretary)' --today \(ita.today) --screen tree", width: 80, height: 24)
        try tmux.waitFor(text: "ตัวชี้วัด / ข้อ")
        try tmux.send("j", "j", "j")
        try tmux.send("a")
        try tmux.waitFor("the add form") { $0.contains("เพิ่มงาน") && $0.contains("ตัวชี้วัด/ข้อ   3") }
        try tmux.type("ประชุมชี้แจงบุคลากร รอบสอง")
        try tmux.send("Tab", "Tab")
        try tmux.type("kit")
        try tmux.waitFor(text: "kittipat (นายกิตติพัฒน์ บุญมาก)")
        try tmux.send("Tab")          // completes the login
        try tmux.send("Tab")          // to the due date
        try tmux.type("15/12/2569")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✓ เพิ่มงาน #118")
        #expect(try check.execute("SELECT title, due::text, target FROM ita.task WHERE office = 'ESA-2' AND id = 118").rows == [["ประชุมชี้แจงบุคลากร รอบสอง", "2026-12-15", "3"]])
        #expect(try check.execute("SELECT db_role, action FROM ita.audit WHERE office = 'ESA-2' ORDER BY seq DESC LIMIT 1").rows == [[ITARunner.osLogin, "add"]])

        // The task in All tasks, D: its due date moves on the server; u takes that back.
        try tmux.send("4", "/")
        try tmux.type("#118")
        try tmux.send("Enter")
        try tmux.waitFor(text: "กรอง #118")
        try tmux.send("D", "C-u")
        try tmux.type("2569-12-22")
        try tmux.send("Enter")
        try tmux.waitFor("the edit saved") { _ in (try? check.execute("SELECT due::text FROM ita.task WHERE office = 'ESA-2' AND id = 118").scalar) == "2026-12-22" }
        try tmux.send("u")
        try tmux.waitFor(text: "ย้อนกลับแล้ว")
        #expect(try check.execute("SELECT due::text, archived_at IS NULL FROM ita.task WHERE office = 'ESA-2' AND id = 118").rows == [["2026-12-15", "t"]])
        try tmux.send("q")
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains("EXIT=0"))
    }
}

extension ITARunner {
    /// Whether the test PostgreSQL server is there (or CI requires it, so its absence fails the test).
    static var serverTests: Bool {
        ProcessInfo.processInfo.environment["ITA_TEST_POSTGRES"] != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// `file` moved onto a new database of the test server (ITA_TEST_POSTGRES) as office `code` by
    /// `ita admin setup` and `import-office`: the database's conninfo (the cluster's superuser; set
    /// `user` to log in as a member) and a connection to check rows with.
    func moveOntoServer(_ file: String, as code: String) throws -> (server: String, check: PGConnection) {
        let admin = try #require(ProcessInfo.processInfo.environment["ITA_TEST_POSTGRES"], "CI=true but ITA_TEST_POSTGRES is not set")
        let name = "ita_board_\(String(UUID().uuidString.prefix(8)).lowercased())"
        try PGConnection(admin).execute("CREATE DATABASE \(name)")
        let server = PGConnection.conninfo(admin, setting: ["dbname": name])
        #expect(try run(["admin", "setup", "--db", server], withDatabase: false, fixedDay: false).status == 0)
        let imported = try run(["admin", "import-office", file, "--office", code, "--db", server], withDatabase: false, fixedDay: false)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (server, try PGConnection(server))
    }
}
