import Testing
import ITACore
@testable import ITAUI

/// Keys and messages in, state and effects out: no terminal, no store.
@Suite struct UpdateTests {
    typealias F = DashboardFixture

    @Test func ownersOpenIntoTheirTasksAndTheChairIntoTheOverview() {
        let owner = F.state(as: F.owner)
        #expect(owner.screen == .mine)
        // Their own tasks only, most urgent first: #2 overdue, #1 due soon, #6 no date, #4 done last.
        #expect(owner.mine.indices.map { owner.task(at: $0).id } == [2, 1, 6, 4])
        #expect(F.state(as: F.chair).screen == .overview)
        #expect(F.state(as: nil).screen == .overview)
    }

    @Test func vimKeysArrowsAndThaiLayoutMoveTheCursor() {
        var state = F.state()
        _ = state.press(.character("j"))
        #expect(state.selectedTask?.id == 1)
        _ = state.press(.down, .character("่"))         // ่ is on the j key of a Kedmanee keyboard
        #expect(state.selectedTask?.id == 4)
        _ = state.press(.character("j"))                // stays on the last row
        #expect(state.selectedTask?.id == 4)
        _ = state.press(.character("า"))                // า is on k
        #expect(state.selectedTask?.id == 6)
        _ = state.press(.character("g"))
        #expect(state.selectedTask?.id == 2)
        _ = state.press(.character("G"))
        #expect(state.selectedTask?.id == 4)
        #expect(state.press(.character("ๆ")) == [.quit])   // ๆ is on q
    }

    @Test func spaceTogglesDoneOnOwnTasks() {
        var state = F.state()
        #expect(state.press(.character(" ")) == [.apply(.markDone(evidence: nil, note: nil), taskID: 2)])
        _ = state.press(.character("G"))
        #expect(state.press(.character(" ")) == [.apply(.reopen, taskID: 4)])
    }

    @Test func forbiddenChangesAreRefusedWithTheReason() {
        var state = F.state(screen: .all)
        // Row of task 3, owned by someone else.
        while state.selectedTask?.id != 3 { _ = state.press(.character("j")) }
        #expect(state.press(.character(" ")).isEmpty)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("Somchai Example") == true)
        #expect(state.press(.character("e")).isEmpty)
        #expect(state.prompt == nil)

        var stranger = F.state(as: nil, screen: .all)
        #expect(stranger.press(.character(" ")).isEmpty)
        #expect(stranger.message?.text.contains("stranger") == true)
        #expect(stranger.press(.character("u")).isEmpty)

        var readOnly = F.state(as: F.chair, screen: .all)
        readOnly.readOnly = true
        #expect(readOnly.press(.character(" ")).isEmpty)
        #expect(readOnly.message?.text == readOnly.text.readOnly)
    }

    @Test func theChairMayChangeAnyTask() {
        var state = F.state(as: F.chair, screen: .all)
        while state.selectedTask?.id != 3 { _ = state.press(.character("j")) }
        #expect(state.press(.character(" ")) == [.apply(.markDone(evidence: nil, note: nil), taskID: 3)])
    }

    @Test func evidenceNoteAndBlockGoThroughThePrompt() {
        var state = F.state()
        _ = state.press(.character("e"))
        #expect(state.prompt == Prompt(purpose: .evidence(2), text: ""))
        state.type("https://example.go.th/a  https://example.go.th/b")
        #expect(state.press(.enter) == [.apply(.setEvidence(["https://example.go.th/a", "https://example.go.th/b"]), taskID: 2)])
        #expect(state.prompt == nil)

        _ = state.press(.character("n"))
        state.type("รอผู้อำนวยการลงนาม")
        _ = state.press(.backspace)                     // removes the last character (ม)
        #expect(state.press(.enter) == [.apply(.setNote("รอผู้อำนวยการลงนา"), taskID: 2)])

        _ = state.press(.character("b"))
        #expect(state.press(.enter).isEmpty)            // a reason is required
        #expect(state.message?.text == state.text.reasonRequired)
        _ = state.press(.character("b"))
        state.type("รอเว็บมาสเตอร์")
        #expect(state.press(.enter) == [.apply(.block(reason: "รอเว็บมาสเตอร์"), taskID: 2)])

        _ = state.press(.character("n"))
        state.type("jkq")                               // letters typed into a prompt are text, not commands
        #expect(state.press(.escape).isEmpty)
        #expect(state.prompt == nil && state.screen == .mine)
    }

    @Test func undoAsksTheStore() {
        var state = F.state()
        #expect(state.press(.character("u")) == [.undo])
    }

