import ITACore

extension Strings {
    public static let thai = Strings(
        language: .th,
        date: { ThaiDateFormat.string($0) },
        weekday: { ThaiDateFormat.weekdayAbbreviations[$0.weekday - 1] },
        quarter: { "ไตรมาส \($0)" },
        daysLeft: { c in
            switch c.calendarDays {
            case 0: return "วันนี้"
            case ..<0: return "เกินกำหนด \(-c.calendarDays) วัน"
            default: return "อีก \(c.calendarDays) วัน (\(c.workingDays) วันทำการ)"
            }
        },
        urgency: { u in
            switch u {
            case .calm: return "ยังมีเวลา"
            case .upcoming: return "ใกล้ถึง"
            case .soon: return "ใกล้แล้ว"
            case .urgent: return "ด่วน"
            case .today: return "วันนี้"
            case .overdue: return "เกินกำหนด"
            }
        },
        fiscalYearLine: { fy, framework, today, quarter in "ITA ปีงบประมาณ \(fy) · เกณฑ์ \(framework) · วันนี้ \(today) (\(quarter))" },
        projectedScore: "คะแนนคาดการณ์",
        projected: "คาดการณ์",
        indicatorShort: { "ตัวชี้วัด \($0)" },
        grade: "ระดับ",
        target: "เป้าหมาย",
        whatItTakes: { w, target in
            switch w {
            case .alreadyMet: return "ถึงเป้าหมาย \(target) แล้ว"
            case .finish(let items, let total):
                return "ให้ถึง \(target): ทำข้อ OIT ให้ผ่านอีก \(items.count) ข้อ — \(items.joined(separator: ", ")) (คาดการณ์ \(Score.text(total)))"
            case .toolsBelowRequirement(let short):
                return "ยังถึง \(target) ไม่ได้: " + short.map { "\($0.tool) ได้สูงสุด \(Score.text($0.score))" }.joined(separator: ", ")
                    + " ต่ำกว่า \(Score.text(short[0].required)) ที่ระดับนี้กำหนดทุกเครื่องมือ"
            case .unreachable(let best):
                return "ยังถึง \(target) ไม่ได้ แม้ OIT ผ่านครบทุกข้อ (สูงสุด \(Score.text(best)))"
            }
        },
        progress: "ความคืบหน้า",
        tasksDone: { "เสร็จ \($0)/\($1) งาน" },
        overdueCount: { "เกินกำหนด \($0)" },
        blockedCount: { "ติดขัด \($0)" },
        indicators: "ตัวชี้วัด",
        lastYear: "ปีที่แล้ว",
        belowTarget: "(ต่ำกว่าเป้า)",
        nextDeadlines: "กำหนดส่งถัดไป",
        milestoneTitle: { $0.titleTH },
        noDeadlines: "ไม่มีกำหนดส่งที่ยังค้าง",
        openTasksOn: { count, targets in "งานค้าง \(count) รายการ: \(targets)" },
        respondents: "ผู้ตอบแบบวัด",
        quotaMet: "ครบแล้ว",
        owner: "ผู้รับผิดชอบ",
        taskHeaders: (id: "รหัส", status: "สถานะ", due: "กำหนดส่ง", target: "ข้อ", owner: "ผู้รับผิดชอบ", title: "งาน"),
        status: { s in
            switch s {
            case .todo: return "○ ยังไม่เริ่ม"
            case .inProgress: return "◐ กำลังทำ"
            case .done: return "● เสร็จแล้ว"
            case .blocked: return "✕ ติดขัด"
            }
        },
        noTasks: "ไม่มีงานตามเงื่อนไข",
        taskCount: { "ทั้งหมด \($0) งาน" },
        changed: { action, id, title in "✓ งาน #\(id) \(action): \(title)" },
        unchanged: { "งาน #\($0) เป็นเช่นนั้นอยู่แล้ว ไม่มีการเปลี่ยนแปลง" },
        integrityWarning: { "⚠ ฐานข้อมูลถูกแก้ไขนอก ita (\($0) จุด) — ตรวจรายละเอียดด้วย ita verify" },
        integrityProblem: { p in
            switch p {
            case .schemaObjectMissing(let name): return "โครงสร้างฐานข้อมูล: \(name) หายไป (ถูกลบนอก ita)"
            case .schemaObjectChanged(let name): return "โครงสร้างฐานข้อมูล: \(name) ถูกแก้ไขนอก ita"
            case .schemaObjectUnexpected(let name): return "โครงสร้างฐานข้อมูล: มี \(name) ที่ ita ไม่ได้สร้าง"
            case .auditRowAltered(let id): return "บันทึกการเปลี่ยนแปลงแถวที่ \(id): เนื้อหาไม่ตรงกับค่าแฮช (ถูกแก้ไขหรือแทรก)"
            case .auditRowsMissing(let after): return "บันทึกการเปลี่ยนแปลง: แถวหลังแถวที่ \(after) หายไป"
            case .entryAltered(let id): return "บันทึกการประชุมรายการที่ \(id): เนื้อหาไม่ตรงกับค่าแฮช"
            case .meetingAltered(let day): return "การประชุมวันที่ \(day): บันทึกที่ปิดแล้วถูกแก้ไข"
            case .entryOrphaned(let id): return "บันทึกการประชุมรายการที่ \(id): ไม่มีการประชุมของรายการนี้แล้ว"
            case .taskDiffers(let id, let field): return "งาน #\(id): ช่อง \(field) ไม่ตรงกับบันทึกการเปลี่ยนแปลง (ถูกแก้ไขนอก ita)"
            case .taskHistoryBroken(let id, let row): return "งาน #\(id): บันทึกแถวที่ \(row) ไม่ต่อจากค่าก่อนหน้า"
            case .taskWithoutCreation(let id): return "งาน #\(id): ไม่มีบันทึกการสร้าง (ถูกเพิ่มนอก ita)"
            }
        },
        integrityIntact: { a, e, m, t in "✓ ฐานข้อมูลตรงกับบันทึก: การเปลี่ยนแปลง \(a) แถว · บันทึกการประชุม \(e) รายการ · การประชุมที่ปิดแล้ว \(m) ครั้ง · งาน \(t) งาน" },
        estimateLegend: "~ ค่าประมาณการของคณะทำงาน · ≈ ผลปีที่แล้ว (ตัวชี้วัดที่มีผล/ทั้งหมด) · ? ยังไม่มีข้อมูล",
        estimateNote: { source in
            switch source {
            case .committee: return "ประมาณการ"
            case .lastYear(let n, let m): return n == m ? "ผลปีที่แล้ว" : "ผลปีที่แล้ว \(n) จาก \(m) ตัวชี้วัด"
            case .unknown: return "ไม่มีค่าประมาณการ นับเป็น 0"
            }
        },
        andMoreChanges: { "(และอีก \($0) การเปลี่ยนแปลง)" },
        undone: { _, changes in "↶ ย้อนกลับแล้ว \(changes)" },
        actedBy: { name, login in "\(name) (โดย \(login))" },
        createdTasks: { count, range in count == 1 ? "งาน \(range)" : "\(count) งาน (\(range))" },
        respondentsSet: { tool, count, quota in "✓ \(tool): ผู้ตอบ \(count)/\(quota)" },
        action: { a in
            switch a {
            case .done: return "เสร็จแล้ว"
            case .start: return "เริ่มทำ"
            case .block: return "ติดขัด"
            case .reopen: return "เปิดใหม่"
            case .evidence: return "แก้หลักฐาน"
            case .note: return "แก้บันทึก"
            case .create: return "สร้างงาน"
            case .baseline: return "สถานะตั้งต้น"
            case .undo: return "ย้อนกลับ"
            case .respondents: return "จำนวนผู้ตอบ"
            case .add: return "เพิ่มงาน"
            case .edit: return "แก้ไขงาน"
            case .archive: return "เก็บเข้าคลัง"
            case .restore: return "นำกลับจากคลัง"
            case .assign: return "มอบหมาย"
            case .member: return "แก้สมาชิก"
            case .milestone: return "แก้หมุดหมาย"
            case .holiday: return "แก้วันหยุด"
            case .assessment: return "แก้ค่าการประเมิน"
            case .plan: return "ปรับแผนจากไฟล์"
            case .recur: return "สร้างงานรอบถัดไป"
            default: return a.rawValue
            }
        },
        logEmpty: "ยังไม่มีการเปลี่ยนแปลง",
        fieldName: { f in
            switch f {
            case "status": return "สถานะ"
            case "blocked_reason": return "เหตุติดขัด"
            case "evidence": return "หลักฐาน"
            case "note": return "บันทึก"
            case "done_by": return "ผู้ทำเสร็จ"
            case "done_at": return "เวลาเสร็จ"
            case "count": return "จำนวน"
            case "title": return "ชื่องาน"
            case "target": return "ข้อ/ตัวชี้วัด"
            case "owner_id", "member_id": return "ผู้รับผิดชอบ"
            case "due": return "กำหนดส่ง"
            case "phase": return "ขั้น"
            case "recurs": return "ทำซ้ำ"
            case "plan_key": return "key"
            case "archived_at": return "เก็บเข้าคลัง"
            case "archive_reason": return "เหตุที่เก็บ"
            case "name": return "ชื่อ"
            case "role": return "บทบาท"
            case "work_group": return "กลุ่มงาน"
            case "line_name": return "ชื่อ LINE"
            case "line_id": return "LINE user id"
            case "left_on": return "วันที่ออก"
            case "score": return "คะแนน"
            case "target_grade": return "ระดับเป้าหมาย"
            case "quota": return "โควตา"
            case "grade": return "ระดับ"
            case "title_th": return "ชื่อหมุดหมาย"
            case "title_en": return "ชื่ออังกฤษ"
            case "starts": return "เริ่ม"
            case "reminders": return "วันเตือน"
            case "covers": return "ครอบคลุม"
            case "position": return "ลำดับ"
            default: return f
            }
        },
        errorPrefix: "ita: ผิดพลาด:",
        denied: { d in
            switch d {
            case .notAMember(let login): return "ผู้ใช้ \(login) ไม่อยู่ในรายชื่อคณะทำงาน จึงดูได้อย่างเดียว"
            case .notYourTask(let owner): return "งานนี้เป็นของ \(owner): เจ้าของงาน ประธาน หรือเลขานุการเท่านั้นที่แก้ได้"
            case .notYourTarget(let owner): return "ข้อนี้เป็นความรับผิดชอบของ \(owner): เจ้าของ ประธาน หรือเลขานุการเท่านั้นที่เพิ่มงานได้"
            case .coordinatorsOnly: return "เฉพาะประธานหรือเลขานุการคณะทำงานเท่านั้น"
            }
        },
        noDatabase: { "ไม่พบฐานข้อมูล \($0) — สร้างด้วย `ita init` หรือทดลองด้วย `ita demo`" },
        notADatabase: { path, detail in "\(path): ไม่ใช่ฐานข้อมูล ITA Board (\(detail))" },
        newerVersion: { "\($0): ฐานข้อมูลนี้เขียนโดย ita รุ่นใหม่กว่า — โปรดอัปเดต ita" },
        readOnly: { path, why in
            switch why {
            case .requested: return "เปิดแบบอ่านอย่างเดียว (--read-only): ไม่บันทึกการเปลี่ยนแปลง"
            case .fileNotWritable: return "อ่านอย่างเดียว: บัญชีนี้ไม่มีสิทธิ์เขียนไฟล์ \(path) — ขอสิทธิ์เขียนจากผู้ดูแลเครื่อง"
            case .directoryNotWritable:
                return "อ่านอย่างเดียว: บัญชีนี้ไม่มีสิทธิ์เขียนโฟลเดอร์ของ \(path) (SQLite ต้องสร้างไฟล์ -wal/-shm ที่นั่น) — ขอสิทธิ์เขียนโฟลเดอร์จากผู้ดูแลเครื่อง"
            case .viewer: return "อ่านอย่างเดียว: \(path) — บัญชีนี้เป็นผู้ดูของหน่วยงาน ไม่ใช่กรรมการ เซิร์ฟเวอร์จึงไม่รับการเปลี่ยนแปลง"
            }
        },
        needsUpgrade: { "\($0): ฐานข้อมูลรุ่นเก่า ต้องปรับรุ่นก่อนใช้ แต่บัญชีนี้อ่านได้อย่างเดียว — ให้ผู้ที่มีสิทธิ์เขียนรันคำสั่ง ita ใดก็ได้หนึ่งครั้ง" },
        busy: { "\($0): ฐานข้อมูลถูกใช้งานอยู่นานเกินไป (เกิน 10 วินาที) — ลองอีกครั้ง" },
        diskFull: { "\($0): ดิสก์เต็ม บันทึกไม่ได้ — ไม่มีการเปลี่ยนแปลง" },
        corrupt: { "\($0): ไฟล์ฐานข้อมูลเสียหาย — ใช้ไฟล์สำรองล่าสุด แล้วตรวจด้วย ita verify" },
        ioError: { path, detail in "\(path): อ่านหรือเขียนไฟล์ไม่ได้ (\(detail))" },
        refusedByDatabase: { path, detail in "\(path): ฐานข้อมูลไม่ยอมรับการเปลี่ยนแปลงนี้ (\(detail)) — ไม่มีการเปลี่ยนแปลง" },
        alreadyExists: { "มีฐานข้อมูล \($0) อยู่แล้ว — ไม่เขียนทับ (ลบเองหรือใช้ --db ที่อื่น)" },
        unknownTask: { "ไม่พบงาน #\($0) (ดูรายการด้วย `ita tasks --all`)" },
        unknownTool: { "ไม่มีแบบวัด \($0) ที่นับผู้ตอบ (ใช้ iit หรือ eit)" },
        unknownMember: { "ไม่พบสมาชิกที่มีชื่อผู้ใช้ \($0)" },
        unknownIndicator: { "ไม่มีตัวชี้วัดที่ \($0) ในเกณฑ์นี้" },
        unknownItem: { "ไม่มีข้อ \($0) ในเกณฑ์นี้" },
        meetingEnded: { "การประชุมวันที่ \($0) ปิดแล้ว บันทึกเพิ่มไม่ได้ (ดูรายงานการประชุมด้วย ita minutes)" },
        nothingToUndo: "ไม่มีการเปลี่ยนแปลงของคุณให้ย้อนกลับ",
        undoConflict: { entity, key, field in "ย้อนกลับไม่ได้: \(entity == .task ? "งาน #" : "")\(key) ช่อง \(field) ถูกแก้ไขไปแล้วหลังจากนั้น — ไม่มีการเปลี่ยนแปลง" },
        planProblem: { $0.text(thai: true) },
        editConflict: { id, by, at in "งาน #\(id) ถูกแก้โดย \(by.sanitizedForTerminal) เมื่อ \(at.clockTime) หลังจากที่คุณเปิดแก้ — ไม่ได้บันทึก ดูใหม่แล้วลองอีกครั้ง" },
        cannotRead: { path, reason in "\(path): อ่านไฟล์ไม่ได้ (\(reason))" },
        badDate: { "วันที่ไม่ถูกต้อง \"\($0)\" — ใช้ \(DateInput.formsThai)" },
        demoIdentity: { "ในฐานข้อมูลตัวอย่างนี้ คุณนั่งที่ของเลขานุการ (\($0)): แก้ไขงานได้ทุกงาน เปิดและบันทึกการประชุมได้ (M)" },
        demoCreated: { "สร้างฐานข้อมูลตัวอย่างที่ \($0)" },
        created: { path, members, tasks in "✓ สร้างฐานข้อมูล \(path): สมาชิก \(members) คน งาน \(tasks) รายการ" }
    )
}
