import Foundation
import Testing

/// Runs the real `ita` binary against real files in a private temp directory.
struct ITARunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The binary built next to this test bundle (swift build/test put them in one folder).
    static let binary: String = {
        if let explicit = ProcessInfo.processInfo.environment["ITA_BINARY"] { return explicit }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ita").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return repository.appendingPathComponent(".build/debug/ita").path
    }()

    static let osLogin: String = {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "root"
    }()

    let directory: String
    let database: String
    let today = "2026-11-18"

    init() {
        directory = NSTemporaryDirectory() + "ita-cli-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = directory + "/ita.sqlite"
    }

    /// The demo committee with the secretary's login replaced by this process's OS login, so the
    /// tests act as the secretary whoever runs them.
    func committeeFile() throws -> String {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("sample-data/committee-fy2566-example.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "login: thanakorn", with: "login: \(Self.osLogin)")
            .replacingOccurrences(of: ": thanakorn", with: ": \(Self.osLogin)")
            .replacingOccurrences(of: "owner: thanakorn", with: "owner: \(Self.osLogin)")
        let path = directory + "/committee.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    var frameworkFile: String { Self.repository.appendingPathComponent("sample-data/frameworks/fy2566.yaml").path }

    /// Creates the database on the fixed day.
    func initialise() throws {
        let result = try run(["init", "--framework", frameworkFile, "--committee", try committeeFile()])
        #expect(result.status == 0, "init failed: \(result.stderr)")
    }

    @discardableResult
    func run(_ arguments: [String], withDatabase: Bool = true, fixedDay: Bool = true, environment extra: [String: String] = [:]) throws -> Result {
        var args = arguments
        if withDatabase { args += ["--db", database] }
        if fixedDay { args += ["--today", today] }
        return try Self.spawn(args, directory: directory, environment: extra)
    }

    static func spawn(_ arguments: [String], directory: String, environment extra: [String: String] = [:],
                      executable: String = binary) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ["PATH": "/usr/bin:/bin", "HOME": directory, "TZ": "Asia/Bangkok", "LANG": "C.UTF-8",
                           "XDG_DATA_HOME": directory + "/data", "XDG_CACHE_HOME": directory + "/cache",
                           "ITA_SAMPLE_DATA": repository.appendingPathComponent("sample-data").path]
        environment.merge(extra) { $1 }
        process.environment = environment
        let id = UUID().uuidString
        let out = directory + "/out-\(id)", err = directory + "/err-\(id)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }
}

/// Compares output with a file under Golden/. `ITA_RECORD_GOLDEN=1` rewrites the files and fails
/// the run, so a re-record is always seen and never passes silently.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    // Rows between | markers so trailing spaces show in the file and in a diff.
    let framed = actual.split(separator: "\n", omittingEmptySubsequences: false).map { "|\($0)|" }.joined(separator: "\n")
    if ProcessInfo.processInfo.environment["ITA_RECORD_GOLDEN"] == "1" {
        try framed.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("re-recorded \(name); run again without ITA_RECORD_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(framed == expected, "output differs from Golden/\(name):\n\(lineDiff(expected: expected, actual: framed))", sourceLocation: sourceLocation)
}

/// The lines that differ, numbered, expected (-) over actual (+); at most 12 pairs.
func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false), a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
        out.append("\(i + 1)- \(i < e.count ? String(e[i]) : "(no line)")")
        out.append("\(i + 1)+ \(i < a.count ? String(a[i]) : "(no line)")")
        if out.count >= 24 { out.append("…"); break }
    }
    return out.joined(separator: "\n")
}
