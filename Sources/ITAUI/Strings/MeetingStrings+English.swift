import ITACore

extension MeetingStrings {
    static let english = MeetingStrings(
        title: { number, day in "ITA follow-up meeting" + (number.map { " no. \($0)" } ?? "") + " · " + day },
        notMeetingDay: { "not the usual meeting day (\(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][max(0, min(6, $0 - 1))]))" },
        stepTitle: { step in
            switch step {
            case .attendance: return "Attendance"
            case .section(.done): return "a. Done since the last meeting"
            case .section(.overdue): return "b. Overdue, by owner"
            case .section(.dueSoon): return "c. Due before the next meeting"
            case .section(.atRisk): return "d. At risk: no change for 14 days, due within 30"
            case .section(.respondents): return "e. IIT / EIT respondents against quota"
            case .section(.decisions): return "f. Decisions and action items"
            }
        },
        stepTab: { step in
            switch step {
            case .attendance: return "attendance"
            case .section(.done): return "a done"
            case .section(.overdue): return "b overdue"
            case .section(.dueSoon): return "c due soon"
            case .section(.atRisk): return "d at risk"
            case .section(.respondents): return "e respondents"
            case .section(.decisions): return "f decisions"
            }
        },
        readOnly: "read-only",
        ended: { "ended \($0)" },
        noMeetingYet: "Today's meeting is not open yet: the chair or secretary opens it with ita meeting (the agenda is shown meanwhile)",
        present: { present, total in "present \(present)/\(total)" },
        since: { previous, since in previous.map { "since the last meeting, \($0)" } ?? "since \(since) (no earlier meeting)" },
        scoreChange: "Projected score",
        noPreviousScore: "no score from a previous meeting to compare with",
        tasks: { $0 == 1 ? "1 task" : "\($0) tasks" },
        nothing: { section in
            switch section {
            case .done: return "Nothing done in this period yet"
            case .overdue: return "✓ Nothing overdue"
            case .dueSoon: return "Nothing due before the next meeting"
            case .atRisk: return "✓ Nothing at risk"
            case .respondents: return "No IIT / EIT survey window is open"
            case .decisions: return "No decisions or action items yet: d records a decision, a an action item"
            }
        },
        noSurveyWindow: "No IIT / EIT survey window is open",
        surveyWindow: { title, until in "\(title), until \(until)" },
        followUp: { "open since the meeting of \($0)" },
        entryKind: { kind in
            switch kind {
            case .note: return "note"
            case .decision: return "decision"
            case .action: return "action"
            }
        },
        nextMeeting: { "next meeting \($0)" },
        commandTitle: { c in
            switch c {
            case .nextStep: return "next section"
            case .previousStep: return "previous section"
            case .down: return "down a row"
            case .up: return "up a row"
            case .first: return "first row"
            case .last: return "last row"
            case .pageDown: return "page down"
            case .pageUp: return "page up"
            case .goToStep: return "step by number (1 attendance, 2–7 a–f)"
            case .toggleAttendance: return "present/absent"
            case .allPresent: return "all present"
            case .note: return "note"
            case .decision: return "decision"
            case .action: return "action item"
            case .correct: return "correct"
            case .end: return "end meeting"
            case .help: return "help"
            case .quit: return "leave"
            case .place: return "where the meeting is"
            case .absence: return "why a member is absent"
            case .guests: return "guests (not members)"
            case .minutesItem: return "minutes item for notes and decisions (1–5)"
            }
        },
        helpTitle: "Meeting mode — keys (they also work with a Thai keyboard layout)",
        promptKeys: "Enter save  Esc cancel  Ctrl-U clear",
        promptLabel: { kind in
            switch kind {
            case .note: return "note"
            case .decision: return "decision"
            case .action: return "action"
            case .correction(let entry): return entry.kind == .decision ? "correct decision" : "correct note"
            case .place: return "place"
            case .absence: return "why absent (empty clears)"
            case .guests: return "guests (comma-separated)"
            }
        },
        agendaWord: "sections a–f",
        attendanceHint: "Space present/absent  * all present  n to section a",
        nothingToCorrect: "No note or decision in this section to correct yet",
        corrected: "corrected",
        actionFormat: "@owner O12 or i7  date (2569-12-02, 2/12 or +7)  title",
        confirmEnd: "End the meeting and keep its minutes? y end · n back",
        recorded: { kind in
            switch kind {
            case .note: return "✓ Note recorded"
            case .decision: return "✓ Decision recorded"
            case .action: return "✓ Action item recorded"
            }
        },
        actionSaved: { id, owner, due in "✓ Action item #\(id) for \(owner), due \(due) (now in ita tasks)" },
        meetingClosed: "✓ Meeting ended: ita minutes prints its minutes",
        endedNote: "This meeting has ended; ita minutes prints its minutes",
        actionNeedsTitle: "give the task a title",
        actionNeedsOwner: "name an owner, e.g. @somchai",
        actionNeedsTarget: "say what it is for, e.g. O12 or indicator i7",
        actionUnknownOwner: { "no member \($0)" },
        actionUnknownTarget: { "no indicator or item \($0) in the framework" },
        actionBadDate: { "cannot read the date \($0); use 2569-12-02, 2/12, 2/12/2569 or +7" },
        actionPastDate: { "the due date \($0) has passed" },

        minutesTitle: { number, fy in "Minutes of ITA follow-up meeting no. \(number)/\(fy)" },
        minutesWhen: { day, start, end, minutes in
            var text = "\(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.weekday - 1]) \(ThaiDateFormat.english(day)), \(start)"
            if let end { text += "–\(end)" }
            if let minutes { text += " (\(minutes) min)" }
            return text
        },
        attendees: { "Present (\($0))" },
        absent: { "Absent (\($0))" },
        role: { $0 == .owner ? "indicator owner" : $0.rawValue },
        agendaTitle: { section in
            let titles: [AgendaSection: String] = [
                .done: "Done since the last meeting", .overdue: "Overdue", .dueSoon: "Due before the next meeting",
                .atRisk: "At risk (no change for 14 days, due within 30)", .respondents: "IIT / EIT respondents",
                .decisions: "Decisions and action items",
            ]
            return titles[section]!
        },
        agendaHeading: { index, title in "Item \(index). \(title)" },
        scoreLine: { before, after, grade in "Projected score " + (before.map { "\($0) → " } ?? "") + after + (grade.map { " (grade \($0))" } ?? "") },
        ownerLine: { name, count in "\(name): \(count == 1 ? "1 task" : "\(count) tasks")" },
        due: { "due \($0)" },
        notes: "Notes",
        decisions: "Decisions",
        actions: "Action items",
        actionHeaders: ("No.", "Task", "Owner", "Due"),
        earlierActions: "Action items from earlier meetings still open",
        none: "none",
        timeSpent: { "\($0) min" },
        recorder: { "Minutes taken by: \($0)" },
        notEnded: "Note: this meeting has not ended; the agenda shown is today's data",
        noMeetings: "No meetings yet: open one with ita meeting",
        noMeetingOn: { "no meeting on \($0)" },
        minutesItemShort: { n in
            let titles = [1: "chair's announcements", 2: "previous minutes", 3: "matters arising", 4: "for consideration", 5: "other business"]
            return "item \(n) \(titles[n] ?? "")"
        },
        minutesItemNow: { n in
            let titles = [1: "chair's announcements", 2: "previous minutes", 3: "matters arising", 4: "for consideration", 5: "other business"]
            return "notes and decisions now go under minutes item \(n), \(titles[n] ?? "") (v changes)"
        },
        placeSaved: { "✓ place: \($0)" },
        absenceSaved: { name, reason in reason.isEmpty ? "✓ cleared \(name)'s reason" : "✓ \(name) absent: \(reason)" },
        guestsSaved: { "✓ \($0) guest\($0 == 1 ? "" : "s")" },
        placeLine: { "at \($0)" }
    )
}
