/// One organisation's ITA year: what is assessed, against what target, on what calendar.
public struct Assessment: Hashable, Sendable {
    public var organisation: String
    /// Buddhist Era fiscal year being assessed.
    public var fiscalYear: Int
    public var frameworkID: String
    public var targetGrade: String
    /// Score each indicator should reach; indicators that were below it last year are marked.
    public var indicatorTarget: Double
    /// Last year's score per indicator number.
    public var lastYearScores: [Int: Double]
    /// Estimated survey-tool scores (tool code → 0…100) used for projection; defaults to last year's.
    public var estimates: [String: Double]
    public var respondents: [String: Respondents]
    public var milestones: [Milestone]
    public var holidays: [Holiday]
    public var process: ProcessModel
    /// The weekday of the follow-up meeting (1 = Monday … 7 = Sunday; Wednesday by default).
    public var meetingWeekday: Int
    /// What ITAS announced for this year, once it has.
    public var official = OfficialResults()
    /// The office's own website (`website:`): evidence must be published there (subdomains count).
    public var website = ""

    public init(organisation: String, fiscalYear: Int, frameworkID: String, targetGrade: String,
                indicatorTarget: Double = 85, lastYearScores: [Int: Double] = [:], estimates: [String: Double] = [:],
                respondents: [String: Respondents] = [:], milestones: [Milestone] = [], holidays: [Holiday] = [],
                process: ProcessModel = .phayao, meetingWeekday: Int = 3) {
        self.organisation = organisation
        self.fiscalYear = fiscalYear
        self.frameworkID = frameworkID
        self.targetGrade = targetGrade
        self.indicatorTarget = indicatorTarget
        self.lastYearScores = lastYearScores
        self.estimates = estimates
        self.respondents = respondents
        self.milestones = milestones
        self.holidays = holidays
        self.process = process
        self.meetingWeekday = meetingWeekday
    }

    /// Indicators whose score last year was below `indicatorTarget`.
    public var indicatorsBelowTargetLastYear: [Int] {
        lastYearScores.filter { $0.value < indicatorTarget }.map(\.key).sorted()
    }

    /// The score used for a survey tool: the explicit estimate, else the mean of last year's
    /// scores of its indicators, else nil (unknown).
    public func estimate(for tool: String, in framework: Framework) -> Double? {
        if let explicit = estimates[tool] { return explicit }
        let scores = framework.indicators(of: tool).compactMap { lastYearScores[$0.number] }
        guard !scores.isEmpty else { return nil }
        return scores.reduce(0, +) / Double(scores.count)
    }

    /// Where a survey tool's score comes from: the committee's estimate, last year's results of
    /// some of its indicators (`indicators` of `of`), or nowhere.
    public enum EstimateSource: Hashable, Sendable {
        case committee
        case lastYear(indicators: Int, of: Int)
        case unknown
    }

    public func estimateSource(for tool: String, in framework: Framework) -> EstimateSource {
        if estimates[tool] != nil { return .committee }
        let indicators = framework.indicators(of: tool)
        let known = indicators.filter { lastYearScores[$0.number] != nil }.count
        return known == 0 ? .unknown : .lastYear(indicators: known, of: indicators.count)
    }

    public var workingCalendar: WorkingCalendar { WorkingCalendar(holidays: Set(holidays.map(\.date))) }
}

/// Survey respondents: the quota to reach and how many have answered so far.
public struct Respondents: Hashable, Sendable, Codable {
    public var quota: Int
    public var count: Int

    public init(quota: Int, count: Int) {
        self.quota = quota
        self.count = count
    }

    public var isMet: Bool { count >= quota }
    public var fraction: Double { quota == 0 ? 1 : min(1, Double(count) / Double(quota)) }
}

