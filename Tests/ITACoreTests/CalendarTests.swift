import Testing
@testable import ITACore

@Suite struct CivilDateTests {
    @Test func dayNumberRoundTripsAcrossCenturies() {
        for n in stride(from: -200_000, through: 200_000, by: 997) {
            let d = CivilDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CivilDate(iso: d.iso) == d)
        }
    }

    @Test func knownWeekdays() {
        #expect(Fixtures.date("1970-01-01").weekday == 4)   // Thursday
        #expect(Fixtures.date("2026-11-21").weekday == 6)   // Saturday
        #expect(Fixtures.date("2026-11-25").weekday == 3)   // Wednesday
    }

    @Test func rejectsImpossibleDates() {
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "26-1-1") == nil)
        #expect(CivilDate(iso: "2026-01-01x") == nil)
    }

    @Test func timestampRoundTripsWithOffset() {
        let t = Timestamp(iso: "2026-11-21T09:05:07+07:00")!
        #expect(t.iso == "2026-11-21T09:05:07+07:00")
        #expect(t.date == Fixtures.date("2026-11-21"))
        // 01:00 in Bangkok is still the previous day in UTC, but the local date is what counts.
        let early = Timestamp(iso: "2026-11-21T01:00:00+07:00")!
        #expect(early.date == Fixtures.date("2026-11-21"))
        #expect(Timestamp(secondsSince1970: early.secondsSince1970, utcOffsetSeconds: 0).date == Fixtures.date("2026-11-20"))
    }
}

@Suite struct ThaiCalendarTests {
    @Test func fiscalYearEdges() {
        #expect(ThaiCalendar.fiscalYear(of: Fixtures.date("2025-09-30")) == 2568)
        #expect(ThaiCalendar.fiscalYear(of: Fixtures.date("2025-10-01")) == 2569)
        #expect(ThaiCalendar.fiscalYear(of: Fixtures.date("2022-10-01")) == 2566)
        #expect(ThaiCalendar.fiscalYear(of: Fixtures.date("2023-09-30")) == 2566)
    }

    @Test func fiscalQuarters() {
        #expect(ThaiCalendar.fiscalQuarter(of: Fixtures.date("2025-10-01")) == 1)
        #expect(ThaiCalendar.fiscalQuarter(of: Fixtures.date("2025-12-31")) == 1)
        #expect(ThaiCalendar.fiscalQuarter(of: Fixtures.date("2026-01-01")) == 2)
        #expect(ThaiCalendar.fiscalQuarter(of: Fixtures.date("2026-06-30")) == 3)
        #expect(ThaiCalendar.fiscalQuarter(of: Fixtures.date("2026-07-01")) == 4)
        #expect(ThaiCalendar.fiscalQuarter(of: Fixtures.date("2026-09-30")) == 4)
    }

    @Test func fiscalYearBounds() {
        let b = ThaiCalendar.bounds(ofFiscalYear: 2566)
        #expect(b.lowerBound == Fixtures.date("2022-10-01"))
        #expect(b.upperBound == Fixtures.date("2023-09-30"))
    }

    @Test func thaiDateFormats() {
        let d = Fixtures.date("2025-08-18")
        #expect(ThaiDateFormat.string(d) == "18 ส.ค. 2568")
        #expect(ThaiDateFormat.string(d, style: .long) == "18 สิงหาคม 2568")
        #expect(ThaiDateFormat.string(d, style: .long, thaiDigits: true) == "๑๘ สิงหาคม ๒๕๖๘")
        #expect(ThaiDateFormat.english(d) == "18 Aug 2568")
        #expect(ThaiDateFormat.string(Fixtures.date("2026-01-01")) == "1 ม.ค. 2569")
    }
}

@Suite struct CountdownTests {
    let holidays = WorkingCalendar(holidays: [Fixtures.date("2026-12-07"), Fixtures.date("2026-12-10")])

    @Test func workingDaysSkipWeekends() {
        let cal = WorkingCalendar()
        // Fri 2026-11-20 → Mon 2026-11-23: one working day (Monday).
        #expect(cal.workingDays(from: Fixtures.date("2026-11-20"), to: Fixtures.date("2026-11-23")) == 1)
        // Sat → Sun: none.
        #expect(cal.workingDays(from: Fixtures.date("2026-11-21"), to: Fixtures.date("2026-11-22")) == 0)
        // Two full weeks: ten.
        #expect(cal.workingDays(from: Fixtures.date("2026-11-23"), to: Fixtures.date("2026-12-07")) == 10)
    }

    @Test func workingDaysSkipHolidays() {
        // After Mon 30 Nov up to Fri 11 Dec 2026: 9 weekdays, less 7 Dec and 10 Dec.
        #expect(holidays.workingDays(from: Fixtures.date("2026-11-30"), to: Fixtures.date("2026-12-11")) == 7)
        // A holiday on the start day itself is not in the interval.
        #expect(holidays.workingDays(from: Fixtures.date("2026-12-07"), to: Fixtures.date("2026-12-08")) == 1)
    }

    @Test func overdueCountsAreNegative() {
        let c = Countdown(from: Fixtures.date("2026-12-11"), to: Fixtures.date("2026-11-30"), calendar: holidays)
        #expect(c.calendarDays == -11)
        #expect(c.workingDays == -7)   // Tue 1 Dec … Fri 11 Dec less two holidays
        #expect(c.urgency == .overdue)
    }

    @Test func bruteForceAgreesWithWeekArithmetic() {
        let start = Fixtures.date("2026-11-01")
        for span in 0..<60 {
            let end = start.adding(days: span)
            var expected = 0
            var d = start
            while d < end { d = d.adding(days: 1); if holidays.isWorkingDay(d) { expected += 1 } }
            #expect(holidays.workingDays(from: start, to: end) == expected)
            #expect(holidays.workingDays(from: end, to: start) == -expected)
        }
    }

    @Test(arguments: [(-1, Countdown.Urgency.overdue), (0, .today), (1, .urgent), (3, .urgent), (4, .soon), (7, .soon),
                      (8, .upcoming), (14, .upcoming), (15, .calm)])
    func urgencySteps(days: Int, expected: Countdown.Urgency) {
        let today = Fixtures.date("2026-11-21")
        #expect(Countdown(from: today, to: today.adding(days: days), calendar: WorkingCalendar()).urgency == expected)
    }
}
