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
        // Fields are read in place: copying whole tasks (strings, arrays) costs more than the sort.
        var keys = tasks.indices.map { i in (index: i, key: key(status: tasks[i].status, due: tasks[i].due, target: tasks[i].target, id: tasks[i].id,
                                                                today: today, points: weight)) }
        keys.sort { $0.key < $1.key }
        return keys.map(\.index)
    }

    /// A task's place in the order, as a comparable key.
    public struct Key: Comparable, Sendable {
        var rank: Int, due: Int, points: Double, id: Int64

        public static func < (a: Key, b: Key) -> Bool {
            if a.rank != b.rank { return a.rank < b.rank }
            if a.due != b.due { return a.due < b.due }
            if abs(a.points - b.points) > 1e-9 { return a.points > b.points }
            return a.id < b.id
        }
    }

    public static func key(_ task: WorkTask, today: CivilDate, framework: Framework) -> Key {
        key(status: task.status, due: task.due, target: task.target, id: task.id, today: today, points: framework.points)
    }

    /// The one rule: overdue first, then open, then done; within each by due date, points at stake, id.
    static func key(status: TaskStatus, due: CivilDate?, target: TaskTarget, id: Int64, today: CivilDate,
                    points: (TaskTarget) -> Double) -> Key {
        let rank = !status.isOpen ? 2 : ((due.map { $0 < today } ?? false) ? 0 : 1)
        return Key(rank: rank, due: due?.dayNumber ?? Int.max, points: points(target), id: id)
    }

    /// Moves the tasks at `changed` positions to their places in an order made by `sortedIndices`
    /// (the others keep theirs): a few changed tasks cost a binary search each, not a sort of all.
    public static func reposition(_ order: inout [Int], changed: Set<Int>, tasks: [WorkTask], today: CivilDate, framework: Framework) {
        guard !changed.isEmpty else { return }
        order.removeAll { changed.contains($0) }
        for position in changed.sorted() {
            let key = key(tasks[position], today: today, framework: framework)
            var low = 0, high = order.count
            while low < high {
                let mid = (low + high) / 2
                if Self.key(tasks[order[mid]], today: today, framework: framework) < key { low = mid + 1 } else { high = mid }
            }
            order.insert(position, at: low)
        }
    }
}
