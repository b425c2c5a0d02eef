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

/// What marking recurring work done makes of its next occurrence, by one rule for every store.
public enum NextOccurrence: Hashable, Sendable {
    /// Not recurring, not just done, or no due date: nothing.
    case none
    /// The next one would be in the past or over a year out: only with a yes (`confirmed`).
    case needsConfirmation(CivilDate)
    /// Make `next`; the occurrence done, which hands its recurrence on, becomes `done`.
    case make(next: WorkTask, done: WorkTask)

    /// `before` and `after` are the task around the change; `confirmed` is the user's yes (which also
    /// remakes the next one for work already done).
    public static func of(before: WorkTask, after: WorkTask, today: CivilDate, confirmed: Bool) -> NextOccurrence {
        guard let recurs = after.recurs, after.status == .done, before.status != .done || confirmed, let due = after.due else { return .none }
        let nextDue = recurs.next(after: due)
        if Recurrence.needsConfirmation(next: nextDue, today: today) && !confirmed { return .needsConfirmation(nextDue) }
        var done = after
        done.recurs = nil
        let next = WorkTask(id: 0, title: after.title, target: after.target, ownerID: after.ownerID, due: nextDue,
                            phase: after.phase, recurs: recurs, key: nil)
        return .make(next: next, done: done)
    }
}
