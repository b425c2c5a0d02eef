import ArgumentParser
import Foundation
import ITACore
import ITAStore
import ITAUI
#if canImport(Glibc)
import Glibc
#endif

/// The process's view of the world, read once: the clock, the OS login, the environment and the
/// database. Commands get everything through it, so the domain never reads any of them.
struct Context {
    let options: GlobalSettings
    let config: Config
    let language: Language
    let strings: Strings
    let now: Timestamp
    let login: String
    let isAdministrator: Bool
    /// The user's hooks, run after each committed change.
    let hooks: Hooks

    init(options: GlobalSettings, config: Config) throws {
        self.options = options
        self.config = config
        language = options.lang ?? config.language ?? .th
        strings = language.strings
        let clock = Self.clock()
        if let text = options.today {
            guard let day = DateInput.parse(text, today: clock.date) else { throw CLIError(strings.badDate(text)) }
            // A fixed moment in the morning of that day, so outputs that show times are stable.
            let offset = clock.utcOffsetSeconds
            now = Timestamp(secondsSince1970: Int64(day.dayNumber) * 86_400 + 9 * 3600 - Int64(offset), utcOffsetSeconds: offset)
        } else {
            now = clock
        }
        login = Self.osLogin()
        isAdministrator = geteuid() == 0
        hooks = Hooks(config: config, today: now.date, thai: language == .th)
    }

    /// The moment now: fixed with --today (tests), else the clock (the dashboard runs for hours).
    func currentTime() -> Timestamp {
        options.today != nil ? now : Self.clock()
    }

    /// The system clock with the local UTC offset (TZ, else /etc/localtime), read through libc:
    /// Foundation's TimeZone.current would load ICU's time-zone data on every start.
    static func clock() -> Timestamp {
        tzset()
        var seconds = time(nil)
        var local = tm()
        localtime_r(&seconds, &local)
        return Timestamp(secondsSince1970: Int64(seconds), utcOffsetSeconds: local.tm_gmtoff)
    }

    var today: CivilDate { now.date }

    /// A date given on the command line, by the one rule for typed dates (`DateInput`).
    func parseDate(_ text: String) throws -> CivilDate {
        guard let date = DateInput.parse(text, today: today) else { throw CLIError(strings.badDate(text)) }
        return date
    }

    static func osLogin() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// --db, else $ITA_DB, else `db` in the config file, else $XDG_DATA_HOME/ita/ita.sqlite.
    var databasePath: String {
        if let db = options.db { return db }
        if let db = Self.environment["ITA_DB"], !db.isEmpty { return db }
        if let db = config.database, !db.isEmpty { return db }
        return Self.dataHome + "/ita/ita.sqlite"
    }

    static var home: String { environment["HOME"] ?? NSHomeDirectory() }

