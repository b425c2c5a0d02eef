/// The ranges numbers from files, options and prompts must fall in. Each is checked where the
/// number enters, and the error names the range; arithmetic on stored data saturates instead of
/// trapping, so a tampered database cannot crash a reader either.
public enum Limits {
    /// Scores, estimates, last year's results, the indicator target: 0–100.
    public static let score: ClosedRange<Double> = 0...100
    /// A tool's weight: a share of the total.
    public static let weight: ClosedRange<Double> = 0...1
    /// How far the weights may add up away from 1.
    public static let weightSumTolerance = 0.0001
    /// `+N` / `-N` days in files and options: a hundred years either way.
    public static let relativeDays: ClosedRange<Int> = -36_500...36_500
    /// A reminder step: days before a deadline.
    public static let reminderStep: ClosedRange<Int> = 0...365
    /// Respondent quotas and counts, and every other count that is typed in.
    public static let count: ClosedRange<Int> = 0...10_000_000
    /// `ita tasks --due-within`.
    public static let dueWithinDays: ClosedRange<Int> = 0...36_500
    /// Titles, notes, names and reasons typed in: characters (Unicode scalars).
    public static let textLength = 2_000
    /// Day numbers of 0001-01-01 and 9999-12-31: every date arithmetic result is kept inside.
    public static let dayNumber: ClosedRange<Int> = -719_162...2_932_896

    /// `0 to 100`, `0 to 10000000`: a range as an error message shows it.
    public static func describe(_ range: ClosedRange<Double>, to: String = "to") -> String {
        "\(Number.plain(range.lowerBound)) \(to) \(Number.plain(range.upperBound))"
    }

    public static func describe(_ range: ClosedRange<Int>, to: String = "to") -> String { "\(range.lowerBound) \(to) \(range.upperBound)" }
}

extension Int {
    /// The nearest whole number, never trapping: NaN is 0, and values beyond Int's range are its ends.
    public init(saturating value: Double) {
        if value.isNaN { self = 0; return }
        if value >= 9.2e18 { self = Int.max; return }
        if value <= -9.2e18 { self = Int.min; return }
        self = Int(value.rounded())
    }

    /// `self + other`, at Int's ends instead of trapping.
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}

/// Numbers as people read them.
public enum Number {
    /// `100`, `0.5`, `1e+19`: a short plain form with no trailing zeros (for ranges and quotes).
    public static func plain(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// `0.90`: two decimals, rounded half away from zero (weights, shares).
    public static func twoDecimals(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let hundredths = Int(saturating: (value * 100).rounded(.toNearestOrAwayFromZero))
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let frac = magnitude % 100
        return "\(sign)\(magnitude / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}

/// Values quoted in error messages: made safe for the terminal and cut to about 80 columns, so a
/// 10 MB key or a line of escape codes never fills the screen.
public enum Quote {
    public static let limit = 80

    /// `"value"`, cut and made safe.
    public static func text(_ value: String) -> String { "\"" + cut(value) + "\"" }

    /// The value cut to about 80 columns and made safe, for messages that quote it their own way.
    public static func cut(_ value: String) -> String {
        // Cut before sanitising so a 10 MB value is not copied whole first.
        let head = value.utf8.count > limit * 8 ? String(value.unicodeScalars.prefix(limit * 2)) + "…" : value
        return head.sanitizedForTerminal.truncated(toWidth: limit)
    }
}
