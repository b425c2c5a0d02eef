/// One fiscal year's ITA definition, as data: tools with weights, indicators, sub-indicators,
/// OIT items and the grading scheme. Next year's framework is a new data file, never a code change.
public struct Framework: Hashable, Sendable, Codable {
    public var id: String
    public var fiscalYear: Int
    public var title: String
    /// Notes carried from the data file (e.g. what must still be checked against the official manual).
    public var notes: [String]
    public var tools: [Tool]
    public var indicators: [Indicator]
    public var grading: GradingScheme
    /// A stand-in until the year's official manual is out (`provisional: true`): the views say so.
    public var provisional: Bool?

    public var isProvisional: Bool { provisional ?? false }

    public init(id: String, fiscalYear: Int, title: String, notes: [String] = [], tools: [Tool],
                indicators: [Indicator], grading: GradingScheme, provisional: Bool = false) {
        self.provisional = provisional ? true : nil
        self.id = id
        self.fiscalYear = fiscalYear
        self.title = title
        self.notes = notes
        self.tools = tools
        self.indicators = indicators
        self.grading = grading
    }

    public func tool(_ code: String) -> Tool? { tools.first { $0.code == code } }
    public func indicator(_ number: Int) -> Indicator? { indicators.first { $0.number == number } }
    public func indicators(of tool: String) -> [Indicator] { indicators.filter { $0.tool == tool } }

    /// Every OIT item in framework order.
    public var items: [OITItem] { indicators.flatMap { $0.subIndicators.flatMap(\.items) } }

    public func item(_ code: String) -> OITItem? {
        for indicator in indicators {
            for sub in indicator.subIndicators {
                if let item = sub.items.first(where: { $0.code.uppercased() == code.uppercased() }) { return item }
            }
        }
        return nil
    }

    /// The sub-indicator and indicator an item belongs to.
    public func location(ofItem code: String) -> (indicator: Indicator, sub: SubIndicator)? {
        for indicator in indicators {
            for sub in indicator.subIndicators where sub.items.contains(where: { $0.code == code }) {
                return (indicator, sub)
            }
        }
        return nil
    }

    /// Points of the total (0…100) that one target is worth: an indicator is its tool's weight
    /// shared evenly by the tool's indicators; an item is its sub-indicator's share of that.
    public func points(of target: TaskTarget) -> Double {
        switch target {
        case .indicator(let number):
            guard let indicator = indicator(number), let tool = tool(indicator.tool) else { return 0 }
            return tool.weight * 100 / Double(max(1, indicators(of: tool.code).count))
        case .item(let code):
            guard let (indicator, sub) = location(ofItem: code) else { return 0 }
            return points(of: .indicator(indicator.number)) / Double(max(1, indicator.subIndicators.count))
                / Double(max(1, sub.items.count))
        }
    }
}

/// An assessment tool: IIT, EIT or OIT, with its weight in the total (weights sum to 1).
public struct Tool: Hashable, Sendable, Codable {
    public var code: String
    public var nameTH: String
    public var nameEN: String
    public var weight: Double
    /// True for a tool scored from published items (OIT); false for perception surveys.
    public var scoredFromItems: Bool

    public init(code: String, nameTH: String, nameEN: String, weight: Double, scoredFromItems: Bool) {
        self.code = code
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.weight = weight
        self.scoredFromItems = scoredFromItems
    }
}

public struct Indicator: Hashable, Sendable, Codable {
    public var number: Int
    public var nameTH: String
    public var nameEN: String
    public var tool: String
    public var subIndicators: [SubIndicator]

    public init(number: Int, nameTH: String, nameEN: String, tool: String, subIndicators: [SubIndicator] = []) {
        self.number = number
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.tool = tool
        self.subIndicators = subIndicators
    }
}

public struct SubIndicator: Hashable, Sendable, Codable {
    public var code: String
    public var nameTH: String
    public var items: [OITItem]

    public init(code: String, nameTH: String, items: [OITItem]) {
        self.code = code
        self.nameTH = nameTH
        self.items = items
    }
}

public struct OITItem: Hashable, Sendable, Codable {
    public var code: String
    public var titleTH: String
    public var titleEN: String
    /// Which period the published data must cover.
    public var evidencePeriod: EvidencePeriod?
    /// What the assessor checks (องค์ประกอบ).
    public var components: [String]?

    public init(code: String, titleTH: String, titleEN: String = "") {
        self.code = code
        self.titleTH = titleTH
        self.titleEN = titleEN
    }
}

/// Grades, best first. The first rule a projection meets is its grade. Letter bands (AA…F) are rules
/// with a total only; verbal grades (FY2567 on) add a minimum for each tool's score.
public struct GradingScheme: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case letter, verbal }

    public var kind: Kind
    public var passMark: Double
    public var rules: [GradeRule]

    public init(kind: Kind, passMark: Double, rules: [GradeRule]) {
        self.kind = kind
        self.passMark = passMark
        self.rules = rules
    }

    public func rule(named name: String) -> GradeRule? { rules.first { $0.grade == name } }

    /// The grade for a total and each tool's score, both compared at two decimals as published.
    public func grade(total: Double, toolScores: [String: Double]) -> GradeRule? {
        rules.first { $0.isMet(total: total, toolScores: toolScores) }
    }

    /// Whether `grade` is `target` or better.
    public func isAtLeast(_ grade: String, _ target: String) -> Bool {
        guard let g = rules.firstIndex(where: { $0.grade == grade }),
              let t = rules.firstIndex(where: { $0.grade == target }) else { return false }
        return g <= t
    }
}

public struct GradeRule: Hashable, Sendable, Codable {
    public var grade: String
    public var minTotal: Double
    /// For verbal grades: every tool must score at least this.
    public var minEachTool: Double?

    public init(grade: String, minTotal: Double, minEachTool: Double? = nil) {
        self.grade = grade
        self.minTotal = minTotal
        self.minEachTool = minEachTool
    }

    public func isMet(total: Double, toolScores: [String: Double]) -> Bool {
        guard Score.published(total) >= minTotal else { return false }
        guard let each = minEachTool else { return true }
        return toolScores.values.allSatisfy { Score.published($0) >= each }
    }
}

/// Score arithmetic as the assessor publishes it.
public enum Score {
    /// Rounded half-up to two decimals, as results are published (97.777… → 97.78).
    public static func published(_ value: Double) -> Double {
        (value * 100 + 1e-9).rounded(.toNearestOrAwayFromZero) / 100
    }

    /// `97.78`: always two decimals.
    public static func text(_ value: Double) -> String {
        let hundredths = Int(saturating: published(value) * 100)
        let whole = hundredths / 100, frac = abs(hundredths % 100)
        return "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}

/// The period an OIT item's data must cover (the assessor refuses data of another year).
public enum EvidencePeriod: String, Hashable, Sendable, Codable, CaseIterable {
    /// Current as of the check (a structure chart, contacts).
    case current
    /// The fiscal year being assessed.
    case currentFY = "current_fy"
    /// The first six months of the fiscal year being assessed.
    case firstHalf = "first_half"
    /// The fiscal year before (annual reports).
    case previousFY = "previous_fy"
    /// A multi-year plan covering the year assessed.
    case multiYear = "multi_year"

    /// The fiscal year (BE) the data must be of, for a framework of `fiscalYear`; nil when no one year.
    public func dataYear(framework fiscalYear: Int) -> Int? {
        switch self {
        case .currentFY, .firstHalf: return fiscalYear
        case .previousFY: return fiscalYear - 1
        case .current, .multiYear: return nil
        }
    }
}
