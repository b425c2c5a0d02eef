import Testing
@testable import ITACore

/// Snapshots, the weekly review and the OIT burndown on known histories.
struct ReviewTests {
    static let d = Fixtures.date

    static func snapshot(_ day: String, open: Int, projected: Double, done: Int = 0, kind: ProgressSnapshot.Kind = .daily,
                         owners: [String: ProgressSnapshot.OwnerCounts] = [:], indicators: [Int: [Int]] = [:]) -> ProgressSnapshot {
        ProgressSnapshot(day: d(day), kind: kind, projected: projected, openItems: open, tasksDone: done, tasksTotal: 100, overdue: 0,
                         indicators: indicators, owners: owners)
    }

    @Test func burndownIdealPaceAndProjectedFinish() {
        // 40 open on 1 Dec, 30 on 11 Dec: one a day. Deadline 31 Dec.
        let b = Burndown(points: [.init(day: Self.d("2026-12-11"), open: 30), .init(day: Self.d("2026-12-01"), open: 40)],
                         deadline: Self.d("2026-12-31"))
        #expect(b.points.first?.open == 40)                      // sorted by day
        #expect(b.ideal(on: Self.d("2026-12-01")) == 40)
        #expect(b.ideal(on: Self.d("2026-12-16")) == 20)
        #expect(b.ideal(on: Self.d("2027-01-05")) == 0)
        #expect(b.pace == 1)
        #expect(b.projectedFinish == Self.d("2027-01-10"))       // 30 more days at one a day
        #expect(!b.onTrack)
        let fast = Burndown(points: [.init(day: Self.d("2026-12-01"), open: 40), .init(day: Self.d("2026-12-11"), open: 10)],
                            deadline: Self.d("2026-12-31"))
        #expect(fast.projectedFinish == Self.d("2026-12-15") && fast.onTrack)
        let stuck = Burndown(points: [.init(day: Self.d("2026-12-01"), open: 40), .init(day: Self.d("2026-12-11"), open: 40)],
                             deadline: Self.d("2026-12-31"))
        #expect(stuck.projectedFinish == nil && !stuck.onTrack)
    }

    @Test func reviewComparesWithTheLatestSnapshotAWeekOldAndGroupsWeeks() {
        let history = [
            Self.snapshot("2026-11-16", open: 43, projected: 60, done: 10, owners: ["ann": .init(assigned: 5, done: 1, overdue: 0)],
                          indicators: [9: [5, 50]]),
            Self.snapshot("2026-11-18", open: 41, projected: 62, done: 12, owners: ["ann": .init(assigned: 5, done: 2, overdue: 1)],
                          indicators: [9: [7, 50]]),
            Self.snapshot("2026-11-18", open: 41, projected: 62, done: 12, kind: .meeting,
                          owners: ["ann": .init(assigned: 5, done: 2, overdue: 1)], indicators: [9: [7, 50]]),
            Self.snapshot("2026-11-23", open: 38, projected: 64, done: 15),
        ]
        let now = Self.snapshot("2026-11-25", open: 35, projected: 66, done: 18, owners: ["ann": .init(assigned: 5, done: 4, overdue: 0)],
                                indicators: [9: [12, 50]])
        let review = WeeklyReview.build(now: now, history: history, oitDeadline: Self.d("2026-12-31"))
        #expect(review.weekAgo?.day == Self.d("2026-11-18"))
        #expect(review.doneThisWeek(indicator: 9) == 5)
        #expect(review.doneThisWeek(owner: "ann") == 2)
        #expect(review.doneThisWeek(owner: "nobody") == nil)
        // Weeks start on Monday: the week of 16 Nov ends with the 18th; the week of 23 Nov is now.
        #expect(review.weeklyScores == [.init(weekStart: Self.d("2026-11-16"), projected: 62), .init(weekStart: Self.d("2026-11-23"), projected: 66)])
        #expect(review.burndown?.points.map(\.open) == [43, 41, 38, 35])
        // Less than a week of history: nothing to compare with.
        #expect(WeeklyReview.build(now: now, history: [history[3]], oitDeadline: nil).weekAgo == nil)
    }
}

@Suite struct OITDeadlineTests {
    @Test func theBurndownRunsToTheMilestoneCoveringEveryItem() {
        let f = Fixtures.fy2564
        let first = f.items.first!.code
        func board(_ milestones: [Milestone]) -> Board {
            let a = Assessment(organisation: "x", fiscalYear: 2570, frameworkID: f.id, targetGrade: "A", indicatorTarget: 85, lastYearScores: [:],
                               estimates: [:], respondents: [:], milestones: milestones, holidays: [], process: .phayao)
            return Board(framework: f, assessment: a, members: [], owners: [:], tallies: [:], dueGroups: [], nearestDue: [:],
                         today: CivilDate(iso: "2026-12-01")!)
        }
        let one = Milestone(key: "one", titleTH: "ข้อเดียว", titleEN: "one", due: CivilDate(iso: "2026-12-09")!, reminderOffsets: [], covers: [first])
        let all = Milestone(key: "all", titleTH: "ทุกข้อ", titleEN: "all", due: CivilDate(iso: "2026-12-25")!, reminderOffsets: [], covers: ["OIT"])
        // A milestone covering one item comes first; the burndown still runs to the one covering them all.
        #expect(board([one, all]).oitDeadline == CivilDate(iso: "2026-12-25"))
        // With none covering all, the last one covering any.
        let later = Milestone(key: "later", titleTH: "ทีหลัง", titleEN: "later", due: CivilDate(iso: "2027-01-09")!, reminderOffsets: [], covers: [first])
        #expect(board([one, later]).oitDeadline == CivilDate(iso: "2027-01-09"))
        #expect(board([]).oitDeadline == nil)
    }
}
