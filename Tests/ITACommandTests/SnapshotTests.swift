import Foundation
import ITACore
import Testing

/// `ita snapshot`: the dashboard's screens as text, from the real binary on the demo committee.
@Suite struct SnapshotTests {
    @Test(arguments: ["overview", "tree", "mine", "all"])
    func screensAt80x24And120x40InThaiAndEnglish(screen: String) throws {
        let ita = ITARunner()
        try ita.initialise()
        for (width, height) in [(80, 24), (120, 40)] {
            for lang in ["th", "en"] {
                let result = try ita.run(["snapshot", "--screen", screen, "--width", "\(width)", "--height", "\(height)",
                                          "--lang", lang, "--as", "kittipat"])
                #expect(result.status == 0, "\(result.stderr)")
                let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == height)
                #expect(lines.allSatisfy { String($0).displayWidth <= width })
                try expectGolden(result.stdout, "snapshot-\(screen)-\(width)x\(height)-\(lang).txt")
            }
        }
    }

    @Test func helpFilterAndOpenedRow() throws {
        let ita = ITARunner()
        try ita.initialise()
        try expectGolden(try ita.run(["snapshot", "--screen", "help"]).stdout, "snapshot-help-80x24-th.txt")
        let filtered = try ita.run(["snapshot", "--screen", "all", "--filter", "@kittipat overdue"]).stdout
        let rows = filtered.split(separator: "\n").filter { $0.contains(" #") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("นายกิตติพัฒน์") && $0.contains("เกิน") })
        let opened = try ita.run(["snapshot", "--screen", "tree", "--open", "O8"]).stdout
        #expect(opened.contains("งานของ O8"))
        #expect(opened.split(separator: "\n").filter { $0.contains(" #") }.allSatisfy { $0.contains("O8") })
        let bad = try ita.run(["snapshot", "--screen", "tree", "--open", "O99"])
        #expect(bad.status == 1 && bad.stderr.contains("O99"))
        let badScreen = try ita.run(["snapshot", "--screen", "nope"])
        #expect(badScreen.status != 0 && badScreen.stderr.contains("nope"))
    }

    @Test func configFileSetsLanguageAndDatabaseAndBrokenOnesNameTheLine() throws {
        let ita = ITARunner()
        try ita.initialise()
        let dir = ita.directory + "/config/ita"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let env = ["XDG_CONFIG_HOME": ita.directory + "/config"]
        try "# mine\nlang = en\ndb = \(ita.database)\ntheme = light\n".write(toFile: dir + "/config", atomically: true, encoding: .utf8)
        let english = try ita.run(["snapshot"], withDatabase: false, environment: env)
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stdout.contains("Projected score"))
        // --lang still wins over the file.
        #expect(try ita.run(["snapshot", "--lang", "th"], withDatabase: false, environment: env).stdout.contains("คะแนนคาดการณ์"))

        try "lang = en\ncolour = yes\n".write(toFile: dir + "/config", atomically: true, encoding: .utf8)
        let broken = try ita.run(["status"], environment: env)
        #expect(broken.status == 1)
        #expect(broken.stderr == "ita: ผิดพลาด: \(dir)/config:2: key 'colour': ไม่รู้จักชื่อนี้\n")
        try "lang = fr\n".write(toFile: dir + "/config", atomically: true, encoding: .utf8)
        #expect(try ita.run(["status"], environment: env).stderr.contains("config:1: key 'lang': use th or en"))
    }

    @Test func aBrokenThemeIsNamedAndTheDefaultUsed() throws {
        let ita = ITARunner()
        try ita.initialise()
        let theme = ita.directory + "/broken.theme"
        try "name = broken\nselected = fg:black bg:chartreuse\n".write(toFile: theme, atomically: true, encoding: .utf8)
        // No terminal here, so the dashboard stops with exit 2, after saying what is wrong with the theme.
        let result = try ita.run(["board", "--theme", theme])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(theme):2: key 'selected': unknown colour 'chartreuse'"))
        #expect(result.stderr.contains("default theme"))
        let missing = try ita.run(["board", "--theme", "sparkly"])
        #expect(missing.stderr.contains("theme 'sparkly' not found"))
    }
}
