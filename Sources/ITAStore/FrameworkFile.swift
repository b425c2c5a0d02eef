import ITACore

/// Reads a framework definition (one fiscal year's ITA) from YAML. The format is documented in
/// README.md; sample-data/frameworks/ has FY2566 and a FY2568-style example.
public enum FrameworkFile {
    public static func parse(_ text: String, file: String) throws -> Framework {
        let root = try YAMLReader.parse(text, file: file)
        // Every problem at once (up to `Problems.limit`), as for committee files.
        let problems = Problems()
        func attempt<T>(_ body: () throws -> T) throws -> T? { try problems.attempt(body) }
        func list(_ reader: YAMLReader, _ key: String) throws -> [YAMLReader] {
            let found: [YAMLReader]? = try attempt { try reader.required(key).list() }
            return found ?? []
        }
        try attempt { try root.onlyKeys(["id", "fiscal_year", "title", "notes", "tools", "indicators", "grading", "provisional"]) }
        let provisional = try attempt { try root.optional("provisional").map { try $0.string() == "true" } } ?? nil
        let id = try attempt { try root.required("id").nonEmptyString() }
        let fiscalYear = try attempt { try root.required("fiscal_year").int(in: 2500...2700) }
        let title = try attempt { try root.optional("title")?.string() } ?? nil
        let notes = try attempt { try root.optional("notes")?.strings() } ?? nil

        var tools: [Tool] = []
        for entry in try list(root, "tools") { try attempt {
            try entry.onlyKeys(["code", "name_th", "name_en", "weight", "scored_from_items"])
            let code = try entry.required("code").nonEmptyString()
            if tools.contains(where: { $0.code == code }) { throw try entry.required("code").fail("duplicate tool \(code)", th: "เครื่องมือ \(code) ซ้ำ") }
            let weight = try entry.required("weight").double(in: Limits.weight)
            guard weight > 0 else { throw try entry.required("weight").fail("a weight is a share of the total above 0 and up to 1, e.g. 0.30", th: "น้ำหนักเป็นสัดส่วนของคะแนนรวม มากกว่า 0 และไม่เกิน 1 เช่น 0.30") }
            let fromItems = try entry.optional("scored_from_items").map { try $0.string() == "true" } ?? false
            tools.append(Tool(code: code, nameTH: try entry.required("name_th").nonEmptyString(),
                              nameEN: try entry.optional("name_en")?.string() ?? code, weight: weight, scoredFromItems: fromItems))
        } }
        let weightSum = tools.reduce(0) { $0 + $1.weight }
        if !tools.isEmpty, abs(weightSum - 1) > Limits.weightSumTolerance { try attempt {
            throw try root.required("tools").fail("tool weights add up to \(Number.twoDecimals(weightSum)), not 1.00", th: "น้ำหนักของเครื่องมือรวมกันได้ \(Number.twoDecimals(weightSum)) ไม่ใช่ 1.00")
        } }

        var indicators: [Indicator] = []
        var itemCodes: Set<String> = []
        var subCodes: Set<String> = []
        for entry in try list(root, "indicators") { try attempt {
            try entry.onlyKeys(["number", "name_th", "name_en", "tool", "sub_indicators"])
            let number = try entry.required("number").int(in: 1...99)
            if indicators.contains(where: { $0.number == number }) { throw try entry.required("number").fail("duplicate indicator \(number)", th: "ตัวชี้วัดที่ \(number) ซ้ำ") }
            let toolCode = try entry.required("tool").nonEmptyString()
            guard let tool = tools.first(where: { $0.code == toolCode }) else {
                throw try entry.required("tool").fail("no tool \(toolCode) in `tools`", th: "ไม่มีเครื่องมือ \(toolCode) ใน `tools`")
            }
            var subs: [SubIndicator] = []
            for subEntry in try entry.optional("sub_indicators")?.list() ?? [] {
                try subEntry.onlyKeys(["code", "name_th", "items"])
                let code = try subEntry.required("code").nonEmptyString()
                guard subCodes.insert(code).inserted else { throw try subEntry.required("code").fail("duplicate sub-indicator \(code)", th: "ตัวชี้วัดย่อย \(code) ซ้ำ") }
                var items: [OITItem] = []
                let itemEntries = try subEntry.required("items").list()
                if itemEntries.isEmpty {
                    throw try subEntry.required("items").fail("a sub-indicator with no items scores 0 for ever: give its items", th: "ตัวชี้วัดย่อยที่ไม่มีข้อจะได้ 0 ตลอดไป: ระบุข้อของตัวชี้วัดย่อยนี้")
                }
                for itemEntry in itemEntries {
                    try itemEntry.onlyKeys(["code", "title_th", "title_en", "evidence_period", "components"])
                    let itemCode = try itemEntry.required("code").nonEmptyString()
                    guard case .item(let normal)? = TaskTarget(text: itemCode), normal == itemCode else {
                        throw try itemEntry.required("code").fail("an item code is O followed by a number, e.g. O12", th: "รหัสข้อคือ O ตามด้วยตัวเลข เช่น O12")
                    }
                    guard itemCodes.insert(itemCode).inserted else { throw try itemEntry.required("code").fail("duplicate item \(itemCode)", th: "ข้อ \(itemCode) ซ้ำ") }
                    var item = OITItem(code: itemCode, titleTH: try itemEntry.required("title_th").nonEmptyString(),
                                       titleEN: try itemEntry.optional("title_en")?.string() ?? "")
                    if let reader = try itemEntry.optional("evidence_period") {
                        guard let period = EvidencePeriod(rawValue: try reader.string()) else {
                            let known = EvidencePeriod.allCases.map(\.rawValue).joined(separator: ", ")
                            throw reader.fail("expected one of: \(known)", th: "ต้องเป็นค่าใดค่าหนึ่ง: \(known)")
                        }
                        item.evidencePeriod = period
                    }
                    item.components = try itemEntry.optional("components")?.strings()
                    items.append(item)
                }
                subs.append(SubIndicator(code: code, nameTH: try subEntry.required("name_th").nonEmptyString(), items: items))
            }
            if tool.scoredFromItems && subs.isEmpty {
                throw entry.fail("indicator \(number) belongs to \(toolCode), which is scored from items, but has no sub_indicators", th: "ตัวชี้วัดที่ \(number) อยู่ใน \(toolCode) ซึ่งให้คะแนนจากข้อ แต่ไม่มี sub_indicators")
            }
            if !tool.scoredFromItems && !subs.isEmpty {
                throw try entry.required("sub_indicators").fail("only indicators of a tool with scored_from_items: true have items", th: "มีข้อได้เฉพาะตัวชี้วัดของเครื่องมือที่ scored_from_items: true")
            }
            indicators.append(Indicator(number: number, nameTH: try entry.required("name_th").nonEmptyString(),
                                        nameEN: try entry.optional("name_en")?.string() ?? "", tool: toolCode, subIndicators: subs))
        } }
        for tool in tools where !indicators.contains(where: { $0.tool == tool.code }) && !problems.found.contains(where: { $0.field.hasPrefix("indicators") }) {
            try attempt { throw try root.required("tools").fail("tool \(tool.code) has no indicators", th: "เครื่องมือ \(tool.code) ไม่มีตัวชี้วัด") }
        }

        guard let grading: YAMLReader = try attempt({ try root.required("grading") }) else {
            try problems.finish()
            throw DataFileError(file: file, line: nil, field: "grading", problem: "missing", problemTH: "ขาดหายไป (ต้องมี)")
        }
        try attempt { try grading.onlyKeys(["scheme", "pass_mark", "grades"]) }
        let kind = try attempt { () throws -> GradingScheme.Kind in
            let schemeReader = try grading.required("scheme")
            guard let kind = GradingScheme.Kind(rawValue: try schemeReader.string()) else {
                throw schemeReader.fail("expected letter or verbal", th: "ต้องเป็น letter หรือ verbal")
            }
            return kind
        } ?? .letter
        var rules: [GradeRule] = []
        let gradeEntries = try list(grading, "grades")
        for (index, entry) in gradeEntries.enumerated() { try attempt {
            try entry.onlyKeys(["grade", "min_total", "min_each_tool"])
            let minTotal = try entry.required("min_total").double(in: Limits.score)
            if let previous = rules.last, minTotal > previous.minTotal {
                throw try entry.required("min_total").fail("grades go best first: \(minTotal) is above the previous grade's \(previous.minTotal)", th: "เรียงระดับจากดีที่สุดก่อน: \(minTotal) สูงกว่าระดับก่อนหน้า (\(previous.minTotal))")
            }
            let gradeReader = try entry.required("grade")
            let name = try gradeReader.nonEmptyString()
            if rules.contains(where: { $0.grade == name }) {
                throw gradeReader.fail("two grades named \(Quote.text(name)): a score would be graded by the first", th: "มีระดับชื่อ \(Quote.text(name)) สองระดับ: คะแนนจะถูกจัดตามระดับแรก")
            }
            let each = try entry.optional("min_each_tool")?.double(in: Limits.score)
            // A grade that asks every tool for a score sits above those that do not (ผ่านดี above ผ่าน).
            if each != nil, rules.contains(where: { $0.minEachTool == nil }), index > 0 {
                throw entry.fail("a grade with min_each_tool goes above the grades without it", th: "ระดับที่มี min_each_tool ต้องอยู่เหนือระดับที่ไม่มี")
            }
            rules.append(GradeRule(grade: name, minTotal: minTotal, minEachTool: each))
        } }
        // Verbal grading (FY2567 on) is what asks every tool for a score: ผ่านดี needs IIT, EIT and OIT ≥ 85.
        if kind == .verbal, !rules.isEmpty, !rules.contains(where: { $0.minEachTool != nil }) {
            try attempt {
                throw try grading.required("grades").fail("a verbal scheme grades by every tool's score too: give min_each_tool to the grades that ask it (ผ่านดี: 85)", th: "เกณฑ์แบบข้อความจัดระดับจากคะแนนทุกเครื่องมือด้วย: ระบุ min_each_tool ให้ระดับที่กำหนด (ผ่านดี: 85)")
            }
        }
        if !rules.isEmpty, rules.last?.minTotal != 0 {
            try attempt { throw try grading.required("grades").fail("the last grade must start at min_total: 0", th: "ระดับสุดท้ายต้องเริ่มที่ min_total: 0") }
        }
        let passMark = try attempt { try grading.optional("pass_mark")?.double(in: Limits.score) } ?? nil
        try problems.finish()
        guard let id, let fiscalYear else { throw DataFileError(file: file, line: nil, field: "id", problem: "missing", problemTH: "ขาดหายไป (ต้องมี)") }
        return Framework(id: id, fiscalYear: fiscalYear, title: title ?? "ITA \(fiscalYear)", notes: notes ?? [], tools: tools, indicators: indicators,
                         grading: GradingScheme(kind: kind, passMark: passMark ?? 85, rules: rules), provisional: provisional ?? false)
    }
}
