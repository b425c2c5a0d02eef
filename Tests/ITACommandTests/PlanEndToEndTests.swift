import Foundation
import Testing

/// Keeping the plan from the real dashboard in tmux, against a real database file. The runner's
/// login is the secretary (see `ITARunner.committeeFile`).
@Suite(.serialized) struct PlanEndToEndTests {
    func tasks(_ ita: ITARunner, _ arguments: [String] = ["--all"]) throws -> [[String: Any]] {
        let json = try ita.run(["tasks", "--json"] + arguments).stdout
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    @Test func theSecretaryAddsEditsReassignsAndArchivesFromTheDashboard() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen tree"), width: 100, height: 30)
        try tmux.waitFor(text: "ตัวชี้วัด / ข้อ")
        // Down to indicator 3, then a: the form opens on it.
        try tmux.send("j", "j", "j")
        try tmux.send("a")
        try tmux.waitFor("the add form") { $0.contains("เพิ่มงาน") && $0.contains("ตัวชี้วัด/ข้อ   3") }
        try tmux.type("ประชุมชี้แจงบุคลากรเรื่องการใช้อำนาจ รอบสอง")
        try tmux.send("Tab", "Tab")
        try tmux.type("kit")
        try tmux.waitFor(text: "kittipat (นายกิตติพัฒน์ บุญมาก)")
        try tmux.send("Tab")          // completes the login
        try tmux.send("Tab")          // to the due date
        try tmux.type("15/12/2569")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✓ เพิ่มงาน #118: ประชุมชี้แจงบุคลากรเรื่องการใช้อำนาจ รอบสอง")
        var added = try #require(try tasks(ita).first { $0["id"] as? Int == 118 })
        #expect(added["owner"] as? String == "kittipat" && added["due"] as? String == "2026-12-15" && added["target"] as? String == "3")

        // The new task in All tasks, E: a bad date is refused on its field, then a good one saves.
        try tmux.send("4", "/")
        try tmux.type("#118")
        try tmux.send("Enter")
        try tmux.waitFor(text: "กรอง #118")
        try tmux.send("E")
        try tmux.waitFor(text: "แก้ไขงาน #118")
        try tmux.send("Tab", "Tab", "Tab", "C-u")
        try tmux.type("31/2")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✗ วันที่ไม่ถูกต้อง")
        try tmux.send("C-u")
        try tmux.type("+3")
        try tmux.send("BTab", "BTab", "BTab", "C-u")
        try tmux.type("ชี้แจงการใช้อำนาจ (ปรับตามมติที่ประชุม)")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✓ #118")
        added = try #require(try tasks(ita).first { $0["id"] as? Int == 118 })
        #expect(added["title"] as? String == "ชี้แจงการใช้อำนาจ (ปรับตามมติที่ประชุม)" && added["due"] as? String == "2026-11-21")

        // o reassigns, D moves the due date, X archives after the confirmation.
        try tmux.send("o", "C-u")
        try tmux.type("anucha")
        try tmux.send("Enter")
        try tmux.waitFor(text: "นายอนุชา แก้วประเสริฐ")
        try tmux.send("D", "C-u")
        try tmux.type("2569-12-20")
        try tmux.send("Enter")
        try tmux.waitFor(text: "20 ธ.ค. 2569")
        added = try #require(try tasks(ita).first { $0["id"] as? Int == 118 })
        #expect(added["owner"] as? String == "anucha" && added["due"] as? String == "2026-12-20")
        try tmux.send("X")
        try tmux.waitFor(text: "เก็บงาน #118 เข้าคลัง?")
        try tmux.type("ซ้ำกับงาน #4")
        try tmux.send("Enter")
        try tmux.waitFor(text: "เก็บเข้าคลัง")
        #expect(try tasks(ita).contains { $0["id"] as? Int == 118 } == false)
        #expect(try ita.run(["tasks", "--archived"]).stdout.contains("ซ้ำกับงาน #4"))
        // u undoes the archive from the dashboard too.
        try tmux.send("u")
        try tmux.waitFor(text: "↶")
        #expect(try tasks(ita).contains { $0["id"] as? Int == 118 })
        #expect(try ita.run(["verify"]).status == 0)
        try tmux.send("q")
    }

