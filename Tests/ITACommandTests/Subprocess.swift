import Foundation

/// Runs the programs the tests check ita's files with (python3 and its libraries, chromium, groff,
/// calcurse, bash), with UTF-8 output whatever the test's own locale.
enum Subprocess {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        env["PYTHONIOENCODING"] = "utf-8"
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        process.environment = env
        // Output to files, as ITARunner does: nothing to drain while it runs, however much it writes.
        let base = NSTemporaryDirectory() + "ita-subprocess-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: base + ".out", contents: nil)
        FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer { try? FileManager.default.removeItem(atPath: base + ".out"); try? FileManager.default.removeItem(atPath: base + ".err") }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let outData = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    /// A local HTTP server: a Python script that binds 127.0.0.1 port 0 and writes the port it got to
    /// the file named by its first argument. Returns the port and a way to stop it.
    static func server(_ script: String, arguments: [String] = [], in directory: String) throws -> (port: Int, stop: () -> Void) {
        let name = UUID().uuidString
        let file = directory + "/server-\(name).py", portFile = directory + "/server-\(name).port"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", file, portFile] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) { return (port, { process.terminate() }) }
            usleep(50_000)
        }
        process.terminate()
        throw CocoaError(.fileNoSuchFile)
    }

    /// A Python script (python3 on PATH: scripts/test installs its libraries for that one).
    static func python(_ script: String, _ arguments: [String]) throws -> Result {
        try run("/usr/bin/env", ["python3", "-c", script] + arguments)
    }
}
