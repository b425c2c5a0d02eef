import Foundation
import ITACore
import ITAHTTPWire
import ITAUI

/// Where and how `ita remind --send line` posts: the group, the endpoint and the token file, from
/// the config file. The token itself is read from its file when sending and never kept, printed or
/// logged.
struct LineSettings {
    static let defaultEndpoint = "https://api.line.me"
    var group: String
    var endpoint: String
    var tokenFile: String

    static func from(_ config: Config) throws -> LineSettings {
        guard let group = config.lineGroup, !group.isEmpty else {
            throw CLIError("\(config.path): no line_group: add `line_group = C…` (the group's id, from the join webhook event; see README, Sending reminders to LINE)")
        }
        let endpoint = config.lineEndpoint ?? defaultEndpoint
        guard let url = URL(string: endpoint), let scheme = url.scheme, scheme == "https" || scheme == "http", url.host != nil else {
            throw CLIError("\(config.path): line_endpoint: expected an http(s) base URL such as \(defaultEndpoint), found \(Quote.text(endpoint))")
        }
        let tokenFile = config.lineTokenFile ?? config.directory + "/line-token"
        return LineSettings(group: group, endpoint: endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint, tokenFile: tokenFile)
    }

    var pushURL: String { endpoint + "/v2/bot/message/push" }

    /// The channel access token: the file's one line. Refused when others may read the file.
    func token() throws -> String {
        var info = stat()
        guard stat(tokenFile, &info) == 0 else {
            throw CLIError("\(tokenFile): no channel access token file (put the token there, then chmod 600 \(tokenFile))")
        }
        if info.st_mode & 0o077 != 0 {
            throw CLIError("\(tokenFile): others can read it (mode \(String(info.st_mode & 0o777, radix: 8))); run chmod 600 \(tokenFile)")
        }
        if info.st_uid != geteuid() {
            throw CLIError("\(tokenFile): belongs to another user; the token file must be yours (mode 600)")
        }
        guard let data = FileManager.default.contents(atPath: tokenFile) else { throw CLIError("\(tokenFile): cannot read (permission or I/O error)") }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.contains(where: { $0.isWhitespace || !$0.isASCII }) else {
            throw CLIError("\(tokenFile): expected the channel access token on one line")
        }
        return token
    }
}

/// Posts text messages to a LINE group through the Messaging API push endpoint, with the documented
/// answers handled: 400, 401, 403 as errors; 409 (this retry key was already accepted) as sent; 429
/// waits as long as Retry-After says (up to a minute, three times); 5xx retries with a growing pause
/// (0.5, 1, 2 s), a timeout once; a refused connection is reported at once. Every attempt of one request carries the same
/// X-Line-Retry-Key, so a retry never posts twice.
struct LinePush {
    static let userAgent = "ita/0.6.0 (ITA Board reminders)"
    static let maxAttempts = 4
    static let longestRetryAfter = 60

    struct Request {
        var retryKey: String
        var body: String
    }

    /// What went wrong, said in the user's language by `text(thai:)`.
    enum Failure: Error {
        case refused(String)
        case badToken
        case forbidden(String)
        case limit(String)
        case serverFailed(attempts: Int, status: Int, String)
        case answered(Int, String)
        case unreachable(String, reason: String)

        func text(thai: Bool) -> String {
            switch self {
            case .refused(let why):
                return (thai ? "LINE ไม่รับข้อความ (400 Bad Request): " : "LINE refused the message (400 Bad Request): ") + why
            case .badToken:
                return thai ? "LINE ไม่รับ channel access token (401 Unauthorized): ออก token ใหม่แล้วใส่ในไฟล์ token"
                            : "LINE refused the channel access token (401 Unauthorized): issue a new one and put it in the token file"
            case .forbidden(let why):
                return thai ? "LINE ไม่อนุญาต (403 Forbidden): \(why) (บัญชีทางการอยู่ในกลุ่มหรือยัง และ channel ส่ง push ได้หรือไม่)"
                            : "LINE does not allow this (403 Forbidden): \(why) (is the official account in the group, and may this channel push?)"
            case .limit(let why):
                return (thai ? "ส่งเกินโควตาของ LINE (429 Too Many Requests): " : "LINE's limit is reached (429 Too Many Requests): ") + why
            case .serverFailed(let attempts, let status, let why):
                return thai ? "เซิร์ฟเวอร์ LINE ขัดข้อง \(attempts) ครั้ง (ล่าสุด \(status)): \(why) ลองใหม่ภายหลัง"
                            : "LINE's server failed \(attempts) times (last: \(status)): \(why); try again later"
            case .answered(let status, let why): return (thai ? "LINE ตอบ \(status): " : "LINE answered \(status): ") + why
            case .unreachable(let url, let reason): return (thai ? "ติดต่อ \(url) ไม่ได้ (\(reason))" : "cannot reach \(url) (\(reason))")
            }
        }
    }

