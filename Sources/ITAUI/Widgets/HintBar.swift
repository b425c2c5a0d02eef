/// The hint bar: each binding's first key (a digit run as "0–9") and what it does.
public enum HintBar {
    public static func spans<C: KeyCommand>(_ bindings: [Binding<C>], title: (C) -> String) -> [Span] {
        bindings.flatMap { binding in
            [Span(" " + (KeyPress.labels(binding.keys).first ?? ""), .hintKey), Span(" " + title(binding.command) + " ", .hint)]
        }
    }
}
