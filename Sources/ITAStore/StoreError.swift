import ITACore

/// What can go wrong opening or changing a database, in terms a front end can explain.
public enum StoreError: Error, Hashable, Sendable {
    case noDatabase(path: String)
    case notADatabase(path: String, detail: String)
    case newerVersion(path: String)
    case alreadyExists(path: String)
    case unknownTask(id: Int64)
    case unknownTool(code: String)
    case denied(Permissions.Denial)
    case nothingToUndo
    /// The value changed since the change being undone (by someone else); nothing was written.
    case undoConflict(entity: String, key: String, field: String)
    /// The meeting of that day has ended; its record no longer changes.
    case meetingEnded(day: CivilDate)
    case failed(String)
}

/// Who is making a change: the OS login at the keyboard and the member it maps to (if any).
public struct Author: Hashable, Sendable {
    public var login: String
    public var member: Member?

    public init(login: String, member: Member?) {
        self.login = login
        self.member = member
    }
}

/// Which tasks to list.
public struct TaskQuery: Hashable, Sendable {
    public var ownerID: Int64?
    public var indicator: Int?
    public var item: String?
    public var status: TaskStatus?
    /// Only open tasks due before this day.
    public var overdueOn: CivilDate?
    /// Only open tasks due from `dueWithin.lowerBound` through `dueWithin.upperBound`.
    public var dueWithin: ClosedRange<CivilDate>?

    public init(ownerID: Int64? = nil, indicator: Int? = nil, item: String? = nil, status: TaskStatus? = nil,
                overdueOn: CivilDate? = nil, dueWithin: ClosedRange<CivilDate>? = nil) {
        self.ownerID = ownerID
        self.indicator = indicator
        self.item = item
        self.status = status
        self.overdueOn = overdueOn
        self.dueWithin = dueWithin
    }
}
