/// The follow-up meeting's agenda, built from the data since the previous meeting. Pure: the
/// day, the previous meeting and each task's last change are passed in.
public struct Agenda: Hashable, Sendable {
    /// One line of a section. Every row can carry a note, a decision or an action item.
    public enum Row: Hashable, Sendable {
        /// The projected score at the previous meeting (nil: none recorded) and now.
        case score(before: Double?, after: Double)
        /// A group heading: one owner and how many of their tasks follow.
        case owner(Int64, count: Int)
        case task(WorkTask)
        case survey(tool: String, Respondents)
        /// A decision or action item recorded at this meeting.
        case entry(MeetingEntry)
        /// An action item from an earlier meeting whose task is still open.
        case followUp(MeetingEntry, WorkTask)

        /// How a note on this row names it (`#12`, `@login`, `IIT`).
        public func subject(members: [Member]) -> String? {
            switch self {
            case .score: return nil
            case .owner(let id, _): return members.first { $0.id == id }.map { "@" + $0.login }
            case .task(let task), .followUp(_, let task): return "#\(task.id)"
            case .survey(let tool, _): return tool
            case .entry(let entry): return entry.taskID.map { "#\($0)" } ?? entry.subject
            }
        }

        /// The task on this row, if any (an action item takes its target and owner from it).
        public var task: WorkTask? {
            switch self {
            case .task(let task), .followUp(_, let task): return task
            default: return nil
            }
        }
    }

    /// No change for this many days makes open work "at risk"…
    public static let staleDays = 14
    /// …when its deadline is this close.
    public static let riskHorizonDays = 30
    /// Without a previous meeting, "done since" looks back this far.
    public static let firstMeetingLookBack = 7

    public var today: CivilDate
    /// The day "done since" counts from: the previous meeting, or a week back.
    public var since: CivilDate
    public var previousMeeting: CivilDate?
    public var nextMeeting: CivilDate
    /// The survey window open today, if any.
    public var surveyWindow: Milestone?
    public var sections: [AgendaSection: [Row]]

    public func rows(_ section: AgendaSection) -> [Row] { sections[section] ?? [] }

