import ITACore
import Testing
@testable import ITAUI

/// Meeting mode on the dashboard fixture (Wednesday 18 Nov 2026): keys, what gets recorded, the
/// clock, read-only viewers, the action-item line and the layout at several sizes.
struct MeetingTests {
    typealias F = DashboardFixture
    static let started = Timestamp(iso: "2026-11-18T09:30:00+07:00")!

    static func state(as member: Member? = F.chair, meeting: Meeting? = Meeting(id: 7, day: F.today, startedAt: started),
                      size: Size = Size(width: 120, height: 40), language: Language = .th) -> MeetingState {
        let data = MeetingData(board: F.board(), tasks: F.tasks, meeting: meeting, previous: nil, number: 3, scoreBefore: 60,
                               lastChanged: [:], earlierActions: [])
        return MeetingState(data: data, language: language, size: size, viewer: member, login: member?.login ?? "stranger")
    }

    static func text(_ state: MeetingState) -> String { state.render().trimmedLines.joined(separator: "\n") }

    @Test func attendanceIsTakenAndSavedAtOnce() {
        var s = Self.state()
        #expect(s.currentStep == .attendance)
        #expect(s.update(.key(.character(" "))) == [.record(.attendance([1]))])   // the chair is present, cursor moves on
        #expect(s.update(.key(.down)) == [])
        #expect(s.update(.key(.enter)) == [.record(.attendance([1, 3]))])
        #expect(s.update(.key(.character("*"))) == [.record(.attendance([1, 2, 3]))])
        #expect(Self.text(s).contains("มาประชุม 3/3 คน"))
        #expect(Self.text(s).contains("[✓] นางประธาน ใจดี"))
    }

    @Test func sectionsMoveWithNAndPAndTheArrowsAndKeepTheirTime() {
        var s = Self.state()
        _ = s.update(.tick(at: 100))
        _ = s.update(.tick(at: 130))                       // 30 s of attendance
        #expect(s.update(.key(.character("n"))) == [.record(.saveTime(["attendance": 30]))])
        #expect(s.currentStep == .section(.done))
        _ = s.update(.key(.right))
        #expect(s.currentStep == .section(.overdue))
        _ = s.update(.tick(at: 190))
        _ = s.update(.key(.left))
        _ = s.update(.key(.character("p")))
        #expect(s.currentStep == .attendance)
        _ = s.update(.key(.character("7")))
        #expect(s.currentStep == .section(.decisions))
        // Thai layout: ื is on the n key.
        _ = s.update(.key(.character("4")))
        _ = s.update(.key(.character("ื")))
        #expect(s.currentStep == .section(.atRisk))
        #expect(s.wholeSeconds == ["attendance": 30, "overdue": 60])
        #expect(s.totalSeconds == 90)
        // The clock and the section's time are on screen.
        _ = s.update(.key(.character("3")))
        let screen = Self.text(s)
        #expect(screen.contains("⏱ 1:30"))
        #expect(screen.contains("3 ข เกินกำหนด 1 1:00"))
    }

    @Test func theAgendaSectionsShowTheirRows() {
        var s = Self.state()
        _ = s.update(.key(.character("3")))
        let overdue = Self.text(s)
        #expect(overdue.contains("ข. งานเกินกำหนด แยกตามผู้รับผิดชอบ"))
        #expect(overdue.contains("นายน้ำใส ที่ดี · 1 งาน"))
        #expect(overdue.contains("#2") && overdue.contains("เผยแพร่ O1 บนเว็บไซต์") && overdue.contains("เกิน 8 วัน"))
        _ = s.update(.key(.character("4")))
        let due = Self.text(s)
        // Due up to Wednesday 25 Nov: #1 (20 Nov) and #3 (25 Nov), with their owners.
        #expect(due.contains("#1") && due.contains("#3") && !due.contains("#5 "))
        #expect(due.contains("ประชุมครั้งถัดไป พ. 25 พ.ย. 2569"))
        _ = s.update(.key(.character("2")))
        #expect(Self.text(s).contains("คะแนนคาดการณ์ 60.00 →"))
        _ = s.update(.key(.character("6")))
        #expect(Self.text(s).contains("ไม่อยู่ในช่วงตอบแบบวัด IIT / EIT"))
    }

