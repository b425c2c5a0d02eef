/// The chair's weekly review: now against a week ago, per indicator and per owner, the OIT burndown
/// and the projected score week by week. Built from snapshots; no clock of its own.
public struct WeeklyReview: Hashable, Sendable {
    public var now: ProgressSnapshot
    /// The latest snapshot at least a week old (nil with less than a week of history).
    public var weekAgo: ProgressSnapshot?
    public var burndown: Burndown?
    /// The projected score at the end of each of the last weeks (the latest snapshot of each
    /// Monday-to-Sunday week), oldest first, this week last.
    public var weeklyScores: [WeekScore]

    public struct WeekScore: Hashable, Sendable {
        public var weekStart: CivilDate
        public var projected: Double

        public init(weekStart: CivilDate, projected: Double) {
            self.weekStart = weekStart
            self.projected = projected
        }
    }

    /// `history` is every stored snapshot; `now` is taken live. `oitDeadline` ends the burndown.
    public static func build(now: ProgressSnapshot, history: [ProgressSnapshot], oitDeadline: CivilDate?, weeks: Int = 8) -> WeeklyReview {
        let today = now.day
        let past = history.filter { $0.day < today }.sorted { $0.day < $1.day }
        let weekAgo = past.last { $0.day <= today.adding(days: -7) }
        // One point per day: the day's last snapshot, then now.
        var byDay: [CivilDate: ProgressSnapshot] = [:]
        for s in past { byDay[s.day] = s }
        let daily = byDay.values.sorted { $0.day < $1.day } + [now]
        let burndown = oitDeadline.map { deadline in
            Burndown(points: daily.filter { $0.day <= deadline }.map { Burndown.Point(day: $0.day, open: $0.openItems) }, deadline: deadline)
        }
        // Weeks start on Monday (weekday 1).
        func weekStart(_ d: CivilDate) -> CivilDate { d.adding(days: -(d.weekday - 1)) }
        var lastOfWeek: [CivilDate: ProgressSnapshot] = [:]
        for s in daily { lastOfWeek[weekStart(s.day)] = s }
        let scores = lastOfWeek.keys.sorted().suffix(weeks).map { WeekScore(weekStart: $0, projected: lastOfWeek[$0]!.projected) }
        return WeeklyReview(now: now, weekAgo: weekAgo, burndown: burndown, weeklyScores: Array(scores))
    }

    /// Tasks done since the week-ago snapshot, per indicator.
    public func doneThisWeek(indicator: Int) -> Int? {
        guard let before = weekAgo?.indicators[indicator]?.first, let after = now.indicators[indicator]?.first else { return nil }
        return after - before
    }

    public func doneThisWeek(owner login: String) -> Int? {
        guard let before = weekAgo?.owners[login]?.done, let after = now.owners[login]?.done else { return nil }
        return after - before
    }
}

extension Board {
    /// The deadline the OIT burndown runs to: the next milestone that covers every OIT item (the
    /// burndown counts them all), else the last one covering any.
    public var oitDeadline: CivilDate? {
        let all = Set(framework.items.map(\.code))
        let scopes = assessment.milestones.map { ($0.due, MilestoneScope(covers: $0.covers, framework: framework).items) }
        let whole = scopes.filter { !all.isEmpty && $0.1.isSuperset(of: all) }.map(\.0).sorted()
        if let next = whole.first(where: { $0 >= today }) ?? whole.last { return next }
        return scopes.filter { !$0.1.isEmpty }.map(\.0).max()
    }
}
