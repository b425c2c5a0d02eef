import Foundation
import ITACore
import ITAServer

/// Every office a login may read on a server (a province's viewer: its offices; a ministry's: all),
/// as the roll-up needs them: a few statements over all offices at once rather than a board each, so
/// thousands of offices roll up in about a second. Row-level security decides which offices appear.
public final class ServerRollup {
    public let location: String
    private let connection: PGConnection
    private let utcOffsetSeconds: Int

    private init(location: String, connection: PGConnection, utcOffsetSeconds: Int) {
        self.location = location
        self.connection = connection
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    public static func open(_ conninfo: String, utcOffsetSeconds: Int) throws -> ServerRollup {
        let (connection, server, _) = try ServerStore.connect(conninfo)
        return ServerRollup(location: server, connection: connection, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Differs whenever any readable office changed (the sum and count of their change sequences).
    public func changeToken() throws -> Int {
        let row = try run { try connection.execute("SELECT coalesce(sum(seq), 0), count(*) FROM ita.change").rows.first ?? [] }
        var hasher = Hasher()
        for value in row { hasher.combine(value) }
        return hasher.finalize()
    }

    /// Each readable office's standing on `today`, in one read-only snapshot.
    public func standings(today: CivilDate) throws -> [OfficeStanding] {
        try run {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.execute("COMMIT") }
            var assessments: [String: Assessment] = [:]
            var frameworkKeys: [String: String] = [:]
            for r in try rows("SELECT office, \(ServerStore.assessmentColumns), framework_key FROM ita.assessment") {
                guard let office = r[0] else { continue }
                assessments[office] = try ServerStore.assessment(from: Array(r[1...8]))
                frameworkKeys[office] = r[9]
            }
            // Each distinct framework once, from one of the offices that has it.
            var frameworks: [String: Framework] = [:]
            for r in try rows("""
                SELECT framework_key, framework_json::text FROM ita.assessment
                WHERE office IN (SELECT min(office) FROM ita.assessment GROUP BY framework_key)
                """) {
                if let key = r[0], let json = r[1] { frameworks[key] = try FrameworkCache.shared.framework(for: json) }
            }
            for r in try rows("SELECT office, indicator, score FROM ita.last_year_score") {
                if let o = r[0] { ServerStore.addLastYear(Array(r[1...]), to: &assessments[o, default: Self.blank]) }
            }
            for r in try rows("SELECT office, tool, score FROM ita.estimate") {
                if let o = r[0] { ServerStore.addEstimate(Array(r[1...]), to: &assessments[o, default: Self.blank]) }
            }
            for r in try rows("SELECT office, tool, quota, count FROM ita.respondents") {
                if let o = r[0] { ServerStore.addRespondents(Array(r[1...]), to: &assessments[o, default: Self.blank]) }
            }
            for r in try rows("SELECT office, \(ServerStore.milestoneColumns) FROM ita.milestone ORDER BY office, due, position") {
                if let o = r[0], let m = ServerStore.milestone(Array(r[1...])) { assessments[o]?.milestones.append(m) }
            }
            // Every office's tallies, kept by the server as one text per office (schema v3, `ita.office_tally`).
            var tallies: [String: String] = [:]
            for r in try rows("SELECT office, tallies FROM ita.office_tally") {
                if let office = r[0], let text = r[1] { tallies[office] = text }
            }
            let day = Array(today.iso.utf8)
            // The office's last change: one index seek each, from its newest audit row.
            var lastChange: [String: Timestamp] = [:]
            for r in try rows("""
                SELECT a.office, (SELECT extract(epoch FROM at)::bigint FROM ita.audit WHERE office = a.office ORDER BY seq DESC LIMIT 1)
                FROM ita.assessment a
                """) {
                if let o = r[0], let seconds = r[1].flatMap({ Int64($0) }) { lastChange[o] = Timestamp(secondsSince1970: seconds, utcOffsetSeconds: utcOffsetSeconds) }
            }
            // Each office's standing, on every core (they share nothing).
            let codes = assessments.keys.sorted()
            var standings = [OfficeStanding?](repeating: nil, count: codes.count)
            let facts = frameworks.mapValues { OfficeStanding.FrameworkFacts($0) }
            let (a, k, f, t, l) = (assessments, frameworkKeys, frameworks, tallies, lastChange)
            standings.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                let chunk = max(1, (codes.count + 7) / 8)
                DispatchQueue.concurrentPerform(iterations: (codes.count + chunk - 1) / chunk) { part in
                    for i in part * chunk..<min(codes.count, (part + 1) * chunk) {
                        let office = codes[i]
                        guard let assessment = a[office], let key = k[office], let framework = f[key] else { continue }
                        // What a standing reads of a board: the framework, the assessment and the tallies.
                        let board = Board(framework: framework, assessment: assessment, members: [], owners: [:], tallies: Self.tallies(t[office] ?? "", today: day),
                                          dueGroups: [], nearestDue: [:], today: today)
                        slots[i] = OfficeStanding(code: office, board: board, lastChange: l[office], facts: facts[key])
                    }
                }
            }
            return standings.compactMap { $0 }
        }
    }

    /// An office's tally text read byte by byte: a line per target (kind, target, tasks, done, blocked, with
    /// evidence, the open tasks' due dates, tab-separated; dates ISO, comma-separated). Overdue: the open
    /// tasks due before `today` (ISO dates compare as bytes).
    static func tallies(_ text: String, today: [UInt8]) -> [TaskTarget: Tally] {
        var result: [TaskTarget: Tally] = [:]
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var fields: [Range<Int>] = []
                var from = start
                for i in start...end where i == end || bytes[i] == UInt8(ascii: "\t") {
                    fields.append(from..<i)
                    from = i + 1
                }
                start = end + 1
                guard fields.count == 7 else { continue }
                func text(_ i: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[i]]), as: UTF8.self) }
                func number(_ i: Int) -> Int { bytes[fields[i]].reduce(0) { $0 * 10 + Int($1) - 48 } }
                guard let target = TaskTarget(kind: text(0), text: text(1)) else { continue }
                // Each due date is 10 bytes and a comma: count those before today.
                var overdue = 0, at = fields[6].lowerBound
                while at + 10 <= fields[6].upperBound {
                    if bytes[at..<at + 10].lexicographicallyPrecedes(today) { overdue += 1 } else { break }
                    at += 11
                }
                result[target] = Tally(total: number(2), done: number(3), blocked: number(4), overdue: overdue, withEvidence: number(5))
            }
        }
        return result
    }

    private static let blank = Assessment(organisation: "", fiscalYear: 0, frameworkID: "", targetGrade: "")

    private func rows(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] { try connection.execute(sql, parameters).rows }

    private func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PGError { throw StoreError(error, at: location) }
    }
}