    @Test func theAgendaMarksTasksWhoseEvidenceTheCheckFoundWanting() {
        // #2 is overdue; its link answered 404 at the last check.
        var tasks = F.tasks
        tasks[1].evidence = ["https://example.go.th/o1-draft"]
        var board = F.board(tasks: tasks)
        board.evidenceChecks = ["https://example.go.th/o1-draft": EvidenceCheck(url: "https://example.go.th/o1-draft", checkedAt: Self.started, status: 404)]
        let data = MeetingData(board: board, tasks: tasks, meeting: Meeting(id: 7, day: F.today, startedAt: Self.started), previous: nil, number: 3,
                               scoreBefore: 60, lastChanged: [:], earlierActions: [])
        for (width, language) in [(120, Language.th), (80, .en)] {
            var s = MeetingState(data: data, language: language, size: Size(width: width, height: 30), viewer: F.chair, login: F.chair.login)
            _ = s.update(.key(.character("3")))
            let row = Self.text(s).split(separator: "\n").first { $0.contains("#2 ") }.map(String.init) ?? ""
            #expect(row.contains(language == .th ? "✗ ลิงก์เสีย" : "✗ broken link"), "\(width): \(row)")
            #expect(row.displayWidth <= width, "the mark fits the row")
        }
        // Without a finding, no mark.
        var s = Self.state()
        _ = s.update(.key(.character("3")))
        #expect(!Self.text(s).contains("✗"))
    }

