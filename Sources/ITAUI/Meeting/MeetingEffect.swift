import ITACore

/// What meeting mode asks the runtime to do.
public enum MeetingEffect: Hashable, Sendable {
    /// Record something at the open meeting.
    case record(MeetingRequest)
    case checkForChanges
    case reload(today: CivilDate)
    /// Back to where meeting mode was opened from (the dashboard, or the shell).
    case quit
}
