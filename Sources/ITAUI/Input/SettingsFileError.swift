import ITACore

/// A problem in a config or theme file, with where it is.
public struct SettingsFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Hashable, Sendable {
        case notKeyValue, duplicate, unknownKey
        case badValue(String)
    }

    public var file: String
    public var line: Int
    public var key: String
    public var problem: Problem

    public init(file: String, line: Int, key: String, problem: Problem) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String { text(thai: false) }

    /// `themes/x.theme:12: key 'selected': unknown colour 'pinkish'`. A bad value's detail stays
    /// English: it names code-level words (colour names, attributes).
    public func text(thai: Bool) -> String {
        let what: String
        switch problem {
        case .notKeyValue: what = thai ? "ต้องเป็นบรรทัด 'key = value'" : "expected 'key = value'"
        case .duplicate: what = thai ? "กำหนดซ้ำสองครั้ง" : "set twice"
        case .unknownKey: what = thai ? "ไม่รู้จักชื่อนี้" : "unknown key"
        case .badValue(let detail): what = detail
        }
        return "\(file):\(line): key '\(key.sanitizedForTerminal.truncated(toWidth: Quote.limit))': \(what.sanitizedForTerminal.truncated(toWidth: 240))"
    }
}
