/// Which days count as working days: Monday to Friday, less the data's holidays.
public struct WorkingCalendar: Hashable, Sendable {
    public var holidays: Set<CivilDate>

    public init(holidays: Set<CivilDate> = []) { self.holidays = holidays }

    public func isWorkingDay(_ date: CivilDate) -> Bool { !date.isWeekend && !holidays.contains(date) }

    /// `date` if it is a working day, else the next one (`forward`) or the one before.
    public func workingDay(near date: CivilDate, forward: Bool) -> CivilDate {
        var day = date
        // A year of holidays is bounded, so this ends within a few weeks.
        while !isWorkingDay(day) { day = day.adding(days: forward ? 1 : -1) }
        return day
    }

    /// Working days in (from, to] when `to` is later; the negative count of (to, from] when earlier.
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        if from == to { return 0 }
        let (start, end, sign) = from < to ? (from, to, 1) : (to, from, -1)
        // Whole weeks have five weekdays each; only the remainder and holidays need a look.
        let span = start.days(to: end)
        var count = (span / 7) * 5
        var day = start.adding(days: (span / 7) * 7)
        while day < end {
            day = day.adding(days: 1)
            if !day.isWeekend { count += 1 }
        }
        count -= holidays.filter { $0 > start && $0 <= end && !$0.isWeekend }.count
        return sign * count
    }
}

/// Time left to a deadline, in calendar days and in working days.
public struct Countdown: Hashable, Sendable {
    public enum Urgency: Int, Hashable, Sendable, Comparable, CaseIterable {
        case calm, upcoming, soon, urgent, today, overdue

        public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var calendarDays: Int
    public var workingDays: Int

    public init(calendarDays: Int, workingDays: Int? = nil) {
        self.calendarDays = calendarDays
        self.workingDays = workingDays ?? calendarDays
    }

    public init(from today: CivilDate, to due: CivilDate, calendar: WorkingCalendar) {
        calendarDays = today.days(to: due)
        workingDays = calendar.workingDays(from: today, to: due)
    }

    /// Steps of the countdown stickers: calm 15+, upcoming 8–14, soon ≤ 7, urgent ≤ 3, today, overdue.
    public var urgency: Urgency {
        switch calendarDays {
        case ..<0: return .overdue
        case 0: return .today
        case 1...3: return .urgent
        case 4...7: return .soon
        case 8...14: return .upcoming
        default: return .calm
        }
    }
}
