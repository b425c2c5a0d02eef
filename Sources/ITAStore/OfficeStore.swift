import ITACore

/// What the daily commands and the dashboard need of one office's store, on either backend: an
/// office's SQLite file (`Store`, the embedded default) or its rows on a PostgreSQL server
/// (`ServerStore`). Synchronous, like the store: the dashboard blocks in the terminal's input timeout.
///
/// The contract suite (Tests/ITAServerTests/ContractTests.swift) runs the same assertions on both.
public protocol OfficeStore: AnyObject {
    /// Where the store is, as messages name it: the file's path, or the office and its server.
    var location: String { get }
    /// Why this store refuses every change; nil when it may write.
    var readOnlyReason: ReadOnlyReason? { get }
    /// The login its user is known by when the store, not the OS, decides it: the database role on a
    /// server (`session_user`); nil for a file (the OS login).
    var storeLogin: String? { get }

    func framework() throws -> Framework
    func members() throws -> [Member]
    /// Everything the status views need, read at one moment.
    func board(today: CivilDate, dueGroupLimit: Int) throws -> Board
    /// Tasks matching `query`, in id order.
    func tasks(_ query: TaskQuery) throws -> [WorkTask]
    /// These tasks as stored now, in id order (unknown and archived ones left out).
    func tasks(ids: [Int64]) throws -> [WorkTask]
    func task(id: Int64) throws -> WorkTask?
    /// Applies a change to one task for `author`, or refuses it with the permission rule's reason.
    @discardableResult
    func apply(_ change: TaskChange, toTask id: Int64, by author: Author, at now: Timestamp, confirmRecurrence: Bool) throws -> Store.ChangeResult
    /// Applies plan changes as one audited change (one `ita undo` reverses them all), each checked for its
    /// content and who may make it; any refusal writes nothing. With `dryRun`, worked out and rolled back.
    @discardableResult
    func apply(_ changes: [PlanChange], by author: Author, at now: Timestamp, action: AuditAction?, dryRun: Bool) throws -> Store.PlanResult
    /// Reverses `author`'s most recent change that is not itself an undo and has not been undone (refused,
    /// writing nothing, if a field it wrote has changed since); the entries of the change reversed.
    @discardableResult
    func undoLastChange(by author: Author, at now: Timestamp) throws -> [AuditEntry]
    /// Records how many have answered a survey so far (the chair and the secretary); the quota stays.
    func setRespondents(tool: String, count: Int, by author: Author, at now: Timestamp) throws -> Respondents
    /// Takes today's daily progress snapshot if there is none yet (the weekly review's history); whether it took one.
    @discardableResult
    func takeDailySnapshotIfMissing(today: CivilDate) throws -> Bool
    /// Progress snapshots from `day` on (all when nil), oldest first.
    func snapshots(since day: CivilDate?) throws -> [ProgressSnapshot]
    /// Each member's latest change, by member id.
    func lastActivity() throws -> [Int64: Timestamp]
    /// The office's change sequence: the number of its last change (0 before any).
    func changeSequence() throws -> Int64
    /// What changed after `sequence` (up to `limit` changes), for a refresh proportional to the change.
    func changes(after sequence: Int64, limit: Int) throws -> StoreChanges
    /// Audit entries, oldest first: from `sinceEpoch` on, the newest `limit` when given.
    func log(sinceEpoch: Int64?, limit: Int?) throws -> [AuditEntry]
    /// A number that differs whenever the office may have changed since it was last read: cheap to ask
    /// every tick (SQLite's data_version and the files; a server's notifications, else its sequence).
    func changeToken() throws -> Int

    // MARK: Reminders posted to LINE
    /// What was posted on `channel` for `day`.
    func sent(channel: String, day: CivilDate) throws -> Set<SentReminder>
    /// Notes reminders as posted.
    func recordSent(_ reminders: [SentReminder], channel: String, day: CivilDate, at now: Timestamp, login: String, requestID: String?) throws

    // MARK: Meetings (meeting mode and the minutes): the chair and the secretary record, every member reads

