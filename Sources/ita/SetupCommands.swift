import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init",
        abstract: "Create a database from a framework file and a committee file.",
        discussion: "Both files are YAML; see README.md for their fields and sample-data/ for examples.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Framework file, e.g. sample-data/frameworks/fy2566.yaml.", valueName: "file")) var framework: String
    @Option(help: ArgumentHelp("Committee file, e.g. sample-data/committee-demo.yaml.", valueName: "file")) var committee: String

    func run() throws {
        try Context.run(global) { ctx in
            let store = try createDatabase(ctx, at: ctx.databasePath, frameworkFile: framework, committeeFile: committee)
            let board = try store.board(today: ctx.today)
            ctx.print([ctx.strings.created(store.path, board.members.count, board.progress.whole.total)])
            // A committee working to another year's framework: allowed (the demo does), but said.
            if board.assessment.fiscalYear != board.framework.fiscalYear {
                Output.error(ctx.language == .th
                    ? "⚠ ปีงบประมาณของคณะทำงาน (\(board.assessment.fiscalYear)) ไม่ตรงกับเกณฑ์ \(board.framework.id) (\(board.framework.fiscalYear))"
                    : "⚠ the committee's fiscal year (\(board.assessment.fiscalYear)) is not its framework \(board.framework.id)'s (\(board.framework.fiscalYear))")
            }
        }
    }
}

/// Reads and checks both files completely before anything is written.
/// `editCommittee` may change the committee file's text first (the demo puts the user in it).
func createDatabase(_ ctx: Context, at path: String, frameworkFile: String, committeeFile: String,
                    editCommittee: (String) -> String = { $0 }) throws -> Store {
    let framework = try FrameworkFile.parse(try ctx.readFile(frameworkFile), file: frameworkFile)
    let plan = try CommitteePlan.parse(editCommittee(try ctx.readFile(committeeFile)), file: committeeFile, framework: framework, today: ctx.today,
                                       utcOffsetSeconds: ctx.now.utcOffsetSeconds, include: ctx.includer(besides: committeeFile))
    return try Store.create(at: path, framework: framework, plan: plan, now: ctx.now, by: ctx.login)
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo",
        abstract: "Create (or reuse) a demo database from sample-data in your cache directory and open the dashboard on it.",
        discussion: "The demo is remade when it was created on an earlier day, so its deadlines stay current.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Remake the demo database even if it is from today.") var fresh = false
    @OptionGroup var display: DisplayOptions

    func run() throws {
        try Context.run(global) { ctx in
            let path = global.db ?? Context.cacheHome + "/ita/demo.sqlite"
            var store: Store?
            if !fresh, FileManager.default.fileExists(atPath: path), let existing = try? Store.open(at: path),
               (try? existing.createdOn()) == ctx.today {
                store = existing
            }
            if store == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                let data = try SampleData.directory()
                store = try createDatabase(ctx, at: path, frameworkFile: data + "/frameworks/fy2566.yaml",
                                           committeeFile: data + "/committee-demo.yaml", editCommittee: Self.seatAsSecretary(ctx.login))
                var note = ctx.strings.demoCreated(path)
                if let secretary = try store?.member(login: ctx.login), secretary.role == .secretary {
                    note += "\n" + ctx.strings.demoIdentity(secretary.name)
                }
                Output.error(note)
            }
            // In a terminal the demo opens the dashboard; piped, it prints the status report.
            if isatty(0) == 1, isatty(1) == 1 {
                let code = try Dashboard.open(ctx, store: store!, display: display)
                if code != 0 { throw ExitCode(code) }
            } else {
                ctx.print(TextReports.status(try store!.board(today: ctx.today), strings: ctx.strings))
            }
        }
    }
}

extension Demo {
    static let demoSecretary = "thanakorn"

    /// So that every feature can be tried (meeting mode records only for the chair and the secretary),
    /// the person running the demo takes the fictional secretary's seat: the secretary's login becomes
    /// theirs, unless they already are a member or their login is not a valid one.
    static func seatAsSecretary(_ login: String) -> (String) -> String {
        { text in
            let valid = !login.isEmpty && login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            guard valid, !text.contains("login: \(login),") else { return text }
            return text.replacingOccurrences(of: ": \(demoSecretary)", with: ": \(login)")
        }
    }
}

/// Where the sample data is: $ITA_SAMPLE_DATA, beside an installed binary (../share/ita/sample-data),
/// or in the source tree this binary was built from.
enum SampleData {
    static func directory() throws -> String {
        var candidates: [String] = []
        if let env = Context.environment["ITA_SAMPLE_DATA"] { candidates.append(env) }
        candidates += InstalledData.candidates(named: "sample-data")
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/committee-demo.yaml") {
            return candidate
        }
        throw CLIError("sample-data not found (looked in: \(candidates.joined(separator: ", "))); set ITA_SAMPLE_DATA")
    }
}
