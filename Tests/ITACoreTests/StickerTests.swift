import Testing
@testable import ITACore

/// Countdown stickers and reminder steps on a small committee: O1–O3 in 9.1, O4 in 10.1.
struct StickerTests {
    static let framework = Fixtures.framework(nine: [3], ten: [1])
    static let chair = Member(id: 1, login: "chair", name: "นางสาวประธาน ใจดี", role: .chair, workGroup: "ผู้บริหาร")
    static let ann = Member(id: 2, login: "ann", name: "นางอัญชลี แผนดี", role: .owner, workGroup: "กลุ่มนโยบายและแผน", lineName: "อัญชลี แผนงาน")
    static let bo = Member(id: 3, login: "bo", name: "นายบุญมา สื่อสาร", role: .owner, workGroup: "กลุ่มนโยบายและแผน")
    static let members = [chair, ann, bo]
    static let owners: [TaskTarget: Int64] = [.item("O1"): 2, .item("O2"): 2, .item("O3"): 3, .item("O4"): 3, .indicator(5): 3]
    static let d = Fixtures.date

    /// Friday 4 Dec 2026; Sat 5 (วันพ่อ) and Mon 7 (its substitute) are holidays.
    static let today = d("2026-12-04")
    static let holidays = [Holiday(date: d("2026-12-05"), name: "วันพ่อแห่งชาติ"), Holiday(date: d("2026-12-07"), name: "ชดเชย")]
    static let calendar = WorkingCalendar(holidays: Set(holidays.map(\.date)))

    static func task(_ id: Int64, _ target: TaskTarget, owner: Int64, due: String?, status: TaskStatus = .todo, evidence: [String] = []) -> WorkTask {
        WorkTask(id: id, title: "งาน \(id)", target: target, ownerID: owner, due: due.map(d), status: status, evidence: evidence)
    }

    static let tasks = [
        task(1, .item("O1"), owner: 2, due: "2026-12-08"),
        task(2, .item("O1"), owner: 3, due: "2026-12-08", status: .inProgress),
        task(3, .item("O2"), owner: 2, due: "2026-12-01"),                                  // overdue
        task(4, .item("O3"), owner: 3, due: "2026-11-20", status: .blocked),               // overdue, oldest
        task(5, .item("O4"), owner: 3, due: "2026-12-10", status: .done, evidence: ["https://x.example/o4"]),
        task(6, .indicator(5), owner: 3, due: "2026-12-11"),
        task(7, .item("O2"), owner: 2, due: "2026-12-10", status: .done),                  // done, no evidence
    ]

    static func assessment(_ milestones: [Milestone]) -> Assessment {
        Assessment(organisation: "ทดสอบ", fiscalYear: 2570, frameworkID: "test", targetGrade: "A",
                   respondents: ["IIT": Respondents(quota: 25, count: 9), "EIT": Respondents(quota: 10, count: 10)],
                   milestones: milestones, holidays: holidays)
    }

    static func stickers(_ milestones: [Milestone] = [], tasks: [WorkTask] = tasks, today: CivilDate = today) -> [Sticker] {
        let progress = ProgressReport(framework: framework, tallies: Tally.byTarget(tasks, today: today))
        return Sticker.all(tasks: tasks, assessment: assessment(milestones), framework: framework, members: members, owners: owners,
                           passedItems: progress.passedItems, today: today)
    }

    @Test func overdueTasksMakeOneStickerThatLeads() {
        let all = Self.stickers()
        #expect(all.first?.source == .overdueTasks)
        #expect(all.first?.date == Self.d("2026-11-20"))
        #expect(all.first?.countdown.calendarDays == -14)
        #expect(all.first?.openTargets == [.item("O2"), .item("O3")])
        #expect(all.first?.open.map(\.memberID) == [2, 3])
        #expect(all.filter { $0.source == .overdueTasks }.count == 1)
    }

