/// The order in which work needs attention: overdue first (oldest first), then nearest due,
/// then the points at stake, then id. Done tasks come last.
public enum UrgencyOrder {
    public static func sorted(_ tasks: [WorkTask], today: CivilDate, framework: Framework) -> [WorkTask] {
        sortedIndices(tasks, today: today, framework: framework).map { tasks[$0] }
    }

    /// Positions into `tasks` in urgency order (for views that keep one array and several orders).
    public static func sortedIndices(_ tasks: [WorkTask], today: CivilDate, framework: Framework) -> [Int] {
        var points: [TaskTarget: Double] = [:]
        func weight(_ target: TaskTarget) -> Double {
            if let cached = points[target] { return cached }
            let value = framework.points(of: target)
            points[target] = value
            return value
        }
        struct Key { var index: Int; var rank: Int; var due: Int; var points: Double; var id: Int64 }
        // Fields are read in place: copying whole tasks (strings, arrays) costs more than the sort.
        var keys = tasks.indices.map { i -> Key in
            let status = tasks[i].status, due = tasks[i].due
            let rank = !status.isOpen ? 2 : ((due.map { $0 < today } ?? false) ? 0 : 1)
            return Key(index: i, rank: rank, due: due?.dayNumber ?? Int.max, points: weight(tasks[i].target), id: tasks[i].id)
        }
        keys.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.due != b.due { return a.due < b.due }
            if abs(a.points - b.points) > 1e-9 { return a.points > b.points }
            return a.id < b.id
        }
        return keys.map(\.index)
    }
}
