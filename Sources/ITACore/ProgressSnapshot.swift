/// The state of progress on one day: taken once a day and at every meeting, so trends and "what
/// changed since" need no replay of the audit log. About a kilobyte each, so years of history are
/// a few megabytes.
public struct ProgressSnapshot: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case daily, meeting }

    /// Counts for one member's tasks.
    public struct OwnerCounts: Hashable, Sendable, Codable {
        public var assigned: Int
        public var done: Int
        public var overdue: Int

        public init(assigned: Int = 0, done: Int = 0, overdue: Int = 0) {
            self.assigned = assigned
            self.done = done
            self.overdue = overdue
        }
    }

    public var day: CivilDate
    public var kind: Kind
    public var projected: Double
    /// OIT items that do not pass yet.
    public var openItems: Int
    public var tasksDone: Int
    public var tasksTotal: Int
    public var overdue: Int
    /// Indicator number → [done, total] of its tasks (its items' tasks included).
    public var indicators: [Int: [Int]]
    /// Member login → counts.
    public var owners: [String: OwnerCounts]

    public init(day: CivilDate, kind: Kind, projected: Double, openItems: Int, tasksDone: Int, tasksTotal: Int, overdue: Int,
                indicators: [Int: [Int]], owners: [String: OwnerCounts]) {
        self.day = day
        self.kind = kind
        self.projected = projected
        self.openItems = openItems
        self.tasksDone = tasksDone
        self.tasksTotal = tasksTotal
        self.overdue = overdue
        self.indicators = indicators
        self.owners = owners
    }

    /// Takes a snapshot of `board` (whose tallies are up to date) and every task, on `day`.
    public static func take(_ board: Board, tasks: [WorkTask], kind: Kind, day: CivilDate? = nil) -> ProgressSnapshot {
        let today = day ?? board.today
        let progress = board.progress
        // One pass, counted by member id (a login is looked up once per member, not once per task).
        var byMember: [Int64: OwnerCounts] = [:]
        var overdue = 0
        for i in tasks.indices {   // fields read in place, no task copied
            let status = tasks[i].status, owner = tasks[i].ownerID
            let late = status.isOpen && (tasks[i].due.map { $0 < today } ?? false)
            if late { overdue += 1 }
            byMember[owner, default: OwnerCounts()].assigned += 1
            if status == .done { byMember[owner, default: OwnerCounts()].done += 1 }
            if late { byMember[owner, default: OwnerCounts()].overdue += 1 }
        }
        var owners: [String: OwnerCounts] = [:]
        for member in board.members { if let counts = byMember[member.id] { owners[member.login] = counts } }
        let itemCount = board.framework.items.count
        return ProgressSnapshot(
            day: today, kind: kind, projected: board.projection.total, openItems: itemCount - progress.passedItems.count,
            tasksDone: progress.whole.done, tasksTotal: progress.whole.total, overdue: overdue,
            indicators: progress.indicators.mapValues { [$0.done, $0.total] }, owners: owners)
    }
}

/// Open OIT items over time towards the OIT deadline: the actual line, the ideal straight line from
/// the first snapshot to zero on the deadline, and the finish date projected from the pace so far.
public struct Burndown: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var day: CivilDate
        public var open: Int

        public init(day: CivilDate, open: Int) {
            self.day = day
            self.open = open
        }
    }

    public var points: [Point]
    public var deadline: CivilDate

    public init(points: [Point], deadline: CivilDate) {
        self.points = points.sorted { $0.day < $1.day }
        self.deadline = deadline
    }

    /// The ideal number open on `day`: a straight line from the first point to 0 on the deadline.
    public func ideal(on day: CivilDate) -> Double {
        guard let first = points.first else { return 0 }
        let span = first.day.days(to: deadline)
        guard span > 0 else { return 0 }
        let left = Double(day.days(to: deadline)) / Double(span)
        return max(0, min(1, left)) * Double(first.open)
    }

    /// Items closed per day from the first point to the last (nil with under a day of history).
    public var pace: Double? {
        guard let first = points.first, let last = points.last, first.day < last.day else { return nil }
        return Double(first.open - last.open) / Double(first.day.days(to: last.day))
    }

    /// When the last open item would close at the pace so far (nil when nothing is closing).
    public var projectedFinish: CivilDate? {
        guard let last = points.last else { return nil }
        if last.open == 0 { return last.day }
        guard let pace, pace > 0 else { return nil }
        return last.day.adding(days: Int(saturating: (Double(last.open) / pace).rounded(.up)))
    }

    /// On track when the projected finish is on or before the deadline.
    public var onTrack: Bool { projectedFinish.map { $0 <= deadline } ?? false }
}

/// The plan as it stood at the end of an earlier day, worked out from when each task was done: a
/// task done after that day was still in progress then, without its evidence. Enough to rebuild
/// daily history where none was kept (the demo's two months); it does not undo other edits.
public enum History {
    public static func asOf(_ day: CivilDate, board: Board, tasks: [WorkTask]) -> (board: Board, tasks: [WorkTask]) {
        var past = tasks
        for i in past.indices where past[i].status == .done {
            guard let doneAt = past[i].doneAt, doneAt.date > day else { continue }
            past[i].status = .inProgress
            past[i].evidence = []
            past[i].doneBy = nil
            past[i].doneAt = nil
        }
        var then = board
        then.today = day
        then.tallies = Tally.byTarget(past, today: day)
        then.nearestDue = [:]
        for task in past where task.status.isOpen {
            guard case .item(let code) = task.target, let due = task.due, due >= day else { continue }
            if then.nearestDue[code].map({ due < $0 }) ?? true { then.nearestDue[code] = due }
        }
        return (then, past)
    }

    /// A daily snapshot for each of the `days` days before `board.today`, oldest first.
    public static func dailySnapshots(days: Int, board: Board, tasks: [WorkTask]) -> [ProgressSnapshot] {
        (1...max(1, days)).reversed().map { back in
            let (then, past) = asOf(board.today.adding(days: -back), board: board, tasks: tasks)
            return ProgressSnapshot.take(then, tasks: past, kind: .daily)
        }
    }
}
