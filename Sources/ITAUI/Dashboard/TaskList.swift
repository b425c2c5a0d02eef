import ITACore

/// A scrolling list of tasks: positions into `DashboardData.tasks`, the cursor and the first row shown.
public struct TaskList: Hashable, Sendable {
    public var indices: [Int] = []
    public var cursor = 0
    public var top = 0

    public init() {}
}
