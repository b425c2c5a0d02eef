import Testing
@testable import ITACore

@Suite struct ProgressTests {
    let today = Fixtures.date("2026-11-21")

    func task(_ id: Int64, _ target: TaskTarget, _ status: TaskStatus, due: String? = nil, evidence: [String] = []) -> WorkTask {
        WorkTask(id: id, title: "งาน \(id)", target: target, ownerID: 1, due: due.map(Fixtures.date), status: status, evidence: evidence)
    }

    @Test func tallyAndRollUp() {
        let f = Fixtures.fy2566
        let tasks = [
            task(1, .item("O1"), .done, evidence: ["https://example.go.th/o1"]),
            task(2, .item("O1"), .done),
            task(3, .item("O2"), .done),                                   // done, no evidence: not passed
            task(4, .item("O31"), .todo, due: "2026-11-20"),               // overdue
            task(5, .item("O31"), .blocked, due: "2026-11-25"),
            task(6, .indicator(1), .inProgress, due: "2026-11-21"),        // due today: not overdue
        ]
        let tallies = Tally.byTarget(tasks, today: today)
        #expect(tallies[.item("O1")] == Tally(total: 2, done: 2, blocked: 0, overdue: 0, withEvidence: 1))
        #expect(tallies[.item("O31")]?.overdue == 1)
        let report = ProgressReport(framework: f, tallies: tallies)
        #expect(report.subIndicators["9.1"] == Tally(total: 3, done: 3, withEvidence: 1))
        #expect(report.indicators[10]?.total == 2)
        #expect(report.tools["OIT"]?.total == 5)
        #expect(report.tools["IIT"]?.total == 1)
        #expect(report.whole.total == 6)
        #expect(report.whole.done == 3)
        #expect(report.passedItems == ["O1"])
    }

    @Test func itemWithoutTasksDoesNotPass() {
        #expect(!Tally.zero.itemPasses)
        #expect(!Tally(total: 2, done: 1, withEvidence: 1).itemPasses)
        #expect(Tally(total: 2, done: 2, withEvidence: 1).itemPasses)
    }
}

@Suite struct UrgencyTests {
    @Test func overdueFirstThenNearestThenPoints() {
        let f = Fixtures.fy2566
        let today = Fixtures.date("2026-11-21")
        func t(_ id: Int64, _ target: TaskTarget, _ due: String?, _ status: TaskStatus = .todo) -> WorkTask {
            WorkTask(id: id, title: "", target: target, ownerID: 1, due: due.map(Fixtures.date), status: status)
        }
        let tasks = [
            t(1, .item("O1"), "2026-12-01"),
            t(2, .item("O1"), "2026-11-01", .done),          // done: last even though oldest
            t(3, .item("O1"), "2026-11-10"),                 // overdue, older
            t(4, .item("O1"), "2026-11-20"),                 // overdue, newer
            t(5, .item("O39"), "2026-12-01"),                // same day as 1, more points (10.2)
            t(6, .item("O1"), nil),                          // no due date: after dated work
        ]
        let order = UrgencyOrder.sorted(tasks, today: today, framework: f).map(\.id)
        #expect(order == [3, 4, 5, 1, 6, 2])
    }

    @Test func pointsOfTargets() {
        let f = Fixtures.fy2566
        #expect(f.points(of: .indicator(1)) == 6)           // 30 / 5
        #expect(f.points(of: .indicator(7)) == 10)          // 30 / 3
        #expect(f.points(of: .indicator(9)) == 20)
        #expect(abs(f.points(of: .item("O1")) - 0.4) < 1e-9)   // 20 / 5 / 10
        #expect(f.points(of: .item("O99")) == 0)
    }
}

@Suite struct PermissionTests {
    let chair = Member(id: 1, login: "chair", name: "ประธาน", role: .chair)
    let secretary = Member(id: 2, login: "sec", name: "เลขา", role: .secretary)
    let owner = Member(id: 3, login: "own", name: "เจ้าของ", role: .owner)
    let other = Member(id: 4, login: "oth", name: "อีกคน", role: .owner)
    var task: WorkTask { WorkTask(id: 9, title: "", target: .item("O1"), ownerID: 3, due: nil) }