    static var dataHome: String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg }
        return home + "/.local/share"
    }

    static var cacheHome: String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg }
        return home + "/.cache"
    }

    /// Opens the database and, on the first command of the day, records the day's progress snapshot
    /// (best effort: a database this user may only read still opens).
    func openStore(memoryMapped: Bool = true, checkpointsWhenIdle: Bool = false) throws -> Store {
        if ServerAddress.isServer(databasePath) {
            throw CLIError("--db \(Quote.cut(databasePath)): on a PostgreSQL server, \(ServerAddress.commands) work so far; this command needs an office's SQLite file")
        }
        let store = try Store.open(at: databasePath, memoryMapped: memoryMapped, readOnly: options.readOnly, checkpointsWhenIdle: checkpointsWhenIdle)
        if !store.isReadOnly { _ = try? store.takeDailySnapshotIfMissing(today: today) }
        hooks.watch(store)
        return store
    }

    /// The office's store on either backend: its SQLite file, or its rows on a PostgreSQL server
    /// (`--db postgresql://…`, with `--office CODE` or $ITA_OFFICE when the login has several offices).
    func openOffice(memoryMapped: Bool = true, checkpointsWhenIdle: Bool = false) throws -> any OfficeStore {
        guard ServerAddress.isServer(databasePath) else { return try openStore(memoryMapped: memoryMapped, checkpointsWhenIdle: checkpointsWhenIdle) }
        let office = options.office ?? Self.environment["ITA_OFFICE"].flatMap { $0.isEmpty ? nil : $0 }
        let store = try ServerStore.open(databasePath, office: office, utcOffsetSeconds: now.utcOffsetSeconds, readOnly: options.readOnly)
        // The day's progress snapshot, as for a file (best effort: a viewer's store only reads).
        _ = try? store.takeDailySnapshotIfMissing(today: today)
        return store
    }

    /// For a one-shot command that only reads: the store is left for the process's exit to close.
    /// Deallocating a file's store costs about 0.5 ms of `ita status` (GRDB's queue removes its
    /// notification observers, which looks a conformance up at run time); a reader has nothing to checkpoint.
    func openOfficeUntilExit() throws -> any OfficeStore {
        let store = try openOffice()
        _ = Unmanaged.passRetained(store as AnyObject)
        return store
    }

    /// Who is making changes: the OS login's member, or with --as the named one (if allowed).
    /// On a server, the login is the database role the server knows (session_user), and the client
    /// machine's root is nobody there.
    func author(in store: any OfficeStore) throws -> Author {
        let login = store.storeLogin ?? self.login
        let own = try store.member(login: login)
        guard let other = options.actAs, other != login else { return Author(login: login, member: own) }
        if let denial = Permissions.canActAs(actual: own, login: login, isAdministrator: isAdministrator && store.storeLogin == nil) {
            throw CLIError(strings.denied(denial))
        }
        guard let member = try store.member(login: other) else { throw CLIError(strings.unknownMember(other)) }
        return Author(login: login, member: member)
    }

    /// Prints line by line: joining a long report first would build (and page in) a copy of it all.
    func print(_ lines: [String]) {
        for line in lines { Output.print(line) }
    }

    /// Runs a command body, turning every known failure into one line on stderr and exit status 1.
    static func run(_ options: GlobalOptions, _ body: (Context) throws -> Void) throws {
        try run(options.settings, body)
    }

    static func run(_ options: GlobalSettings, _ body: (Context) throws -> Void) throws {
        var language = options.lang ?? .th
        var strings = language.strings
        do {
            let config = try Config.load()
            language = options.lang ?? config.language ?? .th
            strings = language.strings
            let ctx = try Context(options: options, config: config)
            // Hooks run for what was committed, also when the command failed after committing some of it.
            do { try body(ctx) } catch { ctx.hooks.finish(); throw error }
            ctx.hooks.finish()
        } catch let error as CLIError {
            fail(strings, error.message)
        } catch let error as StoreError {
            fail(strings, message(for: error, strings))
        } catch let error as DataFileError {
            fail(strings, error.text(thai: language == .th))
        } catch let error as DataFileErrors {
            // A line per problem, then how many (the file is reported whole, up to 50).
            for problem in error.errors { Output.error(problem.text(thai: language == .th).sanitizedForTerminal) }
            let file = error.errors.first?.file ?? ""
            fail(strings, language == .th ? "พบ \(error.errors.count) ปัญหาใน \(file)\(error.errors.count >= 50 ? " (แสดง 50 รายการแรก)" : "")"
                                          : "\(error.errors.count) problems in \(file)\(error.errors.count >= 50 ? " (the first 50)" : "")")
        } catch let error as SettingsFileError {
            fail(strings, error.text(thai: language == .th))
        }
    }

    static func fail(_ strings: Strings, _ message: String) -> Never {
        Output.error("\(strings.errorPrefix) \(message.sanitizedForTerminal)")
        Foundation.exit(1)
    }

    static func message(for error: StoreError, _ s: Strings) -> String {
        switch error {
        case .noDatabase(let path): return s.noDatabase(path)
        case .notADatabase(let path, let detail): return s.notADatabase(path, detail)
        case .newerVersion(let path): return s.newerVersion(path)
        case .alreadyExists(let path): return s.alreadyExists(path)
        case .unknownTask(let id): return s.unknownTask(id)
        case .unknownTool(let code): return s.unknownTool(code)
        case .denied(let denial): return s.denied(denial)
        case .nothingToUndo: return s.nothingToUndo
        case .meetingEnded(let day): return s.meetingEnded(s.date(day))
        case .undoConflict(let entity, let key, let field): return s.undoConflict(entity, key, field)
        case .readOnly(let path, let why): return s.readOnly(path, why)
        case .needsUpgrade(let path): return s.needsUpgrade(path)
        case .busy(let path): return s.busy(path)
        case .full(let path): return s.diskFull(path)
        case .corrupt(let path): return s.corrupt(path)
        case .ioError(let path, let detail): return s.ioError(path, detail)
        case .refused(let path, let detail): return s.refusedByDatabase(path, detail)
        case .invalid(let problem): return s.planProblem(problem)
        case .editConflict(let id, let by, let at): return s.editConflict(id, by, at)
        case .failed(let detail): return detail
        }
    }

    /// Reads the files a committee file includes, by paths relative to it (as the error names them).
    func includer(besides file: String) -> (String) throws -> String {
        let directory = (file as NSString).deletingLastPathComponent
        return { path in try self.readFile(path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path) }
    }

    /// Reads a text file, naming it in the error when it cannot.
    func readFile(_ path: String) throws -> String {
        try Self.text(of: try readData(path), file: path, thai: language == .th)
    }

    /// Reads a file's bytes, naming it in the error when it cannot.
    func readData(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission or I/O error" : "no such file"
            throw CLIError(strings.cannotRead(path, reason))
        }
    }
}

extension Context {
    /// A file's bytes as text, or an error naming the line and byte where it stops being UTF-8.
    /// A UTF-8 byte-order mark is dropped.
    static func text(of data: Data, file: String, thai: Bool = true) throws -> String {
        if let position = UTF8Check.firstInvalid(data) {
            throw CLIError("\(file):\(position.line): \(UTF8Check.describe(position, thai: thai))")
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}

/// A failure whose message is already in the user's language.
struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
