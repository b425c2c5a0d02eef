import ITACore

/// A page of present mode.
public enum PresentPage: Hashable, Sendable {
    /// `countdown(part, of: parts)`: the stickers take as many pages as the projector needs to show every one.
    case overview, countdown(Int, of: Int), owner(Int64), respondents
}
