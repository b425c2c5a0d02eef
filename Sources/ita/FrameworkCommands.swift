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

/// The lines of `ita framework diff`: `+ O25 …`, `− O40 …`, `~ O12 title: … → …`, `→ O7 9.1 → 9.2`.
enum FrameworkDiffText {
    static func lines(_ old: Framework, _ new: Framework, thai: Bool) -> [String] {
        func place(_ f: Framework) -> [String: (sub: String, title: String)] {
            var out: [String: (String, String)] = [:]
            for indicator in f.indicators { for sub in indicator.subIndicators { for item in sub.items { out[item.code] = (sub.code, item.titleTH) } } }
            return out
        }
        let a = place(old), b = place(new)
        let order = { (codes: [String]) in codes.sorted { TaskTarget.item($0) < TaskTarget.item($1) } }
        var lines = [thai ? "\(old.id) → \(new.id): ข้อ \(a.count) → \(b.count)" : "\(old.id) → \(new.id): \(a.count) → \(b.count) items"]
        for code in order(Array(Set(b.keys).subtracting(a.keys))) { lines.append("+ \(code) \(b[code]!.title.sanitizedForTerminal) (\(b[code]!.sub))") }
        for code in order(Array(Set(a.keys).subtracting(b.keys))) { lines.append("− \(code) \(a[code]!.title.sanitizedForTerminal) (\(a[code]!.sub))") }
        for code in order(Array(Set(a.keys).intersection(b.keys))) {
            let was = a[code]!, now = b[code]!
            if was.title != now.title {
                lines.append("~ \(code) \(thai ? "ชื่อ" : "title"): \(was.title.sanitizedForTerminal) → \(now.title.sanitizedForTerminal)")
            }
            if was.sub != now.sub { lines.append("→ \(code) \(was.sub) → \(now.sub)") }
        }
        for tool in new.tools {
            if let before = old.tool(tool.code) {
                if abs(before.weight - tool.weight) > 1e-9 {
                    lines.append("~ \(tool.code) \(thai ? "น้ำหนัก" : "weight"): \(Number.twoDecimals(before.weight)) → \(Number.twoDecimals(tool.weight))")
                }
            } else {
                lines.append("+ \(thai ? "เครื่องมือ" : "tool") \(tool.code)")
            }
        }
        for tool in old.tools where new.tool(tool.code) == nil { lines.append("− \(thai ? "เครื่องมือ" : "tool") \(tool.code)") }
        let grades = { (f: Framework) in f.grading.rules.map { r in "\(r.grade) ≥ \(Number.plain(r.minTotal))" + (r.minEachTool.map { " (\(thai ? "ทุกเครื่องมือ" : "each tool") ≥ \(Number.plain($0)))" } ?? "") } }
        if grades(old) != grades(new) {
            lines.append("~ \(thai ? "ระดับ" : "grades"): " + grades(old).joined(separator: ", ") + " → " + grades(new).joined(separator: ", "))
        }
        if lines.count == 1 { lines.append(thai ? "ไม่มีความต่าง" : "no differences") }
        return lines
    }
}