    @Test func notesDecisionsAndActionItemsAreRecordedOnTheSelectedRow() {
        var s = Self.state()
        _ = s.update(.key(.character("3")))
        _ = s.update(.key(.down))                                         // the task #2 under its owner
        #expect(s.selectedRow?.task?.id == 2)
        _ = s.update(.key(.character("c")))
        for c in "รอเอกสาร".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.record(.entry(.note, .overdue, subject: "#2", text: "รอเอกสาร"))])
        // Thai layout: ก is on the d key.
        _ = s.update(.key(.character("ก")))
        for c in "ขยายเวลา".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.record(.entry(.decision, .overdue, subject: "#2", text: "ขยายเวลา"))])
        // An action item starts from the row's owner, target and the next meeting day.
        _ = s.update(.key(.character("a")))
        #expect(s.prompt?.text == "@owner O1 2569-11-25 ")
        for c in "โทรตามผู้ดูแลเว็บ".unicodeScalars { _ = s.update(.key(.character(c))) }
        let draft = ActionDraft(title: "โทรตามผู้ดูแลเว็บ", target: .item("O1"), ownerID: 2, due: F.date("2026-11-25"))
        #expect(s.update(.key(.enter)) == [.record(.actionItem(draft, .overdue, subject: "#2"))])
        // The store's answer puts the entries on screen and the task in the data.
        let now = Self.started
        _ = s.update(.recorded(MeetingEntry(id: 1, section: .overdue, kind: .note, subject: "#2", text: "รอเอกสาร", memberID: 1, at: now), nil))
        _ = s.update(.recorded(MeetingEntry(id: 2, section: .overdue, kind: .action, subject: "#2", text: draft.title, taskID: 9,
                                            memberID: 1, at: now),
                               WorkTask(id: 9, title: draft.title, target: .item("O1"), ownerID: 2, due: draft.due)))
        #expect(s.message?.text.contains("#9") == true)
        #expect(Self.text(s).contains("↳ บันทึก: รอเอกสาร"))
        _ = s.update(.key(.character("7")))
        let action = Self.text(s).split(separator: "\n").first { $0.contains("มอบหมาย:") } ?? ""
        #expect(action.contains("#9") && action.contains("โทรตามผู้ดูแลเว็บ") && action.contains("O1"), "\(action)")
        #expect(s.data.tasks.contains { $0.id == 9 })
    }

    @Test func aBadActionLineStaysOpenWithTheProblem() {
        var s = Self.state()
        _ = s.update(.key(.character("4")))
        _ = s.update(.key(.character("a")))
        _ = s.update(.key(.control("u")))
        for c in "@nobody O1 งาน".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [])
        #expect(s.prompt?.text == "@nobody O1 งาน")
        #expect(s.message == StatusMessage("ไม่มีสมาชิก nobody", isError: true))
        #expect(Self.text(s).contains("ไม่มีสมาชิก nobody"))
        _ = s.update(.key(.escape))
        #expect(s.prompt == nil)
    }

    @Test func actionLinesParse() throws {
        let b = F.board()
        func parse(_ text: String) throws(ActionDraft.Problem) -> ActionDraft {
            try ActionDraft.parse(text, members: b.members, framework: b.framework, today: F.today, defaultDue: F.date("2026-11-25"))
        }
        #expect(try parse("@other i6 2/12 ส่งรายงาน") == ActionDraft(title: "ส่งรายงาน", target: .indicator(6), ownerID: 3, due: F.date("2026-12-02")))
        #expect(try parse("O3 +7 @owner ตรวจ O3 อีกรอบ").due == F.date("2026-11-25"))
        #expect(try parse("@owner O2 2569-12-01 ตรวจ").due == F.date("2026-12-01"))
        #expect(try parse("@owner O2 1/12/2026 ตรวจ").due == F.date("2026-12-01"))
        #expect(try parse("@owner O2 ตรวจ").due == F.date("2026-11-25"))
        // D/M is that day in this fiscal year (Oct 2026 – Sep 2027): 15/3 is next March; 1/11 has passed.
        #expect(try parse("@owner O2 15/3 ตรวจ").due == F.date("2027-03-15"))
        #expect(throws: ActionDraft.Problem.pastDate(F.date("2026-11-01"))) { try parse("@owner O2 1/11 ตรวจ") }
        #expect(throws: ActionDraft.Problem.noTitle) { try parse("@owner O1 +3") }
        #expect(throws: ActionDraft.Problem.noOwner) { try parse("O1 งาน") }
        #expect(throws: ActionDraft.Problem.noTarget) { try parse("@owner งาน") }
        #expect(throws: ActionDraft.Problem.unknownTarget("O99")) { try parse("@owner O99 งาน") }
        #expect(throws: ActionDraft.Problem.badDate("31/02")) { try parse("@owner O1 31/02 งาน") }
        #expect(throws: ActionDraft.Problem.pastDate(F.date("2026-11-01"))) { try parse("@owner O1 2026-11-01 งาน") }
    }

    @Test func onlyTheChairAndSecretaryRecord() {
        var s = Self.state(as: F.owner)
        #expect(!s.canRecord)
        #expect(Self.text(s).contains("ดูอย่างเดียว"))
        #expect(s.update(.key(.character(" "))) == [])
        #expect(s.message?.isError == true)
        _ = s.update(.key(.character("3")))
        for key in ["c", "d", "a", "E"] { #expect(s.update(.key(.character(Unicode.Scalar(key)!))) == []) }
        #expect(s.prompt == nil && !s.confirmingEnd)
        // Moving between sections saves nothing for a read-only viewer.
        #expect(s.update(.key(.character("n"))) == [])
        // No meeting opened yet: everyone may look at the agenda, nobody records.
        var early = Self.state(meeting: nil)
        #expect(early.update(.key(.character(" "))) == [])
        #expect(Self.text(early).contains("ยังไม่เปิดการประชุมวันนี้"))
    }

    @Test func endingAsksFirstThenSendsTheTimesAndTheAgenda() {
        var s = Self.state()
        _ = s.update(.key(.character("3")))
        #expect(s.update(.key(.character("E"))) == [])
        #expect(Self.text(s).contains("ปิดการประชุมและเก็บรายงาน?"))
        #expect(s.update(.key(.character("n"))) == [])     // n here means "no", not "next"
        #expect(s.currentStep == .section(.overdue) && !s.confirmingEnd)
        _ = s.update(.key(.character("E")))
        let effects = s.update(.key(.character("y")))
        guard case .record(.end(let seconds, let summary))? = effects.first else { Issue.record("no end: \(effects)"); return }
        #expect(seconds == s.wholeSeconds)
        #expect(summary.overdue.map(\.id) == [2] && summary.scoreBefore == 60 && summary.nextMeeting == F.date("2026-11-25"))
        var ended = Meeting(id: 7, day: F.today, startedAt: Self.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:15:00+07:00")!
        _ = s.update(.ended(ended))
        #expect(!s.canRecord)
        #expect(Self.text(s).contains("ปิดประชุมแล้ว 10:15 น."))
        // The clock stops once the meeting has ended.
        _ = s.update(.tick(at: 1000))
        _ = s.update(.tick(at: 1100))
        #expect(s.totalSeconds == 0)
    }

    @Test func theLayoutHoldsFromSmallToProjectorSizes() {
        for size in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 300, height: 80)] {
            var s = Self.state(size: size)
            for step in 1...7 {
                _ = s.update(.key(.character(Unicode.Scalar(UInt8(48 + step)))))
                let screen = s.render()
                // Every row fits, and the screen is not blank: the title row and the step row show.
                #expect(screen.lines.count == size.height && screen.lines.allSatisfy { $0.displayWidth == size.width })
                #expect(screen.trimmedLines.filter { !$0.isEmpty }.count >= 3)
                #expect(screen.trimmedLines[0].contains("ITA Board"))
            }
        }
        // Big digits only where there is room: the overdue count at 120×40, not at 80×24.
        var big = Self.state(size: Size(width: 120, height: 40))
        _ = big.update(.key(.character("3")))
        #expect(Self.text(big).contains("█"))
        var small = Self.state(size: Size(width: 80, height: 24))
        _ = small.update(.key(.character("3")))
        #expect(!Self.text(small).contains("█"))
        // English works too.
        var english = Self.state(language: .en)
        _ = english.update(.key(.character("3")))
        #expect(Self.text(english).contains("b. Overdue, by owner"))
    }
}
