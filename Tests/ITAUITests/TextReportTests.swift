import Testing
import ITAUI
@Test func barIsFilledByFraction() { #expect(TextReports.bar(0.5, width: 4) == "██░░") }
