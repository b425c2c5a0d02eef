import ITACore

/// A committee file, read and checked against its framework: the assessment, the members, who
/// owns each indicator and item, and the tasks. Ids are assigned in file order.
public struct CommitteePlan: Hashable, Sendable {
    public var assessment: Assessment
    public var members: [Member]
    public var owners: [TaskTarget: Int64]
    public var tasks: [WorkTask]
    /// The day a task last changed, where the file says (`last_change`); others changed when the database is created.
    public var lastChange: [Int64: CivilDate] = [:]
    /// The fields each task's entry gives (`plan apply` changes only those; a done task stays done
    /// unless its entry says `status`).
    public var taskFields: [Int64: Set<String>] = [:]

    /// Reads a committee file. Dates are `YYYY-MM-DD` (CE) or relative to `today` (`+14`, `-3`,
    /// `today`), so a demo made from the file looks alive whatever day it is created.
    /// `fiscal_year: current` means the fiscal year that contains `today`.
    /// `include` reads a file the committee file names in `include:` (a path relative to it): its
    /// `holidays:` join the committee's own (the committee's name wins on the same date).
    public static func parse(_ text: String, file: String, framework: Framework, today: CivilDate,
                             utcOffsetSeconds: Int, include: ((String) throws -> String)? = nil) throws -> CommitteePlan {
        let root = try YAMLReader.parse(text, file: file)
        // Every problem in the file at once (up to `Problems.limit`), not one per run.
        let problems = Problems()
        func attempt<T>(_ body: () throws -> T) throws -> T? { try problems.attempt(body) }
        /// The entries of an optional mapping, or none (the problem noted) when it is not one.
        func entries(_ reader: YAMLReader?, _ key: String, required: Bool = false) throws -> [(key: String, value: YAMLReader)] {
            guard let reader else { return [] }
            let found: [(key: String, value: YAMLReader)]? = try attempt {
                guard let value = required ? try reader.required(key) : try reader.optional(key) else { return [] }
                return try value.entries()
            }
            return found ?? []
        }
        func list(_ key: String, required: Bool = false) throws -> [YAMLReader] {
            let found: [YAMLReader]? = try attempt {
                guard let value = required ? try root.required(key) : try root.optional(key) else { return [] }
                return try value.list()
            }
            return found ?? []
        }
        try attempt { try root.onlyKeys(["organisation", "framework", "fiscal_year", "target_grade", "indicator_target", "process",
                           "last_year", "estimates", "respondents", "members", "owners", "milestones", "holidays", "tasks",
                           "meeting_weekday", "include", "relative_dates", "website"]) }
        // `relative_dates: working_days`: a deadline written as days from today (+14, -3) that lands on a
        // weekend or holiday moves to the nearest working day (later for +N, earlier for -N); `+14!` keeps it.
        var workingDays = false
        if let reader: YAMLReader = try attempt({ try root.optional("relative_dates") }) ?? nil { try attempt { () throws -> Void in
            switch try reader.string() {
            case "calendar": workingDays = false
            case "working_days": workingDays = true
            default: throw reader.fail("expected calendar or working_days", th: "ต้องเป็น calendar หรือ working_days")
            }
        } }
        var calendar = WorkingCalendar()
        func date(_ reader: YAMLReader, deadline: Bool = false) throws -> CivilDate {
            var text = try reader.string()
            let exact = text.hasSuffix("!") && (text.hasPrefix("+") || text.hasPrefix("-"))
            if exact { text.removeLast() }
            guard let value = DateInput.parse(text, today: today) else {
                if let sign = text.first, sign == "+" || sign == "-", text.count > 1, text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
                    throw reader.fail("days from today must be within ±\(Limits.relativeDays.upperBound), found \(Quote.text(text))", th: "จำนวนวันนับจากวันนี้ต้องไม่เกิน ±\(Limits.relativeDays.upperBound) วัน แต่พบ \(Quote.text(text))")
                }
                throw reader.fail("expected a date: \(DateInput.formsEnglish); found \(Quote.text(text))", th: "ต้องเป็นวันที่: \(DateInput.formsThai) แต่พบ \(Quote.text(text))")
            }
            if deadline, workingDays, !exact, text.hasPrefix("+") || text.hasPrefix("-") {
                return calendar.workingDay(near: value, forward: !text.hasPrefix("-"))
            }
            return value
        }

