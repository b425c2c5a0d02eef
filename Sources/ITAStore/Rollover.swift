import ITACore

/// Next year's plan from this year's database: every October a committee starts again on a new
/// framework, with last year's results, owners and yearly work carried over.
public struct Rollover: Hashable, Sendable {
    /// An item map: old code → new code (several old items may merge into one).
    public struct ItemMap: Hashable, Sendable {
        public var from: String
        public var to: String
        public var items: [String: String]

        public init(from: String, to: String, items: [String: String]) {
            self.from = from
            self.to = to
            self.items = items
        }

        /// Codes that stand for the same item in both: same code and same title.
        public static func identity(_ old: Framework, _ new: Framework) -> ItemMap {
            var items: [String: String] = [:]
            for item in old.items where new.item(item.code)?.titleTH == item.titleTH { items[item.code] = item.code }
            return ItemMap(from: old.id, to: new.id, items: items)
        }

        /// Reads a map file: `from`, `to` and `items: {OLD: NEW}`, checked against both frameworks.
        public static func parse(_ text: String, file: String, old: Framework, new: Framework) throws -> ItemMap {
            let root = try YAMLReader.parse(text, file: file)
            try root.onlyKeys(["from", "to", "items"])
            let fromReader = try root.required("from"), toReader = try root.required("to")
            guard try fromReader.string() == old.id else {
                throw fromReader.fail("this map is from \(try fromReader.string()), the database works to \(old.id)", th: "แผนที่นี้มาจาก \(try fromReader.string()) แต่ฐานข้อมูลใช้เกณฑ์ \(old.id)")
            }
            guard try toReader.string() == new.id else {
                throw toReader.fail("this map is to \(try toReader.string()), the new framework is \(new.id)", th: "แผนที่นี้ไปยัง \(try toReader.string()) แต่เกณฑ์ใหม่คือ \(new.id)")
            }
            var items: [String: String] = [:]
            for (key, value) in try root.required("items").entries() {
                guard old.item(key) != nil else { throw value.fail("no item \(key) in framework \(old.id)", th: "ไม่มีข้อ \(key) ในเกณฑ์ \(old.id)") }
                let code = try value.string()
                guard new.item(code) != nil else { throw value.fail("no item \(code) in framework \(new.id)", th: "ไม่มีข้อ \(code) ในเกณฑ์ \(new.id)") }
                items[key] = code
            }
            return ItemMap(from: old.id, to: new.id, items: items)
        }
    }

    public var plan: CommitteePlan
    /// New items no old item maps to: they take their indicator's owner until the chair assigns them.
    public var unplacedItems: [String]
    /// Yearly tasks carried (old id → new due date), and those whose item has no successor.
    public var carriedTasks: Int
    public var droppedTasks: [Int64]
    /// Where each indicator's `last_year` came from.
    public var lastYearSources: [Int: Board.FigureSource]
    public var targetGradeKept: Bool

    /// The milestone flag until someone edits the date against NACC's new calendar.
    public static let checkCalendar = " [ตรวจสอบกับปฏิทิน ป.ป.ช.]"
}

extension Store {
    /// Builds next year's plan on `framework` from this database, which is not changed.
    public func rollover(to framework: Framework, map: Rollover.ItemMap, today: CivilDate) throws -> Rollover {
        let board = try self.board(today: today)
        let old = board.framework, a = board.assessment
        let tasks = try self.tasks()

        // Members who are still on the committee, renumbered in order.
        let active = board.members.filter { !$0.hasLeft }
        var newID: [Int64: Int64] = [:]
        let members = active.enumerated().map { index, m -> Member in
            newID[m.id] = Int64(index + 1)
            var copy = m
            copy.id = Int64(index + 1)
            return copy
        }

        // Owners: indicators by number, items through the map (the first old item's owner where several merge).
        var owners: [TaskTarget: Int64] = [:]
        for indicator in framework.indicators {
            if let id = board.owners[.indicator(indicator.number)].flatMap({ newID[$0] }) { owners[.indicator(indicator.number)] = id }
        }
        var unplaced: [String] = []
        for item in framework.items {
            let sources = old.items.map(\.code).filter { map.items[$0] == item.code }
            if let id = sources.lazy.compactMap({ board.owner(of: .item($0)).flatMap { newID[$0] } }).first {
                owners[.item(item.code)] = id
            } else {
                unplaced.append(item.code)
                if let indicator = framework.location(ofItem: item.code)?.indicator.number, let id = owners[.indicator(indicator)] {
                    owners[.item(item.code)] = id
                }
            }
        }

        // Yearly work comes back a year on, on the item it maps to.
        var carried: [WorkTask] = [], dropped: [Int64] = []
        for task in tasks where task.recurs == .yearly {
            let target: TaskTarget?
            switch task.target {
            case .indicator(let n): target = framework.indicator(n) != nil ? .indicator(n) : nil
            case .item(let code): target = map.items[code].map { .item($0) }
            }
            guard let target, let owner = newID[task.ownerID] ?? owners[target] else { dropped.append(task.id); continue }
            carried.append(WorkTask(id: Int64(carried.count + 1), title: task.title, target: target, ownerID: owner,
                                    due: task.due.map { Recurrence.yearly.next(after: $0) }, phase: task.phase, recurs: .yearly, key: task.key))
        }

        // Last year's result per indicator: what ITAS announced, else the final projection (OIT), else the estimate.
        var lastYear: [Int: Double] = [:], sources: [Int: Board.FigureSource] = [:]
        for indicator in framework.indicators {
            guard let figure = board.yearFigure(indicator: indicator.number) else { continue }
            lastYear[indicator.number] = figure.score
            sources[indicator.number] = figure.source
        }

        let milestones = a.milestones.map { m -> Milestone in
            var next = m
            next.due = Recurrence.yearly.next(after: m.due)
            next.starts = m.starts.map { Recurrence.yearly.next(after: $0) }
            if !next.titleTH.hasSuffix(Rollover.checkCalendar) { next.titleTH += Rollover.checkCalendar }
            next.covers = m.covers.compactMap { code in
                if old.item(code) != nil { return map.items[code] }
                return MilestoneScope.isKnown(code, in: framework) ? code : nil
            }
            return next
        }
        let keepsGrade = framework.grading.rule(named: a.targetGrade) != nil
        let grade = keepsGrade ? a.targetGrade
            : (framework.grading.rules.first { $0.minEachTool != nil && $0.minTotal < 95 } ?? framework.grading.rules.first)?.grade ?? a.targetGrade
        var respondents: [String: Respondents] = [:]
        for (tool, r) in a.respondents where framework.tool(tool) != nil { respondents[tool] = Respondents(quota: r.quota, count: 0) }
        let assessment = Assessment(organisation: a.organisation, fiscalYear: a.fiscalYear + 1, frameworkID: framework.id, targetGrade: grade,
                                    indicatorTarget: a.indicatorTarget, lastYearScores: lastYear, estimates: [:], respondents: respondents,
                                    milestones: milestones, holidays: [], process: a.process, meetingWeekday: a.meetingWeekday)
        return Rollover(plan: CommitteePlan(assessment: assessment, members: members, owners: owners, tasks: carried),
                        unplacedItems: unplaced, carriedTasks: carried.count, droppedTasks: dropped, lastYearSources: sources,
                        targetGradeKept: keepsGrade)
    }
}
