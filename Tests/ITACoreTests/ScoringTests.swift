import Testing
@testable import ITACore

@Suite struct OITProjectionTests {
    @Test func indicatorTenPublishedExample() {
        // Phichit FY2564: indicator 10 = 93.75 is only possible as mean(7/8, 2/2).
        let f = Fixtures.fy2564
        let failing = [Fixtures.items(of: f, sub: "10.1")[0]]
        let p = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: failing), estimates: [:])
        #expect(Score.text(p.indicatorScores[10]!) == "93.75")
        #expect(p.subIndicatorScores["10.1"] == 87.5)
        #expect(p.subIndicatorScores["10.2"] == 100)
    }

    @Test func indicatorNinePublishedExample() {
        // Indicator 9 = 97.78 = mean(8/9, 1, 1, 1, 1).
        let f = Fixtures.fy2564
        let failing = [Fixtures.items(of: f, sub: "9.1")[3]]
        let p = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: failing), estimates: [:])
        #expect(Score.text(p.indicatorScores[9]!) == "97.78")
        #expect(Score.text(p.indicatorScores[10]!) == "100.00")
    }

    @Test func otherPublishedIndicatorNineValues() {
        let f = Fixtures.fy2564
        // 93.50 = mean(1, 7/8, 1, 1, 4/5)
        let a = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: [
            Fixtures.items(of: f, sub: "9.2")[0], Fixtures.items(of: f, sub: "9.5")[0]]), estimates: [:])
        #expect(Score.text(a.indicatorScores[9]!) == "93.50")
        // 94.64 = mean(1, 7/8, 6/7, 1, 1)
        let b = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: [
            Fixtures.items(of: f, sub: "9.2")[0], Fixtures.items(of: f, sub: "9.3")[0]]), estimates: [:])
        #expect(Score.text(b.indicatorScores[9]!) == "94.64")
    }

    @Test func oitPointsAreTwoTenthsOfEachIndicator() {
        // OIT 38.31 = 0.2 × 97.78 + 0.2 × 93.75
        let f = Fixtures.fy2564
        let failing = [Fixtures.items(of: f, sub: "9.1")[0], Fixtures.items(of: f, sub: "10.1")[0]]
        let p = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: failing), estimates: ["IIT": 90, "EIT": 80])
        #expect(Score.text(p.points(of: "OIT", in: f)) == "38.31")
        // Total = 0.3 × 90 + 0.3 × 80 + 38.305…
        #expect(Score.text(p.total) == "89.31")
        #expect(p.grade?.grade == "A")
    }

    @Test func fy2566IndicatorTenExample() {
        // สพป.สกลนคร เขต 1, FY2566: indicator 10 = 87.5 fits mean(6/8, 5/5).
        let f = Fixtures.fy2566
        let tenOne = Fixtures.items(of: f, sub: "10.1")
        let p = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: [tenOne[0], tenOne[1]]), estimates: [:])
        #expect(p.indicatorScores[10] == 87.5)
    }

    @Test func itemsAreNotPooledAcrossSubIndicators() {
        // One failing item in a 4-item sub-indicator costs more than one in a 10-item one.
        let f = Fixtures.fy2566
        let small = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: [Fixtures.items(of: f, sub: "9.3")[0]]), estimates: [:])
        let large = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f, except: [Fixtures.items(of: f, sub: "9.1")[0]]), estimates: [:])
        #expect(small.indicatorScores[9]! == 95)
        #expect(large.indicatorScores[9]! == 98)
    }

    @Test func missingEstimateCountsAsZeroAndIsReported() {
        let f = Fixtures.fy2566
        let p = ScoreProjection(framework: f, passedItems: Fixtures.allPassed(f), estimates: ["IIT": 90])
        #expect(p.unknownTools == ["EIT"])
        #expect(Score.text(p.total) == "67.00")
    }
}

@Suite struct GradingTests {
    let letters = Fixtures.letterGrades
    let verbal = Fixtures.verbalGrades
    let allTools: [String: Double] = ["IIT": 99, "EIT": 99, "OIT": 99]

    @Test(arguments: [(84.99, "B"), (85.00, "A"), (94.99, "A"), (95.00, "AA"), (100, "AA"), (74.99, "C"),
                      (64.99, "D"), (55.0, "D"), (54.99, "E"), (49.99, "F"), (0, "F")])
    func letterBands(total: Double, expected: String) {
        #expect(letters.grade(total: total, toolScores: allTools)?.grade == expected)
    }

