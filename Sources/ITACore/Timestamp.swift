/// A moment, with the UTC offset of the place it was recorded in, so it can be shown as local time
/// without a time-zone database. The command line builds it from the clock; the domain never reads one.
public struct Timestamp: Hashable, Comparable, Sendable {
    public let secondsSince1970: Int64
    public let utcOffsetSeconds: Int

    public init(secondsSince1970: Int64, utcOffsetSeconds: Int) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The local calendar date of this moment.
    public var date: CivilDate {
        let local = secondsSince1970 + Int64(utcOffsetSeconds)
        return CivilDate(dayNumber: Int((local - ((local % 86_400) + 86_400) % 86_400) / 86_400))
    }

    /// Local hours and minutes.
    public var hourMinute: (hour: Int, minute: Int) {
        let local = secondsSince1970 + Int64(utcOffsetSeconds)
        let secondOfDay = Int(((local % 86_400) + 86_400) % 86_400)
        return (secondOfDay / 3600, (secondOfDay % 3600) / 60)
    }

    /// ISO 8601 with the local offset, e.g. `2026-11-21T09:05:00+07:00`.
    public var iso: String {
        let local = secondsSince1970 + Int64(utcOffsetSeconds)
        let secondOfDay = Int(((local % 86_400) + 86_400) % 86_400)
        let h = secondOfDay / 3600, m = (secondOfDay % 3600) / 60, s = secondOfDay % 60
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let off = abs(utcOffsetSeconds)
        return "\(date.iso)T\(Self.two(h)):\(Self.two(m)):\(Self.two(s))\(sign)\(Self.two(off / 3600)):\(Self.two((off % 3600) / 60))"
    }

    /// Parses what `iso` writes. Returns nil for anything else.
    public init?(iso text: String) {
        let chars = Array(text)
        guard chars.count == 25, chars[10] == "T",
              let date = CivilDate(iso: String(chars[0..<10])),
              let h = Int(String(chars[11..<13])), let m = Int(String(chars[14..<16])),
              let s = Int(String(chars[17..<19])),
              chars[19] == "+" || chars[19] == "-",
              let oh = Int(String(chars[20..<22])), let om = Int(String(chars[23..<25])) else { return nil }
        let offset = (oh * 3600 + om * 60) * (chars[19] == "-" ? -1 : 1)
        let local = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s)
        self.init(secondsSince1970: local - Int64(offset), utcOffsetSeconds: offset)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
