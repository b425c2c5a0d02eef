
/// What a dashboard key asks for, named by intent.
public enum Command: KeyCommand {
    public typealias Scope = ScreenID
    /// What a dashboard command may need: changing data (write access and a place on the committee).
    /// `change`: write access and a place on the committee; `plan`: the chair's or secretary's too.
    public enum Need: Hashable, Sendable { case change, plan }

    case quit
    case selectNext, selectPrevious, selectFirst, selectLast, pageDown, pageUp
    case nextScreen, previousScreen
    case show(ScreenID)
    case open, back, collapse, expand
    case toggleDone, undo, editEvidence, editNote, block
    case addTask, editTask, reassign, setDue, archive
    case addMember, editMember, memberLeaves, addMilestone, editMilestone, removeMilestone
    case filter, commandLine, help
    case toggleWorkingDays, copyReminder
    case meeting
}

