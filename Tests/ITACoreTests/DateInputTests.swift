import ITACore
import Testing

@Suite struct DateInputTests {
    let today = CivilDate(year: 2026, month: 12, day: 1)!

    func parse(_ text: String) -> String? { DateInput.parse(text, today: today)?.iso }

    @Test func isoWithABuddhistOrCommonEraYear() {
        #expect(parse("2569-12-15") == "2026-12-15")
        #expect(parse("2026-12-15") == "2026-12-15")
        #expect(parse("2399-12-15") == "2399-12-15")   // below 2400: CE
        #expect(parse("2570-02-29") == nil)            // 2027 is not a leap year
        #expect(parse("2571-02-29") == "2028-02-29")
    }

    @Test func dayMonthYearBEOrCE() {
        #expect(parse("4/1/2570") == "2027-01-04")
        #expect(parse("4/1/2027") == "2027-01-04")
        #expect(parse("31/4/2570") == nil)
        #expect(parse("4/1/70") == nil)   // two-digit years are ambiguous
    }

    @Test func dayMonthIsInTheCurrentFiscalYear() {
        // FY2570 runs 1 Oct 2026 – 30 Sep 2027.
        #expect(parse("15/12") == "2026-12-15")
        #expect(parse("1/10") == "2026-10-01")
        #expect(parse("30/9") == "2027-09-30")
        #expect(parse("15/3") == "2027-03-15")
        let september = CivilDate(year: 2027, month: 9, day: 20)!
        #expect(DateInput.parse("1/10", today: september)?.iso == "2026-10-01")
        let october = CivilDate(year: 2027, month: 10, day: 2)!
        #expect(DateInput.parse("1/10", today: october)?.iso == "2027-10-01")
    }

    @Test func relativeAndToday() {
        #expect(parse("+14") == "2026-12-15")
        #expect(parse("-1") == "2026-11-30")
        #expect(parse("today") == "2026-12-01")
        #expect(parse(" วันนี้ ") == "2026-12-01")
        #expect(parse("+99999999999999999999") == nil)
        #expect(parse("+") == nil)
    }

    @Test func nonsenseIsRefused() {
        for text in ["", "15 ธ.ค.", "2569/12/15", "2569-12-1", "1//12", "a/b", "12-2569", "٣/١/٢٥٧٠"] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}
