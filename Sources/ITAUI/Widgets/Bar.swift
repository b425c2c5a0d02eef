/// A progress bar as spans (`████░░░░`), the same in every program and in text reports.
public enum Bar {
    public static func spans(_ fraction: Double, width: Int) -> [Span] {
        let parts = TextReports.barParts(fraction, width: width)
        return [Span(parts.filled, .barFilled), Span(parts.empty, .barEmpty)]
    }
}
