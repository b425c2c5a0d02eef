import ITACore

/// The language of everything shown to people. Thai is the default.
public enum Language: String, Sendable, CaseIterable {
    case th, en

    public var strings: Strings { self == .th ? .thai : .english }
}

/// Every user-facing string, one table per language (`Strings+Thai.swift`, `Strings+English.swift`).
/// Adding a field here makes both tables fail to compile until they say it.
public struct Strings: Sendable {
    /// The language of this table.
    public let language: Language
    // Dates and counts
    public let date: @Sendable (CivilDate) -> String
    public let weekday: @Sendable (CivilDate) -> String
    public let quarter: @Sendable (Int) -> String
    public let daysLeft: @Sendable (Countdown) -> String
    public let urgency: @Sendable (Countdown.Urgency) -> String

    // Status report
    public let fiscalYearLine: @Sendable (_ fiscalYear: Int, _ frameworkID: String, _ today: String, _ quarter: String) -> String
    public let projectedScore: String
    public let projected: String
    public let indicatorShort: @Sendable (Int) -> String
    public let grade: String
    public let target: String
    public let whatItTakes: @Sendable (WhatItTakes, _ target: String) -> String
    public let progress: String
    public let tasksDone: @Sendable (_ done: Int, _ total: Int) -> String
    public let overdueCount: @Sendable (Int) -> String
    public let blockedCount: @Sendable (Int) -> String
    public let indicators: String
    public let lastYear: String
    public let belowTarget: String
    public let nextDeadlines: String
    public let milestoneTitle: @Sendable (Milestone) -> String
    public let noDeadlines: String
    public let openTasksOn: @Sendable (_ count: Int, _ targets: String) -> String
    public let respondents: String
    public let quotaMet: String
    public let owner: String

    // Task list
    public let taskHeaders: (id: String, status: String, due: String, target: String, owner: String, title: String)
    public let status: @Sendable (TaskStatus) -> String
    public let noTasks: String
    public let taskCount: @Sendable (Int) -> String

    // Changes
    public let changed: @Sendable (_ action: String, _ id: Int64, _ title: String) -> String
    public let unchanged: @Sendable (_ id: Int64) -> String
    /// `⚠ บันทึกการเปลี่ยนแปลงถูกแก้นอก ita (3 จุด) — ตรวจด้วย ita verify`
    public let integrityWarning: @Sendable (_ problems: Int) -> String
    public let integrityProblem: @Sendable (IntegrityProblem) -> String
    public let integrityIntact: @Sendable (_ auditRows: Int, _ entries: Int, _ meetings: Int, _ tasks: Int) -> String
    /// What `~` and `?` after a survey tool's score mean.
    public let estimateLegend: String
    /// How a survey tool's score in `status` is got: `(ประมาณการ)`, `(ผลปีที่แล้ว 2 จาก 5 ตัวชี้วัด)`.
    public let estimateNote: @Sendable (Assessment.EstimateSource) -> String
    /// `(+2 การเปลี่ยนแปลง)` after the first of others' changes.
    public let andMoreChanges: @Sendable (Int) -> String
    public let undone: @Sendable (_ fields: Int, _ changes: String) -> String
    /// `นายปรีชา เรืองศรี (โดย root)`: a member's change made under another OS login.
    public let actedBy: @Sendable (_ name: String, _ login: String) -> String
    /// `สร้าง 117 งาน (#1–#117)` in the log.
    public let createdTasks: @Sendable (_ count: Int, _ range: String) -> String
    public let respondentsSet: @Sendable (_ tool: String, _ count: Int, _ quota: Int) -> String
    public let action: @Sendable (AuditAction) -> String

    // Log
    public let logEmpty: String
    public let fieldName: @Sendable (String) -> String

    // Errors
    public let errorPrefix: String
    public let denied: @Sendable (Permissions.Denial) -> String
    public let noDatabase: @Sendable (String) -> String
    public let notADatabase: @Sendable (_ path: String, _ detail: String) -> String
    public let newerVersion: @Sendable (String) -> String
    /// Why nothing can be changed here (and what to do about it).
    public let readOnly: @Sendable (_ path: String, _ why: ReadOnlyReason) -> String
    public let needsUpgrade: @Sendable (String) -> String
    public let busy: @Sendable (String) -> String
    public let diskFull: @Sendable (String) -> String
    public let corrupt: @Sendable (String) -> String
    public let ioError: @Sendable (_ path: String, _ detail: String) -> String
    public let refusedByDatabase: @Sendable (_ path: String, _ detail: String) -> String
    public let alreadyExists: @Sendable (String) -> String
    public let unknownTask: @Sendable (Int64) -> String
    public let unknownTool: @Sendable (String) -> String
    public let unknownMember: @Sendable (String) -> String
    public let unknownIndicator: @Sendable (Int) -> String
    public let unknownItem: @Sendable (String) -> String
    public let meetingEnded: @Sendable (String) -> String
    public let nothingToUndo: String
    public let undoConflict: @Sendable (_ entity: AuditEntity, _ key: String, _ field: String) -> String
    public let planProblem: @Sendable (PlanProblem) -> String
    public let editConflict: @Sendable (_ task: Int64, _ by: String, _ at: Timestamp) -> String
    public let cannotRead: @Sendable (_ path: String, _ reason: String) -> String
    public let badDate: @Sendable (String) -> String
    public let demoIdentity: @Sendable (String) -> String
    public let demoCreated: @Sendable (String) -> String
    public let created: @Sendable (_ path: String, _ members: Int, _ tasks: Int) -> String
}
