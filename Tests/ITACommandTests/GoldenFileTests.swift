import Foundation
import Testing

/// Every file under Golden/ is one some test compares with; a file no test names any more fails.
@Suite struct GoldenFileTests {
    @Test func noGoldenFileIsOrphaned() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: here.appendingPathComponent("Golden").path).filter { !$0.hasPrefix(".") }
        // The file names the tests spell (the argument of expectGolden, on its line or the next), each
        // interpolation a wildcard.
        var patterns: [NSRegularExpression] = []
        for source in try FileManager.default.contentsOfDirectory(atPath: here.path) where source.hasSuffix(".swift") && source != "GoldenFileTests.swift" {
            let text = try String(contentsOf: here.appendingPathComponent(source), encoding: .utf8)
            let literal = try NSRegularExpression(pattern: #""([^"\n ]+\.(?:txt|md|json))""#)
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let name = String(text[range])
                let pieces = name.components(separatedBy: #"\("#).enumerated().map { index, piece -> String in
                    index == 0 ? NSRegularExpression.escapedPattern(for: piece)
                               : ".+" + NSRegularExpression.escapedPattern(for: String(piece.drop { $0 != ")" }.dropFirst()))
                }
                patterns.append(try NSRegularExpression(pattern: "^" + pieces.joined() + "$"))
            }
        }
        #expect(patterns.count >= 15)
        for file in files {
            let matched = patterns.contains { $0.firstMatch(in: file, range: NSRange(file.startIndex..., in: file)) != nil }
            #expect(matched, "Golden/\(file) is compared by no test: delete it or name it in a test")
        }
    }
}
