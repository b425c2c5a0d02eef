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

    /// Parses what `iso` writes. Returns nil for anything else. (Byte-wise: the store parses one per
    /// done task when it loads the dashboard.)
    public init?(iso text: String) {
        var text = text
        let parsed: (Int64, Int)? = text.withUTF8 { b in
            guard b.count == 25, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  b[19] == UInt8(ascii: "+") || b[19] == UInt8(ascii: "-"), b[22] == UInt8(ascii: ":") else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in from..<(from + count) {
                    let digit = Int(b[i]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let date = CivilDate(iso: String(decoding: UnsafeBufferPointer(rebasing: b[0..<10]), as: UTF8.self)),
                  let h = number(11, 2), let m = number(14, 2), let s = number(17, 2),
                  let oh = number(20, 2), let om = number(23, 2) else { return nil }
            let offset = (oh * 3600 + om * 60) * (b[19] == UInt8(ascii: "-") ? -1 : 1)
            let local = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s)
            return (local - Int64(offset), offset)
        }
        guard let (seconds, offset) = parsed else { return nil }
        self.init(secondsSince1970: seconds, utcOffsetSeconds: offset)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// `09:30`: the local hour and minute.
    public var clockTime: String {
        let (hour, minute) = hourMinute
        return Self.two(hour) + ":" + Self.two(minute)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
