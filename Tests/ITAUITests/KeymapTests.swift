import ITACore
import Testing
@testable import ITAUI

/// Every program's keys are data: the hint bar, the disabled reasons and the `?` help come from the
/// same table the keys are dispatched by.
@Suite struct KeymapTests {
    typealias F = DashboardFixture

    /// Scrolls a program's help to the end, collecting every line shown.
    static func helpLines(_ render: () -> Screen, press: (KeyPress) -> Void) -> String {
        var seen: [String] = []
        for _ in 0..<80 {
            seen += render().trimmedLines
            press(.character("j"))
        }
        return seen.joined(separator: "\n")
    }

    @Test func presentModeHelpListsEveryCommandAndScrollsAtAnySize() {
        for size in [Size(width: 60, height: 20), Size(width: 40, height: 12), Size(width: 200, height: 55)] {
            var state = PresentState(data: DashboardData(board: F.board(), tasks: F.tasks), language: .th, size: size)
            _ = state.press(.character("?"))
            #expect(state.helpVisible)
            let all = Self.helpLines({ state.render() }, press: { _ = state.press($0) })
            #expect(state.helpVisible, "j scrolls the help")
            for entry in PresentKeymap.table.helpEntries {
                #expect(all.contains(state.language.countdown.presentCommandTitle(entry.command)), "\(size): \(entry.command) never shown")
            }
            // The page does not turn while the help is open; any other key closes it.
            let page = state.page
            _ = state.update(.tick(at: 0))
            _ = state.update(.tick(at: 500))
            #expect(state.page == page)
            _ = state.press(.character("x"))
            #expect(!state.helpVisible)
        }
    }

    @Test func meetingModeHelpListsEveryCommandAndSaysWhyRecordingIsOff() {
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        for size in [Size(width: 60, height: 20), Size(width: 120, height: 40)] {
            var s = MeetingFixesTests.state(meeting: ended)
            _ = s.update(.resized(size))
            _ = s.update(.key(.character("?")))
            let all = Self.helpLines({ s.render() }, press: { _ = s.update(.key($0)) })
            for entry in MeetingKeymap.table.helpEntries {
                #expect(all.contains(s.language.meeting.commandTitle(entry.command)), "\(size): \(entry.command) never shown")
            }
            // Recording keys are listed with the reason they do not work (in full where the row has room).
            if size.width >= 120 { #expect(all.contains(s.disabledReason(.record)!), "\(all)") }
        }
    }

    @Test func aDisabledMeetingKeySaysWhyWhenPressed() {
        var viewer = MeetingFixesTests.state(viewer: F.owner)
        _ = viewer.update(.key(.character("3")))
        for key in ["c", "d", "a", "r", "E"] {
            #expect(viewer.update(.key(.character(Unicode.Scalar(key)!))).isEmpty)
            #expect(viewer.prompt == nil && !viewer.confirmingEnd)
            #expect(viewer.message?.isError == true && viewer.message?.text == viewer.disabledReason(.record), "\(key)")
        }
        // In the hint bar only what works: moving, help, leaving.
        let hints = viewer.render().trimmedLines[38]
        #expect(hints.contains("n วาระถัดไป") && hints.contains("? วิธีใช้") && !hints.contains("c บันทึก"), "\(hints)")
    }

    /// On the Kedmanee layout 2, 3 and Shift-M type `/`, `-` and `?`. After a Thai command key the
    /// layout is known and they mean the keys under the finger; on the US layout they keep their meaning.
    @Test func kedmaneeNumberRowAndShiftMWorkOnceTheLayoutIsKnown() {
        var us = F.state(as: F.chair, screen: .overview)
        _ = us.press(.character("/"))
        #expect(us.prompt?.purpose == .filter)
        var us2 = F.state(as: F.chair, screen: .overview)
        _ = us2.press(.character("?"))
        #expect(us2.helpVisible)

        var thai = F.state(as: F.chair, screen: .overview)
        _ = thai.press(.character("า"))          // k on Kedmanee: a Thai command key
        _ = thai.press(.character("/"))          // the 2 key
        #expect(thai.screen == .tree && thai.prompt == nil)
        _ = thai.press(.character("-"))          // the 3 key
        #expect(thai.screen == .mine)
        _ = thai.press(.character("ฝ"))          // the / key: the filter, in either layout
        #expect(thai.prompt?.purpose == .filter)
        _ = thai.press(.escape)
        #expect(thai.press(.character("?")) == [.openMeeting])   // Shift-M
        // A Latin letter moves the guess back: `?` is help again.
        _ = thai.press(.character("j"))
        _ = thai.press(.character("?"))
        #expect(thai.helpVisible)
        // Thai digits always mean their value.
        var digits = F.state(as: F.chair, screen: .overview)
        _ = digits.press(.character("๓"))
        #expect(digits.screen == .mine)
    }

    @Test func digitRunsAreWrittenAsARange() {
        #expect(KeyPress.labels((1...7).map { .character(Unicode.Scalar(UInt8(0x30 + $0))) }) == ["1–7"])
        #expect(KeyPress.labels([.character("1"), .character("2"), .tab]) == ["1", "2", "Tab"])
    }
}
