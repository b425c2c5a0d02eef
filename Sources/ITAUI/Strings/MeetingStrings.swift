import ITACore

/// Strings of meeting mode and the minutes, one table per language (below: Thai, then English).
public struct MeetingStrings: Sendable {
    // Meeting mode
    public let title: @Sendable (_ number: Int?, _ day: String) -> String
    /// `weekday`: ISO 1 (Monday) … 7 (Sunday).
    public let notMeetingDay: @Sendable (_ weekday: Int) -> String
    public let stepTitle: @Sendable (MeetingStep) -> String
    public let stepTab: @Sendable (MeetingStep) -> String
    public let readOnly: String
    public let ended: @Sendable (_ time: String) -> String
    public let noMeetingYet: String
    public let present: @Sendable (_ present: Int, _ total: Int) -> String
    public let since: @Sendable (_ previous: String?, _ since: String) -> String
    public let scoreChange: String
    public let noPreviousScore: String
    public let tasks: @Sendable (Int) -> String
    public let nothing: @Sendable (AgendaSection) -> String
    public let noSurveyWindow: String
    public let surveyWindow: @Sendable (_ title: String, _ until: String) -> String
    public let followUp: @Sendable (_ day: String) -> String
    public let entryKind: @Sendable (MeetingEntry.Kind) -> String
    public let nextMeeting: @Sendable (_ day: String) -> String
    /// What each meeting-mode key does (its hint bar and `?` help).
    public let commandTitle: @Sendable (MeetingCommand) -> String
    public let helpTitle: String
    public let promptKeys: String
    public let promptLabel: @Sendable (MeetingState.Prompt.Kind) -> String
    /// The sections a–f, as one word for the help ("วาระ ก–ฉ").
    public let agendaWord: String
    public let attendanceHint: String
    public let nothingToCorrect: String
    /// The mark on a note or decision that a correction replaced.
    public let corrected: String
    public let actionFormat: String
    public let confirmEnd: String
    public let recorded: @Sendable (MeetingEntry.Kind) -> String
    public let actionSaved: @Sendable (_ id: Int64, _ owner: String, _ due: String) -> String
    public let meetingClosed: String
    public let endedNote: String
    // Action item input
    public let actionNeedsTitle: String
    public let actionNeedsOwner: String
    public let actionNeedsTarget: String
    public let actionUnknownOwner: @Sendable (String) -> String
    public let actionUnknownTarget: @Sendable (String) -> String
    public let actionBadDate: @Sendable (String) -> String
    public let actionPastDate: @Sendable (String) -> String

    // Minutes
    public let minutesTitle: @Sendable (_ number: Int, _ fiscalYear: Int) -> String
    public let minutesWhen: @Sendable (_ day: CivilDate, _ start: String, _ end: String?, _ minutes: Int?) -> String
    public let attendees: @Sendable (Int) -> String
    public let absent: @Sendable (Int) -> String
    public let role: @Sendable (Member.Role) -> String
    /// A section's title ("งานเกินกำหนด"); `agendaHeading` numbers it for the follow-up minutes.
    public let agendaTitle: @Sendable (AgendaSection) -> String
    public let agendaHeading: @Sendable (_ index: Int, _ title: String) -> String
    public let scoreLine: @Sendable (_ before: String?, _ after: String, _ grade: String?) -> String
    public let ownerLine: @Sendable (_ name: String, _ count: Int) -> String
    public let due: @Sendable (String) -> String
    public let notes: String
    public let decisions: String
    public let actions: String
    public let actionHeaders: (number: String, task: String, owner: String, due: String)
    public let earlierActions: String
    public let none: String
    public let timeSpent: @Sendable (_ minutes: Int) -> String
    public let recorder: @Sendable (_ name: String) -> String
    public let notEnded: String
    public let noMeetings: String
    public let noMeetingOn: @Sendable (String) -> String

    // The official minutes' extra facts, recorded in meeting mode
    /// The ระเบียบวาระ an entry goes under: `วาระที่ 1 เรื่องที่ประธานแจ้ง`.
    public let minutesItemShort: @Sendable (Int) -> String
    public let minutesItemNow: @Sendable (Int) -> String
    public let placeSaved: @Sendable (String) -> String
    public let absenceSaved: @Sendable (_ name: String, _ reason: String) -> String
    public let guestsSaved: @Sendable (Int) -> String
    public let placeLine: @Sendable (String) -> String
}

extension Language {
    public var meeting: MeetingStrings { self == .th ? .thai : .english }
}
