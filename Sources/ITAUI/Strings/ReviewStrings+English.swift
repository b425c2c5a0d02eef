import ITACore

extension ReviewStrings {
    public static let english = ReviewStrings(
        title: { today, ago in "Weekly review · \(today)" + (ago.map { " (against \($0))" } ?? " (less than a week of history)") },
        indicatorHeader: { w in "  " + "Indicator".padded(toWidth: w) + " " + "done".leftPadded(toWidth: 7) + "this week".leftPadded(toWidth: 10) },
        ownerHeader: { w in "  " + "Owner".padded(toWidth: w) + " " + "tasks".leftPadded(toWidth: 5) + "done".leftPadded(toWidth: 6)
            + "overdue".leftPadded(toWidth: 9) + "this week".leftPadded(toWidth: 10) + "  last change" },
        burndownTitle: { "OIT items not passing yet, to the deadline \($0)" },
        legend: "      █ not passing (actual)   · ideal",
        pace: { open, perDay, finish, late in
            var text = "\(open) left"
            if let perDay { text += " · closing \(Score.text(perDay)) a day" }
            if let finish, let late {
                text += " · at this pace done \(finish)" + (late > 0 ? " (\(late) days late)" : " (on time)")
            } else { text += " · no finish date yet (nothing closing)" }
            return text
        },
        trendTitle: "Projected score by week",
        weekOf: { "week of \($0)" },
        noOITDeadline: "No milestone covers OIT (covers: [OIT]), so there is no burndown"
    )
}
