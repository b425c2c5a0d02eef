import ITACore
import Testing
@testable import ITAUI

private typealias F = DashboardFixture

/// Big digits, the countdown screen, and present mode's pages and timer.
struct BigTextTests {
    @Test func compactIsThreeRowsOfHalfBlocks() {
        #expect(BigText.lines("0", size: .compact) == ["█▀█", "█ █", "▀▀▀"])
        #expect(BigText.lines("12", size: .compact) == ["▄█  ▀▀█", " █  █▀▀", "▀▀▀ ▀▀▀"])
    }

    @Test func scaledDigitsAreFiveRowsPerStepAndTwiceAsWide() {
        let one = BigText.lines("7", size: .scale(1))
        #expect(one == ["██████", "    ██", "    ██", "  ██  ", "  ██  "])
        let two = BigText.lines("7", size: .scale(2))
        #expect(two.count == 10 && two.allSatisfy { $0.count == 12 })
        #expect(BigText.width("10", size: .scale(1)) == 14)
    }

    @Test func largestPicksTheBiggestThatFits() {
        #expect(BigText.largest("12", width: 100, height: 12) == .scale(2))
        #expect(BigText.largest("12", width: 100, height: 9) == .scale(1))
        #expect(BigText.largest("12", width: 10, height: 9) == .compact)
        #expect(BigText.largest("12", width: 3, height: 9) == nil)
        #expect(BigText.canDraw("87.45") && BigText.canDraw("AA") && !BigText.canDraw("ผ่านดี"))
    }
}

struct CountdownScreenTests {
    /// The fixture's day is Wed 18 Nov 2026; tasks are due 10 Nov (overdue), 20, 25 Nov, 30 Nov and 1 Dec (done).
    static func countdown(size: Size = Size(width: 100, height: 30), language: Language = .th) -> AppState {
        var state = F.state(as: F.chair, size: size, language: language)
        _ = state.press(.character("5"))
        return state
    }

    @Test func fiveOpensTheStickersOverdueFirst() {
        let state = Self.countdown()
        #expect(state.screen == .countdown)
        let keys = state.stickers?.map(\.key)
        #expect(keys == ["overdue", "tasks:2026-11-20", "tasks:2026-11-25", "tasks:2026-11-30", "tasks:2026-12-01", "milestone:oit"])
        // Other screens do not pay for building them.
        #expect(F.state(as: F.chair).stickers == nil)
    }

    @Test func stickersShowBigDaysUnitNameDateAndWhatIsLeft() {
        let text = DashboardView.render(Self.countdown(size: Size(width: 120, height: 40))).lines.joined(separator: "\n")
        #expect(text.contains("! เลยกำหนด"))
        #expect(text.contains("▲ ด่วน"))                       // 20 Nov: 2 days
        #expect(text.contains("ศ. 20 พ.ย. 2569"))
        #expect(text.contains("O1 ยังไม่เสร็จ (1 งาน)"))
        #expect(text.contains("✓ เสร็จแล้ว"))                    // 1 Dec: its only task is done
        #expect(text.contains("เผยแพร่ OIT"))
        #expect(text.contains("██████"))                        // 5-row digits at this size
        #expect(text.contains("(2 วันทำการ)"))
    }

    @Test func wSwitchesTheBigNumberToWorkingDays() {
        var state = Self.countdown()
        let calendarDays = DashboardView.render(state).lines.joined(separator: "\n")
        _ = state.press(.character("w"))
        #expect(state.countWorkingDays)
        let workingDays = DashboardView.render(state).lines.joined(separator: "\n")
        #expect(calendarDays.contains("(2 วันทำการ)") && !calendarDays.contains("(2 วัน)"))
        #expect(workingDays.contains("(2 วัน)") && !workingDays.contains("(2 วันทำการ)"))
        // 30 Nov is 12 days (8 working days) away: the number itself changes.
        let sticker = state.stickers!.first { $0.key == "tasks:2026-11-30" }!
        #expect(StickerView.number(sticker, workingDays: false) == "12")
        #expect(StickerView.number(sticker, workingDays: true) == "8")
    }

