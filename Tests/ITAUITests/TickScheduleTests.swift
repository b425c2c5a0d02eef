import Testing
@testable import ITAUI

/// Ticks keep their cadence: a long tick shortens the wait for the next, a key gets a whole interval.
@Suite struct TickScheduleTests {
    @Test func aTickThatTookLongIsFollowedSooner() {
        #expect(TickSchedule.timeout(interval: 250, afterTick: true, spentMilliseconds: 0) == 250)
        #expect(TickSchedule.timeout(interval: 250, afterTick: true, spentMilliseconds: 110) == 140)
        // Work longer than the interval: look again at once (never a zero wait, which would block).
        #expect(TickSchedule.timeout(interval: 250, afterTick: true, spentMilliseconds: 400) == 1)
    }

    @Test func aKeyIsFollowedByAWholeInterval() {
        #expect(TickSchedule.timeout(interval: 250, afterTick: false, spentMilliseconds: 200) == 250)
        #expect(TickSchedule.timeout(interval: 1000, afterTick: false, spentMilliseconds: 0) == 1000)
    }
}
