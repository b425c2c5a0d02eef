import Foundation
import ITACore
import ITAServer

/// Meetings on a server, as a file keeps them: the chair and the secretary record, every member reads.
/// Entries are only ever added (the server's triggers refuse UPDATE and DELETE on them, and any change
/// to a meeting once it has ended); each entry carries the same chain link and an ended meeting the same
/// seal as in a file. Every row written is audited by the server's trigger, under the action `meeting`
/// (an action item's task under `create`, as a file records it); `ita undo` leaves them alone.
extension ServerStore {
    static let meetingColumns = """
        id, day::text, extract(epoch FROM started_at)::bigint, extract(epoch FROM ended_at)::bigint, attendees, section_seconds::text,
        summary, place, absence::text, guests
        """
    /// The entry columns `entry(from:)` reads, after the column of the entry's meeting.
    static func entryColumns(_ table: String) -> String {
        ["meeting_id", "id", "section", "kind", "subject", "text", "task_id", "member_id", "extract(epoch FROM \(table).at)::bigint",
         "supersedes", "agenda_item"].map { $0.hasPrefix("extract") ? $0 : "\(table).\($0)" }.joined(separator: ", ")
    }

    func entry(from r: [String?]) -> MeetingEntry? {
        guard let section = r[2].flatMap(AgendaSection.init(rawValue:)), let kind = r[3].flatMap(MeetingEntry.Kind.init(rawValue:)),
              let at = stamp(r[8]) else { return nil }
        return MeetingEntry(id: int64(r[1]), section: section, kind: kind, subject: r[4], text: r[5] ?? "", taskID: r[6].flatMap { Int64($0) },
                            memberID: r[7].flatMap { Int64($0) }, at: at, supersedes: r[9].flatMap { Int64($0) }, agendaItem: r[10].flatMap { Int($0) })
    }

    // MARK: Reading

    public func meetings() throws -> [Meeting] { try readMeetings(day: nil) }

    public func meeting(on day: CivilDate) throws -> Meeting? { try readMeetings(day: day).first }

    /// The meetings (of `day` only, when given) and their entries, in one read-only snapshot.
    private func readMeetings(day: CivilDate?) throws -> [Meeting] {
        let o = PGConnection.literal(office)
        let which = "office = \(o)" + (day.map { " AND day = \(PGConnection.literal($0.iso))::date" } ?? "")
        let answers = try run {
            try connection.results(ofScript: [
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                "SELECT \(Self.meetingColumns) FROM ita.meeting WHERE \(which) ORDER BY day",
                "SELECT \(Self.entryColumns("e")) FROM ita.meeting_entry e WHERE e.office = \(o) AND e.meeting_id IN (SELECT id FROM ita.meeting WHERE \(which)) ORDER BY e.id",
                "COMMIT",
            ].joined(separator: ";\n")).map(\.rows)
        }
        var entries: [Int64: [MeetingEntry]] = [:]
        for r in answers[2] { if let entry = entry(from: r) { entries[int64(r[0]), default: []].append(entry) } }
        return answers[1].compactMap { r in
            guard let day = r[1].flatMap(CivilDate.init(iso:)), let started = stamp(r[2]) else { return nil }
            let id = int64(r[0])
            return Store.meeting(id: id, day: day, startedAt: started, endedAt: stamp(r[3]), attendees: r[4] ?? "", sectionSeconds: r[5] ?? "{}",
                                 summary: r[6], place: r[7], absence: r[8], guests: r[9], entries: entries[id] ?? [])
        }
    }

    public func actionItems(before day: CivilDate) throws -> [MeetingEntry] {
        try run {
            try select("""
                SELECT \(Self.entryColumns("e")) FROM ita.meeting_entry e JOIN ita.meeting m ON m.office = e.office AND m.id = e.meeting_id
                WHERE e.office = $1 AND e.kind = 'action' AND m.day < $2::date ORDER BY m.day, e.id
                """, [day.iso]).compactMap(entry(from:))
        }
    }

    public func lastChanged(dueFrom from: CivilDate, to: CivilDate) throws -> [Int64: CivilDate] {
        var result: [Int64: CivilDate] = [:]
        for r in try run({
            try select("""
                SELECT id, extract(epoch FROM updated_at)::bigint FROM ita.task
                WHERE office = $1 AND status IN \(Store.openStatuses) AND archived_at IS NULL AND due >= $2::date AND due <= $3::date
                """, [from.iso, to.iso])
        }) {
            if let at = stamp(r[1]) { result[int64(r[0])] = at.date }
        }
        return result
    }

    // MARK: Recording (chair and secretary only)

