import Foundation
import ITAServer
import Testing

/// `ita admin` on the real binary against the test cluster: set up, offices, members, viewers; then the
/// member it created logs in and sees only their office.
@Suite(.serialized, .enabled(if: ServerCluster.available, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
struct AdminCommandTests {
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["ITA_BINARY"] { return explicit }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ita").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/ita").standardized.path
    }()

    func ita(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

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
        let badCode = try ita(["admin", "add-office", "bad code", "--name", "x", "--db", db])
        #expect(badCode.status == 1 && badCode.stderr.contains("office code 'bad code'"))
        let sqliteFile = try ita(["admin", "setup", "--db", "/tmp/office.sqlite"])
        #expect(sqliteFile.status == 1 && sqliteFile.stderr.contains("not a SQLite file"))
        let noServer = try ita(["admin", "setup", "--db", "host=/nonexistent-\(suffix) dbname=x"])
        #expect(noServer.status == 1 && noServer.stderr.hasPrefix("ita: error: server: connection to server on socket"))
        #expect(noServer.stderr.split(separator: "\n").count == 1)
        let viewerBoth = try ita(["admin", "add-viewer", province, "--db", db])
        #expect(viewerBoth.status != 0 && viewerBoth.stderr.contains("--office CODE (one or more) or --all"))
        // The other commands say plainly that they do not run on a server yet.
        let status = try ita(["status", "--db", db])
        #expect(status.status == 1 && status.stderr.contains("only `ita admin` works so far"), "\(status)")
    }
}
