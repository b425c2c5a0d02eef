import Foundation
@testable import ITAServer
import ITAStore
import Testing

/// Two offices on one server: members of each log in as their own roles and, by direct SQL, can neither
/// read nor change the other office's rows; forbidden changes are refused with an error.
@Suite(.serialized, .enabled(if: ServerCluster.available, "no PostgreSQL server (scripts/test starts one; CI=true requires it)"))
struct IsolationTests {
    struct Offices {
        let db: ServerCluster.Database
        let a1: String, a2: String, b1: String, viewerA: String, ministry: String
    }

    /// Offices A and B with a member each (A has two), two tasks each, a viewer of A and a ministry viewer.
    func twoOffices() throws -> Offices {
        let db = try ServerCluster.database()
        let s = db.suffix
        let offices = Offices(db: db, a1: "a1_\(s)", a2: "a2_\(s)", b1: "b1_\(s)", viewerA: "va_\(s)", ministry: "m_\(s)")
        try db.admin.addOffice(code: "A-\(s)", name: "สำนักงาน ก")
        try db.admin.addOffice(code: "B-\(s)", name: "สำนักงาน ข")
        try db.admin.addMember(office: "A-\(s)", login: offices.a1, name: "สมหญิง ทดสอบ", role: "chair")
        try db.admin.addMember(office: "A-\(s)", login: offices.a2, name: "สมชาย ทดสอบ", role: "owner")
        try db.admin.addMember(office: "B-\(s)", login: offices.b1, name: "มานี ทดสอบ", role: "chair")
        try db.admin.addViewer(login: offices.viewerA, offices: ["A-\(s)"])
        try db.admin.addViewer(login: offices.ministry, offices: nil)
        for (office, login) in [("A-\(s)", offices.a1), ("B-\(s)", offices.b1)] {
            let member = try db.connect(as: login)
            for title in ["รวบรวม O1", "เผยแพร่ O1"] {
                try member.execute("""
                    INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, due, status)
                    VALUES ($1, $2, 'item', 'O1', 9, 1, '2027-03-31', 'todo')
                    """, [office, title])
            }
        }
        return offices
    }

