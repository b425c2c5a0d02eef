import ITACore
@testable import ITAUI
import Testing

private typealias F = DashboardFixture

@Suite struct TaskFormTests {
    @Test func eOpensTheFormOnTheTaskAndEnterAsksForTheEdit() {
        var state = F.state(as: F.chair, screen: .all)
        let task = state.selectedTask!
        _ = state.press(.character("E"))
        #expect(state.form?.task == task && state.form?.focus == .title)
        _ = state.press(.control("u"))
        for c in "ชื่อใหม่".unicodeScalars { _ = state.press(.character(c)) }
        let effects = state.press(.enter)
        guard case .plan(let changes)? = effects.first, case .editTask(let id, let edit)? = changes.first else {
            Issue.record("no edit: \(effects)")
            return
        }
        #expect(id == task.id && edit.title == "ชื่อใหม่" && edit.expected == task && edit.ownerLogin == nil && edit.due == nil)
        // The save is refused by the store: the error goes on the field it names.
        _ = state.update(.planRefused(field: "title", text: "ไม่ได้"))
        #expect(state.form?.error == FormProblem(field: .title, text: "ไม่ได้"))
        _ = state.press(.escape)
        #expect(state.form == nil)
    }

    @Test func tabCompletesLoginsItemsAndPhasesThenMovesOn() {
        let board = F.board()
        var form = TaskForm(adding: .item("O1"))
        form.focus = .owner
        form[.owner] = "oth"
        #expect(form.candidates(board: board) == ["other"])
        form.tab(board: board)
        #expect(form[.owner] == "other" && form.focus == .owner)
        form.tab(board: board)
        #expect(form.focus == .due)
        form.focus = .target
        form[.target] = "o"
        form.tab(board: board)
        #expect(form[.target] == "O1")   // the shortest of O1, O2, O3
        // By name too: a Thai name finds its login.
        form.focus = .owner
        form[.owner] = "น้ำใส"
        #expect(form.candidates(board: board) == ["owner"])
    }

    @Test func badFieldsAreNamedBeforeAnythingIsSent() {
        var state = F.state(as: F.chair, screen: .all)
        _ = state.press(.character("a"))
        #expect(state.form?.isNew == true)
        #expect(state.press(.enter).isEmpty)
        #expect(state.form?.error?.field == .title)
        for c in "งานใหม่".unicodeScalars { _ = state.press(.character(c)) }
        _ = state.press(.tab, .tab, .tab)
        for c in "31/2".unicodeScalars { _ = state.press(.character(c)) }
        #expect(state.press(.enter).isEmpty)
        #expect(state.form?.error?.field == .due)
    }

    @Test func ownersAddOnlyOnTheirTargetsAndNeverEditThePlan() {
        var owner = F.state(as: F.owner, screen: .all)
        // The fixture's first task in urgency order is the owner's own (O1).
        _ = owner.press(.character("E"))
        #expect(owner.form == nil && owner.message?.isError == true)
        #expect(owner.disabledReason(.plan) != nil && owner.disabledReason(.change) == nil)
    }
}

@Suite struct PhaseTests {
    static let phased: [WorkTask] = F.tasks.enumerated().map { i, t in
        var t = t
        t.phase = ["P", "A1", "A1", "Y", nil, "A1"][i % 6]
        return t
    }

    @Test func phaseFilterKeepsOnlyThatPhase() {
        var state = F.state(as: F.chair, screen: .all, tasks: Self.phased)
        state.applyFilterText("phase:a1")
        let shown = state.all.indices.map { state.task(at: $0) }
        #expect(!shown.isEmpty && shown.allSatisfy { $0.phase == "A1" })
        #expect(shown.count == Self.phased.filter { $0.phase == "A1" }.count)
    }

    @Test func theOverviewShowsProgressPerPhaseAndTheTablesAColumn() {
        let state = F.state(as: F.chair, size: Size(width: 100, height: 40), screen: .overview, tasks: Self.phased)
        let lines = DashboardView.render(state).lines
        let a1 = Self.phased.filter { $0.phase == "A1" }
        let line = lines.first { $0.contains("PHAYAO") }
        #expect(line?.contains("A1 \(a1.filter { $0.status == .done }.count)/\(a1.count)") == true, "\(line ?? "")")
        var all = F.state(as: F.chair, size: Size(width: 100, height: 30), screen: .all, tasks: Self.phased)
        all.applyFilterText("phase:Y")
        #expect(DashboardView.render(all).lines.contains { $0.contains(" Y ") && $0.contains("#4") })
    }
}

@Suite struct TreeMarkTests {
    @Test func anItemIsTickedOnlyWhenItPasses() {
        // O3's only task is done with evidence (passes); make O1's tasks all done without evidence.
        var tasks = F.tasks
        for i in tasks.indices where tasks[i].target == .item("O1") { tasks[i].status = .done; tasks[i].evidence = [] }
        let state = F.state(as: F.chair, size: Size(width: 120, height: 30), screen: .tree, tasks: tasks)
        let lines = DashboardView.render(state).lines
        let o1 = lines.first { $0.contains("O1 ") }
        let o3 = lines.first { $0.contains("O3 ") }
        #expect(o1?.contains("◇ รอหลักฐาน") == true && o1?.contains("✓") == false, "\(o1 ?? "")")
        #expect(o3?.contains("✓ ครบ") == true)
        // Its sub-indicator is not ✓ either while O1 (or O2, whose task is open) does not pass.
        let sub = lines.first { $0.contains("9.1") }
        #expect(sub?.contains("✓") == false)
    }
}
