import ITACore

/// Everything the dashboard is showing. `update` changes it; `DashboardView.render` draws it.
public struct AppState: Hashable, Sendable {
    public internal(set) var data: DashboardData
    public var language: Language
    /// The OS login at the keyboard and the member acting (the login's own, or `--as`).
    public var login: String
    public var viewer: Member?
    public var readOnly: Bool
    /// Why it is read-only, in the user's language (shown when a change is refused).
    public var readOnlyNote: String?
    /// Shown on the status line while the database disagrees with its own record (`ita verify`).
    public var integrityWarning: String?
    public var size: Size
    public var screen: ScreenID
    public var helpVisible = false
    /// The first help line shown (the help scrolls on small terminals).
    public var helpTop = 0
    /// Which keyboard layout the keys come from (Kedmanee's 2, 3 and Shift-M type `/`, `-` and `?`).
    public var keyboard = KeyboardLayoutGuess()
    public var overviewTop = 0
    public var treeRows: [TreeRow] = []
    public var treeCursor = 0
    public var treeTop = 0
    public var collapsed: Set<TreeRow.Node> = []
    public var drill: Drill?
    public var mine = TaskList()
    public var all = TaskList()
    public var filter = TaskFilter()
    public var prompt: Prompt?
    /// The task form (`E` on a task, `a` for a new one) while it is open.
    public var form: TaskForm?
    public var message: StatusMessage?
    /// Items the viewer owns that have no task yet: rows after their tasks in My tasks.
    public private(set) var itemsWithoutTasks: [String] = []
    /// The worst evidence finding per OIT item (from `ita evidence check`), for the tree's marks.
    public private(set) var evidenceMarks: [String: EvidenceFinding] = [:]
    /// The countdown screen: selected sticker, first grid row shown, and whether the big number
    /// counts working days instead of calendar days.
    public var stickerCursor = 0
    public var stickerTop = 0
    public var countWorkingDays = false
    /// Countdown stickers, built only while the countdown screen is open (nil: out of date).
    public private(set) var stickers: [Sticker]?
    /// The weekly review screen: stored snapshots and each member's last change (loaded when the
    /// screen opens), the review built from them and the live data, and the first line shown.
    public private(set) var reviewHistory: ReviewHistory?
    /// The free-text filter's index (nil until a text filter runs after a load) and, after a reload,
    /// the one before it with the positions it was built for.
    var search: SearchIndex?
    var previousSearch: SearchIndex.Previous?
    /// Which words of the current filter each task has, kept while the filter and the index stand
    /// (a reload of a few tasks redoes just those).
    var hits: FilterHits?
    /// Today's figures for the weekly review, made once per change of the data (nil: out of date).
    var snapshotNow: ProgressSnapshot?
    struct FilterHits: Hashable, Sendable {
        var words: [[UInt8]]
        var bits: [UInt64]
    }
    /// The data changed since the history was read and the review built: rebuilt on the next visit.
    var reviewStale = false
    public private(set) var review: WeeklyReview?
    public var reviewTop = 0
    /// The members and milestones screens: the row selected and the first one shown.
    public var memberCursor = 0, memberTop = 0
    public var milestoneCursor = 0, milestoneTop = 0

    public var selectedMember: Member? { board.members.indices.contains(memberCursor) ? board.members[memberCursor] : nil }
    /// Milestones as the screen lists them: by due date.
    public var milestoneRows: [Milestone] { board.assessment.milestones.sorted { ($0.due, $0.key) < ($1.due, $1.key) } }
    public var selectedMilestone: Milestone? {
        let rows = milestoneRows
        return rows.indices.contains(milestoneCursor) ? rows[milestoneCursor] : nil
    }

    /// Derived on load: position of each task id, positions in urgency order, positions per
    /// target, and the nearest open due date per target.
    private(set) var position: [Int64: Int] = [:]
    private(set) var urgencyOrder: [Int] = []
    private(set) var byTarget: [TaskTarget: [Int]] = [:]
    private(set) var nearestDue: [TaskTarget: CivilDate] = [:]
    /// Width of the id column (`#50000 `), fixed per load so it does not change while scrolling.
    private(set) var idColumnWidth = 4

