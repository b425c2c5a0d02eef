import Foundation
import ITACore
import ITAUI

/// The `--json` output of every read command: one shape per command, described by a JSON Schema in
/// docs/schema/ (a test validates each command's output against its file). One rule for absent
/// values throughout: a field is always present, and `null` when there is nothing (never left out,
/// never an empty string standing for nothing). Keys are snake_case and sorted; dates are ISO
/// (CE), each with a `_th` twin where a person reads it.
indirect enum JSONValue: Encodable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        switch self {
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
        case .double(let d):
            // Scores to two places, as everywhere else.
            var c = encoder.singleValueContainer(); try c.encode((d * 100).rounded() / 100)
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let fields):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in fields { try c.encode(value, forKey: Key(key)) }
        }
    }

    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}

/// Conversions that keep the one rule: nil is `null`.
extension JSONValue {
    static func of(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func of(_ i: Int?) -> JSONValue { i.map(JSONValue.int) ?? .null }
    static func of(_ d: Double?) -> JSONValue { d.map(JSONValue.double) ?? .null }
    static func of(_ d: CivilDate?) -> JSONValue { d.map { .string($0.iso) } ?? .null }
    static func of(_ t: Timestamp?) -> JSONValue { t.map { .string($0.iso) } ?? .null }
    static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
    static func thai(_ d: CivilDate?) -> JSONValue { d.map { .string(ThaiDateFormat.string($0)) } ?? .null }
}

enum JSONDocuments {
    static func member(_ id: Int64?, _ board: Board) -> JSONValue { .of(board.member(id)?.login) }

    static func task(_ t: WorkTask, byID: [Int64: Member], today: CivilDate) -> JSONValue {
        .object([
            "id": .int(Int(t.id)), "title": .string(t.title), "target": .string(t.target.description),
            "kind": .string({ if case .item = t.target { return "item" }; return "indicator" }()),
            "owner": .of(byID[t.ownerID]?.login), "owner_name": .of(byID[t.ownerID]?.name), "due": .of(t.due), "status": .string(t.status.rawValue),
            "overdue": .bool(t.isOverdue(on: today)), "blocked_reason": .of(t.blockedReason), "evidence": .strings(t.evidence),
            "note": t.note.isEmpty ? .null : .string(t.note), "phase": .of(t.phase), "done_by": .of(t.doneBy.flatMap { byID[$0]?.login }),
            "done_at": .of(t.doneAt), "key": .of(t.key), "recurs": .of(t.recurs?.rawValue), "archived_at": .of(t.archivedAt),
            "archive_reason": .of(t.archiveReason),
        ])
    }

    static func tasks(_ tasks: [WorkTask], members: [Member], today: CivilDate) -> JSONValue {
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        return .array(tasks.map { task($0, byID: byID, today: today) })
    }

