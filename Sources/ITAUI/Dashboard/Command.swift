
/// What a key asks for, named by intent.
public enum Command: Hashable, Sendable {
    case quit
    case selectNext, selectPrevious, selectFirst, selectLast, pageDown, pageUp
    case nextScreen, previousScreen
    case show(ScreenID)
    case open, back, collapse, expand
    case toggleDone, undo, editEvidence, editNote, block
    case filter, commandLine, help
    case toggleWorkingDays, copyReminder
    case meeting
}

