import ITACore

/// The lines of `ita framework diff`: `+ O25 …`, `− O40 …`, `~ O12 title: … → …`, `→ O7 9.1 → 9.2`.
public enum FrameworkDiffText {
    public static func lines(_ old: Framework, _ new: Framework, thai: Bool) -> [String] {
        func place(_ f: Framework) -> [String: (sub: String, title: String)] {
            var out: [String: (String, String)] = [:]
            for indicator in f.indicators { for sub in indicator.subIndicators { for item in sub.items { out[item.code] = (sub.code, item.titleTH) } } }
            return out
        }
        let a = place(old), b = place(new)
        let order = { (codes: [String]) in codes.sorted { TaskTarget.item($0) < TaskTarget.item($1) } }
        var lines = [thai ? "\(old.id) → \(new.id): ข้อ \(a.count) → \(b.count)" : "\(old.id) → \(new.id): \(a.count) → \(b.count) items"]
        for code in order(Array(Set(b.keys).subtracting(a.keys))) { lines.append("+ \(code) \(b[code]!.title.sanitizedForTerminal) (\(b[code]!.sub))") }
        for code in order(Array(Set(a.keys).subtracting(b.keys))) { lines.append("− \(code) \(a[code]!.title.sanitizedForTerminal) (\(a[code]!.sub))") }
        for code in order(Array(Set(a.keys).intersection(b.keys))) {
            let was = a[code]!, now = b[code]!
            if was.title != now.title {
                lines.append("~ \(code) \(thai ? "ชื่อ" : "title"): \(was.title.sanitizedForTerminal) → \(now.title.sanitizedForTerminal)")
            }
            if was.sub != now.sub { lines.append("→ \(code) \(was.sub) → \(now.sub)") }
        }
        for tool in new.tools {
            if let before = old.tool(tool.code) {
                if abs(before.weight - tool.weight) > 1e-9 {
                    lines.append("~ \(tool.code) \(thai ? "น้ำหนัก" : "weight"): \(Number.twoDecimals(before.weight)) → \(Number.twoDecimals(tool.weight))")
                }
            } else {
                lines.append("+ \(thai ? "เครื่องมือ" : "tool") \(tool.code)")
            }
        }
        for tool in old.tools where new.tool(tool.code) == nil { lines.append("− \(thai ? "เครื่องมือ" : "tool") \(tool.code)") }
        let grades = { (f: Framework) in f.grading.rules.map { r in "\(r.grade) ≥ \(Number.plain(r.minTotal))" + (r.minEachTool.map { " (\(thai ? "ทุกเครื่องมือ" : "each tool") ≥ \(Number.plain($0)))" } ?? "") } }
        if grades(old) != grades(new) {
            lines.append("~ \(thai ? "ระดับ" : "grades"): " + grades(old).joined(separator: ", ") + " → " + grades(new).joined(separator: ", "))
        }
        if lines.count == 1 { lines.append(thai ? "ไม่มีความต่าง" : "no differences") }
        return lines
    }
}
