import Testing
import ITACore
import ITAUI

@Suite struct TextReportTests {
    let today = CivilDate(iso: "2026-11-18")!
    let members = [Member(id: 1, login: "a", name: "นางสาวน้ำทิพย์ ที่ดี", role: .owner),
                   Member(id: 2, login: "b", name: "Somchai", role: .owner)]

    @Test func barIsFilledByFraction() {
        #expect(TextReports.bar(0.5, width: 4) == "██░░")
        #expect(TextReports.bar(1.2, width: 3) == "███")
        #expect(TextReports.bar(-1, width: 3) == "░░░")
    }

    @Test func taskTableColumnsLineUpWithThai() {
        let tasks = [
            WorkTask(id: 7, title: "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", target: .item("O12"), ownerID: 1, due: CivilDate(iso: "2026-11-10")),
            WorkTask(id: 123, title: "Plain ASCII title", target: .indicator(7), ownerID: 2, due: nil, status: .inProgress),
            WorkTask(id: 9, title: "ส่งน้ำใจ", target: .item("O1"), ownerID: 1, due: CivilDate(iso: "2026-12-01"), status: .blocked, blockedReason: "รอ"),
        ]
        let lines = TextReports.taskTable(tasks, members: members, today: today, strings: .thai, width: 100)
        // The title column starts at the same display column on every row, header included.
        let rows = Array(lines.dropLast())
        let titles = ["งาน", "ตัวชี้วัดที่", "Plain", "ส่งน้ำใจ"]
        let starts = zip(rows, titles).map { line, title in String(line[..<line.firstRange(of: title)!.lowerBound]).displayWidth }
        #expect(Set(starts).count == 1, "title columns start at \(starts)")
        #expect(rows.allSatisfy { $0.displayWidth <= 100 })
        #expect(lines[1].contains("!8"))          // 8 days overdue
        #expect(lines[3].contains("— รอ"))        // blocked reason shown
        #expect(lines.last == "ทั้งหมด 3 งาน")
    }

    @Test func dataNeverReachesTheTerminalWithEscapes() {
        let evil = WorkTask(id: 1, title: "ok\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}[2Jdone", target: .item("O1"), ownerID: 1, due: nil)
        let lines = TextReports.taskTable([evil], members: members, today: today, strings: .english)
        #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(lines[1].contains("okdone"))
    }

    @Test func longTitlesAreCutByWidth() {
        let long = WorkTask(id: 1, title: String(repeating: "การเปิดเผยข้อมูล ", count: 10), target: .item("O1"), ownerID: 1, due: nil)
        let line = TextReports.taskTable([long], members: members, today: today, strings: .thai, width: 80)[1]
        #expect(line.displayWidth <= 80)
        #expect(line.hasSuffix("…"))
    }

    @Test func logShowsWhoActedAndValuesInWords() {
        let at = Timestamp(iso: "2026-11-18T14:05:00+07:00")!
        let people = [Member(id: 1, login: "namthip", name: "น้ำทิพย์", role: .owner), Member(id: 2, login: "somchai", name: "Somchai", role: .owner)]
        func entry(_ id: Int64, login: String, _ field: String, _ old: String?, _ new: String?) -> AuditEntry {
            AuditEntry(id: id, changeID: 1, at: at, login: login, memberID: 1, action: .done, entity: .task, key: "12",
                       field: field, oldValue: old, newValue: new, undoes: nil)
        }
        let lines = TextReports.log([
            entry(1, login: "namthip", "done_by", nil, "2"),
            entry(2, login: "root", "status", "in_progress", "done"),
            { var e = entry(3, login: "namthip", "evidence", "[]", #"["https://a.example/1.pdf","https://b.example/2"]"#)
              // The store decodes the stored lists (Store.auditFromRow); the log shows them.
              e.oldEvidence = []; e.newEvidence = ["https://a.example/1.pdf", "https://b.example/2"]; return e }(),
            entry(4, login: "namthip", "done_at", nil, "2026-11-18T14:05:00+07:00"),
        ], members: people, strings: .thai)
        #expect(lines[0].hasPrefix("18 พ.ย. 2569 14:05  น้ำทิพย์ "))
        #expect(lines[0].hasSuffix("ผู้ทำเสร็จ: – → Somchai"))
        // Root acting as the member: both are named.
        #expect(lines[1].contains("น้ำทิพย์ (โดย root)"))
        #expect(lines[1].hasSuffix("สถานะ: ◐ กำลังทำ → ● เสร็จแล้ว"))
        #expect(lines[2].hasSuffix("หลักฐาน: – → https://a.example/1.pdf, https://b.example/2"))
        #expect(lines[3].hasSuffix("เวลาเสร็จ: – → 18 พ.ย. 2569 14:05"))
        // Every line starts its columns at the same place: the who column fits the longest name.
        #expect(lines[0].contains("น้ำทิพย์".padded(toWidth: "น้ำทิพย์ (โดย root)".displayWidth) + " เสร็จแล้ว "))
        #expect(TextReports.log([], members: [], strings: .english) == ["No changes yet"])
    }

    @Test func logFoldsTaskCreationsIntoOneLine() {
        let at = Timestamp(iso: "2026-11-18T09:00:00+07:00")!
        let creations = (1...117).map { AuditEntry(id: $0, changeID: 1, at: at, login: "somchai", memberID: nil, action: .create, entity: .task,
                                                  key: String($0), field: "*", oldValue: nil, newValue: "{}", undoes: nil) }
        let lines = TextReports.log(creations, members: [], strings: .english)
        #expect(lines.count == 1)
        #expect(lines[0].hasSuffix("created    117 tasks (#1–#117)"))
    }

    @Test func targetListNamesIndicatorsInWords() {
        #expect(TextReports.targetList([.indicator(9), .item("O2"), .item("O3")], limit: 2, strings: .thai) == "ตัวชี้วัด 9, O2 +1")
    }
}
