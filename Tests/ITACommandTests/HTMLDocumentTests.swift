import Foundation
import Testing

/// HTML documents `ita` writes, opened in a real browser: Debian's headless Chromium with the Thai
/// fonts (scripts/test installs both).
enum Browser {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs headless Chromium on a file with extra flags; its standard output.
    @discardableResult
    static func run(_ flags: [String], file: String, directory: String) throws -> String {
        guard let chromium else { throw BrowserMissing() }
        return try Subprocess.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                                             "--user-data-dir=\(directory)/chromium-profile"] + flags + ["file://" + file]).out
    }

    struct BrowserMissing: Error, CustomStringConvertible {
        var description: String { "headless Chromium is not installed (apt-get install chromium fonts-thai-tlwg; scripts/test does)" }
    }

    /// The fonts a PDF embeds (`/BaseFont /AAAAAA+Loma`), by name.
    static func pdfFonts(_ path: String) throws -> Set<String> {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var fonts: Set<String> = []
        for match in text.matches(of: /\/BaseFont\s*\/(?:[A-Z]{6}\+)?([A-Za-z0-9_-]+)/) { fonts.insert(String(match.1)) }
        return fonts
    }

    /// How many pixels of a PNG differ from white, and how many distinct colours it has (Python's
    /// zlib reads the file; no imaging library needed).
    static func inkAndColours(_ png: String) throws -> (ink: Int, colours: Int) {
        let script = #"""
            import struct, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            pos, idat, width, height, ctype = 8, b'', 0, 0, 0
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
                if kind == b'IHDR': width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
            bpp = {2: 3, 6: 4}[ctype]; raw = zlib.decompress(idat); stride = width * bpp
            prev = bytearray(stride); ink = 0; colours = set()
            for y in range(height):
                f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                for x in range(0, stride, bpp):
                    px = bytes(line[x:x + 3])
                    if px != b'\xff\xff\xff': ink += 1
                    colours.add(px)
                prev = line
            print(ink, len(colours))
            """#
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script, png])
        let parts = result.out.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
    }
}

@Suite struct HTMLDocumentTests {
    /// The O25 memo as HTML: one file, nothing from the network, data escaped, Thai rendered by a Thai font.
    @Test func theImprovementMemoIsOneSelfContainedPageThatRendersThai() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["add", "7", "<script>alert('x')</script> & <b>ตัวหนา</b>", "--due", "15/1"]).status == 0)
        let file = ita.directory + "/memo.html"
        let written = try ita.run(["report", "improvement", "--format", "html", "-o", file])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        // Structure: a whole document, Thai, UTF-8, inline CSS with print rules, no script or outside resource.
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"th\">"))
        #expect(html.contains("<meta charset=\"utf-8\">") && html.contains("<style>") && html.contains("@page { size: A4"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;ตัวหนา&lt;/b&gt;"))
        #expect(html.contains("<h1>บันทึกข้อความ</h1>") && html.contains("<h2>๓. ข้อพิจารณาและมาตรการ</h2>"))
        // The indicator table (a header and 10 rows), then the measures of 7 (three and the one added) and of 8 (three).
        #expect(html.components(separatedBy: "<tr>").count - 1 == (1 + 10) + (1 + 4) + (1 + 3))
        // Printing to stdout gives the same page.
        #expect(try ita.run(["report", "improvement", "--format", "html"]).stdout == html)

        // The browser's DOM: the escaped title is text, not an element; the table has its rows.
        let dom = try Browser.run(["--dump-dom"], file: file, directory: ita.directory)
        #expect(dom.contains("<h1>บันทึกข้อความ</h1>"), "\(dom.prefix(300))")
        #expect(!dom.contains("<script>alert"))
        // Printed to PDF, the Thai text is set in a Thai font (fonts-thai-tlwg), not in boxes.
        let pdf = ita.directory + "/memo.pdf"
        try Browser.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)"], file: file, directory: ita.directory)
        let fonts = try Browser.pdfFonts(pdf)
        let thai = ["Loma", "Garuda", "Norasi", "Kinnari", "Sawasdee", "Waree", "Umpush", "Laksaman", "Purisa", "TlwgTypo", "Sarabun", "NotoSansThai"]
        #expect(fonts.contains { font in thai.contains { font.hasPrefix($0) } }, "fonts in the PDF: \(fonts.sorted())")
        // A screenshot is not blank: text in more than one shade on white.
        let png = ita.directory + "/memo.png"
        try Browser.run(["--window-size=900,1200", "--screenshot=\(png)"], file: file, directory: ita.directory)
        let (ink, colours) = try Browser.inkAndColours(png)
        #expect(ink > 20_000 && colours > 16, "ink \(ink), colours \(colours)")
    }

    /// The director's report on a fresh demo (which has two months of history): charts, the week's
    /// change, overdue work, and the ITAS URL sheet with every O-item and its links; printed to PDF.
    @Test func theDirectorsReportHasItsChartsAndTheITASURLSheetAndPrintsToPDF() throws {
        let ita = ITARunner()
        let db = ["--db", ita.directory + "/demo.sqlite", "--today", "2026-12-01"]
        #expect(try ita.run(["demo"] + db, withDatabase: false, fixedDay: false).status == 0)
        let file = ita.directory + "/report.html", pdf = ita.directory + "/report.pdf"
        let written = try ita.run(["report", "--html", file, "--pdf", pdf] + db, withDatabase: false, fixedDay: false,
                                  environment: ["PATH": "/usr/bin:/bin"])
        #expect(written.status == 0, "\(written.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<h1>รายงานความก้าวหน้าการประเมิน ITA ปีงบประมาณ 2570</h1>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        // Two inline SVG charts: the bars (tools and the 10 indicators) and the burndown line.
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("<polyline") && html.contains("เป้าหมาย 85"))
        #expect(html.contains("เมื่อ 24 พ.ย. 2569"), "the week's change, from the demo's history")
        #expect(html.contains("<h2>๓. งานเกินกำหนด แยกตามผู้รับผิดชอบ</h2>"))
        // The URL sheet: one row per O-item of FY2570, links clickable, an item done without evidence said so.
        let sheet = try #require(html.components(separatedBy: "<h2>๕.").last)
        #expect(sheet.components(separatedBy: "<tr><td>O").count - 1 == 26)
        #expect(sheet.contains("<a href=\"https://lamnamngern.example.go.th/ita/2570/o1\">https://lamnamngern.example.go.th/ita/2570/o1</a>"))
        #expect(sheet.contains("<td>O17</td>") && sheet.contains("◇ งานครบ รอหลักฐาน"))
        // The PDF is a PDF, set in a Thai font.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        let fonts = try Browser.pdfFonts(pdf)
        #expect(fonts.contains { $0.hasPrefix("Loma") || $0.hasPrefix("Garuda") || $0.hasPrefix("Sarabun") || $0.hasPrefix("Norasi") }, "\(fonts)")
        // In the browser the charts are laid out: the DOM keeps both SVGs and the figure captions.
        let dom = try Browser.run(["--dump-dom"], file: file, directory: ita.directory)
        #expect(dom.components(separatedBy: "<svg").count - 1 == 2 && dom.contains("<figcaption>"))
        // And drawn: a screenshot of the first screenful has text, bars and the chart in many shades.
        let png = ita.directory + "/report.png"
        try Browser.run(["--window-size=900,1400", "--screenshot=\(png)"], file: file, directory: ita.directory)
        let (ink, colours) = try Browser.inkAndColours(png)
        #expect(ink > 40_000 && colours > 32, "ink \(ink), colours \(colours)")
        // Without --html or --pdf it is Markdown on standard output.
        let markdown = try ita.run(["report"] + db, withDatabase: false, fixedDay: false)
        #expect(markdown.stdout.hasPrefix("# รายงานความก้าวหน้าการประเมิน ITA ปีงบประมาณ 2570\n"))
        #expect(markdown.stdout.contains("| O1 | โครงสร้าง หน้าที่และอำนาจ |"))
    }

    @Test func aPDFWithoutChromiumIsOneLineAndNoFile() throws {
        let ita = ITARunner()
        try ita.initialise()
        let pdf = ita.directory + "/report.pdf"
        let result = try ita.run(["report", "--pdf", pdf, "--lang", "en"], environment: ["PATH": ita.directory])
        #expect(result.status == 1 && result.stderr.contains("printing to PDF needs chromium"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }

    @Test func aFileThatCannotBeWrittenIsOneLineAndExit1() throws {
        let ita = ITARunner()
        try ita.initialise()
        let result = try ita.run(["report", "improvement", "--format", "html", "-o", ita.directory + "/no/such/dir/memo.html"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/dir/memo.html: cannot write"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
