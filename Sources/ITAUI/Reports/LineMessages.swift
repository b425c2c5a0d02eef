import ITACore

/// One LINE text message: plain text (`text`), or, when it mentions members whose LINE user id is
/// known, a `textV2` message whose `{key}` placeholders the `mentions` fill (key → user id).
public struct LineTextMessage: Hashable, Sendable {
    public var text: String
    public var mentions: [String: String]

    public init(text: String, mentions: [String: String] = [:]) {
        self.text = text
        self.mentions = mentions
    }

    /// `textV2` (placeholders, braces doubled) rather than `text`.
    public var isV2: Bool { !mentions.isEmpty }
}

/// Reminders as Messaging API text messages: at most 5,000 characters each (split at line ends),
/// at most 5 to a request, mentions as mention objects where the member's LINE user id is known and
/// as `@name` text where it is not.
public enum LineMessages {
    /// The API's limit per text message, in UTF-16 code units (what its "characters" count).
    public static let maxLength = 5000
    /// Messages per push request.
    public static let perRequest = 5
    /// Substitutions per textV2 message.
    static let maxMentions = 100

    /// One reminder as the messages that carry it, in order.
    public static func messages(_ parts: [ReminderPart], language: Language, maxLength: Int = maxLength) -> [LineTextMessage] {
        let v2 = parts.contains { if case .mention(let m) = $0 { return !m.lineID.isEmpty }; return false }
        // The parts line by line (a mention never spans lines).
        var lines: [[ReminderPart]] = [[]]
        for part in parts {
            switch part {
            case .mention: lines[lines.count - 1].append(part)
            case .text(let text):
                for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { lines.append([]) }
                    if !piece.isEmpty { lines[lines.count - 1].append(.text(String(piece))) }
                }
            }
        }
        var out: [LineTextMessage] = []
        var current = LineTextMessage(text: "")
        var counter = 0
        func flush() {
            if !current.text.isEmpty { out.append(current) }
            current = LineTextMessage(text: "")
        }
        for line in lines {
            var rendered = ""
            var mentions: [String: String] = [:]
            for part in line {
                switch part {
                case .text(let text): rendered += v2 ? escaped(text) : text
                case .mention(let m):
                    if v2, !m.lineID.isEmpty, current.mentions.count + mentions.count < maxMentions {
                        counter += 1
                        let key = "m\(counter)"
                        mentions[key] = m.lineID
                        rendered += "{\(key)}"
                    } else {
                        rendered += v2 ? escaped(language.countdown.mention(m)) : language.countdown.mention(m)
                    }
                }
            }
            let separator = current.text.isEmpty ? "" : "\n"
            if current.text.utf16.count + separator.utf16.count + rendered.utf16.count > maxLength { flush() }
            if rendered.utf16.count > maxLength {
                // One line longer than a message (not from a real plan): cut at character boundaries.
                var piece = ""
                for ch in rendered {
                    if piece.utf16.count + ch.utf16.count > maxLength { out.append(LineTextMessage(text: piece)); piece = "" }
                    piece.append(ch)
                }
                rendered = piece
            }
            current.text += (current.text.isEmpty ? "" : "\n") + rendered
            current.mentions.merge(mentions) { a, _ in a }
        }
        flush()
        return out
    }

    /// Braces are placeholders in textV2; a literal one is written twice.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// One push request: its messages, and the reminders (by index) whose last message it carries.
    public struct Batch: Hashable, Sendable {
        public var messages: [LineTextMessage]
        public var completes: [Int]
    }

    /// Requests of at most 5 messages, in order; a reminder's messages stay in one request when they fit.
    public static func batches(_ reminders: [[LineTextMessage]], perRequest: Int = perRequest) -> [Batch] {
        var out: [Batch] = []
        var current = Batch(messages: [], completes: [])
        for (index, messages) in reminders.enumerated() where !messages.isEmpty {
            if current.messages.count + messages.count > perRequest, !current.messages.isEmpty {
                out.append(current)
                current = Batch(messages: [], completes: [])
            }
            for message in messages {
                if current.messages.count == perRequest {
                    out.append(current)
                    current = Batch(messages: [], completes: [])
                }
                current.messages.append(message)
            }
            current.completes.append(index)
        }
        if !current.messages.isEmpty { out.append(current) }
        return out
    }
}
