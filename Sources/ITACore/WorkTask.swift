/// What a task is for: a whole indicator (e.g. IIT indicator 1) or one OIT item (e.g. O12).
public enum TaskTarget: Hashable, Sendable, Comparable, CustomStringConvertible {
    case indicator(Int)
    case item(String)

    /// `9` / `O12`: how people write it.
    public var description: String {
        switch self {
        case .indicator(let n): return "\(n)"
        case .item(let code): return code
        }
    }

    /// Parses `O12`/`o12` as an item, a number as an indicator.
    public init?(text: String) {
        let trimmed = text.trimmingWhitespace
        if let n = Int(trimmed) { self = .indicator(n); return }
        guard let first = trimmed.first, first == "O" || first == "o",
              let n = Int(trimmed.dropFirst()), n > 0 else { return nil }
        self = .item("O\(n)")
    }

    public static func < (lhs: TaskTarget, rhs: TaskTarget) -> Bool {
        switch (lhs, rhs) {
        case (.indicator(let a), .indicator(let b)): return a < b
        case (.indicator, .item): return true
        case (.item, .indicator): return false
        case (.item(let a), .item(let b)): return (itemNumber(a), a) < (itemNumber(b), b)
        }
    }

    /// The number in an item code ("O12" → 12), 0 when the rest is not all digits: O2 sorts before O10.
    /// Read from the bytes: `Int(_:)` of a substring was most of the cost of sorting targets.
    static func itemNumber(_ code: String) -> Int {
        var n = 0, digits = 0
        for byte in code.utf8.dropFirst() {
            guard byte >= 0x30 && byte <= 0x39, digits < 18 else { return 0 }
            n = n * 10 + Int(byte - 0x30)
            digits += 1
        }
        return n
    }
}

public enum TaskStatus: String, Hashable, Sendable, CaseIterable, Codable {
    case todo, inProgress = "in_progress", done, blocked

    public var isOpen: Bool { self != .done }
}

/// One piece of committee work. (Named `WorkTask` so it never shadows Swift's `Task`.)
public struct WorkTask: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    public var target: TaskTarget
    public var ownerID: Int64
    public var due: CivilDate?
    public var status: TaskStatus
    public var blockedReason: String?
    public var evidence: [String]
    public var note: String
    public var phase: String?
    public var doneBy: Int64?
    public var doneAt: Timestamp?
    /// Monthly, quarterly or yearly work: when this occurrence is done, the next one is made.
    public var recurs: Recurrence?
    /// The committee file's stable name for the task (`key:`), matched by `ita plan apply`.
    public var key: String?
    /// When the task was archived: it then leaves every list, count, score and reminder.
    public var archivedAt: Timestamp?
    public var archiveReason: String?

    public var isArchived: Bool { archivedAt != nil }

    /// A task's key in the committee file: the same characters as a login.
    public static func isValidKey(_ key: String) -> Bool { Member.isValidLogin(key) }

    public init(id: Int64, title: String, target: TaskTarget, ownerID: Int64, due: CivilDate?,
                status: TaskStatus = .todo, blockedReason: String? = nil, evidence: [String] = [], note: String = "",
                phase: String? = nil, doneBy: Int64? = nil, doneAt: Timestamp? = nil, recurs: Recurrence? = nil,
                key: String? = nil, archivedAt: Timestamp? = nil, archiveReason: String? = nil) {
        self.id = id
        self.title = title
        self.target = target
        self.ownerID = ownerID
        self.due = due
        self.status = status
        self.blockedReason = blockedReason
        self.evidence = evidence
        self.note = note
        self.phase = phase
        self.doneBy = doneBy
        self.doneAt = doneAt
        self.recurs = recurs
        self.key = key
        self.archivedAt = archivedAt
        self.archiveReason = archiveReason
    }

    public func isOverdue(on today: CivilDate) -> Bool {
        guard status.isOpen, let due else { return false }
        return due < today
    }
}

extension String {
    /// Without leading and trailing whitespace (Foundation-free).
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
