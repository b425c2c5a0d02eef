import Foundation
import ITACore
import Testing
@testable import ITAUI

@Suite struct ScrollAndFilterTests {
    typealias F = DashboardFixture

    @Test func anItemFilterMatchesThatItemOnly() throws {
        let o3 = WorkTask(id: 10, title: "อำนาจหน้าที่", target: .item("O3"), ownerID: 2, due: nil)
        let o30 = WorkTask(id: 11, title: "รายงาน O3 ประกอบ O30", target: .item("O30"), ownerID: 2, due: nil)
        for typed in ["O3", "o3", "item:O3"] {
            let filter = try TaskFilter.parse(typed, members: F.members)
            #expect(filter.item == "O3")
            #expect(filter.matches(o3, ownerName: "", today: F.today))
            #expect(!filter.matches(o30, ownerName: "", today: F.today), "\(typed) matched O30")
        }
        // Other words still search titles.
        #expect(try TaskFilter.parse("รายงาน", members: F.members).matches(o30, ownerName: "", today: F.today))
    }

    @Test func aWordFindsTheOwnersWhoseNameHoldsIt() throws {
        let task = WorkTask(id: 12, title: "แผนภูมิ", target: .item("O1"), ownerID: 2, due: nil)
        // Part of a Thai name, part of an English one in any case; not a name's word missing from the title.
        for (typed, owners) in [("น้ำใส", [Int64(2)]), ("ใจดี", [1]), ("somchai", [3]), ("SOMCHAI", [3]), ("ดี", [1, 2]), ("ขาว", [])] {
            let words = try TaskFilter.parse(typed, members: F.members).words(members: F.members, framework: F.framework)
            #expect(words.first?.owners == Set(owners), "\(typed)")
        }
        #expect(try TaskFilter.parse("น้ำใส", members: F.members).matches(task, ownerName: F.owner.name, today: F.today))
        #expect(try !TaskFilter.parse("น้ำใส", members: F.members).matches(task, ownerName: F.chair.name, today: F.today))
    }

    @Test func afterGOnTheOverviewKMovesAtOnce() {
        var state = F.state(as: F.chair, size: Size(width: 60, height: 14), screen: .overview)
        let top = state.render().trimmedLines
        _ = state.press(.character("G"))
        let bottom = state.render().trimmedLines
        #expect(bottom != top)
        _ = state.press(.character("k"))
        let oneUp = state.render().trimmedLines
        #expect(oneUp != bottom, "k after G showed no change")
        #expect(state.overviewTop < 100)
    }
}

@Suite struct TaskTableTests {
    typealias F = DashboardFixture

    /// `19 พ.ย. 2569เกิน 12 วัน` and `◐ in progress#86` ran together before the columns were sized from content.
    @Test func columnsNeverRunTogetherInThaiOrEnglish() {
        let long = WorkTask(id: 99, title: String(repeating: "การเปิดเผยข้อมูลสาธารณะ ", count: 8), target: .item("O3"), ownerID: 3,
                            due: F.date("2026-09-19"), status: .inProgress)
        for language in [Language.th, .en] {
            for width in [80, 120, 200] {
                let state = F.state(as: F.chair, size: Size(width: width, height: 30), language: language, screen: .all, tasks: F.tasks + [long])
                let rows = state.render().trimmedLines.filter { $0.contains("#") }
                #expect(rows.count >= 6)
                for row in rows {
                    // A year is always followed by a space, and a status word never touches the id.
                    let scalars = Array(row.unicodeScalars)
                    for i in scalars.indices.dropLast(4) where String(String.UnicodeScalarView(scalars[i..<i + 4])) == "2569" {
                        #expect(scalars[i + 4] == " ", "\(language) \(width): \(row)")
                    }
                    #expect(!row.contains("progress#") && !row.contains("แล้ว#") && !row.contains("ทำ#"), "\(language) \(width): \(row)")
                }
            }
        }
    }

    @Test func theDetailPaneShowsTheWholeTitle() {
        let title = String(repeating: "การเปิดเผยข้อมูลสาธารณะ ", count: 8).trimmingCharacters(in: .init(charactersIn: " "))
        let long = WorkTask(id: 99, title: title, target: .item("O3"), ownerID: 3, due: F.date("2026-09-19"), status: .inProgress)
        let state = F.state(as: F.chair, size: Size(width: 80, height: 40), screen: .all, tasks: F.tasks + [long])
        let lines = state.render().trimmedLines
        let row = lines.first { $0.contains("#99") && !$0.hasPrefix(" #99") }
        #expect(row?.hasSuffix("…") == true)          // cut in the table
        let detail = lines.drop { !$0.hasPrefix("───") }.dropFirst().prefix(3).joined(separator: " ")
        #expect(detail.replacingOccurrences(of: " ", with: "").contains(("#99" + title).replacingOccurrences(of: " ", with: "")), "\(detail)")
    }
}

