/// A committee member. `login` is the OS login name that identifies them at a terminal.
public struct Member: Hashable, Sendable, Identifiable {
    public enum Role: String, Hashable, Sendable, CaseIterable, Codable {
        case chair, secretary, owner, member
    }

    public var id: Int64
    public var login: String
    public var name: String
    public var role: Role
    public var workGroup: String
    public var lineName: String
    /// Their LINE user id (`U` and 32 hex digits, from a webhook event), so a reminder sent through the
    /// Messaging API mentions them; empty: the reminder writes `@name` as text.
    public var lineID: String
    /// The day they left the committee (`ita member leave`): their name stays in the history,
    /// they own nothing and may change nothing.
    public var leftOn: CivilDate?

    public var hasLeft: Bool { leftOn != nil }

    public init(id: Int64, login: String, name: String, role: Role, workGroup: String = "", lineName: String = "",
                lineID: String = "", leftOn: CivilDate? = nil) {
        self.leftOn = leftOn
        self.id = id
        self.login = login
        self.name = name
        self.role = role
        self.workGroup = workGroup
        self.lineName = lineName
        self.lineID = lineID
    }

    /// A LINE user id as LINE writes it: `U` then 32 lowercase hex digits.
    public static func isValidLineID(_ id: String) -> Bool {
        id.count == 33 && id.first == "U" && id.dropFirst().allSatisfy { $0.isASCII && $0.isHexDigit && !$0.isUppercase }
    }

    /// An OS login name as the committee writes it: letters, digits, `.`, `_`, `-` (ASCII).
    public static func isValidLogin(_ login: String) -> Bool {
        !login.isEmpty && login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// Chair and secretary run the plan: they may change any task.
    public var coordinates: Bool { role == .chair || role == .secretary }
}

extension Member {
    /// The work groups of `members`, each once, in member order.
    public static func workGroups(of members: [Member]) -> [String] {
        var groups: [String] = []
        for member in members where !groups.contains(member.workGroup) { groups.append(member.workGroup) }
        return groups
    }
}
