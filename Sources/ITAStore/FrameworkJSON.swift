import Foundation
import ITACore

/// Reads a framework from the JSON the store keeps (written by `JSONEncoder` from `Framework`'s
/// `Codable`) without going through `Codable`. Every one-shot command reads the framework once, and
/// decoding it through `Codable` cost about 2 ms of `ita status`: most of it the Swift runtime
/// looking each `CodingKeys` type's conformances up the first time, by a scan of every conformance
/// in the program. `JSONSerialization` parses without generics; the fields are then read by name.
///
/// The names are `Codable`'s synthesized ones. Anything this reader does not expect (a field it does
/// not know is not an error, so a missing one is) makes it give up; the store then decodes with
/// `JSONDecoder`, which also words any error. Tests compare both readers on every framework file.
enum FrameworkJSON {
    struct Unreadable: Error, Equatable { let path: String }

    static func decode(_ data: Data) throws -> Framework {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Unreadable(path: "") }
        let o = Fields(root, path: "")
        var framework = Framework(
            id: try o.string("id"), fiscalYear: try o.int("fiscalYear"), title: try o.string("title"),
            notes: try o.strings("notes"), tools: try o.objects("tools").map(tool), indicators: try o.objects("indicators").map(indicator),
            grading: try grading(o.object("grading")))
        framework.provisional = try o.optional("provisional") { ($0 as? NSNumber)?.boolValue }
        return framework
    }

    private static func tool(_ o: Fields) throws -> Tool {
        Tool(code: try o.string("code"), nameTH: try o.string("nameTH"), nameEN: try o.string("nameEN"),
             weight: try o.double("weight"), scoredFromItems: try o.bool("scoredFromItems"))
    }

    private static func indicator(_ o: Fields) throws -> Indicator {
        Indicator(number: try o.int("number"), nameTH: try o.string("nameTH"), nameEN: try o.string("nameEN"),
                  tool: try o.string("tool"), subIndicators: try o.objects("subIndicators").map(subIndicator))
    }

    private static func subIndicator(_ o: Fields) throws -> SubIndicator {
        SubIndicator(code: try o.string("code"), nameTH: try o.string("nameTH"), items: try o.objects("items").map(item))
    }

    private static func item(_ o: Fields) throws -> OITItem {
        var item = OITItem(code: try o.string("code"), titleTH: try o.string("titleTH"), titleEN: try o.string("titleEN"))
        item.evidencePeriod = try o.optional("evidencePeriod") { ($0 as? String).flatMap(EvidencePeriod.init(rawValue:)) }
        item.components = try o.optional("components") { $0 as? [String] }
        return item
    }

    private static func grading(_ o: Fields) throws -> GradingScheme {
        guard let kind = GradingScheme.Kind(rawValue: try o.string("kind")) else { throw Unreadable(path: o.path + "kind") }
        return GradingScheme(kind: kind, passMark: try o.double("passMark"), rules: try o.objects("rules").map { rule in
            GradeRule(grade: try rule.string("grade"), minTotal: try rule.double("minTotal"),
                      minEachTool: try rule.optional("minEachTool") { ($0 as? NSNumber)?.doubleValue })
        })
    }

    /// One JSON object's fields, and where it is (for the error that sends the store to `JSONDecoder`).
    private struct Fields {
        let fields: [String: Any]
        let path: String
        init(_ fields: [String: Any], path: String) { self.fields = fields; self.path = path }

        func value<T>(_ key: String, _ read: (Any) -> T?) throws -> T {
            guard let raw = fields[key], let value = read(raw) else { throw Unreadable(path: path + key) }
            return value
        }
        /// Absent or null is nil; present but of another type is an error.
        func optional<T>(_ key: String, _ read: (Any) -> T?) throws -> T? {
            guard let raw = fields[key], !(raw is NSNull) else { return nil }
            guard let value = read(raw) else { throw Unreadable(path: path + key) }
            return value
        }
        func string(_ key: String) throws -> String { try value(key) { $0 as? String } }
        func strings(_ key: String) throws -> [String] { try value(key) { $0 as? [String] } }
        /// A JSON true or false is an NSNumber; casting it to Bool would look a bridging conformance up.
        func bool(_ key: String) throws -> Bool { try value(key) { ($0 as? NSNumber)?.boolValue } }
        func double(_ key: String) throws -> Double { try value(key) { ($0 as? NSNumber)?.doubleValue } }
        func int(_ key: String) throws -> Int {
            try value(key) { raw in (raw as? NSNumber).flatMap { Int(exactly: $0.doubleValue) } }
        }
        func object(_ key: String) throws -> Fields {
            Fields(try value(key) { $0 as? [String: Any] }, path: path + key + ".")
        }
        func objects(_ key: String) throws -> [Fields] {
            try value(key) { $0 as? [[String: Any]] }.enumerated().map { Fields($1, path: "\(path)\(key)[\($0)].") }
        }
    }
}
