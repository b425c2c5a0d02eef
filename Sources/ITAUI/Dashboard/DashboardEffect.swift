import ITACore

/// What the dashboard asks the runtime to do, as data.
public enum DashboardEffect: Hashable, Sendable {
    case apply(TaskChange, taskID: Int64)
    /// Plan changes (add, edit, reassign, re-date, archive) as one audited change.
    case plan([PlanChange])
    case undo
    /// Look for other people's changes (on a tick); reload if there are any.
    case checkForChanges
    /// The day changed (midnight passed): read everything again for `today`.
    case reload(today: CivilDate)
    /// Put text on the clipboard of the terminal the user sits at (OSC 52, which travels over SSH).
    case copy(String)
    /// Read the stored snapshots and last activity for the weekly review screen.
    case loadReview
    /// Switch to meeting mode; the dashboard comes back, reloaded, when it closes.
    case openMeeting
    case quit
}
