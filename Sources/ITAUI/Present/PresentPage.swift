import ITACore

/// A page of present mode.
public enum PresentPage: Hashable, Sendable {
    case overview, countdown, owner(Int64), respondents
}
