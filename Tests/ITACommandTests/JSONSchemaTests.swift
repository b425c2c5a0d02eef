import Foundation
import Testing

/// Every read command's `--json` against its JSON Schema in docs/schema/, checked by Python's
/// `jsonschema` (an independent validator; scripts/test installs it), on the demo, which has
/// history, a closed meeting, archived work and official results to show.
@Suite struct JSONSchemaTests {
    static let schemas = ITARunner.repository.appendingPathComponent("docs/schema").path

    /// The validator's complaints about `json` against `schema` (empty when it conforms).
    static func problems(_ json: String, schema: String, directory: String) throws -> [String] {
        let file = directory + "/out-\(UUID().uuidString).json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1])); Draft202012Validator.check_schema(schema)
            data = json.load(open(sys.argv[2], encoding='utf-8'))
            for e in sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path)):
                print('/'.join(str(p) for p in e.path) + ': ' + e.message[:300])
            """
        let result = try Subprocess.python(script, [schema, file])
        let text = result.out + result.err
        if result.status != 0 { return ["validator failed: " + text] }
        return text.split(separator: "\n").map(String.init)
    }

    @Test func everyReadCommandsJSONMatchesItsSchema() throws {
        let ita = ITARunner()
        let db = ["--db", ita.directory + "/demo.sqlite", "--today", "2026-12-01"]
        #expect(try ita.run(["demo"] + db, withDatabase: false, fixedDay: false).status == 0)
        // Something in every optional corner: an archived task, an official result, a reminder day.
        #expect(try ita.run(["archive", "8", "--reason", "ซ้ำกับงานอื่น"] + db, withDatabase: false, fixedDay: false).status == 0)
        #expect(try ita.run(["results", "9", "92.31"] + db, withDatabase: false, fixedDay: false).status == 0)
        let commands: [([String], String)] = [
            (["status", "--json"], "status"), (["tasks", "--all", "--json"], "tasks"), (["tasks", "--archived", "--json"], "tasks"),
            (["export", "tasks", "--format", "json"], "tasks"), (["log", "--json"], "log"), (["review", "--json"], "review"),
            (["minutes", "--json"], "minutes"), (["remind", "--date", "2026-12-01", "--json"], "remind"),
            (["remind", "--date", "2026-12-01", "--per", "group", "--format", "json"], "remind"), (["members", "--json"], "members"),
            (["milestones", "--json"], "milestones"), (["holidays", "--json"], "holidays"), (["results", "--json"], "results"),
            (["evidence", "report", "--json"], "evidence"), (["rollup", "--json"], "rollup"),
        ]
        for (args, name) in commands {
            let result = try ita.run(args + db, withDatabase: false, fixedDay: false)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            #expect(!result.stdout.isEmpty && result.stdout.first == "[" || result.stdout.first == "{", "\(args) printed no JSON")
            let problems = try Self.problems(result.stdout, schema: "\(Self.schemas)/\(name).v1.schema.json", directory: ita.directory)
            #expect(problems.isEmpty, "\(args) against \(name).v1: \(problems.prefix(5))")
        }
    }

    /// The one rule for absent values: the key is there, with null.
    @Test func absentValuesAreNullNeverLeftOut() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["add", "7", "งานไม่มีกำหนด"]).status == 0)
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--json"]).stdout.utf8)) as? [[String: Any]])
        let undated = try #require(tasks.first { $0["title"] as? String == "งานไม่มีกำหนด" })
        for key in ["due", "blocked_reason", "note", "phase", "done_by", "done_at", "key", "recurs", "archived_at"] {
            #expect(undated.keys.contains(key), "\(key) is left out")
            #expect(undated[key] is NSNull, "\(key) is not null: \(String(describing: undated[key]))")
        }
        // A status with no official results and a review with no history say so the same way.
        let status = try #require(try JSONSerialization.jsonObject(with: Data(try ita.run(["status", "--json"]).stdout.utf8)) as? [String: Any])
        let official = try #require(status["official"] as? [String: Any])
        #expect(official["total"] is NSNull && official["grade"] is NSNull)
        let review = try #require(try JSONSerialization.jsonObject(with: Data(try ita.run(["review", "--json"]).stdout.utf8)) as? [String: Any])
        #expect(review["week_ago"] is NSNull)
    }
}