    @Test func taskDatesAreStickersWithWhoHasWhat() {
        let all = Self.stickers()
        let dec8 = all.first { $0.key == "tasks:2026-12-08" }!
        #expect(dec8.open == [OpenWork(memberID: 2, targets: [.item("O1")], openTasks: 1), OpenWork(memberID: 3, targets: [.item("O1")], openTasks: 1)])
        // Friday to Tuesday: Sat and Mon are holidays, Sun a weekend, so Tuesday is the one working day.
        #expect(dec8.countdown.calendarDays == 4)
        #expect(dec8.countdown.workingDays == 1)
        #expect(!dec8.isDone)
        // 10 Dec has only done tasks: shown as done, not as a countdown.
        #expect(all.first { $0.key == "tasks:2026-12-10" }?.isDone == true)
        // By date after the overdue sticker.
        #expect(all.dropFirst().map(\.date) == all.dropFirst().map(\.date).sorted())
    }

    @Test func milestoneListsUnfinishedItemsAndShortSurveys() {
        let publish = Milestone(key: "publish", titleTH: "เผยแพร่ OIT", titleEN: "OIT", due: Self.d("2026-12-31"), covers: ["OIT"])
        let surveys = Milestone(key: "surveys", titleTH: "แบบวัด", titleEN: "Surveys", due: Self.d("2027-01-15"), covers: ["IIT", "EIT"])
        let register = Milestone(key: "register", titleTH: "ลงทะเบียน", titleEN: "Register", due: Self.d("2026-12-20"))
        let all = Self.stickers([publish, surveys, register])
        let p = all.first { $0.key == "milestone:publish" }!
        // O4 passes (done with evidence); O2 has one open task and one done without evidence.
        #expect(p.openTargets == [.item("O1"), .item("O2"), .item("O3")])
        #expect(p.open.first { $0.memberID == 2 }?.targets == [.item("O1"), .item("O2")])
        #expect(p.shortSurveys.isEmpty)
        let s = all.first { $0.key == "milestone:surveys" }!
        #expect(s.shortSurveys == ["IIT": Respondents(quota: 25, count: 9)])   // EIT met its quota
        // Indicator 5's task counts for IIT; its owner follows up the respondents.
        #expect(s.open.first { $0.memberID == 3 }?.surveys == ["IIT"])
        #expect(s.open.first { $0.memberID == 3 }?.targets == [.indicator(5)])
        let r = all.first { $0.key == "milestone:register" }!
        #expect(!r.tracksWork && !r.isDone)
    }

    @Test func anItemWithoutEvidenceIsItsOwnersWork() {
        let only = [Self.task(1, .item("O1"), owner: 3, due: "2026-12-08", status: .done)]
        let publish = Milestone(key: "p", titleTH: "OIT", titleEN: "OIT", due: Self.d("2026-12-31"), covers: ["O1"])
        let sticker = Self.stickers([publish], tasks: only).first { $0.milestone != nil }!
        #expect(sticker.open == [OpenWork(memberID: 2, targets: [.item("O1")], openTasks: 0)])
    }

    @Test func aMilestoneWithEverythingFinishedIsDone() {
        let done = [Self.task(1, .item("O4"), owner: 3, due: "2026-12-08", status: .done, evidence: ["https://x.example"])]
        let m = Milestone(key: "p", titleTH: "ข้อ 10.1", titleEN: "10.1", due: Self.d("2026-12-31"), covers: ["O4"])
        #expect(Self.stickers([m], tasks: done).first { $0.milestone != nil }?.isDone == true)
        // Past its date and done: no longer shown. Past its date with work open: shown, overdue.
        #expect(Self.stickers([m], tasks: done, today: Self.d("2027-01-05")).allSatisfy { $0.milestone == nil })
        let open = Milestone(key: "q", titleTH: "ข้อ 1", titleEN: "O1", due: Self.d("2026-12-01"), covers: ["O1"])
        #expect(Self.stickers([open]).first { $0.milestone != nil }?.countdown.urgency == .overdue)
    }

