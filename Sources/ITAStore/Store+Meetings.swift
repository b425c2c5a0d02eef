import Foundation
import GRDB
import ITACore

extension Store {
    // MARK: Reading meetings

    /// The meeting held on `day`, with its entries.
    public func meeting(on day: CivilDate) throws -> Meeting? {
        try read { db in try Self.meetings(db, where: "day = ?", [day.iso]).first }
    }

    /// Every meeting, oldest first.
    public func meetings() throws -> [Meeting] {
        try read { db in try Self.meetings(db, where: "1", []) }
    }

    /// The latest meeting before `day`.
    public func meeting(before day: CivilDate) throws -> Meeting? {
        try read { db in try Self.meetings(db, where: "day < ?", [day.iso]).last }
    }

    /// Action items recorded at meetings before `day`, oldest first.
    public func actionItems(before day: CivilDate) throws -> [MeetingEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM meeting_entry e JOIN meeting m ON m.id = e.meeting_id
                WHERE e.kind = 'action' AND m.day < ? ORDER BY m.day, e.id
                """, arguments: [day.iso]).compactMap(Self.entryFromRow)
        }
    }

    /// The day each open task due from `from` through `to` last changed (its creation counts).
    public func lastChanged(dueFrom from: CivilDate, to: CivilDate) throws -> [Int64: CivilDate] {
        try read { db in
            var result: [Int64: CivilDate] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, updated_at FROM task WHERE status IN \(Self.openStatuses) AND \(Self.live) AND due >= ? AND due <= ?
                """, arguments: [from.iso, to.iso]) {
                if let at = Timestamp(iso: row["updated_at"]) { result[row["id"]] = at.date }
            }
            return result
        }
    }

    private static func meetings(_ db: Database, where clause: String, _ arguments: StatementArguments) throws -> [Meeting] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM meeting WHERE \(clause) ORDER BY day", arguments: arguments)
        return try rows.compactMap { row -> Meeting? in
            guard let day = CivilDate(iso: row["day"]), let started = Timestamp(iso: row["started_at"]) else { return nil }
            let id: Int64 = row["id"]
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM meeting_entry WHERE meeting_id = ? ORDER BY id", arguments: [id])
                .compactMap(entryFromRow)
            return meeting(id: id, day: day, startedAt: started, endedAt: (row["ended_at"] as String?).flatMap(Timestamp.init(iso:)),
                           attendees: row["attendees"], sectionSeconds: row["section_seconds"], summary: row["summary"], place: row["place"],
                           absence: row["absence"], guests: row["guests"], entries: entries)
        }
    }

    /// A meeting from its columns as either backend stores them (attendees as `1,2,3`, the times per
    /// section, the summary and the reasons for absence as JSON, guests a line each).
    static func meeting(id: Int64, day: CivilDate, startedAt: Timestamp, endedAt: Timestamp?, attendees: String, sectionSeconds: String,
                        summary: String?, place: String?, absence: String?, guests: String?, entries: [MeetingEntry]) -> Meeting {
        let seconds = (try? JSONDecoder().decode([String: Int].self, from: Data(sectionSeconds.utf8))) ?? [:]
        var meeting = Meeting(id: id, day: day, startedAt: startedAt, endedAt: endedAt,
                              attendees: attendees.split(separator: ",").compactMap { Int64($0) }, entries: entries, sectionSeconds: seconds,
                              summary: summary.flatMap { try? JSONDecoder().decode(MeetingSummary.self, from: Data($0.utf8)) })
        meeting.place = place ?? ""
        meeting.absenceReasons = absenceReasons(absence ?? "{}")
        meeting.guests = (guests ?? "").split(separator: "\n").map(String.init)
        return meeting
    }

    /// The reasons for absence as stored (JSON keyed by member id).
    static func absenceReasons(_ json: String) -> [Int64: String] {
        let absence = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        return Dictionary(uniqueKeysWithValues: absence.compactMap { key, value in Int64(key).map { ($0, value) } })
    }

    private static func entryFromRow(_ row: Row) -> MeetingEntry? {
        guard let section = AgendaSection(rawValue: row["section"]), let kind = MeetingEntry.Kind(rawValue: row["kind"]),
              let at = Timestamp(iso: row["at"]) else { return nil }
        return MeetingEntry(id: row["id"], section: section, kind: kind, subject: row["subject"], text: row["text"], taskID: row["task_id"],
                            memberID: row["member_id"], at: at, supersedes: row["supersedes"], agendaItem: row["agenda_item"])
    }

    // MARK: Recording (chair and secretary only)

    /// Opens the meeting of `day`: the one already there, or a new one started now.
    public func startMeeting(on day: CivilDate, by author: Author, at now: Timestamp) throws -> Meeting {
        if let existing = try meeting(on: day) { return existing }
        try write { db in
            try Self.checkRecorder(author)
            try db.execute(sql: "INSERT OR IGNORE INTO meeting (day, started_at) VALUES (?, ?)", arguments: [day.iso, now.iso])
        }
        guard let meeting = try meeting(on: day) else { throw StoreError.failed("\(path): the meeting was not stored") }
        return meeting
    }

    /// Records who is present (replacing the list).
    public func setAttendees(_ memberIDs: [Int64], meeting id: Int64, by author: Author) throws {
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            try db.execute(sql: "UPDATE meeting SET attendees = ? WHERE id = ?",
                           arguments: [memberIDs.map(String.init).joined(separator: ","), id])
        }
    }

    /// Records a note or a decision.
    public func addEntry(_ kind: MeetingEntry.Kind, section: AgendaSection, subject: String?, text: String, meeting id: Int64,
                         agendaItem: Int? = nil, by author: Author, at now: Timestamp) throws -> MeetingEntry {
        let item = try Self.storedAgendaItem(agendaItem)
        return try write { db in
            try Self.checkOpen(db, meeting: id, author)
            return try Self.insertEntry(db, meeting: id, section: section, kind: kind, subject: subject, text: text, taskID: nil,
                                        author: author, at: now, agendaItem: item)
        }
    }

    /// Where the meeting is held (ณ …).
    public func setPlace(_ place: String, meeting id: Int64, by author: Author) throws {
        let text = try Self.checkedText(place, "a place")
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            try db.execute(sql: "UPDATE meeting SET place = ? WHERE id = ?", arguments: [text, id])
        }
    }

    /// Why a member is absent; an empty reason clears it.
    public func setAbsenceReason(_ reason: String, member memberID: Int64, meeting id: Int64, by author: Author) throws {
        let text = try Self.checkedText(reason, "a reason")
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            let stored: String = try String.fetchOne(db, sql: "SELECT absence FROM meeting WHERE id = ?", arguments: [id]) ?? "{}"
            var reasons = (try? JSONDecoder().decode([String: String].self, from: Data(stored.utf8))) ?? [:]
            reasons[String(memberID)] = text.isEmpty ? nil : text
            try db.execute(sql: "UPDATE meeting SET absence = ? WHERE id = ?", arguments: [try Self.encoded(reasons), id])
        }
    }

    /// Who attended without being a member (ผู้เข้าร่วมประชุม), replacing the list.
    public func setGuests(_ guests: [String], meeting id: Int64, by author: Author) throws {
        let names = try Self.checkedGuests(guests)
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            try db.execute(sql: "UPDATE meeting SET guests = ? WHERE id = ?", arguments: [names.joined(separator: "\n"), id])
        }
    }

    /// Corrects a note or a decision of the open meeting: a new entry with the new text that
    /// supersedes it (nothing recorded is ever changed; the minutes show the current text, marked as
    /// corrected). Action items are tasks: they are corrected by changing the task.
    public func correctEntry(_ entryID: Int64, text: String, meeting id: Int64, by author: Author, at now: Timestamp) throws -> MeetingEntry {
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM meeting_entry WHERE id = ? AND meeting_id = ?", arguments: [entryID, id]),
                  let old = Self.entryFromRow(row) else {
                throw StoreError.failed("no entry #\(entryID) at this meeting")
            }
            try Self.checkCorrectable(old, correctedBy: try Int64.fetchOne(db, sql: "SELECT id FROM meeting_entry WHERE supersedes = ?", arguments: [entryID]))
            return try Self.insertEntry(db, meeting: id, section: old.section, kind: old.kind, subject: old.subject, text: text, taskID: nil,
                                        author: author, at: now, supersedes: entryID)
        }
    }

    /// Records an action item: a new task for `ownerID`, due `due`, saved with its entry in one transaction.
    public func addActionItem(title: String, target: TaskTarget, ownerID: Int64, due: CivilDate, section: AgendaSection, subject: String?,
                              meeting id: Int64, by author: Author, at now: Timestamp) throws -> (MeetingEntry, WorkTask) {
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE id = ?", arguments: [ownerID]) ?? false else {
                throw StoreError.failed("no member #\(ownerID)")
            }
            let framework = try Self.framework(db)
            let taskID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM task") ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO task (id, title, target_kind, target, indicator, owner_id, due, status, evidence, note, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'todo', '[]', '', ?)
                """, arguments: [taskID, title, target.kind, target.description, framework.indicatorNumber(of: target), ownerID, due.iso, now.iso])
            try Self.recordCreation(of: [taskID], author: author, now: now, db: db)
            let entry = try Self.insertEntry(db, meeting: id, section: section, kind: .action, subject: subject, text: title, taskID: taskID,
                                             author: author, at: now)
            let task = try Row.fetchOne(db, sql: "SELECT \(Self.taskColumns) FROM task WHERE id = ?", arguments: [taskID]).map(Self.taskFromRow)!
            return (entry, task)
        }
    }

    /// Keeps the time spent per section (so a meeting resumed after a crash keeps its clock).
    public func saveSectionSeconds(_ seconds: [String: Int], meeting id: Int64, by author: Author) throws {
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            try db.execute(sql: "UPDATE meeting SET section_seconds = ? WHERE id = ?", arguments: [try Self.encoded(seconds), id])
        }
    }

    /// Ends a meeting: its time per section, the agenda as it stood and a progress snapshot, in one transaction.
    public func endMeeting(_ id: Int64, sectionSeconds: [String: Int], summary: MeetingSummary, snapshot: ProgressSnapshot,
                           by author: Author, at now: Timestamp) throws {
        try write { db in
            try Self.checkOpen(db, meeting: id, author)
            guard let row = try Row.fetchOne(db, sql: "SELECT id, day, started_at, attendees, place, absence, guests FROM meeting WHERE id = ?", arguments: [id]) else {
                throw StoreError.failed("no meeting #\(id)")
            }
            // The seal covers the record as it is closed; after this a trigger refuses any change to the row.
            let seal = Self.seal([row[0] as Int64, row[1] as String, row[2] as String, now.iso, row[3] as String, try Self.encoded(sectionSeconds),
                                  try Self.encoded(summary), row[4] as String, row[5] as String, row[6] as String])
            try db.execute(sql: "UPDATE meeting SET ended_at = ?, section_seconds = ?, summary = ?, seal = ? WHERE id = ?",
                           arguments: [now.iso, try Self.encoded(sectionSeconds), try Self.encoded(summary), seal, id])
            try Self.insert(snapshot, db)
        }
    }

    /// A closed meeting's seal, of its columns as they are closed: id, day, started, ended, attendees, the times
    /// per section and the summary as JSON, place, absence reasons as JSON, guests.
    static func seal(_ columns: [DatabaseValueConvertible]) -> String {
        chainHash(previous: "", values: meetingSealValues(columns.map(\.databaseValue)))
    }

    // MARK: What either backend checks before recording

    /// The ระเบียบวาระ an entry is stored under: nil for วาระ 4 (the agenda a–f), the default.
    static func storedAgendaItem(_ item: Int?) throws -> Int? {
        if let item, !MinutesItem.all.contains(item) { throw StoreError.failed("no ระเบียบวาระ \(item) (1–5)") }
        return item == MinutesItem.considered ? nil : item
    }

    /// A place or a reason, trimmed, at most `Limits.textLength` characters.
    static func checkedText(_ text: String, _ what: String) throws -> String {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= Limits.textLength else { throw StoreError.failed("\(what) is at most \(Limits.textLength) characters") }
        return trimmed
    }

    /// Guest names, trimmed, the empty ones left out: at most 100, each at most `Limits.textLength` characters.
    static func checkedGuests(_ guests: [String]) throws -> [String] {
        let names = guests.map(\.trimmingWhitespace).filter { !$0.isEmpty }
        guard names.count <= 100, names.allSatisfy({ $0.count <= Limits.textLength }) else { throw StoreError.failed("too many or too long guest names") }
        return names
    }

    /// An entry that may be corrected: not an action item (its task is changed instead), not corrected already.
    static func checkCorrectable(_ old: MeetingEntry, correctedBy newer: Int64?) throws {
        guard old.kind != .action else { throw StoreError.failed("entry #\(old.id) is an action item: change its task instead") }
        if let newer { throw StoreError.failed("entry #\(old.id) was already corrected by #\(newer)") }
    }

    static func checkRecorder(_ author: Author) throws {
        if let denial = Permissions.canRecordMeeting(actor: author.member, login: author.login) { throw StoreError.denied(denial) }
    }

    private static func checkOpen(_ db: Database, meeting id: Int64, _ author: Author) throws {
        try checkRecorder(author)
        guard let row = try Row.fetchOne(db, sql: "SELECT day, ended_at FROM meeting WHERE id = ?", arguments: [id]) else {
            throw StoreError.failed("no meeting #\(id)")
        }
        if (row["ended_at"] as String?) != nil, let day = CivilDate(iso: row["day"]) { throw StoreError.meetingEnded(day: day) }
    }

    private static func insertEntry(_ db: Database, meeting: Int64, section: AgendaSection, kind: MeetingEntry.Kind, subject: String?,
                                    text: String, taskID: Int64?, author: Author, at now: Timestamp, supersedes: Int64? = nil,
                                    agendaItem: Int? = nil) throws -> MeetingEntry {
        let last = try Row.fetchOne(db, sql: "SELECT id, chain FROM meeting_entry ORDER BY id DESC LIMIT 1")
        let entry = MeetingEntry(id: (last?[0] as Int64? ?? 0) + 1, section: section, kind: kind, subject: subject, text: text, taskID: taskID,
                                 memberID: author.member?.id, at: now, supersedes: supersedes, agendaItem: agendaItem)
        try db.execute(sql: """
            INSERT INTO meeting_entry (id, meeting_id, section, kind, subject, text, task_id, member_id, at, chain, supersedes, agenda_item)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.id, meeting, section.rawValue, kind.rawValue, subject, text, taskID, entry.memberID, now.iso,
                             chain(of: entry, meeting: meeting, after: last?[1] ?? ""), supersedes, agendaItem])
        return entry
    }

    /// An entry's link in the office's chain of meeting entries (what `ita verify` checks), after the previous entry's link.
    static func chain(of entry: MeetingEntry, meeting: Int64, after previous: String) -> String {
        let values: [DatabaseValueConvertible?] = [entry.id, meeting, entry.section.rawValue, entry.kind.rawValue, entry.subject, entry.text,
                                                   entry.taskID, entry.memberID, entry.at.iso]
        return chainHash(previous: previous, values: entryHashValues(values.map { $0?.databaseValue ?? .null }, supersedes: entry.supersedes,
                                                                     agendaItem: entry.agendaItem))
    }

    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
