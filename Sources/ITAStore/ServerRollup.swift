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
            // The roll-up reads no process model (phases are for tasks): its text, kept compressed by the
            // server, is not sent, which spared the server 0.1 s of decompressing it for every office.
            let noProcess = ProcessModel(name: "", phases: [])
            for r in try rows("SELECT office, \(ServerStore.assessmentColumns.replacingOccurrences(of: "process_json::text", with: "NULL")), framework_key FROM ita.assessment") {
                guard let office = r[0] else { continue }
                assessments[office] = try ServerStore.assessment(from: Array(r[1...8]), process: noProcess)
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
            // An office's milestones as one JSON text: offices on the national calendar share it, parsed once.
            var calendars: [ByteText: [Milestone]] = [:]
            for r in try rows("""
                SELECT office, json_agg(json_build_array(\(ServerStore.milestoneColumns)) ORDER BY due, position)::text
                FROM ita.milestone GROUP BY office
                """) {
                guard let o = r[0], let json = r[1] else { continue }
                let key = ByteText(json)
                if calendars[key] == nil { calendars[key] = try Self.milestones(json) }
                assessments[o]?.milestones = calendars[key] ?? []
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
        result.reserveCapacity(64)
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count, tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
            var at = 0
            /// The field from `at` to the next tab (or the line's end), `at` left after it.
            func field() -> Range<Int> {
                let start = at
                while at < n, bytes[at] != tab, bytes[at] != newline { at += 1 }
                let range = start..<at
                if at < n, bytes[at] == tab { at += 1 }
                return range
            }
            /// The digits of `r` as a number (nil if empty or not all digits).
            func digits(_ r: Range<Int>) -> Int? {
                guard !r.isEmpty else { return nil }
                var value = 0
                for i in r {
                    let digit = Int(bytes[i]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            func number() -> Int? { digits(field()) }
            while at < n {
                let kind = field(), code = field()
                let total = number(), done = number(), blocked = number(), evidence = number()
                // The open tasks' due dates, ascending, each 10 bytes and a comma: count those before today.
                let dues = field()
                var overdue = 0, date = dues.lowerBound
                while date + 10 <= dues.upperBound, bytes[date..<date + 10].lexicographicallyPrecedes(today) {
                    overdue += 1
                    date += 11
                }
                while at < n, bytes[at] != newline { at += 1 }   // anything after the seventh field
                at += 1
                guard let total, let done, let blocked, let evidence, !code.isEmpty else { continue }
                let target: TaskTarget
                if kind.count == 9, bytes[kind.lowerBound] == UInt8(ascii: "i"), bytes[kind.lowerBound + 1] == UInt8(ascii: "n") {
                    guard let number = digits(code) else { continue }
                    target = .indicator(number)
                } else if kind.count == 4, bytes[kind.lowerBound] == UInt8(ascii: "i") {
                    // An item's code as the server keeps it (`O12`): a small string, made without allocating.
                    target = .item(String(decoding: UnsafeBufferPointer(rebasing: bytes[code]), as: UTF8.self))
                } else { continue }
                result[target] = Tally(total: total, done: done, blocked: blocked, overdue: overdue, withEvidence: evidence)
            }
        }
        return result
    }

    /// Milestones from a JSON array of `milestoneColumns` arrays.
    static func milestones(_ json: String) throws -> [Milestone] {
        guard let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] else { return [] }
        return rows.compactMap { row in ServerStore.milestone(row.map { $0 as? String }) }
    }

    private static let blank = Assessment(organisation: "", fiscalYear: 0, frameworkID: "", targetGrade: "")

    private func rows(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] { try connection.execute(sql, parameters).rows }

    private func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PGError { throw StoreError(error, at: location) }
    }
}

/// A text hashed and compared by its UTF-8 bytes. A `String` key hashes and compares its normalised
/// (NFC) form, which for a ministry's thousands of Thai calendars cost a fifth of the roll-up.
struct ByteText: Hashable {
    let text: String
    init(_ text: String) { self.text = text }

    static func == (a: ByteText, b: ByteText) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