    @Test func scopeResolvesToolsIndicatorsAndItems() {
        let f = Self.framework
        let oit = MilestoneScope(covers: ["OIT"], framework: f)
        #expect(oit.items == ["O1", "O2", "O3", "O4"] && oit.indicators == [9, 10] && oit.surveys.isEmpty)
        let iit = MilestoneScope(covers: ["IIT"], framework: f)
        #expect(iit.surveys == ["IIT"] && iit.indicators == [1, 2, 3, 4, 5] && iit.items.isEmpty)
        #expect(MilestoneScope(covers: ["10"], framework: f).items == ["O4"])
        #expect(MilestoneScope(covers: ["O3"], framework: f).items == ["O3"])
        #expect(MilestoneScope.isKnown("O3", in: f) && !MilestoneScope.isKnown("O99", in: f) && !MilestoneScope.isKnown("XIT", in: f))
    }

    // MARK: Reminder steps

    @Test func aStepOnAWorkingDayGoesOutThatDay() {
        // Due Wed 16 Dec 2026: 14 → Wed 2, 7 → Wed 9, 3 → Sun 13 → Fri 11, 1 → Tue 15, 0 → Wed 16.
        let due = Self.d("2026-12-16")
        let days = Milestone.defaultReminderOffsets.map { ReminderSchedule.sendDay(offset: $0, due: due, calendar: Self.calendar).iso }
        #expect(days == ["2026-12-02", "2026-12-09", "2026-12-11", "2026-12-15", "2026-12-16"])
    }

    @Test func stepsOnAWeekendOrHolidayMoveToTheWorkingDayBefore() {
        // Due Tue 8 Dec: 1 → Mon 7 (holiday) → Sun → Sat (holiday) → Fri 4; 3 → Sat 5 → Fri 4; 7 → Tue 1.
        let due = Self.d("2026-12-08")
        #expect(ReminderSchedule.steps(on: Self.d("2026-12-04"), due: due, offsets: [14, 7, 3, 1, 0], calendar: Self.calendar) == [3, 1])
        #expect(ReminderSchedule.steps(on: Self.d("2026-12-05"), due: due, offsets: [14, 7, 3, 1, 0], calendar: Self.calendar).isEmpty)
        #expect(ReminderSchedule.steps(on: Self.d("2026-12-07"), due: due, offsets: [14, 7, 3, 1, 0], calendar: Self.calendar).isEmpty)
        #expect(ReminderSchedule.steps(on: Self.d("2026-12-01"), due: due, offsets: [14, 7, 3, 1, 0], calendar: Self.calendar) == [7])
        // After the deadline nothing goes out.
        #expect(ReminderSchedule.steps(on: Self.d("2026-12-09"), due: due, offsets: [0], calendar: Self.calendar).isEmpty)
    }

    @Test func remindersAreDueOnlyAtStepsAndOnlyWithWorkOpen() {
        let m = Milestone(key: "p", titleTH: "OIT", titleEN: "OIT", due: Self.d("2026-12-18"), reminderOffsets: [14], covers: ["OIT"])
        let due = Reminder.due(on: Self.today, stickers: Self.stickers([m]), calendar: Self.calendar)
        // Fri 4 Dec: the 8 Dec tasks (steps 3 and 1), 11 Dec (step 7) and the milestone 14 days out;
        // not the 10 Dec group, whose tasks are done.
        #expect(due.map(\.sticker.key) == ["tasks:2026-12-08", "tasks:2026-12-11", "milestone:p"])
        #expect(due.map(\.steps) == [[3, 1], [7], [14]])
    }

