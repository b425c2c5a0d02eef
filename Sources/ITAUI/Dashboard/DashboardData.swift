import ITACore

/// What the dashboard shows, loaded from the store in one go.
public struct DashboardData: Hashable, Sendable {
    public var board: Board
    public var tasks: [WorkTask]

    public init(board: Board, tasks: [WorkTask]) {
        self.board = board
        self.tasks = tasks
    }
}