@Suite struct OverviewAgreesWithStatusTests {
    typealias F = DashboardFixture

    /// Indicator 9 read "ปีที่แล้ว 90.00" on the overview while `ita status` read "คาดการณ์ 31.00".
    @Test func everyIndicatorShowsTheSameFigureOnBoth() {
        for language in [Language.th, .en] {
            let state = F.state(as: F.chair, size: Size(width: 140, height: 60), language: language, screen: .overview)
            let overview = state.render().trimmedLines
            let status = TextReports.status(state.board, strings: language.strings)
            let s = language.strings
            for indicator in state.board.framework.indicators {
                let figure: String
                if let score = state.board.projection.indicatorScores[indicator.number] { figure = "\(s.projected) \(Score.text(score))" }
                else if let last = state.board.assessment.lastYearScores[indicator.number] { figure = "\(s.lastYear) \(Score.text(last))" }
                else { continue }
                let name = language.name(of: indicator)
                #expect(overview.contains { $0.contains(name) && $0.contains(figure) }, "overview \(language): \(indicator.number) \(figure)")
                #expect(status.contains { $0.contains(name) && $0.contains(figure) }, "status \(language): \(indicator.number) \(figure)")
            }
        }
    }

    @Test func englishUsesTheFrameworksEnglishNames() {
        let state = F.state(as: F.chair, size: Size(width: 120, height: 40), language: .en, screen: .tree)
        let tree = state.render().trimmedLines.joined(separator: "\n")
        #expect(tree.contains("Disclosure") && !tree.contains("การเปิดเผยข้อมูล"))
    }
}

@Suite struct OthersChangesTests {
    typealias F = DashboardFixture

    @Test func aReloadAfterSomeoneElsesChangeSaysWhoDidWhat() {
        var state = F.state(as: F.chair, screen: .all)
        let at = Timestamp(iso: "2026-11-18T10:00:00+07:00")!
        func row(_ id: Int64, change: Int64, _ field: String, task: String) -> AuditEntry {
            AuditEntry(id: id, changeID: change, at: at, login: "owner", memberID: 2, action: .done, entity: .task, key: task, field: field,
                       oldValue: nil, newValue: "x", undoes: nil)
        }
        _ = state.update(.othersChanged([row(1, change: 5, "status", task: "1"), row(2, change: 5, "done_by", task: "1"),
                                         row(3, change: 6, "status", task: "3")]))
        #expect(state.message?.text == "นายน้ำใส ที่ดี: #1 เสร็จแล้ว (และอีก 1 การเปลี่ยนแปลง)")
        #expect(state.message?.isError == false)
        _ = state.update(.othersChanged([]))
        #expect(state.message?.text.hasPrefix("นายน้ำใส") == true)   // nothing new: the note stays
    }
}

@Suite struct HelpScrollTests {
    typealias F = DashboardFixture

    /// At 60×20 the help stopped at "1 ไปที่ ภาพรวม": every command must be reachable by scrolling.
    @Test func theHelpScrollsToEveryCommandAtAnySize() {
        for size in [Size(width: 60, height: 20), Size(width: 40, height: 12), Size(width: 200, height: 55)] {
            var state = F.state(as: F.chair, size: size, screen: .overview)
            _ = state.press(.character("?"))
            #expect(state.helpVisible)
            var seen = Set<String>()
            for _ in 0..<60 {
                for line in state.render().trimmedLines { seen.insert(line) }
                _ = state.press(.character("j"))
                #expect(state.helpVisible, "j scrolls the help, it does not close it")
            }
            let all = seen.joined(separator: "\n")
            for binding in Keymap.bindings {
                #expect(all.contains(state.text.commandTitle(binding.command)), "\(size): \(binding.command) never shown")
            }
            _ = state.press(.character("x"))
            #expect(!state.helpVisible)
        }
    }
}

@Suite struct HintBarTests {
    typealias F = DashboardFixture