    @Test func overdueWorkIsAStepOfItsOwnOnTheMeetingDayOrDaily() {
        let stickers = Self.stickers()
        // Off (or not the meeting day): no overdue reminder, whatever its date.
        #expect(!Reminder.due(on: Self.today, stickers: stickers, calendar: Self.calendar).contains { $0.sticker.source == .overdueTasks })
        #expect(!Reminder.due(on: Self.today, stickers: stickers, calendar: Self.calendar, overdue: .meeting, isMeetingDay: false)
            .contains { $0.sticker.source == .overdueTasks })
        // The meeting day: first, keyed "overdue" for the day's posting log.
        let meeting = Reminder.due(on: Self.today, stickers: stickers, calendar: Self.calendar, overdue: .meeting, isMeetingDay: true)
        #expect(meeting.first?.sticker.source == .overdueTasks && meeting.first?.stepKey == "overdue")
        #expect(Reminder.due(on: Self.today, stickers: stickers, calendar: Self.calendar, overdue: .daily).first?.stepKey == "overdue")
        // Each owner's share of it goes into their own message.
        let messages = ReminderMessage.compose(meeting, members: Self.members, grouping: .owner)
        let overdueFor = messages.filter { $0.entries.contains { $0.reminder.stepKey == "overdue" } }.map(\.recipient)
        #expect(overdueFor == [.member(Self.ann), .member(Self.bo)])
        // Once posted, a message keeps only what was not.
        let first = messages[0]
        #expect(first.leaving(Set(first.sent)) == nil)
        #expect(first.leaving([SentReminder(step: "overdue", recipient: first.recipient.key)])?.entries.map(\.reminder.stepKey)
                == first.entries.dropFirst().map(\.reminder.stepKey))
    }

    @Test func messagesGoOnePerOwnerOrPerGroup() {
        let register = Milestone(key: "register", titleTH: "ลงทะเบียน", titleEN: "Register", due: Self.d("2026-12-08"))
        let reminders = Reminder.due(on: Self.today, stickers: Self.stickers([register]), calendar: Self.calendar)
        let perOwner = ReminderMessage.compose(reminders, members: Self.members, grouping: .owner)
        #expect(perOwner.map(\.recipient) == [.member(Self.ann), .member(Self.bo), .committee])
        #expect(perOwner[0].entries.map(\.work) == [[OpenWork(memberID: 2, targets: [.item("O1")], openTasks: 1)]])
        let perGroup = ReminderMessage.compose(reminders, members: Self.members, grouping: .group)
        #expect(perGroup.map(\.recipient) == [.group("กลุ่มนโยบายและแผน"), .committee])
        #expect(perGroup[0].entries.first?.work.map(\.memberID) == [2, 3])
        // A filter keeps one member and drops the committee-wide message.
        let onlyBo = ReminderMessage.compose(reminders, members: Self.members, grouping: .owner, only: { $0.login == "bo" })
        #expect(onlyBo.map(\.recipient) == [.member(Self.bo)])
    }

    /// A milestone waits only for the work due by it: an indicator's task due later is not listed,
    /// and an item whose tasks are all due later is its owner's to re-plan (listed with no task).
    @Test func aMilestoneListsOnlyTheWorkDueByIt() {
        let milestone = Milestone(key: "m", titleTH: "เผยแพร่ OIT", titleEN: "OIT", due: Self.d("2026-12-09"), covers: ["OIT", "5"])
        let sticker = Self.stickers([milestone]).first { $0.milestone?.key == "m" }!
        func work(_ member: Member) -> OpenWork? { sticker.open.first { $0.memberID == member.id } }
        // Ann: O1 (task 1, due the 8th) and O2 (task 3, overdue). Bo: O1 (task 2), O3 (task 4) — but not
        // indicator 5, whose task is due on the 11th, after the milestone.
        #expect(work(Self.ann)?.targets == [TaskTarget.item("O1"), .item("O2")] && work(Self.ann)?.openTasks == 2)
        #expect(work(Self.bo)?.targets == [TaskTarget.item("O1"), .item("O3")] && work(Self.bo)?.openTasks == 2, "\(String(describing: work(Self.bo)))")
        // With O3's task moved after the milestone, O3 still lacks it: its owner is told, with no task counted.
        var later = Self.tasks
        later[3].due = Self.d("2026-12-20")
        let moved = Self.stickers([milestone], tasks: later).first { $0.milestone?.key == "m" }!
        let bo = moved.open.first { $0.memberID == Self.bo.id }
        #expect(bo?.targets == [TaskTarget.item("O1"), .item("O3")] && bo?.openTasks == 1)
    }
}