    @Test func filterByTextOwnerStatusAndOverdue() {
        var state = F.state(as: F.chair)
        _ = state.press(.character("/"))
        state.type("@owner overdue")
        _ = state.press(.enter)
        #expect(state.screen == .all)
        #expect(state.all.indices.map { state.task(at: $0).id } == [2])
        _ = state.press(.character("/"), .control("u"))
        state.type("status:blocked")
        _ = state.press(.enter)
        #expect(state.all.indices.map { state.task(at: $0).id } == [5])
        _ = state.press(.character("/"), .control("u"))
        state.type("เว็บไซต์")
        _ = state.press(.enter)
        #expect(state.all.indices.map { state.task(at: $0).id } == [2])
        _ = state.press(.escape)                        // Esc clears the filter
        #expect(state.all.indices.count == 6)
        _ = state.press(.character("/"))
        state.type("@nobody")
        _ = state.press(.enter)
        #expect(state.message?.isError == true)
        #expect(state.all.indices.count == 6)
    }

    @Test func commandLine() {
        var state = F.state(as: F.chair)
        _ = state.press(.character(":"))
        state.type("owner Somchai")
        _ = state.press(.enter)
        #expect(state.screen == .all)
        #expect(Set(state.all.indices.map { state.task(at: $0).ownerID }) == [3])
        _ = state.press(.character(":"))
        state.type("filter O1")
        _ = state.press(.enter)
        #expect(state.all.indices.map { state.task(at: $0).id } == [2, 1])
        _ = state.press(.character(":"))
        state.type("nonsense")
        _ = state.press(.enter)
        #expect(state.message?.isError == true)
        _ = state.press(.character(":"))
        state.type("q")
        #expect(state.press(.enter) == [.quit])
    }

    @Test func screensByTabNumberAndVimKeys() {
        var state = F.state(as: F.chair)
        _ = state.press(.tab)
        #expect(state.screen == .tree)
        _ = state.press(.tab, .tab)
        #expect(state.screen == .all)
        _ = state.press(.tab)
        #expect(state.screen == .countdown)
        // Opening the weekly review asks the runtime for the stored history.
        #expect(state.press(.tab) == [.loadReview])
        #expect(state.screen == .review)
        _ = state.press(.tab, .tab)
        #expect(state.screen == .milestones)
        _ = state.press(.tab)
        #expect(state.screen == .overview)
        _ = state.press(.backTab, .backTab, .backTab)
        #expect(state.screen == .review)
        _ = state.press(.character("h"), .character("h"), .character("h"))
        #expect(state.screen == .mine)
        _ = state.press(.character("1"))
        #expect(state.screen == .overview)
        _ = state.press(.character("ภ"))                // ภ is on the 4 key
        #expect(state.screen == .all)
    }

