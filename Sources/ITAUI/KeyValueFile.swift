import ITACore

/// A `key = value` text file (config, themes): `#` comments and blank lines ignored, every entry
/// kept with its line number so errors can name file, line and key.
public struct KeyValueFile: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var line: Int
        public var key: String
        public var value: String
    }

    public var entries: [Entry]

    public static func parse(_ text: String, file: String) throws(SettingsFileError) -> KeyValueFile {
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw SettingsFileError(file: file, line: index + 1, key: line, problem: .notKeyValue)
            }
            let key = String(line[..<equals]).trimmingWhitespace
            let value = String(line[line.index(after: equals)...]).trimmingWhitespace
            if entries.contains(where: { $0.key == key }) {
                throw SettingsFileError(file: file, line: index + 1, key: key, problem: .duplicate)
            }
            entries.append(Entry(line: index + 1, key: key, value: value))
        }
        return KeyValueFile(entries: entries)
    }
}

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
