import ITACore
import Testing
@testable import ITAUI

/// One task table for the three programs: columns sized from the language and the content, so
/// nothing runs together in Thai or English at 80, 120 and 200 columns, and a long title can be read whole.
@Suite struct ProgramTaskTableTests {
    typealias F = DashboardFixture
    static let long = WorkTask(id: 31, title: "รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน ฉบับแก้ไขตามข้อเสนอแนะของผู้บริหาร",
                               target: .item("O12"), ownerID: 2, due: F.date("2026-11-10"))
    static let tasks = F.tasks + [long]

    /// The task rows of a screen: every open task with a due date shows its date and its countdown,
    /// each followed by a space (so "19 Oct 2569" never runs into "43d late").
    static func checkRows(_ lines: [String], language: Language, today: CivilDate, label: String) {
        let s = language.strings, t = language.dashboard
        var checked = 0
        for task in tasks where task.status.isOpen {
            guard let due = task.due, let row = lines.first(where: { $0.contains("#\(task.id) ") }) else { continue }
            let countdown = Countdown(from: today, to: due, calendar: F.board().assessment.workingCalendar)
            #expect(row.contains(s.date(due) + " "), "\(label): the date runs into the next column: \(row)")
            #expect(row.contains(t.dueShort(countdown) + " "), "\(label): the countdown runs into the next column: \(row)")
            checked += 1
        }
        #expect(checked > 0, "\(label): no task rows found")
    }

    @Test(arguments: [80, 120, 200])
    func dashboardAndMeetingColumnsNeverRunTogether(width: Int) {
        for language in [Language.th, .en] {
            let state = F.state(as: F.chair, size: Size(width: width, height: 40), language: language, screen: .all, tasks: Self.tasks)
            Self.checkRows(state.render().trimmedLines, language: language, today: F.today, label: "dashboard \(language) \(width)")
            let data = MeetingData(board: F.board(tasks: Self.tasks), tasks: Self.tasks, meeting: Meeting(id: 7, day: F.today, startedAt: MeetingTests.started),
                                   previous: nil, number: 3, scoreBefore: 60, lastChanged: [:], earlierActions: [])
            var meeting = MeetingState(data: data, language: language, size: Size(width: width, height: 40), viewer: F.chair, login: "chair")
            _ = meeting.update(.key(.character("3")))           // ข overdue
            Self.checkRows(meeting.render().trimmedLines, language: language, today: F.today, label: "meeting \(language) \(width)")
        }
    }

    @Test func presentOwnerPagesUseTheSameColumns() {
        for language in [Language.th, .en] {
            var present = PresentState(data: DashboardData(board: F.board(tasks: Self.tasks), tasks: Self.tasks), language: language,
                                       size: Size(width: 120, height: 40))
            let s = language.strings, t = language.dashboard
            var seen = 0
            for _ in present.pages.indices {
                if case .owner(let id) = present.currentPage {
                    let lines = present.render().trimmedLines
                    for task in present.openTasks(of: id) {
                        guard let due = task.due, let row = lines.first(where: { $0.contains(String(task.title.prefix(12))) }) else { continue }
                        let countdown = Countdown(from: F.today, to: due, calendar: present.board.assessment.workingCalendar)
                        #expect(row.contains(s.date(due) + " ") && row.contains(t.dueShort(countdown) + " "), "\(row)")
                        seen += 1
                    }
                }
                _ = present.press(.character("n"))
            }
            #expect(seen > 0)
        }
    }

    @Test func aLongTitleIsShownWholeUnderTheRows() {
        // The dashboard's detail pane, and meeting mode's line under the agenda, wrap the whole title.
        var state = F.state(as: F.chair, size: Size(width: 80, height: 30), screen: .all, tasks: Self.tasks)
        while state.selectedTask?.id != 31 { _ = state.press(.character("j")) }
        let dashboard = state.render().trimmedLines.joined(separator: "\n")
        #expect(dashboard.contains("ของผู้บริหาร"), "\(dashboard)")
        let data = MeetingData(board: F.board(tasks: Self.tasks), tasks: Self.tasks, meeting: Meeting(id: 7, day: F.today, startedAt: MeetingTests.started),
                               previous: nil, number: 3, scoreBefore: 60, lastChanged: [:], earlierActions: [])
        var meeting = MeetingState(data: data, language: .th, size: Size(width: 80, height: 30), viewer: F.chair, login: "chair")
        _ = meeting.update(.key(.character("3")))
        while meeting.selectedRow?.task?.id != 31 { _ = meeting.update(.key(.character("j"))) }
        let agenda = meeting.render().trimmedLines.joined(separator: "\n")
        #expect(agenda.contains("ของผู้บริหาร") && agenda.contains("#31 รายงานการกำกับ"), "\(agenda)")
    }
}
