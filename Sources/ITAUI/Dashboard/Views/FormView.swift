import ITACore

/// The task form, drawn over the body: a line per field (the focused one with the cursor), its
/// error under it, and what Tab would complete.
enum FormView {
    static func draw(_ state: AppState, form: TaskForm, into screen: inout Screen, layout: Layout) {
        let f = state.language.form
        let width = state.size.width
        for row in 0..<layout.bodyHeight { screen.fill(y: layout.bodyTop + row, style: .normal) }
        var y = layout.bodyTop
        screen.draw([Span(" " + f.header(form.kind), .heading)], y: y)
        y += 2
        let labelWidth = form.fields.map { f.label($0).displayWidth }.max()! + 2
        for field in form.fields where y < layout.bodyTop + layout.bodyHeight {
            let focused = field == form.focus
            let label = (focused ? "▸ " : "  ") + f.label(field)
            let lead = " " + label.padded(toWidth: labelWidth + 2) + " "
            var value = form[field].sanitizedForTerminal
            let room = max(2, width - lead.displayWidth - 2)
            // A long value shows its end, where typing goes on, after "…".
            if value.displayWidth > room {
                while value.displayWidth > room - 1 { value.removeFirst() }
                value = "…" + value
            }
            let end = screen.put(lead, x: 0, y: y, style: focused ? .prompt : .dim)
            let after = screen.put(value, x: end, y: y, style: .normal)
            if focused {
                screen.put(" ", x: after, y: y, style: .selected)
            } else if field == .owner, value.isEmpty, form.isNew {
                screen.put(f.ownerDefault, x: after, y: y, style: .dim)
            }
            y += 1
            if let error = form.error, error.field == field, y < layout.bodyTop + layout.bodyHeight {
                screen.draw([Span(String(repeating: " ", count: lead.displayWidth) + "✗ " + error.text.sanitizedForTerminal, .statusError)], y: y, width: width)
                y += 1
            }
        }
        let options = form.candidates(board: state.board)
        if !options.isEmpty, y + 1 < layout.bodyTop + layout.bodyHeight {
            let shown = options.prefix(8).map { option -> String in
                guard form.focus == .owner, let m = state.board.member(login: option) else { return option }
                return "\(option) (\(m.name.sanitizedForTerminal))"
            }
            screen.draw([Span(" " + f.completions + " ", .dim), Span(shown.joined(separator: "  "))], y: y + 1, width: width)
        }
    }
}
