/// What a milestone's `covers` codes mean in a framework: OIT items that must pass, indicators
/// whose own tasks must be done, and survey tools whose respondent quota must be met.
public struct MilestoneScope: Hashable, Sendable {
    public var items: Set<String> = []
    public var indicators: Set<Int> = []
    public var surveys: Set<String> = []

    public init(covers: [String], framework: Framework) {
        for code in covers {
            if let tool = framework.tool(code) {
                for indicator in framework.indicators(of: tool.code) { add(indicator) }
                if !tool.scoredFromItems { surveys.insert(tool.code) }
            } else if let number = Int(code), let indicator = framework.indicator(number) {
                add(indicator)
            } else if framework.item(code) != nil {
                items.insert(code)
            }
        }
    }

    private mutating func add(_ indicator: Indicator) {
        indicators.insert(indicator.number)
        for sub in indicator.subIndicators { items.formUnion(sub.items.map(\.code)) }
    }

    public static func isKnown(_ code: String, in framework: Framework) -> Bool {
        framework.tool(code) != nil || Int(code).flatMap(framework.indicator) != nil || framework.item(code) != nil
    }

    public var isEmpty: Bool { items.isEmpty && indicators.isEmpty && surveys.isEmpty }
}

/// One member's share of what is still open for a deadline.
public struct OpenWork: Hashable, Sendable {
    public var memberID: Int64
    /// Items and indicators not finished, in framework order.
    public var targets: [TaskTarget]
    /// Open tasks among them (an item can be unfinished with no open task: it lacks evidence).
    public var openTasks: Int
    /// Survey tools whose respondents this member follows up (owners of the tool's indicators).
    public var surveys: [String]

    public init(memberID: Int64, targets: [TaskTarget] = [], openTasks: Int = 0, surveys: [String] = []) {
        self.memberID = memberID
        self.targets = targets
        self.openTasks = openTasks
        self.surveys = surveys
    }
}

/// A countdown sticker: one deadline, the time left, and who still has what open for it.
public struct Sticker: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// An ITA-calendar milestone.
        case milestone(Milestone)
        /// The tasks due on one date.
        case tasks
        /// Every open task past its due date, as one sticker (dated by the oldest).
        case overdueTasks
    }

    public var source: Source
    public var date: CivilDate
    public var countdown: Countdown
    /// Work still open, one entry per member, in member order.
    public var open: [OpenWork]
    /// Survey tools still short of their quota.
    public var shortSurveys: [String: Respondents]
    /// False for a milestone that covers nothing: a date to remember, with no work to finish.
    public var tracksWork: Bool

    public init(source: Source, date: CivilDate, countdown: Countdown, open: [OpenWork],
                shortSurveys: [String: Respondents], tracksWork: Bool) {
        self.source = source
        self.date = date
        self.countdown = countdown
        self.open = open
        self.shortSurveys = shortSurveys
        self.tracksWork = tracksWork
    }

    /// Everything it tracks is finished: shown as done, not as a countdown.
    public var isDone: Bool { tracksWork && open.isEmpty && shortSurveys.isEmpty }

    public var milestone: Milestone? {
        if case .milestone(let m) = source { return m }
        return nil
    }

    /// Open targets across members, in framework order.
    public var openTargets: [TaskTarget] { Array(Set(open.flatMap(\.targets))).sorted() }
    public var openTaskCount: Int { open.reduce(0) { $0 + $1.openTasks } }

    /// Stable identity across reloads (for keeping the selection).
    public var key: String {
        switch source {
        case .milestone(let m): return "milestone:\(m.key)"
        case .tasks: return "tasks:\(date.iso)"
        case .overdueTasks: return "overdue"
        }
    }
}

