import ITACore

/// Strings of the chair's weekly review, one table per language (below: Thai, then English).
public struct ReviewStrings: Sendable {
    public let title: @Sendable (_ today: String, _ weekAgo: String?) -> String
    public let indicatorHeader: @Sendable (_ nameWidth: Int) -> String
    public let ownerHeader: @Sendable (_ nameWidth: Int) -> String
    public let burndownTitle: @Sendable (_ deadline: String) -> String
    public let legend: String
    public let pace: @Sendable (_ open: Int, _ perDay: Double?, _ finish: String?, _ daysLate: Int?) -> String
    public let trendTitle: String
    public let weekOf: @Sendable (String) -> String
    public let noOITDeadline: String
}

extension Language {
    public var review: ReviewStrings { self == .th ? .thai : .english }
}
