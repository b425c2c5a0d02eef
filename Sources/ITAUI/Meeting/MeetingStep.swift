import ITACore

/// A step of meeting mode: attendance, then the agenda's sections.
public enum MeetingStep: Hashable, Sendable {
    case attendance
    case section(AgendaSection)

    public static let all: [MeetingStep] = [.attendance] + AgendaSection.allCases.map(MeetingStep.section)

    /// The key its time is kept under.
    public var timeKey: String {
        switch self {
        case .attendance: return Meeting.attendanceKey
        case .section(let s): return s.rawValue
        }
    }
}
