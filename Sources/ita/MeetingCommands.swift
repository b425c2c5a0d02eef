import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITATerminal
import ITAUI

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Run today's follow-up meeting: attendance, then the agenda a–f, with a clock (also M in the dashboard).",
        discussion: """
            The agenda is built from the data: a) done since the last meeting and the change in the projected score, \
            b) overdue by owner, oldest first, c) due up to the next meeting day, d) at risk (no change for 14 days, \
            due within 30), e) respondents while a survey window is open, f) decisions and action items (and earlier \
            action items still open). n/p move between sections, j/k between rows; c notes, d records a decision, \
            a an action item (a task with owner and due date, saved at once), E ends the meeting and keeps its \
            minutes (ita minutes). The chair and the secretary open and record; everyone else follows read-only. \
            The meeting weekday is `meeting_weekday` in the committee file (Wednesday by default).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Theme name or .theme file (default: projector).", valueName: "name"), completion: Completions.themes)
    var theme: String?

    @Flag(help: "Do not ask the terminal for mouse reports.")
    var noMouse = false

    func run() throws {
        try Context.run(global) { ctx in
            let store = try ctx.openOffice(memoryMapped: false)
            let author = try ctx.author(in: store)
            let code = try FullScreen.run(ctx: ctx, theme: theme ?? "projector", mouse: !noMouse) { terminal in
                try MeetingSession.program(ctx, store: store, author: author, terminal: terminal)
            }
            if code != 0 { throw ExitCode(code) }
        }
    }
}

/// Wires meeting mode to the store: loading the agenda's data, opening today's meeting for the
/// chair and secretary, and recording what meeting mode asks for.
enum MeetingSession {
    static func state(_ ctx: Context, store: any OfficeStore, author: Author?, size: Size) throws -> MeetingState {
        if let author, author.member?.coordinates == true, !store.isReadOnly {
            _ = try store.startMeeting(on: ctx.today, by: author, at: ctx.currentTime())
        }
        return MeetingState(data: try load(store, today: ctx.today), language: ctx.language, size: size, viewer: author?.member,
                            login: ctx.login)
    }

    static func load(_ store: any OfficeStore, today: CivilDate) throws -> MeetingData {
        let board = try store.board(today: today)
        let meetings = try store.meetings()
        let meeting = meetings.first { $0.day == today }
        let previous = meetings.last { $0.day < today }
        return MeetingData(board: board, tasks: try store.tasks(), meeting: meeting, previous: previous,
                           number: meeting.map { m in number(of: m, in: meetings) },
                           scoreBefore: try scoreBefore(store, previous: previous, today: today),
                           lastChanged: try store.lastChanged(dueFrom: today, to: today.adding(days: Agenda.riskHorizonDays)),
                           earlierActions: try store.actionItems(before: today))
    }

    /// The meeting's number within its fiscal year (the first is 1).
    static func number(of meeting: Meeting, in meetings: [Meeting]) -> Int {
        let year = ThaiCalendar.fiscalYear(of: meeting.day)
        return meetings.filter { ThaiCalendar.fiscalYear(of: $0.day) == year && $0.day <= meeting.day }.count
    }

    /// The projected score the previous meeting saw; with no previous meeting, the last daily
    /// snapshot from a week ago or before.
    static func scoreBefore(_ store: any OfficeStore, previous: Meeting?, today: CivilDate) throws -> Double? {
        if let previous {
            if let score = previous.summary?.scoreAfter { return score }
            return try store.snapshots(since: previous.day).first { $0.day == previous.day }?.projected
        }
        let weekAgo = today.adding(days: -Agenda.firstMeetingLookBack)
        return try store.snapshots(since: weekAgo.adding(days: -30)).last { $0.day <= weekAgo }?.projected
    }

    /// Meeting mode as a program: opens today's meeting for the chair and secretary, and records
    /// what it asks for.
    static func program(_ ctx: Context, store: any OfficeStore, author: Author?, terminal: Terminal) throws -> Running<MeetingState> {
        let state = try state(ctx, store: store, author: author, size: terminal.size)
        let watch = StoreWatch(store, today: ctx.today)
        return Running(state, failure: { .failed($0) }, describe: { Dashboard.describe($0, ctx) }, perform: { effect in
            switch effect {
            case .quit: return .close
            case .record(let request):
                defer { watch.sawOwnWrite() }
                return try record(request, ctx: ctx, store: store, author: author).map { .message($0) } ?? .none
            case .reload(let today):
                watch.newDay(today)
                fallthrough
            case .checkForChanges:
                return try watch.readIfChanged { try load(store, today: watch.day) }.map { .message(.loaded($0)) } ?? .none
            }
        })
    }

    static func record(_ request: MeetingRequest, ctx: Context, store: any OfficeStore, author: Author?) throws -> MeetingMessage? {
        guard let author else { throw CLIError(ctx.strings.denied(.notAMember(login: ctx.login))) }
        guard let meeting = try store.meeting(on: ctx.today) else { throw CLIError(ctx.language.meeting.noMeetingYet) }
        let now = ctx.currentTime()
        switch request {
        case .attendance(let ids):
            try store.setAttendees(ids, meeting: meeting.id, by: author)
            return nil
        case .saveTime(let seconds):
            try store.saveSectionSeconds(seconds, meeting: meeting.id, by: author)
            return nil
        case .entry(let kind, let section, let subject, let text, let item):
            return .recorded(try store.addEntry(kind, section: section, subject: subject, text: text, meeting: meeting.id, agendaItem: item,
                                                by: author, at: now), nil)
        case .place(let place):
            try store.setPlace(place, meeting: meeting.id, by: author)
            return nil
        case .absence(let id, let reason):
            try store.setAbsenceReason(reason, member: id, meeting: meeting.id, by: author)
            return nil
        case .guests(let names):
            try store.setGuests(names, meeting: meeting.id, by: author)
            return nil
        case .correction(let id, let text):
            return .recorded(try store.correctEntry(id, text: text, meeting: meeting.id, by: author, at: now), nil)
        case .actionItem(let draft, let section, let subject):
            let (entry, task) = try store.addActionItem(title: draft.title, target: draft.target, ownerID: draft.ownerID, due: draft.due,
                                                        section: section, subject: subject, meeting: meeting.id, by: author, at: now)
            return .recorded(entry, task)
        case .end(let seconds, let summary):
            let board = try store.board(today: ctx.today)
            let snapshot = ProgressSnapshot.take(board, tasks: try store.tasks(), kind: .meeting)
            try store.endMeeting(meeting.id, sectionSeconds: seconds, summary: summary, snapshot: snapshot, by: author, at: now)
            let ended = try store.meeting(on: ctx.today)
            if let ended, let file = store as? Store { ctx.hooks.meetingEnded(ended, store: file) }
            return ended.map(MeetingMessage.ended)
        }
    }
}
