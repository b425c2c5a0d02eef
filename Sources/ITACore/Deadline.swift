/// Open tasks that share a due date: one countdown sticker's worth of work.
public struct DueGroup: Hashable, Sendable {
    public var date: CivilDate
    public var openCount: Int
    public var targets: [TaskTarget]
    public var ownerIDs: [Int64]

    public init(date: CivilDate, openCount: Int, targets: [TaskTarget], ownerIDs: [Int64]) {
        self.date = date
        self.openCount = openCount
        self.targets = targets
        self.ownerIDs = ownerIDs
    }

    /// The open tasks of the `limit` earliest due dates from `today` on, grouped (what the store's
    /// board reads in SQL, for updating a board in memory after one change).
    public static func upcoming(_ tasks: [WorkTask], from today: CivilDate, limit: Int) -> [DueGroup] {
        // The `limit` earliest dates, kept sorted in a small array: most tasks fail the first check.
        var earliest: [CivilDate] = []
        for i in tasks.indices where tasks[i].status.isOpen {
            guard let due = tasks[i].due, due >= today else { continue }
            if earliest.count == limit, due >= earliest[limit - 1] { continue }
            guard !earliest.contains(due) else { continue }
            earliest.insert(due, at: earliest.firstIndex { $0 > due } ?? earliest.count)
            if earliest.count > limit { earliest.removeLast() }
        }
        guard let last = earliest.last else { return [] }
        // Copy only the tasks on those dates (copying each of 50,000 tasks costs more than the rest).
        var chosen: [WorkTask] = []
        for i in tasks.indices where tasks[i].status.isOpen {
            if let due = tasks[i].due, due >= today, due <= last, earliest.contains(due) { chosen.append(tasks[i]) }
        }
        return of(chosen)
    }

    /// Groups (due date, target, owner) rows, one per open task, as a store reads them: earliest first,
    /// each group's targets and owners once each, sorted.
    public static func grouping(_ rows: [(due: CivilDate, target: TaskTarget, ownerID: Int64)]) -> [DueGroup] {
        var groups: [CivilDate: DueGroup] = [:]
        for row in rows {
            var group = groups[row.due] ?? DueGroup(date: row.due, openCount: 0, targets: [], ownerIDs: [])
            group.openCount += 1
            if !group.targets.contains(row.target) { group.targets.append(row.target) }
            if !group.ownerIDs.contains(row.ownerID) { group.ownerIDs.append(row.ownerID) }
            groups[row.due] = group
        }
        return groups.values.sorted { $0.date < $1.date }.map { g in
            var g = g; g.targets.sort(); g.ownerIDs.sort(); return g
        }
    }

    /// Groups open tasks by due date, earliest first.
    public static func of(_ tasks: [WorkTask]) -> [DueGroup] {
        var byDate: [CivilDate: [WorkTask]] = [:]
        for task in tasks where task.status.isOpen {
            if let due = task.due { byDate[due, default: []].append(task) }
        }
        return byDate.keys.sorted().map { date in
            let group = byDate[date]!
            return DueGroup(date: date, openCount: group.count, targets: Array(Set(group.map(\.target))).sorted(),
                            ownerIDs: Array(Set(group.map(\.ownerID))).sorted())
        }
    }
}

/// Something due on a date: an ITA-calendar milestone or a group of task due dates.
public struct Deadline: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case milestone(Milestone)
        case tasks(DueGroup)
    }

    public var kind: Kind
    public var countdown: Countdown

    public var date: CivilDate {
        switch kind {
        case .milestone(let m): return m.due
        case .tasks(let g): return g.date
        }
    }

    /// The next `limit` deadlines on or after `today`: milestones and task due dates, by date,
    /// milestones first on the same day.
    public static func upcoming(milestones: [Milestone], dueGroups: [DueGroup], today: CivilDate,
                                calendar: WorkingCalendar, limit: Int) -> [Deadline] {
        let all = milestones.filter { $0.due >= today }.map { Deadline(kind: .milestone($0), countdown: Countdown(from: today, to: $0.due, calendar: calendar)) }
            + dueGroups.filter { $0.date >= today }.map { Deadline(kind: .tasks($0), countdown: Countdown(from: today, to: $0.date, calendar: calendar)) }
        return Array(all.sorted { a, b in
            if a.date != b.date { return a.date < b.date }
            if case .milestone = a.kind, case .tasks = b.kind { return true }
            return false
        }.prefix(limit))
    }
}
