import ITACore
import ITAUI

/// A small committee in code: three tools, indicators 1, 6 and 9 (9.1 with O1–O3), a chair, two
/// owners, six tasks, on a fixed Wednesday.
enum DashboardFixture {
    static let today = CivilDate(iso: "2026-11-18")!

    static let framework = Framework(id: "test", fiscalYear: 2570, title: "test", tools: [
        Tool(code: "IIT", nameTH: "แบบวัดภายใน", nameEN: "IIT", weight: 0.3, scoredFromItems: false),
        Tool(code: "EIT", nameTH: "แบบวัดภายนอก", nameEN: "EIT", weight: 0.3, scoredFromItems: false),
        Tool(code: "OIT", nameTH: "การเปิดเผยข้อมูล", nameEN: "OIT", weight: 0.4, scoredFromItems: true),
    ], indicators: [
        Indicator(number: 1, nameTH: "การปฏิบัติหน้าที่", nameEN: "Duty", tool: "IIT"),
        Indicator(number: 6, nameTH: "คุณภาพการดำเนินงาน", nameEN: "Quality", tool: "EIT"),
        Indicator(number: 9, nameTH: "การเปิดเผยข้อมูล", nameEN: "Disclosure", tool: "OIT", subIndicators: [
            SubIndicator(code: "9.1", nameTH: "ข้อมูลพื้นฐาน", items: [
                OITItem(code: "O1", titleTH: "โครงสร้าง"), OITItem(code: "O2", titleTH: "ข้อมูลผู้บริหาร"),
                OITItem(code: "O3", titleTH: "อำนาจหน้าที่"),
            ]),
        ]),
    ], grading: GradingScheme(kind: .letter, passMark: 85, rules: [
        GradeRule(grade: "AA", minTotal: 95), GradeRule(grade: "A", minTotal: 85), GradeRule(grade: "B", minTotal: 75),
        GradeRule(grade: "F", minTotal: 0),
    ]))

    static let chair = Member(id: 1, login: "chair", name: "นางประธาน ใจดี", role: .chair)
    static let owner = Member(id: 2, login: "owner", name: "นายน้ำใส ที่ดี", role: .owner)
    static let other = Member(id: 3, login: "other", name: "Somchai Example", role: .owner)
    static let members = [chair, owner, other]

    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    static let tasks = [
        WorkTask(id: 1, title: "รวบรวมข้อมูล O1 โครงสร้าง", target: .item("O1"), ownerID: 2, due: date("2026-11-20")),
        WorkTask(id: 2, title: "เผยแพร่ O1 บนเว็บไซต์", target: .item("O1"), ownerID: 2, due: date("2026-11-10"), status: .inProgress),
        WorkTask(id: 3, title: "ข้อมูลผู้บริหาร O2", target: .item("O2"), ownerID: 3, due: date("2026-11-25")),
        WorkTask(id: 4, title: "อำนาจหน้าที่ O3", target: .item("O3"), ownerID: 2, due: date("2026-12-01"), status: .done,
                 evidence: ["https://example.go.th/o3"], doneBy: 2),
        WorkTask(id: 5, title: "วิเคราะห์ตัวชี้วัดที่ 1", target: .indicator(1), ownerID: 3, due: date("2026-11-30"), status: .blocked,
                 blockedReason: "รอข้อมูลปีที่แล้ว"),
        WorkTask(id: 6, title: "ประชาสัมพันธ์ EIT", target: .indicator(6), ownerID: 2, due: nil),
    ]

    static func board(tasks: [WorkTask] = tasks, today: CivilDate = today) -> Board {
        let tallies = Tally.byTarget(tasks, today: today)
        var nearest: [String: CivilDate] = [:]
        for task in tasks where task.status.isOpen {
            if case .item(let code) = task.target, let due = task.due { nearest[code] = min(nearest[code] ?? due, due) }
        }
        let assessment = Assessment(organisation: "สำนักงานทดสอบ (สมมติ)", fiscalYear: 2570, frameworkID: "test", targetGrade: "A",
                                    lastYearScores: [1: 90, 6: 80], respondents: ["IIT": Respondents(quota: 20, count: 5),
                                                                                  "EIT": Respondents(quota: 50, count: 50)],
                                    milestones: [Milestone(key: "oit", titleTH: "เผยแพร่ OIT", titleEN: "OIT published", due: date("2026-12-31"))])
        return Board(framework: framework, assessment: assessment, members: members,
                     owners: [.indicator(1): 3, .indicator(6): 2, .indicator(9): 1, .item("O1"): 2, .item("O2"): 3, .item("O3"): 2],
                     tallies: tallies, dueGroups: DueGroup.of(tasks.filter { ($0.due ?? today) >= today }), nearestDue: nearest, today: today)
    }

    static func state(as member: Member? = owner, size: Size = Size(width: 100, height: 30), language: Language = .th,
                      screen: ScreenID? = nil, tasks: [WorkTask] = tasks) -> AppState {
        AppState(data: DashboardData(board: board(tasks: tasks), tasks: tasks), language: language, login: member?.login ?? "stranger",
                 viewer: member, size: size, screen: screen)
    }
}

extension AppState {
    /// Sends keys one by one, collecting every effect.
    mutating func press(_ keys: KeyPress...) -> [Effect] {
        keys.flatMap { update(.key($0)) }
    }

    mutating func type(_ text: String) {
        for scalar in text.unicodeScalars { _ = update(.key(.character(scalar))) }
    }
}

extension InputMessages {
    /// A tick at `seconds` on the monotonic clock, on the fixture's day.
    static func tick(at seconds: Double, today: CivilDate = DashboardFixture.today) -> Self {
        .tick(Tick(seconds: seconds, today: today))
    }
}
