import ITACore

/// A run of text in one style: views build lines of spans, `Screen.draw` fits them to the width.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(_ text: String, _ style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }
}
