import Foundation
import Testing
@testable import ITAUI

@Suite struct ThemeTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized

    func read(_ name: String) throws -> String {
        try String(contentsOf: Self.themes.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theShippedThemesParseAndCoverEveryRole() throws {
        for name in ["default", "light", "projector", "mono", "colourblind"] {
            let text = try read("\(name).theme")
            let theme = try Theme.parse(text, file: "\(name).theme", base: Theme(name: "empty", styles: [:]))
            #expect(theme.name == name)
            #expect(Set(theme.styles.keys) == Set(StyleRole.allCases), "\(name) misses \(Set(StyleRole.allCases).subtracting(theme.styles.keys))")
        }
    }

    @Test func builtInCopiesMatchTheFiles() throws {
        #expect(try Theme.parse(try read("default.theme"), file: "default.theme").styles == Theme.dark.styles)
        #expect(try Theme.parse(try read("mono.theme"), file: "mono.theme").styles == Theme.mono.styles)
        #expect(Theme.mono.styles.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
        // Without colour the selection must still show.
        #expect(Theme.mono.style(.selected).reverse)
    }

    @Test func brokenThemesNameFileLineAndKey() {
        func error(_ text: String) -> String? {
            do { _ = try Theme.parse(text, file: "themes/broken.theme"); return nil } catch { return error.description }
        }
        #expect(error("name = x\nselected = fg:pinkish") == "themes/broken.theme:2: key 'selected': unknown colour 'pinkish' (a name such as cyan or bright-red, or 0–255)")
        #expect(error("# c\n\nsparkle = bold") == "themes/broken.theme:3: key 'sparkle': unknown key")
        #expect(error("normal bold") == "themes/broken.theme:1: key 'normal bold': expected 'key = value'")
        #expect(error("normal = fg:300")?.hasPrefix("themes/broken.theme:1: key 'normal': unknown colour '300'") == true)
        #expect(error("normal = blink")?.hasPrefix("themes/broken.theme:1: key 'normal': unknown word 'blink'") == true)
        #expect(error("done = bold\ndone = plain") == "themes/broken.theme:2: key 'done': set twice")
    }
}
