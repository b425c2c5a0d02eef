import ITACore

/// How each `StyleRole` looks: colours (terminal palette indexes, -1 for the terminal's default)
/// and attributes. Themes are files in themes/; `Theme.dark` is the built-in copy of
/// themes/default.theme, used when a theme file is missing or broken.
public struct Theme: Hashable, Sendable {
    public struct Style: Hashable, Sendable {
        public var foreground: Int
        public var background: Int
        public var bold: Bool
        public var underline: Bool
        public var reverse: Bool
        public var dim: Bool

        public init(foreground: Int = -1, background: Int = -1, bold: Bool = false, underline: Bool = false,
                    reverse: Bool = false, dim: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
            self.underline = underline
            self.reverse = reverse
            self.dim = dim
        }
    }

    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    public static let colourNames: [String: Int] = [
        "default": -1, "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11, "bright-blue": 12,
        "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// The default dark theme (the same as themes/default.theme; a test keeps them equal).
    public static let dark = Theme(name: "default", styles: [
        .normal: Style(),
        .dim: Style(foreground: 8),
        .title: Style(foreground: 0, background: 6, bold: true),
        .tab: Style(foreground: 7, background: 8),
        .tabActive: Style(foreground: 0, background: 6, bold: true),
        .heading: Style(foreground: 6, bold: true),
        .selected: Style(foreground: 0, background: 6),
        .hint: Style(foreground: 7, background: 8),
        .hintKey: Style(foreground: 11, background: 8, bold: true),
        .statusInfo: Style(foreground: 2),
        .statusError: Style(foreground: 9, bold: true),
        .prompt: Style(foreground: 11, bold: true),
        .done: Style(foreground: 2),
        .inProgress: Style(foreground: 6),
        .todo: Style(),
        .blocked: Style(foreground: 5, bold: true),
        .soon: Style(foreground: 3),
        .urgent: Style(foreground: 11, bold: true),
        .overdue: Style(foreground: 9, bold: true),
        .barFilled: Style(foreground: 2),
        .barEmpty: Style(foreground: 8),
        .accent: Style(foreground: 11, bold: true),
        .bigDigits: Style(foreground: 11, bold: true),
        .bigUrgent: Style(foreground: 11, bold: true),
        .bigOverdue: Style(foreground: 9, bold: true),
    ])

    /// Attributes only: for NO_COLOR and terminals without colour (the same as themes/mono.theme).
    public static let mono = Theme(name: "mono", styles: [
        .normal: Style(),
        .dim: Style(dim: true),
        .title: Style(bold: true, reverse: true),
        .tab: Style(),
        .tabActive: Style(bold: true, reverse: true),
        .heading: Style(bold: true, underline: true),
        .selected: Style(reverse: true),
        .hint: Style(),
        .hintKey: Style(bold: true),
        .statusInfo: Style(bold: true),
        .statusError: Style(bold: true, reverse: true),
        .prompt: Style(bold: true),
        .done: Style(),
        .inProgress: Style(),
        .todo: Style(),
        .blocked: Style(bold: true),
        .soon: Style(),
        .urgent: Style(bold: true),
        .overdue: Style(bold: true, underline: true),
        .barFilled: Style(),
        .barEmpty: Style(dim: true),
        .accent: Style(bold: true),
        .bigDigits: Style(bold: true),
        .bigUrgent: Style(bold: true),
        .bigOverdue: Style(bold: true),
    ])
}
