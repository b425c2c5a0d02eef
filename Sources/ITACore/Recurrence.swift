/// How often a piece of work comes back (the monthly procurement summary, the six-month report).
/// One template task carries it; when an occurrence is done, the next one is made — one at a time.
public enum Recurrence: String, Hashable, Sendable, CaseIterable, Codable {
    case monthly, quarterly, yearly

    public var months: Int {
        switch self {
        case .monthly: return 1
        case .quarterly: return 3
        case .yearly: return 12
        }
    }

    /// The due date of the occurrence after one due on `date`: the same day of the month, `months`
    /// later (the month's last day where it has fewer days).
    public func next(after date: CivilDate) -> CivilDate {
        let index = date.year * 12 + (date.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        let day = min(date.day, CivilDate.daysIn(month: month, year: year))
        return CivilDate(year: year, month: month, day: day) ?? date
    }

    /// Whether the next occurrence needs a yes first: it would fall in the past or more than a
    /// year after `today` (a recurrence far behind or mistyped, not a backlog to create).
    public static func needsConfirmation(next: CivilDate, today: CivilDate) -> Bool {
        next < today || today.days(to: next) > 366
    }
}
