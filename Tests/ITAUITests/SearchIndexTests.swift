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
        for text in ["เว็บไซต์", "o1", "#2", "eit", "ไม่มีคำนี้", "ข้อมูล o1", "น้ำใส", "status:todo ข้อมูล"] {
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
        #expect(SearchIndex.find(Array("ab".utf8), in: Array("xxab".utf8)) && !SearchIndex.find(Array("ba".utf8), in: Array("ab".utf8)))
    }
}
