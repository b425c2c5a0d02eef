/// The sections of the follow-up meeting's agenda, in the order they are walked.
public enum AgendaSection: String, Hashable, Sendable, CaseIterable, Codable {
    /// a) done since the last meeting, by owner, and the change in the projected score
    case done
    /// b) overdue, grouped by owner, oldest first
    case overdue
    /// c) due before the next meeting
    case dueSoon = "due_soon"
    /// d) open work with no change for 14 days and a deadline within 30
    case atRisk = "at_risk"
    /// e) survey respondents against quota while a survey window is open
    case respondents
    /// f) decisions and action items
    case decisions

    /// `a`…`f`, as the agenda numbers them.
    public var letter: String { String(UnicodeScalar(UInt8(97 + Self.allCases.firstIndex(of: self)!))) }
}

/// Something recorded during a meeting: a note, a decision, or an action item (whose task is
/// saved at once).
public struct MeetingEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case note, decision, action }

    public var id: Int64
    public var section: AgendaSection
    public var kind: Kind
    /// What it is about, as written on the agenda: `#12`, `O12`, `@login`, `IIT`; nil for the meeting as a whole.
    public var subject: String?
    public var text: String
    /// The action item's task.
    public var taskID: Int64?
    public var memberID: Int64?
    public var at: Timestamp
    /// The entry this one corrects (entries are never changed: a correction is a new entry).
    public var supersedes: Int64?
    /// The ระเบียบวาระ of the official minutes it belongs to (1–5); nil is วาระที่ 4, the agenda a–f.
    public var agendaItem: Int?

    public var isCorrection: Bool { supersedes != nil }
    /// Its ระเบียบวาระ, 1–5 (4 when none was chosen).
    public var item: Int { agendaItem ?? MinutesItem.considered }

    public init(id: Int64, section: AgendaSection, kind: Kind, subject: String?, text: String, taskID: Int64? = nil,
                memberID: Int64?, at: Timestamp, supersedes: Int64? = nil, agendaItem: Int? = nil) {
        self.supersedes = supersedes
        self.agendaItem = agendaItem
        self.id = id
        self.section = section
        self.kind = kind
        self.subject = subject
        self.text = text
        self.taskID = taskID
        self.memberID = memberID
        self.at = at
    }
}

/// One follow-up meeting: when, who came, what was recorded, how long each section took and,
/// once ended, the agenda as it stood (so the minutes say what the meeting saw, not today's state).
public struct Meeting: Hashable, Sendable {
    public var id: Int64
    public var day: CivilDate
    public var startedAt: Timestamp
    public var endedAt: Timestamp?
    public var attendees: [Int64]
    /// Where it was held (ณ …), for the official minutes.
    public var place: String = ""
    /// Why members did not come (ลาป่วย, ติดราชการ), by member id.
    public var absenceReasons: [Int64: String] = [:]
    /// People who attended but are not members (ผู้เข้าร่วมประชุม).
    public var guests: [String] = []
    public var entries: [MeetingEntry]
    /// The entries as they stand after corrections (see `MeetingEntry.current`).
    public var currentEntries: [MeetingEntry] { MeetingEntry.current(entries) }
    /// Seconds spent per section (`attendance` and the section raw values).
    public var sectionSeconds: [String: Int]
    public var summary: MeetingSummary?

    public init(id: Int64, day: CivilDate, startedAt: Timestamp, endedAt: Timestamp? = nil, attendees: [Int64] = [],
                entries: [MeetingEntry] = [], sectionSeconds: [String: Int] = [:], summary: MeetingSummary? = nil) {
        self.id = id
        self.day = day
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.attendees = attendees
        self.entries = entries
        self.sectionSeconds = sectionSeconds
        self.summary = summary
    }

    public var isEnded: Bool { endedAt != nil }

    /// The key of the attendance step in `sectionSeconds`.
    public static let attendanceKey = "attendance"
}

/// The ระเบียบวาระ of official Thai minutes (รายงานการประชุม), in order.
public enum MinutesItem {
    /// 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ
    public static let chairsAnnouncements = 1
    /// 2 รับรองรายงานการประชุมครั้งที่แล้ว
    public static let previousMinutes = 2
    /// 3 เรื่องสืบเนื่อง
    public static let followUp = 3
    /// 4 เรื่องเพื่อพิจารณา: the agenda a–f
    public static let considered = 4
    /// 5 เรื่องอื่น ๆ
    public static let other = 5
    public static let all = 1...5
}

/// When the committee meets: one weekday a week.
public struct MeetingSchedule: Hashable, Sendable {
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int

    public init(weekday: Int) { self.weekday = max(1, min(7, weekday)) }

    /// The first meeting day after `day` (a week on when `day` is itself a meeting day).
    public func next(after day: CivilDate) -> CivilDate {
        let ahead = (weekday - day.weekday + 7) % 7
        return day.adding(days: ahead == 0 ? 7 : ahead)
    }

    public func isMeetingDay(_ day: CivilDate) -> Bool { day.weekday == weekday }

    /// `wednesday`, `wed`, `พุธ`, `วันพุธ` or `3` → 3.
    public static func weekday(named text: String) -> Int? {
        let name = text.trimmingWhitespace.lowercased()
        if let n = Int(name) { return (1...7).contains(n) ? n : nil }
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let thai = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
        if let i = english.firstIndex(where: { $0 == name || (name.count >= 3 && $0.hasPrefix(name)) }) { return i + 1 }
        let bare = name.hasPrefix("วัน") ? String(name.dropFirst("วัน".count)) : name
        if let i = thai.firstIndex(where: { $0 == bare || (bare == "พฤหัส" && $0 == "พฤหัสบดี") }) { return i + 1 }
        return nil
    }
}

extension Permissions {
    /// Only the chair and the secretary record at a meeting (attendance, notes, decisions, action
    /// items, ending it); everyone else follows it read-only.
    public static func canRecordMeeting(actor: Member?, login: String) -> Denial? {
        canRecordPlanData(actor: actor, login: login)
    }
}

extension MeetingEntry {
    /// What stands after corrections: each entry in the place of the one it first corrected, with
    /// the latest correction's text (and id, so correcting it again supersedes that one); the
    /// entries it replaced do not appear.
    public static func current(_ entries: [MeetingEntry]) -> [MeetingEntry] {
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func root(_ entry: MeetingEntry) -> Int64 {
            var e = entry, seen: Set<Int64> = []
            while let previous = e.supersedes, let earlier = byID[previous], seen.insert(e.id).inserted { e = earlier }
            return e.id
        }
        var latest: [Int64: MeetingEntry] = [:]
        for entry in entries { latest[root(entry)] = entry }   // ids grow: the last one wins
        return entries.filter { $0.supersedes == nil || byID[$0.supersedes!] == nil }.compactMap { latest[$0.id] }
    }
}
