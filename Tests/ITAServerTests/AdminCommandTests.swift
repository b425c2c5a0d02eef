import Foundation
import ITAServer
import ITAStore
import Testing

/// `ita admin` on the real binary against the test cluster: set up, offices, members, viewers; then the
/// member it created logs in and sees only their office.
@Suite(.serialized, .enabled(if: ServerCluster.available, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
struct AdminCommandTests {
    func ita(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) { try ITABinary.run(arguments) }

    @Test func setUpAnOfficeAndItsMembersFromTheCommandLine() throws {
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let name = "ita_cli_\(suffix)"
        try PGConnection(ServerCluster.replacing([:])).execute("CREATE DATABASE \(name)")
        let db = ServerCluster.replacing(["dbname": name])
        let setup = try ita(["admin", "setup", "--db", db])
        #expect(setup.status == 0 && setup.stdout == "schema version 0 → \(ServerSchema.version)\n", "\(setup)")
        #expect(setup.stderr.isEmpty, "\(setup.stderr)")
        #expect(try ita(["admin", "setup", "--db", db]).stdout.contains("nothing to do"))
        let office = "ESA-\(suffix)", chair = "chair_\(suffix)", province = "prov_\(suffix)"
        #expect(try ita(["admin", "add-office", office, "--name", "สพป.ทดสอบ เขต ๑", "--db", db]).status == 0)
        let member = try ita(["admin", "add-member", chair, "--office", office, "--name", "สมหญิง ใจงาม", "--role", "chair", "--db", db])
        #expect(member.status == 0 && member.stdout.hasPrefix("\(chair) is member #1 of \(office) (chair)"), "\(member)")
        #expect(try ita(["admin", "add-viewer", province, "--office", office, "--db", db]).status == 0)
        let list = try ita(["admin", "offices", "--db", db])
        #expect(list.stdout.contains(office) && list.stdout.contains("สพป.ทดสอบ เขต ๑"), "\(list.stdout)")

        // The member logs in as their own role and sees their office's member row.
        let connection = try PGConnection(ServerCluster.replacing(["dbname": name, "user": chair]))
        #expect(try connection.execute("SELECT login, role FROM ita.member").rows == [[chair, "chair"]])

        // Refusals: one line naming what, exit 1, nothing written.
        let twice = try ita(["admin", "add-member", chair, "--office", office, "--name", "x", "--db", db])
        #expect(twice.status == 1 && twice.stderr == "ita: error: \(chair) is already a member of \(office)\n", "\(twice)")
        let unknown = try ita(["admin", "add-member", "x_\(suffix)", "--office", "NOPE", "--name", "x", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr.contains("no office NOPE on this server"))
        #expect(try connection.execute("SELECT count(*) FROM pg_roles WHERE rolname = $1", ["x_\(suffix)"]).scalar == "0")
        let superuser = try ita(["admin", "add-member", "postgres", "--office", office, "--name", "x", "--db", db])
        #expect(superuser.status == 1 && superuser.stderr.contains("'postgres' is a superuser or BYPASSRLS role"), "\(superuser)")
        let badCode = try ita(["admin", "add-office", "bad code", "--name", "x", "--db", db])
        #expect(badCode.status == 1 && badCode.stderr.contains("office code 'bad code'"))
        let sqliteFile = try ita(["admin", "setup", "--db", "/tmp/office.sqlite"])
        #expect(sqliteFile.status == 1 && sqliteFile.stderr.contains("not a SQLite file"))
        let noServer = try ita(["admin", "setup", "--db", "host=/nonexistent-\(suffix) dbname=x"])
        #expect(noServer.status == 1 && noServer.stderr.hasPrefix("ita: error: server: connection to server on socket"))
        #expect(noServer.stderr.split(separator: "\n").count == 1)
        let viewerBoth = try ita(["admin", "add-viewer", province, "--db", db])
        #expect(viewerBoth.status != 0 && viewerBoth.stderr.contains("--office CODE (one or more) or --all"))
        // The commands not yet on a server say so plainly.
        let verify = try ita(["verify", "--db", db])
        #expect(verify.status == 1 && verify.stderr.contains("this command needs an office's SQLite file"), "\(verify)")
    }

    @Test func anOfficesSQLiteFileMovesOntoTheServerWithItsNumbersAndHistory() throws {
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let name = "ita_import_\(suffix)"
        try PGConnection(ServerCluster.replacing([:])).execute("CREATE DATABASE \(name)")
        let db = ServerCluster.replacing(["dbname": name])
        #expect(try ita(["admin", "setup", "--db", db]).status == 0)
        let directory = NSTemporaryDirectory() + "ita-import-\(suffix)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/office.sqlite"
        #expect(try ita(["demo", "--db", file]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let local = try Store.open(at: file, readOnly: true).officeRows()
        func localRows(_ table: String) -> TableRows { local.first { $0.table == table }! }

        let office = "DEMO-\(suffix)"
        let result = try ita(["admin", "import-office", file, "--office", office, "--db", db])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("imported \(file) as office \(office): \(localRows("task").rows.count) tasks"), "\(result.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "the file is not changed")

        // A member of the office logs in as their own role and finds the same tasks under the same numbers.
        let chairIndex = localRows("member").columns.firstIndex(of: "login")!
        let roleIndex = localRows("member").columns.firstIndex(of: "role")!
        let chair = localRows("member").rows.first { $0[roleIndex] == "chair" }![chairIndex]!
        let member = try PGConnection(ServerCluster.replacing(["dbname": name, "user": chair]))
        let taskColumns = localRows("task").columns
        let (id, title, status, due) = (taskColumns.firstIndex(of: "id")!, taskColumns.firstIndex(of: "title")!,
                                        taskColumns.firstIndex(of: "status")!, taskColumns.firstIndex(of: "due")!)
        let expected = localRows("task").rows.map { [$0[id], $0[title], $0[status], $0[due]] }.sorted { Int($0[0]!)! < Int($1[0]!)! }
        let server = try member.execute("SELECT id, title, status, due FROM ita.task ORDER BY id").rows
        #expect(server == expected)
        #expect(try member.execute("SELECT count(*) FROM ita.member").scalar == String(localRows("member").rows.count))
        // The file's history comes first with its numbers; the import itself is audited after it.
        let history = localRows("audit").rows.count
        #expect(try member.execute("SELECT count(*) FROM ita.audit WHERE seq <= $1", [String(history)]).scalar == String(history))
        #expect(try member.execute("SELECT DISTINCT action FROM ita.audit WHERE seq > $1", [String(history)]).column("action") == ["import"])
        let chain = localRows("audit").columns.firstIndex(of: "chain")!
        #expect(try member.execute("SELECT old_row->>'chain' FROM ita.audit WHERE seq = 1").scalar == localRows("audit").rows[0][chain])
        // New tasks go on from the file's numbers.
        try member.execute("""
            INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, status)
            VALUES ($1, 'งานใหม่', 'item', 'O1', 9, 1, 'todo')
            """, [office])
        #expect(try member.execute("SELECT max(id) FROM ita.task").scalar == String(Int(expected.last![0]!)! + 1))

        // Again: refused, nothing changes.
        let again = try ita(["admin", "import-office", file, "--office", office, "--db", db])
        #expect(again.status == 1 && again.stderr == "ita: error: office \(office) already exists on this server\n")

        // The same people under another office code: a login is one person on the server, never merged.
        let twin = try ita(["admin", "import-office", file, "--office", "T-\(suffix)", "--db", db])
        #expect(twin.status == 1 && twin.stderr.contains("is already a member of office \(office) on this server"), "\(twin)")
        #expect(try PGConnection(db).execute("SELECT count(*) FROM ita.office WHERE code = $1", ["T-\(suffix)"]).scalar == "0")

        // A row the server refuses names its table and row, and nothing of the office is written.
        let broken = directory + "/broken.sqlite"
        try FileManager.default.copyItem(atPath: file, toPath: broken)
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE task SET due='soon' WHERE id=3\"); c.commit()", broken]
        try python.run()
        python.waitUntilExit()
        // (On a second database, where these members are nobody's yet.)
        try PGConnection(ServerCluster.replacing([:])).execute("CREATE DATABASE \(name)_b")
        let second = ServerCluster.replacing(["dbname": name + "_b"])
        #expect(try ita(["admin", "setup", "--db", second]).status == 0)
        let refused = try ita(["admin", "import-office", broken, "--office", "B-\(suffix)", "--db", second])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("ita: error: task, row 3: invalid input syntax for type date"), "\(refused)")
        let admin = try PGConnection(second)
        #expect(try admin.execute("SELECT count(*) FROM ita.office WHERE code = $1", ["B-\(suffix)"]).scalar == "0")
        #expect(try admin.execute("SELECT count(*) FROM ita.task WHERE office = $1", ["B-\(suffix)"]).scalar == "0")
        // Not an ITA file at all.
        let notITA = try ita(["admin", "import-office", "/etc/hostname", "--office", "C-\(suffix)", "--db", db])
        #expect(notITA.status == 1 && notITA.stderr.split(separator: "\n").count == 1, "\(notITA)")
    }
}