/// A date on the ITA calendar (e.g. "OIT published by 30 Apr"), optionally a window with a start.
public struct Milestone: Hashable, Sendable {
    public var key: String
    public var titleTH: String
    public var titleEN: String
    public var starts: CivilDate?
    public var due: CivilDate
    /// Days before `due` on which reminders go out (the LINE countdown-sticker steps).
    public var reminderOffsets: [Int]
    /// What must be finished by `due`: tool codes (`OIT`, `IIT`), indicator numbers or item codes.
    /// Empty: a date on the calendar with no work tracked against it.
    public var covers: [String]

    public static let defaultReminderOffsets = [14, 7, 3, 1, 0]

    public init(key: String, titleTH: String, titleEN: String, starts: CivilDate? = nil, due: CivilDate,
                reminderOffsets: [Int] = Milestone.defaultReminderOffsets, covers: [String] = []) {
        self.key = key
        self.titleTH = titleTH
        self.titleEN = titleEN
        self.starts = starts
        self.due = due
        self.reminderOffsets = reminderOffsets
        self.covers = covers
    }

    public func isOpen(on date: CivilDate) -> Bool { (starts ?? due) <= date && date <= due }
}

public struct Holiday: Hashable, Sendable {
    public var date: CivilDate
    public var name: String

    public init(date: CivilDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// A named sequence of working phases a task may carry (PHAYAO, SPDCA, PDCA).
public struct ProcessModel: Hashable, Sendable, Codable {
    public var name: String
    public var phases: [Phase]

    public struct Phase: Hashable, Sendable, Codable {
        public var key: String
        public var titleTH: String
        public var titleEN: String

        public init(key: String, titleTH: String, titleEN: String) {
            self.key = key
            self.titleTH = titleTH
            self.titleEN = titleEN
        }
    }

    public init(name: String, phases: [Phase]) {
        self.name = name
        self.phases = phases
    }

    public func phase(_ key: String) -> Phase? { phases.first { $0.key == key } }

    /// PHAYAO Model (สพม.พะเยา): P-H-A-Y-A-O. The two A phases are keyed A1 and A2.
    public static let phayao = ProcessModel(name: "PHAYAO", phases: [
        Phase(key: "P", titleTH: "วางแผนอย่างมีส่วนร่วม", titleEN: "Participation to Plan"),
        Phase(key: "H", titleTH: "ทบทวน ตรวจสอบ วิเคราะห์", titleEN: "How to Do"),
        Phase(key: "A1", titleTH: "ปฏิบัติงานที่เป็นเลิศ", titleEN: "Active to Best"),
        Phase(key: "Y", titleTH: "สรุปผลประจำปี", titleEN: "Yield"),
        Phase(key: "A2", titleTH: "ปรับปรุงพัฒนาสู่เป้าหมาย", titleEN: "Action to Goal"),
        Phase(key: "O", titleTH: "องค์กรแห่งนวัตกรรม", titleEN: "Organization Innovation"),
    ])

    public static let spdca = ProcessModel(name: "SPDCA", phases: [
        Phase(key: "S", titleTH: "ศึกษาวิเคราะห์ผลปีที่ผ่านมา", titleEN: "Study"),
        Phase(key: "P", titleTH: "วางแผน", titleEN: "Plan"),
        Phase(key: "D", titleTH: "ดำเนินการ", titleEN: "Do"),
        Phase(key: "C", titleTH: "ตรวจสอบ", titleEN: "Check"),
        Phase(key: "A", titleTH: "ปรับปรุง", titleEN: "Act"),
    ])

    public static let pdca = ProcessModel(name: "PDCA", phases: [
        Phase(key: "P", titleTH: "วางแผน", titleEN: "Plan"),
        Phase(key: "D", titleTH: "ดำเนินการ", titleEN: "Do"),
        Phase(key: "C", titleTH: "ตรวจสอบ", titleEN: "Check"),
        Phase(key: "A", titleTH: "ปรับปรุง", titleEN: "Act"),
    ])

    public static let builtIn = [phayao, spdca, pdca]
}