    /// `ita status --json`: the same facts as the text.
    static func status(_ board: Board) -> JSONValue {
        let f = board.framework, a = board.assessment, p = board.projection, progress = board.progress
        func tally(_ t: Tally) -> JSONValue {
            .object(["total": .int(t.total), "done": .int(t.done), "overdue": .int(t.overdue), "blocked": .int(t.blocked)])
        }
        let below = Set(a.indicatorsBelowTargetLastYear)
        let official = a.official
        let takes: JSONValue
        switch board.whatItTakes {
        case .alreadyMet:
            takes = .object(["outcome": .string("already_met"), "items": .array([]), "projected_after": .null, "tools_below": .array([])])
        case .finish(let items, let total):
            takes = .object(["outcome": .string("finish"), "items": .strings(items), "projected_after": .double(total), "tools_below": .array([])])
        case .toolsBelowRequirement(let shortfalls):
            takes = .object(["outcome": .string("tools_below_requirement"), "items": .array([]), "projected_after": .null,
                             "tools_below": .array(shortfalls.map { .object(["tool": .string($0.tool), "score": .double($0.score), "required": .double($0.required)]) })])
        case .unreachable(let best):
            takes = .object(["outcome": .string("unreachable"), "items": .array([]), "projected_after": .double(best), "tools_below": .array([])])
        }
        let tools = JSONValue.array(f.tools.map { tool in
            let source: String
            if tool.scoredFromItems { source = "items" } else {
                switch a.estimateSource(for: tool.code, in: f) {
                case .committee: source = "estimate"
                case .lastYear: source = "last_year"
                case .unknown: source = "none"
                }
            }
            return .object(["code": .string(tool.code), "score": .double(p.toolScores[tool.code] ?? 0), "weight": .double(tool.weight),
                            "points": .double(p.points(of: tool.code, in: f)), "source": .string(source)])
        })
        let indicators = JSONValue.array(f.indicators.map { i in
            JSONValue.object(["number": .int(i.number), "name_th": .string(i.nameTH), "name_en": .string(i.nameEN), "tool": .string(i.tool),
                              "progress": tally(progress.indicators[i.number] ?? .zero), "projected": .of(p.indicatorScores[i.number]),
                              "last_year": .of(a.lastYearScores[i.number]), "below_target_last_year": .bool(below.contains(i.number)),
                              "owner": member(board.owners[.indicator(i.number)], board)])
        })
        let items = JSONValue.array(f.items.map { item in
            let t = progress.items[item.code] ?? .zero
            return JSONValue.object(["code": .string(item.code), "title_th": .string(item.titleTH), "passes": .bool(t.itemPasses),
                                     "done_without_evidence": .bool(t.lacksEvidence), "progress": tally(t),
                                     "owner": member(board.owner(of: .item(item.code)), board), "next_due": .of(board.nearestDue[item.code])])
        })
        let deadlines = JSONValue.array(board.upcomingDeadlines(limit: 5).map { d -> JSONValue in
            var fields: [String: JSONValue] = ["date": .of(d.date), "date_th": .thai(d.date), "days": .int(d.countdown.calendarDays),
                                               "working_days": .int(d.countdown.workingDays)]
            switch d.kind {
            case .milestone(let m):
                fields["kind"] = .string("milestone"); fields["key"] = .string(m.key); fields["title"] = .string(m.titleTH)
                fields["open_tasks"] = .null; fields["targets"] = .array([])
            case .tasks(let g):
                fields["kind"] = .string("tasks"); fields["key"] = .null; fields["title"] = .null
                fields["open_tasks"] = .int(g.openCount); fields["targets"] = .strings(g.targets.map(\.description))
            }
            return .object(fields)
        })
        let respondents = JSONValue.array(f.tools.filter { !$0.scoredFromItems }.map { tool in
            let r = a.respondents[tool.code]
            return JSONValue.object(["tool": .string(tool.code), "count": .of(r?.count), "quota": .of(r?.quota), "met": r.map { .bool($0.isMet) } ?? .null])
        })
        return .object([
            "organisation": .string(a.organisation), "fiscal_year": .int(a.fiscalYear), "framework": .string(f.id),
            "provisional": .bool(f.isProvisional), "today": .of(board.today), "today_th": .thai(board.today),
            "projected": .object(["total": .double(p.total), "grade": .of(p.grade?.grade), "target_grade": .string(a.targetGrade), "tools": tools]),
            "what_it_takes": takes,
            "progress": tally(progress.whole),
            "tools": .array(f.tools.map { .object(["code": .string($0.code), "progress": tally(progress.tools[$0.code] ?? .zero)]) }),
            "indicators": indicators, "items": items, "deadlines": deadlines, "respondents": respondents,
            "official": .object([
                "total": .of(official.scores[OfficialResults.total]), "grade": .of(official.grade),
                "scores": .object(Dictionary(uniqueKeysWithValues: official.scores.map { ($0.key, JSONValue.double($0.value)) })),
            ]),
        ])
    }

