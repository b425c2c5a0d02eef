import ITACore

/// One terminal cell: a spacing scalar with the zero-width marks that ride on it (so "สำ" is two
/// cells and "น้ำ" is two cells), or the empty continuation of a wide character to its left.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(text: String, style: StyleRole) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(text: " ", style: .normal)
}
