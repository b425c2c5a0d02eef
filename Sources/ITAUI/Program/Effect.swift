import ITACore

/// What `update` asks the runtime to do, as data.
public enum Effect: Hashable, Sendable {
    case apply(TaskChange, taskID: Int64)
    case undo
    case checkForChanges
    /// The day changed (midnight passed): read everything again for `today`.
    case reload(today: CivilDate)
    /// Put text on the clipboard of the terminal the user sits at (OSC 52, which travels over SSH).
    case copy(String)
    /// Record something at the open meeting (meeting mode).
    case meeting(MeetingRequest)
    /// Read the stored snapshots and last activity for the weekly review screen.
    case loadReview
    /// Leave the dashboard for meeting mode, and come back after.
    case openMeeting
    case quit
}
