import ITACore

/// The small form `E` opens on a task and `a` opens for a new one: title, target, owner, due,
/// phase, note. Tab moves between fields (completing a login, a name or an item code first when
/// the text is the start of one), Enter saves, Esc cancels; a refused field shows its error.
public struct TaskForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case title, target, owner, due, phase, note
    }

    /// nil: a new task.
    public var task: WorkTask?
    public var values: [Field: String]
    public var focus: Field
    /// The field a save was refused on, and why.
    public var error: FormProblem?

    /// A form for `task` (its values as the owner, by login, and the due date in BE).
    public init(editing task: WorkTask, board: Board) {
        self.task = task
        values = [.title: task.title, .target: task.target.description, .owner: board.member(task.ownerID)?.login ?? "",
                  .due: task.due.map(Self.typed) ?? "", .phase: task.phase ?? "", .note: task.note]
        focus = .title
    }

    /// A form for a new task on `target` (the owner left empty: the target's owner).
    public init(adding target: TaskTarget?) {
        task = nil
        values = [.title: "", .target: target?.description ?? "", .owner: "", .due: "", .phase: "", .note: ""]
        focus = target == nil ? .target : .title
    }

    /// `2569-12-15`: a date as a Thai secretary types it.
    static func typed(_ date: CivilDate) -> String {
        "\(ThaiCalendar.buddhistYear(date.year))-" + String(date.iso.dropFirst(5))
    }

    public var isNew: Bool { task == nil }

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// What may complete the focused field's text: logins and names for the owner, item codes and
    /// indicator numbers for the target, phase keys for the phase.
    public func candidates(board: Board) -> [String] {
        let text = self[focus].trimmingWhitespace.lowercased()
        let all: [String]
        switch focus {
        case .owner:
            let people = board.members.filter { !$0.hasLeft }
            guard !text.isEmpty else { return [] }
            return people.filter { $0.login.lowercased().hasPrefix(text) || $0.name.lowercased().contains(text) }.map(\.login)
        case .target:
            all = board.framework.indicators.map { String($0.number) } + board.framework.items.map(\.code)
        case .phase:
            all = board.assessment.process.phases.map(\.key)
        default:
            return []
        }
        guard !text.isEmpty else { return [] }
        return all.filter { $0.lowercased().hasPrefix(text) }
    }

    /// Tab: complete the focused field if its text starts exactly one candidate (or the shortest
    /// of several that share it); otherwise move on.
    public mutating func tab(board: Board, backwards: Bool = false) {
        if !backwards {
            let options = candidates(board: board)
            if let first = options.first, !options.contains(self[focus]) {
                self[focus] = options.min { $0.count < $1.count } ?? first
                return
            }
        }
        let fields = Field.allCases
        let index = (focus.rawValue + (backwards ? fields.count - 1 : 1)) % fields.count
        focus = fields[index]
    }

    /// The change the form asks for, or the field that is wrong and why.
    public func change(board: Board, today: CivilDate, text: FormStrings) -> Result<PlanChange, FormProblem> {
        let title = self[.title].trimmingWhitespace
        guard !title.isEmpty else { return .failure(FormProblem(field: .title, text: text.titleRequired)) }
        guard let target = TaskTarget(text: self[.target]), board.framework.contains(target) else {
            return .failure(FormProblem(field: .target, text: text.badTarget(Quote.text(self[.target]))))
        }
        let login = self[.owner].trimmingWhitespace
        if !login.isEmpty, board.member(login: login) == nil {
            return .failure(FormProblem(field: .owner, text: text.unknownOwner(login)))
        }
        let dueText = self[.due].trimmingWhitespace
        var due: CivilDate?
        if !dueText.isEmpty {
            guard let day = DateInput.parse(dueText, today: today) else {
                return .failure(FormProblem(field: .due, text: text.badDate(Quote.text(dueText))))
            }
            due = day
        }
        let phase = self[.phase].trimmingWhitespace
        let note = self[.note]
        guard let task else {
            return .success(.addTask(NewTask(title: title, target: target, ownerLogin: login.isEmpty ? nil : login, due: due,
                                             phase: phase.isEmpty ? nil : phase, note: note)))
        }
        var edit = TaskEdit(expected: task)
        if title != task.title { edit.title = title }
        if target != task.target { edit.target = target }
        if !login.isEmpty, login != board.member(task.ownerID)?.login { edit.ownerLogin = login }
        if due != task.due { edit.due = .some(due) }
        if (phase.isEmpty ? nil : phase) != task.phase { edit.phase = .some(phase.isEmpty ? nil : phase) }
        if note != task.note { edit.note = note }
        return .success(.editTask(id: task.id, edit))
    }

}

/// A form field that cannot be saved, and why.
public struct FormProblem: Error, Hashable, Sendable {
    public var field: TaskForm.Field
    public var text: String
}

extension TaskForm.Field {
    /// The store's name for the field a refusal names (`PlanProblem.field`).
    public init?(storeField: String) {
        switch storeField {
        case "title": self = .title
        case "target": self = .target
        case "owner", "login": self = .owner
        case "due": self = .due
        case "phase": self = .phase
        case "note": self = .note
        default: return nil
        }
    }
}

extension Framework {
    public func contains(_ target: TaskTarget) -> Bool {
        switch target {
        case .indicator(let n): return indicator(n) != nil
        case .item(let code): return item(code) != nil
        }
    }
}
