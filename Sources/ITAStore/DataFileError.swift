import ITACore

/// A problem in a framework or committee file, naming the file, line and field.
public struct DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var field: String
    public var problem: String
    /// The same problem in Thai.
    public var problemTH: String

    public init(file: String, line: Int?, column: Int? = nil, field: String, problem: String, problemTH: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.problem = problem
        self.problemTH = problemTH
    }

    /// `committee.yaml:42: tasks[3].owner: no member with login "somchai"`
    public var description: String { text(thai: false) }

    /// `file:line[:column]: field: problem`, the problem in Thai or English. Field paths are cut to
    /// about 80 columns: a 10 MB key is named, not echoed.
    public func text(thai: Bool) -> String {
        let problem = thai ? problemTH : self.problem
        var place = line.map { "\(file):\($0)" } ?? file
        if line != nil, let column { place += ":\(column)" }
        let shown = field.sanitizedForTerminal.truncated(toWidth: Quote.limit)
        // A quoted value inside the problem is cut too, whoever built it.
        let said = problem.sanitizedForTerminal.truncated(toWidth: 240)
        return shown.isEmpty ? "\(place): \(said)" : "\(place): \(shown): \(said)"
    }
}
