import ITACore

/// One tick of the runtime's clock: seconds on a monotonic clock (page timers, the meeting clock)
/// and the day on the wall clock (countdowns, overdue, "today"). ITAUI never reads a clock.
public struct Tick: Hashable, Sendable {
    public var seconds: Double
    public var today: CivilDate

    public init(seconds: Double, today: CivilDate) {
        self.seconds = seconds
        self.today = today
    }
}