    public init(data: DashboardData, language: Language, login: String, viewer: Member?, readOnly: Bool = false,
                size: Size, screen: ScreenID? = nil) {
        self.data = data
        self.language = language
        self.login = login
        self.viewer = viewer
        self.readOnly = readOnly
        self.size = size
        // Owners open straight into their own tasks; the chair and secretary into the overview.
        self.screen = screen ?? ((viewer.map { !$0.coordinates } ?? false) ? .mine : .overview)
        rebuild()
    }

    public var board: Board { data.board }
    public var today: CivilDate { data.board.today }
    public var strings: Strings { language.strings }
    public var text: DashboardStrings { language.dashboard }

    public func task(at position: Int) -> WorkTask { data.tasks[position] }
    public func task(id: Int64) -> WorkTask? { position[id].map { data.tasks[$0] } }

    /// The task list the current screen shows, if it shows one.
    public var currentList: TaskList? {
        switch screen {
        case .mine: return mine
        case .all: return all
        case .tree: return drill?.list
        case .overview, .countdown, .review, .members, .milestones: return nil
        }
    }

    /// The item of a "no task yet" row under the cursor in My tasks.
    public var selectedItemWithoutTask: String? {
        guard screen == .mine, mine.cursor >= mine.indices.count else { return nil }
        let index = mine.cursor - mine.indices.count
        return itemsWithoutTasks.indices.contains(index) ? itemsWithoutTasks[index] : nil
    }

    public var selectedTask: WorkTask? {
        guard let list = currentList, list.indices.indices.contains(list.cursor) else { return nil }
        return data.tasks[list.indices[list.cursor]]
    }

    // MARK: Loading

    /// Replaces all data (a reload after someone else's change), keeping each list on the same task.
    mutating func replaceData(_ newData: DashboardData) {
        keepingSelection {
            $0.data = newData
            $0.rebuild()
        }
    }

    /// Runs `change`, then puts every cursor back on the task (or tree row) it was on.
    private mutating func keepingSelection(_ change: (inout AppState) -> Void) {
        let keep = (mine: selectedID(mine), all: selectedID(all), drill: drill.flatMap { selectedID($0.list) },
                    tree: treeRows.indices.contains(treeCursor) ? treeRows[treeCursor].node : nil)
        change(&self)
        restore(&mine, keep.mine)
        restore(&all, keep.all)
        if var d = drill { restore(&d.list, keep.drill); drill = d }
        if let node = keep.tree, let row = treeRows.firstIndex(where: { $0.node == node }) { treeCursor = row }
        clampScrolling()
    }

    /// The board after one task changed from `old` to `new` (already in `data.tasks` and
    /// `nearestDue`): its tallies, nearest dates and the next due dates, without reading the store.
    private mutating func adjustBoard(from old: WorkTask, to task: WorkTask) {
        var board = data.board
        board.tallies[old.target, default: .zero] = board.tallies[old.target, default: .zero] - Tally.of(old, today: today)
        board.tallies[task.target, default: .zero] = board.tallies[task.target, default: .zero] + Tally.of(task, today: today)
        for target in [old.target, task.target] {
            if case .item(let code) = target { board.nearestDue[code] = nearestDue[target] }
        }
        // The earliest due dates can only change if the task's date is among them (or before the
        // last of them); a change further out leaves them as they are.
        let last = board.dueGroups.count == AppState.dueGroupLimit ? board.dueGroups.last?.date : nil
        func mayMatter(_ t: WorkTask) -> Bool {
            guard let due = t.due, due >= today else { return false }
            return last.map { due <= $0 } ?? true
        }
        if mayMatter(old) || mayMatter(task) {
            board.dueGroups = DueGroup.upcoming(data.tasks, from: today, limit: AppState.dueGroupLimit)
        }
        data.board = board
    }

