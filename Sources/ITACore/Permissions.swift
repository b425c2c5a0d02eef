/// Who may change what. The rule lives here so every front end obeys the same one.
public enum Permissions {
    public enum Denial: Hashable, Sendable {
        /// The person at the keyboard is not on the committee.
        case notAMember(login: String)
        /// An owner or member tried to change someone else's task.
        case notYourTask(ownerName: String)
        /// An owner tried to add a task on an indicator or item someone else owns.
        case notYourTarget(ownerName: String)
        /// Only the chair or the secretary may do this.
        case coordinatorsOnly
    }

    /// An owner may change their own tasks; chair and secretary all tasks; others none.
    public static func canChange(_ task: WorkTask, actor: Member?, login: String, owner: Member?) -> Denial? {
        check(.status, actor: actor, login: login, ownerID: task.ownerID, ownerName: owner?.name)
    }

    /// Plan-wide records (respondent counts) are kept by the chair and the secretary.
    public static func canRecordPlanData(actor: Member?, login: String) -> Denial? {
        check(.respondents, actor: actor, login: login)
    }

    /// `--as LOGIN`: the chair and secretary may act as another member (to tick work reported to
    /// them), and so may the machine's administrator, who can edit the database file anyway.
    public static func canActAs(actual: Member?, login: String, isAdministrator: Bool) -> Denial? {
        if isAdministrator { return nil }
        guard let actual else { return .notAMember(login: login) }
        return actual.coordinates ? nil : .coordinatorsOnly
    }
}

/// Why a viewer may only read the database, whatever their role.
public enum ReadOnlyReason: Hashable, Sendable {
    /// The user asked for it (`--read-only`).
    case requested
    /// This account may not write the database file.
    case fileNotWritable
    /// This account may not write the file's directory, where SQLite keeps the `-wal` and `-shm` files.
    case directoryNotWritable
    /// On a PostgreSQL server, this login is a viewer of the office (a province or ministry), not a member.
    case viewer
}
