/// The projected ITA score by the published method.
///
/// OIT: an item passes or not; a sub-indicator scores the % of its items passed; an indicator the
/// mean of its sub-indicators; a tool the mean of its indicators. Survey tools (IIT, EIT) use
/// estimates. Total = Σ tool weight × tool score (0.3 IIT + 0.3 EIT + 0.4 OIT), so OIT points =
/// 0.2 × indicator 9 + 0.2 × indicator 10.
public struct ScoreProjection: Hashable, Sendable {
    public var subIndicatorScores: [String: Double]
    public var indicatorScores: [Int: Double]
    public var toolScores: [String: Double]
    /// Tools with no estimate; they count as 0 in the total.
    public var unknownTools: [String]
    public var total: Double
    public var grade: GradeRule?

    public init(framework: Framework, passedItems: Set<String>, estimates: [String: Double]) {
        var subScores: [String: Double] = [:], indicatorScores: [Int: Double] = [:]
        var toolScores: [String: Double] = [:], unknown: [String] = []
        for tool in framework.tools {
            if tool.scoredFromItems {
                let indicators = framework.indicators(of: tool.code)
                var sum = 0.0
                for indicator in indicators {
                    var indicatorSum = 0.0
                    for sub in indicator.subIndicators {
                        let passed = sub.items.filter { passedItems.contains($0.code) }.count
                        let score = sub.items.isEmpty ? 0 : 100 * Double(passed) / Double(sub.items.count)
                        subScores[sub.code] = score
                        indicatorSum += score
                    }
                    let score = indicator.subIndicators.isEmpty ? 0 : indicatorSum / Double(indicator.subIndicators.count)
                    indicatorScores[indicator.number] = score
                    sum += score
                }
                toolScores[tool.code] = indicators.isEmpty ? 0 : sum / Double(indicators.count)
            } else if let estimate = estimates[tool.code] {
                toolScores[tool.code] = estimate
            } else {
                toolScores[tool.code] = 0
                unknown.append(tool.code)
            }
        }
        self.subIndicatorScores = subScores
        self.indicatorScores = indicatorScores
        self.toolScores = toolScores
        self.unknownTools = unknown
        self.total = framework.tools.reduce(0) { $0 + $1.weight * (toolScores[$1.code] ?? 0) }
        self.grade = framework.grading.grade(total: total, toolScores: toolScores)
    }

    /// Points a tool contributes to the total (OIT out of 40 under FY2566 weights).
    public func points(of tool: String, in framework: Framework) -> Double {
        (framework.tool(tool)?.weight ?? 0) * (toolScores[tool] ?? 0)
    }
}

/// "What it takes": a smallest set of open items whose passing reaches the target grade.
public enum WhatItTakes: Hashable, Sendable {
    case alreadyMet
    /// Finish these items (most points first) to reach the target; `projectedTotal` is the result.
    case finish(items: [String], projectedTotal: Double)
    /// Tools that cannot reach the score the target grade requires of every tool: a survey tool's
    /// estimate, or an item-scored tool even with all its items passed (`score` is its best).
    case toolsBelowRequirement([Shortfall])
    /// Even with every item passed the total stays below the target.
    case unreachable(bestTotal: Double)

    public struct Shortfall: Hashable, Sendable {
        public var tool: String
        public var score: Double
        public var required: Double

        public init(tool: String, score: Double, required: Double) {
            self.tool = tool
            self.score = score
            self.required = required
        }
    }

    /// Exact for any number of item-scored tools and any grading rules. An item adds a fixed share
    /// to its tool's score and to the total, so within a tool its most valuable open items are the
    /// best choice for any count. A smallest set is therefore: for each tool, the shortest prefix of
    /// its items (most valuable first) that lifts it to the per-tool minimum, then the most valuable
    /// of all remaining items until the grade is reached — which also gives the highest total of the
    /// smallest sets. Ties go to the item due soonest, then framework order. A brute-force test over
    /// random frameworks checks the count.
    public static func compute(framework: Framework, passedItems: Set<String>, estimates: [String: Double],
                               target: String, nearestDue: [String: CivilDate] = [:]) -> WhatItTakes {
        guard let rule = framework.grading.rule(named: target) else { return .unreachable(bestTotal: 0) }
        func reached(_ p: ScoreProjection) -> Bool { p.grade.map { framework.grading.isAtLeast($0.grade, target) } ?? false }
        let current = ScoreProjection(framework: framework, passedItems: passedItems, estimates: estimates)
        if reached(current) { return .alreadyMet }
        let order = Dictionary(uniqueKeysWithValues: framework.items.enumerated().map { ($1.code, $0) })
        let points = Dictionary(uniqueKeysWithValues: framework.items.map { ($0.code, framework.points(of: .item($0.code))) })
        func mostValuableFirst(_ a: String, _ b: String) -> Bool {
            let pa = points[a]!, pb = points[b]!
            if abs(pa - pb) > 1e-9 { return pa > pb }
            let da = nearestDue[a]?.dayNumber ?? Int.max, db = nearestDue[b]?.dayNumber ?? Int.max
            if da != db { return da < db }
            return order[a]! < order[b]!
        }
        var passed = passedItems
        var chosen: [String] = []
        if let each = rule.minEachTool {
            var short: [Shortfall] = []
            for tool in framework.tools {
                if !tool.scoredFromItems {
                    let score = current.toolScores[tool.code] ?? 0
                    if Score.published(score) < each { short.append(Shortfall(tool: tool.code, score: score, required: each)) }
                    continue
                }
                let items = framework.indicators(of: tool.code).flatMap { $0.subIndicators.flatMap(\.items) }.map(\.code)
                var open = items.filter { !passed.contains($0) }.sorted(by: mostValuableFirst)[...]
                var score = current.toolScores[tool.code] ?? 0
                while Score.published(score) < each, let next = open.popFirst() {
                    passed.insert(next)
                    chosen.append(next)
                    score = ScoreProjection(framework: framework, passedItems: passed, estimates: estimates).toolScores[tool.code] ?? 0
                }
                if Score.published(score) < each { short.append(Shortfall(tool: tool.code, score: score, required: each)) }
            }
            if !short.isEmpty { return .toolsBelowRequirement(short) }
        }
        var projection = ScoreProjection(framework: framework, passedItems: passed, estimates: estimates)
        for code in framework.items.map(\.code).filter({ !passed.contains($0) }).sorted(by: mostValuableFirst) {
            if reached(projection) { break }
            passed.insert(code)
            chosen.append(code)
            projection = ScoreProjection(framework: framework, passedItems: passed, estimates: estimates)
        }
        guard reached(projection) else { return .unreachable(bestTotal: projection.total) }
        return .finish(items: chosen.sorted(by: mostValuableFirst), projectedTotal: projection.total)
    }
}