    public func startMeeting(on day: CivilDate, by author: Author, at now: Timestamp) throws -> Meeting {
        if let existing = try meeting(on: day) { return existing }
        try recording(nil, by: author) {
            // Two recorders opening the day's meeting at once keep one: the second insert does nothing.
            try connection.execute("""
                INSERT INTO ita.meeting (office, day, started_at) VALUES ($1, $2::date, to_timestamp($3::double precision))
                ON CONFLICT (office, day) DO NOTHING
                """, [office, day.iso, String(now.secondsSince1970)])
        }
        guard let meeting = try meeting(on: day) else { throw StoreError.failed("\(location): the meeting was not stored") }
        return meeting
    }

    public func setAttendees(_ memberIDs: [Int64], meeting id: Int64, by author: Author) throws {
        try update(id, by: author, "attendees = $3", memberIDs.map(String.init).joined(separator: ","))
    }

    public func addEntry(_ kind: MeetingEntry.Kind, section: AgendaSection, subject: String?, text: String, meeting id: Int64,
                         agendaItem: Int? = nil, by author: Author, at now: Timestamp) throws -> MeetingEntry {
        let item = try Store.storedAgendaItem(agendaItem)
        return try recording(id, by: author) {
            try insertEntry(MeetingEntry(id: 0, section: section, kind: kind, subject: subject, text: text, memberID: author.member?.id, at: now,
                                         agendaItem: item), meeting: id)
        }
    }

    public func setPlace(_ place: String, meeting id: Int64, by author: Author) throws {
        try update(id, by: author, "place = $3", try Store.checkedText(place, "a place"))
    }

    public func setAbsenceReason(_ reason: String, member memberID: Int64, meeting id: Int64, by author: Author) throws {
        let text = try Store.checkedText(reason, "a reason")
        try recording(id, by: author) {
            try connection.execute("""
                UPDATE ita.meeting SET absence = CASE WHEN $4 = '' THEN absence - $3 ELSE jsonb_set(absence, ARRAY[$3], to_jsonb($4)) END
                WHERE office = $1 AND id = $2::bigint
                """, [office, String(id), String(memberID), text])
        }
    }

    public func setGuests(_ guests: [String], meeting id: Int64, by author: Author) throws {
        try update(id, by: author, "guests = $3", try Store.checkedGuests(guests).joined(separator: "\n"))
    }

    public func correctEntry(_ entryID: Int64, text: String, meeting id: Int64, by author: Author, at now: Timestamp) throws -> MeetingEntry {
        try recording(id, by: author) {
            guard let old = try select("SELECT \(Self.entryColumns("e")) FROM ita.meeting_entry e WHERE e.office = $1 AND e.id = $2::bigint AND e.meeting_id = $3::bigint",
                                       [String(entryID), String(id)]).first.flatMap(entry(from:)) else {
                throw StoreError.failed("no entry #\(entryID) at this meeting")
            }
            try Store.checkCorrectable(old, correctedBy: try one("SELECT id FROM ita.meeting_entry WHERE office = $1 AND supersedes = $2::bigint",
                                                                  [String(entryID)]).flatMap { Int64($0) })
            return try insertEntry(MeetingEntry(id: 0, section: old.section, kind: old.kind, subject: old.subject, text: text,
                                                memberID: author.member?.id, at: now, supersedes: entryID), meeting: id)
        }
    }

    public func addActionItem(title: String, target: TaskTarget, ownerID: Int64, due: CivilDate, section: AgendaSection, subject: String?,
                              meeting id: Int64, by author: Author, at now: Timestamp) throws -> (MeetingEntry, WorkTask) {
        try recording(id, by: author) {
            guard try one("SELECT 1 FROM ita.member WHERE office = $1 AND id = $2::bigint", [String(ownerID)]) != nil else {
                throw StoreError.failed("no member #\(ownerID)")
            }
            let framework = try framework(json: try one("SELECT framework_json::text FROM ita.assessment WHERE office = $1"))
            // The task is made as a file makes it (`create`: it starts the task's history, and undo leaves it alone).
            try connection.execute("SELECT set_config('ita.action', $1, true)", [AuditAction.create.rawValue])
            guard let task = try select("""
                INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, due, status, updated_at)
                VALUES ($1, $2, $3, $4, $5::integer, $6::bigint, $7::date, 'todo', to_timestamp($8::double precision))
                RETURNING \(Self.taskColumns)
                """, [title, target.kind, target.description, String(framework.indicatorNumber(of: target)), String(ownerID), due.iso,
                      String(now.secondsSince1970)]).first.map(task(from:)) else {
                throw StoreError.failed("\(location): the action item's task was not stored")
            }
            try connection.execute("SELECT set_config('ita.action', $1, true)", [Self.meetingAction])
            let entry = try insertEntry(MeetingEntry(id: 0, section: section, kind: .action, subject: subject, text: title, taskID: task.id,
                                                     memberID: author.member?.id, at: now), meeting: id)
            return (entry, task)
        }
    }

