/// What a key asks of meeting mode.
public enum MeetingCommand: KeyCommand {
    /// Where a key works: the roll call, or the agenda's sections.
    public enum Scope: Hashable, Sendable, CaseIterable { case attendance, agenda }
    /// Recording needs the chair or the secretary at a meeting that is open.
    public enum Need: Hashable, Sendable { case record }

    case nextStep, previousStep, down, up, first, last, pageDown, pageUp
    /// A digit: the step with that number (1 attendance, 2–7 sections ก–ฉ).
    case goToStep
    case toggleAttendance, allPresent
    case note, decision, action, correct, end
    /// The official minutes' facts: where, why absent, guests, and the ระเบียบวาระ entries go under.
    case place, absence, guests, minutesItem
    case help, quit
}
