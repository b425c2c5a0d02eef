import Foundation
import Testing

/// `ita export ics`, read by parsers that are not ita's: Python's `icalendar` (PyPI) and Debian's
/// calcurse, a calendar program that imports headless (scripts/test installs both).
@Suite struct CalendarExportTests {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String) {
        let result = try Subprocess.run(executable, arguments)
        return (result.status, result.out + result.err)
    }

    /// The events as `icalendar` reads them: uid, summary, start, and each alarm's trigger in seconds.
    static func parsed(_ file: String) throws -> [[String: Any]] {
        let script = """
            import json, sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for e in cal.walk('VEVENT'):
                out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'description': str(e['DESCRIPTION']),
                            'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat(),
                            'alarms': [int(a.decoded('TRIGGER').total_seconds()) for a in e.walk('VALARM')]})
            print(json.dumps({'name': str(cal['X-WR-CALNAME']), 'events': out}, ensure_ascii=False))
            """
        let result = try Subprocess.python(script, [file])
        #expect(result.status == 0, "icalendar could not read the file: \(result.out.suffix(800))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        return try #require(object["events"] as? [[String: Any]])
    }

    @Test func milestonesAndDueDatesAreAllDayEventsWithStableUIDsAndReminderAlarms() throws {
        let ita = ITARunner()
        try ita.initialise()
        let file = ita.directory + "/ita.ics"
        #expect(try ita.run(["export", "ics", "-o", file]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        // CRLF line ends; no line over 75 octets, each one whole UTF-8 on its own (folded on boundaries).
        let raw = [UInt8](bytes)
        #expect(raw.suffix(2) == [0x0D, 0x0A])
        var lineCount = 0
        for line in raw.split(separator: 0x0A) {
            lineCount += 1
            #expect(line.last == 0x0D, "a bare LF")
            #expect(line.count - 1 <= 75, "a line of \(line.count - 1) octets")
            #expect(String(validating: line.dropLast(), as: UTF8.self) != nil, "a line folded inside a UTF-8 sequence")
        }
        #expect(lineCount > 500)

        let events = try Self.parsed(file)
        let tasks = try #require(try JSONSerialization.jsonObject(with: Data(try ita.run(["tasks", "--all", "--json"]).stdout.utf8)) as? [[String: Any]])
        let dated = tasks.filter { $0["due"] is String }
        let milestones = 9
        #expect(events.count == dated.count + milestones)
        #expect(Set(events.compactMap { $0["uid"] as? String }).count == events.count, "UIDs are unique")
        // A milestone: all day, its Thai title, an alarm at 09:00 on each reminder day (14, 7, 3, 1, 0 days before).
        let publish = try #require(events.first { ($0["summary"] as? String)?.contains("เผยแพร่ข้อมูล OIT บนเว็บไซต์ครบทุกข้อ") == true })
        #expect((publish["uid"] as? String)?.hasPrefix("milestone-oit_publish-2570-") == true)
        let start = try #require(publish["start"] as? String), end = try #require(publish["end"] as? String)
        #expect(start.count == 10 && end.count == 10, "dates, not times: \(start) \(end)")
        let alarms = try #require(publish["alarms"] as? [Int])
        // It falls on Saturday 2 January 2027: steps on a weekend or holiday go out the working day before, so
        // 3, 1 and 0 days before are all 30 December, one alarm; 14 days before is Friday 18 December.
        #expect(start == "2027-01-02")
        #expect(alarms.sorted() == [-15 * 86_400 + 9 * 3600, -8 * 86_400 + 9 * 3600, -3 * 86_400 + 9 * 3600], "\(alarms)")
        #expect(alarms.allSatisfy { ($0 - 9 * 3600) % 86_400 == 0 }, "every alarm at 09:00: \(alarms)")
        // A task: its owner and how to tick it off in the description.
        let task = try #require(dated.first { $0["status"] as? String == "in_progress" })
        let id = try #require(task["id"] as? Int)
        let taskEvent = try #require(events.first { ($0["uid"] as? String)?.hasPrefix("task-\(id)-") == true })
        #expect((taskEvent["description"] as? String)?.contains("ita done \(id)") == true)
        #expect((taskEvent["summary"] as? String)?.contains(task["title"] as! String) == true)

        // Another export, later and after an edit: the same UIDs, the new title under the same UID.
        #expect(try ita.run(["edit", "\(id)", "--title", "ชื่องานใหม่ , ; \\ ทดสอบ"]).status == 0)
        let later = ita.directory + "/later.ics"
        #expect(try ita.run(["export", "ics", "-o", later], fixedDay: false).status == 0)
        let again = try Self.parsed(later)
        #expect(Set(again.compactMap { $0["uid"] as? String }) == Set(events.compactMap { $0["uid"] as? String }))
        let edited = try #require(again.first { $0["uid"] as? String == taskEvent["uid"] as? String })
        #expect((edited["summary"] as? String)?.contains("ชื่องานใหม่ , ; \\ ทดสอบ") == true, "\(edited["summary"] ?? "")")

        // One member's calendar: only their tasks, every milestone.
        let mine = ita.directory + "/mine.ics"
        #expect(try ita.run(["export", "ics", "--owner", "kittipat", "-o", mine]).status == 0)
        let theirs = dated.filter { $0["owner"] as? String == "kittipat" }
        #expect(try Self.parsed(mine).count == theirs.count + milestones)
    }

    @Test func aCalendarProgramImportsItWithTheThaiTitles() throws {
        let ita = ITARunner()
        try ita.initialise()
        let file = ita.directory + "/ita.ics"
        #expect(try ita.run(["export", "ics", "-o", file]).status == 0)
        let home = ita.directory + "/calcurse"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let imported = try Self.run("/usr/bin/calcurse", ["-D", home, "-i", file])
        #expect(imported.status == 0 && imported.out.contains("0 skipped"), "\(imported.out)")
        // The fixed day is 18 November 2026: what is due in the next 60 days, as calcurse lists it.
        let listed = try Self.run("/usr/bin/calcurse", ["-D", home, "-Q", "--from", "11/18/2026", "--days", "60"])
        #expect(listed.status == 0)
        #expect(listed.out.contains("◆ เผยแพร่ข้อมูล OIT บนเว็บไซต์ครบทุกข้อ"), "\(listed.out.prefix(600))")
        #expect(listed.out.contains("⏰ O3 เผยแพร่ O3 บนเว็บไซต์และแนบ URL หลักฐาน"), "\(listed.out.prefix(600))")
    }
}
