import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

/// `ita rollup FILE…`: every office's projected score and grade, the share projected to pass against
/// the national target, the offices at risk, the O-items that fail most often and the indicator
/// means against last year, for a province or ministry that follows many offices' own SQLite files.
struct RollupOffices: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollup",
        abstract: "Many offices at once: projected scores and grades, the share passing against the national target, offices at risk.",
        discussion: """
            Give each office's SQLite file (`ita rollup offices/*.sqlite`); each is opened read-only and nothing is written \
            (without files, the one database --db names). An \
            office's code is its file's name without .sqlite. With --db naming a PostgreSQL server instead, every office the \
            login may read there (a province's or ministry's viewer: `ita admin add-viewer`), in a few statements over all of them. An office is at risk when its projected total is below the pass mark, \
            OIT items are open within \(OfficeStanding.milestoneWindow) days of its OIT milestone (or after it), work is overdue, \
            nothing changed for \(OfficeStanding.quietDays) days, or survey respondents are below quota. The national target is \
            80% of agencies projected at 85 or more.

            --csv writes a Score-Final-shaped sheet (one row per office: IIT, EIT, OIT, total, grade, passes, and the risks) for \
            Excel; --json the whole roll-up (docs/schema/rollup.v1.schema.json). A file that cannot be read is one line on stderr; \
            the others are still rolled up, and the exit status is 1.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The offices' SQLite files (default: the database --db names, alone).", valueName: "file"),
              completion: .file(extensions: ["sqlite"]))
    var files: [String] = []
    @Flag(help: "Print JSON (docs/schema/rollup.v1.schema.json).") var json = false
    @Flag(help: "Print a Score-Final-shaped CSV sheet (UTF-8 with BOM, for Excel).") var csv = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (whole or not at all).", valueName: "file"))
    var output: String?
    @Flag(help: "Full screen: the offices in a list, the selected one's risks below; read again when a file changes.") var board = false
    @Option(help: ArgumentHelp("Theme name or .theme file (with --board).", valueName: "name"), completion: Completions.themes) var theme: String?
    @Flag(help: "Do not ask the terminal for mouse reports (with --board).") var noMouse = false

    func validate() throws {
        if [json, csv, board].filter({ $0 }).count > 1 { throw ValidationError("--json, --csv and --board: choose one") }
    }

    func run() throws {
        try Context.run(global) { ctx in
            let offices: any RollupSource = files.isEmpty && ServerAddress.isServer(ctx.databasePath)
                ? ServerOffices(ctx.databasePath, ctx: ctx)
                : OfficeFiles(files.isEmpty ? [ctx.databasePath] : files, thai: ctx.language == .th)
            offices.look(today: ctx.today)
            if board {
                let state = RollupState(rollup: offices.rollup, language: ctx.language, size: Size(width: 80, height: 24), today: ctx.today,
                                        problems: offices.problems)
                let code = try FullScreen.run(ctx: ctx, theme: theme, mouse: !noMouse) { _ in
                    Running(state, failure: { .failed([$0]) }, describe: { Dashboard.describe($0, ctx) }, perform: { effect in
                        switch effect {
                        case .quit: return .close
                        case .checkForChanges(let today):
                            guard offices.look(today: today) else { return .none }
                            return .messages([.loaded(offices.rollup), .failed(offices.problems)])
                        }
                    })
                }
                if code != 0 { throw ExitCode(code) }
                return
            }
            for problem in offices.problems { Output.error(problem) }
            let rollup = offices.rollup
            let data: Data
            if csv { data = try TaskSheet.csv(RollupText.sheet(rollup, language: ctx.language).map { $0.map(\.sanitizedKeepingLines) }) }
            else if json { data = Data((TerminalSafety.escapingJSON(JSONDocuments.rollup(rollup).text) + "\n").utf8) }
            else { data = Data(RollupText.lines(rollup, language: ctx.language, width: Tasks.terminalWidth).map { $0.sanitizedForTerminal + "\n" }.joined().utf8) }
            if let output { try Output.write(data, to: output) } else if !rollup.offices.isEmpty || json || csv { FileHandle.standardOutput.write(data) }
            // Thousands of standings are left for the process's exit: freeing them one by one took a tenth of the run.
            _ = Unmanaged.passRetained(offices as AnyObject)
            if !offices.problems.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Where the roll-up's offices come from: files, or the offices a login may read on a server.
protocol RollupSource: AnyObject {
    var rollup: ITACore.Rollup { get }
    /// One line per office (or server) that could not be read at the last look.
    var problems: [String] { get }
    /// Reads what changed; true when anything did (or a problem appeared or went away).
    @discardableResult
    func look(today: CivilDate) -> Bool
}

/// Every office the login may read on a server (`ita rollup --db postgresql://…` as a province's or
/// ministry's viewer), read again when any of them changes or the day does.
final class ServerOffices: RollupSource {
    private let conninfo: String
    private let ctx: Context
    private var server: ServerRollup?
    private var token: Int?
    private var day: CivilDate?
    private var standings: [OfficeStanding] = []
    private(set) var problems: [String] = []

    init(_ conninfo: String, ctx: Context) {
        self.conninfo = conninfo
        self.ctx = ctx
    }

    var rollup: ITACore.Rollup { ITACore.Rollup(offices: standings) }

    func look(today: CivilDate) -> Bool {
        do {
            let server = try self.server ?? ServerRollup.open(conninfo, utcOffsetSeconds: ctx.now.utcOffsetSeconds)
            self.server = server
            let current = try server.changeToken()
            guard current != token || today != day || !problems.isEmpty else { return false }
            standings = try server.standings(today: today)
            token = current
            day = today
            problems = []
            return true
        } catch {
            server = nil
            token = nil
            problems = [(error as? StoreError).map { Context.message(for: $0, ctx.strings) } ?? "\(error)"]
            return true
        }
    }
}

/// The offices' files, each opened read-only once; `look` reads again only the ones that changed
/// since the last look (all of them on a new day) and notes, one line each, the ones it cannot read.
final class OfficeFiles: RollupSource {
    private struct Office {
        var file: String
        var store: Store?
        var token: Int?
        var standing: OfficeStanding?
    }

    private var offices: [String: Office] = [:]
    private let order: [String]
    private var day: CivilDate?
    private(set) var problems: [String] = []
    private let thai: Bool
    /// Problems with the list itself (two files with one code): said on every look.
    private var fixed: [String] = []

    init(_ files: [String], thai: Bool) {
        self.thai = thai
        var order: [String] = []
        for file in files {
            let code = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            if let other = offices[code] {
                fixed.append("\(file): " + (thai ? "รหัสหน่วยงาน \(code) ซ้ำกับ \(other.file) (ชื่อไฟล์ซ้ำกัน)" : "office code \(code) is also \(other.file)'s (same file name)"))
                continue
            }
            offices[code] = Office(file: file)
            order.append(code)
        }
        self.order = order
    }

    var rollup: ITACore.Rollup { ITACore.Rollup(offices: order.compactMap { offices[$0]?.standing }) }

    /// Reads what changed; true when anything did (or a problem appeared or went away).
    @discardableResult
    func look(today: CivilDate) -> Bool {
        let newDay = day != today
        day = today
        // Each file on its own thread from the pool (a store is one connection; the files share nothing).
        var results = [(office: Office, changed: Bool, problem: String?)?](repeating: nil, count: order.count)
        let lock = NSLock()
        let snapshot = offices, order = self.order, thai = self.thai
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: order.count) { index in
                guard let office = snapshot[order[index]] else { return }
                let result = Self.look(at: office, code: order[index], today: today, newDay: newDay, thai: thai)
                lock.lock(); slots[index] = result; lock.unlock()
            }
        }
        var changed = false, found = fixed
        for (code, result) in zip(order, results) {
            guard let result else { continue }
            offices[code] = result.office
            changed = changed || result.changed
            if let problem = result.problem { found.append(problem) }
        }
        if found != problems { changed = true }
        problems = found
        return changed
    }

    private static func look(at office: Office, code: String, today: CivilDate, newDay: Bool, thai: Bool) -> (office: Office, changed: Bool, problem: String?) {
        var office = office, changed = false
        do {
            if office.store == nil {
                guard FileManager.default.fileExists(atPath: office.file) else {
                    throw CLIError("\(office.file): " + (thai ? "ไม่มีไฟล์นี้" : "no such file"))
                }
                office.store = try Store.open(at: office.file, memoryMapped: false, readOnly: true)
            }
            let store = office.store!
            let token = try store.changeToken()
            if newDay || token != office.token || office.standing == nil {
                office.standing = OfficeStanding(code: code, board: try store.board(today: today), lastChange: try store.log(limit: 1).last?.at)
                office.token = token
                changed = true
            }
        } catch {
            if office.standing != nil { changed = true }
            office.store = nil
            office.standing = nil
            return (office, changed, (error as? CLIError)?.message ?? "\(office.file): \(error)")
        }
        return (office, changed, nil)
    }
}

extension JSONDocuments {
    static func rollup(_ r: ITACore.Rollup) -> JSONValue {
        func risk(_ risk: OfficeStanding.Risk) -> JSONValue {
            switch risk {
            case .belowPassMark(let p, let mark): return .object(["kind": .string("below_pass_mark"), "projected": .double(p), "pass_mark": .double(mark)])
            case .oitOpenNearMilestone(let open, let days): return .object(["kind": .string("oit_open_near_milestone"), "open_items": .int(open), "days": .int(days)])
            case .overdue(let n): return .object(["kind": .string("overdue"), "tasks": .int(n)])
            case .quiet(let days): return .object(["kind": .string("quiet"), "days": .of(days)])
            case .respondentsBelowQuota(let tool, let count, let quota):
                return .object(["kind": .string("respondents_below_quota"), "tool": .string(tool), "count": .int(count), "quota": .int(quota)])
            }
        }
        let offices = JSONValue.array(r.offices.map { o in
            JSONValue.object([
                "code": .string(o.code), "name": .string(o.name), "fiscal_year": .int(o.fiscalYear), "framework": .string(o.frameworkID),
                "projected": .double(o.projected), "grade": .of(o.grade), "passes": .bool(o.passes),
                "tools": .object(Dictionary(uniqueKeysWithValues: o.toolScores.map { ($0.key, JSONValue.double($0.value)) })),
                "estimated_tools": .strings(o.estimatedTools.sorted()), "open_tasks": .int(o.openTasks), "overdue_tasks": .int(o.overdueTasks),
                "failing_items": .strings(o.failingItems.map(\.code)), "oit_milestone": .of(o.oitMilestone?.due),
                "last_change": .of(o.lastChange), "risks": .array(o.risks.map(risk)),
            ])
        })
        return .object([
            "offices": offices, "passing": .int(r.passing), "passing_share": .double(r.passingShare),
            "national_target": .double(ITACore.Rollup.nationalTarget), "meets_national_target": .bool(r.meetsNationalTarget),
            "mean_projected": .of(r.meanProjected), "at_risk": .strings(r.atRisk.map(\.code)),
            "most_failed_items": .array(r.mostFailedItems(limit: .max).map {
                .object(["code": .string($0.code), "title": .string($0.title), "failing": .int($0.failing), "offices": .int($0.offices)])
            }),
            "indicators": .array(r.indicatorMeans.map {
                .object(["number": .int($0.number), "name_th": .string($0.nameTH), "name_en": .string($0.nameEN), "projected": .of($0.projected),
                         "last_year": .of($0.lastYear), "change": .of($0.change), "offices": .int($0.offices)])
            }),
        ])
    }
}
