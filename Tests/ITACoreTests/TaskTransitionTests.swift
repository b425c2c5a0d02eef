import Testing
@testable import ITACore

@Suite struct TaskTransitionTests {
    static let now = Timestamp(iso: "2026-11-18T09:00:00+07:00")!
    static let blocked = WorkTask(id: 1, title: "t", target: .item("O1"), ownerID: 2, due: nil, status: .blocked, blockedReason: "รอ",
                                  evidence: ["https://a.example/1"], note: "n")

    @Test func doneRecordsWhoAndWhenAndAddsEvidenceOnce() {
        let done = TaskTransition.apply(.markDone(evidence: "https://a.example/2", note: "ส่งแล้ว"), to: Self.blocked, by: 7, at: Self.now)
        #expect(done.status == .done && done.doneBy == 7 && done.doneAt == Self.now && done.blockedReason == nil)
        #expect(done.evidence == ["https://a.example/1", "https://a.example/2"] && done.note == "ส่งแล้ว")
        // Done again: who and when stay the first ones; the same URL is not added twice.
        let again = TaskTransition.apply(.markDone(evidence: "https://a.example/2", note: nil), to: done, by: 9, at: Timestamp(secondsSince1970: 0, utcOffsetSeconds: 0))
        #expect(again == done)
    }

    @Test func startBlockAndReopenClearWhatNoLongerHolds() {
        let done = TaskTransition.apply(.markDone(evidence: nil, note: nil), to: Self.blocked, by: 7, at: Self.now)
        for (change, status) in [(TaskChange.start, TaskStatus.inProgress), (.reopen, .todo)] {
            let after = TaskTransition.apply(change, to: done, by: 7, at: Self.now)
            #expect(after.status == status && after.doneBy == nil && after.doneAt == nil && after.blockedReason == nil)
            #expect(after.evidence == done.evidence && after.note == done.note)
        }
        let blocked = TaskTransition.apply(.block(reason: "รอลงนาม"), to: done, by: 7, at: Self.now)
        #expect(blocked.status == .blocked && blocked.blockedReason == "รอลงนาม" && blocked.doneBy == nil && blocked.doneAt == nil)
    }

    @Test func evidenceAndNoteReplaceOnlyThemselves() {
        let e = TaskTransition.apply(.setEvidence([]), to: Self.blocked, by: 7, at: Self.now)
        #expect(e.evidence.isEmpty && e.status == .blocked && e.note == "n")
        let n = TaskTransition.apply(.setNote(""), to: Self.blocked, by: 7, at: Self.now)
        #expect(n.note == "" && n.evidence == Self.blocked.evidence)
        #expect(TaskChange.setNote("").action == .note && TaskChange.markDone(evidence: nil, note: nil).action == .done)
    }
}
