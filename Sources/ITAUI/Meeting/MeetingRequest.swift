import ITACore

/// What meeting mode asks the runtime to store.
public enum MeetingRequest: Hashable, Sendable {
    case attendance([Int64])
    case entry(MeetingEntry.Kind, AgendaSection, subject: String?, text: String, agendaItem: Int? = nil)
    case place(String)
    case absence(memberID: Int64, reason: String)
    case guests([String])
    case actionItem(ActionDraft, AgendaSection, subject: String?)
    /// A new text for a note or decision: a new entry that supersedes it.
    case correction(of: Int64, text: String)
    case saveTime([String: Int])
    case end([String: Int], MeetingSummary)
}
