import ITACore
import ITAStore

/// What a fresh demo would have if the committee had used ita since its kick-off: a daily snapshot
/// for each of the last 60 days and last week's follow-up meeting, worked out from when each task
/// was done (`History.asOf`), so the review, the burndown and "since the last meeting" have figures.
enum DemoHistory {
    static let days = 60

    static func record(in store: Store, ctx: Context) throws {
        let board = try store.board(today: ctx.today)
        let tasks = try store.tasks()
        for snapshot in History.dailySnapshots(days: days, board: board, tasks: tasks) { try store.record(snapshot) }
        guard let secretary = board.members.first(where: { $0.role == .secretary && !$0.hasLeft }) else { return }
        try recordLastMeeting(store, board: board, tasks: tasks, by: Author(login: secretary.login, member: secretary), ctx: ctx)
    }

    /// The last meeting weekday before today, recorded as the secretary would have: attendance, a note
    /// on the oldest overdue task, a decision, one action item, and its end with the agenda it saw.
    static func recordLastMeeting(_ store: Store, board: Board, tasks: [WorkTask], by author: Author, ctx: Context) throws {
        let weekday = board.assessment.meetingWeekday
        var day = ctx.today.adding(days: -1)
        while day.weekday != weekday { day = day.adding(days: -1) }
        let (then, past) = History.asOf(day, board: board, tasks: tasks)
        let offset = ctx.now.utcOffsetSeconds
        func at(_ hour: Int, _ minute: Int) -> Timestamp {
            Timestamp(secondsSince1970: Int64(day.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 - offset), utcOffsetSeconds: offset)
        }
        let weekBefore = try store.snapshots(since: day.adding(days: -7)).first { $0.day == day.adding(days: -7) }?.projected
        let agenda = Agenda.build(board: then, tasks: past, previous: nil, scoreBefore: weekBefore, nextMeeting: day.adding(days: 7),
                                  lastChanged: [:], entries: [], earlierActions: [])
        let meeting = try store.startMeeting(on: day, by: author, at: at(13, 30))
        // Everyone came but the committee's last plain member, away on duty.
        let away = board.members.last { $0.role == .member && !$0.hasLeft }
        let present = board.members.filter { !$0.hasLeft && $0.id != away?.id }.map(\.id)
        try store.setAttendees(present, meeting: meeting.id, by: author)
        try store.setPlace("ห้องประชุมสำนักงาน ชั้น 2", meeting: meeting.id, by: author)
        if let away {
            try store.setAbsenceReason("ติดราชการ (นิเทศโรงเรียนในสังกัด)", member: away.id, meeting: meeting.id, by: author)
        }
        try store.setGuests(["ผู้แทนกลุ่มงานประชาสัมพันธ์ โรงเรียนในสังกัด (สมมติ)"], meeting: meeting.id, by: author)
        _ = try store.addEntry(.note, section: .done, subject: nil, text: "ประธานแจ้งว่าผลการประเมินปีที่แล้วผ่านเกณฑ์ และขอให้รักษาระดับคะแนนตัวชี้วัดที่ 9 และ 10",
                               meeting: meeting.id, agendaItem: MinutesItem.chairsAnnouncements, by: author, at: at(13, 35))
        let overdue = past.filter { $0.isOverdue(on: day) }.sorted { ($0.due?.dayNumber ?? 0, $0.id) < ($1.due?.dayNumber ?? 0, $1.id) }
        if let oldest = overdue.first {
            _ = try store.addEntry(.note, section: .overdue, subject: "#\(oldest.id)",
                                   text: "ผู้รับผิดชอบแจ้งว่าจะส่งภายในสัปดาห์หน้า ขอให้เลขานุการติดตาม", meeting: meeting.id, by: author, at: at(13, 52))
        }
        _ = try store.addEntry(.decision, section: .decisions, subject: nil,
                               text: "ให้ทุกกลุ่มงานเผยแพร่ข้อมูล OIT ของตนก่อนหมุดหมายเผยแพร่ครบทุกข้อ และแนบ URL ในระบบทันที",
                               meeting: meeting.id, by: author, at: at(14, 20))
        if let owner = board.owners[.item("O19")] {
            let due = board.assessment.workingCalendar.workingDay(near: day.adding(days: 14), forward: true)
            _ = try store.addActionItem(title: "ส่งรายชื่อผู้มีส่วนได้ส่วนเสียที่จะเชิญเข้าร่วมเวที", target: .item("O19"), ownerID: owner,
                                        due: due, section: .decisions, subject: nil, meeting: meeting.id, by: author, at: at(14, 28))
        }
        let seconds = ["done": 540, "overdue": 1_260, "due_soon": 900, "at_risk": 480, "respondents": 300, "decisions": 720]
        try store.endMeeting(meeting.id, sectionSeconds: seconds, summary: agenda.summary(grade: then.projection.grade?.grade),
                             snapshot: ProgressSnapshot.take(then, tasks: past, kind: .meeting), by: author, at: at(14, 40))
    }
}