extension Sticker {
    /// The stickers to show on `today`: one for all overdue tasks and one per overdue milestone with
    /// work still open, then every deadline from today on by date (milestones first on a day), done or not.
    /// `tasks` is every task; `passedItems` are the OIT items that already pass.
    public static func all(tasks: [WorkTask], assessment: Assessment, framework: Framework,
                           members: [Member], owners: [TaskTarget: Int64], passedItems: Set<String>,
                           today: CivilDate) -> [Sticker] {
        let calendar = assessment.workingCalendar
        let memberOrder = Dictionary(members.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func ordered(_ work: [Int64: OpenWork]) -> [OpenWork] {
            work.values.map { w in
                var w = w
                w.targets.sort()   // each target is noted once per member already
                return w
            }.sorted { (memberOrder[$0.memberID] ?? .max, $0.memberID) < (memberOrder[$1.memberID] ?? .max, $1.memberID) }
        }

        var stickers: [Sticker] = []
        // One pass over the tasks, copying none of them: open tasks per target and owner, and per
        // due date (or overdue) the open targets and task count of each owner.
        // Keys are plain integers (a day and a member) and targets are compared, not hashed: with
        // 50,000 tasks the hashing of strings was most of the time.
        struct DayOwner: Hashable { var day: Int; var owner: Int64 }
        struct Owed { var targets: [TaskTarget] = []; var openTasks = 0 }
        // Open tasks per target and owner, with each one's due day (nil: none), so a milestone counts
        // only the work due by it.
        var openByTarget: [TaskTarget: [Int64: [Int?]]] = [:]
        var owed: [DayOwner: Owed] = [:]
        var days = Set<Int>()
        let overdueDay = Int.min
        var oldestOverdue: CivilDate?
        for i in tasks.indices {
            let open = tasks[i].status.isOpen
            guard let due = tasks[i].due else {
                if open { openByTarget[tasks[i].target, default: [:]][tasks[i].ownerID, default: []].append(nil) }
                continue
            }
            guard open else {
                if due >= today { days.insert(due.dayNumber) }   // a date whose work is all done keeps its (finished) sticker
                continue
            }
            openByTarget[tasks[i].target, default: [:]][tasks[i].ownerID, default: []].append(due.dayNumber)
            let key = DayOwner(day: due >= today ? due.dayNumber : overdueDay, owner: tasks[i].ownerID)
            if due >= today { days.insert(due.dayNumber) } else if oldestOverdue.map({ due < $0 }) ?? true { oldestOverdue = due }
            owed[key, default: Owed()].openTasks += 1
            if !(owed[key]!.targets.contains(tasks[i].target)) { owed[key]!.targets.append(tasks[i].target) }
        }
        var byDay: [Int: [Int64: OpenWork]] = [:]
        for (key, o) in owed { byDay[key.day, default: [:]][key.owner] = OpenWork(memberID: key.owner, targets: o.targets, openTasks: o.openTasks) }
        // Milestones: what their scope still lacks.
        for milestone in assessment.milestones {
            let scope = MilestoneScope(covers: milestone.covers, framework: framework)
            var work: [Int64: OpenWork] = [:]
            func note(_ target: TaskTarget, member: Int64, tasks count: Int) {
                work[member, default: OpenWork(memberID: member)].targets.append(target)
                work[member, default: OpenWork(memberID: member)].openTasks += count
            }
            let targets = scope.items.filter { !passedItems.contains($0) }.map { TaskTarget.item($0) }
                + scope.indicators.map { TaskTarget.indicator($0) }
            let byMilestone = milestone.due.dayNumber
            for target in targets {
                // The work due by the milestone (or undated): an indicator's task due in May is not
                // what a January milestone is waiting for.
                var open: [Int64: Int] = [:]
                for (member, dues) in openByTarget[target] ?? [:] {
                    let count = dues.filter { ($0 ?? Int.min) <= byMilestone }.count
                    if count > 0 { open[member] = count }
                }
                if open.isEmpty {
                    // An unfinished item with no open task due by then lacks evidence or tasks, or its
                    // tasks are planned too late: its owner's job.
                    if case .item = target, let owner = owners[target] { note(target, member: owner, tasks: 0) }
                } else {
                    for (member, count) in open { note(target, member: member, tasks: count) }
                }
            }
            var short: [String: Respondents] = [:]
            for tool in scope.surveys.sorted() {
                guard let r = assessment.respondents[tool], !r.isMet else { continue }
                short[tool] = r
                for indicator in framework.indicators(of: tool) {
                    guard let owner = owners[.indicator(indicator.number)] else { continue }
                    if !(work[owner]?.surveys.contains(tool) ?? false) { work[owner, default: OpenWork(memberID: owner)].surveys.append(tool) }
                }
            }
            let sticker = Sticker(source: .milestone(milestone), date: milestone.due,
                                  countdown: Countdown(from: today, to: milestone.due, calendar: calendar),
                                  open: ordered(work), shortSurveys: short, tracksWork: !scope.isEmpty)
            if milestone.due >= today || (sticker.tracksWork && !sticker.isDone) { stickers.append(sticker) }
        }
        // Task due dates from today on, one sticker each; open tasks already past due, one sticker.
        if let oldest = oldestOverdue {
            stickers.append(Sticker(source: .overdueTasks, date: oldest, countdown: Countdown(from: today, to: oldest, calendar: calendar),
                                    open: ordered(byDay[overdueDay] ?? [:]), shortSurveys: [:], tracksWork: true))
        }
        for day in days {
            let date = CivilDate(dayNumber: day)
            stickers.append(Sticker(source: .tasks, date: date, countdown: Countdown(from: today, to: date, calendar: calendar),
                                    open: ordered(byDay[day] ?? [:]), shortSurveys: [:], tracksWork: true))
        }
        // By date; on one day milestones first, in the data's order. Sorting the positions keeps ties stable.
        // The overdue-tasks sticker leads.
        let rank = { (s: Sticker) -> Int in
            switch s.source {
            case .overdueTasks: return 0
            case .milestone: return 1
            case .tasks: return 2
            }
        }
        return stickers.indices.sorted { i, j in
            let a = stickers[i], b = stickers[j]
            if (rank(a) == 0) != (rank(b) == 0) { return rank(a) == 0 }
            return (a.date, rank(a), i) < (b.date, rank(b), j)
        }.map { stickers[$0] }
    }
}

extension Board {
    /// Countdown stickers for this board, given every task.
    public func stickers(tasks: [WorkTask], on day: CivilDate? = nil) -> [Sticker] {
        Sticker.all(tasks: tasks, assessment: assessment, framework: framework, members: members, owners: owners,
                    passedItems: progress.passedItems, today: day ?? today)
    }
}
