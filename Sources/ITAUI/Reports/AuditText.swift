import Foundation
import ITACore

/// Audit rows as people read them, in the user's language: who acted (and, when the OS login
/// differs from the member's, under which login), statuses by name, times as BE local time,
/// evidence as a list, `done_by` as a name. Used by `ita log` and by undo messages.
public struct AuditText: Sendable {
    public let members: [Int64: Member]
    public let strings: Strings

    public init(members: [Member], strings: Strings) {
        self.members = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        self.strings = strings
    }

    /// `นายปรีชา เรืองศรี`, or `นายปรีชา เรืองศรี (โดย root)` when another login acted as them.
    public func who(_ entry: AuditEntry) -> String {
        guard let id = entry.memberID, let member = members[id] else { return entry.login.sanitizedForTerminal }
        let name = member.name.sanitizedForTerminal
        return member.login == entry.login ? name : strings.actedBy(name, entry.login.sanitizedForTerminal)
    }

    /// A stored value as shown: `● เสร็จแล้ว`, `1 ธ.ค. 2569 09:00`, `https://a, https://b`, a member's name.
    public func value(_ text: String?, field: String, evidence: [String]? = nil) -> String {
        if let evidence {
            return evidence.isEmpty ? "–" : evidence.map { $0.sanitizedForTerminal.truncated(toWidth: 60) }.joined(separator: ", ")
        }
        guard let text else { return "–" }
        switch field {
        case "status":
            if let status = TaskStatus(rawValue: text) { return strings.status(status) }
        case "done_at":
            if let at = Timestamp(iso: text) { return "\(strings.date(at.date)) \(at.clockTime)" }
        case "done_by", "owner_id", "member_id":
            if let id = Int64(text), let member = members[id] { return member.name.sanitizedForTerminal }
        case "due", "left_on":
            if let day = CivilDate(iso: text) { return strings.date(day) }
        case "archived_at":
            if let at = Timestamp(iso: text) { return "\(strings.date(at.date)) \(at.clockTime)" }
        case "role":
            if let role = Member.Role(rawValue: text) { return strings.language.plan.role(role) }
        default:
            break
        }
        return text.isEmpty ? "\"\"" : text.sanitizedForTerminal.truncated(toWidth: 40)
    }

    /// `สถานะ: ● เสร็จแล้ว → ○ ยังไม่เริ่ม`
    public func change(_ entry: AuditEntry) -> String {
        "\(strings.fieldName(entry.field)): \(value(entry.oldValue, field: entry.field, evidence: entry.oldEvidence)) → \(value(entry.newValue, field: entry.field, evidence: entry.newEvidence))"
    }

    /// What one audit row of a plan change did, in a line: `#12 ชื่องาน: เดิม → ใหม่`,
    /// `ผู้รับผิดชอบข้อ O12 ผู้รับผิดชอบ: …`, `+ สมาชิก malee (นางมาลี …)`, `− หมุดหมาย review-2`.
    public func line(_ e: AuditEntry) -> String {
        let plan = strings.language.plan
        let subject = self.subject(e)
        if e.entity == .owner { return "\(subject): \(value(e.oldValue, field: e.field)) → \(value(e.newValue, field: e.field))" }
        guard e.field == "*" else { return "\(subject) \(change(e))" }
        let old = e.oldValue.map(Self.object) ?? [:], new = e.newValue.map(Self.object) ?? [:]
        if e.oldValue == nil {
            let label = new["name"] ?? new["title_th"] ?? new["title"] ?? nil
            return plan.rowAdded(subject + (label.map { " (\($0.sanitizedForTerminal.truncated(toWidth: 50)))" } ?? ""))
        }
        if e.newValue == nil { return plan.rowRemoved(subject) }
        let fields = Set(old.keys).union(new.keys).filter { (old[$0] ?? nil) != (new[$0] ?? nil) }.sorted()
        return "\(subject) " + fields.map { f in
            "\(strings.fieldName(f)): \(value(old[f] ?? nil, field: f)) → \(value(new[f] ?? nil, field: f))"
        }.joined(separator: "; ")
    }

    /// `#12`, `ผู้รับผิดชอบข้อ O12`, `สมาชิก malee`, `หมุดหมาย review-2`, `วันหยุด 31 ธ.ค. 2569`.
    public func subject(_ e: AuditEntry) -> String {
        let plan = strings.language.plan
        switch e.entity {
        case .task: return "#\(e.key)"
        case .member:
            let login = Int64(e.key).flatMap { members[$0]?.login } ?? (e.newValue.map(Self.object)?["login"] ?? nil) ?? e.key
            return "\(plan.entity(.member)) \(login.sanitizedForTerminal)"
        case .holiday:
            return "\(plan.entity(.holiday)) \(CivilDate(iso: e.key).map(strings.date) ?? e.key)"
        case .assessment: return plan.entity(.assessment)
        case .official: return plan.entity(.official) + (e.key == "grade" ? "" : " " + plan.scopeName(e.key))
        case .owner:
            guard let target = TaskTarget(text: e.key) else { return e.key.sanitizedForTerminal }
            return plan.ownerOf(target)
        default: return "\(plan.entity(e.entity)) \(e.key.sanitizedForTerminal)"
        }
    }

    static func object(_ json: String) -> [String: String?] {
        guard let data = json.data(using: .utf8), let o = try? JSONDecoder().decode([String: String?].self, from: data) else { return [:] }
        return o
    }

    /// The undo of `entries` (the change being reversed): `↶ ย้อนกลับแล้ว งาน #4: สถานะ: ● เสร็จแล้ว → ◐ กำลังทำ`.
    public func undo(_ entries: [AuditEntry]) -> String {
        let parts = entries.map { e in
            var reversed = e
            (reversed.oldValue, reversed.newValue) = (e.newValue, e.oldValue)
            (reversed.oldEvidence, reversed.newEvidence) = (e.newEvidence, e.oldEvidence)
            return line(reversed)
        }
        return strings.undone(entries.count, parts.joined(separator: "; "))
    }

    /// One line for what others did: `นายกิตติพัฒน์ บุญมาก: #31 เสร็จแล้ว` (+ how many more changes).
    public func summary(of entries: [AuditEntry]) -> String? {
        // One change is several rows (one per field): name each change once, by its kind.
        var changes: [(who: String, what: String)] = []
        var seen: Set<Int64> = []
        for e in entries where !seen.contains(e.changeID) {
            seen.insert(e.changeID)
            let subject = e.entity == .task ? "#\(e.key)" : e.key
            changes.append((who(e), "\(subject) \(strings.action(e.action))"))
        }
        guard let first = changes.first else { return nil }
        let more = changes.count - 1
        return "\(first.who): \(first.what)" + (more > 0 ? " " + strings.andMoreChanges(more) : "")
    }
}
