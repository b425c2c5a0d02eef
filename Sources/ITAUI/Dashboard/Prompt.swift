import ITACore

/// The text line at the bottom: a prompt being typed.
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case filter, command, evidence(Int64), note(Int64), block(Int64)
        case due(Int64), owner(Int64), assign(TaskTarget), archive(Int64)
        case leave(String), removeMilestone(String)
    }

    public var purpose: Purpose
    public var text: String

    public init(purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }
}
