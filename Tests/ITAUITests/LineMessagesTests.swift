import ITACore
import Testing
@testable import ITAUI

/// Reminders as Messaging API text messages: mentions, the 5,000-character limit, five per request.
struct LineMessagesTests {
    static let known = Member(id: 1, login: "ann", name: "แอน", role: .owner, lineName: "แอน แผนงาน", lineID: "U" + String(repeating: "ab", count: 16))
    static let unknown = Member(id: 2, login: "bo", name: "โบ", role: .owner, lineName: "โบ การเงิน")

    @Test func mentionsWithAnIDBecomePlaceholdersAndBracesAreDoubled() {
        let parts: [ReminderPart] = [.text("ถึง "), .mention(Self.known), .text(" และ "), .mention(Self.unknown), .text("\nงาน {O12}")]
        let messages = LineMessages.messages(parts, language: .th)
        #expect(messages == [LineTextMessage(text: "ถึง {m1} และ @โบ การเงิน\nงาน {{O12}}", mentions: ["m1": Self.known.lineID])])
        #expect(messages[0].isV2)
        // Nobody with an id: plain text, braces as they are.
        let plain = LineMessages.messages([.text("ถึง "), .mention(Self.unknown), .text(" {x}")], language: .th)
        #expect(plain == [LineTextMessage(text: "ถึง @โบ การเงิน {x}")] && !plain[0].isV2)
    }

    @Test func longRemindersSplitAtLineEndsWithinTheLimit() {
        let line = String(repeating: "ก", count: 99)
        let text = (0..<120).map { _ in line }.joined(separator: "\n")   // 12,000 characters
        let messages = LineMessages.messages([.text(text)], language: .th)
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.text.utf16.count <= LineMessages.maxLength })
        #expect(messages.map(\.text).joined(separator: "\n") == text, "nothing lost or reordered")
        #expect(messages.allSatisfy { $0.text.split(separator: "\n").allSatisfy { $0 == line } }, "cut only at line ends")
        // Emoji count two (UTF-16), as LINE counts them.
        let emoji = LineMessages.messages([.text(String(repeating: "📣", count: 2600))], language: .th)
        #expect(emoji.count == 2 && emoji.allSatisfy { $0.text.utf16.count <= 5000 })
    }

    @Test func atMostFivePerRequestAndAReminderStaysTogether() {
        let one = [LineTextMessage(text: "a")], three = Array(repeating: LineTextMessage(text: "b"), count: 3)
        let batches = LineMessages.batches([one, three, three, one, Array(repeating: LineTextMessage(text: "c"), count: 7)])
        #expect(batches.map(\.messages.count) == [4, 4, 5, 2])
        #expect(batches.map(\.completes) == [[0, 1], [2, 3], [], [4]])
        #expect(batches.allSatisfy { $0.messages.count <= LineMessages.perRequest })
    }
}
