/// The ITA schema on a PostgreSQL server: every office's committee in one database, each office's
/// rows keyed by its code and kept apart by the server itself.
///
/// - Tables belong to `ita_owner`, a role nobody logs in as.
/// - Members log in as their own database role (their login), granted `ita_member`; ministry and
///   province viewers log in as roles granted `ita_viewer` (SELECT only).
/// - Row-level security on every office table lets a connection see and change only the offices its
///   `session_user` is mapped to in `ita.office_role` (every office for members of `ita_ministry`). No
///   setting the client can change decides the office.
/// - The audit log is written by a trigger on every office table, so direct SQL cannot skip it; nobody
///   is granted UPDATE or DELETE on it or on meeting entries, and triggers refuse them even to the owner.
/// - Each office has a change sequence (`ita.change`); every audited change takes the next number and is announced
///   with NOTIFY on the office's channel, the payload being the number only.
public enum ServerSchema {
    /// The newest schema this build knows.
    public static var version: Int { migrations.count }

    /// The tables that hold an office's rows (all have an `office` column and row-level security).
    public static let officeTables = [
        "assessment", "last_year_score", "estimate", "respondents", "milestone", "holiday", "member", "owner",
        "task", "audit", "snapshot", "meeting", "meeting_entry", "official_result", "evidence_check", "sent",
    ]

    /// What members may do to each table, beyond SELECT. Absent: nothing (the audit log).
    static let memberWrites: [String: String] = [
        "assessment": "INSERT, UPDATE", "last_year_score": "INSERT, UPDATE, DELETE", "estimate": "INSERT, UPDATE, DELETE",
        "respondents": "INSERT, UPDATE, DELETE", "milestone": "INSERT, UPDATE, DELETE", "holiday": "INSERT, UPDATE, DELETE",
        "member": "INSERT, UPDATE", "owner": "INSERT, UPDATE, DELETE", "task": "INSERT, UPDATE, DELETE",
        "snapshot": "INSERT, UPDATE", "meeting": "INSERT, UPDATE", "meeting_entry": "INSERT",
        "official_result": "INSERT, UPDATE, DELETE", "evidence_check": "INSERT, UPDATE, DELETE", "sent": "INSERT",
    ]

    /// The tables whose rows are numbered per office (task #85 is office A's #85).
    static let numberedTables = ["member", "task", "snapshot", "meeting", "meeting_entry"]

    /// Versioned migrations, oldest first; entry N brings the schema to version N + 1.
    static let migrations: [String] = [v1, v2, v3, v4]

    /// Tables the server derives from the office tables, written only by their triggers: readable per
    /// office like the rest, never written by members, not audited.
    public static let derivedTables = ["office_tally"]
    /// The schema version that made each derived table.
    static let derivedSince = ["office_tally": 3]

    /// Undo on a server: every audit row names its transaction (one change of ita's is one transaction,
    /// however many rows it writes), and an undo names the change it reverses (what ita says it is
    /// undoing, like `ita.action`). Rows audited before this version, and an imported file's history,
    /// have no transaction and cannot be undone on the server.
    /// Also: a member who has left the committee (their row's `left_on`, set by `ita member leave`) still
    /// reads the office, and writes nothing more.
    static let v4 = """
        CREATE POLICY owner_read ON ita.member FOR SELECT TO ita_owner USING (true);
        CREATE OR REPLACE FUNCTION ita.writable_offices() RETURNS text[]
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
            SELECT coalesce(array_agg(r.office), '{}') FROM ita.office_role r
            WHERE r.role_name = session_user AND r.kind = 'member'
              AND NOT EXISTS (SELECT 1 FROM ita.member m WHERE m.office = r.office AND m.login = r.role_name AND m.left_on IS NOT NULL)
        $$;
        ALTER TABLE ita.audit ADD COLUMN xact bigint, ADD COLUMN undoes bigint;
        CREATE INDEX audit_undone ON ita.audit (office, undoes) WHERE undoes IS NOT NULL;
        CREATE OR REPLACE FUNCTION ita.audit_row() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
        DECLARE
            row_office text;
            seq bigint;
            key text;
            before jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
            after jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
        BEGIN
            IF before IS NOT NULL AND after IS NOT NULL AND before = after THEN RETURN NULL; END IF;
            row_office := coalesce(after, before) ->> 'office';
            key := coalesce(coalesce(after, before) ->> 'id', coalesce(after, before) ->> 'key',
                            coalesce(after, before) ->> 'tool', coalesce(after, before) ->> 'url',
                            (coalesce(after, before) - 'office')::text);
            INSERT INTO ita.office_counter AS c VALUES (row_office, 'change', 2)
                ON CONFLICT (office, name) DO UPDATE SET next = c.next + 1
                RETURNING next - 1 INTO seq;
            INSERT INTO ita.audit (office, seq, db_role, action, acting_for, entity, entity_key, old_row, new_row, xact, undoes)
            VALUES (row_office, seq, session_user, coalesce(nullif(current_setting('ita.action', true), ''), lower(TG_OP)),
                    nullif(current_setting('ita.acting_for', true), ''), TG_TABLE_NAME, key, before, after, txid_current(),
                    nullif(current_setting('ita.undoes', true), '')::bigint);
            PERFORM pg_notify('ita_' || row_office, seq::text);
            RETURN NULL;
        END $$;
        """