        let frameworkReader = try root.required("framework")
        let frameworkID = try frameworkReader.string()
        guard frameworkID == framework.id else {
            throw frameworkReader.fail("this committee works to framework \"\(frameworkID)\", but the framework file given is \"\(framework.id)\"", th: "คณะทำงานนี้ใช้เกณฑ์ \"\(frameworkID)\" แต่ไฟล์เกณฑ์ที่ให้มาคือ \"\(framework.id)\"")
        }
        let fiscalYear = try attempt { () throws -> Int in
            let fiscalReader = try root.required("fiscal_year")
            if try fiscalReader.string() == "current" { return ThaiCalendar.fiscalYear(of: today) }
            let year = try fiscalReader.int()
            guard (2500...2700).contains(year) else { throw fiscalReader.fail("expected a Buddhist Era year such as 2569, or current", th: "ต้องเป็นปี พ.ศ. เช่น 2569 หรือ current") }
            return year
        } ?? ThaiCalendar.fiscalYear(of: today)
        let targetGrade = try attempt { () throws -> String in
          let gradeReader = try root.required("target_grade")
          let targetGrade = try gradeReader.string()
          guard framework.grading.rule(named: targetGrade) != nil else {
            throw gradeReader.fail("no grade \"\(targetGrade)\" in framework \(framework.id) (grades: \(framework.grading.rules.map(\.grade).joined(separator: ", ")))", th: "ไม่มีระดับ \"\(targetGrade)\" ในเกณฑ์ \(framework.id) (ระดับที่มี: \(framework.grading.rules.map(\.grade).joined(separator: ", ")))")
          }
          return targetGrade
        } ?? ""
        var process = ProcessModel.phayao
        try attempt {
        if let reader = try root.optional("process") {
            let name = try reader.string()
            guard let model = ProcessModel.builtIn.first(where: { $0.name.uppercased() == name.uppercased() }) else {
                throw reader.fail("unknown process model \"\(name)\" (known: \(ProcessModel.builtIn.map(\.name).joined(separator: ", ")))", th: "ไม่รู้จักกระบวนการ \"\(name)\" (ที่มี: \(ProcessModel.builtIn.map(\.name).joined(separator: ", ")))")
            }
            process = model
        }
        }

        var lastYear: [Int: Double] = [:]
        for (key, value) in try entries(root, "last_year") { try attempt {
            guard let number = Int(key), framework.indicator(number) != nil else { throw value.fail("no indicator \(key) in framework \(framework.id)", th: "ไม่มีตัวชี้วัดที่ \(key) ในเกณฑ์ \(framework.id)") }
            lastYear[number] = try value.double(in: Limits.score)
        } }
        var estimates: [String: Double] = [:]
        for (key, value) in try entries(root, "estimates") { try attempt {
            guard let tool = framework.tool(key), !tool.scoredFromItems else { throw value.fail("estimates are for survey tools (\(framework.tools.filter { !$0.scoredFromItems }.map(\.code).joined(separator: ", ")))", th: "ค่าประมาณการใช้กับเครื่องมือแบบสำรวจเท่านั้น (\(framework.tools.filter { !$0.scoredFromItems }.map(\.code).joined(separator: ", ")))") }
            estimates[key] = try value.double(in: Limits.score)
        } }
        var respondents: [String: Respondents] = [:]
        for (key, value) in try entries(root, "respondents") { try attempt {
            guard let tool = framework.tool(key), !tool.scoredFromItems else { throw value.fail("respondents are counted for survey tools only", th: "นับผู้ตอบได้เฉพาะเครื่องมือแบบสำรวจ") }
            try value.onlyKeys(["quota", "count"])
            let quota = try value.required("quota").int(in: Limits.count), count = try value.optional("count")?.int(in: Limits.count) ?? 0
            respondents[key] = Respondents(quota: quota, count: count)
        } }