    @Test func yCopiesTheSelectedStickersMessageAndSaysSo() {
        var state = Self.countdown()
        _ = state.press(.character("j"))
        #expect(state.selectedSticker?.key == "tasks:2026-11-20")
        let effects = state.press(.character("y"))
        guard case .copy(let text)? = effects.first else { Issue.record("no copy effect: \(effects)"); return }
        #expect(text == """
            ⏰ อีก 2 วัน (2 วันทำการ) — งานครบกำหนดส่ง
            ครบกำหนด วันศุกร์ที่ 20 พฤศจิกายน 2569
            • @นายน้ำใส ที่ดี — O1 ยังไม่เสร็จ (1 งาน)
            """)
        #expect(state.message?.text.contains("OSC 52") == true && state.message?.isError == false)
        // y and w mean nothing on other screens.
        var overview = F.state(as: F.chair)
        #expect(overview.press(.character("y")).isEmpty)
    }

    @Test func aReloadKeepsTheSelectedDeadline() {
        var state = Self.countdown()
        _ = state.press(.character("j"), .character("j"))
        #expect(state.selectedSticker?.key == "tasks:2026-11-25")
        // Someone finishes the overdue task: that sticker goes, the selection stays on 25 Nov.
        var tasks = F.tasks
        tasks[1].status = .done
        _ = state.update(.loaded(DashboardData(board: F.board(tasks: tasks), tasks: tasks)))
        #expect(state.stickers?.first?.key == "tasks:2026-11-20")
        #expect(state.selectedSticker?.key == "tasks:2026-11-25")
    }

    @Test func anOwnTickUpdatesTheStickerAtOnce() {
        var state = Self.countdown()
        var task = F.tasks[0]                  // due 20 Nov, the only task that day
        task.status = .done
        _ = state.update(.applied(task, nil, action: .done, changed: true))
        #expect(state.stickers?.first { $0.key == "tasks:2026-11-20" }?.isDone == true)
    }

    @Test func aClickSelectsASticker() {
        var state = Self.countdown(size: Size(width: 120, height: 40))
        let grid = StickerGrid(width: 118, height: Layout(size: state.size).bodyHeight)
        _ = state.update(.mouse(MouseEvent(kind: .click, x: 1 + grid.stickerWidth + 3, y: Layout(size: state.size).bodyTop + 2)))
        #expect(state.stickerCursor == 1)
    }

    @Test func everySizeRendersWithinBounds() {
        for (w, h) in [(40, 12), (60, 20), (80, 24), (120, 40), (200, 60), (300, 80)] {
            let screen = DashboardView.render(Self.countdown(size: Size(width: w, height: h)))
            #expect(screen.lines.allSatisfy { $0.displayWidth == w }, "\(w)x\(h)")
        }
        #expect(StickerGrid(width: 78, height: 20).digits == .compact)
        #expect(StickerGrid(width: 118, height: 36).digits == .scale(1))
    }
}

struct PresentModeTests {
    static func present(size: Size = Size(width: 120, height: 40), interval: Double = 20, page: Int = 0) -> PresentState {
        PresentState(data: DashboardData(board: F.board(), tasks: F.tasks), language: .th, size: size, interval: interval, page: page)
    }

    @Test func pagesAreOverviewCountdownOwnersWithOpenWorkAndRespondents() {
        // The chair has no tasks; the two owners do.
        #expect(Self.present().pages == [.overview, .countdown(0, of: 1), .owner(2), .owner(3), .respondents])
    }

    @Test func ticksTurnThePageEveryInterval() {
        var state = Self.present()
        #expect(state.update(.tick(at: 100)) == [.checkForChanges])
        _ = state.update(.tick(at: 110))
        #expect(state.page == 0 && state.secondsLeft == 10)
        _ = state.update(.tick(at: 120))
        #expect(state.page == 1 && state.elapsed == 0)
        for t in stride(from: 121.0, through: 200, by: 1) { _ = state.update(.tick(at: t)) }
        #expect(state.page == 0)      // 5 pages of 20 s: back to the start after 100 s
    }

    @Test func spacePausesAndKeysMoveAndJump() {
        var state = Self.present()
        _ = state.update(.tick(at: 0))
        _ = state.press(.character(" "))
        _ = state.update(.tick(at: 500))
        #expect(state.page == 0 && state.paused && state.secondsLeft == nil)
        _ = state.press(.character("n"))
        #expect(state.page == 1)
        _ = state.press(.character("p"), .character("p"))
        #expect(state.page == 4)         // wraps to the last
        _ = state.press(.character("3"))
        #expect(state.currentPage == .owner(2))
        _ = state.press(.character("9"))  // no page 9: stays
        #expect(state.page == 2)
        _ = state.press(.character("ื"))  // Thai layout: ื is n
        #expect(state.page == 3)
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test func keysNeverChangeData() {
        var state = Self.present()
        for key: KeyPress in [.character(" "), .character("u"), .character("e"), .character("b"), .enter, .character("y"), .character(":")] {
            #expect(state.press(key).allSatisfy { $0 == .quit || $0 == .checkForChanges }, "\(key)")
        }
        let text = PresentView.render(state).lines.joined(separator: "\n")
        #expect(text.contains("อ่านอย่างเดียว"))
    }

    @Test func aChangeElsewhereShowsAndKeepsThePage() {
        var state = Self.present(page: 2)                 // the owner with tasks 1, 2, 4 and 6
        let before = PresentView.render(state).lines.joined(separator: "\n")
        #expect(before.contains("ค้าง 3 งาน"))
        var tasks = F.tasks
        tasks[0].status = .done
        _ = state.update(.loaded(DashboardData(board: F.board(tasks: tasks), tasks: tasks)))
        #expect(state.currentPage == .owner(2))
        #expect(PresentView.render(state).lines.joined(separator: "\n").contains("ค้าง 2 งาน"))
    }

    @Test func overviewShowsScoreAndGradeBigAndTheDigitsGrowWithTheTerminal() {
        func digitRows(_ w: Int, _ h: Int) -> Int {
            PresentView.render(Self.present(size: Size(width: w, height: h))).lines.filter { $0.contains("██") }.count
        }
        #expect(digitRows(60, 20) >= 3)
        #expect(digitRows(300, 80) > digitRows(120, 40))
        let text = PresentView.render(Self.present()).lines.joined(separator: "\n")
        #expect(text.contains("คะแนนคาดการณ์") && text.contains("ระดับ"))
    }

    @Test func everyPageFitsFrom60x20To300x80() {
        for (w, h) in [(60, 20), (80, 24), (120, 40), (200, 60), (300, 80)] {
            for page in 0..<5 {
                let screen = PresentView.render(Self.present(size: Size(width: w, height: h), page: page))
                #expect(screen.lines.allSatisfy { $0.displayWidth == w }, "\(w)x\(h) page \(page)")
                #expect(screen.lines[0].contains("อ่านอย่างเดียว"), "\(w)x\(h) page \(page)")
            }
        }
        // The countdown page shows more stickers, and bigger, on a big screen.
        let small = PresentView.render(Self.present(size: Size(width: 60, height: 20), page: 1)).lines.filter { $0.contains("┌") }.count
        let big = PresentView.render(Self.present(size: Size(width: 300, height: 80), page: 1)).lines.filter { $0.contains("┌") }.count
        #expect(big > small)
    }
}

extension PresentState {
    mutating func press(_ keys: KeyPress...) -> [PresentEffect] { keys.flatMap { update(.key($0)) } }
}