    @Test func letterGradeComparesPublishedTwoDecimals() {
        // 84.996 publishes as 85.00.
        #expect(letters.grade(total: 84.996, toolScores: [:])?.grade == "A")
        #expect(letters.grade(total: 84.994, toolScores: [:])?.grade == "B")
    }

    @Test func verbalBoundaries() {
        let high: [String: Double] = ["IIT": 95, "EIT": 95, "OIT": 95]
        #expect(verbal.grade(total: 95.00, toolScores: high)?.grade == "ผ่านดีเยี่ยม")
        #expect(verbal.grade(total: 94.99, toolScores: high)?.grade == "ผ่านดี")
        #expect(verbal.grade(total: 95.00, toolScores: ["IIT": 94.99, "EIT": 96, "OIT": 100])?.grade == "ผ่านดี")
        #expect(verbal.grade(total: 85.00, toolScores: ["IIT": 85, "EIT": 85, "OIT": 85])?.grade == "ผ่านดี")
        #expect(verbal.grade(total: 84.99, toolScores: ["IIT": 85, "EIT": 85, "OIT": 85])?.grade == "ต้องปรับปรุง")
        #expect(verbal.grade(total: 70.00, toolScores: high)?.grade == "ต้องปรับปรุง")
        #expect(verbal.grade(total: 69.99, toolScores: high)?.grade == "ต้องปรับปรุงโดยด่วน")
    }

    @Test func oneToolBelow85DropsGoodToPass() {
        // State Audit Office, FY2568: 94.64 overall, EIT below 85 → ผ่าน, not ผ่านดี.
        #expect(verbal.grade(total: 94.64, toolScores: ["IIT": 97, "EIT": 84.99, "OIT": 100])?.grade == "ผ่าน")
        #expect(verbal.grade(total: 94.64, toolScores: ["IIT": 97, "EIT": 85.00, "OIT": 100])?.grade == "ผ่านดี")
    }

    @Test func atLeastFollowsRuleOrder() {
        #expect(letters.isAtLeast("AA", "A"))
        #expect(letters.isAtLeast("A", "A"))
        #expect(!letters.isAtLeast("B", "A"))
        #expect(verbal.isAtLeast("ผ่านดีเยี่ยม", "ผ่านดี"))
        #expect(!verbal.isAtLeast("ผ่าน", "ผ่านดี"))
    }
}

@Suite struct WhatItTakesTests {
    @Test func alreadyMetWhenGradeReached() {
        let f = Fixtures.fy2566
        let result = WhatItTakes.compute(framework: f, passedItems: Fixtures.allPassed(f), estimates: ["IIT": 90, "EIT": 90], target: "A")
        #expect(result == .alreadyMet)
    }

    @Test func picksFewestItemsMostPointsFirst() {
        // IIT 80, EIT 80 → 48 points from surveys; OIT needs 37 of 40 for A (85).
        // Nothing passed: each 9.3/9.4/9.5 item is worth 0.4×0.5×(1/5)×(1/4)×100 = 1.0 point,
        // each 10.2 item 0.4×0.5×0.5×(1/5)×100 = 2.0, each 10.1 item 1.25, 9.2 = 0.5, 9.1 = 0.4.
        let f = Fixtures.fy2566
        let result = WhatItTakes.compute(framework: f, passedItems: [], estimates: ["IIT": 80, "EIT": 80], target: "A")
        guard case .finish(let items, let total) = result else { Issue.record("expected finish, got \(result)"); return }
        let tenTwo = Fixtures.items(of: f, sub: "10.2"), tenOne = Fixtures.items(of: f, sub: "10.1")
        #expect(Array(items.prefix(13)) == tenTwo + tenOne)   // 10 + 10 = 20 points from 13 items
        #expect(total >= 85)
        // One item fewer must not be enough: the answer is minimal.
        var fewer = Set(items); fewer.remove(items.last!)
        let short = ScoreProjection(framework: f, passedItems: fewer, estimates: ["IIT": 80, "EIT": 80])
        #expect(Score.published(short.total) < 85)
    }

