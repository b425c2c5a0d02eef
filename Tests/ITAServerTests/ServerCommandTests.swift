import Foundation
import ITACore
import ITAServer
import ITAStore
import Testing

/// The daily commands on the real binary against an office on the test server (`--db` a conninfo that
/// logs in as the member): the same output as from the office's SQLite file, changes audited by the
/// server under the member's own role, refusals in one line.
@Suite(.serialized, .enabled(if: ServerCluster.available, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
struct ServerCommandTests {
    let environment = ["TZ": "<+07>-7"]

    func ita(_ arguments: [String], _ extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ITABinary.run(arguments + ["--today", "2026-12-02"], environment: environment.merging(extra) { $1 })
    }

    @Test func statusAndTasksReadTheOfficeAsItsFileDoes() throws {
        let office = try TestOffice.make(on: .postgres)
        let chair = ServerCluster.replacing(["user": office.login("pimchanok"), "dbname": office.server!.name])
        let owner = try #require(try office.original().member(login: office.login("waraporn")))
        for arguments in [["status"], ["status", "--lang", "en"], ["status", "--json"], ["tasks"], ["tasks", "--all", "--json"], ["tasks", "--overdue", "--lang", "en"],
                          ["tasks", "--owner", owner.login], ["tasks", "--item", "O11", "--all"], ["tasks", "--due-within", "14"]] {
            let local = try ita(arguments + ["--db", office.file])
            let remote = try ita(arguments + ["--db", chair, "--office", office.code])
            #expect(local.status == 0 && !local.stdout.isEmpty, "\(arguments): \(local)")
            #expect(remote.status == 0 && remote.stdout == local.stdout && remote.stderr.isEmpty, "\(arguments): \(remote.stderr)")
        }
        // The login's only office is found without --office; $ITA_OFFICE names it too.
        #expect(try ita(["status", "--db", chair]).stdout == (try ita(["status", "--db", office.file])).stdout)
        #expect(try ita(["tasks", "--db", chair], ["ITA_OFFICE": office.code]).status == 0)
    }

    @Test func ownersTickTheirTasksAsThemselvesAndRefusalsAreOneLine() throws {
        let office = try TestOffice.make(on: .postgres)
        let server = office.server!
        func login(_ name: String) -> String { ServerCluster.replacing(["user": office.login(name), "dbname": server.name]) }
        let file = try office.original()
        let owner = try #require(try file.member(login: office.login("waraporn")))
        let task = try #require(try file.tasks().first { $0.ownerID == owner.id && $0.status.isOpen && $0.recurs == nil })
        let others = try #require(try file.tasks().first { $0.ownerID != owner.id && $0.status.isOpen })
        let admin = server.admin.connection
        func lastAudit() throws -> [String?] {
            try admin.execute("SELECT db_role, action, entity, entity_key, acting_for FROM ita.audit WHERE office = $1 ORDER BY seq DESC LIMIT 1",
                              [office.code]).rows[0]
        }

        let done = try ita(["done", String(task.id), "--db", login("waraporn"), "--evidence", "https://lamnamngern.example.go.th/ita/o.pdf", "--lang", "en"])
        #expect(done.status == 0 && done.stdout.hasPrefix("✓ task #\(task.id) done: \(task.title)"), "\(done)")
        #expect(try lastAudit() == [office.login("waraporn"), "done", "task", String(task.id), nil])
        let json = try ita(["tasks", "--all", "--json", "--db", login("waraporn")])
        let listed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(listed.first { $0["id"] as? Int == Int(task.id) }?["status"] as? String == "done", "\(json)")
        #expect(try admin.execute("SELECT status FROM ita.task WHERE office = $1 AND id = $2", [office.code, String(task.id)]).scalar == "done")
        #expect(try file.task(id: task.id)?.status == task.status, "the SQLite file it came from is not changed")

        // Another member's task: refused by the permission rule, in one line, nothing written.
        let before = try admin.execute("SELECT count(*) FROM ita.audit WHERE office = $1", [office.code]).scalar
        let refused = try ita(["start", String(others.id), "--db", login("waraporn"), "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("ita: error: this task belongs to ") && refused.stderr.split(separator: "\n").count == 1, "\(refused)")
        let unknown = try ita(["done", "99999", "--db", login("waraporn"), "--lang", "en"])
        #expect(unknown.status == 1 && unknown.stderr.contains("99999"), "\(unknown)")
        #expect(try admin.execute("SELECT count(*) FROM ita.audit WHERE office = $1", [office.code]).scalar == before)

        // The log shows the change as the server recorded it: the field, before and after, by the member's role.
        let log = try ita(["log", "--json", "--limit", "4", "--db", login("waraporn")])
        let logged = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] ?? []
        let status = logged.first { $0["field"] as? String == "status" }
        #expect(status?["new"] as? String == "done" && status?["old"] as? String == task.status.rawValue, "\(log)")
        #expect(!logged.isEmpty && logged.allSatisfy { $0["key"] as? String == String(task.id) && $0["os_login"] as? String == office.login("waraporn") }, "\(log.stdout)")
        let text = try ita(["log", "--limit", "1", "--db", login("waraporn"), "--lang", "en"])
        #expect(text.status == 0 && text.stdout.contains("#\(task.id)"), "\(text)")

        // The secretary acts for the owner: the server records who did it and for whom.
        let acted = try ita(["start", String(task.id), "--db", login("thanakorn"), "--as", office.login("waraporn"), "--lang", "en"])
        #expect(acted.status == 0, "\(acted)")
        #expect(try lastAudit() == [office.login("thanakorn"), "start", "task", String(task.id), office.login("waraporn")])
        // That change is the owner's: their `ita undo` takes it back (the done before it stands).
        let undo = try ita(["undo", "--db", login("waraporn"), "--lang", "en"])
        #expect(undo.status == 0 && undo.stdout.contains("#\(task.id)"), "\(undo)")
        #expect(try lastAudit() == [office.login("waraporn"), "undo", "task", String(task.id), nil])
        #expect(try admin.execute("SELECT status FROM ita.task WHERE office = $1 AND id = $2", [office.code, String(task.id)]).scalar == "done")
        let conflict = try ita(["undo", "--db", login("thanakorn"), "--lang", "en"])
        #expect(conflict.status == 1 && conflict.stderr.contains("nothing of yours to undo") && conflict.stderr.split(separator: "\n").count == 1, "\(conflict)")

        // A province's viewer reads but may not change; with two offices it must say which.
        try server.admin.addOffice(code: office.code + "-2", name: "สำนักงานที่สอง")
        try server.admin.addViewer(login: office.login("province"), offices: [office.code, office.code + "-2"])
        let viewer = login("province")
        let which = try ita(["status", "--db", viewer, "--lang", "en"])
        #expect(which.status == 1 && which.stderr.contains("may open 2 offices") && which.stderr.contains("--office CODE"), "\(which)")
        #expect(try ita(["status", "--db", viewer, "--office", office.code]).status == 0)
        let view = try ita(["done", String(others.id), "--db", viewer, "--office", office.code, "--lang", "en"])
        #expect(view.status == 1 && view.stderr.contains("viewer of the office"), "\(view)")
        let missing = try ita(["status", "--db", viewer, "--office", "NOPE", "--lang", "en"])
        #expect(missing.status == 1 && missing.stderr.contains("may not read an office NOPE"), "\(missing)")
        // An office's file-only commands say so, and nothing is half-done.
        let verify = try ita(["verify", "--db", viewer, "--office", office.code])
        #expect(verify.status == 1 && verify.stderr.contains("this command needs an office's SQLite file"), "\(verify)")
    }

    /// The secretary keeps the plan on the server as on the file: tasks (`ita add`, `edit`, `archive`,
    /// `restore`), owners, members, milestones, holidays and the assessment's figures print the same
    /// lines from both, and read back the same; `ita undo` reverses them. Refusals are one line.
    @Test func theSecretaryKeepsThePlanOnTheServerAsOnTheFile() throws {
        let office = try TestOffice.make(on: .postgres)
        let secretary = ServerCluster.replacing(["user": office.login("thanakorn"), "dbname": office.server!.name])
        let admin = office.server!.admin.connection
        let steps: [[String]] = [
            ["add", "O12", "สรุปผลจัดซื้อจัดจ้าง ธ.ค.", "--due", "15/1/2570", "--phase", "A1", "--key", "o12-dec"],
            ["edit", "NEW", "--title", "สรุปผลจัดซื้อจัดจ้าง ธันวาคม", "--owner", office.login("kittipat"), "--lang", "en"],
            ["edit", "NEW", "--due", "2027-01-16"],
            ["archive", "NEW", "--reason", "รวมกับงานรายเดือน"],
            ["restore", "NEW", "--lang", "en"],
            ["assign", "O12", office.login("kittipat"), "--with-open-tasks"],
            ["milestone", "edit", "oit_publish", "--due", "2027-01-20", "--title", "เผยแพร่ข้อมูล OIT บนเว็บไซต์"],
            ["milestone", "add", "rehearsal", "--title", "ซ้อมตรวจเว็บไซต์", "--due", "2027-01-10", "--covers", "OIT", "--lang", "en"],
            ["holiday", "add", "2027-01-11", "วันหยุดชดเชย (สมมติ)"],
            ["holiday", "remove", "2027-01-11", "--lang", "en"],
            ["estimate", "EIT", "88.5"],
            ["last-year", "3", "79"],
            ["target", "ผ่านดีเยี่ยม"],
            ["quota", "IIT", "40", "--lang", "en"],
            ["results", "IIT", "91.25"],
            ["website", "https://lamnamngern.example.go.th/"],
            ["member", "edit", office.login("kittipat"), "--group", "กลุ่มส่งเสริมการศึกษาทางไกล ICT", "--line", "กิตติพัฒน์ ICT"],
            ["member", "leave", office.login("onuma"), "--lang", "en"],
        ]
        var made = ""
        for step in steps {
            let arguments = step.map { $0 == "NEW" ? made : $0 }
            let local = try ita(arguments + ["--db", office.file, "--as", office.login("thanakorn")])
            let remote = try ita(arguments + ["--db", secretary])
            #expect(local.status == 0 && remote.status == 0 && remote.stderr.isEmpty, "\(arguments): \(local.stderr) \(remote.stderr)")
            #expect(remote.stdout == local.stdout && !remote.stdout.isEmpty, "\(arguments)\n\(local.stdout)\n\(remote.stdout)")
            if step[0] == "add" { made = String(remote.stdout.firstMatch(of: /#(\d+)/)?.1 ?? "") }
        }
        #expect(!made.isEmpty)
        // What both read back is the same: the board, every task, the members.
        for arguments in [["status", "--json"], ["tasks", "--all", "--json"], ["members"], ["milestones"], ["holidays"], ["results"]] {
            let local = try ita(arguments + ["--db", office.file]), remote = try ita(arguments + ["--db", secretary])
            #expect(local.status == 0 && remote.stdout == local.stdout, "\(arguments)\n\(local.stdout)\n\(remote.stdout)\n\(remote.stderr)")
        }
        let row = try admin.execute("SELECT title, due::text, archived_at IS NULL, plan_key FROM ita.task WHERE office = $1 AND id = $2", [office.code, made]).rows.first
        #expect(row == ["สรุปผลจัดซื้อจัดจ้าง ธันวาคม", "2027-01-16", "t", "o12-dec"])
        let actions = try admin.execute("SELECT array_agg(DISTINCT action ORDER BY action)::text FROM ita.audit WHERE office = $1 AND xact IS NOT NULL AND undoes IS NULL AND entity <> 'snapshot'",
                                        [office.code]).scalar
        #expect(actions == "{add,archive,assessment,assign,edit,holiday,import,member,milestone,restore,results}", "\(actions ?? "")")
        // The member who left reads the office still, and can change nothing of it, by direct SQL either.
        let gone = try office.server!.connect(as: office.login("onuma"))
        #expect(try gone.execute("SELECT count(*) > 0 FROM ita.task WHERE office = $1", [office.code]).scalar == "t")
        #expect(try gone.execute("UPDATE ita.task SET note = 'x' WHERE office = $1", [office.code]).affected == 0)
        do { try gone.execute("INSERT INTO ita.holiday VALUES ($1, '2027-02-02', 'x')", [office.code]); Issue.record("a member who left wrote") } catch let error as PGError {
            #expect(error.isPermissionDenied, "\(error)")
        }
        // Undo walks back the newest first, as on the file: the member who left is back, then the member's edit.
        for _ in 0..<2 {
            let local = try ita(["undo", "--db", office.file, "--as", office.login("thanakorn"), "--lang", "en"])
            let remote = try ita(["undo", "--db", secretary, "--lang", "en"])
            #expect(local.status == 0 && remote.status == 0 && remote.stdout == local.stdout, "\(local)\n\(remote)")
        }
        #expect(try ita(["members", "--db", secretary]).stdout == (try ita(["members", "--db", office.file])).stdout)
        #expect(try admin.execute("SELECT left_on IS NULL FROM ita.member WHERE office = $1 AND login = $2", [office.code, office.login("onuma")]).scalar == "t")
        // And on, every change back to the committee as `ita init` made it: each undo says the same on both.
        var undone = 2
        while undone < steps.count + 2 {
            let local = try ita(["undo", "--db", office.file, "--as", office.login("thanakorn"), "--lang", "en"])
            let remote = try ita(["undo", "--db", secretary, "--lang", "en"])
            #expect(remote.status == local.status && remote.stdout == local.stdout, "\(local)\n\(remote)")
            if local.status != 0 { break }
            undone += 1
        }
        #expect(undone == steps.count, "every step undone once")
        for arguments in [["status", "--json"], ["tasks", "--all", "--json"], ["members"], ["milestones"], ["holidays"], ["results"]] {
            let local = try ita(arguments + ["--db", office.file]), remote = try ita(arguments + ["--db", secretary])
            #expect(remote.stdout == local.stdout, "\(arguments)\n\(local.stdout)\n\(remote.stdout)")
        }
        let added = try ita(["tasks", "--archived", "--json", "--db", secretary])
        #expect(added.stdout.contains("o12-dec"), "the added task is archived, its number kept")
        #expect(try admin.execute("SELECT count(*) FROM ita.milestone WHERE office = $1 AND key = 'rehearsal'", [office.code]).scalar == "0")
        // Refused changes: one line naming the field, nothing written.
        let before = try admin.execute("SELECT count(*) FROM ita.audit WHERE office = $1", [office.code]).scalar
        let live = try #require(try office.original().tasks().first { $0.status.isOpen })
        let bad = try ita(["edit", String(live.id), "--phase", "Z", "--db", secretary, "--lang", "en"])
        #expect(bad.status == 1 && bad.stderr.contains("phase") && bad.stderr.split(separator: "\n").count == 1, "\(bad)")
        let joining = try ita(["member", "add", office.login("newcomer"), "--name", "สมาชิกใหม่", "--role", "owner", "--db", secretary, "--lang", "en"])
        #expect(joining.status == 1 && joining.stderr.contains("ita admin add-member") && joining.stderr.split(separator: "\n").count == 1, "\(joining)")
        let owner = ServerCluster.replacing(["user": office.login("waraporn"), "dbname": office.server!.name])
        let denied = try ita(["holiday", "add", "2027-01-12", "วันหยุด", "--db", owner, "--lang", "en"])
        #expect(denied.status == 1 && denied.stderr.split(separator: "\n").count == 1, "\(denied)")
        #expect(try admin.execute("SELECT count(*) FROM ita.audit WHERE office = $1", [office.code]).scalar == before)
    }

    /// The weekly review, the director's report and the improvement memo read the office on the server as
    /// on its file: the day's progress snapshot is taken by the day's first command (one, however many run),
    /// and it is not a change in the log.
    /// Survey respondents and the day's reminders: the secretary records the count on the server as on
    /// the file (audited as theirs, undone by `ita undo`), an owner is refused in one line, and
    /// `ita remind` prints the same reminders from the server as from the file.
    @Test func respondentsAndRemindersOnTheServerAsOnTheFile() throws {
        let office = try TestOffice.make(on: .postgres)
        let admin = office.server!.admin.connection
        func login(_ name: String) -> String { ServerCluster.replacing(["user": office.login(name), "dbname": office.server!.name]) }
        for arguments in [["remind"], ["remind", "--date", "2569-12-09"], ["remind", "--lang", "en", "--per", "group"], ["remind", "--json"]] {
            let local = try ita(arguments + ["--db", office.file]), remote = try ita(arguments + ["--db", login("pimchanok")])
            #expect(local.status == 0 && remote.status == 0 && remote.stderr == local.stderr, "\(arguments): \(remote.stderr)")
            #expect(remote.stdout == local.stdout, "\(arguments)\n\(local.stdout)\n\(remote.stdout)")
        }
        let before = try #require(try office.original().board(today: office.today).assessment.respondents["IIT"])
        let local = try ita(["respondents", "iit", "40", "--db", office.file, "--as", office.login("thanakorn")])
        let remote = try ita(["respondents", "iit", "40", "--db", login("thanakorn")])
        #expect(local.status == 0 && remote.status == 0 && remote.stdout == local.stdout, "\(remote)")
        #expect(try admin.execute("SELECT count FROM ita.respondents WHERE office = $1 AND tool = 'IIT'", [office.code]).scalar == "40")
        #expect(try admin.execute("SELECT db_role, action, entity, entity_key FROM ita.audit WHERE office = $1 ORDER BY seq DESC LIMIT 1",
                                  [office.code]).rows == [[office.login("thanakorn"), "respondents", "respondents", "IIT"]])
        #expect(try ita(["status", "--db", login("thanakorn")]).stdout == (try ita(["status", "--db", office.file])).stdout)
        // An owner may not record it, a tool without respondents is named, and neither writes anything.
        let sequence = try admin.execute("SELECT next FROM ita.office_counter WHERE office = $1 AND name = 'change'", [office.code]).scalar
        let owner = try ita(["respondents", "iit", "1", "--db", login("waraporn"), "--lang", "en"])
        #expect(owner.status == 1 && owner.stderr.split(separator: "\n").count == 1 && owner.stderr.contains("chair or secretary"), "\(owner)")
        let oit = try ita(["respondents", "oit", "1", "--db", login("thanakorn"), "--lang", "en"])
        #expect(oit.status == 1 && oit.stderr.contains("OIT"), "\(oit)")
        #expect(try admin.execute("SELECT next FROM ita.office_counter WHERE office = $1 AND name = 'change'", [office.code]).scalar == sequence)
        // Undo puts the count back on the server.
        let undo = try ita(["undo", "--db", login("thanakorn")])
        #expect(undo.status == 0, "\(undo)")
        #expect(try admin.execute("SELECT count FROM ita.respondents WHERE office = $1 AND tool = 'IIT'", [office.code]).scalar == String(before.count))
    }

    @Test func theWeeklyReviewAndReportsReadTheServerAsTheFile() throws {
        let office = try TestOffice.make(on: .postgres)
        let chair = ServerCluster.replacing(["user": office.login("pimchanok"), "dbname": office.server!.name])
        let admin = office.server!.admin.connection
        let log = try ita(["log", "--json", "--db", chair]).stdout
        for arguments in [["review"], ["review", "--json"], ["review", "--lang", "en"], ["report"], ["report", "improvement"]] {
            let local = try ita(arguments + ["--db", office.file]), remote = try ita(arguments + ["--db", chair])
            #expect(local.status == 0 && remote.status == 0 && remote.stderr.isEmpty, "\(arguments): \(remote.stderr)")
            #expect(remote.stdout == local.stdout && !remote.stdout.isEmpty, "\(arguments)\n\(local.stdout)\n\(remote.stdout)")
        }
        // The dashboard's review screen (its header names the login, the server's role, so it is not compared).
        let screen = try ita(["snapshot", "--screen", "review", "--width", "100", "--height", "40", "--db", chair])
        #expect(screen.status == 0 && screen.stdout.contains("70.68") && !screen.stdout.contains("PostgreSQL"), "\(screen)")
        #expect(try admin.execute("SELECT count(*), min(day)::text FROM ita.snapshot WHERE office = $1 AND kind = 'daily'", [office.code]).rows == [["1", "2026-12-02"]])
        #expect(try ita(["log", "--json", "--db", chair]).stdout == log, "the snapshot is not a change")
        // A viewer's commands take none (they only read).
        try office.server!.admin.addViewer(login: office.login("viewer"), offices: [office.code])
        let viewer = ServerCluster.replacing(["user": office.login("viewer"), "dbname": office.server!.name])
        #expect(try ITABinary.run(["review", "--db", viewer, "--today", "2026-12-03"], environment: environment).status == 0)
        #expect(try admin.execute("SELECT count(*) FROM ita.snapshot WHERE office = $1", [office.code]).scalar == "1")
    }

    @Test func aProvincesRollupOnTheServerIsTheRollupOfItsOfficesFiles() throws {
        let first = try TestOffice.make(on: .postgres)
        let second = try TestOffice.make(on: .postgres, into: first.server)
        let server = first.server!
        // The second office moves on: a task done on the server and in its file alike.
        let file = try Store.open(at: second.file)
        let author = try second.author("thanakorn", in: file)
        let task = try #require(try file.tasks().first { $0.status == .todo && $0.recurs == nil })
        for store in [file, try second.open(.postgres, as: "thanakorn")] as [any OfficeStore] {
            try store.apply(.markDone(evidence: "https://lamnamngern.example.go.th/x.pdf", note: nil), toTask: task.id, by: author, at: second.now)
        }
        // Its OIT milestones come a week after today, in its file and on the server: its calendar is its own
        // (offices' calendars are shared in the roll-up only when they are the same).
        let board = try file.board(today: second.today)
        for (key, day) in [("oit_publish", 8), ("oit_submit", 9)] {
            var milestone = try #require(board.assessment.milestones.first { $0.key == key })
            milestone.due = CivilDate(year: 2026, month: 12, day: day)!
            try file.apply(.editMilestone(key: key, milestone), by: author, at: second.now)
            try server.admin.connection.execute("UPDATE ita.milestone SET due = $3::date WHERE office = $1 AND key = $2", [second.code, key, milestone.due.iso])
        }
        try server.admin.addViewer(login: first.login("province"), offices: [first.code, second.code])
        try server.admin.addViewer(login: first.login("ministry"), offices: nil)
        func withoutLastChange(_ json: String) throws -> NSDictionary {
            var document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            document["offices"] = (document["offices"] as? [[String: Any]])?.map { $0.filter { $0.key != "last_change" } }
            return document as NSDictionary
        }
        let files = try ita(["rollup", first.file, second.file, "--json"])
        #expect(files.status == 0, "\(files)")
        let risks = ((try JSONSerialization.jsonObject(with: Data(files.stdout.utf8)) as? [String: Any])?["offices"] as? [[String: Any]] ?? [])
            .map { ($0["code"] as? String ?? "", "\($0["risks"] ?? "")") }
        #expect(risks.count == 2 && risks.first { $0.0 == second.code }?.1 != risks.first { $0.0 == first.code }?.1, "\(risks)")
        for viewer in ["province", "ministry"] {
            let remote = try ita(["rollup", "--json", "--db", ServerCluster.replacing(["user": first.login(viewer), "dbname": server.name])])
            #expect(remote.status == 0 && remote.stderr.isEmpty, "\(viewer): \(remote)")
            #expect(try withoutLastChange(remote.stdout) == (try withoutLastChange(files.stdout)), "\(viewer)")
        }
        // A member of one office rolls up only their own: the server shows them nothing else.
        let member = try ita(["rollup", "--json", "--db", ServerCluster.replacing(["user": first.login("pimchanok"), "dbname": server.name])])
        let offices = (try JSONSerialization.jsonObject(with: Data(member.stdout.utf8)) as? [String: Any])?["offices"] as? [[String: Any]]
        #expect(offices?.map { $0["code"] as? String } == [first.code], "\(member)")
        // The sheet for Excel: a header and a row per office.
        let sheet = try ita(["rollup", "--csv", "--db", ServerCluster.replacing(["user": first.login("province"), "dbname": server.name])])
        #expect(sheet.status == 0 && sheet.stdout.unicodeScalars.filter { $0 == "\n" }.count == 3, "\(sheet)")
        #expect(sheet.stdout.contains(first.code) && sheet.stdout.contains(second.code))
    }
}
