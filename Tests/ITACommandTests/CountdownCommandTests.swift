import Foundation
import ITACore
import Testing

/// `ita remind`, the countdown screen and present mode, from the real binary on the demo committee
/// created on Wed 18 Nov 2026. Its OIT milestones fall on Sat 2 Jan 2027 (after the 31 Dec and
/// 1 Jan holidays) and Sun 17 Jan 2027, so several steps move to the working day before.
@Suite struct CountdownCommandTests {
    /// One day per case: which steps land, and why.
    static let days: [(date: String, why: String)] = [
        ("2026-12-18", "OIT publish −14 falls on Sat 19 Dec: sent Fri 18"),
        ("2026-12-19", "a Saturday: nothing"),
        ("2026-12-25", "OIT publish −7 falls on Sat 26 Dec: sent Fri 25"),
        ("2026-12-30", "OIT publish −3, −1 and −0 (Wed 30; Thu 31 and Fri 1 are holidays, Sat 2 a weekend) and OIT submit −14 (Sun 3 Jan)"),
        ("2027-01-14", "OIT submit −3 on a working day"),
        ("2027-01-15", "OIT submit −1 (Sat 16) and −0 (Sun 17): sent Fri 15"),
        ("2027-01-25", "survey window −7 on a working day, with respondents short"),
    ]

    @Test func remindersForOneOwnerOnEachStep() throws {
        let ita = ITARunner()
        try ita.initialise()
        var out = ""
        for day in Self.days {
            let result = try ita.run(["remind", "--date", day.date, "--owner", "waraporn"])
            #expect(result.status == 0, "\(result.stderr)")
            out += "## \(day.date): \(day.why)\n\(result.stdout)\(result.stderr)\n"
        }
        try expectGolden(out, "remind-waraporn-th.txt")
    }

    @Test func aWholeDayPerOwnerPerGroupAndInJSON() throws {
        let ita = ITARunner()
        try ita.initialise()
        try expectGolden(try ita.run(["remind", "--date", "2026-12-30"]).stdout, "remind-2026-12-30-th.txt")
        try expectGolden(try ita.run(["remind", "--date", "2569-12-30", "--per", "group", "--lang", "en"]).stdout,
                         "remind-2026-12-30-groups-en.txt")
        let json = try ita.run(["remind", "--date", "2027-01-25", "--group", "กลุ่มนโยบายและแผน", "--format", "json"])
        try expectGolden(json.stdout, "remind-2027-01-25-group.json")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(parsed.count == 1)
        #expect((parsed[0]["recipient"] as? [String: Any])?["kind"] as? String == "group")
    }

    @Test func aDayWithNoStepPrintsNothingAndBadInputIsNamed() throws {
        let ita = ITARunner()
        try ita.initialise()
        let weekend = try ita.run(["remind", "--date", "2026-12-19"])
        #expect(weekend.status == 0 && weekend.stdout.isEmpty)
        #expect(weekend.stderr.contains("19 ธ.ค. 2569"))
        #expect(try ita.run(["remind", "--date", "2026-12-19", "--format", "json"]).stdout == "[\n\n]\n")
        let owner = try ita.run(["remind", "--owner", "nobody"])
        #expect(owner.status == 1 && owner.stderr.contains("nobody"))
        let group = try ita.run(["remind", "--group", "กลุ่มไม่มีจริง"])
        #expect(group.status == 1 && group.stderr.contains("กลุ่มไม่มีจริง") && group.stderr.contains("กลุ่มนโยบายและแผน"))
        // 29 Feb 2567 BE is 29 Feb 2024, a leap day.
        let leap = try ita.run(["remind", "--date", "2567-02-29"])
        #expect(leap.status == 0 && leap.stderr.contains("29 ก.พ. 2567"), "\(leap.stderr)")
        let date = try ita.run(["remind", "--date", "30.12.2569"])
        #expect(date.status == 1 && date.stderr.contains("30.12.2569") && date.stderr.contains("D/M/YYYY"))
    }

    @Test func stickersInThaiAtSeveralSizes() throws {
        let ita = ITARunner()
        try ita.initialise()
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let result = try ita.run(["snapshot", "--screen", "countdown", "--width", "\(width)", "--height", "\(height)", "--as", "kittipat"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().allSatisfy { String($0).displayWidth <= width })
            try expectGolden(result.stdout, "snapshot-countdown-\(width)x\(height)-th.txt")
        }
        for (width, height) in [(60, 20), (120, 40), (300, 80)] {
            let result = try ita.run(["snapshot", "--present", "2", "--width", "\(width)", "--height", "\(height)"])
            #expect(result.status == 0, "\(result.stderr)")
            try expectGolden(result.stdout, "present-countdown-\(width)x\(height)-th.txt")
        }
        try expectGolden(try ita.run(["snapshot", "--present", "1", "--width", "120", "--height", "40"]).stdout, "present-overview-120x40-th.txt")
        let pages = try ita.run(["snapshot", "--present", "99"])
        #expect(pages.status == 1 && pages.stderr.contains("99"))
    }
}
