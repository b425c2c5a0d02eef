/// Everything the status views need, read in one go from the store: the framework, the
/// assessment, the committee, who owns what, and per-target task tallies. Derived figures
/// (progress, projection, what it takes) are computed here, not stored.
public struct Board: Hashable, Sendable {
    public var framework: Framework
    public var assessment: Assessment
    public var members: [Member]
    /// Responsible owner of each indicator and OIT item.
    public var owners: [TaskTarget: Int64]
    public var tallies: [TaskTarget: Tally]
    /// Open tasks grouped by due date (only dates from `today` on are needed).
    public var dueGroups: [DueGroup]
    /// Nearest open due date per OIT item, to break ties in "what it takes".
    public var nearestDue: [String: CivilDate]
    public var today: CivilDate
    /// What `ita evidence check` last found, by URL.
    public var evidenceChecks: [String: EvidenceCheck] = [:]

    public init(framework: Framework, assessment: Assessment, members: [Member], owners: [TaskTarget: Int64],
                tallies: [TaskTarget: Tally], dueGroups: [DueGroup], nearestDue: [String: CivilDate], today: CivilDate) {
        self.framework = framework
        self.assessment = assessment
        self.members = members
        self.owners = owners
        self.tallies = tallies
        self.dueGroups = dueGroups
        self.nearestDue = nearestDue
        self.today = today
    }

    /// The worst problem with a task's evidence (nil: none, or no evidence to check).
    public func evidenceFinding(_ task: WorkTask) -> EvidenceFinding? {
        task.evidence.isEmpty ? nil : EvidenceFinding.worst(of: task, checks: evidenceChecks, framework: framework, website: assessment.website, today: today)
    }

    public func member(_ id: Int64?) -> Member? { id.flatMap { id in members.first { $0.id == id } } }
    public func member(login: String) -> Member? { members.first { $0.login == login && !$0.hasLeft } }

    public var progress: ProgressReport { ProgressReport(framework: framework, tallies: tallies) }

    /// Survey-tool estimates in force: explicit ones, else last year's.
    public var estimates: [String: Double] {
        var result: [String: Double] = [:]
        for tool in framework.tools where !tool.scoredFromItems {
            if let value = assessment.estimate(for: tool.code, in: framework) { result[tool.code] = value }
        }
        return result
    }

    public var projection: ScoreProjection {
        ScoreProjection(framework: framework, passedItems: progress.passedItems, estimates: estimates)
    }

    public var whatItTakes: WhatItTakes {
        WhatItTakes.compute(framework: framework, passedItems: progress.passedItems, estimates: estimates,
                            target: assessment.targetGrade, nearestDue: nearestDue)
    }

    public func upcomingDeadlines(limit: Int) -> [Deadline] {
        Deadline.upcoming(milestones: assessment.milestones, dueGroups: dueGroups, today: today,
                          calendar: assessment.workingCalendar, limit: limit)
    }
}

extension Board {
    /// The owner of a target: its own, else (an item) its indicator's.
    public func owner(of target: TaskTarget) -> Int64? {
        if let id = owners[target] { return id }
        if case .item(let code) = target, let indicator = framework.location(ofItem: code)?.indicator { return owners[.indicator(indicator.number)] }
        return nil
    }

    /// The indicators and items a member owns, in framework order.
    public func targets(ownedBy member: Int64) -> [TaskTarget] { owners.filter { $0.value == member }.map(\.key).sorted() }

    /// Items with an owner (`ownedBy`, or anyone) and no task: they can never pass, so they are shown.
    public func itemsWithoutTasks(ownedBy member: Int64? = nil) -> [String] {
        framework.items.map(\.code).filter { code in
            guard (tallies[.item(code)]?.total ?? 0) == 0, let owner = owner(of: .item(code)) else { return false }
            return member == nil || owner == member
        }
    }
}
