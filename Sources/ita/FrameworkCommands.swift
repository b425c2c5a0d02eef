import ArgumentParser
import ITACore
import ITAStore
import ITAUI

struct FrameworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "framework", abstract: "Check a framework file, or compare two.",
                                                    subcommands: [FrameworkCheck.self, FrameworkDiff.self])

    struct FrameworkCheck: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check",
            abstract: "Check a framework file: every problem at once (file:line: field: problem), exit 1 if any.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The framework file.") var file: String

        func run() throws {
            try Context.run(global) { ctx in
                let f = try FrameworkFile.parse(try ctx.readFile(file), file: file)
                let th = ctx.language == .th
                let summary = th
                    ? "✓ \(file): เกณฑ์ \(f.id) ปีงบประมาณ \(f.fiscalYear) · เครื่องมือ \(f.tools.count) · ตัวชี้วัด \(f.indicators.count) · ข้อ \(f.items.count) · ระดับ \(f.grading.rules.count)"
                    : "✓ \(file): framework \(f.id), FY\(f.fiscalYear) · \(f.tools.count) tools · \(f.indicators.count) indicators · \(f.items.count) items · \(f.grading.rules.count) grades"
                ctx.print([summary] + f.notes.map { "  · " + $0.sanitizedForTerminal })
            }
        }
    }

    struct FrameworkDiff: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "diff",
            abstract: "What changed from framework A to framework B: items added, removed, renamed and moved; tools and grades.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The earlier framework file.") var a: String
        @Argument(help: "The later framework file.") var b: String

        func run() throws {
            try Context.run(global) { ctx in
                let old = try FrameworkFile.parse(try ctx.readFile(a), file: a)
                let new = try FrameworkFile.parse(try ctx.readFile(b), file: b)
                ctx.print(FrameworkDiffText.lines(old, new, thai: ctx.language == .th))
            }
        }
    }
}
