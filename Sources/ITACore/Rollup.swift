/// One office as a ministry's or province's roll-up sees it: its projected score and grade, and the
/// signs that it is at risk. Built from the office's own board; pure.
public struct OfficeStanding: Hashable, Sendable {
    /// Why an office needs a look from the ministry or province.
    public enum Risk: Hashable, Sendable {
        /// Projected total below the framework's pass mark (85).
        case belowPassMark(projected: Double, passMark: Double)
        /// OIT items still open with the OIT milestone this many days away (negative: past).
        case oitOpenNearMilestone(openItems: Int, days: Int)
        case overdue(tasks: Int)
        /// Nothing changed for this many days (nil: never changed since it was set up).
        case quiet(days: Int?)
        case respondentsBelowQuota(tool: String, count: Int, quota: Int)
    }

    public struct ItemRef: Hashable, Sendable {
        public var code: String
        public var title: String
    }

    /// Days before the OIT milestone from which open OIT items count as a risk.
    public static let milestoneWindow = 30
    /// Days without any change after which an office counts as quiet.
    public static let quietDays = 14

    public var code: String
    public var name: String
    public var fiscalYear: Int
    public var frameworkID: String
    public var today: CivilDate
    public var projected: Double
    public var grade: String?
    public var passMark: Double
    /// IIT, EIT and OIT (the framework's tools) as projected.
    public var toolScores: [String: Double]
    /// Tools whose score is an estimate or last year's, not measured: shown with `~`.
    public var estimatedTools: Set<String>
    public var openTasks: Int
    public var overdueTasks: Int
    public var failingItems: [ItemRef]
    /// The next OIT milestone (one that covers OIT and is due today or later, else the last one).
    public var oitMilestone: Milestone?
    public var lastChange: Timestamp?
    public var respondents: [String: Respondents]
    public var indicatorScores: [Int: Double]
    public var lastYearScores: [Int: Double]
    public var indicatorNames: [Int: IndicatorName]
    /// Every item of the office's framework, passing or not.
    public var itemCodes: Set<String>

    public struct IndicatorName: Hashable, Sendable {
        public var th: String
        public var en: String
    }

    /// What a standing takes from its framework alone: computed once per framework when many offices
    /// share it (a ministry's roll-up), and shared by their standings.
    public struct FrameworkFacts: Sendable {
        let items: [OITItem]
        let itemCodes: Set<String>
        let indicatorNames: [Int: IndicatorName]

        public init(_ f: Framework) {
            items = f.items
            itemCodes = Set(items.map(\.code))
            indicatorNames = Dictionary(uniqueKeysWithValues: f.indicators.map { ($0.number, IndicatorName(th: $0.nameTH, en: $0.nameEN)) })
        }
    }

    public init(code: String, board: Board, lastChange: Timestamp?, facts: FrameworkFacts? = nil) {
        // The progress once: the projection is computed from the same items passed.
        let f = board.framework, a = board.assessment, progress = board.progress
        let facts = facts ?? FrameworkFacts(f)
        let p = ScoreProjection(framework: f, passedItems: progress.passedItems, estimates: board.estimates)
        self.code = code
        name = a.organisation
        fiscalYear = a.fiscalYear
        frameworkID = a.frameworkID
        today = board.today
        projected = p.total
        grade = p.grade?.grade
        passMark = f.grading.passMark
        toolScores = p.toolScores
        estimatedTools = Set(f.tools.filter { !$0.scoredFromItems && a.estimateSource(for: $0.code, in: f) != .unknown }.map(\.code))
        openTasks = progress.whole.open
        overdueTasks = progress.whole.overdue
        failingItems = facts.items.filter { !(progress.items[$0.code]?.itemPasses ?? false) }.map { ItemRef(code: $0.code, title: $0.titleTH) }
        let oit = a.milestones.filter { $0.covers.contains("OIT") }.sorted { $0.due < $1.due }
        oitMilestone = oit.first { $0.due >= board.today } ?? oit.last
        self.lastChange = lastChange
        respondents = a.respondents
        indicatorScores = p.indicatorScores
        lastYearScores = a.lastYearScores
        indicatorNames = facts.indicatorNames
        itemCodes = facts.itemCodes
    }

    public var passes: Bool { projected >= passMark }

    /// Days since the last change (nil when there never was one).
    public var daysSinceChange: Int? { lastChange.map { $0.date.days(to: today) } }

    public var risks: [Risk] {
        var risks: [Risk] = []
        if !passes { risks.append(.belowPassMark(projected: projected, passMark: passMark)) }
        let openOIT = failingItems.count
        if openOIT > 0, let milestone = oitMilestone {
            let days = today.days(to: milestone.due)
            if days <= Self.milestoneWindow { risks.append(.oitOpenNearMilestone(openItems: openOIT, days: days)) }
        }
        if overdueTasks > 0 { risks.append(.overdue(tasks: overdueTasks)) }
        if let days = daysSinceChange { if days >= Self.quietDays { risks.append(.quiet(days: days)) } } else { risks.append(.quiet(days: nil)) }
        for tool in respondents.keys.sorted() {
            if let r = respondents[tool], r.quota > 0, !r.isMet { risks.append(.respondentsBelowQuota(tool: tool, count: r.count, quota: r.quota)) }
        }
        return risks
    }
}

