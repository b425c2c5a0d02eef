import ITACore

/// A meeting's minutes as a small document (headings, paragraphs, lists, a table) that prints as
/// Markdown or as plain text for LINE.
public struct MinutesDocument: Hashable, Sendable {
    public enum Block: Hashable, Sendable {
        case title(String)
        case paragraph(String)
        case heading(String)
        case subheading(String)
        case bullet(level: Int, String)
        case numbered(Int, String)
        case table(headers: [String], rows: [[String]])
    }

    public var blocks: [Block] = []

    public var markdown: String {
        render { block in
            switch block {
            case .title(let text): return ["# " + text]
            case .paragraph(let text): return [text]
            case .heading(let text): return ["## " + text]
            case .subheading(let text): return ["### " + text]
            case .bullet(let level, let text): return [String(repeating: "  ", count: level) + "- " + text]
            case .numbered(let n, let text): return ["\(n). " + text]
            case .table(let headers, let rows):
                func row(_ cells: [String]) -> String { "| " + cells.map { $0.replacingBars }.joined(separator: " | ") + " |" }
                return [row(headers), "|" + headers.map { _ in "---|" }.joined()] + rows.map(row)
            }
        }
    }

    public var plainText: String {
        render { block in
            switch block {
            case .title(let text): return [text, String(repeating: "=", count: max(3, text.displayWidth))]
            case .paragraph(let text): return [text]
            case .heading(let text): return [text, String(repeating: "-", count: max(3, text.displayWidth))]
            case .subheading(let text): return [text]
            case .bullet(let level, let text): return [String(repeating: "   ", count: level) + "• " + text]
            case .numbered(let n, let text): return ["\(n). " + text]
            case .table(let headers, let rows):
                return rows.map { cells in
                    zip(headers, cells).enumerated().map { index, pair in index == 0 ? pair.1 + "." : (index == 1 ? pair.1 : "\(pair.0): \(pair.1)") }
                        .joined(separator: " ")
                }
            }
        }
    }

    /// Blocks joined by blank lines; list items of one list stay together.
    private func render(_ lines: (Block) -> [String]) -> String {
        var out: [String] = []
        var previous: Block?
        for block in blocks {
            let isItem: (Block?) -> Bool = { b in
                switch b {
                case .bullet?, .numbered?: return true
                default: return false
                }
            }
            let subheadingThenList: Bool = {
                if case .subheading? = previous, isItem(block) { return true }
                return false
            }()
            if previous != nil, !(isItem(previous) && isItem(block)), !subheadingThenList { out.append("") }
            out += lines(block)
            previous = block
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// `|` escaped for a Markdown table cell.
    fileprivate var replacingBars: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