    @Test func treeOpensTheTasksOfARowAndEscGoesBack() {
        var state = F.state(as: F.chair, screen: .tree)
        let rows = state.treeRows.map(\.node)
        #expect(rows == [.tool("IIT"), .indicator(1), .tool("EIT"), .indicator(6), .tool("OIT"), .indicator(9), .sub("9.1"),
                         .item("O1"), .item("O2"), .item("O3")])
        while state.treeRows[state.treeCursor].node != .item("O1") { _ = state.press(.character("j")) }
        _ = state.press(.enter)
        #expect(state.drill?.list.indices.map { state.task(at: $0).id } == [2, 1])
        #expect(state.selectedTask?.id == 2)
        #expect(state.press(.character(" ")) == [.apply(.markDone(evidence: nil, note: nil), taskID: 2)])
        _ = state.press(.escape)
        #expect(state.drill == nil)
        #expect(state.treeRows[state.treeCursor].node == .item("O1"))
        // h on a leaf goes to its parent, h again folds it, l unfolds.
        _ = state.press(.character("h"))
        #expect(state.treeRows[state.treeCursor].node == .sub("9.1"))
        _ = state.press(.character("h"))
        #expect(!state.treeRows.contains { $0.node == .item("O1") })
        _ = state.press(.character("l"))
        #expect(state.treeRows.contains { $0.node == .item("O1") })
        // Space on a tree row (no task list open) says what to do.
        #expect(state.press(.character(" ")).isEmpty)
        #expect(state.message?.text == state.text.openTasksFirst)
    }

    /// What production does: Space returns `.apply`, the runtime answers `.applied` with the stored
    /// task and no board (the state updates its own), and the row stays under the cursor.
    @Test func ownChangePatchesTheRowInPlace() {
        var state = F.state()
        let selected = state.selectedTask!
        #expect(state.press(.character(" ")) == [.apply(.markDone(evidence: nil, note: nil), taskID: selected.id)])
        let done = TaskTransition.apply(.markDone(evidence: nil, note: nil), to: selected, by: F.owner.id, at: Timestamp(iso: "2026-11-18T10:00:00+07:00")!)
        let cursor = state.mine.cursor
        _ = state.update(.applied(done, nil, action: .done, changed: true))
        #expect(state.selectedTask == done)
        #expect(state.mine.cursor == cursor)
        #expect(state.board.progress.whole.done == F.tasks.filter { $0.status == .done }.count + 1)
        #expect(state.message?.text.contains("#\(selected.id)") == true)
    }

    @Test func theBoardFollowsOwnChangesWithoutTheStore() {
        var state = F.state()
        var tasks = F.tasks
        // Finish task 1 (O1, due in two days) and block task 6; each time the board must equal
        // the one built from scratch from the changed tasks.
        tasks[0].status = .done
        tasks[0].evidence = ["https://example.go.th/o1"]
        _ = state.update(.applied(tasks[0], nil, action: .done, changed: true))
        tasks[5].status = .blocked
        tasks[5].blockedReason = "รอ"
        _ = state.update(.applied(tasks[5], nil, action: .block, changed: true))
        let expected = F.board(tasks: tasks)
        #expect(state.board.tallies.filter { $0.value != .zero } == expected.tallies)
        #expect(state.board.dueGroups == expected.dueGroups)
        #expect(state.board.nearestDue == expected.nearestDue)
        #expect(state.board.progress == expected.progress)
        #expect(state.board.projection == expected.projection)
    }

    @Test func reloadKeepsTheSelectionOnTheSameTask() {
        var state = F.state(as: F.chair, screen: .all)
        while state.selectedTask?.id != 3 { _ = state.press(.character("j")) }
        let before = state.all.cursor
        // Someone else finishes task 2 (the first row): task 3 moves up one row.
        var tasks = F.tasks
        tasks[1].status = .done
        #expect(state.update(.tick(at: 0)) == [.checkForChanges])
        _ = state.update(.loaded(DashboardData(board: F.board(tasks: tasks), tasks: tasks)))
        #expect(state.selectedTask?.id == 3)
        #expect(state.all.cursor == before - 1)
        #expect(state.task(id: 2)?.status == .done)
    }

    @Test func mouseSelectsTabsAndRowsAndTheWheelScrolls() {
        var state = F.state(as: F.chair)
        let tree = TabBar.tabs(for: state).first { $0.screen == .tree }!
        _ = state.update(.mouse(MouseEvent(kind: .click, x: tree.columns.lowerBound + 1, y: 0)))
        #expect(state.screen == .tree)
        let layout = Layout(size: state.size)
        _ = state.update(.mouse(MouseEvent(kind: .click, x: 5, y: layout.treeListTop + 3)))
        #expect(state.treeCursor == 3)
        _ = state.update(.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 10)))
        #expect(state.treeCursor == 6)
        _ = state.update(.mouse(MouseEvent(kind: .wheelUp, x: 5, y: 10)))
        #expect(state.treeCursor == 3)
    }

    @Test func helpOpensOnQuestionMarkAndAnyKeyClosesIt() {
        var state = F.state()
        _ = state.press(.character("?"))
        #expect(state.helpVisible)
        #expect(state.press(.character("q")).isEmpty)   // closes help, does not quit
        #expect(!state.helpVisible)
    }

    @Test func resizeKeepsTheCursorVisible() {
        var state = F.state(as: F.chair, size: Size(width: 80, height: 40), screen: .tree)
        _ = state.press(.character("G"))
        _ = state.update(.resized(Size(width: 40, height: 12)))
        let layout = Layout(size: state.size)
        #expect(state.treeCursor >= state.treeTop && state.treeCursor < state.treeTop + layout.treeListHeight)
    }

    @Test func everyBindingHasATitleInBothLanguagesAndKeysDoNotClash() {
        for binding in Keymap.bindings {
            #expect(!DashboardStrings.thai.commandTitle(binding.command).isEmpty)
            #expect(!DashboardStrings.english.commandTitle(binding.command).isEmpty)
        }
        // No key is bound to two commands on one screen: a second binding would never be reached.
        for screen in ScreenID.allCases {
            var owner: [KeyPress: Command] = [:]
            for binding in Keymap.bindings where binding.works(on: screen) {
                for key in binding.keys {
                    if let first = owner[key], first != binding.command {
                        Issue.record("\(key.label) on \(screen) is both \(first) and \(binding.command)")
                    }
                    owner[key] = owner[key] ?? binding.command
                }
            }
            #expect(!owner.isEmpty)
        }
    }

    @Test func kedmaneeCoversTheCommandKeys() {
        let pairs: [(String, String)] = [("ๆ", "q"), ("่", "j"), ("า", "k"), ("้", "h"), ("ส", "l"), ("เ", "g"), ("ฌ", "G"),
                                         ("ี", "u"), ("ำ", "e"), ("ื", "n"), ("ิ", "b"), ("ซ", ":"), ("ฦ", "?"), ("ๅ", "1")]
        for (thai, latin) in pairs {
            #expect(KeyPress.character(thai.unicodeScalars.first!).latinEquivalent == .character(latin.unicodeScalars.first!),
                    "\(thai) → \(latin)")
        }
        // Thai digits stand for their value: ๒ and ๓ reach screens 2 and 3, which the 2 and 3 keys cannot in Thai ('/' and '-').
        for (digit, screen) in [("๑", ScreenID.overview), ("๒", .tree), ("๓", .mine), ("๔", .all), ("๕", .countdown), ("๖", .review),
                                ("ๅ", .overview), ("ภ", .all), ("ถ", .countdown), ("ุ", .review)] {
            var state = F.state(as: F.chair, screen: .overview)
            _ = state.press(.character(digit.unicodeScalars.first!))
            #expect(state.screen == screen, "\(digit) → \(screen)")
        }
        // Latin keys are themselves.
        #expect(KeyPress.character("/").latinEquivalent == .character("/"))
    }
}

