/// The one-line text input of prompts: typing, Backspace, Ctrl-U, Enter and Esc.
public enum LineEditor {
    public enum Outcome: Hashable, Sendable { case editing, submit, cancel }

    /// Applies `key` to `text` and says whether the line is still being edited.
    public static func edit(_ text: inout String, _ key: KeyPress) -> Outcome {
        switch key {
        case .escape, .control("c"), .control("g"): return .cancel
        case .enter: return .submit
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .character(let scalar) where scalar.value >= 0x20 && scalar.value != 0x7F:
            text.unicodeScalars.append(scalar)
        default:
            break
        }
        return .editing
    }
}
