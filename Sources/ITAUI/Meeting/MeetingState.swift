import ITACore

/// Meeting mode: attendance, then the agenda a–f, with a clock and time per section. The chair and
/// the secretary record notes, decisions and action items; everyone else follows read-only.
public struct MeetingState: Hashable, Sendable, Program {
    /// The line being typed: a note, a decision or an action item.
    public struct Prompt: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            case note, decision, action
            /// A new text for this note or decision.
            case correction(MeetingEntry)
            /// Where the meeting is; why this member is absent; who came from outside the committee.
            case place
            case absence(Int64)
            case guests
        }
        public var kind: Kind
        public var text: String
    }

    public private(set) var data: MeetingData
    public private(set) var agenda: Agenda
    public var language: Language
    public var size: Size
    public let viewer: Member?
    public let login: String
    /// Position in `MeetingStep.all`.
    public private(set) var step = 0
    /// The selected row of each step.
    public private(set) var cursors = [Int](repeating: 0, count: MeetingStep.all.count)
    /// Seconds per step (by `MeetingStep.timeKey`), counted from ticks.
    public private(set) var seconds: [String: Double] = [:]
    private var lastTick: Double?
    public private(set) var prompt: Prompt?
    /// The ระเบียบวาระ (1–5) new notes and decisions go under in the official minutes (`v` changes it).
    public private(set) var minutesItem = MinutesItem.considered
    public private(set) var message: StatusMessage?
    public private(set) var confirmingEnd = false
    public private(set) var helpVisible = false
    /// The id column of the agenda's task table: as wide as the largest id (worked out on load, not per frame).
    public private(set) var idColumnWidth = 4
    public private(set) var helpTop = 0
    private var keyboard = KeyboardLayoutGuess()

    public init(data: MeetingData, language: Language, size: Size, viewer: Member?, login: String) {
        self.data = data
        self.language = language
        self.size = size
        self.viewer = viewer
        self.login = login
        agenda = data.agenda
        for (key, value) in data.meeting?.sectionSeconds ?? [:] { seconds[key] = Double(value) }
        // A meeting already under way resumes on the agenda rather than the roll call.
        if let meeting = data.meeting, !meeting.attendees.isEmpty { step = 1 }
        if data.meeting?.isEnded == true { message = StatusMessage(language.meeting.endedNote) }
        rebuild()
    }

    public var board: Board { data.board }
    public var currentStep: MeetingStep { MeetingStep.all[step] }
    public var redrawsOnTick: Bool { true }
    public func render() -> Screen { MeetingView.render(self) }

    /// The chair or secretary at an open meeting.
    public var canRecord: Bool {
        guard let meeting = data.meeting, !meeting.isEnded else { return false }
        return viewer?.coordinates ?? false
    }

    public var attendees: Set<Int64> { Set(data.meeting?.attendees ?? []) }

    /// The rows of the current step: members for attendance, else the agenda section's rows.
    public var rowCount: Int {
        switch currentStep {
        case .attendance: return board.members.count
        case .section(let s): return agenda.rows(s).count
        }
    }

    public var cursor: Int { cursors[step] }

    public var selectedRow: Agenda.Row? {
        guard case .section(let s) = currentStep, agenda.rows(s).indices.contains(cursor) else { return nil }
        return agenda.rows(s)[cursor]
    }

    /// Whole seconds per step, as stored.
    public var wholeSeconds: [String: Int] { seconds.mapValues { Int(saturating: $0.rounded(.down)) } }
    public var totalSeconds: Int { Int(seconds.values.reduce(0, +)) }

    // MARK: Update

    public mutating func update(_ message: MeetingMessage) -> [MeetingEffect] {
        switch message {
        case .key(let key): return handle(key)
        case .mouse(let event):
            switch event.kind {
            case .wheelUp: move(by: -3)
            case .wheelDown: move(by: 3)
            case .click: break
            }
        case .resized(let newSize): size = newSize
        case .tick(let tick):
            let now = tick.seconds
            // The clock runs while the meeting is open; a finished meeting keeps its times.
            if let last = lastTick, data.meeting.map({ !$0.isEnded }) ?? false {
                seconds[currentStep.timeKey, default: 0] += max(0, now - last)
            }
            lastTick = now
            return tick.today != board.today ? [.reload(today: tick.today)] : [.checkForChanges]
        case .loaded(let fresh):
            data = fresh
            for (key, value) in fresh.meeting?.sectionSeconds ?? [:] where Double(value) > seconds[key] ?? 0 { seconds[key] = Double(value) }
            rebuild()
        case .recorded(let entry, let task):
            data.meeting?.entries.append(entry)
            if let task { data.tasks.append(task) }
            self.message = StatusMessage(task.map { t in
                language.meeting.actionSaved(t.id, board.member(t.ownerID)?.name ?? "#\(t.ownerID)", language.strings.date(t.due ?? board.today))
            } ?? language.meeting.recorded(entry.kind))
            rebuild()
        case .ended(let meeting):
            data.meeting = meeting
            // One clock: from now on the time shown is the time stored (whole seconds per section), the
            // same as on reopening the meeting and in its minutes.
            seconds = meeting.sectionSeconds.mapValues(Double.init)
            rebuild()
            self.message = StatusMessage(language.meeting.meetingClosed)
        case .failed(let text):
            self.message = StatusMessage(text, isError: true)
        }
        return []
    }

    private mutating func rebuild() {
        agenda = data.agenda
        idColumnWidth = TaskTable.idWidth(largest: data.tasks.map(\.id).max() ?? 0)
        for index in cursors.indices {
            let count: Int
            switch MeetingStep.all[index] {
            case .attendance: count = board.members.count
            case .section(let s): count = agenda.rows(s).count
            }
            cursors[index] = max(0, min(cursors[index], count - 1))
            // Never rest on an owner heading: the first row after it.
            if case .section(let s) = MeetingStep.all[index] {
                let rows = agenda.rows(s)
                while rows.indices.contains(cursors[index]), case .owner = rows[cursors[index]], cursors[index] + 1 < rows.count { cursors[index] += 1 }
            }
        }
    }

    mutating func handle(_ key: KeyPress) -> [MeetingEffect] {
        if prompt != nil { return editPrompt(key) }
        if confirmingEnd {
            confirmingEnd = false
            switch key.latinEquivalent {
            case .character("y"), .character("Y"):
                guard data.meeting != nil else { return [] }
                return [.record(.end(wholeSeconds, agenda.summary(grade: board.projection.grade?.grade)))]
            default: message = nil; return []
            }
        }
        message = nil
        if helpVisible {
            if help.scroll(&helpTop, by: key, width: size.width, height: helpHeight) { return [] }
            helpVisible = false
            return key == .control("c") ? saveTime() + [.quit] : []
        }
        keyboard.observe(key)   // command keys only: what is typed into a prompt says nothing of the layout
        guard let (binding, matched) = MeetingKeymap.table.match(key, on: scope, layout: keyboard) else { return [] }
        if let need = binding.needs, let reason = disabledReason(need) {
            message = StatusMessage(reason, isError: true)
            return []
        }
        switch binding.command {
        case .quit: return saveTime() + [.quit]
        case .nextStep: return go(to: step + 1)
        case .previousStep: return go(to: step - 1)
        case .down: move(by: 1)
        case .up: move(by: -1)
        case .first: move(by: -rowCount)
        case .last: move(by: rowCount)
        case .pageDown: move(by: 10)
        case .pageUp: move(by: -10)
        case .goToStep:
            if case .character(let c) = matched { return go(to: Int(c.value) - 0x31) }
        case .toggleAttendance: return toggleAttendance(all: false)
        case .allPresent: return toggleAttendance(all: true)
        case .note: return startPrompt(.note)
        case .decision: return startPrompt(.decision)
        case .action: return startPrompt(.action)
        case .correct: return startCorrection()
        case .place: prompt = Prompt(kind: .place, text: data.meeting?.place ?? "")
        case .guests: prompt = Prompt(kind: .guests, text: (data.meeting?.guests ?? []).joined(separator: ", "))
        case .absence:
            guard board.members.indices.contains(cursor) else { return [] }
            let id = board.members[cursor].id
            prompt = Prompt(kind: .absence(id), text: data.meeting?.absenceReasons[id] ?? "")
        case .minutesItem:
            // 4 (the agenda) first, then 5, 1, 2, 3: the usual order of what is added to it.
            let order = [4, 5, 1, 2, 3]
            minutesItem = order[((order.firstIndex(of: minutesItem) ?? 0) + 1) % order.count]
            message = StatusMessage(language.meeting.minutesItemNow(minutesItem))
        case .end: confirmingEnd = true
        case .help:
            helpVisible = true
            helpTop = 0
        }
        return []
    }

    /// Where keys are now: the roll call or the agenda.
    public var scope: MeetingCommand.Scope { currentStep == .attendance ? .attendance : .agenda }

    /// Why a binding's need does not hold now (nil: it works): recording needs the chair or the
    /// secretary at a meeting that is open.
    public func disabledReason(_ need: MeetingCommand.Need) -> String? {
        switch need {
        case .record:
            if canRecord { return nil }
            if let meeting = data.meeting, meeting.isEnded { return language.strings.meetingEnded(language.strings.date(meeting.day)) }
            if data.meeting == nil { return language.meeting.noMeetingYet }
            return language.strings.denied(viewer == nil ? .notAMember(login: login) : .coordinatorsOnly)
        }
    }

    /// The `?` help, generated from the keymap (recording keys dimmed, with why, when they do not work).
    public var help: HelpPanel {
        let t = language.meeting, d = language.dashboard
        return HelpPanel(MeetingKeymap.table, title: t.helpTitle, footer: [t.actionFormat, d.helpAnyKeyCloses], scrollNote: d.helpScroll,
                         commandTitle: t.commandTitle,
                         scopeNames: { scopes in scopes.map { $0 == .attendance ? t.stepTitle(.attendance) : t.agendaWord }.joined(separator: ", ") },
                         disabledReason: disabledReason)
    }

    /// The help's room: between the title rows and the hint bar.
    var helpHeight: Int { max(1, size.height - 5) }

    mutating func go(to index: Int) -> [MeetingEffect] {
        let target = max(0, min(MeetingStep.all.count - 1, index))
        guard target != step else { return [] }
        step = target
        return saveTime()
    }

    /// Moves the selection, over the owner headings: a note or an action item is about a task, and
    /// a heading in between made seven `j` land on the wrong one.
    mutating func move(by delta: Int) {
        var target = max(0, min(rowCount - 1, cursors[step] + delta))
        let direction = delta < 0 ? -1 : 1
        while isHeading(target), target + direction >= 0, target + direction < rowCount { target += direction }
        if isHeading(target) {
            // The last row in this direction is a heading: look the other way for the nearest row.
            var back = target
            while isHeading(back), back - direction >= 0, back - direction < rowCount { back -= direction }
            target = isHeading(back) ? cursors[step] : back
        }
        cursors[step] = target
    }

    /// Whether row `index` of the current step is an owner heading (never selected).
    func isHeading(_ index: Int) -> Bool {
        guard case .section(let s) = currentStep, agenda.rows(s).indices.contains(index) else { return false }
        if case .owner = agenda.rows(s)[index] { return true }
        return false
    }

    private func saveTime() -> [MeetingEffect] { canRecord ? [.record(.saveTime(wholeSeconds))] : [] }

    /// Whether the viewer may record now; if not, says why on the status line.
    private mutating func checkRecorder() -> Bool {
        guard let reason = disabledReason(.record) else { return true }
        message = StatusMessage(reason, isError: true)
        return false
    }

    private mutating func toggleAttendance(all: Bool) -> [MeetingEffect] {
        guard checkRecorder(), var meeting = data.meeting else { return [] }
        var present = attendees
        if all {
            present = Set(board.members.map(\.id))
        } else if board.members.indices.contains(cursor) {
            let id = board.members[cursor].id
            if present.contains(id) { present.remove(id) } else { present.insert(id) }
            move(by: 1)
        }
        meeting.attendees = board.members.map(\.id).filter(present.contains)
        data.meeting = meeting
        return [.record(.attendance(meeting.attendees))]
    }

    private mutating func startPrompt(_ kind: Prompt.Kind) -> [MeetingEffect] {
        guard checkRecorder() else { return [] }
        guard case .section = currentStep else {
            message = StatusMessage(language.meeting.stepTitle(.attendance) + ": " + language.meeting.attendanceHint, isError: true)
            return []
        }
        var text = ""
        if kind != .action, let subject = selectedRow?.subject(members: board.members) {
            // The note names the row it is about, where the secretary sees it (and can delete it).
            text = subject + " "
        }
        if kind == .action {
            var words: [String] = []
            if let owner = defaultOwner, let member = board.member(owner) { words.append("@" + member.login) }
            if let target = selectedRow?.task?.target {
                switch target {
                case .item(let code): words.append(code)
                case .indicator(let n): words.append("i\(n)")
                }
            }
            let due = agenda.nextMeeting
            words.append(DateInput.typed(due))
            text = words.joined(separator: " ") + " "
        }
        prompt = Prompt(kind: kind, text: text)
        return []
    }

    /// `r`: the note or decision to correct — the selected decision, else the latest one recorded on
    /// the selected row, else the latest in this section — with its text to edit.
    private mutating func startCorrection() -> [MeetingEffect] {
        guard case .section(let section) = currentStep else { return [] }
        let standing = (data.meeting?.currentEntries ?? []).filter { $0.section == section && $0.kind != .action }
        var target: MeetingEntry?
        if case .entry(let entry)? = selectedRow, entry.kind != .action { target = standing.first { $0.id == entry.id } ?? entry }
        if target == nil, let subject = selectedRow?.subject(members: board.members) { target = standing.last { $0.subject == subject } }
        if target == nil { target = standing.last }
        guard let target else {
            message = StatusMessage(language.meeting.nothingToCorrect, isError: true)
            return []
        }
        prompt = Prompt(kind: .correction(target), text: target.text)
        return []
    }

    /// The subject a note's line starts with (`#31`, `O12`, `i7`, `@login`, a survey tool) and the rest.
    static func leadingSubject(_ text: String, members: [Member], framework: Framework) -> (String?, String) {
        let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return (nil, "") }
        let rest = words.count > 1 ? words[1].trimmingWhitespace : ""
        let named: String?
        if first.hasPrefix("#"), Int64(first.dropFirst()) != nil { named = first }
        else if first.hasPrefix("@"), members.contains(where: { "@" + $0.login == first }) { named = first }
        else if let target = ActionDraft.target(first) {
            // The same words as an action item's line: `O12` an item, `i7` an indicator.
            switch target {
            case .item(let code): named = framework.item(code) != nil ? code : nil
            case .indicator(let n): named = framework.indicator(n) != nil ? "i\(n)" : nil
            }
        }
        else if framework.tool(first.uppercased()) != nil { named = first.uppercased() }
        else { named = nil }
        return named == nil ? (nil, text) : (named, rest)
    }

    /// The owner an action item on the selected row goes to by default.
    var defaultOwner: Int64? {
        switch selectedRow {
        case .owner(let id, _)?: return id
        case .task(let task)?, .followUp(_, let task)?: return task.ownerID
        case .entry(let entry)?: return entry.taskID.flatMap { id in data.tasks.first { $0.id == id }?.ownerID }
        default: return nil
        }
    }

    private mutating func editPrompt(_ key: KeyPress) -> [MeetingEffect] {
        guard var p = prompt else { return [] }
        switch LineEditor.edit(&p.text, key) {
        case .cancel: prompt = nil
        case .editing: prompt = p
        case .submit:
            let text = p.text.trimmingWhitespace
            // The minutes' facts work on any step.
            switch p.kind {
            case .place:
                prompt = nil
                data.meeting?.place = text
                message = StatusMessage(language.meeting.placeSaved(text))
                return [.record(.place(text))]
            case .guests:
                prompt = nil
                let names = text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                data.meeting?.guests = names
                message = StatusMessage(language.meeting.guestsSaved(names.count))
                return [.record(.guests(names))]
            case .absence(let id):
                prompt = nil
                guard var meeting = data.meeting else { return [] }
                meeting.absenceReasons[id] = text.isEmpty ? nil : text
                var effects: [MeetingEffect] = [.record(.absence(memberID: id, reason: text))]
                // A reason means absent: one marked present is not.
                if !text.isEmpty, meeting.attendees.contains(id) {
                    meeting.attendees.removeAll { $0 == id }
                    effects.insert(.record(.attendance(meeting.attendees)), at: 0)
                }
                data.meeting = meeting
                message = StatusMessage(language.meeting.absenceSaved(board.member(id)?.name.sanitizedForTerminal ?? "#\(id)", text))
                return effects
            default: break
            }
            guard case .section(let section) = currentStep else { prompt = nil; return [] }
            let subject = selectedRow?.subject(members: board.members)
            switch p.kind {
            case .correction(let entry):
                prompt = nil
                guard !text.isEmpty, text != entry.text else { return [] }
                return [.record(.correction(of: entry.id, text: text))]
            case .note, .decision:
                prompt = nil
                // Linked to what the line names first (#31, O12, @login, IIT), else to nothing.
                let (named, rest) = Self.leadingSubject(text, members: board.members, framework: board.framework)
                guard !rest.isEmpty else { return [] }
                return [.record(.entry(p.kind == .note ? .note : .decision, section, subject: named, text: rest,
                                       agendaItem: minutesItem == MinutesItem.considered ? nil : minutesItem))]
            case .place, .guests, .absence: prompt = nil
            case .action:
                do {
                    let draft = try ActionDraft.parse(text, members: board.members, framework: board.framework, today: board.today,
                                                      defaultDue: agenda.nextMeeting)
                    prompt = nil
                    return [.record(.actionItem(draft, section, subject: subject))]
                } catch {
                    // Keep the line so it can be fixed.
                    message = StatusMessage(describe(error), isError: true)
                }
            }
        }
        return []
    }

    func describe(_ problem: ActionDraft.Problem) -> String {
        let t = language.meeting
        switch problem {
        case .noTitle: return t.actionNeedsTitle
        case .noOwner: return t.actionNeedsOwner
        case .noTarget: return t.actionNeedsTarget
        case .unknownOwner(let name): return t.actionUnknownOwner(name)
        case .unknownTarget(let word): return t.actionUnknownTarget(word)
        case .badDate(let word): return t.actionBadDate(word)
        case .pastDate(let day): return t.actionPastDate(language.strings.date(day))
        }
    }
}
