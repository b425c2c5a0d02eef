import ArgumentParser
import Foundation

/// Puts the global options where the parser wants them, so `ita --db DB status` and
/// `ita --as X tasks --overdue` work like `ita status --db DB`; and turns a mistyped command into
/// one line with a suggestion instead of the dashboard's usage.
enum ArgumentOrder {
    /// Options every command takes, and whether each takes a value.
    static let global: [String: Bool] = ["--db": true, "--as": true, "--lang": true, "--today": true, "--read-only": false]

    enum Outcome: Equatable {
        case arguments([String])
        /// `unknown command 'tsks' (did you mean tasks?)`
        case unknownCommand(String, suggestion: String?)
    }

    static func arrange(_ arguments: [String], commands: [String]) -> Outcome {
        var leading: [String] = []
        var index = 0
        // Global options before the first word that is not one.
        while index < arguments.count {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            guard let takesValue = global[name] else { break }
            leading.append(word)
            if takesValue && !word.contains("="), index + 1 < arguments.count {
                leading.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        guard index < arguments.count else { return .arguments(arguments) }
        let first = arguments[index]
        if first.hasPrefix("-") {
            // Options of the default command (the dashboard), or --help / --version.
            return .arguments(arguments)
        }
        guard commands.contains(first) else {
            return .unknownCommand(first, suggestion: closest(to: first, in: commands))
        }
        return .arguments([first] + arguments[(index + 1)...] + leading)
    }

    /// The command nearest to `word` by edit distance, if it is near enough to be a typo.
    static func closest(to word: String, in commands: [String]) -> String? {
        let scored = commands.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (command, d) = scored, d <= max(1, command.count / 3) else { return nil }
        return command
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