/// Screen 6, the weekly review: loaded when it opens, rebuilt from live data, scrolled with j/k.
struct ReviewScreenTests {
    typealias F = DashboardFixture

    @Test func theReviewLoadsItsHistoryAndShowsTheWeek() {
        var state = F.state(as: F.chair, size: Size(width: 100, height: 30))
        #expect(state.press(.character("6")) == [.loadReview])
        #expect(DashboardView.render(state).trimmedLines.contains { $0.contains("กำลังอ่านข้อมูลย้อนหลัง") })
        let weekAgo = ProgressSnapshot(day: F.date("2026-11-11"), kind: .daily, projected: 50, openItems: 3, tasksDone: 0, tasksTotal: 6,
                                       overdue: 0, indicators: [9: [0, 4]], owners: ["owner": .init(assigned: 4, done: 0, overdue: 0)])
        let effects = state.update(.reviewLoaded(ReviewHistory(snapshots: [weekAgo], lastActivity: [2: Timestamp(iso: "2026-11-17T10:00:00+07:00")!])))
        #expect(effects.isEmpty)
        #expect(state.review?.weekAgo == weekAgo)
        let text = DashboardView.render(state).trimmedLines.joined(separator: "\n")
        #expect(text.contains("ทบทวนประจำสัปดาห์ · 18 พ.ย. 2569"))
        #expect(text.contains("เทียบกับ 11 พ.ย. 2569"))
        #expect(text.contains("17 พ.ย. 2569"))                  // the owner's last activity
        // Ticking a task on another screen keeps the review current when it shows again.
        _ = state.press(.character("3"))
        _ = state.update(.applied(WorkTask(id: 1, title: "รวบรวมข้อมูล O1 โครงสร้าง", target: .item("O1"), ownerID: 2, due: F.date("2026-11-20"),
                                           status: .done), nil, action: .done, changed: true))
        #expect(state.press(.character("6")) == [.loadReview])
        _ = state.update(.reviewLoaded(ReviewHistory(snapshots: [weekAgo], lastActivity: [2: Timestamp(iso: "2026-11-18T10:00:00+07:00")!])))
        #expect(state.review?.now.tasksDone == 2)
        // Nothing changed since: going back is free (no store read, the review kept as built).
        _ = state.press(.character("3"))
        let built = state.review
        #expect(state.press(.character("6")).isEmpty)
        #expect(state.review == built && built != nil)
        // A change elsewhere while the review shows asks for the history again.
        #expect(state.update(.loaded(DashboardData(board: F.board(), tasks: F.tasks))) == [.loadReview])
        // j scrolls the review when it is longer than the screen: the screen shows it, not just a counter.
        _ = state.update(.resized(Size(width: 100, height: 14)))
        let before = DashboardView.render(state).trimmedLines
        _ = state.press(.character("j"), .character("j"))
        let after = DashboardView.render(state).trimmedLines
        #expect(state.reviewTop == 2 && after != before)
        let body = Layout(size: state.size).bodyTop
        #expect(after[body] == before[body + 2], "the review moved up two lines")
        // M asks the runtime for meeting mode, from any screen.
        #expect(state.press(.character("M")) == [.openMeeting])
    }
}