    /// Each office's task tallies as one text, kept by a trigger on every change to its tasks, so a
    /// roll-up over thousands of offices reads a row per office instead of aggregating every task. A line
    /// per target: kind, target, tasks, done, blocked, with evidence, and the open tasks' due dates (overdue
    /// depends on the day it is read).
    static let v3 = """
        CREATE TABLE ita.office_tally (
            office text PRIMARY KEY REFERENCES ita.office(code),
            tallies text NOT NULL);
        CREATE FUNCTION ita.office_tally_text(o text) RETURNS text
            LANGUAGE sql STABLE SET search_path = pg_catalog, ita AS $$
            SELECT coalesce(string_agg(concat_ws(E'\t', target_kind, target, total, done, blocked, evidence, dues), E'\n'
                                       ORDER BY target_kind, target), '')
            FROM (SELECT target_kind, target, count(*) AS total, count(*) FILTER (WHERE status = 'done') AS done,
                         count(*) FILTER (WHERE status = 'blocked') AS blocked, count(*) FILTER (WHERE evidence <> '[]'::jsonb) AS evidence,
                         coalesce(string_agg(due::text, ',' ORDER BY due) FILTER (WHERE status <> 'done' AND due IS NOT NULL), '') AS dues
                  FROM ita.task WHERE office = o AND archived_at IS NULL GROUP BY target_kind, target) AS t
        $$;
        -- The tally function reads tasks as the owner, which row-level security (forced) would otherwise hide.
        CREATE POLICY owner_read ON ita.task FOR SELECT TO ita_owner USING (true);
        CREATE FUNCTION ita.refresh_office_tally() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
        DECLARE o text;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                FOR o IN SELECT DISTINCT office FROM new_rows LOOP
                    INSERT INTO ita.office_tally VALUES (o, ita.office_tally_text(o)) ON CONFLICT (office) DO UPDATE SET tallies = excluded.tallies;
                END LOOP;
            ELSIF TG_OP = 'UPDATE' THEN
                FOR o IN SELECT office FROM new_rows UNION SELECT office FROM old_rows LOOP
                    INSERT INTO ita.office_tally VALUES (o, ita.office_tally_text(o)) ON CONFLICT (office) DO UPDATE SET tallies = excluded.tallies;
                END LOOP;
            ELSE
                FOR o IN SELECT DISTINCT office FROM old_rows LOOP
                    INSERT INTO ita.office_tally VALUES (o, ita.office_tally_text(o)) ON CONFLICT (office) DO UPDATE SET tallies = excluded.tallies;
                END LOOP;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER tally_insert AFTER INSERT ON ita.task REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION ita.refresh_office_tally();
        CREATE TRIGGER tally_update AFTER UPDATE ON ita.task REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION ita.refresh_office_tally();
        CREATE TRIGGER tally_delete AFTER DELETE ON ita.task REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION ita.refresh_office_tally();
        INSERT INTO ita.office_tally SELECT code, ita.office_tally_text(code) FROM ita.office;
        """

    /// The framework's key: a roll-up over thousands of offices reads each distinct framework once
    /// (most offices of a year share one) instead of every office's copy.
    static let v2 = """
        ALTER TABLE ita.assessment ADD COLUMN framework_key text GENERATED ALWAYS AS (md5(framework_json::text)) STORED;
        CREATE INDEX assessment_by_framework ON ita.assessment (framework_key, office);
        """

