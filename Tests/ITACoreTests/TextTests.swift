import Testing
@testable import ITACore

@Suite struct DisplayWidthTests {
    @Test func thaiMarksTakeNoColumns() {
        #expect("น้ำ".displayWidth == 2)          // น + ้ (0) + ำ (1)
        #expect("ที่".displayWidth == 1)
        #expect("สำนักงาน".displayWidth == 7)
        #expect("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล".displayWidth == 22)   // 6 + 1 + 1 + 1 + 13
        #expect("น้ำ".count == 1)                 // one Character, still two columns
    }

    @Test func mixedAndWide() {
        #expect("ITA ปี 2569".displayWidth == 10)
        #expect("✅ ส่งแล้ว".displayWidth == 8)
        #expect("漢字".displayWidth == 4)
        #expect("a\u{0007}b".displayWidth == 2)
    }

    @Test func truncatesByWidthAtClusterBoundaries() {
        let text = "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล"
        let cut = text.truncated(toWidth: 10)
        #expect(cut.displayWidth <= 10)
        #expect(cut.hasSuffix("…"))
        #expect(cut == "ตัวชี้วัดที่ ๙…")
        // Never splits น้ำ: a 2-wide cluster that does not fit is dropped whole.
        #expect("กน้ำก".truncated(toWidth: 3) == "ก…")
        #expect("กน้ำ".truncated(toWidth: 3) == "กน้ำ")
        #expect("😀😀😀".truncated(toWidth: 4) == "😀…")
        #expect("สั้น".truncated(toWidth: 10) == "สั้น")
    }

    @Test func padsToExactWidth() {
        #expect("ที่".padded(toWidth: 4) == "ที่   ")
        #expect("น้ำ".padded(toWidth: 4).displayWidth == 4)
        #expect("12".leftPadded(toWidth: 4) == "  12")
    }

    @Test func strippingControlsAndEscapes() {
        #expect("ok\u{1B}[31mred\u{1B}[0m".sanitizedForTerminal == "okred")
        #expect("a\u{1B}]52;c;ZXZpbA==\u{07}b".sanitizedForTerminal == "ab")
        #expect("line1\nline2\tx\r".sanitizedForTerminal == "line1 line2 x ")
        #expect("งาน\u{0000}\u{009B}ดี".sanitizedForTerminal == "งานดี")
    }

    @Test func thaiDigits() {
        #expect(ThaiDigits.apply("O12 วันที่ 30") == "O๑๒ วันที่ ๓๐")
    }
}
