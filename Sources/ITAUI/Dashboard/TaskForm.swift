import ITACore

/// The small form the dashboard opens to add or edit a task (`a`, `E`), a member or a milestone
/// (on their screens). Tab moves between fields (completing a login, a name, an item code, a role
/// or a phase first when the text is the start of one), Enter saves, Esc cancels; a refused field
/// shows its error.
public struct PlanForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        case title, target, owner, due, phase, note
        case login, name, role, group, line
        case key, titleEN, starts, reminders, covers
    }

    /// What the form is for; the value it edits, nil for a new one.
    public enum Kind: Hashable, Sendable {
        case task(WorkTask?)
        case member(Member?)
        case milestone(Milestone?)
    }

    public var kind: Kind
    public var values: [Field: String]
    public var focus: Field
    /// The field a save was refused on, and why.
    public var error: FormProblem?

    /// A form for `task` (its owner by login, the due date in BE).
    public init(editing task: WorkTask, board: Board) {
        kind = .task(task)
        values = [.title: task.title, .target: task.target.description, .owner: board.member(task.ownerID)?.login ?? "",
                  .due: task.due.map(DateInput.typed) ?? "", .phase: task.phase ?? "", .note: task.note]
        focus = .title
    }

    /// A form for a new task on `target` (the owner left empty: the target's owner).
    public init(adding target: TaskTarget?) {
        kind = .task(nil)
        values = [.title: "", .target: target?.description ?? "", .owner: "", .due: "", .phase: "", .note: ""]
        focus = target == nil ? .target : .title
    }

    public init(member: Member?) {
        kind = .member(member)
        values = [.login: member?.login ?? "", .name: member?.name ?? "", .role: member?.role.rawValue ?? Member.Role.owner.rawValue,
                  .group: member?.workGroup ?? "", .line: member?.lineName ?? ""]
        focus = member == nil ? .login : .name
    }

    public init(milestone: Milestone?) {
        kind = .milestone(milestone)
        values = [.key: milestone?.key ?? "", .title: milestone?.titleTH ?? "", .titleEN: milestone?.titleEN ?? "",
                  .starts: milestone?.starts.map(DateInput.typed) ?? "", .due: milestone.map { DateInput.typed($0.due) } ?? "",
                  .reminders: (milestone?.reminderOffsets ?? Milestone.defaultReminderOffsets).map(String.init).joined(separator: ","),
                  .covers: milestone?.covers.joined(separator: ",") ?? ""]
        focus = milestone == nil ? .key : .title
    }

    /// The fields shown, in order (a member's login and a milestone's key are fixed once made).
    public var fields: [Field] {
        switch kind {
        case .task: return [.title, .target, .owner, .due, .phase, .note]
        case .member(let m): return m == nil ? [.login, .name, .role, .group, .line] : [.name, .role, .group, .line]
        case .milestone(let m): return (m == nil ? [.key] : []) + [.title, .titleEN, .starts, .due, .reminders, .covers]
        }
    }

    public var isNew: Bool {
        switch kind {
        case .task(let t): return t == nil
        case .member(let m): return m == nil
        case .milestone(let m): return m == nil
        }
    }

    public var task: WorkTask? {
        if case .task(let t) = kind { return t }
        return nil
    }

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// What may complete the focused field's text: logins and names for an owner, item codes and
    /// indicator numbers for a target, phase keys, roles, and what a milestone may cover.
    public func candidates(board: Board) -> [String] {
        var text = self[focus].trimmingWhitespace.lowercased()
        let all: [String]
        switch focus {
        case .owner:
            guard !text.isEmpty else { return [] }
            return board.members.filter { !$0.hasLeft && ($0.login.lowercased().hasPrefix(text) || $0.name.lowercased().contains(text)) }.map(\.login)
        case .target:
            all = board.framework.indicators.map { String($0.number) } + board.framework.items.map(\.code)
        case .phase:
            all = board.assessment.process.phases.map(\.key)
        case .role:
            all = Member.Role.allCases.map(\.rawValue)
        case .covers:
            // The last of a comma-separated list.
            text = String(text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingWhitespace
            all = board.framework.tools.map(\.code) + board.framework.indicators.map { String($0.number) } + board.framework.items.map(\.code)
        default:
            return []
        }
        guard !text.isEmpty else { return [] }
        return all.filter { $0.lowercased().hasPrefix(text) }
    }

    /// Tab: complete the focused field if its text starts a candidate (the shortest of several);
    /// otherwise move on.
    public mutating func tab(board: Board, backwards: Bool = false) {
        if !backwards {
            let options = candidates(board: board)
            if let shortest = options.min(by: { $0.count < $1.count }) {
                if focus == .covers {
                    var parts = self[focus].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    if parts.last?.trimmingWhitespace != shortest {
                        parts[parts.count - 1] = shortest
                        self[focus] = parts.joined(separator: ",")
                        return
                    }
                } else if !options.contains(self[focus]) {
                    self[focus] = shortest
                    return
                }
            }
        }
        let list = fields
        let index = list.firstIndex(of: focus) ?? 0
        focus = list[(index + (backwards ? list.count - 1 : 1)) % list.count]
    }

    /// The change the form asks for, or the field that is wrong and why.
    public func change(board: Board, today: CivilDate, text: FormStrings) -> Result<PlanChange, FormProblem> {
        func date(_ field: Field) -> Result<CivilDate?, FormProblem> {
            let value = self[field].trimmingWhitespace
            guard !value.isEmpty else { return .success(nil) }
            guard let day = DateInput.parse(value, today: today) else { return .failure(FormProblem(field: field, text: text.badDate(Quote.text(value)))) }
            return .success(day)
        }
        switch kind {
        case .task(let task):
            let title = self[.title].trimmingWhitespace
            guard !title.isEmpty else { return .failure(FormProblem(field: .title, text: text.titleRequired)) }
            guard let target = TaskTarget(text: self[.target]), board.framework.contains(target) else {
                return .failure(FormProblem(field: .target, text: text.badTarget(Quote.text(self[.target]))))
            }
            let login = self[.owner].trimmingWhitespace
            if !login.isEmpty, board.member(login: login) == nil {
                return .failure(FormProblem(field: .owner, text: text.unknownOwner(login)))
            }
            let due: CivilDate?
            switch date(.due) {
            case .failure(let problem): return .failure(problem)
            case .success(let day): due = day
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

        case .member(let member):
            guard let role = Member.Role(rawValue: self[.role].trimmingWhitespace.lowercased()) else {
                return .failure(FormProblem(field: .role, text: text.badRole))
            }
            let name = self[.name].trimmingWhitespace, group = self[.group].trimmingWhitespace, line = self[.line].trimmingWhitespace
            guard let member else {
                return .success(.addMember(MemberDraft(login: self[.login].trimmingWhitespace, name: name, role: role, workGroup: group, lineName: line)))
            }
            return .success(.editMember(login: member.login, MemberEdit(name: name == member.name ? nil : name, role: role == member.role ? nil : role,
                                                                          workGroup: group == member.workGroup ? nil : group,
                                                                          lineName: line == member.lineName ? nil : line)))

        case .milestone(let milestone):
            let due: CivilDate?, starts: CivilDate?
            switch date(.due) {
            case .failure(let problem): return .failure(problem)
            case .success(let day): due = day
            }
            guard let due else { return .failure(FormProblem(field: .due, text: text.dueRequired)) }
            switch date(.starts) {
            case .failure(let problem): return .failure(problem)
            case .success(let day): starts = day
            }
            let steps = self[.reminders].split(separator: ",").map { Int(String($0).trimmingWhitespace) }
            guard steps.allSatisfy({ $0 != nil }) else { return .failure(FormProblem(field: .reminders, text: text.badReminders)) }
            let covers = self[.covers].split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            let key = milestone?.key ?? self[.key].trimmingWhitespace
            let made = Milestone(key: key, titleTH: self[.title].trimmingWhitespace,
                                 titleEN: self[.titleEN].trimmingWhitespace.isEmpty ? key : self[.titleEN].trimmingWhitespace,
                                 starts: starts, due: due, reminderOffsets: steps.compactMap { $0 }, covers: covers)
            return .success(milestone == nil ? .addMilestone(made) : .editMilestone(key: key, made))
        }
    }
}

/// The form's former name, for the task form.
public typealias TaskForm = PlanForm

/// A form field that cannot be saved, and why.
public struct FormProblem: Error, Hashable, Sendable {
    public var field: PlanForm.Field
    public var text: String
}

extension PlanForm.Field {
    /// The form field a store refusal names (`PlanProblem.field`).
    public init?(storeField: String) {
        switch storeField {
        case "title", "title_th": self = .title
        case "target": self = .target
        case "owner": self = .owner
        case "due": self = .due
        case "phase": self = .phase
        case "note": self = .note
        case "login": self = .login
        case "name": self = .name
        case "role": self = .role
        case "group": self = .group
        case "line": self = .line
        case "key": self = .key
        case "title_en": self = .titleEN
        case "starts": self = .starts
        case "reminders": self = .reminders
        case "covers": self = .covers
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
