import ITACore

/// Everything that reaches the dashboard: input, and what the runtime read or wrote for it.
public enum DashboardMessage: Hashable, Sendable, InputMessages {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resized(Size)
    case tick(Tick)
    /// Everything reloaded after a change elsewhere (or for a new day).
    case loaded(DashboardData)
    /// Someone else changed these tasks (and nothing else): they as stored now, and the board when
    /// the runtime read it (nil: the state works it out from the changes, as for its own). The state
    /// puts them in place without reading the other 50,000 again.
    case refreshed([WorkTask], Board?)
    /// Our change was saved: the task as stored now, and the new board if the runtime read it
    /// (nil: the state updates its board from the one change).
    case applied(WorkTask, Board?, action: AuditAction, changed: Bool)
    /// Our plan change was saved (`count` fields): everything as stored now, and a line for the status.
    case planSaved(DashboardData, note: String)
    /// The store refused a plan change: the field it names (if any) and why, in the user's language.
    case planRefused(field: String?, text: String)
    /// Undo reversed `fields` fields of these tasks.
    case undone([WorkTask], Board, entries: [AuditEntry])
    /// A tick found nothing new: time for work that depends only on the data (see `prepareWhileIdle`).
    case idle
    /// Right after the first frame, before any key is read: everything `idle` would make, at once.
    case prepare
    /// The store refused or failed; the message is already in the user's language.
    case failed(String)
    /// The weekly review's history, read from the store.
    case reviewLoaded(ReviewHistory)
    /// What other people changed, shown briefly after a reload ("กิตติพัฒน์: #31 เสร็จแล้ว").
    case othersChanged([AuditEntry])
    /// What `ita verify` would say, checked after the first frame and after changes elsewhere:
    /// a warning while the database disagrees with its own record, nil when it agrees.
    case integrity(String?)
}
