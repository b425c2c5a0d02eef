import AsyncHTTPClient
import Foundation
import ITACore
import ITAStore
import NIOCore
import NIOHTTP1

/// Fetches evidence URLs the way an assessor opens them, with AsyncHTTPClient: HEAD first, GET
/// where HEAD is refused or a page's title is wanted, at most 5 redirects (a cycle is refused), a
/// timeout, at most 4 at a time, a User-Agent that names ita. Only the first 256 KB of a body is
/// read (a 50 MB PDF is not downloaded): enough for a page's title and the year it names.
final class EvidenceFetcher: Sendable {
    static let maxRedirects = 5
    static let bodyLimit = 256 * 1024
    static let userAgent = "ita/0.6.0 (ITA Board evidence check)"

    /// What one request (with its redirects) came back with.
    struct Exchange: Sendable {
        var redirects = 0
        var tooManyRedirects = false
        var status: Int?
        var headers: [(String, String)] = []
        var finalURL: String?
        var body = Data()
        var cutShort = false
        var error: String?

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    let timeout: TimeInterval

    init(timeout: TimeInterval) { self.timeout = timeout }

    /// Checks every URL, four at a time; results in the order given. Blocks until all are done.
    func check(_ urls: [String], now: @escaping @Sendable () -> Timestamp, fiscalYear: Int) -> [EvidenceCheck] {
        let timeout = self.timeout
        return Blocking.run {
            var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: Self.maxRedirects, allowCycles: false),
                                                         timeout: .init(connect: .milliseconds(Int64(timeout * 1000)), read: .milliseconds(Int64(timeout * 1000))))
            configuration.decompression = .enabled(limit: .ratio(20))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            var results = [EvidenceCheck?](repeating: nil, count: urls.count)
            await withTaskGroup(of: (Int, EvidenceCheck).self) { group in
                var next = 0
                func start() {
                    guard next < urls.count else { return }
                    let index = next, url = urls[index]
                    next += 1
                    group.addTask { (index, await Self.check(url, client: client, now: now(), fiscalYear: fiscalYear, timeout: timeout)) }
                }
                for _ in 0..<4 { start() }
                for await (index, result) in group {
                    results[index] = result
                    start()
                }
            }
            try? await client.shutdown()
            return results.compactMap { $0 }
        }
    }

    /// One URL: HEAD, then GET when HEAD is refused (403, 405, 501) or the answer is a page to read.
    static func check(_ url: String, client: HTTPClient, now: Timestamp, fiscalYear: Int, timeout: TimeInterval) async -> EvidenceCheck {
        guard URL(string: url) != nil else { return EvidenceCheck(url: url, checkedAt: now, error: "not a URL") }
        var exchange = await run(url, method: .HEAD, client: client, timeout: timeout)
        let type = exchange.header("Content-Type")?.lowercased() ?? ""
        if exchange.error == nil, let status = exchange.status,
           status == 405 || status == 501 || status == 403 || (status < 400 && (type.isEmpty || type.contains("html"))) {
            exchange = await run(url, method: .GET, client: client, timeout: timeout)
        }
        return result(of: exchange, url: url, now: now, fiscalYear: fiscalYear)
    }

    static func run(_ url: String, method: HTTPMethod, client: HTTPClient, timeout: TimeInterval) async -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/pdf,*/*;q=0.8")
        var e = Exchange()
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            e.status = Int(response.status.code)
            e.headers = response.headers.map { ($0.name, $0.value) }
            e.finalURL = response.url?.absoluteString ?? url
            e.redirects = max(0, response.history.count - 1)
            if method == .GET {
                for try await buffer in response.body {
                    let room = bodyLimit - e.body.count
                    if room > 0 { e.body.append(contentsOf: buffer.readableBytesView.prefix(room)) }
                    if e.body.count >= bodyLimit { e.cutShort = true; break }   // the rest is not read
                }
            }
        } catch let error as HTTPClientError {
            switch error {
            case .redirectLimitReached, .redirectCycleDetected:
                e.tooManyRedirects = true
                e.redirects = maxRedirects + 1
            case .deadlineExceeded, .readTimeout, .connectTimeout: e.error = "timed out"
            default: e.error = "\(error)"
            }
        } catch {
            e.error = Blocking.phrase(for: error)
        }
        return e
    }

    // MARK: What the answer says

    static func result(of e: Exchange, url: String, now: Timestamp, fiscalYear: Int) -> EvidenceCheck {
        var check = EvidenceCheck(url: url, checkedAt: now, redirects: min(e.redirects, maxRedirects + 1))
        if e.tooManyRedirects { check.error = "more than \(maxRedirects) redirects, or a redirect loop" }
        else if let error = e.error { check.error = error }
        guard let status = e.status else { return check }
        check.status = status
        check.finalURL = e.finalURL
        let type = e.header("Content-Type")
        check.contentType = type
        check.size = e.header("Content-Length").flatMap(Int.init) ?? (e.cutShort ? nil : (e.body.isEmpty ? nil : e.body.count))
        check.lastModified = e.header("Last-Modified")
        // A file's name: Content-Disposition, else the last part of the final address.
        if let disposition = e.header("Content-Disposition"), let range = disposition.range(of: "filename=") {
            check.fileName = String(disposition[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"; "))
        } else if let last = e.finalURL.flatMap(URL.init(string:))?.lastPathComponent, last.contains(".") {
            check.fileName = last.removingPercentEncoding ?? last
        }
        var text = check.fileName ?? ""
        if (type ?? "").lowercased().contains("html"), !e.body.isEmpty {
            let page = (try? ThaiText.decode(e.body, encoding: nil, file: url).text) ?? String(decoding: e.body, as: UTF8.self)
            check.title = title(of: page)
            text += " " + stripped(page)
        }
        let years = (fiscalYear - 3)...(fiscalYear + 1)
        check.yearsMentioned = years.filter { Evidence.mentions(text, year: $0) }
        return check
    }

    /// The text of a page's `<title>`, whitespace folded, a few entities decoded.
    static func title(of page: String) -> String? {
        guard let open = page.range(of: "<title", options: .caseInsensitive),
              let start = page.range(of: ">", range: open.upperBound..<page.endIndex),
              let close = page.range(of: "</title", options: .caseInsensitive, range: start.upperBound..<page.endIndex) else { return nil }
        let raw = page[start.upperBound..<close.lowerBound]
        let text = raw.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&nbsp;", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return text.isEmpty ? nil : String(text.prefix(300))
    }

    /// A page's text without its tags (roughly: enough to find a year).
    static func stripped(_ page: String) -> String {
        var out = "", inTag = false
        out.reserveCapacity(page.utf8.count / 2)
        for ch in page {
            if ch == "<" { inTag = true; out.append(" ") } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out
    }
}
