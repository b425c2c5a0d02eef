import ITACore
import Testing
@testable import ITAUI

/// The free-text filter's index finds what the plain comparison finds, after an own change and after a reload.
@Suite struct SearchIndexTests {
    typealias F = DashboardFixture

    static func expected(_ state: AppState, _ text: String) -> [Int64] {
        let filter = try! TaskFilter.parse(text, members: state.board.members)
        return state.data.tasks.filter { filter.matches($0, ownerName: state.board.member($0.ownerID)?.name ?? "", today: state.today) }
            .map(\.id).sorted()
    }

    static func shown(_ state: inout AppState, _ text: String) -> [Int64] {
        state.filter = try! TaskFilter.parse(text, members: state.board.members)
        state.applyFilter()
        return state.all.indices.map { state.data.tasks[$0].id }.sorted()
    }

    @Test func theIndexAgreesWithThePlainFilter() {
        var state = F.state(as: F.chair, screen: .all)
        for text in ["เว็บไซต์", "o1", "#2", "eit", "ไม่มีคำนี้", "ข้อมูล o1", "น้ำใส", "status:todo ข้อมูล", "ประชาสัมพันธ์ #6", "#6 ประชา", "ประชา o1"] {
            #expect(Self.shown(&state, text) == Self.expected(state, text), "\(text)")
        }
        // An own change patches the index: the new title is found, the old one no longer.
        var task = state.data.tasks[0]
        task.title = "คำค้นใหม่ล่าสุด"
        state.patch(task, board: nil)
        #expect(Self.shown(&state, "คำค้นใหม่") == [task.id])
        // A reload keeps entries that did not change and redoes those that did.
        var tasks = state.data.tasks
        tasks[1].note = "บันทึกพิเศษ"
        state.replaceData(DashboardData(board: F.board(tasks: tasks), tasks: tasks))
        #expect(Self.shown(&state, "บันทึกพิเศษ") == [tasks[1].id])
        #expect(Self.shown(&state, "คำค้นใหม่") == [task.id])
        // Others' change while the filter is on: the kept hits are redone for that task.
        #expect(Self.shown(&state, "พิเศษ") == [tasks[1].id])
        tasks[2].title = "งานพิเศษอีกงาน"
        _ = state.update(.refreshed([tasks[2]], F.board(tasks: tasks)))
        #expect(state.all.indices.map { state.data.tasks[$0].id }.sorted() == [tasks[1].id, tasks[2].id].sorted())
        #expect(Self.shown(&state, "พิเศษ") == Self.expected(state, "พิเศษ"))
        let find = { (word: String, text: String) in Array(text.utf8).withUnsafeBufferPointer { SearchIndex.find(Array(word.utf8), in: $0) } }
        #expect(find("ab", "xxab") && !find("ba", "ab"))
    }
}

@Suite struct SearchFindTests {
    /// `find` against the plainest search there is, on random Thai and ASCII bytes, every needle
    /// length from 0, at the start, the end and across repeats of its last byte.
    @Test func findAgreesWithANaiveSearch() {
        func naive(_ needle: [UInt8], _ hay: [UInt8]) -> Bool {
            needle.isEmpty || (needle.count <= hay.count && (0...(hay.count - needle.count)).contains { Array(hay[$0..<$0 + needle.count]) == needle })
        }
        let pieces = ["ก", "ข", "ต์", "เว็บ", "ไซต์", "a", "b", "ab", " ", "๑"].map { Array($0.utf8) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let hay = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let needle: [UInt8]
            if !hay.isEmpty, Bool.random(using: &generator) {
                let a = Int.random(in: 0..<hay.count, using: &generator), b = Int.random(in: a...hay.count, using: &generator)
                needle = Array(hay[a..<b])
            } else {
                needle = (0..<Int.random(in: 0...3, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            }
            let found = hay.withUnsafeBufferPointer { SearchIndex.find(needle, in: $0) }
            #expect(found == naive(needle, hay), "\(needle) in \(hay)")
        }
    }
}

@Suite struct SearchLowercaseTests {
    @Test func theFastLowercaseIsLowercased() {
        for text in ["ABC def", "รายงาน O12 ITA", "เว็บไซต์ EIT", "Ünïcode ÀÉ", "漢字 ABC", "กขค ΑΒΓ", "", "ๅ", "E-Service ข้อมูล"] {
            var key: [UInt8] = []
            SearchIndex.appendLowercased(text, to: &key)
            #expect(key == Array(text.lowercased().utf8), "\(text)")
        }
    }
}

/// Others' changes to a few tasks are put in place without a full reload, with the same result.
@Suite struct RefreshTests {
    typealias F = DashboardFixture

    @Test func aRefreshGivesWhatAFullReloadGives() {
        var state = F.state(as: F.chair, screen: .all)
        _ = state.press(.character("j"), .character("j"))
        let selected = state.selectedTask!.id
        var tasks = F.tasks
        // Someone finishes the most urgent task and moves another's date.
        let first = state.data.tasks[state.all.indices[0]].id
        let a = tasks.firstIndex { $0.id == first }!
        tasks[a].status = .done
        let b = tasks.firstIndex { $0.id != first && $0.id != selected }!
        tasks[b].due = F.date("2026-11-01")
        let board = F.board(tasks: tasks)
        #expect(state.update(.refreshed([tasks[a], tasks[b]], board)).isEmpty)
        var full = F.state(as: F.chair, screen: .all)
        _ = full.update(.loaded(DashboardData(board: board, tasks: tasks)))
        let order = { (s: AppState) in s.all.indices.map { s.data.tasks[$0].id } }
        #expect(order(state) == order(full))
        #expect(state.selectedTask?.id == selected, "the cursor stays on its task")
        #expect(state.data.board == board)
        // Without a board from the store the state works it out from the changes: the same board.
        var derived = F.state(as: F.chair, screen: .all)
        #expect(derived.update(.refreshed([tasks[a], tasks[b]], nil)).isEmpty)
        #expect(derived.board.tallies == board.tallies && derived.board.dueGroups == board.dueGroups && derived.board.nearestDue == board.nearestDue)
        #expect(order(derived) == order(full))
        // A task that is not loaded (created elsewhere) asks for everything.
        let stranger = WorkTask(id: 999, title: "ใหม่", target: .item("O1"), ownerID: 2, due: F.date("2026-12-01"))
        #expect(state.update(.refreshed([stranger], board)) == [.reload(today: F.today)])
    }
}

/// What depends only on the data is made on idle ticks (a tick that found no change), so the key that needs it does not wait.
@Suite struct IdleWorkTests {
    typealias F = DashboardFixture

    @Test func idleTicksPrepareTheIndexThenTheStickers() {
        var state = F.state(as: F.chair, screen: .overview)
        #expect(state.search == nil && state.stickers == nil)
        #expect(state.update(.idle).isEmpty)
        #expect(state.search?.count == F.tasks.count && state.stickers == nil, "one piece per tick")
        _ = state.update(.idle)
        let made = state.stickers
        #expect(made == state.board.stickers(tasks: state.data.tasks))
        _ = state.press(.character("5"))
        #expect(state.stickers == made && state.screen == .countdown)
        _ = state.update(.idle)
        #expect(state.snapshotNow == ProgressSnapshot.take(state.board, tasks: state.data.tasks, kind: .daily))
        // A reload makes them again later, never stale.
        var tasks = F.tasks
        tasks[0].status = .done
        _ = state.update(.loaded(DashboardData(board: F.board(tasks: tasks), tasks: tasks)))
        #expect(state.stickers == state.board.stickers(tasks: tasks))
    }
}