    @Test func aViewerWhoMayNotChangeIsNotOfferedChangeKeys() {
        let owner = F.state(as: F.owner, size: Size(width: 120, height: 30), screen: .mine)
        let offered = owner.render().trimmedLines[28]
        #expect(offered.contains("Space") && offered.contains(owner.text.commandTitle(.editEvidence)))
        var reader = F.state(as: F.owner, size: Size(width: 120, height: 30), screen: .mine)
        reader.readOnly = true
        reader.readOnlyNote = "อ่านอย่างเดียว: ทดสอบ"
        let hints = reader.render().trimmedLines[28]
        #expect(!hints.contains("Space") && !hints.contains(reader.text.commandTitle(.editEvidence)), "\(hints)")
        #expect(hints.contains("/"))
        // Pressed anyway, the key says why.
        #expect(reader.press(.character(" ")).isEmpty)
        #expect(reader.message?.text == "อ่านอย่างเดียว: ทดสอบ")
        // Someone not on the committee: the same.
        let stranger = F.state(as: nil, size: Size(width: 120, height: 30), screen: .all)
        #expect(!stranger.render().trimmedLines[28].contains("Space"))

    }
}

@Suite struct READMEKeyTableTests {
    /// README's key table and the keymap say the same: every key of every binding is in the table
    /// (`S-Tab` is written Shift-Tab there, the screen digits as `1`–`6`), and the table names no key
    /// the keymap does not bind.
    @Test func theREADMEKeyTableMatchesTheKeymap() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(readme.range(of: "| keys | what they do |"))
        let table = readme[start.upperBound...].split(separator: "\n").drop(while: { !$0.hasPrefix("|") }).prefix { $0.hasPrefix("|") }
        let keyCells = table.map { row in row.split(separator: "|").first.map(String.init) ?? "" }
        var named = Set<String>()
        for cell in keyCells {
            var rest = Substring(cell)
            while let open = rest.firstIndex(of: "`") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "`") else { break }
                named.insert(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
        }
        // `1`–`8` in the table stands for the eight screen digits.
        if named.contains("1") && named.contains("8") { named.subtract(["1", "8"]); named.insert("1–8") }
        func readmeName(_ key: KeyPress) -> String {
            switch key {
            case .backTab: return "Shift-Tab"
            case .character(let c) where ("1"..."8").contains(c): return "1–8"
            default: return key.label
            }
        }
        let bound = Set(Keymap.bindings.flatMap(\.keys).filter { key in
            // Home/End and PgUp/PgDn are the usual twins of g/G and Ctrl-U/D; the table names those.
            ![.home, .end, .pageUp, .pageDown, .left, .right].contains(key)
        }.map(readmeName))
        for key in bound.sorted() { #expect(named.contains(key), "README's key table does not name \(key)") }
        let ignored: Set<String> = ["1–8"]
        for key in named.subtracting(ignored).sorted() where !key.hasPrefix(":") && key.count < 12 {
            #expect(bound.contains(key) || ["l", "h"].contains(key), "README names \(key), which the keymap does not bind")
        }
    }
}

/// README's present-mode and meeting-mode key tables name exactly the keys their keymaps bind.
@Suite struct READMEProgramKeyTableTests {
    static func named(in heading: String) throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(readme.range(of: "| \(heading) | what they do |"))
        let table = readme[start.upperBound...].split(separator: "\n").drop(while: { !$0.hasPrefix("|") }).prefix { $0.hasPrefix("|") }
        var named = Set<String>()
        for row in table {
            var rest = row.split(separator: "|").first ?? ""
            while let open = rest.firstIndex(of: "`") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "`") else { break }
                named.insert(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
        }
        // `1`–`7` in a table is a run of digits.
        for (a, b) in [("0", "9"), ("1", "7")] where named.contains(a) && named.contains(b) { named.subtract([a, b]); named.insert("\(a)–\(b)") }
        return named
    }

    static func bound<C: KeyCommand>(_ table: KeyTable<C>) -> Set<String> {
        Set(table.bindings.flatMap { KeyPress.labels($0.keys.filter { ![.home, .end, .pageUp, .pageDown, .left, .right, .up, .down].contains($0) }) })
    }

    @Test func presentAndMeetingTablesMatchTheirKeymaps() throws {
        for (heading, keys) in [("present keys", Self.bound(PresentKeymap.table)), ("meeting keys", Self.bound(MeetingKeymap.table)),
                                ("rollup keys", Self.bound(RollupKeymap.table))] {
            let named = try Self.named(in: heading)
            #expect(named == keys, "\(heading): README names \(named.subtracting(keys).sorted()), misses \(keys.subtracting(named).sorted())")
        }
    }
}

