import ITACore

extension Strings {
    public static let english = Strings(
        language: .en,
        date: { ThaiDateFormat.english($0) },
        weekday: { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][$0.weekday - 1] },
        quarter: { "Q\($0)" },
        daysLeft: { c in
            switch c.calendarDays {
            case 0: return "today"
            case ..<0: return "\(-c.calendarDays) days overdue"
            default: return "in \(c.calendarDays) day\(c.calendarDays == 1 ? "" : "s") (\(c.workingDays) working)"
            }
        },
        urgency: { u in
            switch u {
            case .calm: return "calm"
            case .upcoming: return "upcoming"
            case .soon: return "soon"
            case .urgent: return "urgent"
            case .today: return "today"
            case .overdue: return "overdue"
            }
        },
        fiscalYearLine: { fy, framework, today, quarter in "ITA fiscal year \(fy) · framework \(framework) · today \(today) (\(quarter))" },
        projectedScore: "Projected score",
        projected: "projected",
        indicatorShort: { "indicator \($0)" },
        grade: "grade",
        target: "target",
        whatItTakes: { w, target in
            switch w {
            case .alreadyMet: return "Target \(target) reached"
            case .finish(let items, let total):
                return "To reach \(target): pass \(items.count) more OIT items — \(items.joined(separator: ", ")) (projected \(Score.text(total)))"
            case .toolsBelowRequirement(let short):
                return "\(target) is out of reach: " + short.map { "\($0.tool) at best \(Score.text($0.score))" }.joined(separator: ", ")
                    + ", below the \(Score.text(short[0].required)) this grade requires of every tool"
            case .unreachable(let best):
                return "\(target) is out of reach even with every OIT item passed (best \(Score.text(best)))"
            }
        },
        progress: "Progress",
        tasksDone: { "\($0)/\($1) tasks done" },
        overdueCount: { "\($0) overdue" },
        blockedCount: { "\($0) blocked" },
        indicators: "Indicators",
        lastYear: "last year",
        belowTarget: "(below target)",
        nextDeadlines: "Next deadlines",
        milestoneTitle: { $0.titleEN },
        noDeadlines: "No open deadlines",
        openTasksOn: { count, targets in "\(count) open: \(targets)" },
        respondents: "Respondents",
        quotaMet: "quota met",
        owner: "Owner",
        taskHeaders: (id: "ID", status: "Status", due: "Due", target: "Item", owner: "Owner", title: "Task"),
        status: { s in
            switch s {
            case .todo: return "○ to do"
            case .inProgress: return "◐ in progress"
            case .done: return "● done"
            case .blocked: return "✕ blocked"
            }
        },
        noTasks: "No tasks match",
        taskCount: { "\($0) tasks" },
        changed: { action, id, title in "✓ task #\(id) \(action): \(title)" },
        unchanged: { "task #\($0) is already so; nothing changed" },
        integrityWarning: { "⚠ the database was changed outside ita (\($0) problem\($0 == 1 ? "" : "s")) — see ita verify" },
        integrityProblem: { p in
            switch p {
            case .schemaObjectMissing(let name): return "schema: \(name) is missing (removed outside ita)"
            case .schemaObjectChanged(let name): return "schema: \(name) was changed outside ita"
            case .schemaObjectUnexpected(let name): return "schema: \(name) was not made by ita"
            case .auditRowAltered(let id): return "audit row \(id): its content does not match its hash (rewritten or inserted)"
            case .auditRowsMissing(let after): return "audit log: rows after row \(after) are missing"
            case .entryAltered(let id): return "meeting entry \(id): its content does not match its hash"
            case .meetingAltered(let day): return "meeting of \(day): its closed record was changed"
            case .entryOrphaned(let id): return "meeting entry \(id): its meeting is gone"
            case .taskDiffers(let id, let field): return "task #\(id): \(field) differs from its audit log (changed outside ita)"
            case .taskHistoryBroken(let id, let row): return "task #\(id): audit row \(row) does not follow the value before it"
            case .taskWithoutCreation(let id): return "task #\(id): no creation record (added outside ita)"
            }
        },
        integrityIntact: { a, e, m, t in "✓ the database matches its record: \(a) audit rows · \(e) meeting entries · \(m) ended meetings · \(t) tasks" },
        estimateLegend: "~ the committee's estimate · ≈ last year's results (indicators with one/all) · ? no data yet",
        estimateNote: { source in
            switch source {
            case .committee: return "estimated"
            case .lastYear(let n, let m): return n == m ? "last year's results" : "last year's results of \(n) of \(m) indicators"
            case .unknown: return "no estimate, counted as 0"
            }
        },
        andMoreChanges: { "(and \($0) more change\($0 == 1 ? "" : "s"))" },
        undone: { _, changes in "↶ undone: \(changes)" },
        actedBy: { name, login in "\(name) (by \(login))" },
        createdTasks: { count, range in count == 1 ? "task \(range)" : "\(count) tasks (\(range))" },
        respondentsSet: { tool, count, quota in "✓ \(tool): \(count)/\(quota) respondents" },
        action: { a in
            switch a {
            case .done: return "done"
            case .start: return "started"
            case .block: return "blocked"
            case .reopen: return "reopened"
            case .evidence: return "evidence set"
            case .note: return "note set"
            case .create: return "created"
            case .baseline: return "baseline"
            case .undo: return "undo"
            case .respondents: return "respondents"
            case .add: return "added"
            case .edit: return "edited"
            case .archive: return "archived"
            case .restore: return "restored"
            case .assign: return "assigned"
            case .member: return "members changed"
            case .milestone: return "milestones changed"
            case .holiday: return "holidays changed"
            case .assessment: return "assessment changed"
            case .plan: return "plan applied"
            case .recur: return "next occurrence made"
            default: return a.rawValue
            }
        },
        logEmpty: "No changes yet",
        fieldName: { f in
            switch f {
            case "owner_id", "member_id": return "owner"
            case "archived_at": return "archived"
            case "plan_key": return "key"
            case "line_name": return "LINE name"
            case "line_id": return "LINE user id"
            case "left_on": return "left"
            case "title_th": return "Thai title"
            case "title_en": return "English title"
            default: return f.replacingUnderscores
            }
        },
        errorPrefix: "ita: error:",
        denied: { d in
            switch d {
            case .notAMember(let login): return "user \(login) is not on the committee, so can only look"
            case .notYourTask(let owner): return "this task belongs to \(owner): only its owner, the chair or the secretary may change it"
            case .notYourTarget(let owner): return "\(owner) owns this target: only they, the chair or the secretary may add work to it"
            case .coordinatorsOnly: return "only the committee chair or secretary may do this"
            }
        },
        noDatabase: { "no database at \($0) — create one with `ita init`, or try `ita demo`" },
        notADatabase: { path, detail in "\(path): not an ITA Board database (\(detail))" },
        newerVersion: { "\($0): written by a newer version of ita — please update ita" },
        readOnly: { path, why in
            switch why {
            case .requested: return "opened read-only (--read-only): changes are not saved"
            case .fileNotWritable: return "read-only: this account may not write \(path) — ask the administrator for write access"
            case .directoryNotWritable:
                return "read-only: this account may not write the directory of \(path) (SQLite keeps its -wal and -shm files there) — ask the administrator for write access to the directory"
            case .viewer: return "read-only: \(path) — this login is a viewer of the office, not a member; changes are refused by the server"
            }
        },
        needsUpgrade: { "\($0): an older database that must be upgraded first, and this account may only read it — have a member with write access run any ita command once" },
        busy: { "\($0): the database was busy for too long (over 10 s) — try again" },
        diskFull: { "\($0): the disk is full; nothing was saved" },
        corrupt: { "\($0): the database file is damaged — restore the latest backup and check it with ita verify" },
        ioError: { path, detail in "\(path): cannot read or write the file (\(detail))" },
        refusedByDatabase: { path, detail in "\(path): the database refused this change (\(detail)); nothing was saved" },
        alreadyExists: { "\($0) already exists — not overwritten (remove it or choose another --db)" },
        unknownTask: { "no task #\($0) (see `ita tasks --all`)" },
        unknownTool: { "no survey tool \($0) counts respondents (use iit or eit)" },
        unknownMember: { "no member with login \($0)" },
        unknownIndicator: { "no indicator \($0) in this framework" },
        unknownItem: { "no item \($0) in this framework" },
        meetingEnded: { "the meeting of \($0) has ended; nothing more can be recorded (see its minutes: ita minutes)" },
        nothingToUndo: "nothing of yours to undo",
        undoConflict: { entity, key, field in "cannot undo: \(entity == .task ? "task #" : "")\(key) \(field) was changed since — nothing changed" },
        planProblem: { $0.text(thai: false) },
        editConflict: { id, by, at in "task #\(id) was changed by \(by.sanitizedForTerminal) at \(at.clockTime) since you opened it — nothing saved; look again and retry" },
        cannotRead: { path, reason in "\(path): cannot read (\(reason))" },
        badDate: { "not a date \"\($0)\" — use \(DateInput.formsEnglish)" },
        demoIdentity: { "In this demo you take the secretary's seat (\($0)): you may change every task and run the meeting (M)" },
        demoCreated: { "created the demo database at \($0)" },
        created: { path, members, tasks in "✓ created \(path): \(members) members, \(tasks) tasks" }
    )
}

extension String {
    /// `in_progress` as `in progress`.
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
