import Foundation
import GRDB
import ITACore

/// Versioned migrations. A database whose migrations this build does not know was written by a
/// newer version and is refused rather than misread.
enum Schema {
    /// `PRAGMA application_id` of an ITA Board database: "ITAB".
    static let applicationID: Int32 = 0x4954_4142

    /// What `ita verify` expects of the schema after every migration: see `Store.schemaFingerprints`.
    /// A test builds a database and compares; after adding a migration, paste the table it prints.
    static let fingerprints: [String: String] = [
        "assessment": "570baca63e75eda6",
        "audit": "7b8ff0946b31e0d6",
        "audit_member_epoch": "540f6696e90fd6e8",
        "audit_change": "3fb77ee1fd66ea8b",
        "audit_epoch": "56bcfed8c6b8235c",
        "audit_is_append_only_delete": "69ce7feef20737af",
        "audit_is_append_only_update": "15a9664b0f64bb48",
        "audit_undoes": "bac541a3d89e4d06",
        "estimate": "3842f0ada4210634",
        "evidence_check": "cc9ff94df3e04180",
        "holiday": "18a1923365c91bd3",
        "last_year_score": "9d254d6a671adad6",
        "meeting": "7f769467c93659a5",
        "meeting_entry": "60896aeeb2538c58",
        "meeting_entry_corrected_once": "31723d37de9bd4a4",
        "meeting_entry_is_append_only_delete": "6337d12521d970ed",
        "meeting_entry_is_append_only_update": "e079184939ef09b6",
        "meeting_entry_meeting": "5db99364e5da7bb4",
        "meeting_is_kept": "9a57639cf26d7d2c",
        "meeting_is_sealed_once_ended": "cefd5510e1c86228",
        "member": "a628492e50a008e5",
        "milestone": "514f2b07ee85a193",
        "official_result": "35445a1a19ab3062",
        "owner": "f5ba8171bb833351",
        "respondents": "4d57ca0365267667",
        "sent": "81dc43558b68ac09",
        "snapshot": "6d6abe2250ac29b7",
        "snapshot_day": "30834e4c937a13de",
        "snapshot_one_daily": "b4ba18451da16730",
        "task": "c7f3a651a082005a",
        "task_indicator": "1aaeb53ad8b5e2a7",
        "task_open_due": "990554996917cd25",
        "task_owner": "e429e156fa15963c",
        "task_plan_key": "f032188dd89f1261",
        "task_rollup": "4e067d48adf51915",
        "task_status_due": "444f8109ef578505",
        "task_tally": "8e4f329eae37292f",
        "task_tally_delete": "1855a760f606f538",
        "task_tally_insert": "508693655789b89d",
        "task_tally_update": "509afa9a1621cd7e",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                PRAGMA application_id = \(applicationID);
                CREATE TABLE assessment (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    organisation TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL,
                    framework_id TEXT NOT NULL,
                    framework_json TEXT NOT NULL,
                    target_grade TEXT NOT NULL,
                    indicator_target REAL NOT NULL,
                    process_json TEXT NOT NULL,
                    created_on TEXT NOT NULL);
                CREATE TABLE last_year_score (indicator INTEGER PRIMARY KEY, score REAL NOT NULL);
                CREATE TABLE estimate (tool TEXT PRIMARY KEY, score REAL NOT NULL);
                CREATE TABLE respondents (tool TEXT PRIMARY KEY, quota INTEGER NOT NULL CHECK (quota >= 0),
                                          count INTEGER NOT NULL CHECK (count >= 0));
                CREATE TABLE milestone (
                    key TEXT PRIMARY KEY, position INTEGER NOT NULL, title_th TEXT NOT NULL, title_en TEXT NOT NULL,
                    starts TEXT, due TEXT NOT NULL, reminders TEXT NOT NULL);
                CREATE TABLE holiday (date TEXT PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE member (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'owner', 'member')),
                    work_group TEXT NOT NULL DEFAULT '',
                    line_name TEXT NOT NULL DEFAULT '');
                CREATE TABLE owner (
                    target_kind TEXT NOT NULL CHECK (target_kind IN ('indicator', 'item')),
                    target TEXT NOT NULL,
                    member_id INTEGER NOT NULL REFERENCES member(id),
                    PRIMARY KEY (target_kind, target));
                CREATE TABLE task (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    target_kind TEXT NOT NULL CHECK (target_kind IN ('indicator', 'item')),
                    target TEXT NOT NULL,
                    indicator INTEGER NOT NULL,
                    owner_id INTEGER NOT NULL REFERENCES member(id),
                    due TEXT,
                    status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'blocked')),
                    blocked_reason TEXT,
                    evidence TEXT NOT NULL DEFAULT '[]',
                    note TEXT NOT NULL DEFAULT '',
                    phase TEXT,
                    done_by INTEGER REFERENCES member(id),
                    done_at TEXT,
                    updated_at TEXT NOT NULL);
                -- Covers overdue and due-soon reads (which also need the target) without the table rows.
                CREATE INDEX task_status_due ON task(status, due, target_kind, target, owner_id);
                CREATE INDEX task_owner ON task(owner_id);
                -- Covers the nearest-due-per-item read without touching the rows, which carry long titles.
                CREATE INDEX task_rollup ON task(target_kind, target, status, due);
                CREATE INDEX task_indicator ON task(indicator);
                -- Task counts per target and status, kept by the triggers below so the status view
                -- reads a few hundred rows instead of every task. Overdue depends on the day and is
                -- counted from the (status, due) index at read time.
                CREATE TABLE task_tally (
                    target_kind TEXT NOT NULL,
                    target TEXT NOT NULL,
                    status TEXT NOT NULL,
                    total INTEGER NOT NULL,
                    with_evidence INTEGER NOT NULL,
                    PRIMARY KEY (target_kind, target, status)) WITHOUT ROWID;
                CREATE TRIGGER task_tally_insert AFTER INSERT ON task BEGIN
                    INSERT INTO task_tally VALUES (NEW.target_kind, NEW.target, NEW.status, 1, NEW.evidence != '[]')
                    ON CONFLICT (target_kind, target, status) DO UPDATE
                    SET total = total + 1, with_evidence = with_evidence + (NEW.evidence != '[]');
                END;
                CREATE TRIGGER task_tally_delete AFTER DELETE ON task BEGIN
                    UPDATE task_tally SET total = total - 1, with_evidence = with_evidence - (OLD.evidence != '[]')
                    WHERE target_kind = OLD.target_kind AND target = OLD.target AND status = OLD.status;
                    DELETE FROM task_tally WHERE total = 0;
                END;
                CREATE TRIGGER task_tally_update AFTER UPDATE OF target_kind, target, status, evidence ON task BEGIN
                    UPDATE task_tally SET total = total - 1, with_evidence = with_evidence - (OLD.evidence != '[]')
                    WHERE target_kind = OLD.target_kind AND target = OLD.target AND status = OLD.status;
                    INSERT INTO task_tally VALUES (NEW.target_kind, NEW.target, NEW.status, 1, NEW.evidence != '[]')
                    ON CONFLICT (target_kind, target, status) DO UPDATE
                    SET total = total + 1, with_evidence = with_evidence + (NEW.evidence != '[]');
                    DELETE FROM task_tally WHERE total = 0;
                END;
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    change_id INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    at_epoch INTEGER NOT NULL,
                    os_login TEXT NOT NULL,
                    member_id INTEGER,
                    action TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entity_key TEXT NOT NULL,
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT,
                    undoes INTEGER);
                CREATE INDEX audit_change ON audit(change_id);
                CREATE INDEX audit_epoch ON audit(at_epoch);
                CREATE INDEX audit_undoes ON audit(undoes);
                CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2: what each milestone covers") { db in
            try db.execute(sql: "ALTER TABLE milestone ADD COLUMN covers TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v3: progress snapshots") { db in
            // One row per day (kind daily) and one per meeting; the headline figures are columns so
            // trends read without decoding, the per-indicator and per-owner counts are compact JSON.
            try db.execute(sql: """
                CREATE TABLE snapshot (
                    id INTEGER PRIMARY KEY,
                    day TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('daily', 'meeting')),
                    projected REAL NOT NULL,
                    open_items INTEGER NOT NULL,
                    tasks_done INTEGER NOT NULL,
                    tasks_total INTEGER NOT NULL,
                    overdue INTEGER NOT NULL,
                    detail TEXT NOT NULL);
                CREATE UNIQUE INDEX snapshot_one_daily ON snapshot(day) WHERE kind = 'daily';
                CREATE INDEX snapshot_day ON snapshot(day);
                """)
        }
        migrator.registerMigration("v4: follow-up meetings") { db in
            // A meeting per day. Entries are append-only like the audit log: minutes must not change
            // behind the secretary's back. An action item's task lives in `task` like any other.
            try db.execute(sql: """
                ALTER TABLE assessment ADD COLUMN meeting_weekday INTEGER NOT NULL DEFAULT 3 CHECK (meeting_weekday BETWEEN 1 AND 7);
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY,
                    day TEXT NOT NULL UNIQUE,
                    started_at TEXT NOT NULL,
                    ended_at TEXT,
                    attendees TEXT NOT NULL DEFAULT '',
                    section_seconds TEXT NOT NULL DEFAULT '{}',
                    summary TEXT);
                CREATE TABLE meeting_entry (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    section TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('note', 'decision', 'action')),
                    subject TEXT,
                    text TEXT NOT NULL,
                    task_id INTEGER REFERENCES task(id),
                    member_id INTEGER REFERENCES member(id),
                    at TEXT NOT NULL);
                CREATE INDEX meeting_entry_meeting ON meeting_entry(meeting_id);
                CREATE TRIGGER meeting_entry_is_append_only_update BEFORE UPDATE ON meeting_entry
                    BEGIN SELECT RAISE(ABORT, 'meeting entries are append-only'); END;
                CREATE TRIGGER meeting_entry_is_append_only_delete BEFORE DELETE ON meeting_entry
                    BEGIN SELECT RAISE(ABORT, 'meeting entries are append-only'); END;
                """)
        }
        migrator.registerMigration("v5: open tasks by due date") { db in
            // The status view's next deadlines walk this index in date order and stop after a few
            // dates, instead of sorting every open task. Its WHERE must read as `Store.openStatuses`.
            try db.execute(sql: """
                CREATE INDEX task_open_due ON task(due, status, target_kind, target, owner_id)
                    WHERE status IN ('todo', 'in_progress', 'blocked');
                """)
        }
        migrator.registerMigration("v6: tamper evidence") { db in
            // Hash chains over the audit log and the meeting entries, a seal on each ended meeting,
            // and a creation row per task so its state can be replayed (see Store+Integrity).
            // The append-only triggers are lifted only inside this migration, to fill the new columns.
            try db.execute(sql: """
                ALTER TABLE audit ADD COLUMN chain TEXT;
                ALTER TABLE meeting_entry ADD COLUMN chain TEXT;
                ALTER TABLE meeting ADD COLUMN seal TEXT;
                DROP TRIGGER audit_is_append_only_update;
                DROP TRIGGER meeting_entry_is_append_only_update;
                """)
            let upgrade = Author(login: "ita upgrade", member: nil)
            let now = Timestamp(secondsSince1970: Int64(time(nil)), utcOffsetSeconds: 0)
            let tasks = try Int64.fetchAll(db, sql: "SELECT id FROM task ORDER BY id")
            try Store.chainAudit(db, fromID: 1)
            // Tasks as they stand at the upgrade: history before it cannot be replayed, after it can.
            try Store.recordCreation(of: tasks, author: upgrade, now: now, db: db, action: .baseline)
            var previous = ""
            for row in try Row.fetchAll(db, sql: "SELECT \(Store.entryHashColumns) FROM meeting_entry ORDER BY id") {
                previous = Store.chainHash(previous: previous, row: row, columns: 9)
                try db.execute(sql: "UPDATE meeting_entry SET chain = ? WHERE id = ?", arguments: [previous, row[0] as Int64])
            }
            // The seal's first seven columns (those that existed at v6).
            for row in try Row.fetchAll(db, sql: "SELECT id, day, started_at, ended_at, attendees, section_seconds, summary FROM meeting WHERE ended_at IS NOT NULL") {
                try db.execute(sql: "UPDATE meeting SET seal = ? WHERE id = ?",
                               arguments: [Store.chainHash(previous: "", row: row, columns: 7), row[0] as Int64])
            }
            try db.execute(sql: """
                CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER meeting_entry_is_append_only_update BEFORE UPDATE ON meeting_entry
                    BEGIN SELECT RAISE(ABORT, 'meeting entries are append-only'); END;
                CREATE TRIGGER meeting_is_sealed_once_ended BEFORE UPDATE ON meeting WHEN OLD.ended_at IS NOT NULL
                    BEGIN SELECT RAISE(ABORT, 'an ended meeting is part of the record and cannot change'); END;
                CREATE TRIGGER meeting_is_kept BEFORE DELETE ON meeting
                    BEGIN SELECT RAISE(ABORT, 'meetings are part of the record and cannot be deleted'); END;
                """)
        }
        migrator.registerMigration("v7: corrections supersede meeting entries") { db in
            // A correction is a new entry naming the one it replaces; nothing recorded changes.
            try db.execute(sql: """
                ALTER TABLE meeting_entry ADD COLUMN supersedes INTEGER REFERENCES meeting_entry(id);
                CREATE UNIQUE INDEX meeting_entry_corrected_once ON meeting_entry(supersedes) WHERE supersedes IS NOT NULL;
                """)
        }
        migrator.registerMigration("v8: last activity per member") { db in
            // The weekly review asks for each member's latest change: one index seek per member.
            try db.execute(sql: "CREATE INDEX audit_member_epoch ON audit(member_id, at_epoch)")
        }
        migrator.registerMigration("v9: keeping the plan") { db in
            // Tasks are archived, never deleted: an archived task keeps its row and history but leaves
            // every count (the tallies skip it) and every open-task index (their WHERE names it).
            // Queries that should use those indexes say `archived_at IS NULL` (`Store.live`); the
            // indexes also carry the column, or SQLite would read each row to check it (not covering).
            try db.execute(sql: """
                ALTER TABLE task ADD COLUMN archived_at TEXT;
                ALTER TABLE task ADD COLUMN archive_reason TEXT;
                ALTER TABLE task ADD COLUMN recurs TEXT CHECK (recurs IN ('monthly', 'quarterly', 'yearly'));
                ALTER TABLE task ADD COLUMN plan_key TEXT;
                ALTER TABLE member ADD COLUMN left_on TEXT;
                DROP INDEX task_open_due;
                CREATE INDEX task_open_due ON task(due, status, target_kind, target, owner_id, archived_at)
                    WHERE status IN ('todo', 'in_progress', 'blocked') AND archived_at IS NULL;
                DROP INDEX task_status_due;
                CREATE INDEX task_status_due ON task(status, due, target_kind, target, owner_id, archived_at) WHERE archived_at IS NULL;
                DROP INDEX task_rollup;
                CREATE INDEX task_rollup ON task(target_kind, target, status, due, archived_at) WHERE archived_at IS NULL;
                CREATE UNIQUE INDEX task_plan_key ON task(plan_key) WHERE plan_key IS NOT NULL;
                DROP TRIGGER task_tally_insert;
                DROP TRIGGER task_tally_delete;
                DROP TRIGGER task_tally_update;
                CREATE TRIGGER task_tally_insert AFTER INSERT ON task WHEN NEW.archived_at IS NULL BEGIN
                    INSERT INTO task_tally VALUES (NEW.target_kind, NEW.target, NEW.status, 1, NEW.evidence != '[]')
                    ON CONFLICT (target_kind, target, status) DO UPDATE
                    SET total = total + 1, with_evidence = with_evidence + (NEW.evidence != '[]');
                END;
                CREATE TRIGGER task_tally_delete AFTER DELETE ON task WHEN OLD.archived_at IS NULL BEGIN
                    UPDATE task_tally SET total = total - 1, with_evidence = with_evidence - (OLD.evidence != '[]')
                    WHERE target_kind = OLD.target_kind AND target = OLD.target AND status = OLD.status;
                    DELETE FROM task_tally WHERE total = 0;
                END;
                CREATE TRIGGER task_tally_update AFTER UPDATE OF target_kind, target, status, evidence, archived_at ON task BEGIN
                    UPDATE task_tally SET total = total - 1, with_evidence = with_evidence - (OLD.evidence != '[]')
                    WHERE target_kind = OLD.target_kind AND target = OLD.target AND status = OLD.status AND OLD.archived_at IS NULL;
                    INSERT INTO task_tally SELECT NEW.target_kind, NEW.target, NEW.status, 1, NEW.evidence != '[]'
                    WHERE NEW.archived_at IS NULL
                    ON CONFLICT (target_kind, target, status) DO UPDATE
                    SET total = total + 1, with_evidence = with_evidence + (NEW.evidence != '[]');
                    DELETE FROM task_tally WHERE total = 0;
                END;
                """)
        }
        migrator.registerMigration("v10: official results") { db in
            // What ITAS announced: a score per scope (a tool, an indicator number, `total`) and the grade
            // (scope `grade`, score NULL). Audited like every plan change (entity `official`).
            try db.execute(sql: """
                CREATE TABLE official_result (scope TEXT PRIMARY KEY, score REAL, grade TEXT,
                                              CHECK ((score IS NULL) != (grade IS NULL)));
                """)
        }
        migrator.registerMigration("v11: official minutes") { db in
            // What the official รายงานการประชุม needs besides the agenda: where, why members were absent
            // (JSON: member id → reason), guests (one per line), and the ระเบียบวาระ (1–5) of an entry
            // (NULL: 4, the agenda a–f). Set while the meeting is open; the seal covers them after.
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN place TEXT NOT NULL DEFAULT '';
                ALTER TABLE meeting ADD COLUMN absence TEXT NOT NULL DEFAULT '{}';
                ALTER TABLE meeting ADD COLUMN guests TEXT NOT NULL DEFAULT '';
                ALTER TABLE meeting_entry ADD COLUMN agenda_item INTEGER CHECK (agenda_item BETWEEN 1 AND 5);
                """)
        }
        migrator.registerMigration("v12: evidence checks") { db in
            // The office's website (evidence must be on it), and what `ita evidence check` last found per
            // URL: an observation of the web, not plan data, so it is not audited; a new check replaces it.
            try db.execute(sql: """
                ALTER TABLE assessment ADD COLUMN website TEXT NOT NULL DEFAULT '';
                CREATE TABLE evidence_check (
                    url TEXT PRIMARY KEY,
                    checked_at TEXT NOT NULL,
                    status INTEGER,
                    final_url TEXT,
                    content_type TEXT,
                    size INTEGER,
                    last_modified TEXT,
                    title TEXT,
                    file_name TEXT,
                    redirects INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    years TEXT NOT NULL DEFAULT '');
                """)
        }
        migrator.registerMigration("v13: sending reminders") { db in
            // A member's LINE user id (what a mention in the group points at; not a secret), and what was
            // posted: one row per day, deadline step and recipient, so a cron job that runs twice posts once.
            // The channel's token never comes near the database.
            try db.execute(sql: """
                ALTER TABLE member ADD COLUMN line_id TEXT NOT NULL DEFAULT '';
                CREATE TABLE sent (
                    channel TEXT NOT NULL,
                    day TEXT NOT NULL,
                    step TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    sent_at TEXT NOT NULL,
                    os_login TEXT NOT NULL,
                    request_id TEXT,
                    PRIMARY KEY (channel, day, step, recipient));
                """)
        }
        return migrator
    }
}
