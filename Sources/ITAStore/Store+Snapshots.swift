import Foundation
import GRDB
import ITACore

extension Store {
    /// Stores a snapshot. A second daily snapshot for the same day replaces the first.
    public func record(_ snapshot: ProgressSnapshot) throws {
        try write { db in try Self.insert(snapshot, db) }
    }

    static func insert(_ snapshot: ProgressSnapshot, _ db: Database) throws {
        let detail = try Self.detail(of: snapshot)
        if snapshot.kind == .daily { try db.execute(sql: "DELETE FROM snapshot WHERE kind = 'daily' AND day = ?", arguments: [snapshot.day.iso]) }
        try db.execute(sql: """
            INSERT INTO snapshot (day, kind, projected, open_items, tasks_done, tasks_total, overdue, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [snapshot.day.iso, snapshot.kind.rawValue, snapshot.projected, snapshot.openItems,
                             snapshot.tasksDone, snapshot.tasksTotal, snapshot.overdue, detail])
    }

    static func detail(of snapshot: ProgressSnapshot) throws -> String {
        String(decoding: try JSONEncoder().encode(Detail(indicators: snapshot.indicators, owners: snapshot.owners)), as: UTF8.self)
    }

    /// Whether a daily snapshot exists for `day`.
    public func hasDailySnapshot(on day: CivilDate) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM snapshot WHERE kind = 'daily' AND day = ?", arguments: [day.iso]) ?? false }
    }

    /// Takes today's daily snapshot if there is none yet (every command calls this; it costs one
    /// indexed lookup on all but the first run of the day). Returns whether it took one.
    @discardableResult
    public func takeDailySnapshotIfMissing(today: CivilDate) throws -> Bool {
        guard try !hasDailySnapshot(on: today) else { return false }
        try record(ProgressSnapshot.take(try board(today: today), tasks: try tasks(), kind: .daily, day: today))
        return true
    }

    /// Snapshots from `day` on (all when nil), oldest first.
    public func snapshots(since day: CivilDate? = nil) throws -> [ProgressSnapshot] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM snapshot WHERE day >= ? ORDER BY day, id", arguments: [day?.iso ?? ""]).compactMap { row in
                guard let day = CivilDate(iso: row["day"]), let kind = ProgressSnapshot.Kind(rawValue: row["kind"]),
                      let detail = try? JSONDecoder().decode(Detail.self, from: Data((row["detail"] as String).utf8)) else { return nil }
                return ProgressSnapshot(day: day, kind: kind, projected: row["projected"], openItems: row["open_items"],
                                        tasksDone: row["tasks_done"], tasksTotal: row["tasks_total"], overdue: row["overdue"],
                                        indicators: detail.indicators, owners: detail.owners)
            }
        }
    }

    /// A snapshot's per-indicator and per-owner counts, as JSON (the file's and the server's `detail`).
    struct Detail: Codable {
        var indicators: [Int: [Int]]
        var owners: [String: ProgressSnapshot.OwnerCounts]
    }
}

extension Store {
    /// Each member's latest change in the audit log.
    public func lastActivity() throws -> [Int64: Timestamp] {
        try read { db in
            var result: [Int64: Timestamp] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT * FROM (SELECT m.id AS member_id,
                    (SELECT at FROM audit WHERE member_id = m.id ORDER BY at_epoch DESC LIMIT 1) AS at FROM member m)
                WHERE at IS NOT NULL
                """) {
                if let at = Timestamp(iso: row["at"]) { result[row["member_id"]] = at }
            }
            return result
        }
    }
}

extension Store {
    // MARK: Evidence checks (an observation of the web, not audited)

    /// Keeps what a check found, replacing the last result for each URL.
    public func record(_ checks: [EvidenceCheck]) throws {
        try write { db in
            for c in checks {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO evidence_check (url, checked_at, status, final_url, content_type, size, last_modified, title,
                                                           file_name, redirects, error, years)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [c.url, c.checkedAt.iso, c.status, c.finalURL, c.contentType, c.size, c.lastModified, c.title,
                                     c.fileName, c.redirects, c.error, c.yearsMentioned.map(String.init).joined(separator: ",")])
            }
        }
    }

    /// The last check of every URL checked, by URL.
    public func evidenceChecks() throws -> [String: EvidenceCheck] {
        try read { db in try Self.evidenceChecks(db) }
    }

    static func evidenceChecks(_ db: Database) throws -> [String: EvidenceCheck] {
        var out: [String: EvidenceCheck] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT * FROM evidence_check") {
            guard let at = Timestamp(iso: r["checked_at"]) else { continue }
            out[r["url"]] = EvidenceCheck(url: r["url"], checkedAt: at, status: r["status"], finalURL: r["final_url"], contentType: r["content_type"],
                                          size: r["size"], lastModified: r["last_modified"], title: r["title"], fileName: r["file_name"],
                                          redirects: r["redirects"], error: r["error"],
                                          yearsMentioned: (r["years"] as String).split(separator: ",").compactMap { Int($0) })
        }
        return out
    }
}

extension Store {
    /// What was already posted through `channel` on `day`: the (step, recipient) pairs of `ita remind --send`.
    public func sent(channel: String, day: CivilDate) throws -> Set<SentReminder> {
        try read { db in
            Set(try Row.fetchAll(db, sql: "SELECT step, recipient FROM sent WHERE channel = ? AND day = ?", arguments: [channel, day.iso])
                .map { SentReminder(step: $0["step"], recipient: $0["recipient"]) })
        }
    }

    /// Notes reminders as posted (a re-send with --force keeps one row per pair, with the latest time).
    public func recordSent(_ reminders: [SentReminder], channel: String, day: CivilDate, at now: Timestamp, login: String,
                           requestID: String?) throws {
        try write { db in
            for r in reminders {
                try db.execute(sql: "INSERT OR REPLACE INTO sent (channel, day, step, recipient, sent_at, os_login, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               arguments: [channel, day.iso, r.step, r.recipient, now.iso, login, requestID])
            }
        }
    }
}
