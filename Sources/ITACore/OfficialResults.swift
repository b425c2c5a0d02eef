/// What ITAS announces (July–August): a score per tool, per indicator and in total, and the grade.
/// Recorded by the chair or the secretary (`ita results`), set beside the projection, and checked
/// against the framework's rule: a recorded grade the rule does not give is flagged, not repeated.
public struct OfficialResults: Hashable, Sendable {
    /// Scores by scope: a tool code (`IIT`), an indicator number (`"7"`) or `total`.
    public var scores: [String: Double] = [:]
    /// The grade as announced.
    public var grade: String?

    public init(scores: [String: Double] = [:], grade: String? = nil) {
        self.scores = scores
        self.grade = grade
    }

    public var isEmpty: Bool { scores.isEmpty && grade == nil }

    public static let total = "total"

    /// Scopes that may be recorded in `framework`: its tools, its indicator numbers, `total`.
    public static func isScope(_ scope: String, in framework: Framework) -> Bool {
        scope == total || framework.tool(scope) != nil || Int(scope).flatMap(framework.indicator) != nil
    }

    /// Why the announced grade cannot be right by the framework's rule (nil: it fits, or too little is known).
    public enum Contradiction: Hashable, Sendable {
        /// The grade needs a higher total (`87.85` for ผ่านดีเยี่ยม, which starts at 95).
        case totalTooLow(grade: String, total: Double, needs: Double)
        /// The grade needs every tool at `needs`; `tool` scored `score`.
        case toolTooLow(grade: String, tool: String, score: Double, needs: Double)
        /// The scores give another grade.
        case scoresGive(grade: String, computed: String)
        /// No such grade in the framework.
        case unknownGrade(String)
    }

    public func contradiction(in framework: Framework) -> Contradiction? {
        guard let grade else { return nil }
        guard let rule = framework.grading.rule(named: grade) else { return .unknownGrade(grade) }
        if let total = scores[Self.total], Score.published(total) < rule.minTotal {
            return .totalTooLow(grade: grade, total: total, needs: rule.minTotal)
        }
        if let each = rule.minEachTool {
            for tool in framework.tools {
                if let score = scores[tool.code], Score.published(score) < each {
                    return .toolTooLow(grade: grade, tool: tool.code, score: score, needs: each)
                }
            }
        }
        // With the total and every tool known, the rule gives exactly one grade.
        if let total = scores[Self.total], framework.tools.allSatisfy({ scores[$0.code] != nil }) {
            let tools = Dictionary(uniqueKeysWithValues: framework.tools.map { ($0.code, scores[$0.code]!) })
            if let computed = framework.grading.grade(total: total, toolScores: tools)?.grade, computed != grade {
                return .scoresGive(grade: grade, computed: computed)
            }
        }
        return nil
    }
}

extension Board {
    /// Where an indicator's figure for the year comes from.
    public enum FigureSource: Hashable, Sendable { case official, projection, estimate }

    /// An indicator's figure for the year, by one rule: what ITAS announced for it, else the
    /// projection (item-scored indicators), else its tool's announced score or estimate. Next year's
    /// `last_year` (rollover) and the two-year comparison both read it.
    public func yearFigure(indicator number: Int) -> (score: Double, source: FigureSource)? {
        let a = assessment
        if let score = a.official.scores[String(number)] { return (score, .official) }
        if let score = projection.indicatorScores[number] { return (score, .projection) }
        guard let tool = framework.indicator(number)?.tool else { return nil }
        if let score = a.official.scores[tool] { return (score, .official) }
        return a.estimate(for: tool, in: framework).map { ($0, .estimate) }
    }
}
