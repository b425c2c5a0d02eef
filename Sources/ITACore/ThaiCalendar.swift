/// Thai civil-calendar facts: Buddhist Era years and the government fiscal year
/// (1 October – 30 September, named by the BE year in which it ends).
public enum ThaiCalendar {
    public static let buddhistEraOffset = 543

    public static func buddhistYear(_ ceYear: Int) -> Int { ceYear + buddhistEraOffset }
    public static func commonEraYear(_ beYear: Int) -> Int { beYear - buddhistEraOffset }

    /// The fiscal year (BE) that contains `date`: 1 Oct 2025 – 30 Sep 2026 is FY2569.
    public static func fiscalYear(of date: CivilDate) -> Int {
        buddhistYear(date.month >= 10 ? date.year + 1 : date.year)
    }

    /// Fiscal quarter 1…4: Q1 = Oct–Dec, Q2 = Jan–Mar, Q3 = Apr–Jun, Q4 = Jul–Sep.
    public static func fiscalQuarter(of date: CivilDate) -> Int {
        date.month >= 10 ? 1 : (date.month - 1) / 3 + 2
    }

    /// First and last day of fiscal year `beYear`.
    public static func bounds(ofFiscalYear beYear: Int) -> ClosedRange<CivilDate> {
        let ce = commonEraYear(beYear)
        return CivilDate(year: ce - 1, month: 10, day: 1)!...CivilDate(year: ce, month: 9, day: 30)!
    }
}

/// Formats dates the way Thai government documents write them.
public enum ThaiDateFormat {
    public enum Style: Sendable { case short, long }

    public static let monthNames = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                                    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
    public static let monthAbbreviations = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                            "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    public static let weekdayNames = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
    public static let weekdayAbbreviations = ["จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `21 พ.ย. 2569` (short) or `21 พฤศจิกายน 2569` (long); BE year; optional Thai digits.
    public static func string(_ date: CivilDate, style: Style = .short, thaiDigits: Bool = false) -> String {
        let names = style == .short ? monthAbbreviations : monthNames
        let text = "\(date.day) \(names[date.month - 1]) \(ThaiCalendar.buddhistYear(date.year))"
        return thaiDigits ? ThaiDigits.apply(text) : text
    }

    /// English rendering, still in BE so both languages name the same year: `21 Nov 2569`.
    public static func english(_ date: CivilDate) -> String {
        "\(date.day) \(englishMonths[date.month - 1]) \(ThaiCalendar.buddhistYear(date.year))"
    }
}

/// Arabic ↔ Thai digits (๐–๙).
public enum ThaiDigits {
    public static func apply(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            if scalar.value >= 0x30, scalar.value <= 0x39 { return Unicode.Scalar(scalar.value - 0x30 + 0x0E50)! }
            return scalar
        }))
    }
}
