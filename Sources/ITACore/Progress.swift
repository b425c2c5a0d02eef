/// Counts of tasks at one level of the framework. Counts add up, so the roll-up from item to
/// sub-indicator, indicator, tool and whole is a sum.
public struct Tally: Hashable, Sendable {
    public var total: Int
    public var done: Int
    public var blocked: Int
    public var overdue: Int
    /// Tasks that carry at least one evidence URL.
    public var withEvidence: Int

    public init(total: Int = 0, done: Int = 0, blocked: Int = 0, overdue: Int = 0, withEvidence: Int = 0) {
        self.total = total
        self.done = done
        self.blocked = blocked
        self.overdue = overdue
        self.withEvidence = withEvidence
    }

    public static let zero = Tally()

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        Tally(total: lhs.total + rhs.total, done: lhs.done + rhs.done, blocked: lhs.blocked + rhs.blocked,
              overdue: lhs.overdue + rhs.overdue, withEvidence: lhs.withEvidence + rhs.withEvidence)
    }

    public static func - (lhs: Tally, rhs: Tally) -> Tally {
        Tally(total: lhs.total - rhs.total, done: lhs.done - rhs.done, blocked: lhs.blocked - rhs.blocked,
              overdue: lhs.overdue - rhs.overdue, withEvidence: lhs.withEvidence - rhs.withEvidence)
    }

    /// One task's contribution to its target's tally.
    public static func of(_ task: WorkTask, today: CivilDate) -> Tally {
        Tally(total: 1, done: task.status == .done ? 1 : 0, blocked: task.status == .blocked ? 1 : 0,
              overdue: task.isOverdue(on: today) ? 1 : 0, withEvidence: task.evidence.isEmpty ? 0 : 1)
    }

    public var open: Int { total - done }
    public var fraction: Double { total == 0 ? 0 : Double(done) / Double(total) }

    /// The published OIT rule for one item: every task done and evidence to show.
    public var itemPasses: Bool { total > 0 && done == total && withEvidence > 0 }
    /// Every task done, and none with evidence: the item does not pass yet.
    public var lacksEvidence: Bool { total > 0 && done == total && withEvidence == 0 }

    /// Tallies per target from a list of tasks (the store computes the same in SQL).
    public static func byTarget(_ tasks: [WorkTask], today: CivilDate) -> [TaskTarget: Tally] {
        var result: [TaskTarget: Tally] = [:]
        for task in tasks {
            result[task.target, default: .zero] = result[task.target, default: .zero] + Tally.of(task, today: today)
        }
        return result
    }
}

/// Progress rolled up through the framework tree from per-target tallies.
public struct ProgressReport: Hashable, Sendable {
    public var items: [String: Tally]
    public var subIndicators: [String: Tally]
    public var indicators: [Int: Tally]
    public var tools: [String: Tally]
    public var whole: Tally

    public init(framework: Framework, tallies: [TaskTarget: Tally]) {
        var items: [String: Tally] = [:], subs: [String: Tally] = [:]
        var indicators: [Int: Tally] = [:], tools: [String: Tally] = [:]
        var whole = Tally.zero
        for indicator in framework.indicators {
            var indicatorTally = tallies[.indicator(indicator.number)] ?? .zero
            for sub in indicator.subIndicators {
                var subTally = Tally.zero
                for item in sub.items {
                    let t = tallies[.item(item.code)] ?? .zero
                    items[item.code] = t
                    subTally = subTally + t
                }
                subs[sub.code] = subTally
                indicatorTally = indicatorTally + subTally
            }
            indicators[indicator.number] = indicatorTally
            tools[indicator.tool, default: .zero] = tools[indicator.tool, default: .zero] + indicatorTally
            whole = whole + indicatorTally
        }
        self.items = items
        self.subIndicators = subs
        self.indicators = indicators
        self.tools = tools
        self.whole = whole
    }

    /// OIT items that pass by the published rule.
    public var passedItems: Set<String> { Set(items.filter { $0.value.itemPasses }.map(\.key)) }
}

extension Tally {
    /// Where a target stands, by one order of precedence: no tasks, all done, overdue, blocked, open.
    /// `doneNoEvidence`: every task done, but an item under it does not pass (no evidence, or an
    /// item with no task), so it is not ✓.
    public enum Standing: Hashable, Sendable {
        case noTasks, allDone, doneNoEvidence
        case overdue(Int), blocked(Int), open(Int)
    }

    public var standing: Standing { standing(passes: nil) }

    /// `passes`: for what OIT items score, whether every item under it passes (nil otherwise).
    public func standing(passes: Bool?) -> Standing {
        if total == 0 { return .noTasks }
        if done == total { return passes == false ? .doneNoEvidence : .allDone }
        if overdue > 0 { return .overdue(overdue) }
        if blocked > 0 { return .blocked(blocked) }
        return .open(open)
    }
}
