import ITACore

extension AppState {
    /// Applies a message and returns the effects the runtime must perform.
    public mutating func update(_ message: Message) -> [Effect] {
        let before = screen
        var effects = apply(message)
        // The review reads the stored snapshots: ask for them when its screen opens (or first shows)
        // and after a change elsewhere while it is open.
        // Any change to the data makes the stored history (last activity) and the review out of date.
        switch message {
        case .loaded, .refreshed, .applied, .undone: reviewStale = true
        default: break
        }
        if screen == .review {
            // Revisiting with nothing changed shows the review already built: no store read, no rebuild.
            let changedElsewhere: Bool = {
                switch message {
                case .loaded, .refreshed: return true
                default: return false
                }
            }()
            var reload = reviewHistory == nil || (reviewStale && (before != .review || changedElsewhere))
            if case .reviewLoaded = message { reload = false }
            if reload { effects.append(.loadReview) }
        }
        return effects
    }

    private mutating func apply(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            return handle(key)
        case .mouse(let event):
            handle(event)
            return []
        case .resized(let newSize):
            size = newSize
            clampScrolling()
            return []
        case .tick(let tick):
            return tick.today != today ? [.reload(today: tick.today)] : [.checkForChanges]
        case .idle:
            prepareWhileIdle()
            return []
        case .prepare:
            while prepareWhileIdle() {}
            return []
        case .loaded(let newData):
            replaceData(newData)
            return []
        case .refreshed(let tasks, let board):
            return refresh(tasks, board: board)
        case .applied(let task, let board, let action, let changed):
            patch(task, board: board)
            var note = changed ? strings.changed(strings.action(action), task.id, task.title.sanitizedForTerminal) : strings.unchanged(task.id)
            if case .item(let code) = task.target, task.status == .done, self.board.tallies[.item(code)]?.lacksEvidence == true {
                note += "  " + language.plan.itemLacksEvidence(code)
            }
            self.message = StatusMessage(note)
            return []
        case .undone(let tasks, let board, let entries):
            for task in tasks { patch(task, board: board) }
            if tasks.isEmpty { data = DashboardData(board: board, tasks: data.tasks) }
            self.message = StatusMessage(AuditText(members: board.members, strings: strings).undo(entries))
            return []
        case .planSaved(let newData, let note):
            form = nil
            replaceData(newData)
            self.message = StatusMessage(note)
            return []
        case .planRefused(let field, let text):
            if var f = form {
                let named = field.flatMap(PlanForm.Field.init(storeField:)).flatMap { f.fields.contains($0) ? $0 : nil } ?? f.focus
                f.error = FormProblem(field: named, text: text)
                f.focus = named
                form = f
            } else {
                self.message = StatusMessage(text, isError: true)
            }
            return []
        case .failed(let text):
            self.message = StatusMessage(text, isError: true)
            return []
        case .reviewLoaded(let history):
            setReviewHistory(history)
            return []
        case .othersChanged(let entries):
            // A note, not an error; a prompt or a newer message of one's own is not covered.
            if prompt == nil, let note = AuditText(members: board.members, strings: strings).summary(of: entries) {
                self.message = StatusMessage(note)
            }
            return []
        case .integrity(let warning):
            integrityWarning = warning
            return []
        }
    }

    // MARK: Keys

    mutating func handle(_ key: KeyPress) -> [Effect] {
        if form != nil { return editForm(key) }
        if prompt != nil { return editPrompt(key) }
        message = nil
        if helpVisible {
            // The help scrolls with the moving keys; any other key closes it.
            if HelpView.panel(self).scroll(&helpTop, by: key, width: size.width, height: Layout(size: size).bodyHeight) { return [] }
            helpVisible = false
            return key == .control("c") ? [.quit] : []
        }
        // Command keys (not what is typed into a prompt) tell which layout the keyboard is on.
        keyboard.observe(key)
        guard let binding = Keymap.table.binding(for: key, on: screen, layout: keyboard) else { return [] }
        if let need = binding.needs, let reason = disabledReason(need) {
            message = StatusMessage(reason, isError: true)
            return []
        }
        return perform(binding.command)
    }

    /// Runs a command (from a key, or directly in tests).
    public mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit: return [.quit]
        case .meeting: return [.openMeeting]
        case .selectNext: move(by: 1)
        case .selectPrevious: move(by: -1)
        case .selectFirst: move(to: 0)
        case .selectLast: move(to: Int.max)
        case .pageDown: move(by: pageSize)
        case .pageUp: move(by: -pageSize)
        case .nextScreen: show(ScreenID.allCases[(screen.number) % ScreenID.allCases.count])
        case .previousScreen: show(ScreenID.allCases[(screen.number + ScreenID.allCases.count - 2) % ScreenID.allCases.count])
        case .show(let target): show(target)
        case .open: openSelectedRow()
        case .back:
            if screen == .tree, drill != nil { drill = nil }
            else if screen == .all, !filter.isEmpty { setFilter(TaskFilter()); message = StatusMessage(text.filterCleared) }
        case .collapse: collapseSelectedRow()
        case .expand: expandSelectedRow()
        case .toggleDone:
            guard let task = changeableTask() else { return [] }
            return [.apply(task.status == .done ? .reopen : .markDone(evidence: nil, note: nil), taskID: task.id)]
        case .undo:
            if let refusal = refusalToWrite() { message = StatusMessage(refusal, isError: true); return [] }
            return [.undo]
        case .editEvidence:
            guard let task = changeableTask() else { return [] }
            prompt = Prompt(purpose: .evidence(task.id), text: task.evidence.joined(separator: " "))
        case .editNote:
            guard let task = changeableTask() else { return [] }
            prompt = Prompt(purpose: .note(task.id), text: task.note)
        case .block:
            guard let task = changeableTask() else { return [] }
            prompt = Prompt(purpose: .block(task.id), text: task.blockedReason ?? "")
        case .addTask:
            guard let target = selectedTarget else {
                message = StatusMessage(screen == .tree ? text.openTasksFirst : text.noSelection, isError: true)
                return []
            }
            if let viewer, let denial = Permissions.check(.addTask, actor: viewer, login: login, ownerID: board.owner(of: target),
                                                          ownerName: board.member(board.owner(of: target))?.name) {
                message = StatusMessage(strings.denied(denial), isError: true)
                return []
            }
            form = TaskForm(adding: target)
        case .editTask:
            guard let task = changeableTask() else { return [] }
            form = TaskForm(editing: task, board: board)
        case .reassign:
            if screen == .tree, drill == nil, let target = selectedTarget {
                prompt = Prompt(purpose: .assign(target), text: board.member(board.owner(of: target))?.login ?? "")
                return []
            }
            guard let task = changeableTask() else { return [] }
            prompt = Prompt(purpose: .owner(task.id), text: board.member(task.ownerID)?.login ?? "")
        case .setDue:
            guard let task = changeableTask() else { return [] }
            prompt = Prompt(purpose: .due(task.id), text: task.due.map(DateInput.typed) ?? "")
        case .archive:
            guard let task = changeableTask() else { return [] }
            prompt = Prompt(purpose: .archive(task.id))
        case .addMember: form = PlanForm(member: nil)
        case .editMember:
            guard let member = selectedMember else { message = StatusMessage(text.noSelection, isError: true); return [] }
            form = PlanForm(member: member)
        case .memberLeaves:
            guard let member = selectedMember, !member.hasLeft else { message = StatusMessage(text.noSelection, isError: true); return [] }
            prompt = Prompt(purpose: .leave(member.login))
        case .addMilestone: form = PlanForm(milestone: nil)
        case .editMilestone:
            guard let milestone = selectedMilestone else { message = StatusMessage(text.noSelection, isError: true); return [] }
            form = PlanForm(milestone: milestone)
        case .removeMilestone:
            guard let milestone = selectedMilestone else { message = StatusMessage(text.noSelection, isError: true); return [] }
            prompt = Prompt(purpose: .removeMilestone(milestone.key))
        case .filter: prompt = Prompt(purpose: .filter, text: filter.source)
        case .commandLine: prompt = Prompt(purpose: .command)
        case .help: helpVisible = true; helpTop = 0
        case .toggleWorkingDays: countWorkingDays.toggle()
        case .copyReminder:
            guard let sticker = selectedSticker else { message = StatusMessage(text.noSelection, isError: true); return [] }
            let countdown = language.countdown
            message = StatusMessage(countdown.copied(countdown.deadlineTitle(sticker).sanitizedForTerminal))
            return [.copy(ReminderText.sticker(sticker, board: board, language: language))]
        }
        return []
    }

    var pageSize: Int { max(1, (screen == .tree && drill == nil ? Layout(size: size).treeListHeight : Layout(size: size).taskListHeight) - 1) }

    mutating func show(_ target: ScreenID) {
        screen = target
        helpVisible = false
        if target == .countdown, stickers == nil { refreshStickers() }
        // Built once per change of the data: when the history is stale the runtime reads it again in
        // this same keypress (see `update`), and the review is built from that.
        if target == .review, review == nil, !reviewStale { refreshReview() }
        clampScrolling()
    }

    mutating func move(by delta: Int) {
        switch screen {
        case .overview: overviewTop = max(0, overviewTop + delta)
        case .tree:
            if var d = drill { d.list.cursor = max(0, d.list.cursor + delta); drill = d } else { treeCursor = max(0, treeCursor + delta) }
        case .mine: mine.cursor = max(0, mine.cursor + delta)
        case .all: all.cursor = max(0, all.cursor + delta)
        case .countdown: stickerCursor = max(0, stickerCursor + delta)
        case .review: reviewTop = max(0, reviewTop + delta)
        case .members: memberCursor = max(0, memberCursor + delta)
        case .milestones: milestoneCursor = max(0, milestoneCursor + delta)
        }
        clampScrolling()
    }

    mutating func move(to row: Int) {
        switch screen {
        case .overview: overviewTop = row == 0 ? 0 : Int.max / 2
        case .tree:
            if var d = drill { d.list.cursor = row; drill = d } else { treeCursor = row }
        case .mine: mine.cursor = row
        case .all: all.cursor = row
        case .countdown: stickerCursor = row
        case .review: reviewTop = row == 0 ? 0 : Int.max / 2
        case .members: memberCursor = row
        case .milestones: milestoneCursor = row
        }
        clampScrolling()
    }

    /// Moves the tree cursor to a target's row (expanding what hides it). False if there is none.
    public mutating func select(_ target: TaskTarget) -> Bool {
        let node: TreeRow.Node
        switch target {
        case .indicator(let n): node = .indicator(n)
        case .item(let code): node = .item(code)
        }
        collapsed = []
        rebuildTree()
        guard let row = treeRows.firstIndex(where: { $0.node == node }) else { return false }
        screen = .tree
        treeCursor = row
        clampScrolling()
        return true
    }

    mutating func openSelectedRow() {
        guard screen == .tree, drill == nil, treeRows.indices.contains(treeCursor) else { return }
        let row = treeRows[treeCursor]
        openDrill(row.node, title: row.title)
        clampScrolling()
    }

    mutating func collapseSelectedRow() {
        if drill != nil { drill = nil; return }
        guard treeRows.indices.contains(treeCursor) else { return }
        let row = treeRows[treeCursor]
        if row.hasChildren, !collapsed.contains(row.node) {
            collapsed.insert(row.node)
        } else if let parent = treeRows[..<treeCursor].lastIndex(where: { $0.depth < row.depth }) {
            treeCursor = parent   // like a file tree: h on a leaf goes to its parent
        }
        rebuildTree()
        clampScrolling()
    }

    mutating func expandSelectedRow() {
        guard drill == nil, treeRows.indices.contains(treeCursor) else { return }
        let row = treeRows[treeCursor]
        if collapsed.contains(row.node) {
            collapsed.remove(row.node)
            rebuildTree()
        } else if !row.hasChildren {
            openSelectedRow()
        } else {
            treeCursor += 1
        }
        clampScrolling()
    }

    /// The selected task if the viewer may change it; otherwise nil, with the reason on the status line.
    mutating func changeableTask() -> WorkTask? {
        if let refusal = refusalToWrite() { message = StatusMessage(refusal, isError: true); return nil }
        guard let task = selectedTask else {
            message = StatusMessage(screen == .tree ? text.openTasksFirst : text.noSelection, isError: true)
            return nil
        }
        if let denial = Permissions.canChange(task, actor: viewer, login: login, owner: board.member(task.ownerID)) {
            message = StatusMessage(strings.denied(denial), isError: true)
            return nil
        }
        return task
    }

    /// Why a binding's need does not hold now (nil: it works).
    public func disabledReason(_ need: Command.Need) -> String? {
        switch need {
        case .change: return refusalToWrite()
        case .plan:
            if let refusal = refusalToWrite() { return refusal }
            return viewer?.coordinates == true ? nil : language.form.coordinatorsOnly
        }
    }

    /// The indicator or item a new task would go on: the selected task's, the tree row's, or a
    /// "no task yet" row's in My tasks.
    var selectedTarget: TaskTarget? {
        if let code = selectedItemWithoutTask { return .item(code) }
        if let task = selectedTask { return task.target }
        guard screen == .tree, drill == nil, treeRows.indices.contains(treeCursor) else {
            if case .tree = screen, let d = drill { return d.node.target }
            return nil
        }
        return treeRows[treeCursor].node.target
    }

    // MARK: Form

    mutating func editForm(_ key: KeyPress) -> [Effect] {
        guard var f = form else { return [] }
        switch key {
        case .escape:
            form = nil
            return []
        case .tab: f.tab(board: board)
        case .backTab: f.tab(board: board, backwards: true)
        case .enter:
            switch f.change(board: board, today: today, text: language.form) {
            case .failure(let problem):
                f.error = problem
                f.focus = problem.field
            case .success(let change):
                f.error = nil
                form = f
                return [.plan([change])]
            }
        default:
            var value = f[f.focus]
            if case .editing = LineEditor.edit(&value, key) { f[f.focus] = value }
            f.error = nil
        }
        form = f
        return []
    }

    func refusalToWrite() -> String? {
        if readOnly { return readOnlyNote ?? text.readOnly }
        if viewer == nil { return strings.denied(.notAMember(login: login)) }
        return nil
    }

    // MARK: Prompt

    mutating func editPrompt(_ key: KeyPress) -> [Effect] {
        guard var p = prompt else { return [] }
        switch LineEditor.edit(&p.text, key) {
        case .cancel: prompt = nil
        case .submit:
            prompt = nil
            return commit(p)
        case .editing: prompt = p
        }
        return []
    }

    mutating func commit(_ p: Prompt) -> [Effect] {
        let value = p.text.trimmingWhitespace
        switch p.purpose {
        case .filter:
            applyFilterText(value)
        case .command:
            return runCommandLine(value)
        case .evidence(let id):
            let urls = value.split(whereSeparator: \.isWhitespace).map(String.init)
            if let bad = urls.first(where: { !Evidence.isValid($0) }) {
                // Keep the line open so the typo can be fixed; nothing is saved.
                prompt = p
                message = StatusMessage(text.notEvidence(Quote.text(bad)), isError: true)
                return []
            }
            return [.apply(.setEvidence(urls), taskID: id)]
        case .note(let id):
            return [.apply(.setNote(value), taskID: id)]
        case .block(let id):
            guard !value.isEmpty else { message = StatusMessage(text.reasonRequired, isError: true); return [] }
            return [.apply(.block(reason: value), taskID: id)]
        case .due(let id):
            if value.isEmpty { return [.plan([.editTask(id: id, TaskEdit(due: .some(nil), expected: task(id: id)))])] }
            guard let day = DateInput.parse(value, today: today) else {
                prompt = p
                message = StatusMessage(language.form.badDate(Quote.text(value)), isError: true)
                return []
            }
            return [.plan([.editTask(id: id, TaskEdit(due: .some(day), expected: task(id: id)))])]
        case .owner(let id):
            guard isMember(value, else: p) else { return [] }
            return [.plan([.editTask(id: id, TaskEdit(ownerLogin: value, expected: task(id: id)))])]
        case .assign(let target):
            guard isMember(value, else: p) else { return [] }
            return [.plan([.assign(target, login: value, withOpenTasks: true)])]
        case .archive(let id):
            return [.plan([.archiveTask(id: id, reason: value.isEmpty ? nil : value)])]
        case .leave(let login):
            return [.plan([.leaveMember(login: login, handOverTo: value.isEmpty ? nil : value)])]
        case .removeMilestone(let key):
            return [.plan([.removeMilestone(key: key)])]
        }
        return []
    }

    /// Whether `login` is a member now; if not, the prompt stays open with why.
    mutating func isMember(_ login: String, else p: Prompt) -> Bool {
        guard board.member(login: login) == nil else { return true }
        prompt = p
        message = StatusMessage(language.form.unknownOwner(login), isError: true)
        return false
    }

    /// Filters the All tasks screen as `/` does; an unknown owner leaves an error message.
    public mutating func applyFilterText(_ value: String) {
        do {
            let parsed = try TaskFilter.parse(value, members: board.members)
            setFilter(parsed)
            message = StatusMessage(parsed.isEmpty ? text.filterCleared : text.filterSet(value, all.indices.count))
        } catch {
            if case .unknownOwner(let name) = error { message = StatusMessage(text.unknownOwner(name), isError: true) }
        }
    }

    mutating func setFilter(_ newFilter: TaskFilter) {
        filter = newFilter
        all.cursor = 0
        all.top = 0
        applyFilter()
        screen = .all
        clampScrolling()
    }

    /// `:owner NAME`, `:filter TEXT`, `:all`, `:q`, `:help`, `:1`…`:4`.
    mutating func runCommandLine(_ line: String) -> [Effect] {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first else { return [] }
        let argument = words.count > 1 ? words[1] : ""
        switch name {
        case "q", "quit", "q!", "wq": return [.quit]
        case "owner", "o": applyFilterText(argument.isEmpty ? "" : "@" + argument)
        case "filter", "f": applyFilterText(argument)
        case "all": applyFilterText("")
        case "help", "h": helpVisible = true
        default:
            if let n = Int(name), (1...ScreenID.allCases.count).contains(n) { show(ScreenID.allCases[n - 1]) }
            else { message = StatusMessage(text.unknownCommand(name), isError: true) }
        }
        return []
    }

    // MARK: Mouse

    mutating func handle(_ event: MouseEvent) {
        message = nil
        switch event.kind {
        case .wheelUp: move(by: -3)
        case .wheelDown: move(by: 3)
        case .click:
            if helpVisible { helpVisible = false; return }
            if event.y == 0 {
                if let tab = TabBar.tabs(for: self).first(where: { $0.columns.contains(event.x) }) { show(tab.screen) }
                return
            }
            let layout = Layout(size: size)
            switch screen {
            case .overview: break
            case .countdown:
                let grid = StickerGrid(width: size.width - 2, height: layout.bodyHeight)
                let column = (event.x - 1) / grid.stickerWidth, row = (event.y - layout.bodyTop) / grid.stickerHeight
                if event.y >= layout.bodyTop, column < grid.columns, row < grid.rows {
                    let index = (stickerTop + row) * grid.columns + column
                    if index < (stickers?.count ?? 0) { stickerCursor = index }
                }
            case .tree where drill == nil:
                let row = treeTop + event.y - layout.treeListTop
                if event.y >= layout.treeListTop, row < treeRows.count { treeCursor = row }
            default:
                guard let list = currentList else { return }
                let row = list.top + event.y - layout.taskListTop
                if event.y >= layout.taskListTop, event.y < layout.taskListTop + layout.taskListHeight, row < list.indices.count {
                    move(to: row)
                }
            }
            clampScrolling()
        }
    }
}

