import ITACore

/// Builds frameworks in code so domain tests need no files.
enum Fixtures {
    static let letterGrades = GradingScheme(kind: .letter, passMark: 85, rules: [
        GradeRule(grade: "AA", minTotal: 95), GradeRule(grade: "A", minTotal: 85), GradeRule(grade: "B", minTotal: 75),
        GradeRule(grade: "C", minTotal: 65), GradeRule(grade: "D", minTotal: 55), GradeRule(grade: "E", minTotal: 50),
        GradeRule(grade: "F", minTotal: 0),
    ])

    static let verbalGrades = GradingScheme(kind: .verbal, passMark: 85, rules: [
        GradeRule(grade: "ผ่านดีเยี่ยม", minTotal: 95, minEachTool: 95),
        GradeRule(grade: "ผ่านดี", minTotal: 85, minEachTool: 85),
        GradeRule(grade: "ผ่าน", minTotal: 85),
        GradeRule(grade: "ต้องปรับปรุง", minTotal: 70),
        GradeRule(grade: "ต้องปรับปรุงโดยด่วน", minTotal: 0),
    ])

    /// A framework with the given OIT sub-indicator sizes: indicator 9 first, then 10.
    static func framework(nine: [Int], ten: [Int], grading: GradingScheme = letterGrades) -> Framework {
        var next = 1
        func subs(_ indicator: Int, _ sizes: [Int]) -> [SubIndicator] {
            sizes.enumerated().map { index, size in
                let items = (0..<size).map { _ -> OITItem in
                    defer { next += 1 }
                    return OITItem(code: "O\(next)", titleTH: "ข้อ \(next)")
                }
                return SubIndicator(code: "\(indicator).\(index + 1)", nameTH: "ตัวชี้วัดย่อย", items: items)
            }
        }
        let survey = (1...8).map { n in Indicator(number: n, nameTH: "ตัวชี้วัดที่ \(n)", nameEN: "Indicator \(n)", tool: n <= 5 ? "IIT" : "EIT") }
        return Framework(id: "test", fiscalYear: 2564, title: "test", tools: [
            Tool(code: "IIT", nameTH: "IIT", nameEN: "IIT", weight: 0.3, scoredFromItems: false),
            Tool(code: "EIT", nameTH: "EIT", nameEN: "EIT", weight: 0.3, scoredFromItems: false),
            Tool(code: "OIT", nameTH: "OIT", nameEN: "OIT", weight: 0.4, scoredFromItems: true),
        ], indicators: survey + [
            Indicator(number: 9, nameTH: "การเปิดเผยข้อมูล", nameEN: "Disclosure", tool: "OIT", subIndicators: subs(9, nine)),
            Indicator(number: 10, nameTH: "การป้องกันการทุจริต", nameEN: "Prevention", tool: "OIT", subIndicators: subs(10, ten)),
        ], grading: grading)
    }

    /// FY2564 sizes, from the Phichit table: 9.1 = 9, 9.2 = 8, 9.3 = 7, 9.4 = 4, 9.5 = 5, 10.1 = 8, 10.2 = 2.
    static let fy2564 = framework(nine: [9, 8, 7, 4, 5], ten: [8, 2])
    /// FY2566 sizes: 10/8/4/4/4 and 8/5.
    static let fy2566 = framework(nine: [10, 8, 4, 4, 4], ten: [8, 5])

    static func items(of framework: Framework, sub code: String) -> [String] {
        framework.indicators.flatMap(\.subIndicators).first { $0.code == code }!.items.map(\.code)
    }

    /// All items passed except the named ones.
    static func allPassed(_ framework: Framework, except failing: [String] = []) -> Set<String> {
        Set(framework.items.map(\.code)).subtracting(failing)
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
}
