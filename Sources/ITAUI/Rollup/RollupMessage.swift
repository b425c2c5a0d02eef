import ITACore

/// Everything that reaches the roll-up board: input and the offices read again.
public enum RollupMessage: Hashable, Sendable, InputMessages {
    case key(KeyPress)
    case mouse(MouseEvent)
    case resized(Size)
    case tick(Tick)
    case loaded(Rollup)
    /// Files that could not be read on the last look, one line each.
    case failed([String])
}

/// What the roll-up board asks the runtime to do. It never writes.
public enum RollupEffect: Hashable, Sendable {
    /// Read the offices' files again where they changed (and all of them on a new day).
    case checkForChanges(today: CivilDate)
    case quit
}
