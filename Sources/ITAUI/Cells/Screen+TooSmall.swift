import ITACore

extension Screen {
    /// The "terminal too small" screen of the full-screen programs, or nil when `size` is at least `minimum`.
    static func tooSmall(_ size: Size, minimum: Size, language: Language) -> Screen? {
        guard size.width < minimum.width || size.height < minimum.height else { return nil }
        var screen = Screen(size: size)
        let text = language.dashboard.tooSmall(size.width, size.height).truncated(toWidth: max(1, size.width))
        screen.put(text, x: max(0, (size.width - text.displayWidth) / 2), y: size.height / 2, style: .statusError)
        return screen
    }
}
