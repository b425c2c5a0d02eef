import ArgumentParser
import Foundation
import ITACore
import ITAServer
import ITAStore
import ITAUI

/// `ita admin`: sets up a PostgreSQL server for many offices. Run by the server's administrator; the
/// server, not ita, then keeps each office's rows to its own members.
struct AdminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin",
        abstract: "Set up a PostgreSQL server for many offices: the schema, offices, members and viewers.",
        discussion: """
            Give the server with --db as a libpq connection string: postgresql://HOST/DB, "host=… dbname=…", or service=NAME \
            (pg_service.conf); PGHOST, PGUSER, PGSSLMODE and libpq's other variables apply. Connect as the database's \
            administrator (a superuser, or a role with CREATEROLE and BYPASSRLS).

            Each member logs in as their own database role, named by their login; row-level security on the server lets \
            a role see and change only its offices' rows, and the audit log is written by a trigger. See README, \
            "Many offices on one PostgreSQL server".
            """,
        subcommands: [Setup.self, AddOffice.self, AddMember.self, AddViewer.self, ImportOffice.self, Offices.self])

    struct ServerOption: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("The server: postgresql://…, key=value pairs or service=NAME.", valueName: "conninfo"))
        var db: String?

        /// --db, else $ITA_DB when it names a server.
        func connect() throws -> ServerAdmin {
            let environment = Context.environment["ITA_DB"].flatMap { ServerAddress.isServer($0) ? $0 : nil }
            guard let conninfo = db ?? environment else {
                throw CLIError("ita admin needs the server: --db postgresql://HOST/DATABASE (or service=NAME)")
            }
            guard ServerAddress.isServer(conninfo) else {
                throw CLIError("--db \(Quote.cut(conninfo)): ita admin works on a PostgreSQL server (postgresql://…, key=value or service=NAME), not a SQLite file")
            }
            return ServerAdmin(try PGConnection(conninfo))
        }
    }

    /// Runs `body`, turning the server's and the admin's refusals into one line and exit 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ServerAdmin.Refused {
            Context.fail(Language.en.strings, error.description)
        } catch let error as PGError {
            Context.fail(Language.en.strings, "server: " + error.message)
        } catch let error as CLIError {
            Context.fail(Language.en.strings, error.message)
        } catch let error as StoreError {
            Context.fail(Language.en.strings, Context.message(for: error, Language.en.strings))
        }
    }

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "setup",
            abstract: "Create the ITA schema on the server, or bring it up to this ita's version (safe to run again).")
        @OptionGroup var server: ServerOption

        func run() throws {
            try AdminCommand.run {
                let versions = try server.connect().setUp()
                print(versions.from == versions.to ? "schema is at version \(versions.to); nothing to do"
                                                   : "schema version \(versions.from) → \(versions.to)")
            }
        }
    }

    struct AddOffice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-office", abstract: "Add an office (its code keys all its rows).")
        @OptionGroup var server: ServerOption
        @Argument(help: "The office's code: 1–40 letters, digits, '.', '_' or '-'.") var code: String
        @Option(help: "The office's name.") var name: String

        func run() throws {
            try AdminCommand.run {
                try server.connect().addOffice(code: code, name: name)
                print("office \(code) added")
            }
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-member",
            abstract: "Add a committee member to an office: their database role (created if missing), member row and access.")
        @OptionGroup var server: ServerOption
        @Argument(help: "The member's login, also their database role.") var login: String
        @Option(help: "The office's code.") var office: String
        @Option(help: "The member's full name.") var name: String
        @Option(help: "chair, secretary, owner or member.") var role: Member.Role = .member

        func run() throws {
            try AdminCommand.run {
                let id = try server.connect().addMember(office: office, login: login, name: name, role: role.rawValue)
                print("\(login) is member #\(id) of \(office) (\(role)); set the role's password or certificate as the server's pg_hba.conf requires")
            }
        }
    }

    struct AddViewer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-viewer",
            abstract: "Add a read-only viewer of some offices (a province) or of all of them (--all, a ministry).")
        @OptionGroup var server: ServerOption
        @Argument(help: "The viewer's login, also their database role.") var login: String
        @Option(help: "An office the viewer may read (repeat for more).") var office: [String] = []
        @Flag(help: "Every office, also those added later.") var all = false

        func validate() throws {
            if all == !office.isEmpty { throw ValidationError("give --office CODE (one or more) or --all") }
        }

        func run() throws {
            try AdminCommand.run {
                try server.connect().addViewer(login: login, offices: all ? nil : office)
                print(all ? "\(login) may read every office" : "\(login) may read \(office.joined(separator: ", "))")
            }
        }
    }

    struct ImportOffice: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import-office",
            abstract: "Move an office's SQLite file onto the server: every row with its number, the members' roles, the audit log.",
            discussion: """
                The file is opened read-only and not changed. Everything goes in one transaction: a row the server refuses \
                names its table and row, and nothing is written. The file's audit log comes first, under its own numbers (with \
                each row's hash-chain value kept); the import itself is then audited as `import`. Each member's login becomes \
                their database role, created with LOGIN if missing.
                """)
        @OptionGroup var server: ServerOption
        @Argument(help: ArgumentHelp("The office's SQLite file.", valueName: "file.sqlite"), completion: .file(extensions: ["sqlite", "db"]))
        var file: String
        @Option(help: "The office's code on the server.") var office: String
        @Option(help: "The office's name (default: the organisation in the file).") var name: String?

        func run() throws {
            try AdminCommand.run {
                let store = try Store.open(at: file, readOnly: true)
                let tables = try store.officeRows().map { ImportTable(table: $0.table, columns: $0.columns, rows: $0.rows) }
                let imported = try server.connect().importOffice(code: office, name: name, tables: tables)
                print("imported \(file) as office \(office): \(imported.rows["task"] ?? 0) tasks, \(imported.logins.count) members, "
                      + "\(imported.history) audit rows of history")
                print("members log in as their own database roles: \(imported.logins.joined(separator: ", "))")
            }
        }
    }

    struct Offices: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "offices", abstract: "List the server's offices: members, viewers, tasks.")
        @OptionGroup var server: ServerOption

        func run() throws {
            try AdminCommand.run {
                let offices = try server.connect().offices()
                guard !offices.isEmpty else { print("no offices yet (ita admin add-office CODE --name …)"); return }
                let rows = [["office", "name", "members", "viewers", "tasks"]] + offices.map {
                    [$0.code, $0.name.sanitizedForTerminal, String($0.members), String($0.viewers), String($0.tasks)]
                }
                for line in TextReports.columns(rows) { print(line) }
            }
        }
    }
}
