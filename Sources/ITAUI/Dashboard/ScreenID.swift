/// The dashboard's screens, in tab order (keys 1–8).
public enum ScreenID: String, Hashable, Sendable, CaseIterable {
    case overview, tree, mine, all, countdown, review, members, milestones

    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}
