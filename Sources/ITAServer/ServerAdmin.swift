import Foundation

/// Setting up a server and its offices: what `ita admin` does. Run as the database's administrator
/// (a superuser, or a role with CREATEROLE and BYPASSRLS); members and viewers never run these.
public struct ServerAdmin {
    public let connection: PGConnection

    public init(_ connection: PGConnection) { self.connection = connection }

    public struct Refused: Error, CustomStringConvertible, Equatable {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The group roles: the owner of every table (nobody logs in as it), members, viewers.
    public static let ownerRole = "ita_owner", memberRole = "ita_member", viewerRole = "ita_viewer", ministryRole = "ita_ministry"

    /// The schema's version on this server; nil if ITA was never set up here.
    public func schemaVersion() throws -> Int? {
        let exists = try connection.execute("SELECT to_regclass('ita.schema_version') IS NOT NULL").scalar == "t"
        guard exists else { return nil }
        return try connection.execute("SELECT max(version) FROM ita.schema_version").scalar.flatMap { Int($0) }
    }

    /// Creates the schema, or brings it up to this build's version; refuses a schema newer than this
    /// build. Safe to run again. Returns the versions before and after.
    @discardableResult
    public func setUp() throws -> (from: Int, to: Int) { try setUp(upTo: ServerSchema.version) }

    /// `setUp`, stopping at an older version (the tests make a server as an older ita left it).
    func setUp(upTo target: Int) throws -> (from: Int, to: Int) {
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext('ita schema'))")
            // Roles belong to the whole cluster: another database's setup may be creating them at the same moment.
            for role in [Self.ownerRole, Self.memberRole, Self.viewerRole, Self.ministryRole] {
                try connection.execute("""
                    DO $$ BEGIN CREATE ROLE \(PGConnection.identifier(role)) NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
                    """)
            }
            try connection.execute("GRANT ita_owner TO CURRENT_USER")
            let database = try connection.execute("SELECT current_database()").scalar ?? ""
            try connection.execute("GRANT CREATE ON DATABASE \(PGConnection.identifier(database)) TO ita_owner")
            try connection.execute("CREATE SCHEMA IF NOT EXISTS ita AUTHORIZATION ita_owner")
            try connection.execute("SET LOCAL ROLE ita_owner")
            try connection.execute("CREATE TABLE IF NOT EXISTS ita.schema_version (version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
            let from = try schemaVersion() ?? 0
            if from > ServerSchema.version {
                throw Refused("the server's ITA schema is version \(from), newer than this ita knows (\(ServerSchema.version)); upgrade ita")
            }
            for version in from..<max(from, target) {
                try connection.execute(script: ServerSchema.migrations[version])
                try connection.execute("INSERT INTO ita.schema_version (version) VALUES ($1)", [String(version + 1)])
            }
            try connection.execute(script: Self.accessScript(version: max(from, target)))
            try connection.execute("RESET ROLE")
            return (from, max(from, target))
        }
    }

