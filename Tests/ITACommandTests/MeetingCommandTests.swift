import Foundation
import ITACore
import ITAStore
import Testing

/// `ita minutes` from the real binary, and a whole meeting run in tmux.
@Suite(.serialized) struct MeetingCommandTests {
    static func at(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    /// Records a meeting as meeting mode does: open, attendance, entries, then end with the agenda as it stands.
    static func hold(_ store: Store, on day: String, start: String, end: String, attendees: [Int64],
                     record: (Meeting, Author) throws -> Void, seconds: [String: Int]) throws {
        let today = CivilDate(iso: day)!
        let secretary = Author(login: ITARunner.osLogin, member: try store.member(login: ITARunner.osLogin))
        let meeting = try store.startMeeting(on: today, by: secretary, at: at("\(day)T\(start):00+07:00"))
        try store.setAttendees(attendees, meeting: meeting.id, by: secretary)
        try record(meeting, secretary)
        let board = try store.board(today: today)
        let tasks = try store.tasks()
        let previous = try store.meeting(before: today)
        let current = try store.meeting(on: today)!
        let agenda = Agenda.build(board: board, tasks: tasks, previous: previous, scoreBefore: previous?.summary?.scoreAfter,
                                  nextMeeting: MeetingSchedule(weekday: board.assessment.meetingWeekday).next(after: today),
                                  lastChanged: try store.lastChanged(dueFrom: today, to: today.adding(days: 30)),
                                  entries: current.entries, earlierActions: try store.actionItems(before: today))
        try store.endMeeting(meeting.id, sectionSeconds: seconds, summary: agenda.summary(grade: board.projection.grade?.grade),
                             snapshot: ProgressSnapshot.take(board, tasks: tasks, kind: .meeting), by: secretary, at: at("\(day)T\(end):00+07:00"))
    }

    @Test func minutesInThaiFromTwoMeetings() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["minutes"]).stderr.contains("ยังไม่มีการประชุม"))
        let store = try Store.open(at: ita.database)
        try Self.hold(store, on: "2026-11-18", start: "09:30", end: "10:20", attendees: [1, 2, 3, 6, 9], record: { meeting, by in
            let now = Self.at("2026-11-18T09:50:00+07:00")
            _ = try store.addEntry(.note, section: .overdue, subject: "#19", text: "รอผู้อำนวยการลงนามคำสั่ง", meeting: meeting.id, by: by, at: now)
            _ = try store.addEntry(.decision, section: .overdue, subject: "#19", text: "ขยายเวลา O3 ถึงวันที่ 25 พ.ย. 2569", meeting: meeting.id,
                                   by: by, at: now)
            _ = try store.addActionItem(title: "ติดตามคำสั่งแต่งตั้งกับกลุ่มกฎหมาย", target: .item("O3"), ownerID: 9,
                                        due: CivilDate(iso: "2026-11-25")!, section: .overdue, subject: "#19", meeting: meeting.id, by: by, at: now)
            _ = try store.addActionItem(title: "ทำป้ายประชาสัมพันธ์ EIT หน้าสำนักงาน", target: .indicator(7), ownerID: 4,
                                        due: CivilDate(iso: "2026-12-09")!, section: .respondents, subject: "EIT", meeting: meeting.id, by: by, at: now)
        }, seconds: ["attendance": 95, "done": 240, "overdue": 1260, "due_soon": 600, "at_risk": 300, "respondents": 420, "decisions": 180])
        // Between the meetings an owner finishes her work, and the first action item is done.
        for id in ["19", "118"] {
            let done = try ita.run(["done", id, "--as", "nattida", "--today", "2026-11-20"], fixedDay: false)
            #expect(done.status == 0, "\(done.stderr)")
        }
        try Self.hold(store, on: "2026-11-25", start: "13:30", end: "14:05", attendees: [1, 2, 4, 9], record: { meeting, by in
            _ = try store.addEntry(.decision, section: .decisions, subject: nil, text: "ให้ทุกกลุ่มส่ง URL หลักฐานภายในวันศุกร์",
                                   meeting: meeting.id, by: by, at: Self.at("2026-11-25T13:55:00+07:00"))
        }, seconds: ["attendance": 60, "done": 300, "overdue": 900, "decisions": 420])

        let latest = try ita.run(["minutes", "--format", "agenda", "--today", "2026-11-25"], fixedDay: false)
        #expect(latest.status == 0, "\(latest.stderr)")
        try expectGolden(latest.stdout, "minutes-2026-11-25-th.md")
        // Done since the last meeting, with the score the last meeting saw.
        #expect(latest.stdout.contains("ตั้งแต่ประชุมครั้งก่อน 18 พ.ย. 2569"))
        #expect(latest.stdout.contains("#19 O3"))
        // The open action item of the first meeting is carried; the finished one is not.
        let carried = try #require(latest.stdout.components(separatedBy: "### งานที่มอบหมายจากการประชุมครั้งก่อนที่ยังไม่เสร็จ").last)
        #expect(carried.contains("#119 ตช.7 ทำป้ายประชาสัมพันธ์ EIT หน้าสำนักงาน"))
        #expect(!carried.contains("#118"))

        // The official layout of the second meeting: วาระที่ 2 names the first, วาระที่ 3 carries its open action item.
        let official = try ita.run(["minutes", "--today", "2026-11-25"], fixedDay: false)
        #expect(official.stdout.contains("ตามที่คณะทำงานได้ประชุมครั้งที่ 1/2570 เมื่อวันที่ 18 พฤศจิกายน 2569"), "\(official.stdout)")
        #expect(official.stdout.contains("มติที่ประชุม รับรองรายงานการประชุมครั้งที่ 1/2570 โดยไม่มีการแก้ไข"))
        let arising = try #require(official.stdout.components(separatedBy: "## ระเบียบวาระที่ 3 เรื่องสืบเนื่อง").last?
            .components(separatedBy: "## ระเบียบวาระที่ 4").first)
        #expect(arising.contains("| #119 | ทำป้ายประชาสัมพันธ์ EIT หน้าสำนักงาน |") && !arising.contains("#118"), "\(arising)")
        #expect(official.stdout.contains("เริ่มประชุมเวลา 13.30 น.") && official.stdout.contains("เลิกประชุมเวลา 14.05 น."))

        let first = try ita.run(["minutes", "--meeting", "2569-11-18", "--format", "txt", "--today", "2026-11-25"], fixedDay: false)
        #expect(first.status == 0, "\(first.stderr)")
        try expectGolden(first.stdout, "minutes-2026-11-18-th.txt")
        #expect(first.stdout.contains("1. ขยายเวลา O3 ถึงวันที่ 25 พ.ย. 2569 [#19]"))

        let missing = try ita.run(["minutes", "--meeting", "2026-11-19"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "ita: ผิดพลาด: ไม่มีการประชุมวันที่ 19 พ.ย. 2569 (18 พ.ย. 2569, 25 พ.ย. 2569)\n")
        let bad = try ita.run(["minutes", "--format", "pdf"])
        #expect(bad.status != 0 && bad.stderr.contains("pdf"))
    }

    @Test func aMeetingRunFromTheKeyboardEndsInTheMinutesAndTheTaskList() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("", subcommand: "meeting"), width: 120, height: 40)
        try tmux.waitFor(text: "ประชุมติดตามงาน ITA ครั้งที่ 1")
        // Attendance: the chair and the secretary.
        try tmux.send("Space")
        try tmux.send("Space")
        try tmux.waitFor(text: "มาประชุม 2/12 คน")
        // Section b, the first overdue task (under its owner).
        try tmux.send("n")
        try tmux.send("n")
        try tmux.waitFor(text: "ข. งานเกินกำหนด")
        // The first task is selected (owner headings are not rows to stop on); the decision line names it.
        try tmux.send("d")
        try tmux.waitFor(text: "#85 ")
        try tmux.type("ให้เร่งรัด O31 ภายในสัปดาห์นี้")
        try tmux.send("Enter")
        try tmux.waitFor(text: "บันทึกมติแล้ว")
        // An action item on the same row: owner, item and the next meeting day are filled in.
        try tmux.send("a")
        try tmux.waitFor(text: "มอบหมาย: @chayapon O31 2569-11-25")
        try tmux.type("โทรประสานผู้ดูแลเว็บไซต์")
        try tmux.send("Enter")
        try tmux.waitFor(text: "มอบหมายงาน #118")
        // Owners see it at once.
        let tasks = try ita.run(["tasks", "--owner", "chayapon", "--json"])
        #expect(tasks.stdout.contains("โทรประสานผู้ดูแลเว็บไซต์"))
        // End the meeting.
        try tmux.send("E")
        try tmux.waitFor(text: "ปิดการประชุมและเก็บรายงาน?")
        try tmux.send("y")
        try tmux.waitFor(text: "ปิดประชุมแล้ว")
        try tmux.send("q")
        let screen = try tmux.waitFor(text: "EXIT=")
        #expect(screen.contains("EXIT=0"))

        let minutes = try ita.run(["minutes", "--format", "agenda"])
        #expect(minutes.status == 0, "\(minutes.stderr)")
        #expect(minutes.stdout.contains("1. ให้เร่งรัด O31 ภายในสัปดาห์นี้ [#85]"))
        #expect(minutes.stdout.contains("| 1 | #118 โทรประสานผู้ดูแลเว็บไซต์ (O31) | นายชยพล วงศ์ใหญ่ | 25 พ.ย. 2569 |"))
        #expect(minutes.stdout.contains("## ผู้เข้าประชุม (2 คน)"))
        let all = try ita.run(["tasks", "--all"])
        #expect(all.stdout.contains("#118") && all.stdout.contains("โทรประสานผู้ดูแลเว็บไซต์"))
        // The meeting has ended: running it again shows it read-only.
        try tmux.start(tmux.ita("", subcommand: "meeting"), width: 120, height: 40, name: "again")
        try tmux.waitFor(text: "ดูอย่างเดียว", in: "again")
        try tmux.send("q", to: "again")
    }

    @Test func mInTheDashboardOpensTheMeetingAndQComesBack() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita(""), width: 100, height: 30)
        try tmux.waitFor(text: "1 ภาพรวม")
        try tmux.send("M")
        try tmux.waitFor(text: "ประชุมติดตามงาน ITA ครั้งที่ 1")
        try tmux.send("3")
        try tmux.waitFor(text: "ข. งานเกินกำหนด")
        try tmux.send("q")
        try tmux.waitFor(text: "1 ภาพรวม")
        // Switching is the loop's, not a program inside another: again, and again back.
        try tmux.send("M")
        try tmux.waitFor(text: "ประชุมติดตามงาน ITA ครั้งที่ 1")
        try tmux.send("q")
        try tmux.waitFor(text: "1 ภาพรวม")
        try tmux.send("q")
        #expect(try tmux.waitFor(text: "EXIT=").contains("EXIT=0"))
        // Leaving with q keeps the meeting open: it is stored, not ended.
        let minutes = try ita.run(["minutes"])
        #expect(minutes.stdout.contains("**ครั้งที่** 1/2570") && minutes.stdout.contains("การประชุมนี้ยังไม่ปิด"))
    }

    /// The demo's last meeting in the official layout, as Markdown and as HTML in the browser.
    @Test func theOfficialMinutesHaveEveryPartInOrder() throws {
        let ita = ITARunner()
        let db = ["--db", ita.directory + "/demo.sqlite", "--today", "2026-12-01"]
        #expect(try ita.run(["demo"] + db, withDatabase: false, fixedDay: false).status == 0)
        let md = try ita.run(["minutes"] + db, withDatabase: false, fixedDay: false).stdout
        let parts = ["# รายงานการประชุมคณะทำงาน", "**ครั้งที่** 1/2570", "**เมื่อ** วันพุธที่ 25 พฤศจิกายน 2569", "**ณ** ห้องประชุมสำนักงาน ชั้น 2",
                     "## ผู้มาประชุม", "| 1 | นางสาวพิมพ์ชนก ศรีสว่าง | ประธานคณะทำงาน |", "## ผู้ไม่มาประชุม",
                     "| 1 | นายภานุวัฒน์ รุ่งเรือง | คณะทำงาน | ติดราชการ (นิเทศโรงเรียนในสังกัด) |", "## ผู้เข้าร่วมประชุม",
                     "1. ผู้แทนกลุ่มงานประชาสัมพันธ์", "เริ่มประชุมเวลา 13.30 น.",
                     "## ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ", "ประธานแจ้งว่าผลการประเมินปีที่แล้วผ่านเกณฑ์", "มติที่ประชุม รับทราบ",
                     "## ระเบียบวาระที่ 2 รับรองรายงานการประชุมครั้งที่แล้ว", "(การประชุมครั้งแรก)", "## ระเบียบวาระที่ 3 เรื่องสืบเนื่อง",
                     "## ระเบียบวาระที่ 4 เรื่องเพื่อพิจารณา", "### 4.1 งานที่เสร็จตั้งแต่ประชุมครั้งก่อน", "### 4.6 มติและงานที่มอบหมาย",
                     "ให้ทุกกลุ่มงานเผยแพร่ข้อมูล OIT", "ส่งรายชื่อผู้มีส่วนได้ส่วนเสีย", "## ระเบียบวาระที่ 5 เรื่องอื่น ๆ", "เลิกประชุมเวลา 14.40 น.",
                     "ผู้จดรายงานการประชุม", "(นายธนากร ใจดีงาม) คณะทำงานและเลขานุการ", "ผู้ตรวจรายงานการประชุม", "(นางสาวพิมพ์ชนก ศรีสว่าง) ประธานคณะทำงาน"]
        var at = md.startIndex
        for part in parts {
            guard let found = md.range(of: part, range: at..<md.endIndex) else { Issue.record("missing, or out of order: \(part)\n\(md)"); return }
            at = found.upperBound
        }
        // The chair's announcement is under วาระที่ 1 only, not repeated under วาระที่ 4.
        #expect(md.components(separatedBy: "ประธานแจ้งว่าผลการประเมินปีที่แล้วผ่านเกณฑ์").count == 2)

        let file = ita.directory + "/minutes.html"
        #expect(try ita.run(["minutes", "--format", "html", "-o", file] + db, withDatabase: false, fixedDay: false).status == 0)
        let dom = try Browser.run(["--dump-dom"], file: file, directory: ita.directory)
        #expect(dom.contains("<h2>ระเบียบวาระที่ 5 เรื่องอื่น ๆ</h2>") && dom.contains("<dt>ณ</dt><dd>ห้องประชุมสำนักงาน ชั้น 2</dd>"), "\(dom.prefix(500))")
    }

    /// The secretary types the place, a reason for an absence and a chair's announcement in meeting
    /// mode; the official minutes have them where they belong.
    @Test func placeReasonAndAnAnnouncementFromTheKeyboardReachTheOfficialMinutes() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("", subcommand: "meeting"), width: 120, height: 40)
        try tmux.waitFor(text: "ประชุมติดตามงาน ITA ครั้งที่ 1")
        try tmux.send("*")
        try tmux.waitFor(text: "มาประชุม 12/12 คน")
        try tmux.send("P")
        try tmux.waitFor(text: "สถานที่ประชุม:")
        try tmux.type("ห้องประชุมเขต 1")
        try tmux.send("Enter")
        try tmux.waitFor(text: "ณ ห้องประชุมเขต 1")
        // The third member is away on duty: w gives the reason and marks them absent.
        try tmux.send("j")
        try tmux.send("j")
        try tmux.send("w")
        try tmux.waitFor(text: "เหตุที่ไม่มา")
        try tmux.type("ลาพักผ่อน")
        try tmux.send("Enter")
        try tmux.waitFor(text: "มาประชุม 11/12 คน")
        // On the agenda, v twice: the chair's announcements (วาระที่ 1).
        try tmux.send("n")
        try tmux.send("v")
        try tmux.send("v")
        try tmux.waitFor(text: "ระเบียบวาระที่ 1")
        try tmux.send("c")
        try tmux.type("ประธานแจ้งกำหนดการตรวจเยี่ยมของเขต")
        try tmux.send("Enter")
        try tmux.waitFor(text: "บันทึกแล้ว")
        try tmux.send("E")
        try tmux.waitFor(text: "ปิดการประชุมและเก็บรายงาน?")
        try tmux.send("y")
        try tmux.waitFor(text: "ปิดประชุมแล้ว")
        try tmux.send("q")
        #expect(try tmux.waitFor(text: "EXIT=").contains("EXIT=0"))

        let md = try ita.run(["minutes"]).stdout
        #expect(md.contains("**ณ** ห้องประชุมเขต 1"), "\(md)")
        #expect(md.contains("| นางวราภรณ์ คำแสนดี | คณะทำงาน | ลาพักผ่อน |"), "\(md)")
        let first = try #require(md.components(separatedBy: "## ระเบียบวาระที่ 1").last?.components(separatedBy: "## ระเบียบวาระที่ 2").first)
        #expect(first.contains("ประธานแจ้งกำหนดการตรวจเยี่ยมของเขต"), "\(first)")
        #expect(try ita.run(["verify"]).status == 0)
    }
}
