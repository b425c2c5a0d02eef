import Foundation
import Testing

/// `ita review` from the real binary: every command takes the day's snapshot; the review compares with a week ago.
@Suite struct ReviewCommandTests {
    @Test func snapshotsFromOrdinaryCommandsFeedTheWeeklyReview() throws {
        let ita = ITARunner()
        try ita.initialise()
        func on(_ day: String, _ args: [String]) throws -> ITARunner.Result {
            try ita.run(args + ["--today", day], fixedDay: false)
        }
        // Without a week of history the review says so.
        let early = try on("2026-11-18", ["review"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("ยังไม่มีข้อมูลย้อนหลังครบสัปดาห์"))
        #expect(try on("2026-11-19", ["done", "31", "--as", "kittipat", "--evidence", "https://lamnamngern.example.go.th/ita/o8"]).status == 0)
        #expect(try on("2026-11-19", ["done", "32", "--as", "kittipat", "--evidence", "https://lamnamngern.example.go.th/ita/o8"]).status == 0)
        _ = try on("2026-11-20", ["status"])
        let review = try on("2026-11-25", ["review"])
        #expect(review.status == 0, "\(review.stderr)")
        try expectGolden(review.stdout, "review-2026-11-25-th.txt")
        #expect(review.stdout.contains("เทียบกับ 18 พ.ย. 2569"))
        // The same review as the dashboard's screen 6.
        let screen = try on("2026-11-25", ["snapshot", "--screen", "review", "--width", "100", "--height", "40"])
        #expect(screen.status == 0, "\(screen.stderr)")
        try expectGolden(screen.stdout, "snapshot-review-100x40-th.txt")
        #expect(screen.stdout.contains("6 ทบทวนรายสัปดาห์"))
        #expect(screen.stdout.contains("เทียบกับ 18 พ.ย. 2569"))
    }
}