    /// Privileges, row-level security and the audit and numbering triggers, from the table lists; run
    /// after every migration, so a new table cannot be left without them.
    static func accessScript(version: Int = ServerSchema.version) -> String {
        var sql = """
            REVOKE ALL ON SCHEMA ita FROM PUBLIC;
            GRANT USAGE ON SCHEMA ita TO ita_member, ita_viewer;
            REVOKE ALL ON ALL TABLES IN SCHEMA ita FROM PUBLIC;
            ALTER TABLE ita.office ENABLE ROW LEVEL SECURITY;
            -- Not forced on the owner: ita.readable_offices() (run as the owner) reads every office's code.
            ALTER TABLE ita.office NO FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS office_read ON ita.office;
            CREATE POLICY office_read ON ita.office FOR SELECT TO ita_member, ita_viewer USING (code = ANY ((SELECT ita.readable_offices())::text[]));
            DROP POLICY IF EXISTS office_read_all ON ita.office;
            CREATE POLICY office_read_all ON ita.office FOR SELECT TO ita_ministry USING (true);
            GRANT SELECT ON ita.change TO ita_member, ita_viewer;
            GRANT SELECT ON ita.office TO ita_member, ita_viewer;
            GRANT SELECT ON ita.schema_version TO ita_member, ita_viewer;

            """
        for table in ServerSchema.derivedTables where ServerSchema.derivedSince[table, default: 0] <= version {
            // Written by their triggers as the owner (not forced, so the owner passes); read like the office tables.
            let t = "ita.\(table)"
            sql += """
                ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;
                ALTER TABLE \(t) NO FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS office_read ON \(t);
                CREATE POLICY office_read ON \(t) FOR SELECT TO ita_member, ita_viewer USING (office = ANY ((SELECT ita.readable_offices())::text[]));
                DROP POLICY IF EXISTS office_read_all ON \(t);
                CREATE POLICY office_read_all ON \(t) FOR SELECT TO ita_ministry USING (true);
                GRANT SELECT ON \(t) TO ita_member, ita_viewer;

                """
        }
        for table in ServerSchema.officeTables {
            let t = "ita.\(table)"
            // The audit log's rows come only from the trigger, run as the owner (nobody else may insert), for
            // the office of the row that changed, which passed these policies itself.
            let insert = table == "audit" ? "TO ita_owner WITH CHECK (true)" : "TO ita_member WITH CHECK (office = ANY ((SELECT ita.writable_offices())::text[]))"
            sql += """
                ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;
                ALTER TABLE \(t) FORCE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS office_read ON \(t);
                CREATE POLICY office_read ON \(t) FOR SELECT TO ita_member, ita_viewer USING (office = ANY ((SELECT ita.readable_offices())::text[]));
                DROP POLICY IF EXISTS office_read_all ON \(t);
                CREATE POLICY office_read_all ON \(t) FOR SELECT TO ita_ministry USING (true);
                DROP POLICY IF EXISTS office_insert ON \(t);
                CREATE POLICY office_insert ON \(t) FOR INSERT \(insert);
                DROP POLICY IF EXISTS office_update ON \(t);
                CREATE POLICY office_update ON \(t) FOR UPDATE TO ita_member USING (office = ANY ((SELECT ita.writable_offices())::text[]))
                    WITH CHECK (office = ANY ((SELECT ita.writable_offices())::text[]));
                DROP POLICY IF EXISTS office_delete ON \(t);
                CREATE POLICY office_delete ON \(t) FOR DELETE TO ita_member USING (office = ANY ((SELECT ita.writable_offices())::text[]));
                GRANT SELECT ON \(t) TO ita_member, ita_viewer;

                """
            if let writes = ServerSchema.memberWrites[table] { sql += "GRANT \(writes) ON \(t) TO ita_member;\n" }
            if table != "audit" {
                sql += "CREATE OR REPLACE TRIGGER audit_change AFTER INSERT OR UPDATE OR DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION ita.audit_row();\n"
            }
            if ServerSchema.numberedTables.contains(table) {
                sql += "CREATE OR REPLACE TRIGGER number_row BEFORE INSERT ON \(t) FOR EACH ROW EXECUTE FUNCTION ita.number_row();\n"
            }
        }
        return sql
    }

    // MARK: Offices, members, viewers

