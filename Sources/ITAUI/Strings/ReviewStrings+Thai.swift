import ITACore

extension ReviewStrings {
    public static let thai = ReviewStrings(
        title: { today, ago in "ทบทวนประจำสัปดาห์ · \(today)" + (ago.map { " (เทียบกับ \($0))" } ?? " (ยังไม่มีข้อมูลย้อนหลังครบสัปดาห์)") },
        indicatorHeader: { w in "  " + "ตัวชี้วัด".padded(toWidth: w) + " " + "เสร็จ".leftPadded(toWidth: 7) + "สัปดาห์นี้".leftPadded(toWidth: 10) },
        ownerHeader: { w in "  " + "ผู้รับผิดชอบ".padded(toWidth: w) + " " + "งาน".leftPadded(toWidth: 5) + "เสร็จ".leftPadded(toWidth: 6)
            + "เกินกำหนด".leftPadded(toWidth: 9) + "สัปดาห์นี้".leftPadded(toWidth: 10) + "  ล่าสุด" },
        burndownTitle: { "ข้อ OIT ที่ยังไม่ผ่าน จนถึงกำหนด \($0)" },
        legend: "      █ ยังไม่ผ่าน (จริง)   · เส้นที่ควรเป็น",
        pace: { open, perDay, finish, late in
            var text = "เหลือ \(open) ข้อ"
            if let perDay { text += " · ปิดได้ \(Score.text(perDay)) ข้อ/วัน" }
            if let finish, let late {
                text += " · ตามอัตรานี้เสร็จ \(finish)" + (late > 0 ? " (ช้ากว่ากำหนด \(late) วัน)" : " (ทันกำหนด)")
            } else { text += " · ยังประมาณวันเสร็จไม่ได้ (ยังไม่มีข้อที่ปิดได้)" }
            return text
        },
        trendTitle: "คะแนนคาดการณ์รายสัปดาห์",
        weekOf: { "สัปดาห์ของ \($0)" },
        noOITDeadline: "ไม่มีกำหนดที่ครอบคลุม OIT (covers: [OIT]) จึงไม่มีกราฟ burndown"
    )
}
