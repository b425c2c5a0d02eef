import Foundation
import ITAServer
import Testing

/// The PostgreSQL cluster the test command started (scripts/pg-cluster, via scripts/test), named by
/// ITA_TEST_POSTGRES (its superuser's conninfo). Each test gets its own database and role names, so
/// tests never see each other's offices.
enum ServerCluster {
    static let conninfo = ProcessInfo.processInfo.environment["ITA_TEST_POSTGRES"]
    /// In CI a missing server is a failure, not a skip.
    static let required = ProcessInfo.processInfo.environment["CI"] == "true"
    static var available: Bool { conninfo != nil || required }

    /// A fresh database with the ITA schema set up, and a suffix for role names unique to the test.
    struct Database {
        let name: String
        let suffix: String
        let admin: ServerAdmin

        /// A connection logged in as `login` (the cluster trusts local connections; the roles and
        /// policies are what is tested).
        func connect(as login: String) throws -> PGConnection {
            try PGConnection(ServerCluster.replacing(["user": login, "dbname": name]))
        }

        var adminConninfo: String { ServerCluster.replacing(["dbname": name]) }
    }

    static func database() throws -> Database {
        guard conninfo != nil else {
            Issue.record("CI=true but ITA_TEST_POSTGRES is not set: scripts/test starts a PostgreSQL cluster (apt-get install postgresql)")
            throw PGError(sqlState: nil, message: "no PostgreSQL server")
        }
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let name = "ita_test_\(suffix)"
        try PGConnection(replacing([:])).execute("CREATE DATABASE \(name)")
        let admin = ServerAdmin(try PGConnection(replacing(["dbname": name])))
        try admin.setUp()
        return Database(name: name, suffix: suffix, admin: admin)
    }

    static func replacing(_ values: [String: String]) -> String { PGConnection.conninfo(conninfo ?? "", setting: values) }
}

/// The `ita` binary this test build made, run with a clean environment.
enum ITABinary {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["ITA_BINARY"] { return explicit }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ita").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/ita").standardized.path
    }()

    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"].merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
