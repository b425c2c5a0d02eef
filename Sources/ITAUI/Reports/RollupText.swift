import ITACore

/// `ita rollup` as text and as a Score-Final-shaped sheet: one row per office.
public enum RollupText {
    public static func lines(_ rollup: Rollup, language: Language, width: Int = 120) -> [String] {
        let s = language.rollup
        guard let first = rollup.offices.first else { return [] }
        let years = Array(Set(rollup.offices.map(\.fiscalYear))).sorted()
        var lines = [s.title(rollup.offices.count, years, first.today),
                     s.share(rollup.passing, rollup.offices.count, rollup.passingShare, first.passMark, Rollup.nationalTarget, rollup.meetsNationalTarget)]
        if let mean = rollup.meanProjected { lines.append(s.mean(mean)) }
        lines.append("")

        // The offices, lowest projected first.
        let c = s.officeColumns
        let gradeWidth = max(c[2].displayWidth, rollup.offices.map { ($0.grade ?? s.noGrade).displayWidth }.max() ?? 0)
        let widths = [9, gradeWidth + 1, 6, 10]
        // The name takes what the other columns leave of the width (12 to 40 columns).
        let rest = 2 + widths.reduce(0, +) + 2 + 2 + max(c[5].displayWidth, s.daysAgo(999).displayWidth)
        let nameWidth = min(40, rollup.offices.map { $0.name.displayWidth }.max() ?? 0, max(12, width - rest))
        lines.append("  " + c[0].padded(toWidth: nameWidth) + c[1].leftPadded(toWidth: widths[0]) + "  " + c[2].padded(toWidth: widths[1])
                     + c[3].leftPadded(toWidth: widths[2]) + c[4].leftPadded(toWidth: widths[3]) + "  " + c[5])
        // By index: a copy of each standing (for o in …) retained every field of it, a fifth of a ministry's run.
        let offices = rollup.offices
        lines.reserveCapacity(offices.count * 2 + 40)
        for i in offices.indices {
            let mark = offices[i].passes ? "✓" : "✗"
            let score = Score.text(offices[i].projected) + (offices[i].estimatedTools.isEmpty ? " " : "~")
            lines.append(mark + " " + offices[i].name.padded(toWidth: nameWidth) + score.leftPadded(toWidth: widths[0]) + "  "
                         + (offices[i].grade ?? s.noGrade).padded(toWidth: widths[1]) + String(offices[i].openTasks).leftPadded(toWidth: widths[2])
                         + String(offices[i].overdueTasks).leftPadded(toWidth: widths[3]) + "  " + s.daysAgo(offices[i].daysSinceChange))
        }
        if rollup.offices.contains(where: { !$0.estimatedTools.isEmpty }) { lines.append(s.estimateLegend) }

        lines.append("")
        var risky: [String] = []
        for i in offices.indices {
            let risks = offices[i].risks
            if !risks.isEmpty { risky.append("  " + offices[i].name + " (" + offices[i].code + "): " + risks.map(s.risk).joined(separator: " · ")) }
        }
        lines.append(risky.isEmpty ? s.noneAtRisk : s.atRiskTitle(risky.count))
        lines += risky

        let failed = rollup.mostFailedItems()
        if !failed.isEmpty {
            lines.append("")
            lines.append(s.failedItemsTitle)
            for f in failed { lines.append("  " + s.failedItem(f).truncated(toWidth: max(40, width - 2))) }
        }

        let means = rollup.indicatorMeans
        if !means.isEmpty {
            lines.append("")
            lines.append(s.indicatorsTitle)
            let ic = s.indicatorColumns
            let w = min(44, max(20, means.map { s.indicatorName($0).displayWidth }.max() ?? 20))
            lines.append("  " + "".padded(toWidth: w) + ic[0].leftPadded(toWidth: 10) + ic[1].leftPadded(toWidth: 11) + ic[2].leftPadded(toWidth: 9))
            for m in means {
                let change = m.change.map { ($0 >= 0 ? "+" : "") + Score.text($0) } ?? "–"
                lines.append("  " + s.indicatorName(m).padded(toWidth: w) + (m.projected.map(Score.text) ?? "–").leftPadded(toWidth: 10)
                             + (m.lastYear.map(Score.text) ?? "–").leftPadded(toWidth: 11) + change.leftPadded(toWidth: 9))
            }
        }
        return lines
    }

    /// A Score-Final-shaped sheet: a heading row, then one row per office in the order given
    /// (by code), with IIT, EIT, OIT, the total, the grade and whether it passes.
    public static func sheet(_ rollup: Rollup, language: Language) -> [[String]] {
        let s = language.rollup
        var rows = [s.sheetColumns]
        for (index, o) in rollup.offices.sorted(by: { $0.code < $1.code }).enumerated() {
            func tool(_ code: String) -> String { o.toolScores[code].map(Score.text) ?? "" }
            rows.append([String(index + 1), o.code, o.name, String(o.fiscalYear), tool("IIT"), tool("EIT"), tool("OIT"), Score.text(o.projected),
                         o.grade ?? "", s.passWord(o.passes), o.estimatedTools.sorted().joined(separator: " "), String(o.openTasks),
                         String(o.overdueTasks), o.failingItems.map(\.code).joined(separator: " "), o.risks.map(s.risk).joined(separator: "; ")])
        }
        return rows
    }
}
