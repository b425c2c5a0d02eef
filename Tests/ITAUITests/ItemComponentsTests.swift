import ITACore
import Testing
@testable import ITAUI

private typealias F = DashboardFixture

/// The components (องค์ประกอบ) an assessor checks for an item, under the task list when a task of
/// that item is selected.
@Suite struct ItemComponentsTests {
    static func state(size: Size, language: Language = .th) -> AppState {
        var board = F.board()
        board.framework.indicators[2].subIndicators[0].items[1].components = ["ชื่อ-นามสกุล", "ตำแหน่ง", "รูปถ่าย"]
        return AppState(data: DashboardData(board: board, tasks: F.tasks), language: language, login: F.chair.login, viewer: F.chair,
                        size: size, screen: .all)
    }

    static func select(_ id: Int64, in state: inout AppState) {
        let index = state.all.indices.firstIndex { state.data.tasks[$0].id == id }!
        for _ in 0..<index { _ = state.press(.character("j")) }
    }

    @Test func theSelectedTasksItemShowsItsComponentsNumbered() {
        var state = Self.state(size: Size(width: 100, height: 32))
        Self.select(3, in: &state)
        let lines = state.render().trimmedLines
        #expect(lines.contains { $0.contains("O2 องค์ประกอบ: 1) ชื่อ-นามสกุล  2) ตำแหน่ง  3) รูปถ่าย") }, "\(lines.joined(separator: "\n"))")
        var english = Self.state(size: Size(width: 100, height: 32), language: .en)
        Self.select(3, in: &english)
        #expect(english.render().trimmedLines.contains { $0.contains("O2 components: 1) ชื่อ-นามสกุล") })
    }

    @Test func anItemWithoutComponentsOrATaskOnAnIndicatorShowsNone() {
        for id in [Int64(1), 5] {
            var state = Self.state(size: Size(width: 100, height: 32))
            Self.select(id, in: &state)
            #expect(!state.render().trimmedLines.contains { $0.contains("องค์ประกอบ:") }, "task #\(id)")
        }
    }
}
