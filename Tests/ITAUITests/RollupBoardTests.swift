import ITACore
import Testing
@testable import ITAUI

/// The roll-up board on three offices made from the dashboard fixture: one with all its work done
/// and last changed today, one as the fixture stands, one that never changed.
@Suite struct RollupBoardTests {
    typealias F = DashboardFixture

    static func rollup(today: CivilDate = F.today) -> Rollup {
        let allDone = F.tasks.map { t -> WorkTask in
            var t = t
            t.status = .done
            t.evidence = ["https://example.go.th/\(t.id).pdf"]
            return t
        }
        let noon = Timestamp(secondsSince1970: Int64(today.dayNumber) * 86_400 + 5 * 3600, utcOffsetSeconds: 7 * 3600)
        return Rollup(offices: [
            OfficeStanding(code: "b-done", board: F.board(tasks: allDone, today: today), lastChange: noon),
            OfficeStanding(code: "a-open", board: F.board(today: today), lastChange: noon),
            OfficeStanding(code: "c-quiet", board: F.board(today: today), lastChange: nil),
        ])
    }

    static func state(size: Size = Size(width: 100, height: 30), language: Language = .th) -> RollupState {
        RollupState(rollup: rollup(), language: language, size: size, today: F.today)
    }

    @Test func jMovesTheSelectionAndTheDetailFollowsIt() {
        var s = Self.state()
        let codes = s.shown.map(\.code)
        #expect(codes.count == 3)
        #expect(s.render().trimmedLines.joined(separator: "\n").contains("(\(codes[0]))"))
        _ = s.update(.key(.character("j")))
        #expect(s.current?.code == codes[1])
        #expect(s.render().trimmedLines.joined(separator: "\n").contains("(\(codes[1]))"))
        #expect(!s.render().trimmedLines.joined(separator: "\n").contains("(\(codes[0]))"))
        // G goes to the last; j past it stays there; g back to the first.
        _ = s.update(.key(.character("G")))
        _ = s.update(.key(.character("j")))
        #expect(s.current?.code == codes[2])
        _ = s.update(.key(.character("g")))
        #expect(s.selected == 0)
        // On a Thai keyboard ่ is the j key.
        _ = s.update(.key(.character("่")))
        #expect(s.current?.code == codes[1])
    }

    @Test func theNeverChangedOfficeSaysSoAndROnlyShowsOfficesAtRisk() {
        var s = Self.state()
        let quiet = s.shown.firstIndex { $0.code == "c-quiet" }!
        for _ in 0..<quiet { _ = s.update(.key(.character("j"))) }
        let screen = s.render().trimmedLines.joined(separator: "\n")
        #expect(screen.contains("! ยังไม่เคยมีการแก้ไข"), "\(screen)")
        let atRisk = s.rollup.atRisk.map(\.code)
        _ = s.update(.key(.character("r")))
        #expect(s.shown.map(\.code) == atRisk)
        #expect(s.current?.code == "c-quiet")   // the selection stays on the office
        #expect(s.render().trimmedLines.joined(separator: "\n").contains("เฉพาะที่ต้องติดตาม"))
        _ = s.update(.key(.character("s")))
        #expect(s.shown.map(\.code) == atRisk.sorted())
    }

    @Test func aTickPastMidnightReadsTheFilesAgainForTheNewDay() {
        var s = Self.state()
        let tomorrow = F.today.adding(days: 1)
        let effects = s.update(.tick(Tick(seconds: 10, today: tomorrow)))
        #expect(effects == [.checkForChanges(today: tomorrow)])
        #expect(s.render().trimmedLines.joined(separator: "\n").contains("19 พ.ย. 2569"))
        // The offices read again keep the selection on the same office.
        _ = s.update(.key(.character("j")))
        let code = s.current?.code
        _ = s.update(.loaded(Self.rollup(today: tomorrow)))
        #expect(s.current?.code == code)
    }

    @Test func aFileThatCannotBeReadIsOnTheStatusLine() {
        var s = Self.state()
        _ = s.update(.failed(["/srv/ita/x.sqlite: no such file", "/srv/ita/y.sqlite: no such file"]))
        #expect(s.render().trimmedLines.joined(separator: "\n").contains("/srv/ita/x.sqlite: no such file (+1)"))
        _ = s.update(.failed([]))
        #expect(!s.render().trimmedLines.joined(separator: "\n").contains("no such file"))
    }

    @Test func helpListsEveryKeyAndScrollsAtAnySize() {
        for size in [Size(width: 50, height: 14), Size(width: 80, height: 24), Size(width: 200, height: 55)] {
            for language in [Language.th, .en] {
                var s = Self.state(size: size, language: language)
                _ = s.update(.key(.character("?")))
                #expect(s.helpVisible)
                var seen = ""
                for _ in 0..<30 {
                    seen += s.render().trimmedLines.joined(separator: "\n")
                    _ = s.update(.key(.character("j")))
                }
                for entry in RollupKeymap.table.helpEntries {
                    #expect(seen.contains(language.rollup.commandTitle(entry.command)), "\(size) \(language): \(entry.command)")
                }
                _ = s.update(.key(.character("x")))
                #expect(!s.helpVisible)
                #expect(s.update(.key(.character("q"))) == [.quit])
            }
        }
    }

    @Test func englishHasNoThaiInItsOwnWords() {
        let s = Self.state(language: .en)
        let screen = s.render().trimmedLines.joined(separator: "\n")
        #expect(screen.contains("read-only") && screen.contains("projected to pass (85 or more)"))
        // Thai appears only in the data (office names, grades), never in the board's own words.
        let own = screen.split(separator: "\n").filter { !$0.contains("ทดสอบ") && !$0.contains("ต้องปรับปรุง") && !$0.contains("ผ่าน") }
        #expect(!own.joined().unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "\(own)")
    }
}
