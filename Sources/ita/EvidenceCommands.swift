import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI

/// `ita evidence check` and `ita evidence report`: every evidence URL opened as an assessor would.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evidence",
        abstract: "Check the evidence URLs on the office's website, and report the problems by owner.",
        subcommands: [Check.self, Report.self])

    /// The findings of each task with evidence: (task, url, finding), worst first per task.
    static func findings(_ board: Board, tasks: [WorkTask]) -> [(task: WorkTask, url: String, findings: [EvidenceFinding])] {
        var out: [(WorkTask, String, [EvidenceFinding])] = []
        for task in tasks where !task.evidence.isEmpty && !task.isArchived {
            let item: OITItem? = { if case .item(let code) = task.target { return board.framework.item(code) }; return nil }()
            for url in task.evidence {
                let found = EvidenceFinding.of(url, check: board.evidenceChecks[url], item: item, framework: board.framework,
                                               website: board.assessment.website, today: board.today)
                if !found.isEmpty { out.append((task, url, found)) }
            }
        }
        return out
    }

    static func lines(_ found: [(task: WorkTask, url: String, findings: [EvidenceFinding])], board: Board, ctx: Context) -> [String] {
        let th = ctx.language == .th
        var lines: [String] = []
        let order = Dictionary(uniqueKeysWithValues: board.members.enumerated().map { ($1.id, $0) })
        let owners = Array(Set(found.map(\.task.ownerID))).sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
        for owner in owners {
            lines.append(board.member(owner)?.name.sanitizedForTerminal ?? "#\(owner)")
            for f in found where f.task.ownerID == owner {
                let check = board.evidenceChecks[f.url]
                var line = "  #\(f.task.id) \(f.task.target) " + f.findings.map(ctx.language.form.evidenceFinding).joined(separator: " · ")
                if let status = check?.status { line += " (HTTP \(status))" } else if let error = check?.error { line += " (\(error))" }
                lines.append(line)
                lines.append("     " + f.url.sanitizedForTerminal + (check?.finalURL.map { $0 != f.url ? " → " + $0.sanitizedForTerminal : "" } ?? ""))
            }
        }
        if lines.isEmpty { lines.append(th ? "✓ หลักฐานทุกลิงก์เปิดได้ อยู่บนเว็บไซต์หน่วยงาน และระบุปีตามที่ข้อกำหนด" : "✓ every evidence link opens, is on the office's website and names the year its item asks for") }
        if board.assessment.website.isEmpty {
            lines.append(th ? "หมายเหตุ: ยังไม่ได้ตั้งเว็บไซต์ของหน่วยงาน (ita website https://…) จึงไม่ได้ตรวจว่าอยู่นอกเว็บไซต์หรือไม่"
                            : "note: the office's website is not set (ita website https://…), so links off it are not found")
        }
        return lines
    }

    static func json(_ found: [(task: WorkTask, url: String, findings: [EvidenceFinding])], board: Board) -> JSONValue {
        func name(_ f: EvidenceFinding) -> String {
            switch f {
            case .broken: return "broken"
            case .offSite: return "off_site"
            case .wrongYear: return "wrong_year"
            case .stale: return "not_checked"
            }
        }
        return .array(found.map { f in
            let c = board.evidenceChecks[f.url]
            return .object(["task": .int(Int(f.task.id)), "target": .string(f.task.target.description), "owner": .of(board.member(f.task.ownerID)?.login),
                            "url": .string(f.url), "findings": .strings(f.findings.map(name)), "status": .of(c?.status), "final_url": .of(c?.finalURL),
                            "error": .of(c?.error), "title": .of(c?.title), "checked_at": .of(c?.checkedAt)])
        })
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check",
            abstract: "Open every evidence URL (HEAD, then GET where refused; 5 redirects; 4 at a time) and keep what each answered.",
            discussion: """
                For each URL: the HTTP status, the final address, its type, size and last-modified date, the page's title or \
                the file's name, whether it is on the office's website (`ita website`; subdomains count) and which fiscal years \
                it names. The tree, the task's details, the meeting agenda, `ita status` and `ita evidence report` then mark a task whose evidence is \
                broken (✗ ลิงก์เสีย), off the website (⚠ นอกเว็บไซต์หน่วยงาน), of the wrong year (⚠ ปี) or not checked for 7 \
                days. Exit status: 0 when every link is fine, 1 when any has a problem, so cron mails only then.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this item's tasks, e.g. O12.", valueName: "code"), completion: Completions.items) var item: String?
        @Option(help: ArgumentHelp("Only this member's tasks.", valueName: "login"), completion: Completions.logins) var owner: String?
        @Option(help: ArgumentHelp("Seconds to wait for an answer (default 10).", valueName: "seconds")) var timeout: Double = 10
        @Flag(help: "Print JSON: each problem found (docs/schema/evidence.v1.schema.json).") var json = false

        func validate() throws {
            if !(0.5...120).contains(timeout) { throw ValidationError("--timeout takes 0.5 to 120 seconds") }
        }

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openStore()
                let board = try store.board(today: ctx.today)
                var tasks = try store.tasks().filter { !$0.evidence.isEmpty }
                if let owner {
                    guard let member = board.member(login: owner) else { throw CLIError(ctx.strings.unknownMember(owner)) }
                    tasks = tasks.filter { $0.ownerID == member.id }
                }
                if let item {
                    guard case .item(let code)? = TaskTarget(text: item), board.framework.item(code) != nil else { throw CLIError(ctx.strings.unknownItem(item)) }
                    tasks = tasks.filter { $0.target == .item(code) }
                }
                var urls: [String] = []
                for t in tasks { for url in t.evidence where !urls.contains(url) { urls.append(url) } }
                let th = ctx.language == .th
                if !json { Output.error(th ? "กำลังตรวจ \(urls.count) ลิงก์…" : "checking \(urls.count) links…") }
                let checks = try EvidenceFetcher(timeout: timeout).check(urls, now: { ctx.currentTime() }, fiscalYear: board.framework.fiscalYear)
                if store.isReadOnly {
                    Output.error(th ? "⚠ ฐานข้อมูลเปิดแบบอ่านอย่างเดียว: ไม่ได้บันทึกผลการตรวจ" : "⚠ the database is read-only: the results are not kept")
                } else {
                    try store.record(checks)
                }
                var checked = board
                for c in checks { checked.evidenceChecks[c.url] = c }
                let found = EvidenceCommand.findings(checked, tasks: tasks).filter { !$0.findings.contains(.stale) }
                if json { Output.printJSON(EvidenceCommand.json(found, board: checked).text) }
                else {
                    let broken = checks.filter(\.isBroken).count
                    ctx.print([th ? "ตรวจแล้ว \(checks.count) ลิงก์ · เปิดไม่ได้ \(broken)" : "checked \(checks.count) links · \(broken) broken"]
                              + EvidenceCommand.lines(found, board: checked, ctx: ctx))
                }
                if !found.isEmpty { throw ExitCode(1) }
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report",
            abstract: "The evidence problems the last checks found, by owner (and links not checked for 7 days).",
            discussion: "Reads what `ita evidence check` kept; fetches nothing. Exit status 1 when there is a problem other than an old check.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON (docs/schema/evidence.v1.schema.json).") var json = false

        func run() throws {
            try Context.run(global) { ctx in
                let store = try ctx.openStore()
                let board = try store.board(today: ctx.today)
                let found = EvidenceCommand.findings(board, tasks: try store.tasks())
                if json { Output.printJSON(EvidenceCommand.json(found, board: board).text) } else { ctx.print(EvidenceCommand.lines(found, board: board, ctx: ctx)) }
                if found.contains(where: { $0.findings != [.stale] }) { throw ExitCode(1) }
            }
        }
    }
}

struct Website: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "website",
        abstract: "Set the office's own website (evidence must be on it; subdomains count), or none; without an argument, show it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "https://… or none.") var url: String?
    func run() throws {
        guard let url else {
            try Context.run(global) { ctx in
                let site = try ctx.openOffice().board(today: ctx.today).assessment.website
                ctx.print([site.isEmpty ? (ctx.language == .th ? "ยังไม่ได้ตั้งเว็บไซต์ของหน่วยงาน" : "no website set") : site])
            }
            return
        }
        try planChange(global) { _, _ in [.website(url == "none" ? nil : url)] }
    }
}
