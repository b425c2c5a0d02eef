import ITACore

/// Strings of the countdown stickers, the LINE reminders and present mode, one table per language
/// (`CountdownStrings+Thai.swift`, `CountdownStrings+English.swift`).
public struct CountdownStrings: Sendable {
    /// The deadline's name: the milestone's title, or "tasks due" for a date's tasks.
    public let deadlineTitle: @Sendable (Sticker) -> String
    /// The unit under the big number: วัน or วันทำการ.
    public let unit: @Sendable (_ workingDays: Bool) -> String
    /// The word beside the urgency mark, for a sticker (done stickers say so).
    public let state: @Sendable (Sticker) -> String
    /// The other count, in small type: `8 วันทำการ` when the big number is calendar days.
    public let otherCount: @Sendable (Countdown, _ bigIsWorkingDays: Bool) -> String
    /// `อีก 7 วัน (5 วันทำการ)`, `ครบกำหนดวันนี้`, `เลยกำหนดมา 3 วัน`: the countdown in a sentence.
    public let countdownSentence: @Sendable (Countdown) -> String
    /// `ครบกำหนด วันศุกร์ที่ 5 มกราคม 2570`.
    public let dueOn: @Sendable (CivilDate) -> String
    /// `O12, O24 ยังไม่เสร็จ`.
    public let notFinished: @Sendable (_ targets: String, _ openTasks: Int) -> String
    /// `IIT ตอบแล้ว 9 จาก 25 คน`.
    public let respondents: @Sendable (_ tool: String, Respondents) -> String
    public let nothingTracked: String
    public let allDone: String
    /// A LINE-style mention of a member.
    public let mention: @Sendable (Member) -> String
    /// A message's first line; for a member, the words before the mention of them.
    public let messageHeading: @Sendable (ReminderMessage.Recipient) -> String
    public let noReminders: @Sendable (CivilDate) -> String
    public let unknownGroup: @Sendable (_ group: String, _ groups: [String]) -> String
    public let copied: @Sendable (_ title: String) -> String
    public let noStickers: String
    public let unitToggleHint: String
    // Present mode
    public let presentReadOnly: String
    public let paused: String
    public let pageTitle: @Sendable (PresentPage, Board) -> String
    public let pageCounter: @Sendable (_ page: Int, _ pages: Int, _ secondsLeft: Int?) -> String
    public let ownerPageHeading: @Sendable (_ open: Int, _ overdue: Int) -> String
    public let ownerAllDone: String
    /// What each present-mode key does (its hint bar and `?` help).
    public let presentCommandTitle: @Sendable (PresentCommand) -> String
    public let presentHelpTitle: String
    public let surveyWindow: @Sendable (Milestone?) -> String
    /// The pace a survey needs to reach its quota by the deadline: `ต้องได้อีก 46 คน ใน 12 วันทำการ — วันละ 4 คน`.
    public let surveyPace: @Sendable (_ needed: Int, _ workingDays: Int) -> String
    /// The overdue step's heading: on the meeting day, or any day.
    public let overdueHeading: @Sendable (_ meetingDay: Bool) -> String
}

extension Language {
    public var countdown: CountdownStrings { self == .th ? .thai : .english }
}

extension CountdownStrings {
    /// The targets of open work, cut after `limit` with a count of the rest: `O1, O2, O3 +4`.
    public func targetList(_ targets: [TaskTarget], language: Language, limit: Int = 8) -> String {
        let names = targets.map { language.dashboard.targetShort($0) }
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " +\(names.count - limit)"
    }
}
