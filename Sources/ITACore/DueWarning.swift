/// Warnings, not errors, about a due date a person sets: it is a weekend or a committee holiday,
/// or it falls after the milestone that covers the task's target.
public enum DueWarning: Hashable, Sendable {
    case weekend(CivilDate)
    case holiday(CivilDate, name: String)
    case afterMilestone(CivilDate, milestone: Milestone)

    public static func check(_ due: CivilDate?, target: TaskTarget, assessment: Assessment, framework: Framework) -> [DueWarning] {
        guard let due else { return [] }
        var warnings: [DueWarning] = []
        if due.isWeekend { warnings.append(.weekend(due)) }
        if let holiday = assessment.holidays.first(where: { $0.date == due }) { warnings.append(.holiday(due, name: holiday.name)) }
        // The earliest milestone whose scope takes in the target, if the task is due after it.
        let covering = assessment.milestones.filter { m in
            let scope = MilestoneScope(covers: m.covers, framework: framework)
            switch target {
            case .item(let code): return scope.items.contains(code)
            case .indicator(let n): return scope.indicators.contains(n)
            }
        }.min { $0.due < $1.due }
        if let covering, due > covering.due { warnings.append(.afterMilestone(due, milestone: covering)) }
        return warnings
    }
}
