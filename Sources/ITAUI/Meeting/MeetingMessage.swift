import ITACore

/// Everything that reaches meeting mode: input, and what the runtime read or recorded for it.
public enum MeetingMessage: Hashable, Sendable, InputMessages {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resized(Size)
    case tick(Tick)
    /// Everything reloaded (a change elsewhere, or a new day).
    case loaded(MeetingData)
    /// An entry (and an action item's task) saved.
    case recorded(MeetingEntry, WorkTask?)
    case ended(Meeting)
    case failed(String)
}
