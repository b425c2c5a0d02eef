import Testing
import ITACore
@testable import ITAStore

@Suite struct FrameworkFileTests {
    @Test func fy2566HasTheReferenceShape() throws {
        let f = try StoreFixture.fy2566()
        #expect(f.indicators.count == 10)
        #expect(f.items.count == 43)
        #expect(f.indicators.flatMap(\.subIndicators).map { $0.items.count } == [10, 8, 4, 4, 4, 8, 5])
        #expect(f.tools.map(\.weight) == [0.3, 0.3, 0.4])
        #expect(f.grading.kind == .letter)
        #expect(f.grading.rules.map(\.grade) == ["AA", "A", "B", "C", "D", "E", "F"])
        #expect(f.item("O42")?.titleTH == "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
        #expect(f.location(ofItem: "O19")?.sub.code == "9.3")
    }

    @Test func fy2568UsesVerbalGrades() throws {
        let f = try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/fy2568.yaml"), file: "fy2568.yaml")
        #expect(f.grading.kind == .verbal)
        #expect(f.grading.rule(named: "ผ่านดี")?.minEachTool == 85)
        #expect(!f.notes.isEmpty)   // says what must be checked against the manual
        #expect(f.items.count == 26)
    }

    func error(_ yaml: String) -> DataFileError? {
        do { _ = try FrameworkFile.parse(yaml, file: "f.yaml"); return nil } catch let e as DataFileError { return e } catch { return nil }
    }

    @Test func syntaxErrorNamesTheLine() {
        let e = error("id: x\nfiscal_year: 2566\ntools: [\n  - code")
        #expect(e?.file == "f.yaml")
        #expect(e?.line != nil)
        #expect(e?.description.hasPrefix("f.yaml:") == true)
    }

    @Test func unknownFieldNamesLineAndField() throws {
        var text = try StoreFixture.text("sample-data/frameworks/fy2566.yaml")
        text = text.replacingOccurrences(of: "    name_th: การใช้อำนาจ", with: "    name_th: การใช้อำนาจ\n    wieght: 3")
        let e = error(text)
        #expect(e?.field == "indicators[3].wieght")
        #expect(e?.problem.hasPrefix("unknown field") == true)
        let expectedLine = text.components(separatedBy: "\n").firstIndex { $0.contains("wieght") }! + 1
        #expect(e?.line == expectedLine)
    }

    @Test func weightsMustAddUp() throws {
        let text = try StoreFixture.text("sample-data/frameworks/fy2566.yaml").replacingOccurrences(of: "weight: 0.40", with: "weight: 0.50")
        #expect(error(text)?.problem.contains("add up to") == true)
    }

    @Test func duplicateItemIsRefused() throws {
        let text = try StoreFixture.text("sample-data/frameworks/fy2566.yaml").replacingOccurrences(of: "{code: O2,", with: "{code: O1,")
        #expect(error(text)?.problem == "duplicate item O1")
    }
}

