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
                store = try createDatabase(ctx, at: path, frameworkFile: data + "/frameworks/fy2570.yaml",
                                           committeeFile: data + "/committee-demo.yaml", editCommittee: Self.seatAsSecretary(ctx.login))
                try DemoHistory.record(in: store!, ctx: ctx)
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
            guard Member.isValidLogin(login), !text.contains("login: \(login),") else { return text }
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

struct RolloverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollover",
        abstract: "Make next year's database from this one, on next year's framework; this database is not changed.",
        discussion: """
            Members carry over; owners go through an item map (--map, e.g. sample-data/maps/fy2566-fy2568.yaml; without one, \
            items with the same code and title); yearly work (recurs: yearly) comes back a year on; milestones move a year on, \
            flagged until checked against NACC's calendar; last_year comes from the recorded official results, else the final \
            projection. New items nothing maps to are listed for the chair to assign.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Next year's framework file.", valueName: "file")) var framework: String
    @Option(help: ArgumentHelp("Item map: old code → new code (sample-data/maps/).", valueName: "file")) var map: String?
    @Option(help: ArgumentHelp("Where to write next year's database (must not exist).", valueName: "path")) var to: String

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openStore()
            let author = try ctx.author(in: store)
            if let denial = Permissions.check(.assessment, actor: author.member, login: author.login) { throw CLIError(ctx.strings.denied(denial)) }
            let old = try store.framework()
            let new = try FrameworkFile.parse(try ctx.readFile(framework), file: framework)
            let itemMap = try map.map { try Rollover.ItemMap.parse(try ctx.readFile($0), file: $0, old: old, new: new) } ?? .identity(old, new)
            let next = try store.rollover(to: new, map: itemMap, today: ctx.today)
            let created = try Store.create(at: to, framework: new, plan: next.plan, now: ctx.now, by: ctx.login)
            let th = ctx.language == .th
            let official = next.lastYearSources.values.filter { $0 == .official }.count
            var lines = [th ? "✓ สร้าง \(created.path): ปีงบประมาณ \(next.plan.assessment.fiscalYear) เกณฑ์ \(new.id) · สมาชิก \(next.plan.members.count) คน · งานประจำปี \(next.carriedTasks) งาน · หมุดหมาย \(next.plan.assessment.milestones.count) (เลื่อนหนึ่งปี ตรวจสอบกับปฏิทิน ป.ป.ช.)"
                            : "✓ made \(created.path): FY\(next.plan.assessment.fiscalYear) on \(new.id) · \(next.plan.members.count) members · \(next.carriedTasks) yearly tasks · \(next.plan.assessment.milestones.count) milestones (a year on; check against NACC's calendar)",
                         th ? "  ผลปีที่แล้ว: จากผลประกาศ \(official) ตัวชี้วัด · จากคาดการณ์/ประมาณการ \(next.lastYearSources.count - official) ตัวชี้วัด"
                            : "  last year: \(official) indicators from the announced results, \(next.lastYearSources.count - official) from the projection or estimates"]
            if !next.unplacedItems.isEmpty {
                lines.append(th ? "  ⚠ ข้อใหม่ที่ไม่มีข้อเดิมตรงกัน (ใช้ผู้รับผิดชอบตัวชี้วัดไปก่อน ให้ประธานมอบหมาย: ita assign): \(next.unplacedItems.joined(separator: " "))"
                                : "  ⚠ new items nothing maps to (their indicator's owner for now; assign them: ita assign): \(next.unplacedItems.joined(separator: " "))")
            }
            if !next.droppedTasks.isEmpty {
                lines.append(th ? "  ⚠ งานประจำปีที่ไม่มีข้อรองรับในเกณฑ์ใหม่ (ไม่ได้ยกไป): \(next.droppedTasks.map { "#\($0)" }.joined(separator: " "))"
                                : "  ⚠ yearly tasks whose item has no successor (not carried): \(next.droppedTasks.map { "#\($0)" }.joined(separator: " "))")
            }
            if !next.targetGradeKept {
                lines.append(th ? "  ⚠ ไม่มีระดับเป้าหมายเดิมในเกณฑ์ใหม่: ตั้งเป็น \(next.plan.assessment.targetGrade) (ita target)" : "  ⚠ the target grade is not in the new framework: set to \(next.plan.assessment.targetGrade) (ita target)")
            }
            lines.append(th ? "  วันหยุดไม่ได้ยกไป: เพิ่มด้วย ita holiday add หรือ include ในไฟล์คณะทำงาน" : "  holidays are not carried: add them with ita holiday add, or include a holiday file")
            ctx.print(lines)
        }
    }
}
