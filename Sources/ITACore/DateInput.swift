/// The one rule for dates people type: in committee files, every `--date`/`--since`/`--due`
/// option, dashboard prompts and meeting lines.
///
/// - `YYYY-MM-DD`, where a year of 2400 or more is Buddhist Era (`2569-12-15` = `2026-12-15`);
/// - `D/M/YYYY`, BE or CE the same way (`15/12/2569`, `15/12/2026`);
/// - `D/M`: that day in the fiscal year that contains today (1 Oct – 30 Sep);
/// - `+N`, `-N`: days from today; `today` (or `วันนี้`).
public enum DateInput {
    /// The forms, as an error message lists them.
    public static let formsEnglish = "YYYY-MM-DD (BE or CE year), D/M/YYYY, D/M (this fiscal year), +N, -N or today"
    public static let formsThai = "YYYY-MM-DD (ปี พ.ศ. หรือ ค.ศ.), D/M/YYYY, D/M (ในปีงบประมาณนี้), +N, -N หรือ today"

    /// `2569-12-15`: a date as a Thai secretary types it (what `parse` reads back), for files, forms and prompts.
    public static func typed(_ date: CivilDate) -> String {
        "\(ThaiCalendar.buddhistYear(date.year))-" + String(date.iso.dropFirst(5))
    }

    public static func parse(_ raw: String, today: CivilDate) -> CivilDate? {
        let text = raw.trimmingWhitespace
        if text.lowercased() == "today" || text == "วันนี้" { return today }
        if let sign = text.first, sign == "+" || sign == "-", text.count > 1, text.count <= 7,
           text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text.dropFirst()),
           Limits.relativeDays.contains(n) {
            return today.adding(days: sign == "+" ? n : -n)
        }
        func year(_ y: Int) -> Int { y >= 2400 ? ThaiCalendar.commonEraYear(y) : y }
        func numbers(_ separator: Character) -> [Int]? {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
            return parts.compactMap { Int($0) }
        }
        if let p = numbers("-"), p.count == 3, text.count == 10 {
            return CivilDate(year: year(p[0]), month: p[1], day: p[2])
        }
        if let p = numbers("/") {
            if p.count == 3, String(p[2]).count == 4 { return CivilDate(year: year(p[2]), month: p[1], day: p[0]) }
            if p.count == 2 {
                // The fiscal year containing today runs from 1 October of `start` to 30 September after.
                let start = today.month >= 10 ? today.year : today.year - 1
                return CivilDate(year: p[1] >= 10 ? start : start + 1, month: p[1], day: p[0])
            }
        }
        return nil
    }
}
