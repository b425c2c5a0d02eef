import Foundation
import ITACore
import Testing
@testable import ITAStore

/// The demo committee (sample-data/committee-demo.yaml) on the provisional FY2570 framework, and the
/// `relative_dates: working_days` rule that keeps its deadlines off weekends and holidays.
@Suite struct DemoFileTests {
    static func fy2570() throws -> Framework {
        try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/fy2570.yaml"), file: "fy2570.yaml")
    }

    static func plan(today: CivilDate, text: String? = nil) throws -> CommitteePlan {
        try CommitteePlan.parse(text ?? StoreFixture.text("sample-data/committee-demo.yaml"), file: "committee-demo.yaml", framework: try fy2570(),
                                today: today, utcOffsetSeconds: 7 * 3600,
                                include: { try StoreFixture.text("sample-data/" + $0) })
    }

    /// Every day of a fortnight, including days before weekends and holidays (5 and 10 December).
    @Test(arguments: 0..<14) func relativeDeadlinesLandOnWorkingDays(offset: Int) throws {
        let today = CivilDate(iso: "2026-11-28")!.adding(days: offset)
        let plan = try Self.plan(today: today)
        let calendar = plan.assessment.workingCalendar
        #expect(plan.assessment.holidays.contains { $0.name == "วันรัฐธรรมนูญ" }, "the national holidays file is included")
        for task in plan.tasks {
            guard let due = task.due else { continue }
            #expect(calendar.isWorkingDay(due), "#\(task.id) \(task.title) is due on \(due.iso), not a working day")
        }
        for milestone in plan.assessment.milestones {
            #expect(calendar.isWorkingDay(milestone.due), "\(milestone.key) is due on \(milestone.due.iso)")
            if let starts = milestone.starts { #expect(calendar.isWorkingDay(starts), "\(milestone.key) starts on \(starts.iso)") }
        }
        // Alive on any day: work overdue, work due within a week, items passed, an item done but without evidence.
        #expect(plan.tasks.contains { $0.isOverdue(on: today) })
        #expect(plan.tasks.contains { $0.status.isOpen && ($0.due.map { today.days(to: $0) } ?? 99) <= 7 && !$0.isOverdue(on: today) })
        #expect(plan.tasks.contains { $0.status == .done && !$0.evidence.isEmpty })
        let o17 = Tally.byTarget(plan.tasks, today: today)[.item("O17")]
        #expect(o17?.lacksEvidence == true)
    }

    @Test func aFutureDateMovesLaterAPastOneEarlierAndBangKeepsIt() throws {
        let framework = try StoreFixture.fy2566()
        let base = """
            organisation: ทดสอบ
            framework: fy2566
            fiscal_year: 2570
            target_grade: A
            relative_dates: working_days
            members:
              - {login: somsri, name: นางสมศรี ใจงาม, role: chair}
            owners:
              indicators: {1: somsri, 2: somsri, 3: somsri, 4: somsri, 5: somsri, 6: somsri, 7: somsri, 8: somsri, 9: somsri, 10: somsri}
            holidays:
              - {date: 2026-12-10, name: วันรัฐธรรมนูญ}
            tasks:
              - {title: ตรงวันเสาร์, target: 1, due: +3}
              - {title: ย้อนไปวันอาทิตย์, target: 1, due: -4}
              - {title: ตรงวันหยุด, target: 1, due: +8}
              - {title: ตั้งใจให้เป็นวันเสาร์, target: 1, due: +3!}
              - {title: วันที่เขียนตรง ๆ ไม่เลื่อน, target: 1, due: 2026-12-05}
            """
        // Wednesday 2 December 2026: +3 is Saturday the 5th (Monday the 7th), -4 Saturday 28 November (Friday the 27th),
        // +8 Thursday the 10th, a holiday (Friday the 11th).
        let today = CivilDate(iso: "2026-12-02")!
        let plan = try CommitteePlan.parse(base, file: "c.yaml", framework: framework, today: today, utcOffsetSeconds: 0)
        #expect(plan.tasks.map { $0.due?.iso } == ["2026-12-07", "2026-11-27", "2026-12-11", "2026-12-05", "2026-12-05"])
        let calendar = try CommitteePlan.parse(base.replacingOccurrences(of: "working_days", with: "calendar"), file: "c.yaml",
                                               framework: framework, today: today, utcOffsetSeconds: 0)
        #expect(calendar.tasks.map { $0.due?.iso } == ["2026-12-05", "2026-11-28", "2026-12-10", "2026-12-05", "2026-12-05"])
        do {
            _ = try CommitteePlan.parse(base.replacingOccurrences(of: "working_days", with: "weekdays"), file: "c.yaml",
                                        framework: framework, today: today, utcOffsetSeconds: 0)
            Issue.record("an unknown relative_dates value was accepted")
        } catch let error as DataFileError {
            #expect(error.description.contains("c.yaml:5: relative_dates: expected calendar or working_days"), "\(error)")
        }
    }

    @Test func historyAsOfAnEarlierDayReopensWhatWasDoneLater() throws {
        let today = CivilDate(iso: "2026-12-01")!
        let plan = try Self.plan(today: today)
        let store = try Store.create(at: StoreFixture.temporaryDirectory() + "/demo.sqlite", framework: try Self.fy2570(), plan: plan,
                                     now: Timestamp(iso: "2026-12-01T10:00:00+07:00")!)
        let board = try store.board(today: today), tasks = try store.tasks()
        let weekAgo = today.adding(days: -7)
        let (then, past) = History.asOf(weekAgo, board: board, tasks: tasks)
        let doneSince = tasks.filter { $0.status == .done && $0.doneAt!.date > weekAgo }
        #expect(!doneSince.isEmpty)
        for task in doneSince {
            let old = past.first { $0.id == task.id }!
            #expect(old.status == .inProgress && old.evidence.isEmpty && old.doneAt == nil)
        }
        #expect(then.progress.whole.done == board.progress.whole.done - doneSince.count)
        #expect(then.today == weekAgo)
        // O5 was published yesterday, so a week ago it did not pass and the projection was lower.
        #expect(board.progress.passedItems.contains("O5") && !then.progress.passedItems.contains("O5"))
        #expect(then.projection.total < board.projection.total)
        let snapshots = History.dailySnapshots(days: 60, board: board, tasks: tasks)
        #expect(snapshots.count == 60 && snapshots.first?.day == today.adding(days: -60) && snapshots.last?.day == today.adding(days: -1))
        #expect(zip(snapshots, snapshots.dropFirst()).allSatisfy { $0.tasksDone <= $1.tasksDone })
    }
}

/// The school variants shipped beside NACC's generic frameworks.
@Suite struct VariantFrameworkTests {
    static func load(_ name: String) throws -> Framework {
        try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/\(name).yaml"), file: "\(name).yaml")
    }

