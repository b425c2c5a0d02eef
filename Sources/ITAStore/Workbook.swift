import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ITACore
import ZIPFoundation

/// The first sheet of an Excel workbook (.xlsx) as rows of text, and rows written as a workbook.
/// An .xlsx file is a ZIP (ZIPFoundation) of XML parts (Foundation's XMLParser); only what a task
/// sheet needs is read: shared and inline strings, numbers (dates are Excel serial numbers), booleans.
public enum Workbook {
    /// A part bigger than this is refused rather than inflated (a ZIP bomb would otherwise fill memory).
    static let partLimit = 64 * 1024 * 1024

    /// The rows of the first sheet, numbered as Excel numbers them: row n of the sheet is rows[n - 1]
    /// (missing rows are empty), so an error names the row the user sees.
    public static func rows(_ data: Data, file: String) throws -> [[String]] {
        func fail(_ en: String, _ th: String) -> DataFileError { DataFileError(file: file, line: nil, field: "", problem: en, problemTH: th) }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw fail("not an .xlsx workbook (not a ZIP file)", "ไม่ใช่ไฟล์ .xlsx (ไม่ใช่ไฟล์ ZIP)")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= partLimit else {
                throw fail("\(path) is larger than \(partLimit / 1_048_576) MB", "\(path) ใหญ่เกิน \(partLimit / 1_048_576) MB")
            }
            var out = Data()
            do { _ = try archive.extract(entry, consumer: { out.append($0) }) } catch {
                throw fail("\(path) cannot be read from the workbook", "อ่าน \(path) ในไฟล์ไม่ได้")
            }
            return out
        }
        // The first sheet: workbook.xml names it, the relationships say where it is.
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let workbook = try part("xl/workbook.xml"), let rels = try part("xl/_rels/workbook.xml.rels") {
            let sheets = XMLElements(workbook, name: "sheet")
            let links = XMLElements(rels, name: "Relationship")
            if let id = sheets.first?["r:id"], let target = links.first(where: { $0["Id"] == id })?["Target"] {
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        guard let sheet = try part(sheetPath) else { throw fail("the workbook has no sheet", "ไฟล์ไม่มีแผ่นงาน") }
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        return try SheetReader.parse(sheet, shared: shared, file: file)
    }

    /// A workbook of one sheet ("งาน") holding `rows` as text cells, the first row bold-free headers.
    public static func xlsx(_ rows: [[String]]) throws -> Data {
        func xml(_ s: String) -> String { s.markupEscaped }
        func column(_ i: Int) -> String {
            var n = i + 1, name = ""
            while n > 0 { let r = (n - 1) % 26; name = String(UnicodeScalar(UInt8(65 + r))) + name; n = (n - 1) / 26 }
            return name
        }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() where !value.isEmpty {
                sheet += "<c r=\"\(column(c))\(r + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xml(value))</t></is></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="งาน" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                                 compressionMethod: .deflate, provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data ?? Data()
    }
}

/// The attributes of every element with a given name.
private func XMLElements(_ data: Data, name: String) -> [[String: String]] {
    final class Collector: NSObject, XMLParserDelegate {
        let name: String
        var found: [[String: String]] = []
        init(_ name: String) { self.name = name }
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            if element == name { found.append(attributes) }
        }
    }
    let collector = Collector(name)
    let parser = XMLParser(data: data)
    parser.delegate = collector
    _ = parser.parse()
    return collector.found
}

/// xl/sharedStrings.xml: each `<si>`'s text (rich-text runs joined).
private enum SharedStrings {
    static func parse(_ data: Data) throws -> [String] {
        final class Reader: NSObject, XMLParserDelegate {
            var strings: [String] = [], current = "", inText = false, inPhonetic = false
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                switch element {
                case "si": current = ""
                case "t": inText = !inPhonetic
                case "rPh": inPhonetic = true
                default: break
                }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
            func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
                switch element {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            }
        }
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.strings
    }
}

/// A worksheet's cells into rows.
private final class SheetReader: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [[String]] = []
    var rowNumber = 0, columnIndex = 0, nextColumn = 0
    var type = "", value = "", inValue = false, inInline = false
    var failure: String?

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String], file: String) throws -> [[String]] {
        let reader = SheetReader(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        if !parser.parse() || reader.failure != nil {
            let why = reader.failure ?? "line \(parser.lineNumber)"
            throw DataFileError(file: file, line: nil, field: "", problem: "the sheet cannot be read (\(why))", problemTH: "อ่านแผ่นงานไม่ได้ (\(why))")
        }
        return reader.rows
    }

    /// `B12` → column 1 (0-based).
    static func column(of reference: String) -> Int? {
        var n = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            n = n * 26 + Int(scalar.value) - 64
            letters += 1
        }
        return letters == 0 ? nil : n - 1
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch element {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            guard number > rowNumber, number <= 1_048_576 else { failure = "row \(number) out of order"; parser.abortParsing(); return }
            while rows.count < number - 1 { rows.append([]) }
            rows.append([])
            rowNumber = number
            nextColumn = 0
        case "c":
            columnIndex = attributes["r"].flatMap(Self.column(of:)) ?? nextColumn
            guard columnIndex < 16_384 else { failure = "column out of range"; parser.abortParsing(); return }
            type = attributes["t"] ?? "n"
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t": if inInline { inValue = true }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            var text = value
            switch type {
            case "s": text = Int(value).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "e": text = ""
            default: break
            }
            guard !rows.isEmpty else { return }
            while rows[rows.count - 1].count < columnIndex { rows[rows.count - 1].append("") }
            if rows[rows.count - 1].count == columnIndex { rows[rows.count - 1].append(text) } else { rows[rows.count - 1][columnIndex] = text }
            nextColumn = columnIndex + 1
        default: break
        }
    }
}
