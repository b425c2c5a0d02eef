import CLibPQ
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the server said when it refused a statement: its SQLSTATE (42501 permission denied, 42501/…
/// for row-level security, P0001 for a trigger's RAISE) and its message.
public struct PGError: Error, CustomStringConvertible, Equatable {
    public let sqlState: String?
    public let message: String

    public init(sqlState: String?, message: String) {
        self.sqlState = sqlState
        self.message = message
    }

    public var description: String { message }
    /// The server refused on privileges or row-level security (SQLSTATE 42501).
    public var isPermissionDenied: Bool { sqlState == "42501" }
}

/// The rows of one statement, as text (libpq's text format), and how many rows it changed.
public struct PGRows: Sendable {
    public let columns: [String]
    public let rows: [[String?]]
    public let affected: Int

    /// The first row's first value.
    public var scalar: String? { rows.first?.first ?? nil }

    public func column(_ name: String) -> [String?] {
        guard let index = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }
}

/// One synchronous connection through libpq, like the store: the dashboard blocks in the terminal's
/// input timeout, so nothing here is async. Parameters always travel separately from the SQL
/// (PQexecParams), never spliced into it.
public final class PGConnection {
    private let raw: OpaquePointer
    private let pq: LibPQ

    /// `conninfo`: a postgresql:// URI, `key=value` pairs, or `service=NAME` (pg_service.conf); libpq's
    /// usual PG* variables (PGHOST, PGSSLMODE, PGPASSFILE…) fill in the rest.
    public init(_ conninfo: String) throws {
        let pq = try LibPQ.loaded.get()
        guard let connection = pq.connectdb(conninfo) else { throw PGError(sqlState: nil, message: "out of memory") }
        guard pq.status(connection) == CONNECTION_OK else {
            let message = Self.trimmed(pq.errorMessage(connection))
            pq.finish(connection)
            throw PGError(sqlState: nil, message: message)
        }
        self.pq = pq
        raw = connection
        // NOTICEs ("already exists, skipping") would go to stderr through libpq's default processor.
        _ = try? execute("SET client_min_messages TO warning")
    }

    deinit { pq.finish(raw) }

    /// `conninfo` (libpq's key=value pairs) with some keys set: another login or database on the same server.
    public static func conninfo(_ conninfo: String, setting values: [String: String]) -> String {
        var pairs = conninfo.split(separator: " ").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            if let index = pairs.firstIndex(where: { $0.first == key }) { pairs[index] = [key, value] } else { pairs.append([key, value]) }
        }
        return pairs.map { $0.joined(separator: "=") }.joined(separator: " ")
    }

    /// Runs one statement with `$1…` parameters (nil is SQL NULL).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws -> PGRows {
        let result = withParameters(parameters) { values in
            pq.execParams(raw, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        return try rows(of: result)
    }

    /// Runs a script of several statements (migrations), with no parameters.
    public func execute(script: String) throws {
        _ = try rows(of: pq.exec(raw, script))
    }

    /// Runs a script of several statements in one round trip and returns each statement's rows, in
    /// order. The first refusal is thrown once the server has answered the whole script (a refused
    /// statement inside `BEGIN … COMMIT` leaves the transaction aborted, and its COMMIT rolls back).
    /// Values go into the SQL as `literal`s: scripts cannot take parameters.
    public func results(ofScript script: String) throws -> [PGRows] {
        guard pq.sendQuery(raw, script) == 1 else { throw PGError(sqlState: nil, message: Self.trimmed(pq.errorMessage(raw))) }
        var all: [PGRows] = []
        var failure: Error?
        while let result = pq.getResult(raw) {
            do { all.append(try rows(of: result)) } catch { if failure == nil { failure = error } }
        }
        if let failure { throw failure }
        return all
    }

    /// A text as a quoted SQL literal (`'` doubled; NUL cannot be sent and is dropped), for scripts. The
    /// connection keeps `standard_conforming_strings` on (PostgreSQL's default), so backslashes are plain.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\u{0}", with: "").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Runs `body` in one transaction: committed, or rolled back when it throws (or, `rollingBack`, always:
    /// a dry run that checks and works out everything, then writes nothing).
    public func transaction<T>(rollingBack: Bool = false, _ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute(rollingBack ? "ROLLBACK" : "COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    // MARK: LISTEN / NOTIFY

    public func listen(_ channel: String) throws {
        try execute("LISTEN \(Self.identifier(channel))")
    }

    /// The notifications that arrived, waiting up to `timeout` seconds for the first.
    public func notifications(waiting timeout: Double) throws -> [(channel: String, payload: String)] {
        var found = drain()
        if !found.isEmpty { return found }
        var descriptor = pollfd(fd: pq.socket(raw), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, timeout * 1000)))
        if ready > 0 {
            guard pq.consumeInput(raw) == 1 else { throw PGError(sqlState: nil, message: Self.trimmed(pq.errorMessage(raw))) }
            found = drain()
        }
        return found
    }

    private func drain() -> [(channel: String, payload: String)] {
        var found: [(String, String)] = []
        _ = pq.consumeInput(raw)
        while let notice = pq.notifies(raw) {
            found.append((String(cString: notice.pointee.relname), String(cString: notice.pointee.extra)))
            pq.freemem(notice)
        }
        return found
    }

    // MARK: Quoting

    /// A name as a quoted SQL identifier ("login" with " doubled), for the statements that cannot take
    /// parameters (CREATE ROLE, GRANT, LISTEN).
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: Results

    private func rows(of result: OpaquePointer?) throws -> PGRows {
        guard let result else { throw PGError(sqlState: nil, message: Self.trimmed(pq.errorMessage(raw))) }
        defer { pq.clear(result) }
        switch pq.resultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            break
        default:
            let state = pq.resultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let primary = pq.resultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            throw PGError(sqlState: state, message: primary ?? Self.trimmed(pq.resultErrorMessage(result)))
        }
        let columnCount = Int(pq.nfields(result)), rowCount = Int(pq.ntuples(result))
        let columns = (0..<columnCount).map { pq.fname(result, Int32($0)).map { String(cString: $0) } ?? "" }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            rows.append((0..<columnCount).map { column in
                pq.getisnull(result, Int32(row), Int32(column)) == 1 ? nil : pq.getvalue(result, Int32(row), Int32(column)).map { String(cString: $0) }
            })
        }
        let affected = pq.cmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0
        return PGRows(columns: columns, rows: rows, affected: affected)
    }

    private func withParameters<R>(_ parameters: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }

    private static func trimmed(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        return String(cString: message).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
