import ITACore
import Yams

/// Reads a YAML document node by node, keeping each value's line and dotted field path so every
/// problem can be reported as `file:line: field: problem`. Unknown keys are errors, which
/// catches typos in hand-edited files.
struct YAMLReader {
    let node: Node
    let file: String
    let path: String

    /// Parses `text`; a syntax error becomes a `DataFileError` at the line the parser names.
    static func parse(_ text: String, file: String) throws -> YAMLReader {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DataFileError(file: file, line: 1, field: "", problem: "the file is empty", problemTH: "ไฟล์ว่างเปล่า")
            }
            return YAMLReader(node: node, file: file, path: "")
        } catch let error as YamlError {
            // One line each, never the document itself (Yams' descriptions repeat the whole file).
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw DataFileError(file: file, line: mark.line, column: mark.column, field: "", problem: "not valid YAML: \(problem)", problemTH: "ไม่ใช่ YAML ที่ถูกต้อง: \(problem)")
            case .reader(let problem, let offset, _, _):
                let line = offset.map { offset in text.utf8.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }
                throw DataFileError(file: file, line: line, field: "", problem: "not valid YAML: \(problem)", problemTH: "ไม่ใช่ YAML ที่ถูกต้อง: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                let key = duplicates.first.map(Quote.cut) ?? ""
                throw DataFileError(file: file, line: Self.secondOccurrence(of: duplicates.first, in: text, after: context.mark.line) ?? context.mark.line,
                                    field: "", problem: "duplicate key '\(key)'", problemTH: "ชื่อช่อง '\(key)' ซ้ำ")
            default:
                throw DataFileError(file: file, line: nil, field: "", problem: "not valid YAML", problemTH: "ไม่ใช่ YAML ที่ถูกต้อง")
            }
        }
    }

    /// The line where a duplicated key appears again after its first use (the one to delete).
    static func secondOccurrence(of key: String?, in text: String, after first: Int) -> Int? {
        guard let key, !key.isEmpty else { return nil }
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard number > first else { continue }
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("{\(key):") || line.contains(" \(key):") || line.contains("{\(key):") { return number }
        }
        return nil
    }

    var line: Int? { node.mark?.line }

    /// A problem at this value, in English and in Thai (the user's language decides which is shown).
    func fail(_ problem: String, th: String) -> DataFileError {
        DataFileError(file: file, line: line, field: path, problem: problem, problemTH: th)
    }

    private func child(_ node: Node, _ component: String) -> YAMLReader {
        YAMLReader(node: node, file: file, path: path.isEmpty ? component : "\(path).\(component)")
    }

    // MARK: Mappings

    func entries() throws -> [(key: String, value: YAMLReader)] {
        guard case .mapping(let mapping) = node else { throw fail("expected a mapping of `key: value` lines", th: "ต้องเป็นชุดบรรทัด `key: value`") }
        return try mapping.map { key, value in
            guard let name = key.string else { throw fail("a key must be plain text", th: "ชื่อช่องต้องเป็นข้อความธรรมดา") }
            return (name, child(value, name))
        }
    }

    func optional(_ key: String) throws -> YAMLReader? {
        guard case .mapping(let mapping) = node else { throw fail("expected a mapping of `key: value` lines", th: "ต้องเป็นชุดบรรทัด `key: value`") }
        guard let value = mapping[key] else { return nil }
        if case .scalar(let s) = value, s.string.isEmpty || s.string == "~" || s.string == "null", s.style == .plain { return nil }
        return child(value, key)
    }

    func required(_ key: String) throws -> YAMLReader {
        guard let value = try optional(key) else {
            throw DataFileError(file: file, line: line, field: path.isEmpty ? key : "\(path).\(key)", problem: "missing", problemTH: "ขาดหายไป (ต้องมี)")
        }
        return value
    }

    /// Rejects keys other than `allowed`, naming the first unknown one and its line.
    func onlyKeys(_ allowed: Set<String>) throws {
        guard case .mapping(let mapping) = node else { throw fail("expected a mapping of `key: value` lines", th: "ต้องเป็นชุดบรรทัด `key: value`") }
        for (key, _) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                throw DataFileError(file: file, line: key.mark?.line ?? line, field: path.isEmpty ? (key.string ?? "?") : "\(path).\(key.string ?? "?")",
                                    problem: "unknown field (expected one of: \(allowed.sorted().joined(separator: ", ")))", problemTH: "ไม่รู้จักช่องนี้ (ที่มีได้: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    // MARK: Sequences

    func list() throws -> [YAMLReader] {
        guard case .sequence(let sequence) = node else { throw fail("expected a list of `- ` entries", th: "ต้องเป็นรายการ `- `") }
        return sequence.enumerated().map { index, item in
            YAMLReader(node: item, file: file, path: "\(path)[\(index + 1)]")
        }
    }

    // MARK: Scalars

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw fail("expected a single value", th: "ต้องเป็นค่าเดียว") }
        let text = scalar.string
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F }) {
            throw fail("contains control characters", th: "มีอักขระควบคุม")
        }
        return text
    }

    func nonEmptyString() throws -> String {
        let text = try string()
        guard !text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) else { throw fail("must not be empty", th: "ต้องไม่ว่าง") }
        return text
    }

    func int() throws -> Int {
        let text = try string()
        guard let value = Int(text) else { throw fail("expected a whole number, found \(Quote.text(text))", th: "ต้องเป็นจำนวนเต็ม แต่พบ \(Quote.text(text))") }
        return value
    }

    /// A whole number inside `range`; the error names the range.
    func int(in range: ClosedRange<Int>) throws -> Int {
        let text = try string()
        guard let value = Int(text), range.contains(value) else {
            throw fail("expected a whole number from \(Limits.describe(range)), found \(Quote.text(text))", th: "ต้องเป็นจำนวนเต็มตั้งแต่ \(Limits.describe(range, to: "ถึง")) แต่พบ \(Quote.text(text))")
        }
        return value
    }

    /// A number inside `range` (NaN, infinities and -0 are refused or kept at 0); the error names the range.
    func double(in range: ClosedRange<Double>) throws -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw fail("expected a number from \(Limits.describe(range)), found \(Quote.text(text))", th: "ต้องเป็นตัวเลขตั้งแต่ \(Limits.describe(range, to: "ถึง")) แต่พบ \(Quote.text(text))")
        }
        return value == 0 ? 0 : value
    }

    func strings() throws -> [String] { try list().map { try $0.string() } }
    func ints(in range: ClosedRange<Int>) throws -> [Int] { try list().map { try $0.int(in: range) } }
}
