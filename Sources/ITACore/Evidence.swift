/// What counts as evidence for a task: an http or https URL with a host and no spaces — the
/// address an assessor can open. Every front end (the command line, the dashboard's prompt, the
/// committee file) asks this one rule.
public enum Evidence {
    /// Why `text` is not evidence, or nil when it is.
    public static func problem(_ text: String) -> Problem? {
        if text.isEmpty { return .empty }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || TerminalSafety.isUnsafe($0.value) }) { return .spaceOrControl }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) }
        else if lower.hasPrefix("http://") { rest = text.dropFirst(7) }
        else { return .notHTTP }
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }   // user:pass@
        var host = authority
        if host.hasPrefix("[") {
            // [IPv6]:port
            guard let close = host.firstIndex(of: "]") else { return .noHost }
            let port = host[host.index(after: close)...]
            guard port.isEmpty || (port.hasPrefix(":") && port.dropFirst().allSatisfy(\.isASCII) && port.dropFirst().allSatisfy(\.isNumber)) else { return .noHost }
            return host.count > 2 ? nil : .noHost
        }
        if let colon = host.lastIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .noHost }
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.hasPrefix("."), !host.hasPrefix("-"), !host.contains(".."),
              host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }) else { return .noHost }
        return nil
    }

    public static func isValid(_ text: String) -> Bool { problem(text) == nil }

    /// The refusal of `text` where a file or a plan change gives it, in English and in Thai.
    public static func refusal(_ text: String) -> (en: String, th: String) {
        ("evidence is an http:// or https:// URL with a host and no spaces, found \(Quote.text(text))",
         "หลักฐานต้องเป็น URL http:// หรือ https:// ที่มีชื่อเว็บไซต์และไม่มีช่องว่าง แต่พบ \(Quote.text(text))")
    }

    /// Why a text is not evidence.
    public enum Problem: Hashable, Sendable {
        case empty, spaceOrControl, notHTTP, noHost
    }
}

extension Evidence {
    /// The host of an http(s) URL, lowercased, without port or user (nil when it is not one).
    public static func host(of url: String) -> String? {
        guard isValid(url) else { return nil }
        let rest = url.drop { $0 != "/" }.dropFirst(2)
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]).lowercased() }
        if let colon = authority.lastIndex(of: ":") { authority = authority[..<colon] }
        var host = authority.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }

    /// Whether `url` is on the office's `website` (the same host, or a subdomain of it; `www.` is ignored).
    public static func isOnSite(_ url: String, website: String) -> Bool {
        guard var site = host(of: website) ?? (website.isEmpty ? nil : website.lowercased()), var host = host(of: url) else { return false }
        if site.hasPrefix("www.") { site.removeFirst(4) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host == site || host.hasSuffix("." + site)
    }

    /// The ways a fiscal year is written on Thai pages: `2569`, `๒๕๖๙`, and the CE years it spans.
    public static func yearForms(_ fiscalYear: Int) -> [String] {
        let be = String(fiscalYear)
        return [be, ThaiDigits.apply(be)]
    }

    /// Whether `text` mentions fiscal year `year` (BE, in Arabic or Thai digits), as a number of its own.
    public static func mentions(_ text: String, year: Int) -> Bool {
        for form in yearForms(year) {
            var search = text[...]
            while let range = search.firstRange(of: form) {
                let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                if !before.isNumber && !after.isNumber { return true }
                search = text[range.upperBound...]
            }
        }
        return false
    }
}

/// What fetching one evidence URL found (`ita evidence check`).
public struct EvidenceCheck: Hashable, Sendable {
    public var url: String
    public var checkedAt: Timestamp
    /// The HTTP status of the last response; nil when there was none (timeout, refused, bad name).
    public var status: Int?
    public var finalURL: String?
    public var contentType: String?
    public var size: Int?
    public var lastModified: String?
    /// The page's `<title>` (HTML), else the file name (a PDF, a document).
    public var title: String?
    public var fileName: String?
    public var redirects: Int
    /// Why there was no answer, or what went wrong (`timed out`, `too many redirects`).
    public var error: String?
    /// The years (BE) the page's title, text start or file name mention.
    public var yearsMentioned: [Int]

    public init(url: String, checkedAt: Timestamp, status: Int? = nil, finalURL: String? = nil, contentType: String? = nil, size: Int? = nil,
                lastModified: String? = nil, title: String? = nil, fileName: String? = nil, redirects: Int = 0, error: String? = nil,
                yearsMentioned: [Int] = []) {
        self.url = url
        self.checkedAt = checkedAt
        self.status = status
        self.finalURL = finalURL
        self.contentType = contentType
        self.size = size
        self.lastModified = lastModified
        self.title = title
        self.fileName = fileName
        self.redirects = redirects
        self.error = error
        self.yearsMentioned = yearsMentioned
    }

    public var isBroken: Bool { error != nil || (status.map { $0 >= 400 } ?? true) }
}

/// What is wrong with a task's evidence, worst first, for the marks on the tree, the task and the agenda.
public enum EvidenceFinding: Hashable, Sendable, Comparable {
    /// ✗ ลิงก์เสีย: an error or an HTTP status of 400 or more.
    case broken
    /// ⚠ นอกเว็บไซต์หน่วยงาน: the final address is not on the office's website.
    case offSite
    /// ⚠ ปี: the item wants a year's data and neither the title nor the file name mentions that year.
    case wrongYear(Int)
    /// Not checked for 7 days (or never).
    case stale

    public static let staleAfterDays = 7

    /// The findings for one URL of a task on `item` (nil: none, the link is fine).
    public static func of(_ url: String, check: EvidenceCheck?, item: OITItem?, framework: Framework, website: String, today: CivilDate) -> [EvidenceFinding] {
        guard let check, check.checkedAt.date.days(to: today) <= staleAfterDays else { return [.stale] }
        if check.isBroken { return [.broken] }
        var out: [EvidenceFinding] = []
        if !website.isEmpty, !Evidence.isOnSite(check.finalURL ?? url, website: website) { out.append(.offSite) }
        if let year = item?.evidencePeriod.flatMap({ $0.year(framework: framework.fiscalYear) }), !check.yearsMentioned.contains(year) {
            out.append(.wrongYear(year))
        }
        return out
    }

    /// The worst finding among a task's URLs.
    public static func worst(of task: WorkTask, checks: [String: EvidenceCheck], framework: Framework, website: String, today: CivilDate) -> EvidenceFinding? {
        guard case .item(let code) = task.target else {
            return task.evidence.flatMap { of($0, check: checks[$0], item: nil, framework: framework, website: website, today: today) }.min()
        }
        let item = framework.item(code)
        return task.evidence.flatMap { of($0, check: checks[$0], item: item, framework: framework, website: website, today: today) }.min()
    }
}

extension EvidencePeriod {
    /// The fiscal year (BE) a page must name for this period of a framework's year; nil when any will do.
    public func year(framework fiscalYear: Int) -> Int? {
        switch self {
        case .current, .multiYear: return nil
        case .currentFY, .firstHalf: return fiscalYear
        case .previousFY: return fiscalYear - 1
        }
    }
}
