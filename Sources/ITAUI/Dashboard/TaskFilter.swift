import ITACore

/// What the All tasks screen shows: free text plus `@login` / `owner:login`, `status:STATUS`,
/// `item:O3` (or `O3` alone) and `overdue` tokens, as typed after `/`.
public struct TaskFilter: Hashable, Sendable {
    public var text: String = ""
    public var ownerID: Int64?
    public var status: TaskStatus?
    public var overdueOnly = false
    /// Only tasks of this item (`item:O3`, or `O3` alone): exactly that one, not O30–O39.
    public var item: String?
    /// Only tasks in this process phase (`phase:A1`).
    public var phase: String?
    /// What the user typed, shown back in the header.
    public var source: String = ""

    public init() {}

    public var isEmpty: Bool { text.isEmpty && ownerID == nil && status == nil && !overdueOnly && item == nil && phase == nil }

    public enum ParseError: Error, Hashable, Sendable { case unknownOwner(String) }

    /// Parses a filter; an owner is matched by login, else by a part of the name.
    public static func parse(_ input: String, members: [Member]) throws(ParseError) -> TaskFilter {
        var filter = TaskFilter()
        filter.source = input
        var words: [String] = []
        for word in input.split(separator: " ").map(String.init) {
            let lower = word.lowercased()
            if lower.hasPrefix("@") || lower.hasPrefix("owner:") {
                let name = String(word.drop(while: { $0 != "@" && $0 != ":" }).dropFirst())
                guard let member = member(named: name, in: members) else { throw .unknownOwner(name) }
                filter.ownerID = member.id
            } else if lower.hasPrefix("status:"), let status = TaskStatus(rawValue: String(lower.dropFirst(7))) {
                filter.status = status
            } else if lower.hasPrefix("phase:"), lower.count > 6 {
                filter.phase = String(word.dropFirst(6)).uppercased()
            } else if lower == "overdue" || lower == "is:overdue" || word == "เกินกำหนด" {
                filter.overdueOnly = true
            } else if case .item(let code)? = TaskTarget(text: lower.hasPrefix("item:") ? String(word.dropFirst(5)) : word),
                      lower.hasPrefix("item:") || lower.first == "o" {
                filter.item = code
            } else {
                words.append(lower)
            }
        }
        filter.text = words.joined(separator: " ")
        return filter
    }

    public static func member(named name: String, in members: [Member]) -> Member? {
        guard !name.isEmpty else { return nil }
        if let exact = members.first(where: { $0.login == name }) { return exact }
        let lower = name.lowercased()
        return members.first { $0.name.lowercased().contains(lower) || $0.lineName.lowercased().contains(lower) }
    }

    /// Whether the task at `position` passes. Fields are read in place (`tasks[position].…`): copying 50,000 whole tasks costs more than the test.
    /// `found[position]`: which free-text words (bit n for word n) the index found in that task's
    /// title, note or owner.
    /// `ofItem[position]`: the task is of the filter's item (from the state's tasks-by-target, so no code is compared here).
    func matches(_ tasks: [WorkTask], at position: Int, found: [UInt64], words: [Word], ofItem: [Bool], today: CivilDate) -> Bool {
        if item != nil, !ofItem[position] { return false }
        if let ownerID, tasks[position].ownerID != ownerID { return false }
        if let status, tasks[position].status != status { return false }
        if let phase, tasks[position].phase?.uppercased() != phase { return false }
        if overdueOnly, !(tasks[position].status.isOpen && (tasks[position].due.map { $0 < today } ?? false)) { return false }
        if words.isEmpty { return true }
        let all: UInt64 = words.count >= 64 ? ~0 : (1 << UInt64(words.count)) - 1
        if found[position] & all == all { return true }
        // A word not in the text may still be the task's item code or its id.
        for (n, word) in words.enumerated() where n >= 64 || found[position] & (1 << UInt64(n)) == 0 {
            if !(word.owners.contains(tasks[position].ownerID) || word.target == tasks[position].target || word.id == tasks[position].id) {
                return false
            }
        }
        return true
    }

    /// A free-text word, worked out once per filter run: its UTF-8 for the index, and what else it
    /// can match without reading a task's text — the members whose name has it, the target whose
    /// code it is (`o12`), the task whose id it is (`#31`).
    struct Word: Hashable, Sendable {
        var text: String
        var bytes: [UInt8]
        var owners: Set<Int64>
        var target: TaskTarget?
        var id: Int64?

        init(_ text: String, owners: Set<Int64>, target: TaskTarget?) {
            self.text = text
            bytes = Array(text.utf8)
            self.owners = owners
            self.target = target
            id = text.hasPrefix("#") ? Int64(text.dropFirst()) : nil
        }
    }

    func words(members: [Member], framework: Framework) -> [Word] {
        let targets = framework.indicators.map { TaskTarget.indicator($0.number) } + framework.items.map { TaskTarget.item($0.code) }
        return text.split(separator: " ").map { part in
            let w = String(part)
            return Word(w, owners: Set(members.filter { Self.name($0.name, contains: w) }.map(\.id)),
                        target: targets.first { $0.description.lowercased() == w })
        }
    }

    /// Whether a member's name holds the word, byte for byte as the task index finds words in titles
    /// (a Character search made the first Thai filter of a session 10 ms slower than the rest).
    static func name(_ name: String, contains word: String) -> Bool {
        let hay = Array(name.lowercased().utf8)
        return hay.withUnsafeBufferPointer { SearchIndex.find(Array(word.utf8), in: $0) }
    }

    /// One task against the filter, by the same rule the lists use (an index of one task).
    public func matches(_ task: WorkTask, ownerName: String, today: CivilDate) -> Bool {
        let words = text.split(separator: " ").map { part -> Word in
            let w = String(part)
            return Word(w, owners: Self.name(ownerName, contains: w) ? [task.ownerID] : [],
                        target: task.target.description.lowercased() == w ? task.target : nil)
        }
        let found = SearchIndex(tasks: [task]).matching(words.map(\.bytes))
        return matches([task], at: 0, found: found, words: words, ofItem: [item.map { task.target == .item($0) } ?? true], today: today)
    }
}