    /// Others' changes to a few tasks: each put in place and moved to its new place in the urgency
    /// order (a binary search each, no sort of all), the lists and the tree rebuilt from that, the
    /// cursors kept on their tasks. A task not loaded yet (created elsewhere) asks for everything.
    /// Without a board from the store, the board is worked out from the changes (as for one's own).
    mutating func refresh(_ changed: [WorkTask], board newBoard: Board?) -> [Effect] {
        guard changed.allSatisfy({ position[$0.id] != nil }) else { return [.reload(today: today)] }
        keepingSelection { state in
            var positions = Set<Int>(), targets = Set<TaskTarget>()
            var replaced: [(old: WorkTask, new: WorkTask)] = []
            for task in changed {
                let index = state.position[task.id]!
                let old = state.data.tasks[index]
                state.data.tasks[index] = task
                replaced.append((old, task))
                positions.insert(index)
                targets.formUnion([old.target, task.target])
                if old.target != task.target {
                    state.byTarget[old.target]?.removeAll { $0 == index }
                    state.byTarget[task.target, default: []].append(index)
                }
                state.search?.update(task, at: index)
                if let search = state.search, state.hits != nil { state.hits!.bits[index] = search.matching(state.hits!.words, at: index) }
            }
            for target in targets { state.recomputeNearestDue(for: target) }
            if let newBoard {
                state.data.board = newBoard
            } else {
                for (old, new) in replaced { state.adjustBoard(from: old, to: new) }
            }
            UrgencyOrder.reposition(&state.urgencyOrder, changed: positions, tasks: state.data.tasks, today: state.today,
                                    framework: state.board.framework)
            state.rebuildLists()
        }
        return []
    }

    /// Puts one changed task in place (our own change): lists keep their order so the row does
    /// not jump away from the cursor; the next reload re-sorts. Without a board from the store, the
    /// board's tallies, due groups and nearest dates are updated here from the one change.
    mutating func patch(_ task: WorkTask, board newBoard: Board?) {
        guard let index = position[task.id] else {
            if let newBoard { data.board = newBoard }
            return
        }
        let old = data.tasks[index]
        data.tasks[index] = task
        snapshotNow = nil
        search?.update(task, at: index)
        if let search, hits != nil { hits!.bits[index] = search.matching(hits!.words, at: index) }
        recomputeNearestDue(for: old.target)
        if task.target != old.target { recomputeNearestDue(for: task.target) }
        if let newBoard {
            data.board = newBoard
        } else {
            adjustBoard(from: old, to: task)
        }
        treeRows = TreeRow.build(board: data.board, nearestDue: nearestDue, collapsed: collapsed, language: language)
        refreshStickers()
        refreshReview()
    }

    /// Rebuilds the weekly review from the loaded history and the live data, if the review screen shows it.
    mutating func refreshReview() {
        guard screen == .review, let history = reviewHistory else { return }
        if snapshotNow == nil { snapshotNow = ProgressSnapshot.take(board, tasks: data.tasks, kind: .daily) }
        review = WeeklyReview.build(now: snapshotNow!, history: history.snapshots,
                                    oitDeadline: board.oitDeadline)
    }

    mutating func setReviewHistory(_ history: ReviewHistory) {
        reviewHistory = history
        reviewStale = false
        refreshReview()
    }

    /// Work that only depends on the data, done on an idle tick (one piece per tick) so that no key
    /// waits for it: the filter's search index, then the countdown stickers.
    /// Returns false when there was nothing left to make.
    @discardableResult
    mutating func prepareWhileIdle() -> Bool {
        if search == nil, !data.tasks.isEmpty {
            search = SearchIndex(tasks: data.tasks, reusing: previousSearch?.index, oldPositions: previousSearch?.positions ?? [:])
            previousSearch = nil
        } else if stickers == nil {
            stickers = board.stickers(tasks: data.tasks)
        } else if snapshotNow == nil {
            snapshotNow = ProgressSnapshot.take(board, tasks: data.tasks, kind: .daily)
        } else {
            return false
        }
        return true
    }

