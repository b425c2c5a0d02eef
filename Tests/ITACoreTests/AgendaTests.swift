import Testing
@testable import ITACore

/// The meeting agenda on a fixed history: Wednesday 25 Nov 2026, the previous meeting on Wed 18 Nov
/// (ended 10:30), the next on Wed 2 Dec. One test per section.
struct AgendaTests {
    static let d = Fixtures.date
    static let framework = StickerTests.framework
    static let members = StickerTests.members
    static let today = d("2026-11-25")
    static let next = d("2026-12-02")

    static func at(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    static let previous = Meeting(id: 1, day: d("2026-11-18"), startedAt: at("2026-11-18T09:30:00+07:00"),
                                  endedAt: at("2026-11-18T10:30:00+07:00"), summary: nil)

    static func task(_ id: Int64, _ target: TaskTarget, owner: Int64, due: String?, status: TaskStatus = .todo,
                     doneAt: String? = nil) -> WorkTask {
        WorkTask(id: id, title: "งาน \(id)", target: target, ownerID: owner, due: due.map(d), status: status,
                 doneBy: doneAt == nil ? nil : owner, doneAt: doneAt.map(at))
    }

    static func board(_ tasks: [WorkTask], milestones: [Milestone] = [], today: CivilDate = today) -> Board {
        Board(framework: framework, assessment: StickerTests.assessment(milestones), members: members, owners: StickerTests.owners,
              tallies: Tally.byTarget(tasks, today: today), dueGroups: [], nearestDue: [:], today: today)
    }

    static func agenda(_ tasks: [WorkTask], previous: Meeting? = previous, scoreBefore: Double? = 50, milestones: [Milestone] = [],
                       lastChanged: [Int64: CivilDate] = [:], entries: [MeetingEntry] = [], earlier: [MeetingEntry] = []) -> Agenda {
        Agenda.build(board: board(tasks, milestones: milestones), tasks: tasks, previous: previous, scoreBefore: scoreBefore,
                     nextMeeting: next, lastChanged: lastChanged, entries: entries, earlierActions: earlier)
    }

    static func ids(_ rows: [Agenda.Row]) -> [String] {
        rows.map { row in
            switch row {
            case .score: return "score"
            case .owner(let id, let count): return "@\(id)×\(count)"
            case .task(let t): return "#\(t.id)"
            case .survey(let tool, let r): return "\(tool) \(r.count)/\(r.quota)"
            case .entry(let e): return "\(e.kind.rawValue):\(e.text)"
            case .followUp(let e, let t): return "follow:\(e.id)#\(t.id)"
            }
        }
    }

    @Test func doneSinceTheLastMeetingByOwnerWithTheScoreChange() {
        let tasks = [
            Self.task(1, .item("O1"), owner: 3, due: "2026-11-20", status: .done, doneAt: "2026-11-24T15:00:00+07:00"),
            Self.task(2, .item("O2"), owner: 2, due: "2026-11-20", status: .done, doneAt: "2026-11-19T08:00:00+07:00"),
            Self.task(3, .item("O3"), owner: 3, due: "2026-11-20", status: .done, doneAt: "2026-11-18T11:00:00+07:00"),
            // Done during the previous meeting, before it ended: that meeting saw it.
            Self.task(4, .item("O4"), owner: 2, due: "2026-11-20", status: .done, doneAt: "2026-11-18T10:00:00+07:00"),
            Self.task(5, .item("O4"), owner: 2, due: "2026-11-30"),
        ]
        let agenda = Self.agenda(tasks)
        // Members in committee order (ann #2 before bo #3); each owner's tasks in the order they were done.
        #expect(Self.ids(agenda.rows(.done)) == ["score", "@2×1", "#2", "@3×2", "#3", "#1"])
        guard case .score(let before, let after)? = agenda.rows(.done).first else { Issue.record("no score row"); return }
        #expect(before == 50)
        #expect(after == Self.board(tasks).projection.total && after == agenda.summary(grade: nil).scoreAfter)
        #expect(agenda.since == Self.d("2026-11-18") && agenda.previousMeeting == Self.d("2026-11-18"))
        // The first meeting looks back a week, by day.
        let first = Self.agenda(tasks, previous: nil, scoreBefore: nil)
        #expect(first.since == Self.d("2026-11-18"))
        #expect(Self.ids(first.rows(.done)) == ["score", "@2×2", "#4", "#2", "@3×2", "#3", "#1"])
    }

    @Test func overdueGroupedByOwnerOldestFirst() {
        let tasks = [
            Self.task(1, .item("O1"), owner: 2, due: "2026-11-20"),
            Self.task(2, .item("O2"), owner: 3, due: "2026-11-10", status: .blocked),
            Self.task(3, .item("O3"), owner: 3, due: "2026-11-24", status: .inProgress),
            Self.task(4, .item("O1"), owner: 2, due: "2026-11-02"),
            Self.task(5, .item("O1"), owner: 2, due: "2026-11-01", status: .done, doneAt: "2026-11-01T09:00:00+07:00"),
            Self.task(6, .item("O2"), owner: 3, due: "2026-11-25"),      // due today: not overdue
        ]
        // ann's oldest (2 Nov) is older than bo's (10 Nov), so ann leads.
        #expect(Self.ids(Self.agenda(tasks).rows(.overdue)) == ["@2×2", "#4", "#1", "@3×2", "#2", "#3"])
    }

    @Test func dueFromTodayThroughTheNextMeeting() {
        let tasks = [
            Self.task(1, .item("O1"), owner: 2, due: "2026-12-02"),      // the next meeting's day: in
            Self.task(2, .item("O2"), owner: 3, due: "2026-11-25"),      // today: in
            Self.task(3, .item("O3"), owner: 3, due: "2026-12-03"),      // after the next meeting: out
            Self.task(4, .item("O1"), owner: 2, due: "2026-11-28", status: .done, doneAt: "2026-11-24T09:00:00+07:00"),
            Self.task(5, .item("O1"), owner: 2, due: "2026-11-24"),      // overdue: section b, not c
            Self.task(6, .item("O2"), owner: 2, due: nil),
        ]
        #expect(Self.ids(Self.agenda(tasks).rows(.dueSoon)) == ["#2", "#1"])
    }

    @Test func atRiskIsStaleForFourteenDaysWithADeadlineWithinThirty() {
        let tasks = [
            Self.task(1, .item("O1"), owner: 2, due: "2026-12-20"),      // stale 14 days, due in 25: at risk
            Self.task(2, .item("O2"), owner: 3, due: "2026-12-20"),      // changed 13 days ago: not yet
            Self.task(3, .item("O3"), owner: 3, due: "2026-12-26"),      // stale, but due in 31: not yet
            Self.task(4, .item("O1"), owner: 2, due: "2026-12-25"),      // stale, due in exactly 30: at risk
            Self.task(5, .item("O1"), owner: 2, due: "2026-12-01", status: .done, doneAt: "2026-11-01T09:00:00+07:00"),
        ]
        let changed: [Int64: CivilDate] = [1: Self.d("2026-11-11"), 2: Self.d("2026-11-12"), 3: Self.d("2026-10-01"),
                                           4: Self.d("2026-10-01"), 5: Self.d("2026-10-01")]
        #expect(Self.ids(Self.agenda(tasks, lastChanged: changed).rows(.atRisk)) == ["#1", "#4"])
    }

    @Test func respondentsOnlyWhileASurveyWindowIsOpen() {
        let window = Milestone(key: "surveys", titleTH: "ช่วงตอบแบบวัด", titleEN: "Surveys", starts: Self.d("2026-11-20"), due: Self.d("2026-12-20"),
                               covers: ["IIT", "EIT"])
        let open = Self.agenda([], milestones: [window])
        #expect(Self.ids(open.rows(.respondents)) == ["IIT 9/25", "EIT 10/10"])
        #expect(open.surveyWindow?.key == "surveys")
        var later = window
        later.starts = Self.d("2026-11-26")
        #expect(Self.agenda([], milestones: [later]).rows(.respondents).isEmpty)
        #expect(Self.agenda([], milestones: [later]).surveyWindow == nil)
        // A milestone that covers no survey is not a window.
        var oit = window
        oit.covers = ["OIT"]
        #expect(Self.agenda([], milestones: [oit]).rows(.respondents).isEmpty)
    }

    @Test func decisionsAndActionItemsThenEarlierActionsStillOpen() {
        let now = Self.at("2026-11-25T10:00:00+07:00")
        let entries = [
            MeetingEntry(id: 10, section: .overdue, kind: .note, subject: "#1", text: "รอเอกสาร", memberID: 1, at: now),
            MeetingEntry(id: 11, section: .overdue, kind: .decision, subject: "#1", text: "ขยายเวลาถึงสิ้นเดือน", memberID: 1, at: now),
            MeetingEntry(id: 12, section: .dueSoon, kind: .action, subject: "#2", text: "ติดต่อฝ่าย IT", taskID: 8, memberID: 1, at: now),
        ]
        let earlier = [
            MeetingEntry(id: 3, section: .overdue, kind: .action, subject: nil, text: "งานเก่า เปิดอยู่", taskID: 6, memberID: 1, at: Self.previous.startedAt),
            MeetingEntry(id: 4, section: .overdue, kind: .action, subject: nil, text: "งานเก่า เสร็จแล้ว", taskID: 7, memberID: 1, at: Self.previous.startedAt),
        ]
        let tasks = [
            Self.task(6, .item("O1"), owner: 2, due: "2026-11-30"),
            Self.task(7, .item("O1"), owner: 2, due: "2026-11-30", status: .done, doneAt: "2026-11-20T09:00:00+07:00"),
            Self.task(8, .item("O2"), owner: 3, due: "2026-12-02"),
        ]
        let agenda = Self.agenda(tasks, entries: entries, earlier: earlier)
        #expect(Self.ids(agenda.rows(.decisions)) == ["decision:ขยายเวลาถึงสิ้นเดือน", "action:ติดต่อฝ่าย IT", "follow:3#6"])
        #expect(agenda.summary(grade: "A").followUps.map(\.id) == [6])
        // A note is named by its row; an action item's row names its task.
        #expect(agenda.rows(.decisions)[1].subject(members: Self.members) == "#8")
        #expect(Agenda.Row.owner(2, count: 1).subject(members: Self.members) == "@ann")
    }

    @Test func theSummaryKeepsTheAgendaAsItStood() {
        let tasks = [
            Self.task(1, .item("O1"), owner: 2, due: "2026-11-20"),
            Self.task(2, .item("O2"), owner: 3, due: "2026-11-30"),
        ]
        let summary = Self.agenda(tasks).summary(grade: "F")
        #expect(summary.overdue.map(\.id) == [1] && summary.dueSoon.map(\.id) == [2])
        #expect(summary.overdue.first?.target == "O1" && summary.overdue.first?.title == "งาน 1")
        #expect(summary.nextMeeting == Self.next && summary.scoreBefore == 50 && summary.grade == "F")
    }

    @Test func theMeetingWeekdayAndTheNextMeeting() {
        let wednesday = MeetingSchedule(weekday: 3)
        #expect(wednesday.next(after: Self.d("2026-11-25")) == Self.d("2026-12-02"))   // a Wednesday: a week on
        #expect(wednesday.next(after: Self.d("2026-11-26")) == Self.d("2026-12-02"))   // Thursday
        #expect(wednesday.next(after: Self.d("2026-11-24")) == Self.d("2026-11-25"))   // Tuesday
        #expect(wednesday.isMeetingDay(Self.d("2026-11-25")) && !wednesday.isMeetingDay(Self.d("2026-11-26")))
        #expect(MeetingSchedule(weekday: 5).next(after: Self.d("2026-11-25")) == Self.d("2026-11-27"))
        #expect(MeetingSchedule.weekday(named: "Wednesday") == 3 && MeetingSchedule.weekday(named: "wed") == 3)
        #expect(MeetingSchedule.weekday(named: "วันพุธ") == 3 && MeetingSchedule.weekday(named: "พฤหัส") == 4)
        #expect(MeetingSchedule.weekday(named: "7") == 7 && MeetingSchedule.weekday(named: "8") == nil)
        #expect(MeetingSchedule.weekday(named: "we") == nil && MeetingSchedule.weekday(named: "someday") == nil)
    }
}