    @Test func theLaterOfTwoConcurrentEditsIsRefusedWithWhoSavedFirst() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen all"), width: 120, height: 30)
        try tmux.waitFor(text: "งานทั้งหมด")
        try tmux.send("/")
        try tmux.type("#31")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#31")
        try tmux.send("E")
        try tmux.waitFor(text: "แก้ไขงาน #31")
        // Meanwhile the chair changes the same task from the command line.
        #expect(try ita.run(["edit", "31", "--note", "ประธานขอให้เร่ง", "--as", "pimchanok"]).status == 0)
        try tmux.send("C-u")
        try tmux.type("ชื่อที่เลขาแก้")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✗ งาน #31 ถูกแก้โดย นางสาวพิมพ์ชนก ศรีสว่าง")
        // Nothing of the later save was written; the earlier one stands.
        let task = try #require(try tasks(ita).first { $0["id"] as? Int == 31 })
        #expect(task["note"] as? String == "ประธานขอให้เร่ง" && task["title"] as? String != "ชื่อที่เลขาแก้")
        try tmux.send("Escape", "q")
    }

    @Test func anOwnerSeesTheirItemsWithoutTasksAndMayNotEditThePlan() throws {
        let ita = ITARunner()
        try ita.initialise()
        // Leave O12 without tasks: archive them.
        for task in try tasks(ita, ["--item", "O12", "--all"]) {
            #expect(try ita.run(["archive", String(task["id"] as! Int)]).status == 0)
        }
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--as waraporn"), width: 120, height: 40)
        try tmux.waitFor(text: "ยังไม่มีงาน — กด a เพื่อเพิ่ม")
        try tmux.send("G")
        try tmux.send("a")
        try tmux.waitFor("the form on O12") { $0.contains("เพิ่มงาน") && $0.contains("ตัวชี้วัด/ข้อ   O12") }
        try tmux.type("จัดทำรายงานผลการจัดซื้อ")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✓ เพิ่มงาน #118")
        #expect(try tasks(ita, ["--item", "O12"]).count == 1)
        // E is the chair's and secretary's: the owner is told why.
        try tmux.send("E")
        try tmux.waitFor(text: "ประธานหรือเลขานุการเท่านั้นที่แก้แผนได้")
        try tmux.send("q")
    }

    @Test func tickingRecurringWorkInTheDashboardShowsTheNextOccurrence() throws {
        let ita = ITARunner()
        try ita.initialise()
        #expect(try ita.run(["add", "O12", "สรุปผลจัดซื้อประจำเดือน", "--due", "2569-11-19", "--recurs", "monthly"]).status == 0)
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--as waraporn --screen all"), width: 120, height: 30)
        try tmux.waitFor(text: "งานทั้งหมด")
        try tmux.send("/")
        try tmux.type("ประจำเดือน")
        try tmux.send("Enter")
        try tmux.waitFor(text: "#118")
        try tmux.send("Space")
        try tmux.waitFor(text: "↻ งานรอบถัดไป #119 กำหนดส่ง 19 ธ.ค. 2569")
        try tmux.waitFor("the next occurrence listed") { $0.contains("#119") && $0.contains("19 ธ.ค. 2569") }
        try tmux.send("q")
    }

    @Test func theMembersAndMilestonesScreens() throws {
        let ita = ITARunner()
        try ita.initialise()
        let tmux = Tmux(ita)
        try tmux.start(tmux.ita("--screen members"), width: 120, height: 30)
        try tmux.waitFor(text: "คณะทำงาน 12 คน")
        try tmux.send("a")
        try tmux.waitFor(text: "เพิ่มสมาชิก")
        try tmux.type("malee")
        try tmux.send("Tab")
        try tmux.type("นางมาลี ทดลองดี")
        try tmux.send("Tab", "C-u")
        try tmux.type("ow")
        try tmux.send("Tab", "Tab")
        try tmux.type("กลุ่มนโยบายและแผน")
        try tmux.send("Enter")
        try tmux.waitFor(text: "✓ + สมาชิก malee (นางมาลี ทดลองดี)")
        // waraporn (third row) leaves; without a hand-over it is refused, naming what she owns.
        try tmux.send("g", "j", "j", "L", "Enter")
        try tmux.waitFor(text: "hand-over-to: waraporn ยังรับผิดชอบ")
        try tmux.send("L")
        try tmux.type("malee")
        try tmux.send("Enter")
        try tmux.waitFor(text: "ออกแล้ว")
        let members = try JSONSerialization.jsonObject(with: Data(try ita.run(["members", "--json"]).stdout.utf8)) as! [[String: Any]]
        #expect(members.first { $0["login"] as? String == "waraporn" }?["left_on"] as? String == "2026-11-18")
        #expect((members.first { $0["login"] as? String == "malee" }?["owns"] as? [String])?.contains("O12") == true)
        // Milestones: add one with a BE date and covers completed by Tab.
        try tmux.send("8", "a")
        try tmux.waitFor(text: "เพิ่มหมุดหมาย")
        try tmux.type("review-2")
        try tmux.send("Tab")
        try tmux.type("ทบทวนรอบสอง")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.type("2570-01-15")
        try tmux.send("Tab", "Tab")
        try tmux.type("o1")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor(text: "✓ + หมุดหมาย review-2 (ทบทวนรอบสอง)")
        let milestones = try JSONSerialization.jsonObject(with: Data(try ita.run(["milestones", "--json"]).stdout.utf8)) as! [[String: Any]]
        let review = milestones.first { $0["key"] as? String == "review-2" }
        #expect(review?["due"] as? String == "2027-01-15" && (review?["covers"] as? [String]) == ["O1"])
        #expect(try ita.run(["verify"]).status == 0)
        // u on the milestones screen takes the new milestone back (as on the task screens).
        try tmux.send("u")
        try tmux.waitFor(text: "ย้อนกลับแล้ว")
        #expect(try ita.run(["milestones", "--json"]).stdout.contains("review-2") == false)
        try tmux.send("q")
    }
}
