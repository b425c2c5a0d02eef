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
