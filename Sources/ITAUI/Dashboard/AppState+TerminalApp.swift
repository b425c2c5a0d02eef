import ITACore

/// The dashboard as a program the terminal loop runs.
extension AppState: TerminalApp {
    public func render() -> Screen { DashboardView.render(self) }
    public var redrawsOnTick: Bool { false }
}
