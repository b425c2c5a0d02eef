import Foundation
import ITACore
import ITAHTTPWire
import ITAStore

/// Checks evidence URLs: `ita-http fetch` opens them the way an assessor does (HEAD, then GET where
/// HEAD is refused or a page's title is wanted; at most 5 redirects, a cycle refused; 4 at a time;
/// only a body's first 256 KB), and this reads what came back: status, file name, title, the years
/// a page names.
struct EvidenceFetcher {
    static let maxRedirects = HTTPWire.maxRedirects

    let timeout: TimeInterval

    /// Every URL's check, in the order given. Blocks until all are done.
    func check(_ urls: [String], now: () -> Timestamp, fiscalYear: Int) throws -> [EvidenceCheck] {
        guard !urls.isEmpty else { return [] }
        let exchanges = try HTTPHelper.fetch(HTTPWire.FetchRequest(urls: urls, timeout: timeout))
        let at = now()
        return zip(urls, exchanges).map { Self.result(of: $1, url: $0, now: at, fiscalYear: fiscalYear) }
    }

    // MARK: What the answer says

    static func result(of e: HTTPWire.Exchange, url: String, now: Timestamp, fiscalYear: Int) -> EvidenceCheck {
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
