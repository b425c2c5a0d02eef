import GRDB
import ITACore

/// What can go wrong opening or changing a database, in terms a front end can explain.
public enum StoreError: Error, Hashable, Sendable {
    case noDatabase(path: String)
    case notADatabase(path: String, detail: String)
    case newerVersion(path: String)
    case alreadyExists(path: String)
    case unknownTask(id: Int64)
    case unknownTool(code: String)
    case denied(Permissions.Denial)
    case nothingToUndo
    /// The value changed since the change being undone (by someone else); nothing was written.
    case undoConflict(entity: AuditEntity, key: String, field: String)
    /// The meeting of that day has ended; its record no longer changes.
    case meetingEnded(day: CivilDate)
    /// This store may only read: the file or its directory is not writable, or `--read-only`.
    case readOnly(path: String, reason: ReadOnlyReason)
    /// The database is of an older version and this account cannot upgrade it (it may only read).
    case needsUpgrade(path: String)
    /// Another program held the database for longer than the busy timeout.
    case busy(path: String)
    /// The disk or the file system refused to grow the file.
    case full(path: String)
    /// The file is damaged (SQLite found it malformed).
    case corrupt(path: String)
    /// Reading or writing the file failed at the operating system.
    case ioError(path: String, detail: String)
    /// The database refused a change: a protecting trigger or a rule of the schema.
    case refused(path: String, detail: String)
    /// A plan change refused for its content (the field and why).
    case invalid(PlanProblem)
    /// Someone else saved a change to the task since the editor read it; nothing was written.
    case editConflict(taskID: Int64, by: String, at: Timestamp)
    case failed(String)
}

extension StoreError {
    /// Maps an SQLite error to what a user can act on; every DatabaseError passes here.
    init(_ error: DatabaseError, path: String) {
        let detail = error.message ?? error.description
        switch error.resultCode {
        case .SQLITE_READONLY: self = .readOnly(path: path, reason: .fileNotWritable)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt(path: path)
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .ioError(path: path, detail: detail)
        case .SQLITE_CONSTRAINT, .SQLITE_ABORT, .SQLITE_MISMATCH: self = .refused(path: path, detail: detail)
        default: self = .failed("\(path): \(detail)")
        }
    }
}

/// Who is making a change: the OS login at the keyboard and the member it maps to (if any).
public struct Author: Hashable, Sendable {
    public var login: String
    public var member: Member?

    public init(login: String, member: Member?) {
        self.login = login
        self.member = member
    }
}

/// Which tasks to list.
public struct TaskQuery: Hashable, Sendable {
    public var ownerID: Int64?
    public var indicator: Int?
    public var item: String?
    public var status: TaskStatus?
    /// Only open tasks due before this day.
    public var overdueOn: CivilDate?
    /// Only open tasks due from `dueWithin.lowerBound` through `dueWithin.upperBound`.
    public var dueWithin: ClosedRange<CivilDate>?
    /// Archived tasks only (otherwise they are left out).
    public var archived = false

    public init(ownerID: Int64? = nil, indicator: Int? = nil, item: String? = nil, status: TaskStatus? = nil,
                overdueOn: CivilDate? = nil, dueWithin: ClosedRange<CivilDate>? = nil, archived: Bool = false) {
        self.archived = archived
        self.ownerID = ownerID
        self.indicator = indicator
        self.item = item
        self.status = status
        self.overdueOn = overdueOn
        self.dueWithin = dueWithin
    }
}

extension StoreError {
    /// A change to an archived task, refused (on every store): it must be restored first.
    static func archived(_ id: Int64) -> StoreError {
        .invalid(PlanProblem(field: "id", "task #\(id) is archived: restore it first (ita restore \(id))",
                             th: "งาน #\(id) ถูกเก็บเข้าคลังแล้ว: นำกลับก่อน (ita restore \(id))"))
    }
}
