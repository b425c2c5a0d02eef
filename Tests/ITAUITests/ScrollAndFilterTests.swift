import ITACore
import Testing
@testable import ITAUI

@Suite struct ScrollAndFilterTests {
    typealias F = DashboardFixture

    @Test func anItemFilterMatchesThatItemOnly() throws {
        let o3 = WorkTask(id: 10, title: "อำนาจหน้าที่", target: .item("O3"), ownerID: 2, due: nil)
        let o30 = WorkTask(id: 11, title: "รายงาน O3 ประกอบ O30", target: .item("O30"), ownerID: 2, due: nil)
        for typed in ["O3", "o3", "item:O3"] {
            let filter = try TaskFilter.parse(typed, members: F.members)
            #expect(filter.item == "O3")
            #expect(filter.matches(o3, ownerName: "", today: F.today))
            #expect(!filter.matches(o30, ownerName: "", today: F.today), "\(typed) matched O30")
        }
        // Other words still search titles.
        #expect(try TaskFilter.parse("รายงาน", members: F.members).matches(o30, ownerName: "", today: F.today))
    }

    @Test func afterGOnTheOverviewKMovesAtOnce() {
        var state = F.state(as: F.chair, size: Size(width: 60, height: 14), screen: .overview)
        let top = state.render().trimmedLines
        _ = state.press(.character("G"))
        let bottom = state.render().trimmedLines
        #expect(bottom != top)
        _ = state.press(.character("k"))
        let oneUp = state.render().trimmedLines
        #expect(oneUp != bottom, "k after G showed no change")
        #expect(state.overviewTop < 100)
    }
}
