import ArgumentParser
import Foundation
import ITACore
import ITAUI

/// `ita status` and `ita tasks` are what owners over SSH, shell prompts and cron jobs run most, so
/// their plain forms are read here, by hand, before the argument parser: its reflection and first type
/// lookups cost about 5 ms of a 30 ms run. Only the exact forms `ita status --help` documents are
/// taken — long options, each at most once, values that parse. Anything else (help, a typo, a bad or
/// missing value, options that cannot go together) goes on to the argument parser, which gives its
/// usual messages; so the two fronts can only differ in speed. `ITA_QUICK=0` turns this front off;
/// `ITA_QUICK=show` also writes what it read on stderr (how the tests see which front ran).
enum QuickFront {
    enum Command: Equatable {
        case status(GlobalSettings, json: Bool)
        case tasks(GlobalSettings, TaskListing)
    }

    /// Runs the command and returns true if the arguments are a plain `status` or `tasks`.
    static func run(_ arguments: [String], environment: [String: String]) -> Bool {
        guard environment["ITA_QUICK"] != "0", let command = parse(arguments) else { return false }
        if environment["ITA_QUICK"] == "show" { Output.error("quick: \(command)") }
        do {
            switch command {
            case .status(let settings, let json): try Status.run(settings, json: json)
            case .tasks(let settings, let listing): try listing.run(settings)
            }
        } catch {
            ITA.exit(withError: error)
        }
        return true
    }

    /// The command these arguments ask for, or nil when the argument parser should read them.
    static func parse(_ arguments: [String]) -> Command? {
        guard let name = arguments.first, name == "status" || name == "tasks" else { return nil }
        var settings = GlobalSettings()
        var listing = TaskListing()
        var json = false
        var seen: Set<String> = []
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else { return nil }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let option = String(parts[0])
            guard seen.insert(option).inserted else { return nil }
            var inline: String? { parts.count == 2 ? String(parts[1]) : nil }
            // A flag takes no value.
            func flag() -> Bool? { inline == nil ? true : nil }
            // An option's value: after `=`, or the next word (which must not look like an option).
            func value() -> String? {
                if let inline { return inline.isEmpty ? nil : inline }
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                index += 1
                return arguments[index - 1]
            }
            switch (name, option) {
            case (_, "--db"): guard let v = value() else { return nil }; settings.db = v
            case (_, "--office"): guard let v = value() else { return nil }; settings.office = v
            case (_, "--as"): guard let v = value() else { return nil }; settings.actAs = v
            case (_, "--lang"): guard let v = value().flatMap(Language.init(rawValue:)) else { return nil }; settings.lang = v
            case (_, "--today"): guard let v = value() else { return nil }; settings.today = v
            case (_, "--read-only"): guard flag() != nil else { return nil }; settings.readOnly = true
            case (_, "--json"): guard flag() != nil else { return nil }; json = true
            case ("tasks", "--owner"): guard let v = value() else { return nil }; listing.owner = v
            case ("tasks", "--indicator"): guard let v = value().flatMap({ Int($0) }) else { return nil }; listing.indicator = v
            case ("tasks", "--item"): guard let v = value() else { return nil }; listing.item = v
            case ("tasks", "--status"): guard let v = value().flatMap(TaskStatus.init(rawValue:)) else { return nil }; listing.status = v
            case ("tasks", "--due-within"): guard let v = value().flatMap({ Int($0) }) else { return nil }; listing.dueWithin = v
            case ("tasks", "--overdue"): guard flag() != nil else { return nil }; listing.overdue = true
            case ("tasks", "--all"): guard flag() != nil else { return nil }; listing.all = true
            case ("tasks", "--archived"): guard flag() != nil else { return nil }; listing.archived = true
            default: return nil
            }
        }
        if name == "status" { return .status(settings, json: json) }
        listing.json = json
        return listing.problem == nil ? .tasks(settings, listing) : nil
    }
}