        var members: [Member] = []
        for entry in try list("members", required: true) { try attempt {
            try entry.onlyKeys(["login", "name", "role", "group", "line", "line_id", "left"])
            let loginReader = try entry.required("login")
            let login = try loginReader.nonEmptyString()
            guard Member.isValidLogin(login) else {
                throw loginReader.fail("an OS login name uses letters, digits, . _ - only", th: "ชื่อผู้ใช้ของระบบใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ -")
            }
            guard !members.contains(where: { $0.login == login }) else { throw loginReader.fail("two members with login \(login)", th: "มีสมาชิกสองคนใช้ชื่อผู้ใช้ \(login)") }
            let roleReader = try entry.required("role")
            guard let role = Member.Role(rawValue: try roleReader.string()) else {
                throw roleReader.fail("expected one of: \(Member.Role.allCases.map(\.rawValue).joined(separator: ", "))", th: "ต้องเป็นค่าใดค่าหนึ่ง: \(Member.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var lineID = ""
            if let reader = try entry.optional("line_id") {
                lineID = try reader.string().trimmingWhitespace
                guard Member.isValidLineID(lineID) else {
                    throw reader.fail("a LINE user id is U and 32 hex digits (from a webhook event)", th: "LINE user id คือ U ตามด้วยเลขฐานสิบหก 32 หลัก (ได้จาก webhook event)")
                }
            }
            members.append(Member(id: Int64(members.count + 1), login: login, name: try entry.required("name").nonEmptyString(), role: role,
                                  workGroup: try entry.optional("group")?.string() ?? "", lineName: try entry.optional("line")?.string() ?? "",
                                  lineID: lineID, leftOn: try entry.optional("left").map { try date($0) }))
        } }
        func memberID(_ reader: YAMLReader) throws -> Int64 {
            let login = try reader.string()
            guard let member = members.first(where: { $0.login == login }) else { throw reader.fail("no member with login \(Quote.text(login))", th: "ไม่พบสมาชิกที่มีชื่อผู้ใช้ \(Quote.text(login))") }
            return member.id
        }

        var owners: [TaskTarget: Int64] = [:]
        if let ownersReader: YAMLReader = try attempt({ try root.required("owners") }) {
            try attempt { try ownersReader.onlyKeys(["indicators", "items"]) }
            for (key, value) in try entries(ownersReader, "indicators", required: true) { try attempt {
                guard let number = Int(key), framework.indicator(number) != nil else { throw value.fail("no indicator \(key) in framework \(framework.id)", th: "ไม่มีตัวชี้วัดที่ \(key) ในเกณฑ์ \(framework.id)") }
                owners[.indicator(number)] = try memberID(value)
            } }
            for (key, value) in try entries(ownersReader, "items") { try attempt {
                guard framework.item(key) != nil else { throw value.fail("no item \(key) in framework \(framework.id)", th: "ไม่มีข้อ \(key) ในเกณฑ์ \(framework.id)") }
                owners[.item(key)] = try memberID(value)
            } }
            for indicator in framework.indicators where owners[.indicator(indicator.number)] == nil && !members.isEmpty {
                try attempt { throw ownersReader.fail("indicator \(indicator.number) has no owner: every indicator needs one (its items default to it)", th: "ตัวชี้วัดที่ \(indicator.number) ยังไม่มีผู้รับผิดชอบ: ทุกตัวชี้วัดต้องมี (ข้อในตัวชี้วัดใช้ผู้รับผิดชอบเดียวกันถ้าไม่ระบุ)") }
            }
            // An item's owner defaults to its indicator's.
            for indicator in framework.indicators {
                guard let owner = owners[.indicator(indicator.number)] else { continue }
                for sub in indicator.subIndicators { for item in sub.items where owners[.item(item.code)] == nil { owners[.item(item.code)] = owner } }
            }
        }

        var holidays: [Holiday] = []
        for entry in try list("holidays") { try attempt {
            try entry.onlyKeys(["date", "name"])
            holidays.append(Holiday(date: try date(entry.required("date")), name: try entry.required("name").nonEmptyString()))
        } }
        // Holiday files (`include: [holidays/th-2570.yaml]`), read and checked like the committee file.
        let includes: [YAMLReader] = try attempt { try root.optional("include")?.list() ?? [] } ?? []
        for reader in includes { try attempt {
            let path = try reader.nonEmptyString()
            guard let include else { throw reader.fail("include is not available here", th: "ใช้ include ที่นี่ไม่ได้") }
            let included: String
            do { included = try include(path) } catch { throw reader.fail("cannot read \(Quote.text(path))", th: "อ่าน \(Quote.text(path)) ไม่ได้") }
            let other = try YAMLReader.parse(included, file: path)
            try other.onlyKeys(["holidays"])
            for entry in try other.optional("holidays")?.list() ?? [] { try attempt {
                try entry.onlyKeys(["date", "name"])
                let day = try date(entry.required("date"))
                if !holidays.contains(where: { $0.date == day }) {
                    holidays.append(Holiday(date: day, name: try entry.required("name").nonEmptyString()))
                }
            } }
        } }
        holidays.sort { $0.date < $1.date }
        calendar = WorkingCalendar(holidays: Set(holidays.map(\.date)))

        var milestones: [Milestone] = []
        for entry in try list("milestones") { try attempt {
            try entry.onlyKeys(["key", "title_th", "title_en", "starts", "due", "reminders", "covers"])
            let key = try entry.required("key").nonEmptyString()
            guard !milestones.contains(where: { $0.key == key }) else { throw try entry.required("key").fail("duplicate milestone \(key)", th: "หมุดหมาย \(key) ซ้ำ") }
            let due = try date(entry.required("due"), deadline: true)
            let starts = try entry.optional("starts").map { try date($0, deadline: true) }
            if let starts, starts > due { throw try entry.required("starts").fail("starts after it is due", th: "วันเริ่มอยู่หลังวันครบกำหนด") }
            let reminders = try entry.optional("reminders")?.ints(in: Limits.reminderStep) ?? Milestone.defaultReminderOffsets
            var covers: [String] = []
            for code in try entry.optional("covers")?.list() ?? [] {
                let text = try code.string()
                guard MilestoneScope.isKnown(text, in: framework) else {
                    throw code.fail("no tool, indicator or item \(text) in framework \(framework.id)", th: "ไม่มีเครื่องมือ ตัวชี้วัด หรือข้อ \(text) ในเกณฑ์ \(framework.id)")
                }
                covers.append(text)
            }
            milestones.append(Milestone(key: key, titleTH: try entry.required("title_th").nonEmptyString(),
                                        titleEN: try entry.optional("title_en")?.string() ?? key, starts: starts, due: due,
                                        reminderOffsets: reminders, covers: covers))
        } }

        var meetingWeekday = 3
        if let reader: YAMLReader = try attempt({ try root.optional("meeting_weekday") }) ?? nil { try attempt { () throws -> Void in
            guard let day = MeetingSchedule.weekday(named: try reader.string()) else {
                throw reader.fail("expected a weekday: monday … sunday, จันทร์ … อาทิตย์, or 1 (Monday) … 7 (Sunday)", th: "ต้องเป็นวันในสัปดาห์: จันทร์ … อาทิตย์, monday … sunday หรือ 1 (จันทร์) … 7 (อาทิตย์)")
            }
            meetingWeekday = day
        } }

        func evidence(_ entry: YAMLReader) throws -> [String] {
            try (entry.optional("evidence")?.list() ?? []).map { reader in
                let url = try reader.string()
                guard Evidence.isValid(url) else { let why = Evidence.refusal(url); throw reader.fail(why.en, th: why.th) }
                return url
            }
        }

        var tasks: [WorkTask] = []
        var lastChange: [Int64: CivilDate] = [:]
        var taskFields: [Int64: Set<String>] = [:]
        var keys: Set<String> = []
        for entry in try list("tasks") { try attempt {
            try entry.onlyKeys(["title", "target", "owner", "due", "status", "phase", "evidence", "note", "blocked_reason", "last_change",
                                "key", "recurs"])
            var key: String?
            if let reader = try entry.optional("key") {
                let text = try reader.nonEmptyString()
                guard WorkTask.isValidKey(text) else {
                    throw reader.fail("a task key uses letters, digits, . _ - only", th: "key ของงานใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ -")
                }
                guard keys.insert(text).inserted else { throw reader.fail("two tasks with key \(text)", th: "มีงานสองงานใช้ key \(text)") }
                key = text
            }
            var recurs: Recurrence?
            if let reader = try entry.optional("recurs") {
                guard let value = Recurrence(rawValue: try reader.string()) else {
                    throw reader.fail("expected monthly, quarterly or yearly", th: "ต้องเป็น monthly, quarterly หรือ yearly")
                }
                recurs = value
            }
            taskFields[Int64(tasks.count + 1)] = Set(try entry.entries().map(\.key))
            if let reader = try entry.optional("last_change") {
                let day = try date(reader)
                guard day <= today else { throw reader.fail("last_change is in the future", th: "last_change อยู่ในอนาคต") }
                lastChange[Int64(tasks.count + 1)] = day
            }
            let targetReader = try entry.required("target")
            guard let target = TaskTarget(text: try targetReader.string()) else {
                throw targetReader.fail("expected an indicator number (e.g. 7) or an item code (e.g. O12)", th: "ต้องเป็นเลขตัวชี้วัด (เช่น 7) หรือรหัสข้อ (เช่น O12)")
            }
            switch target {
            case .indicator(let n) where framework.indicator(n) == nil: throw targetReader.fail("no indicator \(n) in framework \(framework.id)", th: "ไม่มีตัวชี้วัดที่ \(n) ในเกณฑ์ \(framework.id)")
            case .item(let code) where framework.item(code) == nil: throw targetReader.fail("no item \(code) in framework \(framework.id)", th: "ไม่มีข้อ \(code) ในเกณฑ์ \(framework.id)")
            default: break
            }
            guard let owner = try entry.optional("owner").map(memberID) ?? owners[target] ?? framework.location(ofItem: target.description).flatMap({ owners[.indicator($0.indicator.number)] }) ?? ({ if case .indicator(let n) = target { return owners[.indicator(n)] }; return nil }()) else {
                // Its indicator has no owner: reported once, under owners.
                return
            }
            var status = TaskStatus.todo
            if let reader = try entry.optional("status") {
                guard let value = TaskStatus(rawValue: try reader.string()) else {
                    throw reader.fail("expected one of: \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", "))", th: "ต้องเป็นค่าใดค่าหนึ่ง: \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                status = value
            }
            let blockedReason = try entry.optional("blocked_reason")?.string()
            if status == .blocked && blockedReason == nil { throw entry.fail("a blocked task needs a blocked_reason", th: "งานที่ติดขัดต้องมี blocked_reason") }
            if let reader = try entry.optional("phase"), process.phase(try reader.string()) == nil {
                throw reader.fail("no phase \(try reader.string()) in process \(process.name) (\(process.phases.map(\.key).joined(separator: ", ")))", th: "ไม่มีขั้น \(try reader.string()) ในกระบวนการ \(process.name) (\(process.phases.map(\.key).joined(separator: ", ")))")
            }
            let due = try entry.optional("due").map { try date($0, deadline: true) }
            let doneDay = min(due ?? today, today)
            tasks.append(WorkTask(
                id: Int64(tasks.count + 1), title: try entry.required("title").nonEmptyString(), target: target, ownerID: owner,
                due: due, status: status, blockedReason: status == .blocked ? blockedReason : nil,
                evidence: try evidence(entry), note: try entry.optional("note")?.string() ?? "",
                phase: try entry.optional("phase")?.string(),
                doneBy: status == .done ? owner : nil,
                doneAt: status == .done ? Timestamp(secondsSince1970: Int64(doneDay.dayNumber) * 86_400 + 16 * 3600 - Int64(utcOffsetSeconds),
                                                    utcOffsetSeconds: utcOffsetSeconds) : nil,
                recurs: recurs, key: key))
        } }

        let organisation = try attempt { try root.required("organisation").nonEmptyString() } ?? ""
        let website = try attempt { () throws -> String in
            guard let reader = try root.optional("website") else { return "" }
            let url = try reader.string()
            guard Evidence.isValid(url) else {
                throw reader.fail("the office's website is an http:// or https:// address with a host, found \(Quote.text(url))",
                                  th: "เว็บไซต์ของหน่วยงานต้องเป็นที่อยู่ http:// หรือ https:// ที่มีชื่อเว็บไซต์ แต่พบ \(Quote.text(url))")
            }
            return url
        } ?? ""
        let indicatorTarget = try attempt { try root.optional("indicator_target")?.double(in: Limits.score) } ?? nil
        try problems.finish()
        let assessment = Assessment(
            organisation: organisation, fiscalYear: fiscalYear, frameworkID: framework.id,
            targetGrade: targetGrade, indicatorTarget: indicatorTarget ?? 85,
            lastYearScores: lastYear, estimates: estimates, respondents: respondents, milestones: milestones,
            holidays: holidays, process: process, meetingWeekday: meetingWeekday)
        var withSite = assessment
        withSite.website = website
        return CommitteePlan(assessment: withSite, members: members, owners: owners, tasks: tasks, lastChange: lastChange, taskFields: taskFields)
    }
}

/// Problems found in a data file, gathered so a file is reported whole.
final class Problems {
    static let limit = 50
    var found: [DataFileError] = []

    /// Runs `body`; a problem in it is noted (and nil returned) instead of ending the read.
    func attempt<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as DataFileError {
            found.append(error)
            if found.count >= Self.limit { throw DataFileErrors(errors: found) }
            return nil
        }
    }

    func finish() throws {
        if found.count == 1 { throw found[0] }
        if !found.isEmpty { throw DataFileErrors(errors: found) }
    }
}

/// Several problems in one file, each `file:line: field: problem`, in the order found.
public struct DataFileErrors: Error, Hashable, Sendable {
    public var errors: [DataFileError]
}