    @Test func tiesGoToNearestDue() {
        let f = Fixtures.fy2566
        let nineThree = Fixtures.items(of: f, sub: "9.3")
        // Everything passed but two 9.3 items; A needs only one of them back.
        let passed = Fixtures.allPassed(f, except: nineThree)
        let result = WhatItTakes.compute(framework: f, passedItems: passed, estimates: ["IIT": 95, "EIT": 91.6], target: "AA",
                                         nearestDue: [nineThree[3]: Fixtures.date("2026-12-01"), nineThree[0]: Fixtures.date("2027-01-01")])
        guard case .finish(let items, _) = result else { Issue.record("expected finish, got \(result)"); return }
        #expect(items.first == nineThree[3])
    }

    @Test func verbalTargetBlockedBySurveyTool() {
        let f = Fixtures.framework(nine: [10, 8, 4, 4, 4], ten: [8, 5], grading: Fixtures.verbalGrades)
        let result = WhatItTakes.compute(framework: f, passedItems: [], estimates: ["IIT": 90, "EIT": 84], target: "ผ่านดี")
        #expect(result == .toolsBelowRequirement([.init(tool: "EIT", score: 84, required: 85)]))
    }

    @Test func unreachableReportsBestTotal() {
        let f = Fixtures.fy2566
        let result = WhatItTakes.compute(framework: f, passedItems: [], estimates: ["IIT": 50, "EIT": 50], target: "AA")
        #expect(result == .unreachable(bestTotal: 70))
    }
}

@Suite struct EstimateSourceTests {
    @Test func aFallbackSaysHowManyIndicatorsItRestsOn() {
        let f = Fixtures.fy2564
        let iit = f.indicators(of: "IIT").map(\.number)
        var a = Assessment(organisation: "x", fiscalYear: 2570, frameworkID: f.id, targetGrade: "A",
                           lastYearScores: [iit[0]: 90, iit[1]: 80])
        #expect(a.estimateSource(for: "IIT", in: f) == .lastYear(indicators: 2, of: iit.count))
        #expect(a.estimate(for: "IIT", in: f) == 85)
        #expect(a.estimateSource(for: "EIT", in: f) == .unknown)
        a.estimates["IIT"] = 93
        #expect(a.estimateSource(for: "IIT", in: f) == .committee)
    }
}

@Suite struct OfficialResultsTests {
    static let verbal = GradingScheme(kind: .verbal, passMark: 85, rules: [
        GradeRule(grade: "ผ่านดีเยี่ยม", minTotal: 95, minEachTool: 95), GradeRule(grade: "ผ่านดี", minTotal: 85, minEachTool: 85),
        GradeRule(grade: "ผ่าน", minTotal: 85), GradeRule(grade: "ต้องปรับปรุง", minTotal: 70), GradeRule(grade: "ต้องปรับปรุงโดยด่วน", minTotal: 0)])

    static var framework: Framework {
        var f = Fixtures.fy2564
        f.grading = verbal
        return f
    }

    @Test func aRecordedGradeTheRuleCannotGiveIsFlagged() {
        let f = Self.framework
        // Seed 002's 87.85 graded ผ่านดีเยี่ยม: the rule needs 95.
        #expect(OfficialResults(scores: ["total": 87.85], grade: "ผ่านดีเยี่ยม").contradiction(in: f)
                == .totalTooLow(grade: "ผ่านดีเยี่ยม", total: 87.85, needs: 95))
        // 94.64 with EIT under 85 is ผ่าน, not ผ่านดี (the SAO case).
        #expect(OfficialResults(scores: ["total": 94.64, "EIT": 84.2], grade: "ผ่านดี").contradiction(in: f)
                == .toolTooLow(grade: "ผ่านดี", tool: "EIT", score: 84.2, needs: 85))
        // Every score known: the grade must be the one they give.
        #expect(OfficialResults(scores: ["total": 94.64, "IIT": 96, "EIT": 90, "OIT": 96], grade: "ผ่าน").contradiction(in: f)
                == .scoresGive(grade: "ผ่าน", computed: "ผ่านดี"))
        #expect(OfficialResults(scores: ["total": 94.64, "IIT": 96, "EIT": 84, "OIT": 96], grade: "ผ่าน").contradiction(in: f) == nil)
        #expect(OfficialResults(scores: [:], grade: "AA").contradiction(in: f) == .unknownGrade("AA"))
    }
}
