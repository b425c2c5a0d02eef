import ITACore

/// The dashboard as a program the runtime runs.
extension AppState: Program {
    public typealias Message = DashboardMessage
    public typealias Effect = DashboardEffect

    public func render() -> Screen { DashboardView.render(self) }
    public var redrawsOnTick: Bool { false }
}
