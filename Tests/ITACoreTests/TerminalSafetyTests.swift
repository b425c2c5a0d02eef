import Testing
@testable import ITACore

@Suite struct TerminalSafetyTests {
    @Test func escapeSequencesControlsAndBidiAreRemoved() {
        #expect("LL\u{1B}]52;c;cHduZWQ=\u{07}LL".sanitizedForTerminal == "LLLL")
        #expect("a\u{1B}[2J\u{1B}[31mb\u{1B}(Bc\u{1B}7d".sanitizedForTerminal == "abcd")
        #expect("a\u{9B}2Jb\u{9D}0;t\u{9C}c\u{90}dcs\u{1B}\\d".sanitizedForTerminal == "abcd")
        #expect("https://example.org/\u{202E}gpj.exe".sanitizedForTerminal == "https://example.org/gpj.exe")
        #expect("\u{2066}a\u{2069}\u{200E}b\u{200F}\u{061C}c\u{00AD}d\u{FEFF}\u{7F}".sanitizedForTerminal == "abcd")
        #expect("one\ntwo\tthree\u{2028}four".sanitizedForTerminal == "one two three four")
        #expect("one\r\ntwo\u{2029}three".sanitizedKeepingLines == "one\ntwo\nthree")
        // Thai, emoji with ZWJ, and combining marks are kept as they are.
        for kept in ["ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", "น้ำ", "👨‍👩‍👧", "e\u{301}"] { #expect(kept.sanitizedForTerminal == kept) }
    }

    /// The byte-level check agrees with the scalar rule for every scalar, alone and between Thai.
    @Test func theByteCheckAgreesWithTheScalarRuleForEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unsafe = TerminalSafety.isUnsafe(value)
            let alone = String(Character(scalar)), between = "ก" + alone + "ข"
            if TerminalSafety.isSafe(alone) == unsafe || TerminalSafety.isSafe(between) == unsafe { disagreements.append(value) }
            if value == 0x0A && !TerminalSafety.isSafe(between, keepingLines: true) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    /// The check reads eight bytes at a time where it can: an unsafe scalar is found at every offset
    /// in a long line (each byte position within a word, and across two words), and a safe one passes.
    @Test func theWordAtATimeCheckFindsEveryUnsafeScalarAtEveryOffset() {
        let unsafe: [UInt32] = [0x00, 0x07, 0x0A, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F, 0xAD, 0x061C, 0x200E, 0x200F,
                                0x2028, 0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF]
        let safe: [UInt32] = [0x20, 0x7E, 0xA0, 0xC2 << 0 | 0xA0, 0x0E01, 0x0E48, 0x061B, 0x2014, 0x2030, 0x2065, 0xFEFE, 0x1F600]
        for value in unsafe + safe {
            let scalar = String(Character(Unicode.Scalar(value)!))
            for prefix in 0..<20 {
                let line = String(repeating: "a", count: prefix) + scalar + String(repeating: "ข", count: 8)
                let thai = String(repeating: "ก", count: prefix) + scalar + String(repeating: "b", count: 9)
                for text in [line, thai] {
                    #expect(TerminalSafety.isSafe(text) == !unsafe.contains(value), "U+\(String(value, radix: 16)) after \(prefix)")
                }
            }
        }
        #expect(TerminalSafety.isSafe(String(repeating: "ตัวชี้วัด O12 ", count: 40)))
        #expect(TerminalSafety.plainWord(0x2020_2020_2020_2020) && !TerminalSafety.plainWord(0x2020_2020_2020_201F))
    }

    @Test func jsonKeepsTheDataAsEscapes() {
        #expect(TerminalSafety.escapingJSON("{\"a\": \"x\u{202E}y\u{9B}z\"}") == "{\"a\": \"x\\u202Ey\\u009Bz\"}")
        #expect(TerminalSafety.escapingJSON("[\n  \"ไทย\"\n]") == "[\n  \"ไทย\"\n]")
    }

    @Test func softHyphenZWJAndBOMTakeNoColumn() {
        #expect(DisplayWidth.of("a\u{00AD}b") == 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
        #expect(DisplayWidth.of("a\u{FEFF}b") == 2)
    }

    @Test func invalidUTF8IsFoundWithItsLineAndByte() {
        #expect(UTF8Check.firstInvalid(Array("ok\nไทย\n".utf8)) == nil)
        #expect(UTF8Check.firstInvalid([0x61, 0x0A, 0x62, 0xE0, 0x80, 0x20]) == UTF8Check.Position(line: 2, byte: 2, value: 0xE0))
        #expect(UTF8Check.firstInvalid([0xFF]) == UTF8Check.Position(line: 1, byte: 1, value: 0xFF))
        #expect(UTF8Check.firstInvalid([0xED, 0xA0, 0x80]) != nil)   // a surrogate
        #expect(UTF8Check.firstInvalid([0xC3]) != nil)               // cut short
    }

    @Test func evidenceIsAnHTTPURLWithAHost() {
        for good in ["https://lamnamngern.example.go.th/ita/o1", "http://a.b:8080/x?y=1,2#z", "https://เว็บ.ไทย/ข่าว", "https://[::1]:8443/"] {
            #expect(Evidence.isValid(good), "\(good)")
        }
        for bad in ["", "http://", "https://", "ดูในแฟ้มกองคลัง", "not a url", "ftp://a.b/c", "https://a b/c", "https://:80/", "https://a..b/",
                    "https://example.org/\u{202E}gpj.exe", "https://a.b:port/"] {
            #expect(!Evidence.isValid(bad), "\(bad)")
        }
    }

    @Test func arithmeticOnStoredValuesNeverTraps() {
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 1e308) == .max && Int(saturating: -1e308) == .min && Int(saturating: 1e19) == .max)
        #expect(Int(saturating: 2.5) == 3)
        #expect(Int.max.saturatingAdd(1) == .max && Int.min.saturatingAdd(-1) == .min)
        let day = CivilDate(year: 2026, month: 11, day: 18)!
        #expect(day.adding(days: .max).iso == "9999-12-31")
        #expect(day.adding(days: .min).iso == "0001-01-01")
        #expect(Score.text(1e19) == Score.text(1e19))   // no trap
        #expect(Number.twoDecimals(0.8999999999999999) == "0.90")
        #expect(Quote.text(String(repeating: "x", count: 10_000_000)).displayWidth <= Quote.limit + 2)
    }
}
