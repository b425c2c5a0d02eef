
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

    /// Commands that change data: not offered to a viewer who may not change anything.
    public var changesData: Bool {
        switch self {
        case .toggleDone, .undo, .editEvidence, .editNote, .block: return true
        default: return false
        }
    }
}

