import ITACore

/// A new action item as typed at a meeting: `@owner O12 2569-12-02 title`. Leading `@owner`,
/// target (`O12`, or `i7` for indicator 7) and date tokens may come in any order; the rest is the
/// title. Owner and target are required (meeting mode prefills them from the selected row); the
/// date defaults to `defaultDue` (the next meeting).
public struct ActionDraft: Hashable, Sendable {
    public var title: String
    public var target: TaskTarget
    public var ownerID: Int64
    public var due: CivilDate

    public enum Problem: Error, Hashable, Sendable {
        case noTitle, noOwner, noTarget
        case unknownOwner(String), unknownTarget(String), badDate(String), pastDate(CivilDate)
    }

    public static func parse(_ text: String, members: [Member], framework: Framework, today: CivilDate,
                             defaultDue: CivilDate) throws(Problem) -> ActionDraft {
        var words = text.split(separator: " ").map(String.init)
        var owner: Int64?, target: TaskTarget?, due = defaultDue
        while let word = words.first {
            if word.hasPrefix("@") {
                let name = String(word.dropFirst())
                guard let member = TaskFilter.member(named: name, in: members) else { throw .unknownOwner(name) }
                owner = member.id
            } else if let parsed = Self.target(word) {
                switch parsed {
                case .indicator(let n) where framework.indicator(n) == nil: throw .unknownTarget(word)
                case .item(let code) where framework.item(code) == nil: throw .unknownTarget(word)
                default: target = parsed
                }
            } else if Self.looksLikeDate(word) {
                guard let day = Self.date(word, today: today) else { throw .badDate(word) }
                guard day >= today else { throw .pastDate(day) }
                due = day
            } else {
                break
            }
            words.removeFirst()
        }
        let title = words.joined(separator: " ").trimmingWhitespace
        guard !title.isEmpty else { throw .noTitle }
        guard let owner else { throw .noOwner }
        guard let target else { throw .noTarget }
        return ActionDraft(title: title, target: target, ownerID: owner, due: due)
    }

    /// `O12`/`o12` → item, `i7`/`I7` → indicator 7; anything else is not a target.
    static func target(_ word: String) -> TaskTarget? {
        guard let first = word.first, word.count >= 2, let n = Int(word.dropFirst()), n > 0 else { return nil }
        switch first {
        case "O", "o": return .item("O\(n)")
        case "i", "I": return .indicator(n)
        default: return nil
        }
    }

    static func looksLikeDate(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first == "+" || (first.properties.numericType != nil && (word.contains("-") || word.contains("/")))
    }

    /// A date by the one rule for typed dates (`DateInput`).
    static func date(_ word: String, today: CivilDate) -> CivilDate? { DateInput.parse(word, today: today) }
}