    public func saveSectionSeconds(_ seconds: [String: Int], meeting id: Int64, by author: Author) throws {
        try update(id, by: author, "section_seconds = $3::jsonb", try Store.encoded(seconds))
    }

    public func endMeeting(_ id: Int64, sectionSeconds: [String: Int], summary: MeetingSummary, snapshot: ProgressSnapshot,
                           by author: Author, at now: Timestamp) throws {
        try recording(id, by: author) {
            guard let r = try select("SELECT \(Self.meetingColumns) FROM ita.meeting WHERE office = $1 AND id = $2::bigint", [String(id)]).first,
                  let started = stamp(r[2]) else {
                throw StoreError.failed("no meeting #\(id)")
            }
            // The seal covers the record as it is closed, as a file seals it (the reasons as a file writes
            // their JSON); after this the server refuses any change to the row.
            let seconds = try Store.encoded(sectionSeconds), text = try Store.encoded(summary)
            let absence = try Store.encoded(Dictionary(uniqueKeysWithValues: Store.absenceReasons(r[8] ?? "{}").map { (String($0.key), $0.value) }))
            let seal = Store.seal([id, r[1] ?? "", started.iso, now.iso, r[4] ?? "", seconds, text, r[7] ?? "", absence, r[9] ?? ""])
            try connection.execute("""
                UPDATE ita.meeting SET ended_at = to_timestamp($3::double precision), section_seconds = $4::jsonb, summary = $5, seal = $6
                WHERE office = $1 AND id = $2::bigint
                """, [office, String(id), String(now.secondsSince1970), seconds, text, seal])
            _ = try insert(snapshot)
        }
    }

    // MARK: Helpers

    /// The action the audit log records a meeting's rows under.
    static let meetingAction = "meeting"

    /// Runs `body` in one transaction for a recorder (the chair or the secretary), the audit naming the
    /// change `meeting`; with `meeting`, that meeting's row locked first and refused once it has ended.
    @discardableResult
    private func recording<T>(_ meeting: Int64?, by author: Author, _ body: () throws -> T) throws -> T {
        if let readOnlyReason { throw StoreError.readOnly(path: location, reason: readOnlyReason) }
        try Store.checkRecorder(author)
        return try run {
            try connection.transaction {
                let actingFor = author.member.flatMap { $0.login == author.login ? nil : $0.login }
                try connection.execute("SELECT set_config('ita.action', $1, true), set_config('ita.acting_for', $2, true)",
                                       [Self.meetingAction, actingFor ?? ""])
                if let meeting {
                    guard let r = try select("SELECT day::text, ended_at IS NOT NULL FROM ita.meeting WHERE office = $1 AND id = $2::bigint FOR UPDATE",
                                             [String(meeting)]).first else {
                        throw StoreError.failed("no meeting #\(meeting)")
                    }
                    if r[1] == "t", let day = r[0].flatMap(CivilDate.init(iso:)) { throw StoreError.meetingEnded(day: day) }
                }
                return try body()
            }
        }
    }

    /// Sets one column of an open meeting (`$3` its value).
    private func update(_ meeting: Int64, by author: Author, _ assignment: String, _ value: String) throws {
        try recording(meeting, by: author) {
            try connection.execute("UPDATE ita.meeting SET \(assignment) WHERE office = $1 AND id = $2::bigint", [office, String(meeting), value])
        }
    }

    /// Adds an entry, numbered after the office's last one and linked to its chain (the meeting's row is
    /// locked, so entries of the meeting are added one at a time).
    private func insertEntry(_ draft: MeetingEntry, meeting: Int64) throws -> MeetingEntry {
        let last = try select("SELECT id, chain FROM ita.meeting_entry WHERE office = $1 ORDER BY id DESC LIMIT 1").first
        var entry = draft
        entry.id = int64(last?[0] ?? nil) + 1
        try connection.execute("""
            INSERT INTO ita.meeting_entry (office, id, meeting_id, section, kind, subject, text, task_id, member_id, at, chain, supersedes, agenda_item)
            VALUES ($1, $2::bigint, $3::bigint, $4, $5, $6, $7, $8::bigint, $9::bigint, to_timestamp($10::double precision), $11, $12::bigint, $13::integer)
            """, [office, String(entry.id), String(meeting), entry.section.rawValue, entry.kind.rawValue, entry.subject, entry.text,
                  entry.taskID.map(String.init), entry.memberID.map(String.init), String(entry.at.secondsSince1970),
                  Store.chain(of: entry, meeting: meeting, after: (last?[1] ?? nil) ?? ""), entry.supersedes.map(String.init),
                  entry.agendaItem.map(String.init)])
        return entry
    }
}