    /// Rebuilds the stickers if the countdown screen shows them, keeping the selected deadline;
    /// otherwise marks them out of date (building them reads every task).
    mutating func refreshStickers() {
        guard screen == .countdown else { stickers = nil; return }
        let selected = stickers.flatMap { $0.indices.contains(stickerCursor) ? $0[stickerCursor].key : nil }
        let fresh = board.stickers(tasks: data.tasks)
        stickers = fresh
        if let selected, let index = fresh.firstIndex(where: { $0.key == selected }) { stickerCursor = index }
    }

    public var selectedSticker: Sticker? {
        guard let stickers, stickers.indices.contains(stickerCursor) else { return nil }
        return stickers[stickerCursor]
    }

    /// How many due dates the board keeps (the store's default).
    public static let dueGroupLimit = 10

    private func selectedID(_ list: TaskList) -> Int64? {
        list.indices.indices.contains(list.cursor) ? data.tasks[list.indices[list.cursor]].id : nil
    }

    private func restore(_ list: inout TaskList, _ id: Int64?) {
        if let id, let p = position[id], let row = list.indices.firstIndex(of: p) { list.cursor = row }
        list.cursor = max(0, min(list.cursor, list.indices.count - 1))
    }

    private mutating func rebuild() {
        let tasks = data.tasks
        // The search index is rebuilt when a text filter next runs, reusing what did not change.
        if let search { previousSearch = SearchIndex.Previous(index: search, positions: position) }
        search = nil
        hits = nil
        position = Dictionary(uniqueKeysWithValues: tasks.indices.map { (tasks[$0].id, $0) })
        idColumnWidth = TaskTable.idWidth(largest: position.keys.max() ?? 0)
        urgencyOrder = UrgencyOrder.sortedIndices(tasks, today: today, framework: board.framework)
        byTarget = [:]
        for i in tasks.indices { byTarget[tasks[i].target, default: []].append(i) }
        nearestDue = [:]
        for target in byTarget.keys { recomputeNearestDue(for: target) }
        rebuildLists()
    }

    /// The tree rows and every list, from the urgency order as it stands.
    private mutating func rebuildLists() {
        snapshotNow = nil
        let tasks = data.tasks
        treeRows = TreeRow.build(board: board, nearestDue: nearestDue, collapsed: collapsed, language: language)
        mine.indices = viewer.map { member in urgencyOrder.filter { tasks[$0].ownerID == member.id } } ?? []
        itemsWithoutTasks = viewer.map { board.itemsWithoutTasks(ownedBy: $0.id) } ?? []
        evidenceMarks = [:]
        if !board.evidenceChecks.isEmpty {
            for task in tasks where !task.evidence.isEmpty {
                guard case .item(let code) = task.target, let finding = board.evidenceFinding(task), finding != .stale else { continue }
                evidenceMarks[code] = min(evidenceMarks[code] ?? finding, finding)
            }
        }
        applyFilter()
        if let d = drill { openDrill(d.node, title: d.title) }
        refreshStickers()
        refreshReview()
    }

    private mutating func recomputeNearestDue(for target: TaskTarget) {
        var nearest: CivilDate?
        for i in byTarget[target] ?? [] where data.tasks[i].status.isOpen {
            if let due = data.tasks[i].due, nearest.map({ due < $0 }) ?? true { nearest = due }
        }
        nearestDue[target] = nearest
    }

