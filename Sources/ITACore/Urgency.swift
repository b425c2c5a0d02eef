/// The order in which work needs attention: overdue first (oldest first), then nearest due,
/// then the points at stake, then id. Done tasks come last.
public enum UrgencyOrder {
    public static func sorted(_ tasks: [WorkTask], today: CivilDate, framework: Framework) -> [WorkTask] {
        var points: [TaskTarget: Double] = [:]
        func weight(_ target: TaskTarget) -> Double {
            if let cached = points[target] { return cached }
            let value = framework.points(of: target)
            points[target] = value
            return value
        }
        let keyed = tasks.map { task -> (WorkTask, Int, Int, Double) in
            let rank = !task.status.isOpen ? 2 : (task.isOverdue(on: today) ? 0 : 1)
            return (task, rank, task.due?.dayNumber ?? Int.max, weight(task.target))
        }
        return keyed.sorted { a, b in
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            if abs(a.3 - b.3) > 1e-9 { return a.3 > b.3 }
            return a.0.id < b.0.id
        }.map(\.0)
    }
}
