import ITACore

/// What meeting mode asks the runtime to store.
public enum MeetingRequest: Hashable, Sendable {
    case attendance([Int64])
    case entry(MeetingEntry.Kind, AgendaSection, subject: String?, text: String)
    case actionItem(ActionDraft, AgendaSection, subject: String?)
    case saveTime([String: Int])
    case end([String: Int], MeetingSummary)
}