    /// Builds the agenda for a meeting on `board.today`.
    /// - Parameters:
    ///   - previous: the last meeting before this one (its end, or start, bounds "done since").
    ///   - scoreBefore: the projected score recorded at the previous meeting.
    ///   - lastChanged: the day each open task last changed.
    ///   - entries: what this meeting has recorded so far.
    ///   - earlierActions: action items recorded at earlier meetings.
    public static func build(board: Board, tasks: [WorkTask], previous: Meeting?, scoreBefore: Double?, nextMeeting: CivilDate,
                             lastChanged: [Int64: CivilDate], entries: [MeetingEntry], earlierActions: [MeetingEntry]) -> Agenda {
        let today = board.today
        let sinceMoment = previous.map { $0.endedAt ?? $0.startedAt }
        let since = sinceMoment?.date ?? today.adding(days: -firstMeetingLookBack)
        let memberOrder = Dictionary(uniqueKeysWithValues: board.members.enumerated().map { ($1.id, $0) })
        func byMember(_ a: Int64, _ b: Int64) -> Bool { (memberOrder[a] ?? Int.max, a) < (memberOrder[b] ?? Int.max, b) }
        func dueOrder(_ a: WorkTask, _ b: WorkTask) -> Bool {
            (a.due?.dayNumber ?? Int.max, a.id) < (b.due?.dayNumber ?? Int.max, b.id)
        }
        var sections: [AgendaSection: [Row]] = [:]

        // a) Done since the last meeting, by owner (member order), with the change in the projection.
        let done = tasks.filter { task in
            guard task.status == .done, let at = task.doneAt else { return false }
            if let sinceMoment { return at > sinceMoment }
            return at.date >= since
        }
        var doneRows: [Row] = [.score(before: scoreBefore, after: board.projection.total)]
        let doneByOwner = Dictionary(grouping: done, by: \.ownerID)
        for owner in doneByOwner.keys.sorted(by: byMember) {
            let list = doneByOwner[owner]!.sorted { ($0.doneAt!, $0.id) < ($1.doneAt!, $1.id) }
            doneRows.append(.owner(owner, count: list.count))
            doneRows += list.map(Row.task)
        }
        sections[.done] = doneRows

        // b) Overdue, grouped by owner: the owner with the oldest overdue task first, oldest first within.
        let overdue = Dictionary(grouping: tasks.filter { $0.isOverdue(on: today) }, by: \.ownerID).mapValues { $0.sorted(by: dueOrder) }
        var overdueRows: [Row] = []
        for owner in overdue.keys.sorted(by: { a, b in
            let (x, y) = (overdue[a]![0], overdue[b]![0])
            return x.due! != y.due! ? x.due! < y.due! : byMember(a, b)
        }) {
            overdueRows.append(.owner(owner, count: overdue[owner]!.count))
            overdueRows += overdue[owner]!.map(Row.task)
        }
        sections[.overdue] = overdueRows

        // c) Due from today up to and including the next meeting day.
        sections[.dueSoon] = tasks.filter { task in
            guard task.status.isOpen, let due = task.due else { return false }
            return due >= today && due <= nextMeeting
        }.sorted(by: dueOrder).map(Row.task)

        // d) At risk: open, untouched for 14 days or more, due within the next 30.
        let horizon = today.adding(days: riskHorizonDays), stale = today.adding(days: -staleDays)
        sections[.atRisk] = tasks.filter { task in
            guard task.status.isOpen, let due = task.due, due >= today, due <= horizon, let changed = lastChanged[task.id] else { return false }
            return changed <= stale
        }.sorted(by: dueOrder).map(Row.task)

        // e) Respondents, while a survey window is open.
        let window = board.assessment.milestones.first { m in
            !MilestoneScope(covers: m.covers, framework: board.framework).surveys.isEmpty && (m.starts ?? m.due) <= today && today <= m.due
        }
        if let window {
            let tools = MilestoneScope(covers: window.covers, framework: board.framework).surveys
            sections[.respondents] = board.framework.tools.filter { tools.contains($0.code) }.compactMap { tool in
                board.assessment.respondents[tool.code].map { Row.survey(tool: tool.code, $0) }
            }
        }

        // f) This meeting's decisions and action items, then earlier action items still open.
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        sections[.decisions] = entries.filter { $0.kind != .note }.map(Row.entry)
            + earlierActions.compactMap { entry in
                guard let id = entry.taskID, let task = byID[id], task.status.isOpen else { return nil }
                return Row.followUp(entry, task)
            }

        return Agenda(today: today, since: since, previousMeeting: previous?.day, nextMeeting: nextMeeting, surveyWindow: window,
                      sections: sections)
    }

    /// The agenda an ended meeting saw, from what it kept: a closed meeting shows what was discussed,
    /// not today's data. Tasks come back as they were listed (done in section a, open elsewhere);
    /// owner headings are rebuilt from the lines' owners, in the order the lines were kept.
    public static func restored(from summary: MeetingSummary, today: CivilDate, entries: [MeetingEntry]) -> Agenda {
        func task(_ line: MeetingSummary.TaskLine, done: Bool) -> WorkTask {
            WorkTask(id: line.id, title: line.title, target: TaskTarget(text: line.target) ?? .indicator(0), ownerID: line.ownerID,
                     due: line.due, status: done ? .done : .todo)
        }
        func grouped(_ lines: [MeetingSummary.TaskLine], done: Bool) -> [Row] {
            var rows: [Row] = [], index = 0
            while index < lines.count {
                let owner = lines[index].ownerID
                var end = index
                while end + 1 < lines.count, lines[end + 1].ownerID == owner { end += 1 }
                rows.append(.owner(owner, count: end - index + 1))
                rows += lines[index...end].map { .task(task($0, done: done)) }
                index = end + 1
            }
            return rows
        }
        var sections: [AgendaSection: [Row]] = [:]
        sections[.done] = [.score(before: summary.scoreBefore, after: summary.scoreAfter)] + grouped(summary.done, done: true)
        sections[.overdue] = grouped(summary.overdue, done: false)
        sections[.dueSoon] = summary.dueSoon.map { .task(task($0, done: false)) }
        sections[.atRisk] = summary.atRisk.map { .task(task($0, done: false)) }
        sections[.respondents] = summary.surveys.map { .survey(tool: $0.tool, Respondents(quota: $0.quota, count: $0.count)) }
        sections[.decisions] = entries.filter { $0.kind != .note }.map(Row.entry)
            + summary.followUps.compactMap { line in
                entries.first { $0.kind == .action && $0.taskID == line.id }.map { Row.followUp($0, task(line, done: false)) }
                    ?? Row.task(task(line, done: false))
            }
        return Agenda(today: today, since: summary.since, previousMeeting: summary.previousMeeting, nextMeeting: summary.nextMeeting,
                      surveyWindow: nil, sections: sections)
    }

