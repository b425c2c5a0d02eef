import Foundation
import Testing

/// The manual page, written from the argument parser by scripts/man-page.py and rendered by groff
/// (what `man` uses): every command has its section, the Thai in the help survives, groff has
/// nothing to warn about.
@Suite struct ManPageTests {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try Subprocess.run(executable, arguments, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        return (result.status, result.out, result.err)
    }

    @Test func everyCommandIsInTheManualWithItsThaiHelp() throws {
        let ita = ITARunner()
        let page = ita.directory + "/ita.1"
        let script = ITARunner.repository.appendingPathComponent("scripts/man-page.py").path
        let made = try Subprocess.run("/usr/bin/env", ["python3", script, ITARunner.binary, page])
        #expect(made.status == 0, "\(made.err)")
        let rendered = try Self.run("/usr/bin/groff", ["-k", "-man", "-Tutf8", "-ww", page])
        #expect(rendered.status == 0 && rendered.err.isEmpty, "groff: \(rendered.err)")
        // Bold is overstrike in groff's tty output: take it out to read the text.
        // Justified text has runs of spaces and line breaks: one space each, to read it as words.
        let text = rendered.out.replacingOccurrences(of: #".\x08"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        let help = try ita.run(["help"], withDatabase: false, fixedDay: false).stdout
        let list = help.components(separatedBy: "SUBCOMMANDS:").last!.components(separatedBy: "\n\n").first!
        let commands = list.split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.compactMap { $0.split(separator: " ").first.map { String($0).trimmingCharacters(in: .punctuationCharacters) } }
        #expect(commands.count > 30)
        for command in commands where command != "help" {
            #expect(text.contains("ita \(command)"), "no section for ita \(command)")
        }
        #expect(text.contains("ita import tasks") && text.contains("ita export ics") && text.contains("ita report progress"))
        #expect(text.contains("ตัวชี้วัด/ข้อ (target)"), "the Thai of the import help is kept")
        #expect(text.contains("old → new") && text.contains("ITA Board — follow up"))
    }
}
