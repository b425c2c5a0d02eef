/// The days a deadline's reminders go out, like the countdown stickers a committee posts in LINE.
public enum ReminderSchedule {
    /// How far back a step on a non-working day may move (a long holiday run such as Songkran).
    static let maximumShift = 14

    /// The day the reminder `offset` days before `due` goes out: that day, or, when nobody is at
    /// work then (weekend or holiday), the last working day before it.
    public static func sendDay(offset: Int, due: CivilDate, calendar: WorkingCalendar) -> CivilDate {
        var day = due.adding(days: -offset)
        var shifted = 0
        while !calendar.isWorkingDay(day), shifted < maximumShift {
            day = day.adding(days: -1)
            shifted += 1
        }
        return day
    }

    /// The offsets whose reminders go out on `date`, largest first (several steps can land on the
    /// same working day: 3 and 1 before a Monday both go out on the Friday).
    public static func steps(on date: CivilDate, due: CivilDate, offsets: [Int], calendar: WorkingCalendar) -> [Int] {
        guard date <= due else { return [] }
        return offsets.filter { sendDay(offset: $0, due: due, calendar: calendar) == date }.sorted(by: >)
    }
}

/// A deadline at a reminder step on some day.
public struct Reminder: Hashable, Sendable {
    public var sticker: Sticker
    /// The steps (days before the deadline) this reminder stands for.
    public var steps: [Int]

    public init(sticker: Sticker, steps: [Int]) {
        self.sticker = sticker
        self.steps = steps
    }

    public var offsets: [Int] { sticker.milestone?.reminderOffsets ?? Milestone.defaultReminderOffsets }

    /// When the overdue work goes out as a step of its own: on the follow-up meeting's day (the
    /// default), every working day, or never.
    public enum OverdueStep: String, Hashable, Sendable, CaseIterable {
        case meeting, daily, off
    }

    /// Stickers (built for `date`) that are at a reminder step on `date` and still have work open,
    /// then, when `overdue` says it is the day, each owner's overdue work (a step without a count).
    public static func due(on date: CivilDate, stickers: [Sticker], calendar: WorkingCalendar,
                           overdue: OverdueStep = .off, isMeetingDay: Bool = false) -> [Reminder] {
        var reminders: [Reminder] = stickers.compactMap { sticker in
            guard !sticker.isDone, sticker.source != .overdueTasks else { return nil }
            let offsets = sticker.milestone?.reminderOffsets ?? Milestone.defaultReminderOffsets
            let steps = ReminderSchedule.steps(on: date, due: sticker.date, offsets: offsets, calendar: calendar)
            return steps.isEmpty ? nil : Reminder(sticker: sticker, steps: steps)
        }
        let overdueToday: Bool
        switch overdue {
        case .meeting: overdueToday = isMeetingDay
        case .daily: overdueToday = calendar.isWorkingDay(date)
        case .off: overdueToday = false
        }
        if overdueToday, let late = stickers.first(where: { $0.source == .overdueTasks && !$0.open.isEmpty }) {
            reminders.insert(Reminder(sticker: late, steps: []), at: 0)
        }
        return reminders
    }

    /// What the day's posting log keys this reminder by: the deadline and its step ("overdue" for
    /// the overdue work), so the same step is posted once a day, and a later step of the same
    /// deadline still goes out.
    public var stepKey: String {
        sticker.source == .overdueTasks ? "overdue" : sticker.key + "@" + steps.map(String.init).joined(separator: ",")
    }
}

/// One deadline step posted to one recipient on a day (what `ita remind --send` logs).
public struct SentReminder: Hashable, Sendable {
    public var step: String
    public var recipient: String

    public init(step: String, recipient: String) {
        self.step = step
        self.recipient = recipient
    }
}

/// One message to post: who it is for, and for each deadline, that recipient's open work.
public struct ReminderMessage: Hashable, Sendable {
    public enum Recipient: Hashable, Sendable {
        case member(Member)
        case group(String)
        /// Everyone: a milestone that tracks no work of anyone in particular.
        case committee

        /// A stable name for the posting log: `member:LOGIN`, `group:NAME` or `committee`.
        public var key: String {
            switch self {
            case .member(let m): return "member:" + m.login
            case .group(let g): return "group:" + g
            case .committee: return "committee"
            }
        }
    }

    public struct Entry: Hashable, Sendable {
        public var reminder: Reminder
        /// The recipient's share of the open work (several members for a group).
        public var work: [OpenWork]

        public init(reminder: Reminder, work: [OpenWork]) {
            self.reminder = reminder
            self.work = work
        }
    }

    public var recipient: Recipient
    public var entries: [Entry]

    /// The entries as the day's posting log keys them.
    public var sent: [SentReminder] { entries.map { SentReminder(step: $0.reminder.stepKey, recipient: recipient.key) } }

    /// This message without the entries already posted today (nil when nothing is left).
    public func leaving(_ posted: Set<SentReminder>) -> ReminderMessage? {
        let left = entries.filter { !posted.contains(SentReminder(step: $0.reminder.stepKey, recipient: recipient.key)) }
        return left.isEmpty ? nil : ReminderMessage(recipient: recipient, entries: left)
    }

    public init(recipient: Recipient, entries: [Entry]) {
        self.recipient = recipient
        self.entries = entries
    }

    public enum Grouping: String, Hashable, Sendable, CaseIterable { case owner, group }

    /// Messages for the day's reminders: one per member with open work (or one per work group),
    /// in member order, then one to the whole committee for milestones that track no work.
    /// `only` keeps the members a recipient filter allows (nil: everyone, and the committee).
    public static func compose(_ reminders: [Reminder], members: [Member], grouping: Grouping,
                               only: ((Member) -> Bool)? = nil) -> [ReminderMessage] {
        var messages: [ReminderMessage] = []
        let chosen = members.filter { only?($0) ?? true }
        switch grouping {
        case .owner:
            for member in chosen {
                let entries = reminders.compactMap { r -> Entry? in
                    r.sticker.open.first { $0.memberID == member.id }.map { Entry(reminder: r, work: [$0]) }
                }
                if !entries.isEmpty { messages.append(ReminderMessage(recipient: .member(member), entries: entries)) }
            }
        case .group:
            for group in Member.workGroups(of: chosen) {
                let ids = Set(chosen.filter { $0.workGroup == group }.map(\.id))
                let entries = reminders.compactMap { r -> Entry? in
                    let work = r.sticker.open.filter { ids.contains($0.memberID) }
                    return work.isEmpty ? nil : Entry(reminder: r, work: work)
                }
                if !entries.isEmpty { messages.append(ReminderMessage(recipient: .group(group), entries: entries)) }
            }
        }
        if only == nil {
            let general = reminders.filter { !$0.sticker.tracksWork }.map { Entry(reminder: $0, work: []) }
            if !general.isEmpty { messages.append(ReminderMessage(recipient: .committee, entries: general)) }
        }
        return messages
    }
}
