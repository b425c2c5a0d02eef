import ITACore
import Testing
@testable import ITAUI

/// What tripped people up in meeting mode.
@Suite struct MeetingFixesTests {
    typealias F = DashboardFixture

    static func state(tasks: [WorkTask] = F.tasks, meeting: Meeting? = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started),
                      viewer: Member? = F.chair) -> MeetingState {
        let data = MeetingData(board: F.board(tasks: tasks), tasks: tasks, meeting: meeting, previous: nil, number: 3, scoreBefore: 60,
                               lastChanged: [:], earlierActions: [])
        return MeetingState(data: data, language: .th, size: Size(width: 120, height: 40), viewer: viewer, login: viewer?.login ?? "x")
    }

    /// Seven `j` in section ข landed on #19 instead of #31: the owner headings were rows of their own.
    @Test func ownerHeadingsAreNeverSelected() {
        let late = [WorkTask(id: 20, title: "ก", target: .item("O2"), ownerID: 3, due: F.date("2026-11-01")),
                    WorkTask(id: 21, title: "ข", target: .item("O2"), ownerID: 3, due: F.date("2026-11-02")),
                    WorkTask(id: 22, title: "ค", target: .item("O3"), ownerID: 1, due: F.date("2026-11-03"))]
        var s = Self.state(tasks: F.tasks + late)
        _ = s.update(.key(.character("3")))                    // ข overdue
        let rows = s.agenda.rows(.overdue)
        #expect(rows.contains { if case .owner = $0 { true } else { false } })
        let taskRows = rows.compactMap(\.task).map(\.id)
        var visited: [Int64] = []
        for _ in 0..<(rows.count + 3) {
            #expect(!s.isHeading(s.cursor))
            if let id = s.selectedRow?.task?.id, visited.last != id { visited.append(id) }
            _ = s.update(.key(.character("j")))
        }
        #expect(visited == taskRows, "j visits every task once, in order, and nothing else")
        for _ in 0..<(rows.count + 3) { _ = s.update(.key(.character("k"))); #expect(!s.isHeading(s.cursor)) }
    }

    /// A general decision was tagged with whatever row happened to be selected.
    @Test func aNoteIsLinkedOnlyToWhatItsLineNames() {
        var s = Self.state()
        _ = s.update(.key(.character("3")))
        _ = s.update(.key(.character("c")))
        #expect(s.prompt?.text == "#2 ")                         // the link is on the line, to keep or delete
        for c in "รอเอกสาร".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.meeting(.entry(.note, .overdue, subject: "#2", text: "รอเอกสาร"))])
        // Deleting the link makes a general decision.
        _ = s.update(.key(.character("d")))
        for _ in 0..<3 { _ = s.update(.key(.backspace)) }
        for c in "ประชุมทุกวันพุธต่อไป".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.meeting(.entry(.decision, .overdue, subject: nil, text: "ประชุมทุกวันพุธต่อไป"))])
        // Naming an item links to it, whatever row is selected.
        _ = s.update(.key(.character("c")))
        for _ in 0..<3 { _ = s.update(.key(.backspace)) }
        for c in "O3 ตรวจแล้ว".unicodeScalars { _ = s.update(.key(.character(c))) }
        #expect(s.update(.key(.enter)) == [.meeting(.entry(.note, .overdue, subject: "O3", text: "ตรวจแล้ว"))])
    }

    @Test func afterTheEndOnlyViewingKeysAreOffered() {
        var ended = Meeting(id: 7, day: F.today, startedAt: MeetingTests.started)
        ended.endedAt = Timestamp(iso: "2026-11-18T10:30:00+07:00")!
        let s = Self.state(meeting: ended)
        let hints = s.render().trimmedLines[38]
        #expect(hints.contains("j/k") && !hints.contains("c บันทึก") && !hints.contains("E ปิดประชุม"), "\(hints)")
        let open = Self.state().render().trimmedLines.joined(separator: "\n")
        #expect(open.contains("Space มา/ไม่มา"))
    }
}
