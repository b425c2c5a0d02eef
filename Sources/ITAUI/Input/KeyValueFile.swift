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

