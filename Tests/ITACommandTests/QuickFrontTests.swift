import Foundation
import Testing

/// `ita status` and `ita tasks` in their plain forms skip the argument parser (QuickFront). Whatever
/// the arguments, the result must be the argument parser's: the same output, errors and exit status.
@Suite struct QuickFrontTests {
    static let taken: [[String]] = [
        ["status"], ["status", "--json"], ["status", "--lang", "en"], ["status", "--lang=en", "--read-only"],
        ["tasks"], ["tasks", "--overdue"], ["tasks", "--overdue", "--lang", "en"], ["tasks", "--all", "--json"],
        ["tasks", "--owner", "kittipat", "--all"], ["tasks", "--indicator", "9"], ["tasks", "--item=O12", "--all"],
        ["tasks", "--status", "blocked"], ["tasks", "--due-within", "30"], ["tasks", "--archived"],
        // Its errors come from the commands themselves, not from parsing.
        ["tasks", "--owner", "nobody"], ["tasks", "--item", "O99"], ["tasks", "--indicator", "42"],
    ]

    /// What the quick front leaves to the argument parser.
    static let declined: [[String]] = [
        ["status", "--help"], ["tasks", "-h"], ["status", "--jsn"], ["tasks", "--overdue", "--overdue"],
        ["tasks", "--indicator", "x"], ["tasks", "--status", "finished"], ["tasks", "--indicator", "1", "--item", "O1"],
        ["tasks", "--due-within", "99999"], ["status", "--lang", "fr"], ["tasks", "--owner"], ["status", "--json=yes"],
        ["tasks", "--item", "--all"], ["status", "extra"], ["tasks", "--", "--all"], ["status", "--db="],
    ]

    @Test(arguments: taken + declined)
    func bothFrontsAgree(_ arguments: [String]) throws {
        let ita = try Self.committee()
        let quick = try ita.run(arguments, environment: ["ITA_QUICK": "show", "COLUMNS": "100"])
        let parser = try ita.run(arguments, environment: ["ITA_QUICK": "0", "COLUMNS": "100"])
        let tookQuick = quick.stderr.hasPrefix("quick: ")
        #expect(tookQuick == Self.taken.contains(arguments), "\(arguments): \(quick.stderr)")
        let quickErrors = tookQuick ? String(quick.stderr.drop { $0 != "\n" }.dropFirst()) : quick.stderr
        #expect(quick.status == parser.status, "\(arguments)")
        #expect(quick.stdout == parser.stdout, "\(arguments)")
        #expect(quickErrors == parser.stderr, "\(arguments)")
    }

    @Test func globalOptionsBeforeTheCommandAreReadToo() throws {
        let ita = try Self.committee()
        let result = try ITARunner.spawn(["--db", ita.database, "--lang", "en", "tasks", "--overdue", "--today", ita.today],
                                         directory: ita.directory, environment: ["ITA_QUICK": "show"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("quick: tasks"))
        #expect(result.stderr.contains("lang: Optional(ITAUI.Language.en)"))
        #expect(result.stdout.hasPrefix("ID  Status"))
    }

    /// One committee for the whole suite would be faster, but each test owns its directory.
    static func committee() throws -> ITARunner {
        let ita = ITARunner()
        try ita.initialise()
        return ita
    }
}
