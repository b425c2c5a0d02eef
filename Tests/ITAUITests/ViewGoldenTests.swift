import Foundation
import ITACore
import Testing
@testable import ITAUI

/// Views rendered in process from the fixture, compared with text kept under Golden/ (rows between
/// `|` so trailing spaces show). `ITA_RECORD_GOLDEN=1` rewrites them and fails the run.
@Suite struct ViewGoldenTests {
    typealias F = DashboardFixture

    static func expectGolden(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        let framed = screen.trimmedLines.map { "|\($0)|" }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["ITA_RECORD_GOLDEN"] == "1" {
            try framed.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(name); run again without ITA_RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false), a = framed.split(separator: "\n", omittingEmptySubsequences: false)
        let diff = (0..<max(e.count, a.count)).filter { (($0 < e.count) ? e[$0] : nil) != (($0 < a.count) ? a[$0] : nil) }.prefix(6)
            .map { "\($0 + 1)- \($0 < e.count ? String(e[$0]) : "")\n\($0 + 1)+ \($0 < a.count ? String(a[$0]) : "")" }.joined(separator: "\n")
        #expect(framed == expected, "differs from Golden/\(name):\n\(diff)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [ScreenID.overview, .tree, .mine, .all, .countdown])
    func dashboardScreensAt80x24(screen: ScreenID) throws {
        for language in [Language.th, .en] {
            let state = F.state(as: F.chair, size: Size(width: 80, height: 24), language: language, screen: screen)
            try Self.expectGolden(state.render(), "\(screen)-80x24-\(language).txt")
        }
    }

    @Test func presentPagesAt100x30() throws {
        var state = PresentState(data: DashboardData(board: F.board(), tasks: F.tasks), language: .th, size: Size(width: 100, height: 30), page: 0)
        for index in state.pages.indices {
            state.show(index)
            try Self.expectGolden(state.render(), "present-\(index + 1)-100x30-th.txt")
        }
    }
}
