import Testing
@testable import ITACore

/// "What it takes" against brute force: random frameworks with one to three item-scored tools,
/// random grading (letters, or verbal with a per-tool minimum) and random progress. The smallest
/// set found by trying every subset must be as small as the one computed, and the computed one must
/// reach the target.
@Suite struct WhatItTakesOracleTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func framework(_ rng: inout Generator) -> Framework {
        let itemTools = Int.random(in: 1...3, using: &rng)
        let survey = Bool.random(using: &rng)
        let toolCount = itemTools + (survey ? 1 : 0)
        var weights = (0..<toolCount).map { _ in Double(Int.random(in: 1...5, using: &rng)) }
        let sum = weights.reduce(0, +)
        weights = weights.map { $0 / sum }
        var tools: [Tool] = [], indicators: [Indicator] = []
        var item = 0, number = 0
        for t in 0..<itemTools {
            let code = "T\(t)"
            tools.append(Tool(code: code, nameTH: code, nameEN: code, weight: weights[t], scoredFromItems: true))
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                number += 1
                let subs = (0..<Int.random(in: 1...2, using: &rng)).map { s -> SubIndicator in
                    let items = (0..<Int.random(in: 1...3, using: &rng)).map { _ -> OITItem in
                        item += 1
                        return OITItem(code: "O\(item)", titleTH: "ข้อ \(item)")
                    }
                    return SubIndicator(code: "\(number).\(s + 1)", nameTH: "", items: items)
                }
                indicators.append(Indicator(number: number, nameTH: "", nameEN: "", tool: code, subIndicators: subs))
            }
        }
        if survey {
            tools.append(Tool(code: "S", nameTH: "S", nameEN: "S", weight: weights[itemTools], scoredFromItems: false))
            number += 1
            indicators.append(Indicator(number: number, nameTH: "", nameEN: "", tool: "S"))
        }
        let verbal = Bool.random(using: &rng)
        let rules = verbal
            ? [GradeRule(grade: "ดีเยี่ยม", minTotal: Double(Int.random(in: 80...95, using: &rng)), minEachTool: Double(Int.random(in: 60...85, using: &rng))),
               GradeRule(grade: "ดี", minTotal: Double(Int.random(in: 50...79, using: &rng)), minEachTool: Double(Int.random(in: 30...59, using: &rng))),
               GradeRule(grade: "ไม่ผ่าน", minTotal: 0)]
            : [GradeRule(grade: "A", minTotal: Double(Int.random(in: 70...95, using: &rng))),
               GradeRule(grade: "B", minTotal: Double(Int.random(in: 40...69, using: &rng))), GradeRule(grade: "F", minTotal: 0)]
        return Framework(id: "random", fiscalYear: 2569, title: "", tools: tools, indicators: indicators,
                         grading: GradingScheme(kind: verbal ? .verbal : .letter, passMark: 50, rules: rules))
    }

    @Test func theComputedSetIsASmallestOne() {
        var rng = Generator(state: 2569)
        var checked = 0, finishes = 0
        for _ in 0..<400 {
            let f = Self.framework(&rng)
            let codes = f.items.map(\.code)
            let passed = Set(codes.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.3 })
            let estimates = ["S": Double(Int.random(in: 40...100, using: &rng))]
            let target = f.grading.rules[Int.random(in: 0...1, using: &rng)].grade
            func reaches(_ set: Set<String>) -> Bool {
                ScoreProjection(framework: f, passedItems: set, estimates: estimates).grade.map { f.grading.isAtLeast($0.grade, target) } ?? false
            }
            let open = codes.filter { !passed.contains($0) }
            guard open.count <= 12 else { continue }
            // The brute force: the smallest subset of open items that reaches the target, if any.
            var smallest: Int?
            for mask in 0..<(1 << open.count) {
                let size = mask.nonzeroBitCount
                if let s = smallest, size >= s { continue }
                let set = passed.union(open.indices.filter { mask & (1 << $0) != 0 }.map { open[$0] })
                if reaches(set) { smallest = size }
            }
            let result = WhatItTakes.compute(framework: f, passedItems: passed, estimates: estimates, target: target)
            checked += 1
            switch result {
            case .alreadyMet: #expect(smallest == 0)
            case .finish(let items, let total):
                finishes += 1
                #expect(items.count == smallest, "computed \(items) for \(f.items.count) items, brute force \(smallest ?? -1)")
                let set = passed.union(items)
                #expect(reaches(set))
                #expect(abs(ScoreProjection(framework: f, passedItems: set, estimates: estimates).total - total) < 1e-9)
            case .toolsBelowRequirement, .unreachable:
                #expect(smallest == nil, "said unreachable, brute force found \(smallest ?? -1)")
            }
        }
        #expect(checked > 300 && finishes > 100)
    }

    @Test func twoItemToolsDoNotSpendAnItemOnAToolAlreadyAtItsMinimum() {
        // T0 (3 items, 2 passed: 66.67) is above the per-tool minimum; T1 (4 items, 1 passed: 25) is
        // below it. T0's open item is worth the most points, but one T1 item alone reaches the grade:
        // T1 50, total 58.33 ≥ 55. Taking the most valuable item first would take two.
        let f = Framework(id: "two", fiscalYear: 2569, title: "", tools: [
            Tool(code: "T0", nameTH: "", nameEN: "", weight: 0.5, scoredFromItems: true),
            Tool(code: "T1", nameTH: "", nameEN: "", weight: 0.5, scoredFromItems: true),
        ], indicators: [
            Indicator(number: 1, nameTH: "", nameEN: "", tool: "T0", subIndicators: [
                SubIndicator(code: "1.1", nameTH: "", items: (1...3).map { OITItem(code: "O\($0)", titleTH: "") })]),
            Indicator(number: 2, nameTH: "", nameEN: "", tool: "T1", subIndicators: [
                SubIndicator(code: "2.1", nameTH: "", items: (4...7).map { OITItem(code: "O\($0)", titleTH: "") })]),
        ], grading: GradingScheme(kind: .verbal, passMark: 50, rules: [
            GradeRule(grade: "ผ่าน", minTotal: 55, minEachTool: 50), GradeRule(grade: "ไม่ผ่าน", minTotal: 0)]))
        let result = WhatItTakes.compute(framework: f, passedItems: ["O1", "O2", "O4"], estimates: [:], target: "ผ่าน")
        guard case .finish(let items, let total) = result else { Issue.record("\(result)"); return }
        #expect(items == ["O5"] && Score.text(total) == "58.33")
    }
}
