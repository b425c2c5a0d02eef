import ArgumentParser
import Foundation
import ITACore
import ITAStore

/// Shell completion that knows the data: logins, item codes, targets, task ids, themes and screens,
/// read from the database the command line points at (`--db`, else $ITA_DB, the config file, the
/// default), opened read-only. Completion never fails loudly: with no database it offers nothing.
enum Completions {
    static func databasePath(_ words: [String]) -> String {
        for (i, word) in words.enumerated() {
            if word == "--db", i + 1 < words.count { return words[i + 1] }
            if word.hasPrefix("--db=") { return String(word.dropFirst(5)) }
        }
        if let db = Context.environment["ITA_DB"], !db.isEmpty { return db }
        if let db = (try? Config.load())?.database, !db.isEmpty { return db }
        return Context.dataHome + "/ita/ita.sqlite"
    }

    static func store(_ words: [String]) -> Store? {
        let path = databasePath(words)
        guard FileManager.default.isReadableFile(atPath: path) else { return nil }
        return try? Store.open(at: path, readOnly: true)
    }

    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        candidates.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    /// Members' logins (those who have not left).
    static let logins = CompletionKind.custom { words, _, prefix in
        matching((try? store(words)?.members().filter { !$0.hasLeft }.map(\.login)) ?? [], prefix)
    }

    /// The framework's item codes, O1 … O26.
    static let items = CompletionKind.custom { words, _, prefix in
        matching((try? store(words)?.framework().items.map(\.code)) ?? [], prefix)
    }

    /// Indicator numbers and item codes.
    static let targets = CompletionKind.custom { words, _, prefix in
        guard let framework = try? store(words)?.framework() else { return [] }
        return matching(framework.indicators.map { String($0.number) } + framework.items.map(\.code), prefix)
    }

    /// Ids of the tasks still open, most urgent first.
    static let openTasks = CompletionKind.custom { words, _, prefix in
        guard let store = store(words), let tasks = try? store.tasks().filter({ $0.status.isOpen }),
              let framework = try? store.framework() else { return [] }
        let today = CivilDate(dayNumber: Int(Date().timeIntervalSince1970 / 86_400))
        return matching(UrgencyOrder.sorted(tasks, today: today, framework: framework).map { String($0.id) }, prefix)
    }

    /// Every task id (done ones too: reopen, edit).
    static let allTasks = CompletionKind.custom { words, _, prefix in
        matching((try? store(words)?.tasks().map { String($0.id) }) ?? [], prefix)
    }

    /// Theme names from the theme directories.
    static let themes = CompletionKind.custom { _, _, prefix in
        var names: Set<String> = ["default"]
        for directory in ThemeLoader.directories() {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasSuffix(".theme") {
                names.insert(String(file.dropLast(6)))
            }
        }
        return matching(names.sorted(), prefix)
    }

    static let screens = CompletionKind.list(["overview", "tree", "mine", "all", "countdown", "review", "help"])
}