    /// The agenda as the minutes keep it.
    public func summary(grade: String?) -> MeetingSummary {
        func lines(_ section: AgendaSection) -> [MeetingSummary.TaskLine] { rows(section).compactMap { $0.task.map(MeetingSummary.TaskLine.init) } }
        var before: Double?, after = 0.0
        if case .score(let b, let a)? = rows(.done).first { before = b; after = a }
        return MeetingSummary(since: since, previousMeeting: previousMeeting, nextMeeting: nextMeeting, scoreBefore: before, scoreAfter: after,
                              grade: grade, done: lines(.done), overdue: lines(.overdue), dueSoon: lines(.dueSoon), atRisk: lines(.atRisk),
                              surveys: rows(.respondents).compactMap { row in
                                  if case .survey(let tool, let r) = row { return MeetingSummary.Survey(tool: tool, count: r.count, quota: r.quota) }
                                  return nil
                              },
                              surveyWindow: surveyWindow?.key,
                              followUps: rows(.decisions).compactMap { row in
                                  if case .followUp(_, let task) = row { return MeetingSummary.TaskLine(task) }
                                  return nil
                              })
    }
}

/// The agenda as it stood when a meeting ended, kept with the meeting for its minutes.
public struct MeetingSummary: Hashable, Sendable, Codable {
    public struct TaskLine: Hashable, Sendable, Codable {
        public var id: Int64
        public var target: String
        public var title: String
        public var ownerID: Int64
        public var due: CivilDate?

        public init(id: Int64, target: String, title: String, ownerID: Int64, due: CivilDate?) {
            self.id = id
            self.target = target
            self.title = title
            self.ownerID = ownerID
            self.due = due
        }

        public init(_ task: WorkTask) {
            self.init(id: task.id, target: task.target.description, title: task.title, ownerID: task.ownerID, due: task.due)
        }
    }

    public struct Survey: Hashable, Sendable, Codable {
        public var tool: String
        public var count: Int
        public var quota: Int

        public init(tool: String, count: Int, quota: Int) {
            self.tool = tool
            self.count = count
            self.quota = quota
        }
    }

    public var since: CivilDate
    public var previousMeeting: CivilDate?
    public var nextMeeting: CivilDate
    public var scoreBefore: Double?
    public var scoreAfter: Double
    public var grade: String?
    public var done: [TaskLine]
    public var overdue: [TaskLine]
    public var dueSoon: [TaskLine]
    public var atRisk: [TaskLine]
    public var surveys: [Survey]
    public var surveyWindow: String?
    public var followUps: [TaskLine]

    public init(since: CivilDate, previousMeeting: CivilDate?, nextMeeting: CivilDate, scoreBefore: Double?, scoreAfter: Double,
                grade: String?, done: [TaskLine], overdue: [TaskLine], dueSoon: [TaskLine], atRisk: [TaskLine], surveys: [Survey],
                surveyWindow: String?, followUps: [TaskLine]) {
        self.since = since
        self.previousMeeting = previousMeeting
        self.nextMeeting = nextMeeting
        self.scoreBefore = scoreBefore
        self.scoreAfter = scoreAfter
        self.grade = grade
        self.done = done
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.atRisk = atRisk
        self.surveys = surveys
        self.surveyWindow = surveyWindow
        self.followUps = followUps
    }
}
