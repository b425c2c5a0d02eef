import Foundation
import Testing
import ITACore
@testable import ITAStore

/// The store reads its framework without Codable (FrameworkJSON); it must read exactly what Codable writes.
@Suite struct FrameworkJSONTests {
    static let files = try! FileManager.default.contentsOfDirectory(atPath: StoreFixture.repository.appendingPathComponent("sample-data/frameworks").path)
        .filter { $0.hasSuffix(".yaml") }.sorted()

    func stored(_ framework: Framework) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys   // as Store.insert writes it
        return try encoder.encode(framework)
    }

    @Test(arguments: files) func readsEveryFrameworkFileAsCodableDoes(_ name: String) throws {
        let framework = try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/" + name), file: name)
        let data = try stored(framework)
        let read = try FrameworkJSON.decode(data)
        #expect(read == framework)
        #expect(read == (try JSONDecoder().decode(Framework.self, from: data)))
    }

    @Test func readsEveryOptionalField() throws {
        var framework = try StoreFixture.fy2566()
        framework.provisional = true
        framework.indicators[8].subIndicators[0].items[0].evidencePeriod = .previousFY
        framework.indicators[8].subIndicators[0].items[0].components = ["แผนภูมิ", "ชื่อ"]
        framework.grading.rules[0].minEachTool = 85.5
        let read = try FrameworkJSON.decode(try stored(framework))
        #expect(read == framework)
        #expect(read.isProvisional)
        #expect(read.grading.rules[0].minEachTool == 85.5)
    }

    @Test func aFieldOfTheWrongTypeIsNamed() throws {
        let text = String(decoding: try stored(try StoreFixture.fy2566()), as: UTF8.self)
        let wrong = text.replacingOccurrences(of: "\"weight\":0.3", with: "\"weight\":\"0.3\"")
        #expect(throws: FrameworkJSON.Unreadable(path: "tools[0].weight")) { try FrameworkJSON.decode(Data(wrong.utf8)) }
        #expect(throws: FrameworkJSON.Unreadable(path: "")) { try FrameworkJSON.decode(Data("[1]".utf8)) }
        let missing = text.replacingOccurrences(of: "\"passMark\":", with: "\"passmark\":")
        #expect(throws: FrameworkJSON.Unreadable(path: "grading.passMark")) { try FrameworkJSON.decode(Data(missing.utf8)) }
    }
}