    @Test func ownerMayChangeOwnTasksOnly() {
        #expect(Permissions.canChange(task, actor: owner, login: "own", owner: owner) == nil)
        #expect(Permissions.canChange(task, actor: other, login: "oth", owner: owner) == .notYourTask(ownerName: "เจ้าของ"))
    }

    @Test func coordinatorsMayChangeAll() {
        #expect(Permissions.canChange(task, actor: chair, login: "chair", owner: owner) == nil)
        #expect(Permissions.canChange(task, actor: secretary, login: "sec", owner: owner) == nil)
    }

    @Test func strangersMayChangeNothing() {
        #expect(Permissions.canChange(task, actor: nil, login: "guest", owner: owner) == .notAMember(login: "guest"))
        #expect(Permissions.canRecordPlanData(actor: nil, login: "guest") == .notAMember(login: "guest"))
        #expect(Permissions.canRecordPlanData(actor: owner, login: "own") == .coordinatorsOnly)
        #expect(Permissions.canRecordPlanData(actor: secretary, login: "sec") == nil)
    }

    @Test func actingAsAnother() {
        #expect(Permissions.canActAs(actual: chair, login: "chair", isAdministrator: false) == nil)
        #expect(Permissions.canActAs(actual: owner, login: "own", isAdministrator: false) == .coordinatorsOnly)
        #expect(Permissions.canActAs(actual: nil, login: "x", isAdministrator: false) == .notAMember(login: "x"))
        #expect(Permissions.canActAs(actual: nil, login: "root", isAdministrator: true) == nil)
    }
}

@Suite struct DeadlineTests {
    @Test func upcomingMixesMilestonesAndTaskDates() {
        let today = Fixtures.date("2026-11-21")
        let milestones = [
            Milestone(key: "oit", titleTH: "เผยแพร่ OIT", titleEN: "OIT", due: Fixtures.date("2026-12-01")),
            Milestone(key: "old", titleTH: "ผ่านไปแล้ว", titleEN: "past", due: Fixtures.date("2026-11-01")),
        ]
        let tasks = [
            WorkTask(id: 1, title: "", target: .item("O2"), ownerID: 1, due: Fixtures.date("2026-12-01")),
            WorkTask(id: 2, title: "", target: .item("O1"), ownerID: 2, due: Fixtures.date("2026-11-25")),
            WorkTask(id: 3, title: "", target: .item("O3"), ownerID: 2, due: Fixtures.date("2026-11-25")),
            WorkTask(id: 4, title: "", target: .item("O4"), ownerID: 2, due: Fixtures.date("2026-11-24"), status: .done),
        ]
        let groups = DueGroup.of(tasks)
        #expect(groups.map(\.date) == [Fixtures.date("2026-11-25"), Fixtures.date("2026-12-01")])
        #expect(groups[0].targets == [.item("O1"), .item("O3")])
        let deadlines = Deadline.upcoming(milestones: milestones, dueGroups: groups, today: today, calendar: WorkingCalendar(), limit: 5)
        #expect(deadlines.count == 3)
        #expect(deadlines[0].countdown.calendarDays == 4)
        #expect(deadlines[0].countdown.workingDays == 3)    // Mon, Tue, Wed
        if case .milestone(let m) = deadlines[1].kind { #expect(m.key == "oit") } else { Issue.record("milestone first on a shared day") }
    }

    @Test func targetParsing() {
        #expect(TaskTarget(text: "o12") == .item("O12"))
        #expect(TaskTarget(text: "9") == .indicator(9))
        #expect(TaskTarget(text: "X1") == nil)
        #expect(TaskTarget(text: "O") == nil)
        #expect([TaskTarget.item("O10"), .item("O2"), .indicator(9)].sorted() == [.indicator(9), .item("O2"), .item("O10")])
    }

    @Test func itemsSortByTheirNumber() {
        for n in [0, 1, 9, 10, 43, 99, 100, 1_000_007] { #expect(TaskTarget.itemNumber("O\(n)") == n) }
        for code in ["O", "", "Ox", "O1a", "O-1", "O١", "O99999999999999999999"] { #expect(TaskTarget.itemNumber(code) == 0) }
        let codes = (1...43).map { "O\($0)" }
        #expect(codes.shuffled().map(TaskTarget.item).sorted() == codes.map(TaskTarget.item))
    }
}
