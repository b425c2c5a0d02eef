import ITACore
import Testing
@testable import ITAUI

/// A dashboard or a projector left running past midnight follows the new day.
@Suite struct MidnightTests {
    typealias F = DashboardFixture
    static let next = F.today.adding(days: 1)

    @Test func aTickPastMidnightMovesTheDashboardToTheNextDay() {
        var state = F.state(as: F.chair, size: Size(width: 120, height: 40), screen: .overview)
        #expect(state.update(.tick(at: 1)) == [.checkForChanges])
        let before = state.render().trimmedLines.joined(separator: "\n")
        #expect(before.contains("18 พ.ย. 2569"))
        // The runtime's clock says it is the 19th: the state asks for everything again, for that day.
        #expect(state.update(.tick(at: 2, today: Self.next)) == [.reload(today: Self.next)])
        _ = state.update(.loaded(DashboardData(board: F.board(today: Self.next), tasks: F.tasks)))
        #expect(state.today == Self.next)
        #expect(state.update(.tick(at: 3, today: Self.next)) == [.checkForChanges])
        let after = state.render().trimmedLines.joined(separator: "\n")
        #expect(after.contains("19 พ.ย. 2569"))
        // Task 1 is due on the 20th: two days left yesterday, one today.
        #expect(before.contains("อีก 2 วัน") && after.contains("อีก 1 วัน"), "\(after)")
    }

    @Test func aTickPastMidnightMovesTheProjectorToTheNextDay() {
        var state = PresentState(data: DashboardData(board: F.board(), tasks: F.tasks), language: .th, size: Size(width: 120, height: 40), page: 1)
        #expect(state.update(.tick(at: 1)) == [.checkForChanges])
        #expect(state.update(.tick(at: 2, today: Self.next)) == [.reload(today: Self.next)])
        _ = state.update(.loaded(DashboardData(board: F.board(today: Self.next), tasks: F.tasks)))
        #expect(state.board.today == Self.next)
        // Every sticker counts from the new day: the OIT milestone on 31 Dec is 42 days away, not 43.
        let oit = state.stickers.first { $0.date == F.date("2026-12-31") }
        #expect(oit?.countdown.calendarDays == 42)
    }
}