@Suite struct CommitteeFileTests {
    @Test func demoCommitteeIsComplete() throws {
        let f = try StoreFixture.fy2566()
        let plan = try StoreFixture.demoPlan()
        #expect(plan.members.count == 12)
        #expect(plan.tasks.count >= 100)
        for item in f.items { #expect(plan.owners[.item(item.code)] != nil) }
        for indicator in f.indicators { #expect(plan.owners[.indicator(indicator.number)] != nil) }
        #expect(plan.assessment.indicatorsBelowTargetLastYear == [7, 8])
        #expect(plan.assessment.fiscalYear == 2570)   // 18 Nov 2026 is in FY2570
        #expect(plan.members.contains { $0.role == .chair } && plan.members.contains { $0.role == .secretary })
        // Relative dates: the kickoff milestone is 40 days before "today".
        #expect(plan.assessment.milestones.first { $0.key == "kickoff" }?.due == StoreFixture.today.adding(days: -40))
        // Alive on any day: some work overdue, some due within a week, some done.
        let open = plan.tasks.filter { $0.status.isOpen }
        #expect(open.contains { $0.isOverdue(on: StoreFixture.today) })
        #expect(open.contains { ($0.due.map { StoreFixture.today.days(to: $0) } ?? 99) <= 7 && !$0.isOverdue(on: StoreFixture.today) })
        #expect(plan.tasks.contains { $0.status == .done && !$0.evidence.isEmpty })
    }

    func error(_ transform: (String) -> String) throws -> DataFileError? {
        let text = transform(try StoreFixture.text("sample-data/committee-fy2566-example.yaml"))
        do {
            _ = try CommitteePlan.parse(text, file: "c.yaml", framework: try StoreFixture.fy2566(), today: StoreFixture.today, utcOffsetSeconds: 0)
            return nil
        } catch let e as DataFileError { return e }
    }

    @Test func unknownCoverCodeInAMilestoneNamesLineAndField() throws {
        var lineNumber = 0
        let e = try error { text in
            var lines = text.components(separatedBy: "\n")
            let index = lines.firstIndex { $0.contains("covers: [OIT]") }!
            lines[index] = lines[index].replacingOccurrences(of: "covers: [OIT]", with: "covers: [OIT, O77]")
            lineNumber = index + 1
            return lines.joined(separator: "\n")
        }
        #expect(e?.line == lineNumber)
        #expect(e?.field.hasPrefix("milestones[") == true && e?.field.hasSuffix("].covers[2]") == true, "\(e?.field ?? "")")
        #expect(e?.problem == "no tool, indicator or item O77 in framework fy2566")
    }

    @Test func unknownItemInATaskNamesLineAndField() throws {
        var lineNumber = 0
        let e = try error { text in
            var lines = text.components(separatedBy: "\n")
            let index = lines.firstIndex { $0.contains("target: O12,") }!
            lines[index] = lines[index].replacingOccurrences(of: "target: O12,", with: "target: O99,")
            lineNumber = index + 1
            return lines.joined(separator: "\n")
        }
        #expect(e?.line == lineNumber)
        #expect(e?.field.hasPrefix("tasks[") == true && e?.field.hasSuffix("].target") == true)
        #expect(e?.problem == "no item O99 in framework fy2566")
    }

    @Test func unknownOwnerLogin() throws {
        let e = try error { $0.replacingOccurrences(of: "    O7: kittipat", with: "    O7: nobody") }
        #expect(e?.field == "owners.items.O7")
        #expect(e?.problem == "no member with login \"nobody\"")
    }

    @Test func anItemsOwnerDefaultsToItsIndicatorsAndAnIndicatorNeedsOne() throws {
        let text = try StoreFixture.text("sample-data/committee-fy2566-example.yaml").replacingOccurrences(of: "    O43: pranee\n", with: "")
        let plan = try CommitteePlan.parse(text, file: "c.yaml", framework: try StoreFixture.fy2566(), today: StoreFixture.today, utcOffsetSeconds: 0)
        let framework = try StoreFixture.fy2566()
        let indicator = try #require(framework.location(ofItem: "O43")?.indicator.number)
        #expect(plan.owners[.item("O43")] == plan.owners[.indicator(indicator)])
        let e = try error { $0.replacingOccurrences(of: "indicators: {1: anucha, ", with: "indicators: {") }
        #expect(e?.problem == "indicator 1 has no owner: every indicator needs one (its items default to it)")
    }

    @Test func everyProblemInAFileIsReportedAtOnce() throws {
        let text = try StoreFixture.text("sample-data/committee-fy2566-example.yaml")
            .replacingOccurrences(of: "target_grade: A\n", with: "target_grade: Z\n")
            .replacingOccurrences(of: "    O7: kittipat", with: "    O7: nobody")
            .replacingOccurrences(of: "target: O12,", with: "target: O99,")
        do {
            _ = try CommitteePlan.parse(text, file: "c.yaml", framework: try StoreFixture.fy2566(), today: StoreFixture.today, utcOffsetSeconds: 0)
            Issue.record("accepted")
        } catch let e as DataFileErrors {
            #expect(e.errors.map(\.field).contains("target_grade"))
            #expect(e.errors.map(\.field).contains("owners.items.O7"))
            #expect(e.errors.contains { $0.field.hasSuffix("].target") && $0.problem == "no item O99 in framework fy2566" })
            #expect(e.errors.allSatisfy { $0.line != nil })
        }
        // At most 50: a file of a thousand bad tasks is reported in its first fifty.
        let many = text + (1...1000).map { "  - {title: x\($0), target: O99}" }.joined(separator: "\n") + "\n"
        do {
            _ = try CommitteePlan.parse(many, file: "c.yaml", framework: try StoreFixture.fy2566(), today: StoreFixture.today, utcOffsetSeconds: 0)
        } catch let e as DataFileErrors {
            #expect(e.errors.count == 50)
        }
    }

    @Test func beDatesKeysAndRecurrenceInACommitteeFile() throws {
        let text = try StoreFixture.text("sample-data/committee-fy2566-example.yaml")
            + "  - {title: สรุปผลจัดซื้อประจำเดือน, target: O12, due: 2569-12-15, key: procure-monthly, recurs: monthly}\n"
        let plan = try CommitteePlan.parse(text, file: "c.yaml", framework: try StoreFixture.fy2566(), today: StoreFixture.today, utcOffsetSeconds: 0)
        let task = try #require(plan.tasks.last)
        #expect(task.due == CivilDate(iso: "2026-12-15") && task.key == "procure-monthly" && task.recurs == .monthly)
        let evidence = try error { $0 + "  - {title: x, target: O12, evidence: [\"ดูในแฟ้มกองคลัง\"]}\n" }
        #expect(evidence?.field.hasSuffix("].evidence[1]") == true)
    }

    @Test func badDateAndStatus() throws {
        #expect(try error { $0.replacingOccurrences(of: "due: -40}", with: "due: 2026-02-30}") }?.problem.hasPrefix("expected a date") == true)
        #expect(try error { $0.replacingOccurrences(of: "status: done, phase: P}", with: "status: finished, phase: P}") }?.field.hasSuffix(".status") == true)
    }

    @Test func frameworkMismatch() throws {
        #expect(try error { $0.replacingOccurrences(of: "framework: fy2566", with: "framework: fy2568") }?.field == "framework")
    }

    @Test func targetGradeMustExist() throws {
        #expect(try error { $0.replacingOccurrences(of: "target_grade: A", with: "target_grade: ผ่านดี") }?.field == "target_grade")
    }
}

@Suite struct FrameworkValidationTests {
    func problems(_ transform: (String) -> String) throws -> [DataFileError] {
        let text = transform(try StoreFixture.text("sample-data/frameworks/fy2568.yaml"))
        do {
            _ = try FrameworkFile.parse(text, file: "f.yaml")
            return []
        } catch let e as DataFileError { return [e] } catch let e as DataFileErrors { return e.errors }
    }

    @Test func wrongGradingAndEmptySubIndicatorsAreRefusedAllAtOnce() throws {
        let found = try problems { text in
            text.replacingOccurrences(of: "{grade: ผ่าน, min_total: 85}", with: "{grade: ผ่านดี, min_total: 85}")
                .replacingOccurrences(of: "{grade: ต้องปรับปรุง, min_total: 70}", with: "{grade: ต้องปรับปรุง, min_total: 105}")
        }
        #expect(found.contains { $0.field == "grading.grades[3].grade" && $0.problem.hasPrefix("two grades named") })
        #expect(found.contains { $0.field == "grading.grades[4].min_total" })
        #expect(found.count == 2)
        let verbal = try problems { $0.replacingOccurrences(of: ", min_each_tool: 95}", with: "}").replacingOccurrences(of: ", min_each_tool: 85}", with: "}") }
        #expect(verbal.map(\.field) == ["grading.grades"])
        let negative = try problems { $0.replacingOccurrences(of: "min_each_tool: 85}", with: "min_each_tool: -5}") }
        #expect(negative.first?.problem.contains("0 to 100") == true)
        let empty = try problems { text in
            var lines = text.components(separatedBy: "\n")
            let i = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "items:" }!
            let indent = String(lines[i].prefix { $0 == " " })
            lines[i] = indent + "items: []"
            // Drop that list's entries.
            while i + 1 < lines.count, lines[i + 1].hasPrefix(indent + "  - {code: O") { lines.remove(at: i + 1) }
            return lines.joined(separator: "\n")
        }
        #expect(empty.contains { $0.field.hasSuffix(".items") && $0.problem.hasPrefix("a sub-indicator with no items") })
    }
}

@Suite struct ShippedFrameworkTests {
    @Test func fy2569HasTwentySixItemsWithEvidencePeriodsAndTheNewO25() throws {
        let f = try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/fy2569.yaml"), file: "fy2569.yaml")
        #expect(f.id == "fy2569" && f.fiscalYear == 2569 && f.items.count == 26 && !f.isProvisional)
        #expect(f.item("O25")?.titleTH == "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร")
        #expect(f.item("O11")?.evidencePeriod == .firstHalf && f.item("O12")?.evidencePeriod == .previousFY)
        #expect(f.items.allSatisfy { $0.evidencePeriod != nil })
        #expect(EvidencePeriod.previousFY.dataYear(framework: f.fiscalYear) == 2568)
        #expect(f.grading.rule(named: "ผ่านดี")?.minEachTool == 85)
    }

    @Test func fy2570IsAProvisionalCopyOfFy2569() throws {
        let f70 = try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/fy2570.yaml"), file: "fy2570.yaml")
        let f69 = try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/fy2569.yaml"), file: "fy2569.yaml")
        #expect(f70.isProvisional && f70.fiscalYear == 2570)
        #expect(f70.items == f69.items && f70.grading == f69.grading)
    }

    @Test func fy2568IsRebuiltFromTheSharedList() throws {
        let f = try FrameworkFile.parse(try StoreFixture.text("sample-data/frameworks/fy2568.yaml"), file: "fy2568.yaml")
        #expect(f.items.map(\.code) == (1...26).map { "O\($0)" })
        #expect(f.item("O11")?.titleTH == "ข้อมูลสถิติการให้บริการ" && f.item("O13")?.evidencePeriod == .previousFY)
    }
}