    mutating func applyFilter() {
        if filter.isEmpty {
            all.indices = urgencyOrder
        } else {
            let words = filter.words(members: board.members, framework: board.framework)
            if !words.isEmpty, search?.count != data.tasks.count {
                search = SearchIndex(tasks: data.tasks, reusing: previousSearch?.index, oldPositions: previousSearch?.positions ?? [:])
                previousSearch = nil
            }
            let wordBytes = words.map(\.bytes)
            if hits?.words != wordBytes || hits?.bits.count != data.tasks.count {
                hits = words.isEmpty ? nil : search.map { FilterHits(words: wordBytes, bits: $0.matching(wordBytes)) }
            }
            let found = hits?.bits ?? []
            var ofItem: [Bool] = []
            if let item = filter.item {
                ofItem = [Bool](repeating: false, count: data.tasks.count)
                for p in byTarget[.item(item)] ?? [] { ofItem[p] = true }
            }
            let tasks = data.tasks
            let filter = self.filter, today = self.today
            all.indices = urgencyOrder.filter { filter.matches(tasks, at: $0, found: found, words: words, ofItem: ofItem, today: today) }
        }
        all.cursor = max(0, min(all.cursor, all.indices.count - 1))
    }

    mutating func openDrill(_ node: TreeRow.Node, title: String) {
        let targets = TreeRow.targets(of: node, in: board.framework)
        var list = drill?.node == node ? drill!.list : TaskList()
        list.indices = urgencyOrder.filter { targets.contains(data.tasks[$0].target) }
        list.cursor = max(0, min(list.cursor, list.indices.count - 1))
        drill = Drill(node: node, title: title, list: list)
    }

    mutating func rebuildTree() {
        treeRows = TreeRow.build(board: board, nearestDue: nearestDue, collapsed: collapsed, language: language)
        treeCursor = max(0, min(treeCursor, treeRows.count - 1))
    }

    /// Keeps every cursor on screen after a move, a resize or a reload.
    mutating func clampScrolling() {
        let layout = Layout(size: size)
        func clamp(_ list: inout TaskList, height: Int) {
            list.cursor = max(0, min(list.cursor, list.indices.count - 1))
            list.top = Layout.scroll(top: list.top, cursor: list.cursor, count: list.indices.count, height: height)
        }
        // My tasks ends with a row per item that has no task yet.
        mine.cursor = max(0, min(mine.cursor, mine.indices.count + itemsWithoutTasks.count - 1))
        mine.top = Layout.scroll(top: mine.top, cursor: mine.cursor, count: mine.indices.count + itemsWithoutTasks.count, height: layout.taskListHeight)
        clamp(&all, height: layout.taskListHeight)
        if var d = drill { clamp(&d.list, height: layout.taskListHeight); drill = d }
        memberCursor = max(0, min(memberCursor, board.members.count - 1))
        memberTop = Layout.scroll(top: memberTop, cursor: memberCursor, count: board.members.count, height: layout.taskListHeight + layout.detailHeight)
        let milestones = board.assessment.milestones.count
        milestoneCursor = max(0, min(milestoneCursor, milestones - 1))
        milestoneTop = Layout.scroll(top: milestoneTop, cursor: milestoneCursor, count: milestones, height: layout.taskListHeight + layout.detailHeight)
        treeCursor = max(0, min(treeCursor, treeRows.count - 1))
        treeTop = Layout.scroll(top: treeTop, cursor: treeCursor, count: treeRows.count, height: layout.treeListHeight)
        let grid = StickerGrid(width: size.width - 2, height: layout.bodyHeight)
        let count = stickers?.count ?? 0
        stickerCursor = max(0, min(stickerCursor, count - 1))
        stickerTop = Layout.scroll(top: stickerTop, cursor: stickerCursor / grid.columns,
                                   count: (count + grid.columns - 1) / grid.columns, height: grid.rows)
        // The scrolling text screens stop at their last line, so `k` after `G` moves at once.
        // Only the screen on show is measured (its lines are built to count them).
        if screen == .overview {
            overviewTop = max(0, min(overviewTop, OverviewView.lines(self, width: size.width).count - layout.bodyHeight))
        }
        if screen == .review, let review, let reviewHistory {
            reviewTop = max(0, min(reviewTop, ReviewView.lines(self, review: review, history: reviewHistory, layout: layout).count - layout.bodyHeight))
        }
    }
}