    @Test func obecSchoolsHaveEighteenItemsInSevenGroups() throws {
        let f = try Self.load("fy2569-obec")
        #expect(f.items.map(\.code) == (1...18).map { "O\($0)" })
        #expect(f.indicators.flatMap(\.subIndicators).map(\.code) == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"])
        #expect(f.item("O18")?.titleTH == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสถานศึกษา")
        #expect(f.fiscalYear == 2569 && !f.notes.isEmpty)
    }

    @Test func ovecCollegesHaveTwentyThreeItemsWithTheirComponents() throws {
        let f = try Self.load("fy2569-ovec")
        #expect(f.items.map(\.code) == (1...23).map { "O\($0)" })
        // The groups' ranges: 9.1 O1–O5, 9.2 O6–O9, 9.3 O10–O11, 9.4 O12–O15, 9.5 O16–O17, 10.1 O18–O19, 10.2 O20–O23.
        #expect(f.indicators.flatMap(\.subIndicators).map(\.items.count) == [5, 4, 2, 4, 2, 2, 4])
        #expect(f.item("O2")?.components?.count == 4)
        #expect(f.item("O19")?.evidencePeriod == .firstHalf)
        #expect(f.item("O8")?.titleTH.contains("SAR") == true)
        // Titles not yet confirmed say so.
        #expect(f.items.filter { $0.titleTH.contains("[ชื่อข้อยังไม่ยืนยัน]") }.count >= 10)
    }
}
