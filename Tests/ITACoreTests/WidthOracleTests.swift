import Foundation
import Testing
@testable import ITACore

/// `DisplayWidth` against an independent measure: Python's `wcwidth` package (a different
/// implementation, with its own Unicode tables), over every line of sample-data and a corpus of
/// Thai, emoji, ZWJ, combining and East Asian text.
@Suite struct WidthOracleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    static let corpus: [String] = [
        // Thai: marks above and below, SARA AM, digits, a long name.
        "น้ำ", "สำนักงาน", "ผู้อำนวยการ", "กิตติพัฒน์", "ฤๅษี", "๒๕๖๙", "ปีงบประมาณ พ.ศ. ๒๕๗๐", "ไม่มี", "เจ้าหน้าที่",
        // Emoji: wide by default, narrow made wide by VS16, skin tones, ZWJ sequences, flags, keycaps.
        "😀", "📣 แจ้งเตือน", "⏰", "✅", "❤", "❤️", "☀️", "⚠️", "✔️", "👍🏽", "👨‍👩‍👧", "👩‍💻", "🏳️‍🌈", "🇹🇭", "🇹🇭🇯🇵", "#️⃣", "1️⃣",
        "ok ✓ ✕ ○ ◐ ▲ ★ !", "ทีม👨‍👩‍👧ITA",
        // Combining marks and zero-width characters.
        "e\u{301}", "a\u{308}\u{301}", "A\u{30A}", "a\u{200B}b", "x\u{2060}y", "\u{FEFF}",
        // East Asian wide and fullwidth, halfwidth, Hangul (precomposed and conjoining jamo).
        "漢字", "カタカナ", "ｶﾀｶﾅ", "ＡＢＣ", "한국어", "\u{1100}\u{1161}\u{11A8}", "〜",
    ]

    /// Every line of every file under sample-data (the framework and committee files users start from).
    static func sampleLines() throws -> [String] {
        let dir = root.appendingPathComponent("sample-data")
        var lines: [String] = []
        let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
        for case let url as URL in files where ["yaml", "yml", "md", "txt"].contains(url.pathExtension) {
            lines += try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return lines
    }

    /// wcwidth.wcswidth of each string, from the python3 on PATH.
    static func oracle(_ strings: [String]) throws -> [Int] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("width-oracle-\(getpid()).json")
        try JSONSerialization.data(withJSONObject: strings).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json,sys,wcwidth; print(json.dumps([wcwidth.wcswidth(s) for s in json.load(open(sys.argv[1]))]))",
                             input.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "python3 with wcwidth is needed (scripts/test installs it): \(problem)")
        return (try JSONSerialization.jsonObject(with: data) as? [Int]) ?? []
    }

    @Test func displayWidthAgreesWithWcwidthOnSampleDataAndTheCorpus() throws {
        // What reaches a terminal is sanitized first (TerminalSafety): measure that.
        let strings = (try Self.sampleLines() + Self.corpus).map { TerminalSafety.sanitize($0) }
        #expect(strings.count > 300, "sample-data was read")
        let expected = try Self.oracle(strings)
        #expect(expected.count == strings.count)
        var disagreements: [String] = []
        for (text, width) in zip(strings, expected) where text.displayWidth != width {
            disagreements.append("\(text.debugDescription): ita \(text.displayWidth), wcwidth \(width)")
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagree:\n\(disagreements.prefix(20).joined(separator: "\n"))")
    }

    @Test func emojiSequencesAreOneWideCell() {
        for emoji in ["❤️", "👍🏽", "👨‍👩‍👧", "🇹🇭", "#️⃣", "🏳️‍🌈"] {
            let cells = DisplayWidth.cells(of: Character(emoji))
            #expect(cells.count == 1 && cells[0].width == 2 && cells[0].text == emoji, "\(emoji): \(cells)")
        }
        // Thai keeps a cell per spacing scalar, its marks riding on them.
        #expect(DisplayWidth.cells(of: Character("สำ")).map(\.width) == [1, 1])
        #expect(DisplayWidth.cells(of: Character("น้ำ")).map(\.text) == ["น้", "ำ"])
        #expect("❤".displayWidth == 1 && "❤️".displayWidth == 2)
    }

    /// The committed tables are what scripts/width-tables.py makes from the Unicode data it names.
    @Test func theWidthTablesAreGeneratedFromUnicodeData() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("scripts/width-tables.py").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let generated = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let committed = try String(contentsOf: Self.root.appendingPathComponent("Sources/ITACore/WidthTables.swift"), encoding: .utf8)
        #expect(process.terminationStatus == 0)
        #expect(generated == committed, "run: python3 scripts/width-tables.py > Sources/ITACore/WidthTables.swift")
        #expect(WidthTables.unicodeVersion == "14.0.0")
    }
}

/// Text of printable ASCII and Thai is measured from its bytes; it must measure as the scalar rule does.
@Suite struct PlainWidthTests {
    @Test func theByteReadingAgreesWithTheScalarRule() {
        let alphabet = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) } + (0x0E00...0x0E7F).compactMap { Unicode.Scalar($0).map(Character.init) }
        for character in alphabet {
            let text = String(character)
            #expect(DisplayWidth.plainWidth(text) == DisplayWidth.ofScalars(text), "\(text.unicodeScalars.first!.value)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(DisplayWidth.plainWidth(text) == DisplayWidth.ofScalars(text), "\(text)")
        }
        // Anything else is left to the scalar rule.
        for other in ["\u{7F}", "\t", "é", "—", "漢", "👍🏽", "ก\u{301}", "a\u{200B}"] { #expect(DisplayWidth.plainWidth(other) == nil) }
        #expect(DisplayWidth.of("ผู้อำนวยการ O12") == 13)   // ผู้อำนวยการ is 9 columns: the marks above and below take none
    }
}