    func validateCode(_ code: String) throws {
        guard code.range(of: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$", options: .regularExpression) != nil else {
            throw Refused("office code '\(code)': use 1–40 letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
    }

    public func addOffice(code: String, name: String) throws {
        try validateCode(code)
        try connection.transaction {
            if try connection.execute("SELECT 1 FROM ita.office WHERE code = $1", [code]).rows.count == 1 {
                throw Refused("office \(code) already exists")
            }
            try connection.execute("INSERT INTO ita.office (code, name) VALUES ($1, $2)", [code, name])
        }
    }

    /// Adds a committee member: their database role (created with LOGIN if it does not exist; set its
    /// password or certificate as the server's rules say), the office's member row, and the mapping
    /// that row-level security reads. Returns the member's number in the office.
    @discardableResult
    public func addMember(office: String, login: String, name: String, role: String) throws -> Int {
        try connection.transaction {
            try requireOffice(office)
            try ensureLoginRole(login, group: Self.memberRole)
            if try connection.execute("SELECT 1 FROM ita.member WHERE office = $1 AND login = $2", [office, login]).rows.count == 1 {
                throw Refused("\(login) is already a member of \(office)")
            }
            try connection.execute("INSERT INTO ita.office_role (office, role_name, kind) VALUES ($1, $2, 'member') ON CONFLICT (office, role_name) DO UPDATE SET kind = 'member'", [office, login])
            let id = try connection.execute("INSERT INTO ita.member (office, login, name, role) VALUES ($1, $2, $3, $4) RETURNING id", [office, login, name, role]).scalar
            return id.flatMap { Int($0) } ?? 0
        }
    }

    /// Adds a read-only viewer of some offices, or of every office (`offices` nil: a ministry).
    public func addViewer(login: String, offices: [String]?) throws {
        try connection.transaction {
            try ensureLoginRole(login, group: Self.viewerRole)
            guard let offices else {
                try connection.execute("GRANT \(Self.ministryRole) TO \(PGConnection.identifier(login))")
                return
            }
            for office in offices {
                try requireOffice(office)
                try connection.execute("INSERT INTO ita.office_role (office, role_name, kind) VALUES ($1, $2, 'viewer') ON CONFLICT DO NOTHING", [office, login])
            }
        }
    }

    public struct OfficeSummary: Equatable, Sendable {
        public let code: String, name: String, members: Int, viewers: Int, tasks: Int
    }

    public func offices() throws -> [OfficeSummary] {
        try connection.execute("""
            SELECT o.code, o.name,
                   (SELECT count(*) FROM ita.office_role r WHERE r.office = o.code AND r.kind = 'member'),
                   (SELECT count(*) FROM ita.office_role r WHERE r.office = o.code AND r.kind = 'viewer'),
                   (SELECT count(*) FROM ita.task t WHERE t.office = o.code)
            FROM ita.office o ORDER BY o.code
            """).rows.map { row in
            OfficeSummary(code: row[0] ?? "", name: row[1] ?? "", members: Int(row[2] ?? "") ?? 0, viewers: Int(row[3] ?? "") ?? 0,
                          tasks: Int(row[4] ?? "") ?? 0)
        }
    }

    private func requireOffice(_ code: String) throws {
        guard try connection.execute("SELECT 1 FROM ita.office WHERE code = $1", [code]).rows.count == 1 else {
            throw Refused("no office \(code) on this server (ita admin add-office \(code) --name …)")
        }
    }

    func ensureLoginRole(_ login: String, group: String) throws {
        guard !login.isEmpty, login.count <= 63, !login.hasPrefix("pg_"), ![Self.ownerRole, Self.memberRole, Self.viewerRole].contains(login) else {
            throw Refused("'\(login)' cannot be a member's login on the server")
        }
        let existing = try connection.execute("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = $1", [login]).rows
        if existing.isEmpty {
            try tolerating(made: "role \(login)") { try connection.execute("CREATE ROLE \(PGConnection.identifier(login)) LOGIN") }
        } else if existing[0][0] == "t" {
            // Such a role passes every policy: it cannot stand for one office's member.
            throw Refused("'\(login)' is a superuser or BYPASSRLS role on this server; a member logs in as an ordinary role")
        }
        try tolerating(made: "membership of \(login)") {
            try connection.execute("GRANT \(PGConnection.identifier(group)) TO \(PGConnection.identifier(login))")
        }
    }

    /// Runs a statement that another session may have just done too (roles belong to the whole
    /// cluster, so two databases' imports can make the same login at once): if it was made meanwhile,
    /// that is what was wanted. A savepoint keeps the rest of the transaction.
    private func tolerating(made what: String, _ body: () throws -> Void) throws {
        try connection.execute("SAVEPOINT ita_made")
        do {
            try body()
            try connection.execute("RELEASE SAVEPOINT ita_made")
        } catch let error as PGError where ["42710", "23505", "XX000"].contains(error.sqlState ?? "") {
            // 42710 duplicate_object, 23505 unique_violation, XX000 "tuple concurrently updated".
            try connection.execute("ROLLBACK TO SAVEPOINT ita_made")
            try connection.execute("RELEASE SAVEPOINT ita_made")
        }
    }
}

// MARK: Moving an office's SQLite file onto the server

/// One table of an office's SQLite file, as text rows.
public struct ImportTable: Sendable {
    public let table: String
    public let columns: [String]
    public let rows: [[String?]]

    public init(table: String, columns: [String], rows: [[String?]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }

    func values(_ column: String) -> [String?] {
        guard let index = columns.firstIndex(of: column) else { return [] }
        return rows.map { $0[index] }
    }
}

extension ServerAdmin {
    public struct Imported: Equatable, Sendable {
        public let rows: [String: Int]
        public let logins: [String]
        public let history: Int
    }

    /// Moves an office's data onto the server as office `code`, in one transaction: its rows keep their
    /// numbers (task #85 stays #85), each member gets their database role, and the file's audit log comes
    /// first, with its numbers, so the office's history reads on from where the file left it. The import
    /// itself is then audited like any change (action `import`). A row the server refuses names its table
    /// and row, and nothing is written.
    public func importOffice(code: String, name: String?, tables: [ImportTable]) throws -> Imported {
        let organisation = tables.first { $0.table == "assessment" }?.values("organisation").first ?? nil
        try validateCode(code)
        return try connection.transaction {
            try connection.execute("SET LOCAL ita.action = 'import'")
            if try connection.execute("SELECT 1 FROM ita.office WHERE code = $1", [code]).rows.count == 1 {
                throw Refused("office \(code) already exists on this server")
            }
            try connection.execute("INSERT INTO ita.office (code, name) VALUES ($1, $2)", [code, name ?? organisation ?? code])
            let members = tables.first { $0.table == "member" }
            let logins = (members?.values("login") ?? []).compactMap { $0 }
            var loginByID: [String: String] = [:]
            for (id, login) in zip(members?.values("id") ?? [], members?.values("login") ?? []) { if let id, let login { loginByID[id] = login } }
            var history = 0
            if let audit = tables.first(where: { $0.table == "audit" }) {
                history = try importHistory(audit, office: code, loginByID: loginByID)
            }
            for login in logins {
                // A login is one person on the whole server: two offices' members with one login are never merged silently.
                if let other = try connection.execute("SELECT office FROM ita.office_role WHERE role_name = $1 AND kind = 'member' AND office <> $2 LIMIT 1",
                                                      [login, code]).scalar {
                    throw Refused("member \(login) of the file is already a member of office \(other) on this server, and a login names one person on the whole server; nothing was imported")
                }
                try ensureLoginRole(login, group: Self.memberRole)
                try connection.execute("INSERT INTO ita.office_role (office, role_name, kind) VALUES ($1, $2, 'member') ON CONFLICT DO NOTHING", [code, login])
            }
            var counts: [String: Int] = [:]
            for table in tables where table.table != "audit" && ServerSchema.officeTables.contains(table.table) {
                let serverColumns = Set(try connection.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'ita' AND table_name = $1", [table.table]
                ).column("column_name").compactMap { $0 })
                let used = table.columns.indices.filter { serverColumns.contains(table.columns[$0]) && table.columns[$0] != "office" }
                let names = (["office"] + used.map { table.columns[$0] }).joined(separator: ", ")
                let placeholders = (1...(used.count + 1)).map { "$\($0)" }.joined(separator: ", ")
                let sql = "INSERT INTO ita.\(table.table) (\(names)) VALUES (\(placeholders))"
                for (number, row) in table.rows.enumerated() {
                    do {
                        try connection.execute(sql, [code] + used.map { row[$0] })
                    } catch let error as PGError {
                        throw Refused("\(table.table), row \(number + 1): \(error.message)")
                    }
                }
                counts[table.table] = table.rows.count
            }
            return Imported(rows: counts, logins: logins, history: history)
        }
    }

    /// The file's audit rows under their own numbers; the office's change sequence goes on after them.
    private func importHistory(_ audit: ImportTable, office: String, loginByID: [String: String]) throws -> Int {
        func column(_ name: String) -> Int? { audit.columns.firstIndex(of: name) }
        guard let id = column("id"), let at = column("at"), let login = column("os_login"), let action = column("action"),
              let entity = column("entity"), let key = column("entity_key"), let field = column("field") else {
            throw Refused("audit: the file's audit log lacks its usual columns")
        }
        let member = column("member_id"), old = column("old_value"), new = column("new_value"), change = column("change_id"),
            undoes = column("undoes"), chain = column("chain")
        func value(_ row: [String?], _ index: Int?) -> String? { index.flatMap { row[$0] } }
        var last: Int64 = 0
        for (number, row) in audit.rows.enumerated() {
            do {
                try connection.execute("""
                    INSERT INTO ita.audit (office, seq, at, db_role, action, acting_for, entity, entity_key, old_row, new_row)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                            jsonb_build_object('field', $9::text, 'value', $10::text, 'change_id', $11::bigint, 'undoes', $12::bigint, 'chain', $13::text),
                            jsonb_build_object('field', $9::text, 'value', $14::text))
                    """, [office, row[id], row[at], row[login] ?? "", row[action] ?? "", value(row, member).flatMap { loginByID[$0] },
                          row[entity] ?? "", row[key] ?? "", row[field], value(row, old), value(row, change), value(row, undoes),
                          value(row, chain), value(row, new)])
            } catch let error as PGError {
                throw Refused("audit, row \(number + 1): \(error.message)")
            }
            last = max(last, Int64(row[id] ?? "") ?? 0)
        }
        try connection.execute("INSERT INTO ita.office_counter (office, name, next) VALUES ($1, 'change', $2)", [office, String(last + 1)])
        return audit.rows.count
    }
}
