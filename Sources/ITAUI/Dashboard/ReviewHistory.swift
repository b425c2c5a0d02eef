import ITACore

/// What the weekly review reads from the store besides the live data.
public struct ReviewHistory: Hashable, Sendable {
    public var snapshots: [ProgressSnapshot]
    public var lastActivity: [Int64: Timestamp]

    public init(snapshots: [ProgressSnapshot], lastActivity: [Int64: Timestamp]) {
        self.snapshots = snapshots
        self.lastActivity = lastActivity
    }
}
