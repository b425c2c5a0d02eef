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

    /// Stickers (built for `date`) that are at a reminder step on `date` and still have work open.
    public static func due(on date: CivilDate, stickers: [Sticker], calendar: WorkingCalendar) -> [Reminder] {
        stickers.compactMap { sticker in
            guard !sticker.isDone else { return nil }
            let offsets = sticker.milestone?.reminderOffsets ?? Milestone.defaultReminderOffsets
            let steps = ReminderSchedule.steps(on: date, due: sticker.date, offsets: offsets, calendar: calendar)
            return steps.isEmpty ? nil : Reminder(sticker: sticker, steps: steps)
        }
    }
}

/// One message to post: who it is for, and for each deadline, that recipient's open work.
public struct ReminderMessage: Hashable, Sendable {
    public enum Recipient: Hashable, Sendable {
        case member(Member)
        case group(String)
        /// Everyone: a milestone that tracks no work of anyone in particular.
        case committee
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