/// Many offices at once: the share projected to pass against the national target, the offices at
/// risk, the O-items that fail most often, and each indicator's mean against last year.
public struct Rollup: Hashable, Sendable {
    /// The national strategy's target: 80% of agencies at 85 or more.
    public static let nationalTarget = 0.80

    public struct ItemFailure: Hashable, Sendable {
        public var code: String
        public var title: String
        /// Offices where the item is not yet passing, of `offices` that have it.
        public var failing: Int
        public var offices: Int
    }

    public struct IndicatorMean: Hashable, Sendable {
        public var number: Int
        public var nameTH: String
        public var nameEN: String
        public var projected: Double?
        public var lastYear: Double?
        public var offices: Int

        public var change: Double? { projected.flatMap { p in lastYear.map { p - $0 } } }
    }

    public var offices: [OfficeStanding]

    public init(offices: [OfficeStanding]) {
        // Lowest projected first: the offices that need the most help lead.
        self.offices = offices.sorted { ($0.projected, $0.code) < ($1.projected, $1.code) }
    }

    // Every pass over the offices goes by index: `for office in offices` (and reduce, filter, map,
    // which loop that way) copies each standing, a retain of every field: a tenth of a second per pass
    // over a ministry's 8,317 offices.

    public var passing: Int {
        var count = 0
        for i in offices.indices where offices[i].passes { count += 1 }
        return count
    }
    public var passingShare: Double { offices.isEmpty ? 0 : Double(passing) / Double(offices.count) }
    public var meetsNationalTarget: Bool { !offices.isEmpty && passingShare >= Self.nationalTarget }
    public var atRisk: [OfficeStanding] { offices.indices.filter { !offices[$0].risks.isEmpty }.map { offices[$0] } }
    public var meanProjected: Double? {
        guard !offices.isEmpty else { return nil }
        var sum = 0.0
        for i in offices.indices { sum += offices[i].projected }
        return sum / Double(offices.count)
    }

    /// Items by how many offices have not yet passed them (most first; ties by code), at most `limit`.
    public func mostFailedItems(limit: Int = 10) -> [ItemFailure] {
        var failures: [String: ItemFailure] = [:]
        var order: [String] = []
        // How many offices have each item at all (an item an office passes still counts).
        var having: [String: Int] = [:]
        for index in offices.indices {
            for item in offices[index].failingItems {
                if failures[item.code] == nil { failures[item.code] = ItemFailure(code: item.code, title: item.title, failing: 0, offices: 0); order.append(item.code) }
                failures[item.code]!.failing += 1
            }
            for code in offices[index].itemCodes { having[code, default: 0] += 1 }
        }
        for code in order { failures[code]!.offices = having[code] ?? 0 }
        return order.compactMap { failures[$0] }
            .sorted { $0.failing != $1.failing ? $0.failing > $1.failing : $0.code.itemOrder < $1.code.itemOrder }
            .prefix(limit).map { $0 }
    }

    /// Each indicator's mean projected score and mean last-year score over the offices that have one.
    public var indicatorMeans: [IndicatorMean] {
        var names: [Int: OfficeStanding.IndicatorName] = [:]
        var projected: [Int: (sum: Double, count: Int)] = [:], last: [Int: (sum: Double, count: Int)] = [:]
        var having: [Int: Int] = [:]
        for i in offices.indices {
            for (number, name) in offices[i].indicatorNames {
                if names[number] == nil { names[number] = name }
                having[number, default: 0] += 1
            }
            for (number, score) in offices[i].indicatorScores { projected[number, default: (0, 0)].sum += score; projected[number]!.count += 1 }
            for (number, score) in offices[i].lastYearScores { last[number, default: (0, 0)].sum += score; last[number]!.count += 1 }
        }
        // Only the numbers of some office's framework, as names lists them.
        func mean(_ x: (sum: Double, count: Int)?) -> Double? { x.flatMap { $0.count == 0 ? nil : $0.sum / Double($0.count) } }
        return names.keys.sorted().map { number in
            IndicatorMean(number: number, nameTH: names[number]!.th, nameEN: names[number]!.en, projected: mean(projected[number]),
                          lastYear: mean(last[number]), offices: having[number] ?? 0)
        }
    }
}

extension OfficeStanding {
    /// Whether the office's framework has this item (passing or not).
    public func has(item code: String) -> Bool { itemCodes.contains(code) }
}

private extension String {
    /// O2 before O10: the number after the letter, then the text.
    var itemOrder: (Int, String) { (Int(dropFirst()) ?? Int.max, self) }
}
