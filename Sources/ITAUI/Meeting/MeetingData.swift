import ITACore

/// What meeting mode shows, loaded from the store in one go.
public struct MeetingData: Hashable, Sendable {
    public var board: Board
    public var tasks: [WorkTask]
    /// Today's meeting; nil until the chair or secretary opens it.
    public var meeting: Meeting?
    public var previous: Meeting?
    /// Which meeting of the fiscal year this is (1 for the first).
    public var number: Int?
    /// The projected score recorded at the previous meeting.
    public var scoreBefore: Double?
    public var lastChanged: [Int64: CivilDate]
    public var earlierActions: [MeetingEntry]

    public init(board: Board, tasks: [WorkTask], meeting: Meeting?, previous: Meeting?, number: Int?, scoreBefore: Double?,
                lastChanged: [Int64: CivilDate], earlierActions: [MeetingEntry]) {
        self.board = board
        self.tasks = tasks
        self.meeting = meeting
        self.previous = previous
        self.number = number
        self.scoreBefore = scoreBefore
        self.lastChanged = lastChanged
        self.earlierActions = earlierActions
    }

    public var schedule: MeetingSchedule { MeetingSchedule(weekday: board.assessment.meetingWeekday) }

    /// The agenda of this day's meeting from this data.
    /// The agenda on show: an ended meeting's stored one (what it discussed), else today's, built from the data.
    public var agenda: Agenda {
        if let meeting, meeting.isEnded, let summary = meeting.summary {
            return Agenda.restored(from: summary, today: meeting.day, entries: meeting.currentEntries)
        }
        return Agenda.build(board: board, tasks: tasks, previous: previous, scoreBefore: scoreBefore, nextMeeting: schedule.next(after: board.today),
                     lastChanged: lastChanged, entries: meeting?.currentEntries ?? [], earlierActions: earlierActions)
    }
}
