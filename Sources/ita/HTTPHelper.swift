import Foundation
import ITAHTTPWire

/// Runs `ita-http`, the network helper installed beside `ita` (like git's git-remote-https): one JSON
/// request on its stdin, one JSON answer on its stdout. Only `ita evidence check` and
/// `ita remind --send line` need the network, and keeping AsyncHTTPClient out of `ita` keeps every
/// other command's start-up short.
enum HTTPHelper {
    /// Where the helper is: beside the running `ita` (symlinks resolved).
    static var path: String {
        let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return exe.deletingLastPathComponent().appendingPathComponent(HTTPWire.helperName).path
    }

    static func fetch(_ request: HTTPWire.FetchRequest) throws -> [HTTPWire.Exchange] {
        try exchange("fetch", request, answer: [HTTPWire.Exchange].self)
    }

    static func post(_ request: HTTPWire.PostRequest) throws -> HTTPWire.PostAnswer {
        try exchange("post", request, answer: HTTPWire.PostAnswer.self)
    }

    private static func exchange<Request: Encodable, Answer: Decodable>(_ mode: String, _ request: Request, answer: Answer.Type) throws -> Answer {
        let helper = path
        guard FileManager.default.isExecutableFile(atPath: helper) else {
            throw CLIError("\(helper): ita's network helper is missing; install it beside ita (see README, Build and install)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: helper)
        process.arguments = [mode]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let body = try JSONEncoder().encode(request)
        // Written from another thread: a large answer must be read while the request is still going in.
        let writer = Thread {
            input.fileHandleForWriting.write(body)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let answerData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let decoded = try? JSONDecoder().decode(Answer.self, from: answerData) else {
            let why = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw CLIError("\(helper) \(mode): " + (why.isEmpty ? "stopped with status \(process.terminationStatus) and no answer" : String(why.prefix(300))))
        }
        return decoded
    }
}