    static let v1 = """
        CREATE TABLE ita.office (
            code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$'),
            name text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now());
        -- Which database roles belong to which office, as a member or as a viewer.
        CREATE TABLE ita.office_role (
            office text NOT NULL REFERENCES ita.office(code),
            role_name name NOT NULL,
            kind text NOT NULL CHECK (kind IN ('member', 'viewer')),
            PRIMARY KEY (office, role_name));
        -- Every statement's policies look up the login's offices by role name.
        CREATE INDEX office_role_by_role ON ita.office_role (role_name);
        CREATE TABLE ita.office_counter (
            office text NOT NULL REFERENCES ita.office(code),
            name text NOT NULL,
            next bigint NOT NULL,
            PRIMARY KEY (office, name));

        -- The offices this connection's login may read, and those it may change, as arrays: decided by
        -- session_user, which a client cannot set. Policies compare `office = ANY ((SELECT …))`, which the
        -- planner evaluates once per statement and turns into an index condition. Viewers of every office
        -- (a ministry) are members of the role ita_ministry, whose own policy reads every row.
        CREATE FUNCTION ita.readable_offices() RETURNS text[]
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
            SELECT coalesce(array_agg(office), '{}') FROM ita.office_role WHERE role_name = session_user
        $$;
        CREATE FUNCTION ita.writable_offices() RETURNS text[]
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
            SELECT coalesce(array_agg(office), '{}') FROM ita.office_role WHERE role_name = session_user AND kind = 'member'
        $$;

        -- Each office's change sequence (the counter 'change'): the number of its last audited change.
        CREATE VIEW ita.change WITH (security_barrier) AS
            SELECT office, next - 1 AS seq FROM ita.office_counter
            WHERE name = 'change'
              AND (office = ANY (ita.readable_offices()) OR pg_has_role(session_user, 'ita_ministry', 'member'));

        CREATE TABLE ita.assessment (
            office text PRIMARY KEY REFERENCES ita.office(code),
            organisation text NOT NULL,
            fiscal_year integer NOT NULL,
            framework_id text NOT NULL,
            framework_json jsonb NOT NULL,
            target_grade text NOT NULL,
            indicator_target double precision NOT NULL,
            process_json jsonb NOT NULL,
            created_on date NOT NULL,
            meeting_weekday integer NOT NULL DEFAULT 3 CHECK (meeting_weekday BETWEEN 1 AND 7),
            website text NOT NULL DEFAULT '');
        CREATE TABLE ita.last_year_score (
            office text NOT NULL REFERENCES ita.office(code), indicator integer NOT NULL, score double precision NOT NULL,
            PRIMARY KEY (office, indicator));
        CREATE TABLE ita.estimate (
            office text NOT NULL REFERENCES ita.office(code), tool text NOT NULL, score double precision NOT NULL,
            PRIMARY KEY (office, tool));
        CREATE TABLE ita.respondents (
            office text NOT NULL REFERENCES ita.office(code), tool text NOT NULL,
            quota integer NOT NULL CHECK (quota >= 0), count integer NOT NULL CHECK (count >= 0),
            PRIMARY KEY (office, tool));
        CREATE TABLE ita.milestone (
            office text NOT NULL REFERENCES ita.office(code), key text NOT NULL, position integer NOT NULL,
            title_th text NOT NULL, title_en text NOT NULL, starts date, due date NOT NULL,
            reminders text NOT NULL, covers text NOT NULL DEFAULT '',
            PRIMARY KEY (office, key));
        CREATE TABLE ita.holiday (
            office text NOT NULL REFERENCES ita.office(code), date date NOT NULL, name text NOT NULL,
            PRIMARY KEY (office, date));
        CREATE TABLE ita.member (
            office text NOT NULL REFERENCES ita.office(code),
            id bigint NOT NULL,
            login text NOT NULL,
            name text NOT NULL,
            role text NOT NULL CHECK (role IN ('chair', 'secretary', 'owner', 'member')),
            work_group text NOT NULL DEFAULT '',
            line_name text NOT NULL DEFAULT '',
            left_on date,
            line_id text NOT NULL DEFAULT '',
            PRIMARY KEY (office, id),
            UNIQUE (office, login));
        CREATE TABLE ita.owner (
            office text NOT NULL REFERENCES ita.office(code),
            target_kind text NOT NULL CHECK (target_kind IN ('indicator', 'item')),
            target text NOT NULL,
            member_id bigint NOT NULL,
            PRIMARY KEY (office, target_kind, target),
            FOREIGN KEY (office, member_id) REFERENCES ita.member(office, id));
        CREATE TABLE ita.task (
            office text NOT NULL REFERENCES ita.office(code),
            id bigint NOT NULL,
            title text NOT NULL,
            target_kind text NOT NULL CHECK (target_kind IN ('indicator', 'item')),
            target text NOT NULL,
            indicator integer NOT NULL,
            owner_id bigint NOT NULL,
            due date,
            status text NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'blocked')),
            blocked_reason text,
            evidence jsonb NOT NULL DEFAULT '[]',
            note text NOT NULL DEFAULT '',
            phase text,
            done_by bigint,
            done_at timestamptz,
            updated_at timestamptz NOT NULL DEFAULT now(),
            archived_at timestamptz,
            archive_reason text,
            recurs text CHECK (recurs IN ('monthly', 'quarterly', 'yearly')),
            plan_key text,
            PRIMARY KEY (office, id),
            UNIQUE (office, plan_key),
            FOREIGN KEY (office, owner_id) REFERENCES ita.member(office, id),
            FOREIGN KEY (office, done_by) REFERENCES ita.member(office, id));
        CREATE INDEX task_open_due ON ita.task (office, due) WHERE status <> 'done' AND archived_at IS NULL;
        -- Written only by ita.audit_row(): one row per changed row, with the whole row before and after.
        CREATE TABLE ita.audit (
            office text NOT NULL REFERENCES ita.office(code),
            seq bigint NOT NULL,
            at timestamptz NOT NULL DEFAULT now(),
            db_role text NOT NULL,
            action text NOT NULL,
            acting_for text,
            entity text NOT NULL,
            entity_key text NOT NULL,
            old_row jsonb,
            new_row jsonb,
            PRIMARY KEY (office, seq));
        CREATE TABLE ita.snapshot (
            office text NOT NULL REFERENCES ita.office(code), id bigint NOT NULL, day date NOT NULL,
            kind text NOT NULL CHECK (kind IN ('daily', 'meeting')), projected double precision NOT NULL,
            open_items integer NOT NULL, tasks_done integer NOT NULL, tasks_total integer NOT NULL, overdue integer NOT NULL,
            detail jsonb NOT NULL,
            PRIMARY KEY (office, id));
        CREATE UNIQUE INDEX snapshot_one_daily ON ita.snapshot (office, day) WHERE kind = 'daily';
        CREATE TABLE ita.meeting (
            office text NOT NULL REFERENCES ita.office(code), id bigint NOT NULL, day date NOT NULL,
            started_at timestamptz NOT NULL, ended_at timestamptz, attendees text NOT NULL DEFAULT '',
            section_seconds jsonb NOT NULL DEFAULT '{}', summary text, seal text, place text NOT NULL DEFAULT '',
            absence jsonb NOT NULL DEFAULT '{}', guests text NOT NULL DEFAULT '',
            PRIMARY KEY (office, id), UNIQUE (office, day));
        CREATE TABLE ita.meeting_entry (
            office text NOT NULL REFERENCES ita.office(code), id bigint NOT NULL, meeting_id bigint NOT NULL,
            section text NOT NULL, kind text NOT NULL CHECK (kind IN ('note', 'decision', 'action')), subject text,
            text text NOT NULL, task_id bigint, member_id bigint, at timestamptz NOT NULL, chain text, supersedes bigint,
            agenda_item integer CHECK (agenda_item BETWEEN 1 AND 5),
            PRIMARY KEY (office, id),
            FOREIGN KEY (office, meeting_id) REFERENCES ita.meeting(office, id),
            FOREIGN KEY (office, task_id) REFERENCES ita.task(office, id),
            FOREIGN KEY (office, member_id) REFERENCES ita.member(office, id),
            FOREIGN KEY (office, supersedes) REFERENCES ita.meeting_entry(office, id));
        CREATE UNIQUE INDEX meeting_entry_corrected_once ON ita.meeting_entry (office, supersedes) WHERE supersedes IS NOT NULL;
        CREATE TABLE ita.official_result (
            office text NOT NULL REFERENCES ita.office(code), scope text NOT NULL, score double precision, grade text,
            CHECK ((score IS NULL) <> (grade IS NULL)), PRIMARY KEY (office, scope));
        CREATE TABLE ita.evidence_check (
            office text NOT NULL REFERENCES ita.office(code), url text NOT NULL, checked_at timestamptz NOT NULL,
            status integer, final_url text, content_type text, size bigint, last_modified text, title text,
            file_name text, redirects integer NOT NULL DEFAULT 0, error text, years text NOT NULL DEFAULT '',
            PRIMARY KEY (office, url));
        CREATE TABLE ita.sent (
            office text NOT NULL REFERENCES ita.office(code), channel text NOT NULL, day date NOT NULL, step text NOT NULL,
            recipient text NOT NULL, sent_at timestamptz NOT NULL, os_login text NOT NULL, request_id text,
            PRIMARY KEY (office, channel, day, step, recipient));

        -- Numbers per office: the next free number, or past the one given (an imported office keeps its numbers).
        CREATE FUNCTION ita.number_row() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
        DECLARE taken bigint;
        BEGIN
            IF NEW.id IS NULL THEN
                INSERT INTO ita.office_counter AS c VALUES (NEW.office, TG_TABLE_NAME, 2)
                    ON CONFLICT (office, name) DO UPDATE SET next = c.next + 1
                    RETURNING next - 1 INTO taken;
                NEW.id := taken;
            ELSE
                INSERT INTO ita.office_counter AS c VALUES (NEW.office, TG_TABLE_NAME, NEW.id + 1)
                    ON CONFLICT (office, name) DO UPDATE SET next = greatest(c.next, NEW.id + 1);
            END IF;
            RETURN NEW;
        END $$;

        -- The audit log: every change to an office's rows, whoever made it and however (ita or direct SQL).
        -- `ita.action` and `ita.acting_for` are what ita says it is doing; who did it is session_user.
        CREATE FUNCTION ita.audit_row() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ita AS $$
        DECLARE
            row_office text;
            seq bigint;
            key text;
            before jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
            after jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
        BEGIN
            IF before IS NOT NULL AND after IS NOT NULL AND before = after THEN RETURN NULL; END IF;
            row_office := coalesce(after, before) ->> 'office';
            key := coalesce(coalesce(after, before) ->> 'id', coalesce(after, before) ->> 'key',
                            coalesce(after, before) ->> 'tool', coalesce(after, before) ->> 'url',
                            (coalesce(after, before) - 'office')::text);
            INSERT INTO ita.office_counter AS c VALUES (row_office, 'change', 2)
                ON CONFLICT (office, name) DO UPDATE SET next = c.next + 1
                RETURNING next - 1 INTO seq;
            INSERT INTO ita.audit (office, seq, db_role, action, acting_for, entity, entity_key, old_row, new_row)
            VALUES (row_office, seq, session_user, coalesce(nullif(current_setting('ita.action', true), ''), lower(TG_OP)),
                    nullif(current_setting('ita.acting_for', true), ''), TG_TABLE_NAME, key, before, after);
            PERFORM pg_notify('ita_' || row_office, seq::text);
            RETURN NULL;
        END $$;

        CREATE FUNCTION ita.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_is_append_only BEFORE UPDATE OR DELETE ON ita.audit
            FOR EACH ROW EXECUTE FUNCTION ita.refuse('the audit log is append-only');
        CREATE TRIGGER meeting_entry_is_append_only BEFORE UPDATE OR DELETE ON ita.meeting_entry
            FOR EACH ROW EXECUTE FUNCTION ita.refuse('meeting entries are append-only');
        CREATE TRIGGER meeting_is_kept BEFORE DELETE ON ita.meeting
            FOR EACH ROW EXECUTE FUNCTION ita.refuse('meetings are part of the record and cannot be deleted');
        CREATE TRIGGER meeting_is_sealed_once_ended BEFORE UPDATE ON ita.meeting
            FOR EACH ROW WHEN (OLD.ended_at IS NOT NULL)
            EXECUTE FUNCTION ita.refuse('an ended meeting is part of the record and cannot change');
        """
}
