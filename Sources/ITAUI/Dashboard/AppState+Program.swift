import ITACore

/// The dashboard as a program the runtime runs.
extension AppState: Program {
    public typealias Message = DashboardMessage
    public typealias Effect = DashboardEffect

    public static func message(for input: Input) -> DashboardMessage {
        switch input {
        case .key(let key): return .key(key)
        case .mouse(let event): return .mouse(event)
        case .resized(let size): return .resized(size)
        case .tick(let tick): return .tick(tick)
        }
    }

    public func render() -> Screen { DashboardView.render(self) }
    public var redrawsOnTick: Bool { false }
}
