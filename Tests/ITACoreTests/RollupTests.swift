import Testing
@testable import ITACore

/// `ita rollup`'s figures on hand-made offices: a small framework (O1–O4), survey estimates, an OIT
/// milestone, respondents and the day of the last change decide each office's risks.
struct RollupTests {
    static let d = Fixtures.date
    static let framework = Fixtures.framework(nine: [3], ten: [1])
    static let today = d("2026-12-01")
    static let oitDue = Milestone(key: "oit_publish", titleTH: "เผยแพร่ OIT", titleEN: "OIT published", due: d("2026-12-20"), covers: ["OIT"])

    static func task(_ id: Int64, _ code: String, done: Bool, due: String = "2026-12-15") -> WorkTask {
        WorkTask(id: id, title: "งาน \(id)", target: .item(code), ownerID: 2, due: d(due), status: done ? .done : .todo,
                 evidence: done ? ["https://example.go.th/\(code).pdf"] : [])
    }

    /// An office whose survey estimates are `survey` and whose OIT items `failing` are open.
    static func office(_ code: String, survey: Double, failing: [String], overdue: Bool = false, changedDaysAgo: Int? = 1,
                       respondents: Respondents = Respondents(quota: 25, count: 25), lastYear: [Int: Double] = [:]) -> OfficeStanding {
        var tasks = framework.items.enumerated().map { i, item in task(Int64(i + 1), item.code, done: !failing.contains(item.code)) }
        if overdue { tasks.append(task(99, failing.first ?? "O1", done: false, due: "2026-11-20")) }
        let assessment = Assessment(organisation: "สำนักงาน \(code)", fiscalYear: 2570, frameworkID: "test", targetGrade: "A",
                                    lastYearScores: lastYear, estimates: ["IIT": survey, "EIT": survey],
                                    respondents: ["IIT": respondents], milestones: [oitDue])
        let board = Board(framework: framework, assessment: assessment, members: StickerTests.members, owners: [:],
                          tallies: Tally.byTarget(tasks, today: today), dueGroups: [], nearestDue: [:], today: today)
        let change = changedDaysAgo.map { Timestamp(secondsSince1970: Int64(today.adding(days: -$0).dayNumber) * 86_400 + 3 * 3600, utcOffsetSeconds: 7 * 3600) }
        return OfficeStanding(code: code, board: board, lastChange: change)
    }

    @Test func aHealthyOfficeHasNoRisk() {
        let o = Self.office("a", survey: 95, failing: [])
        #expect(o.projected == 97)   // 0.3·95 + 0.3·95 + 0.4·100
        #expect(o.passes)
        #expect(o.risks.isEmpty)
        #expect(o.estimatedTools == ["IIT", "EIT"])
    }

    @Test func eachSignOfTroubleIsARisk() {
        let o = Self.office("b", survey: 70, failing: ["O2", "O4"], overdue: true, changedDaysAgo: 20, respondents: Respondents(quota: 25, count: 9))
        #expect(o.risks == [
            .belowPassMark(projected: o.projected, passMark: 85),
            .oitOpenNearMilestone(openItems: 2, days: 19),
            .overdue(tasks: 1),
            .quiet(days: 20),
            .respondentsBelowQuota(tool: "IIT", count: 9, quota: 25),
        ])
        #expect(o.failingItems.map(\.code) == ["O2", "O4"])
        // Never changed is a risk too; 13 days is not yet quiet.
        #expect(Self.office("c", survey: 95, failing: [], changedDaysAgo: nil).risks == [.quiet(days: nil)])
        #expect(Self.office("c", survey: 95, failing: [], changedDaysAgo: 13).risks.isEmpty)
    }

    @Test func openOITItemsCountOnlyNearTheMilestone() {
        var far = Self.office("d", survey: 95, failing: ["O1"])
        far.oitMilestone?.due = Self.today.adding(days: 31)
        #expect(!far.risks.contains { if case .oitOpenNearMilestone = $0 { return true } else { return false } })
        far.oitMilestone?.due = Self.today.adding(days: -3)
        #expect(far.risks.contains(.oitOpenNearMilestone(openItems: 1, days: -3)))
    }

    @Test func theShareProjectedToPassIsWeighedAgainstTheNationalTarget() {
        let offices = (1...5).map { Self.office("p\($0)", survey: 95, failing: []) } + [Self.office("f1", survey: 60, failing: ["O1", "O2"])]
        let rollup = Rollup(offices: offices)
        #expect(rollup.passing == 5)
        #expect(abs(rollup.passingShare - 5.0 / 6.0) < 1e-9)
        #expect(rollup.meetsNationalTarget)   // 83% ≥ 80%
        #expect(rollup.offices.first?.code == "f1")   // the lowest first
        #expect(rollup.atRisk.map(\.code) == ["f1"])
        let worse = Rollup(offices: offices + [Self.office("f2", survey: 60, failing: ["O2"])])
        #expect(!worse.meetsNationalTarget)   // 5 of 7 = 71%
        #expect(!Rollup(offices: []).meetsNationalTarget)
    }

    @Test func theMostFailedItemsComeFirstWithHowManyOfficesHaveThem() {
        let rollup = Rollup(offices: [Self.office("a", survey: 90, failing: ["O2", "O4"]), Self.office("b", survey: 90, failing: ["O4"]),
                                      Self.office("c", survey: 90, failing: ["O1"])])
        let failed = rollup.mostFailedItems()
        #expect(failed.map(\.code) == ["O4", "O1", "O2"])   // 2 offices, then 1 each by number
        #expect(failed.map(\.failing) == [2, 1, 1])
        #expect(failed.allSatisfy { $0.offices == 3 } && failed.count == 3)
        #expect(rollup.mostFailedItems(limit: 1).map(\.code) == ["O4"])
    }

    @Test func indicatorMeansAreSetAgainstLastYear() {
        let rollup = Rollup(offices: [Self.office("a", survey: 90, failing: [], lastYear: [9: 80]),
                                      Self.office("b", survey: 90, failing: ["O1", "O2", "O3"], lastYear: [9: 90])])
        let nine = rollup.indicatorMeans.first { $0.number == 9 }!
        #expect(nine.projected == 50)   // 100 and 0
        #expect(nine.lastYear == 85)
        #expect(nine.change == -35)
        #expect(nine.offices == 2)
        #expect(rollup.indicatorMeans.map(\.number) == Array(1...10))
    }
}
