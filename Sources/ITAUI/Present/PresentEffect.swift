import ITACore

/// What present mode asks the runtime to do. It never writes.
public enum PresentEffect: Hashable, Sendable {
    case checkForChanges
    case reload(today: CivilDate)
    case quit
}