    /// Every meeting with its entries, oldest first.
    func meetings() throws -> [Meeting]
    /// The meeting held on `day`, with its entries.
    func meeting(on day: CivilDate) throws -> Meeting?
    /// Action items recorded at meetings before `day`, oldest first.
    func actionItems(before day: CivilDate) throws -> [MeetingEntry]
    /// The day each open task due from `from` through `to` last changed (its creation counts).
    func lastChanged(dueFrom from: CivilDate, to: CivilDate) throws -> [Int64: CivilDate]
    /// Opens the meeting of `day`: the one already there, or a new one started now.
    func startMeeting(on day: CivilDate, by author: Author, at now: Timestamp) throws -> Meeting
    /// Records who is present (replacing the list).
    func setAttendees(_ memberIDs: [Int64], meeting id: Int64, by author: Author) throws
    /// Records a note or a decision, under ระเบียบวาระ `agendaItem` (วาระ 4, the agenda a–f, when nil).
    func addEntry(_ kind: MeetingEntry.Kind, section: AgendaSection, subject: String?, text: String, meeting id: Int64,
                  agendaItem: Int?, by author: Author, at now: Timestamp) throws -> MeetingEntry
    /// Where the meeting is held (ณ …).
    func setPlace(_ place: String, meeting id: Int64, by author: Author) throws
    /// Why a member is absent; an empty reason clears it.
    func setAbsenceReason(_ reason: String, member memberID: Int64, meeting id: Int64, by author: Author) throws
    /// Who attended without being a member (ผู้เข้าร่วมประชุม), replacing the list.
    func setGuests(_ guests: [String], meeting id: Int64, by author: Author) throws
    /// Corrects a note or a decision of the open meeting with a new entry that supersedes it (nothing recorded changes).
    func correctEntry(_ entryID: Int64, text: String, meeting id: Int64, by author: Author, at now: Timestamp) throws -> MeetingEntry
    /// Records an action item: a new task for `ownerID`, due `due`, saved with its entry in one transaction.
    func addActionItem(title: String, target: TaskTarget, ownerID: Int64, due: CivilDate, section: AgendaSection, subject: String?,
                       meeting id: Int64, by author: Author, at now: Timestamp) throws -> (MeetingEntry, WorkTask)
    /// Keeps the time spent per section (so a meeting resumed after a crash keeps its clock).
    func saveSectionSeconds(_ seconds: [String: Int], meeting id: Int64, by author: Author) throws
    /// Ends a meeting: its time per section, the agenda as it stood and a progress snapshot, in one transaction;
    /// the record is sealed and nothing more changes it.
    func endMeeting(_ id: Int64, sectionSeconds: [String: Int], summary: MeetingSummary, snapshot: ProgressSnapshot,
                    by author: Author, at now: Timestamp) throws
}

extension OfficeStore {
    public var isReadOnly: Bool { readOnlyReason != nil }

    public func board(today: CivilDate) throws -> Board { try board(today: today, dueGroupLimit: 10) }
    public func tasks() throws -> [WorkTask] { try tasks(TaskQuery()) }

    /// The member a login is now (one who has left is not).
    public func member(login: String) throws -> Member? { try members().first { $0.login == login && !$0.hasLeft } }

    @discardableResult
    public func apply(_ changes: [PlanChange], by author: Author, at now: Timestamp) throws -> Store.PlanResult {
        try apply(changes, by: author, at: now, action: nil, dryRun: false)
    }

    @discardableResult
    public func apply(_ change: TaskChange, toTask id: Int64, by author: Author, at now: Timestamp) throws -> Store.ChangeResult {
        try apply(change, toTask: id, by: author, at: now, confirmRecurrence: false)
    }
}

/// The changes after a sequence number, as a refresh needs them: a field of a row each.
public struct StoreChanges: Hashable, Sendable {
    /// The number of the last change read (the sequence given when there were none).
    public var sequence: Int64
    /// The changes, oldest first: the field written, its value before and after, by whom.
    public var entries: [AuditEntry]
    /// Whether more changes follow `sequence` than the limit let through.
    public var truncated: Bool

    public init(sequence: Int64, entries: [AuditEntry] = [], truncated: Bool = false) {
        self.sequence = sequence
        self.entries = entries
        self.truncated = truncated
    }

    /// The tasks these changes touched.
    public var taskIDs: Set<Int64> { Set(entries.compactMap { $0.entity == .task ? Int64($0.key) : nil }) }
    /// True when every change only ticked existing tasks (status, evidence, note): re-reading those
    /// tasks and the board is enough. False for anything else (a new task, members, the plan).
    public var onlyTicks: Bool { !truncated && entries.allSatisfy { $0.entity == .task && Store.tickFields.contains($0.field) } }
}

extension Store: OfficeStore {
    public var location: String { path }
    public var storeLogin: String? { nil }

    /// The audit log's last row: every change appends one row per field it writes.
    public func changeSequence() throws -> Int64 { try lastAuditID() }

    public func changes(after sequence: Int64, limit: Int = 2_000) throws -> StoreChanges {
        let entries = try log(after: sequence, limit: limit + 1)
        let kept = Array(entries.prefix(limit))
        return StoreChanges(sequence: kept.last?.id ?? sequence, entries: kept, truncated: entries.count > limit)
    }
}
