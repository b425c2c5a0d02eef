import GRDB

/// An office's tables as plain text rows, to move the office onto a server (`ita admin import-office`).
public struct TableRows: Sendable, Equatable {
    public let table: String
    public let columns: [String]
    /// Every value as SQLite's text form; nil is NULL.
    public let rows: [[String?]]
}

extension Store {
    /// The tables an office's data lives in, parents before the rows that refer to them, the audit log last.
    public static let officeTables = [
        "assessment", "last_year_score", "estimate", "respondents", "milestone", "holiday", "member", "owner", "task",
        "snapshot", "meeting", "meeting_entry", "official_result", "evidence_check", "sent", "audit",
    ]

    /// Every row of the office's tables, oldest first, in one read transaction (a consistent copy).
    public func officeRows() throws -> [TableRows] {
        try read { db in
            try Self.officeTables.map { table in
                let statement = try db.makeStatement(sql: "SELECT * FROM \(table) ORDER BY rowid")
                let columns = statement.columnNames
                let rows = try Row.fetchAll(statement).map { row in
                    columns.indices.map { index -> String? in
                        let value = row[index] as DatabaseValue
                        switch value.storage {
                        case .null: return nil
                        case .int64(let number): return String(number)
                        case .double(let number): return String(number)
                        case .string(let text): return text
                        case .blob(let data): return String(decoding: data, as: UTF8.self)
                        }
                    }
                }
                return TableRows(table: table, columns: columns, rows: rows)
            }
        }
    }
}
