import ITACore

/// A small document (headings, paragraphs, labelled fields, lists, tables), as the minutes and the
/// O25 improvement memo are: printed as Markdown, as plain text for LINE, or as one self-contained
/// HTML file (inline CSS, a Thai font stack, A4 print margins) to open, print or publish.
public struct TextDocument: Hashable, Sendable {
    public enum Block: Hashable, Sendable {
        case title(String)
        case paragraph(String)
        case heading(String)
        case subheading(String)
        case bullet(level: Int, String)
        case numbered(Int, String)
        case table(headers: [String], rows: [[String]])
        /// Label–value lines of a memo's head (ส่วนราชการ, วันที่, เรื่อง).
        case fields([Field])
        /// A chart: inline SVG in HTML; its `alt` text elsewhere.
        case svg(String, alt: String)
    }

    public struct Field: Hashable, Sendable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
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
            case .svg(_, let alt): return ["*" + alt + "*"]
            case .fields(let fields):
                // Two trailing spaces: a Markdown line break, so the fields stay one block.
                return fields.enumerated().map { i, f in "**\(f.label)** \(f.value)" + (i == fields.count - 1 ? "" : "  ") }
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
            case .fields(let fields): return fields.map { "\($0.label) \($0.value)" }
            case .svg(_, let alt): return [alt]
            }
        }
    }

    /// One self-contained HTML page: no script, no network, nothing but this file.
    public func html(title: String, language: Language = .th) -> String {
        var body: [String] = []
        var list: (tag: String, items: [String])?
        func closeList() {
            if let open = list { body.append("<\(open.tag)>" + open.items.map { "<li>\($0)</li>" }.joined() + "</\(open.tag)>"); list = nil }
        }
        for block in blocks {
            switch block {
            case .bullet(let level, let text):
                if list?.tag != "ul" { closeList(); list = ("ul", []) }
                list!.items.append((level > 0 ? "<span class=\"sub\">" : "<span>") + text.htmlEscaped + "</span>")
                continue
            case .numbered(_, let text):
                if list?.tag != "ol" { closeList(); list = ("ol", []) }
                list!.items.append(text.htmlEscaped)
                continue
            default: closeList()
            }
            switch block {
            case .title(let text): body.append("<h1>\(text.htmlEscaped)</h1>")
            case .paragraph(let text): body.append("<p>\(text.htmlEscaped)</p>")
            case .heading(let text): body.append("<h2>\(text.htmlEscaped)</h2>")
            case .subheading(let text): body.append("<h3>\(text.htmlEscaped)</h3>")
            case .table(let headers, let rows):
                body.append("<table><thead><tr>" + headers.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr></thead><tbody>"
                            + rows.map { "<tr>" + $0.map { "<td>\(Self.linked($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>")
            case .fields(let fields):
                body.append("<dl class=\"fields\">" + fields.map { "<div><dt>\($0.label.htmlEscaped)</dt><dd>\($0.value.htmlEscaped)</dd></div>" }.joined() + "</dl>")
            case .svg(let svg, let alt): body.append("<figure role=\"img\" aria-label=\"\(alt.htmlEscaped)\">\(svg)<figcaption>\(alt.htmlEscaped)</figcaption></figure>")
            case .bullet, .numbered: break
            }
        }
        closeList()
        return """
            <!DOCTYPE html>
            <html lang="\(language == .th ? "th" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="ita">
            <title>\(title.htmlEscaped)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// A table cell's text, escaped, its http(s) URLs made links (evidence for ITAS is clicked, not retyped).
    static func linked(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let w = String(word)
            guard Evidence.isValid(w) else { return w.htmlEscaped }
            return "<a href=\"\(w.htmlEscaped)\">\(w.htmlEscaped)</a>"
        }.joined(separator: " ")
    }

    /// Thai fonts first (TH Sarabun New is the official one for government documents), then the
    /// fonts Linux, macOS and Windows ship, so Thai renders wherever the file is opened.
    static let css = """
        :root { font-family: "TH Sarabun New", "TH SarabunPSK", "Sarabun", "Noto Sans Thai", "Noto Sans Thai UI", "Loma", "Garuda",         "Tahoma", "Leelawadee UI", "Thonburi", sans-serif; color: #111; }
        body { margin: 0; background: #f4f4f4; }
        main { max-width: 210mm; margin: 0 auto; padding: 18mm 20mm; background: #fff; font-size: 16px; line-height: 1.55; }
        h1 { font-size: 1.5em; text-align: center; margin: 0 0 .6em; }
        h2 { font-size: 1.2em; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; }
        h3 { font-size: 1.05em; margin: 1em 0 .3em; }
        p { margin: .4em 0; }
        dl.fields { margin: 0 0 1em; } dl.fields div { display: flex; gap: .6em; } dt { font-weight: bold; min-width: 6em; } dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .95em; }
        th, td { border: 1px solid #888; padding: .25em .45em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        li .sub { margin-left: 1.5em; }
        a { color: #0645ad; word-break: break-all; }
        figure { margin: .6em 0 1em; } figure svg { width: 100%; height: auto; } figcaption { font-size: .85em; color: #555; }
        svg text { font-family: inherit; }
        @page { size: A4; margin: 20mm 18mm; }
        @media print { body { background: #fff; } main { max-width: none; padding: 0; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
        """

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

extension String {
    /// Text for HTML (see `markupEscaped`).
    var htmlEscaped: String { markupEscaped }
}