    static func request(_ messages: [LineTextMessage], to group: String) -> Request {
        let objects = messages.map { m -> JSONValue in
            guard m.isV2 else { return .object(["type": .string("text"), "text": .string(m.text)]) }
            var substitution: [String: JSONValue] = [:]
            for (key, id) in m.mentions {
                substitution[key] = .object(["type": .string("mention"), "mentionee": .object(["type": .string("user"), "userId": .string(id)])])
            }
            return .object(["type": .string("textV2"), "text": .string(m.text), "substitution": .object(substitution)])
        }
        return Request(retryKey: UUID().uuidString.lowercased(), body: JSONValue.object(["to": .string(group), "messages": .array(objects)]).text)
    }

    /// The request as --dry-run prints it: method, address, headers (the token redacted), body.
    static func describe(_ request: Request, settings: LineSettings) -> String {
        ["POST \(settings.pushURL)", "Authorization: Bearer [redacted: the token in \(settings.tokenFile)]",
         "Content-Type: application/json", "X-Line-Retry-Key: \(request.retryKey)", "User-Agent: \(userAgent)", "", request.body].joined(separator: "\n")
    }

    /// Sends one request (retrying as above) through `ita-http post`; returns LINE's request id. Blocks.
    static func send(_ request: Request, settings: LineSettings, token: String, timeout: TimeInterval = 15,
                     pause: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) throws -> String? {
        let url = settings.pushURL
        let post = HTTPWire.PostRequest(url: url, headers: [["Authorization", "Bearer " + token], ["Content-Type", "application/json"],
                                                            ["X-Line-Retry-Key", request.retryKey], ["User-Agent", userAgent]],
                                        body: request.body, connectTimeout: 5, timeout: timeout)
        var backoff = 0.5
        for attempt in 1...maxAttempts {
            let last = attempt == maxAttempts
            let answer = try HTTPHelper.post(post)
            guard let status = answer.status else {
                // The helper's client already retried the connection until the deadline; a refused one stays refused.
                // A timeout after sending may be a lost answer: one more try, with the same retry key, is safe.
                let reason = answer.error ?? "no answer"
                guard !last, reason != "cannot connect", attempt < 2 else { throw Failure.unreachable(url, reason: reason) }
                pause(backoff)
                backoff *= 2
                continue
            }
            let requestID = answer.header("x-line-request-id")
            switch status {
            case 200..<300: return requestID
            case 409:
                // LINE already accepted a request with this retry key: it was posted once.
                return answer.header("x-line-accepted-request-id") ?? requestID
            case 400: throw Failure.refused(explain(answer.body))
            case 401: throw Failure.badToken
            case 403: throw Failure.forbidden(explain(answer.body))
            case 429:
                // Too many requests: wait as told and try again. Without Retry-After it is the month's quota: stop.
                guard !last, let wait = answer.header("Retry-After").flatMap(Int.init), (0...longestRetryAfter).contains(wait) else {
                    throw Failure.limit(explain(answer.body))
                }
                pause(Double(wait))
            case 500...599:
                guard !last else { throw Failure.serverFailed(attempts: attempt, status: status, explain(answer.body)) }
                pause(backoff)
                backoff *= 2
            default: throw Failure.answered(status, explain(answer.body))
            }
        }
        throw Failure.unreachable(url, reason: "no answer")
    }

    /// LINE's error body (`{"message": …, "details": [{"message": …, "property": …}]}`) as one line.
    static func explain(_ body: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            return body.isEmpty ? "(no explanation)" : String(body.sanitizedForTerminal.prefix(200))
        }
        var text = (object["message"] as? String) ?? "(no explanation)"
        if let details = object["details"] as? [[String: Any]], !details.isEmpty {
            text += " — " + details.prefix(3).map { d in [d["property"] as? String, d["message"] as? String].compactMap { $0 }.joined(separator: ": ") }
                .joined(separator: "; ")
        }
        return String(text.sanitizedForTerminal.prefix(300))
    }
}