    @Test func eachMemberSeesOnlyTheirOfficesRows() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        let a1 = try o.db.connect(as: o.a1)
        #expect(try a1.execute("SELECT DISTINCT office FROM ita.task").column("office") == ["A-\(s)"])
        #expect(try a1.execute("SELECT count(*) FROM ita.task WHERE office = $1", ["B-\(s)"]).scalar == "0")
        #expect(try a1.execute("SELECT count(*) FROM ita.member").scalar == "2")
        #expect(try a1.execute("SELECT code FROM ita.office").column("code") == ["A-\(s)"])
        #expect(try a1.execute("SELECT count(*) FROM ita.audit WHERE office = $1", ["B-\(s)"]).scalar == "0")
        let b1 = try o.db.connect(as: o.b1)
        #expect(try b1.execute("SELECT DISTINCT office FROM ita.task").column("office") == ["B-\(s)"])
        // Task numbers are per office: both offices have #1 and #2.
        #expect(try a1.execute("SELECT id FROM ita.task ORDER BY id").column("id") == ["1", "2"])
        #expect(try b1.execute("SELECT id FROM ita.task ORDER BY id").column("id") == ["1", "2"])
        // The ministry reads every office; the viewer of A only A.
        #expect(try o.db.connect(as: o.ministry).execute("SELECT count(*) FROM ita.task").scalar == "4")
        #expect(try o.db.connect(as: o.viewerA).execute("SELECT DISTINCT office FROM ita.task").column("office") == ["A-\(s)"])
        // The role mapping itself is not readable by members.
        #expect(throws: PGError.self) { try a1.execute("SELECT * FROM ita.office_role") }
    }

    @Test func anotherOfficesRowsCannotBeChangedByDirectSQL() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        let a1 = try o.db.connect(as: o.a1)
        // Writing a row into office B, or moving A's row there: refused with an error, not "0 rows".
        let insert = refusal { try a1.execute("""
            INSERT INTO ita.task (office, title, target_kind, target, indicator, owner_id, status)
            VALUES ($1, 'x', 'item', 'O1', 9, 1, 'todo')
            """, ["B-\(s)"]) }
        #expect(insert?.isPermissionDenied == true, "\(String(describing: insert))")
        #expect(insert?.message.contains("row-level security") == true)
        let move = refusal { try a1.execute("UPDATE ita.task SET office = $1 WHERE id = 1", ["B-\(s)"]) }
        #expect(move?.isPermissionDenied == true)
        // B's rows do not exist for A's members: an UPDATE or DELETE aimed at them finds nothing.
        #expect(try a1.execute("UPDATE ita.task SET status = 'done' WHERE office = $1", ["B-\(s)"]).affected == 0)
        #expect(try a1.execute("DELETE FROM ita.task WHERE office = $1", ["B-\(s)"]).affected == 0)
        let b1 = try o.db.connect(as: o.b1)
        #expect(try b1.execute("SELECT count(*) FROM ita.task WHERE status = 'todo'").scalar == "2")
        // A client-settable variable does not decide the office.
        try a1.execute("SET ita.office = 'B-\(s)'")
        try a1.execute("SET ita.acting_for = '\(o.b1)'")
        #expect(try a1.execute("SELECT count(*) FROM ita.task WHERE office = $1", ["B-\(s)"]).scalar == "0")
        // SET ROLE to another member is refused (a1 is not a member of b1's role).
        #expect(refusal { try a1.execute("SET ROLE \(PGConnection.identifier(o.b1))") }?.isPermissionDenied == true)
    }

    @Test func viewersReadButNeverWrite() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        for login in [o.viewerA, o.ministry] {
            let viewer = try o.db.connect(as: login)
            let update = refusal { try viewer.execute("UPDATE ita.task SET status = 'done' WHERE office = $1", ["A-\(s)"]) }
            #expect(update?.isPermissionDenied == true, "\(login): \(String(describing: update))")
            #expect(refusal { try viewer.execute("DELETE FROM ita.task") }?.isPermissionDenied == true)
        }
        #expect(try o.db.connect(as: o.a1).execute("SELECT count(*) FROM ita.task WHERE status = 'todo'").scalar == "2")
        // A member of A who may also read B still changes only A.
        try o.db.admin.addViewer(login: o.a2, offices: ["B-\(s)"])
        let a2 = try o.db.connect(as: o.a2)
        #expect(try a2.execute("SELECT count(*) FROM ita.task WHERE office = $1", ["B-\(s)"]).scalar == "2")
        #expect(try a2.execute("UPDATE ita.task SET status = 'done' WHERE office = $1", ["B-\(s)"]).affected == 0)
        #expect(refusal { try a2.execute("INSERT INTO ita.holiday (office, date, name) VALUES ($1, '2027-01-01', 'x')", ["B-\(s)"]) }?.isPermissionDenied == true)
        #expect(try a2.execute("UPDATE ita.task SET status = 'done' WHERE office = $1", ["A-\(s)"]).affected == 2)
    }

    @Test func theAuditLogIsWrittenByTheServerAndCannotBeChanged() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        let a2 = try o.db.connect(as: o.a2)
        // A change by direct SQL, with nothing said about it, is still in the log, under the login that made it.
        try a2.execute("UPDATE ita.task SET status = 'done' WHERE id = 2")
        let last = try a2.execute("""
            SELECT db_role, action, entity, entity_key, old_row->>'status', new_row->>'status'
            FROM ita.audit ORDER BY seq DESC LIMIT 1
            """).rows.first
        #expect(last == [o.a2, "update", "task", "2", "todo", "done"])
        // What ita says it is doing is recorded as said; who did it stays session_user.
        try a2.transaction {
            try a2.execute("SET LOCAL ita.action = 'done'")
            try a2.execute("SET LOCAL ita.acting_for = 'someone else'")
            try a2.execute("UPDATE ita.task SET note = 'ส่งแล้ว' WHERE id = 1")
        }
        #expect(try a2.execute("SELECT db_role, action, acting_for FROM ita.audit ORDER BY seq DESC LIMIT 1").rows.first
                == [o.a2, "done", "someone else"])
        // Nobody may change or delete the log: not the member, not the owner of the tables.
        for statement in ["UPDATE ita.audit SET db_role = 'x'", "DELETE FROM ita.audit", "INSERT INTO ita.audit (office, seq, db_role, action, entity, entity_key) VALUES ('A-\(s)', 999, 'x', 'x', 'x', 'x')"] {
            #expect(refusal { try a2.execute(statement) }?.isPermissionDenied == true, "\(statement)")
        }
        let admin = o.db.admin.connection
        let ownerUpdate = refusal { try admin.execute("UPDATE ita.audit SET db_role = 'x'") }
        #expect(ownerUpdate?.message == "the audit log is append-only")
        // The office's change sequence counts every audited change, and B's is its own.
        let seqA = try a2.execute("SELECT seq FROM ita.change").scalar
        let auditA = try a2.execute("SELECT max(seq) FROM ita.audit").scalar
        #expect(seqA == auditA)
        #expect(try o.db.connect(as: o.b1).execute("SELECT seq FROM ita.change").scalar == "3")   // member + 2 tasks
    }

    @Test func meetingRecordsAreKept() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        let a1 = try o.db.connect(as: o.a1)
        try a1.execute("INSERT INTO ita.meeting (office, day, started_at) VALUES ($1, '2027-01-13', now())", ["A-\(s)"])
        try a1.execute("INSERT INTO ita.meeting_entry (office, meeting_id, section, kind, text, at) VALUES ($1, 1, 'ก', 'note', 'เปิดประชุม', now())", ["A-\(s)"])
        #expect(refusal { try a1.execute("UPDATE ita.meeting_entry SET text = 'x'") }?.isPermissionDenied == true)
        #expect(refusal { try a1.execute("DELETE FROM ita.meeting_entry") }?.isPermissionDenied == true)
        #expect(refusal { try a1.execute("DELETE FROM ita.meeting") }?.isPermissionDenied == true)
        try a1.execute("UPDATE ita.meeting SET ended_at = now(), summary = 'จบ'")
        let sealed = refusal { try a1.execute("UPDATE ita.meeting SET summary = 'แก้'") }
        #expect(sealed?.message == "an ended meeting is part of the record and cannot change")
    }

    @Test func changesAreAnnouncedToTheOfficeOnlyWithTheSequenceAsPayload() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        let listenerA = try o.db.connect(as: o.a1), listenerB = try o.db.connect(as: o.b1)
        try listenerA.listen("ita_A-\(s)")
        try listenerB.listen("ita_B-\(s)")
        let a2 = try o.db.connect(as: o.a2)
        try a2.execute("UPDATE ita.task SET status = 'in_progress' WHERE id = 1")
        let seq = try a2.execute("SELECT seq FROM ita.change").scalar
        let heard = try listenerA.notifications(waiting: 2)
        #expect(heard.map(\.payload) == [seq ?? "?"])
        #expect(heard.map(\.channel) == ["ita_A-\(s)"])
        #expect(try listenerB.notifications(waiting: 0.3).isEmpty)
    }

    @Test func theSchemaIsVersionedAndANewerOneIsRefused() throws {
        let db = try ServerCluster.database()
        #expect(try db.admin.schemaVersion() == ServerSchema.version)
        // Running it again changes nothing.
        let again = try db.admin.setUp()
        #expect(again.from == ServerSchema.version && again.to == ServerSchema.version)
        try db.admin.connection.execute("INSERT INTO ita.schema_version (version) VALUES ($1)", [String(ServerSchema.version + 1)])
        #expect(throws: ServerAdmin.Refused.self) { try db.admin.setUp() }
    }

    @Test func aServerAnOlderItaSetUpIsUpgradedInPlaceAndRefusedUntilThen() throws {
        let name = "ita_test_up_\(String(UUID().uuidString.prefix(8)).lowercased())"
        try PGConnection(ServerCluster.replacing([:])).execute("CREATE DATABASE \(name)")
        let conninfo = ServerCluster.replacing(["dbname": name])
        let admin = ServerAdmin(try PGConnection(conninfo))
        #expect(try admin.setUp(upTo: 1) == (from: 0, to: 1))
        try admin.addOffice(code: "OLD", name: "สำนักงานเดิม")
        try admin.connection.execute("""
            INSERT INTO ita.assessment (office, organisation, fiscal_year, framework_id, framework_json, target_grade, indicator_target, process_json, created_on)
            VALUES ('OLD', 'สำนักงานเดิม', 2570, 'fy2570', '{"id": "fy2570"}', 'A', 85, '{}', '2026-10-01')
            """)
        // This ita refuses to open an office on the older schema, naming what to do.
        do { _ = try ServerStore.open(conninfo, office: "OLD", utcOffsetSeconds: 0); Issue.record("opened an older schema") } catch StoreError.failed(let text) {
            #expect(text.contains("version 1, older than this ita's \(ServerSchema.version)") && text.contains("ita admin setup"), "\(text)")
        }
        #expect(try admin.setUp() == (from: 1, to: ServerSchema.version))
        #expect(try admin.connection.execute("SELECT organisation, framework_key = md5(framework_json::text) FROM ita.assessment").rows == [["สำนักงานเดิม", "t"]])
        #expect(try admin.connection.execute("SELECT office, tallies FROM ita.office_tally").rows == [["OLD", ""]])
    }

    /// The tallies the server keeps for the roll-up follow every change to an office's tasks, are read per
    /// office like its rows, and cannot be written by anyone but their trigger.
    @Test func theTalliesTheServerKeepsFollowTasksAndCannotBeForged() throws {
        let o = try twoOffices()
        let s = o.db.suffix
        let a1 = try o.db.connect(as: o.a1)
        func tally() throws -> String? { try a1.execute("SELECT tallies FROM ita.office_tally WHERE office = $1", ["A-\(s)"]).scalar }
        #expect(try tally() == "item\tO1\t2\t0\t0\t0\t2027-03-31,2027-03-31")
        try a1.execute("UPDATE ita.task SET status = 'done', evidence = '[\"https://a.go.th/o1.pdf\"]' WHERE office = $1 AND id = 1", ["A-\(s)"])
        #expect(try tally() == "item\tO1\t2\t1\t0\t1\t2027-03-31")
        try a1.execute("DELETE FROM ita.task WHERE office = $1 AND id = 2", ["A-\(s)"])
        #expect(try tally() == "item\tO1\t1\t1\t0\t1\t")
        // Only the member's own office is there to read; writing is refused, by direct SQL too.
        #expect(try a1.execute("SELECT office FROM ita.office_tally").column("office") == ["A-\(s)"])
        #expect(refusal { try a1.execute("UPDATE ita.office_tally SET tallies = '' WHERE office = $1", ["A-\(s)"]) }?.isPermissionDenied == true)
        #expect(refusal { try a1.execute("INSERT INTO ita.office_tally VALUES ($1, '')", ["B-\(s)"]) }?.isPermissionDenied == true)
        #expect(try o.db.connect(as: o.ministry).execute("SELECT count(*) FROM ita.office_tally").scalar == "2")
    }

    private func refusal(_ body: () throws -> Void) -> PGError? {
        do { try body(); return nil } catch let error as PGError { return error } catch { return nil }
    }
}
