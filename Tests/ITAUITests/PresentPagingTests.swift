import ITACore
import Testing
@testable import ITAUI

/// The projector shows every sticker, and every page can be reached from the keyboard.
@Suite struct PresentPagingTests {
    typealias F = DashboardFixture

    /// Twelve dates with work due: twelve stickers, more than one page holds.
    static func busy(size: Size) -> PresentState {
        let tasks = (0..<12).map { i in
            WorkTask(id: Int64(100 + i), title: "งาน \(i)", target: .item("O\(i % 3 + 1)"), ownerID: i % 2 == 0 ? 2 : 3,
                     due: F.today.adding(days: 3 + i * 4))
        }
        let all = F.tasks + tasks
        return PresentState(data: DashboardData(board: F.board(tasks: all), tasks: all), language: .th, size: size, interval: 20, page: 0)
    }

    @Test func theCountdownPagesThroughEverySticker() {
        for size in [Size(width: 60, height: 20), Size(width: 120, height: 40), Size(width: 200, height: 55)] {
            var state = Self.busy(size: size)
            let parts = state.pages.filter { if case .countdown = $0 { true } else { false } }
            #expect(parts.count > 1, "\(size): one countdown page cannot hold \(state.stickersToShow.count) stickers")
            // Every sticker's date shows on one of the countdown pages.
            var seen = ""
            for index in state.pages.indices where { if case .countdown = state.pages[index] { true } else { false } }() {
                state.show(index)
                seen += state.render().trimmedLines.joined(separator: "\n")
            }
            for sticker in state.stickersToShow {
                #expect(seen.contains(state.language.strings.date(sticker.date)) || seen.contains("\(sticker.date.day) "), "\(size): \(sticker.date)")
            }
            // The page title says which part it is.
            state.show(1)
            #expect(state.render().trimmedLines[2].contains("นับถอยหลัง (1/\(parts.count))"))
        }
    }

    @Test func pagesPastNineAreReachedByNumberAndGAndShiftG() {
        var state = Self.busy(size: Size(width: 60, height: 20))
        // Make sure there are more than nine pages here (overview, countdown parts, owners, respondents).
        #expect(state.pages.count > 9, "\(state.pages.count) pages")
        _ = state.update(.key(.character("G")))
        #expect(state.page == state.pages.count - 1)
        _ = state.update(.key(.character("g")))
        #expect(state.page == 0)
        _ = state.update(.key(.character("1")))
        #expect(state.page == 0)
        _ = state.update(.key(.character("0")))
        #expect(state.page == 9, "1 then 0 is page 10")
        #expect(state.render().trimmedLines[2].contains("หน้า 10/\(state.pages.count)"))
        _ = state.update(.key(.enter))
        _ = state.update(.key(.character("2")))
        #expect(state.page == 1, "after Enter a digit starts a new number")
    }

    @Test func estimatesAreMarkedOnTheProjector() {
        let state = PresentState(data: DashboardData(board: F.board(), tasks: F.tasks), language: .th, size: Size(width: 120, height: 40), page: 0)
        let text = state.render().trimmedLines.joined(separator: "\n")
        // The fixture's survey scores come from last year's results, and the screen says so.
        #expect(text.contains("90.00≈"))
        #expect(text.contains("≈ ผลปีที่แล้ว"))
        var board = F.board()
        board.assessment.estimates["IIT"] = 91
        let estimated = PresentState(data: DashboardData(board: board, tasks: F.tasks), language: .th, size: Size(width: 120, height: 40), page: 0)
        #expect(estimated.render().trimmedLines.joined(separator: "\n").contains("91.00~"))
    }
}