    static func log(_ entries: [AuditEntry], members: [Member]) -> JSONValue {
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.login) })
        return .array(entries.map { e in
            .object(["id": .int(Int(e.id)), "change": .int(Int(e.changeID)), "at": .string(e.at.iso), "os_login": .string(e.login),
                     "member": .of(e.memberID.flatMap { byID[$0] }), "action": .string(e.action.rawValue), "entity": .string(e.entity.rawValue),
                     "key": .string(e.key), "field": .string(e.field), "old": .of(e.oldValue), "new": .of(e.newValue),
                     "undoes": .of(e.undoes.map { Int($0) })])
        })
    }

    static func snapshot(_ s: ProgressSnapshot) -> JSONValue {
        .object(["day": .of(s.day), "projected": .double(s.projected), "open_items": .int(s.openItems), "tasks_done": .int(s.tasksDone),
                 "tasks_total": .int(s.tasksTotal), "overdue": .int(s.overdue)])
    }

    static func review(_ r: WeeklyReview, board: Board) -> JSONValue {
        var burndown: JSONValue = .null
        if let b = r.burndown {
            burndown = .object(["deadline": .of(b.deadline), "points": .array(b.points.map { .object(["day": .of($0.day), "open": .int($0.open)]) }),
                                "pace_per_day": .of(b.pace), "projected_finish": .of(b.projectedFinish), "on_track": .bool(b.onTrack)])
        }
        return .object([
            "today": .of(board.today), "now": snapshot(r.now), "week_ago": r.weekAgo.map(snapshot) ?? .null,
            "indicators": .array(board.framework.indicators.map { i in
                let now = r.now.indicators[i.number] ?? [0, 0], then = r.weekAgo?.indicators[i.number]
                return .object(["number": .int(i.number), "done": .int(now.first ?? 0), "total": .int(now.last ?? 0),
                                "done_week_ago": .of(then?.first)])
            }),
            "owners": .array(board.members.map { m in
                let now = r.now.owners[m.login], then = r.weekAgo?.owners[m.login]
                return .object(["login": .string(m.login), "assigned": .int(now?.assigned ?? 0), "done": .int(now?.done ?? 0),
                                "overdue": .int(now?.overdue ?? 0), "done_week_ago": .of(then?.done)])
            }),
            "burndown": burndown,
            "weekly_scores": .array(r.weeklyScores.map { .object(["week_start": .of($0.weekStart), "projected": .double($0.projected)]) }),
        ])
    }

    static func minutes(_ meeting: Meeting, summary: MeetingSummary, number: Int, board: Board) -> JSONValue {
        func line(_ l: MeetingSummary.TaskLine) -> JSONValue {
            .object(["id": .int(Int(l.id)), "target": .string(l.target), "title": .string(l.title), "owner": member(l.ownerID, board), "due": .of(l.due)])
        }
        return .object([
            "number": .int(number), "fiscal_year": .int(ThaiCalendar.fiscalYear(of: meeting.day)), "day": .of(meeting.day), "day_th": .thai(meeting.day),
            "started_at": .string(meeting.startedAt.iso), "ended_at": .of(meeting.endedAt), "place": meeting.place.isEmpty ? .null : .string(meeting.place),
            "present": .strings(board.members.filter { meeting.attendees.contains($0.id) }.map(\.login)),
            "absent": .array(board.members.filter { !meeting.attendees.contains($0.id) && !$0.hasLeft }.map { m in
                .object(["login": .string(m.login), "reason": .of(meeting.absenceReasons[m.id])])
            }),
            "guests": .strings(meeting.guests),
            "score_before": .of(summary.scoreBefore), "score_after": .double(summary.scoreAfter), "grade": .of(summary.grade),
            "done": .array(summary.done.map(line)), "overdue": .array(summary.overdue.map(line)), "due_soon": .array(summary.dueSoon.map(line)),
            "at_risk": .array(summary.atRisk.map(line)), "follow_ups": .array(summary.followUps.map(line)),
            "entries": .array(meeting.currentEntries.map { e in
                .object(["id": .int(Int(e.id)), "kind": .string(e.kind.rawValue), "section": .string(e.section.rawValue), "minutes_item": .int(e.item),
                         "subject": .of(e.subject), "text": .string(e.text), "task": .of(e.taskID.map { Int($0) }), "at": .string(e.at.iso),
                         "corrects": .of(e.supersedes.map { Int($0) })])
            }),
        ])
    }

    static func members(_ board: Board, openTasks: [WorkTask]) -> JSONValue {
        .array(board.members.map { m in
            .object(["login": .string(m.login), "name": .string(m.name), "role": .string(m.role.rawValue),
                     "group": m.workGroup.isEmpty ? .null : .string(m.workGroup), "line": m.lineName.isEmpty ? .null : .string(m.lineName),
                     "left_on": .of(m.leftOn), "owns": .strings(board.targets(ownedBy: m.id).map(\.description)),
                     "open_tasks": .int(openTasks.filter { $0.ownerID == m.id }.count)])
        })
    }

    static func milestones(_ milestones: [Milestone]) -> JSONValue {
        .array(milestones.map { m in
            .object(["key": .string(m.key), "title_th": .string(m.titleTH), "title_en": .string(m.titleEN), "starts": .of(m.starts),
                     "due": .of(m.due), "due_th": .thai(m.due), "reminders": .array(m.reminderOffsets.map(JSONValue.int)), "covers": .strings(m.covers)])
        })
    }

    static func holidays(_ holidays: [Holiday]) -> JSONValue {
        .array(holidays.map { .object(["date": .of($0.date), "date_th": .thai($0.date), "name": .string($0.name)]) })
    }

    static func results(_ board: Board) -> JSONValue {
        let o = board.assessment.official
        return .object([
            "scores": .object(Dictionary(uniqueKeysWithValues: o.scores.map { ($0.key, JSONValue.double($0.value)) })),
            "grade": .of(o.grade),
            "contradiction": .of(o.contradiction(in: board.framework).map { "\($0)" }),
        ])
    }
}
