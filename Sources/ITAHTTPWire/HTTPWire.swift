import Foundation

/// What `ita` and its network helper `ita-http` say to each other: one JSON value on the helper's
/// stdin, one on its stdout. The helper does the HTTP; `ita` decides what the answers mean. Keeping
/// AsyncHTTPClient (and SwiftNIO under it) out of `ita` keeps every other command's start-up short.
public enum HTTPWire {
    /// The helper's name; it is installed beside `ita`.
    public static let helperName = "ita-http"
    /// Redirects an evidence URL may take; one more is refused (as is a loop).
    public static let maxRedirects = 5

    /// The first header of that name (any case) in `[name, value]` pairs.
    public static func header(_ name: String, in headers: [[String]]) -> String? {
        headers.first { $0.count == 2 && $0[0].lowercased() == name.lowercased() }?[1]
    }

    /// `ita-http fetch`: evidence URLs to open as an assessor would (HEAD, then GET where needed).
    public struct FetchRequest: Codable, Sendable {
        public var urls: [String]
        public var timeout: Double
        public init(urls: [String], timeout: Double) { self.urls = urls; self.timeout = timeout }
    }

    /// What one URL (with its redirects) came back with; one per URL, in the order asked.
    public struct Exchange: Codable, Sendable {
        public var redirects = 0
        public var tooManyRedirects = false
        public var status: Int?
        public var headers: [[String]] = []
        public var finalURL: String?
        /// The body's first `bodyLimit` bytes (GET only).
        public var body = Data()
        public var cutShort = false
        public var error: String?

        public init() {}

        public func header(_ name: String) -> String? { HTTPWire.header(name, in: headers) }
    }

    /// `ita-http post`: one POST, no redirects followed. The token travels in `headers`, on stdin,
    /// never in the helper's arguments (which `ps` shows to everyone).
    public struct PostRequest: Codable, Sendable {
        public var url: String
        public var headers: [[String]]
        public var body: String
        public var connectTimeout: Double
        public var timeout: Double
        public init(url: String, headers: [[String]], body: String, connectTimeout: Double, timeout: Double) {
            self.url = url; self.headers = headers; self.body = body; self.connectTimeout = connectTimeout; self.timeout = timeout
        }
    }

    /// The answer to a POST, or why there was none ("timed out", "cannot connect", …).
    public struct PostAnswer: Codable, Sendable {
        public var status: Int?
        public var headers: [[String]] = []
        public var body = ""
        public var error: String?
        public init() {}

        public func header(_ name: String) -> String? { HTTPWire.header(name, in: headers) }
    }
}
