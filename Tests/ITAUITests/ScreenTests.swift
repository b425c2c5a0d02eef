import Foundation
import Testing
import ITACore
@testable import ITAUI

/// The cell grid and the views drawn into it: Thai cells, widths, truncation, every size.
@Suite struct ScreenTests {
    typealias F = DashboardFixture

    @Test func thaiIsSplitIntoTerminalCells() {
        var screen = Screen(size: Size(width: 12, height: 1))
        let end = screen.put("สำนักงาน", x: 0, y: 0, style: .normal)
        // ส ำ น ั ก ง า น: SARA AM is a cell of its own, MAI HAN-AKAT rides on น.
        #expect(end == 7)
        #expect((0..<7).map { screen[$0, 0].text } == ["ส", "ำ", "นั", "ก", "ง", "า", "น"])
        var water = Screen(size: Size(width: 4, height: 1))
        #expect(water.put("น้ำ", x: 0, y: 0, style: .normal) == 2)
        #expect(water[0, 0].text == "น้" && water[1, 0].text == "ำ")
        var stacked = Screen(size: Size(width: 4, height: 1))
        #expect(stacked.put("ที่", x: 0, y: 0, style: .normal) == 1)
        #expect(stacked[0, 0].text == "ที่")
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverHalfDrawn() {
        var screen = Screen(size: Size(width: 5, height: 1))
        #expect(screen.put("a😀b", x: 0, y: 0, style: .normal) == 4)
        #expect(screen[1, 0].text == "😀" && screen[2, 0].text == "")
        #expect(screen.lines[0].displayWidth == 5)
        var tight = Screen(size: Size(width: 3, height: 1))
        #expect(tight.put("ab😀", x: 0, y: 0, style: .normal) == 2)   // the emoji does not fit: not drawn at all
        #expect(tight.lines[0] == "ab ")
    }

    @Test func spansAreCutWithAnEllipsisByDisplayWidth() {
        var screen = Screen(size: Size(width: 20, height: 1))
        screen.draw([Span("ตัวชี้วัดที่ ๙ "), Span("การเปิดเผยข้อมูล", .accent)], y: 0, width: 16)
        let line = screen.trimmedLines[0]
        #expect(line.hasSuffix("…"))
        #expect(line.displayWidth == 16)
        // Never a broken cluster: every cell starts with a spacing character.
        for x in 0..<20 where !screen[x, 0].text.isEmpty {
            #expect(DisplayWidth.of(screen[x, 0].text.unicodeScalars.first!) > 0)
        }
    }

    @Test func mixedThaiLatinAndEmojiLineUpInTheTaskList() {
        var tasks = F.tasks
        tasks[0].title = "ส่ง report 😀 ให้ผู้อำนวยการ"
        tasks[2].title = "Plain ASCII title that is quite long indeed, long enough to be cut"
        let state = F.state(as: F.chair, size: Size(width: 100, height: 20), screen: .all, tasks: tasks)
        let lines = DashboardView.render(state).lines
        for line in lines { #expect(line.displayWidth == 100, "\(line)") }
        // The id column starts at the same display column on every task row.
        let rows = lines.filter { $0.contains("#") && $0.contains("O") }
        let starts = rows.map { String($0[..<$0.firstIndex(of: "#")!]).displayWidth }
        #expect(rows.count >= 4)
        #expect(Set(starts).count == 1, "id columns at \(starts)")
    }

    @Test func dataCannotInjectEscapeSequences() {
        var tasks = F.tasks
        tasks[0].title = "evil\u{1b}[2J\u{1b}]52;c;AAAA\u{07}title\r\n"
        let state = F.state(screen: .mine, tasks: tasks)
        let text = DashboardView.render(state).lines.joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(text.contains("eviltitle"))
    }

    @Test func everyScreenRendersAtEverySizeWithoutCrashing() {
        for screen in ScreenID.allCases {
            for width in [1, 10, 39, 40, 41, 60, 80, 120, 200] {
                for height in [1, 5, 11, 12, 13, 24, 40, 60] {
                    var state = F.state(as: F.chair, size: Size(width: width, height: height), screen: screen)
                    _ = state.press(.character("G"))
                    let rendered = DashboardView.render(state)
                    #expect(rendered.lines.count == height)
                    for line in rendered.lines { #expect(line.displayWidth == width) }
                    _ = state.press(.character("?"))
                    _ = DashboardView.render(state)
                }
            }
        }
    }

    @Test func tooSmallSaysSo() {
        let state = F.state(size: Size(width: 39, height: 12))
        #expect(DashboardView.render(state).lines.joined().contains("40×12"))
        let fits = F.state(size: Size(width: 40, height: 12))
        #expect(!DashboardView.render(fits).lines.joined().contains("40×12"))
    }

    @Test func statusIsNeverColourAlone() {
        let state = F.state(as: F.chair, size: Size(width: 120, height: 30), screen: .all)
        let lines = DashboardView.render(state).trimmedLines
        func row(_ id: Int) -> String { lines.first { $0.contains("#\(id) ") }! }
        #expect(row(4).contains("●") && row(4).contains("เสร็จแล้ว"))
        #expect(row(5).contains("✕") && row(5).contains("ติดขัด"))
        #expect(row(2).contains("เกิน 8 วัน"))        // overdue says so in words
        let tree = DashboardView.render(F.state(as: F.chair, size: Size(width: 120, height: 30), screen: .tree)).trimmedLines
        #expect(tree.contains { $0.contains("O3") && $0.contains("✓ ครบ") })
        #expect(tree.contains { $0.contains("O1") && $0.contains("! เกิน 1") })
    }

    @Test func hintBarAndHelpComeFromTheKeymap() {
        var state = F.state(size: Size(width: 200, height: 40))
        let hints = DashboardView.render(state).lines[38]
        // What works now: an owner sees a (add on their own targets) but not E (chair and secretary).
        for binding in Keymap.table.hints(on: .mine, disabledReason: state.disabledReason) {
            #expect(hints.contains(state.text.commandTitle(binding.command)))
        }
        #expect(hints.contains(state.text.commandTitle(.addTask)) && !hints.contains(state.text.commandTitle(.editTask)))
        _ = state.press(.character("?"))
        let help = DashboardView.render(state).lines.joined(separator: "\n")
        var commands = Set<Command>()
        for binding in Keymap.bindings where commands.insert(binding.command).inserted {
            #expect(help.contains(state.text.commandTitle(binding.command)), "help lacks \(binding.command)")
        }
    }

    @Test func englishToo() {
        let lines = DashboardView.render(F.state(as: F.chair, language: .en)).lines.joined(separator: "\n")
        #expect(lines.contains("Overview") && lines.contains("Projected score"))
    }
}

@Suite struct ScreenSafetyTests {
    /// The cell grid is the last stop before the terminal: whatever a view forgets, `put` removes.
    @Test func putNeverStoresControlsEscapesOrBidi() {
        var screen = Screen(size: Size(width: 60, height: 2))
        screen.put("a\u{1B}]52;c;eA==\u{07}b\u{9B}2Jc\u{202E}d\u{200F}e\u{FEFF}f\u{AD}g\u{7F}h", x: 0, y: 0, style: .normal)
        #expect(screen.trimmedLines[0] == "abcdefgh")
        let scalars = screen.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { TerminalSafety.isUnsafe($0.value) })
    }
}
