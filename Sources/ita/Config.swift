import Foundation
import ITACore
import ITAUI

/// `$XDG_CONFIG_HOME/ita/config` (default `~/.config/ita/config`): `key = value` lines for the
/// theme, the language, the default database, sending reminders to LINE and hooks. Command-line
/// options and $ITA_DB win over it. No secret goes in it: the LINE token has a file of its own.
struct Config {
    var theme: String?
    var language: Language?
    var database: String?
    /// The LINE group reminders go to, the Messaging API's base URL, the token file.
    var lineGroup: String?
    var lineEndpoint: String?
    var lineTokenFile: String?
    /// When the overdue work is a reminder step of its own.
    var overdueReminders: Reminder.OverdueStep?
    /// Seconds a hook may run.
    var hookTimeout: Double?
    var path: String

    /// The config file's directory (hooks/ and line-token live beside it). The path is absolute
    /// (XDG_CONFIG_HOME counts only when absolute); a string cut, as URL costs every command 0.3 ms.
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static var defaultPath: String {
        let env = Context.environment
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/ita/config" }
        return Context.home + "/.config/ita/config"
    }

    /// The config file, or an empty config when there is none. A broken file is an error that
    /// names file, line and key.
    static func load(from path: String = defaultPath) throws -> Config {
        var config = Config(path: path)
        guard FileManager.default.fileExists(atPath: path) else { return config }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read (permission or I/O error)") }
        let text = try Context.text(of: data, file: path)
        for entry in try KeyValueFile.parse(text, file: path).entries {
            switch entry.key {
            case "theme": config.theme = entry.value
            case "lang", "language":
                guard let language = Language(rawValue: entry.value) else {
                    throw SettingsFileError(file: path, line: entry.line, key: entry.key, problem: .badValue("use th or en"))
                }
                config.language = language
            case "db", "database":
                config.database = expanded(entry.value)
            case "line_group":
                guard entry.value.hasPrefix("C") || entry.value.hasPrefix("R") || entry.value.hasPrefix("U"),
                      entry.value.count == 33, entry.value.dropFirst().allSatisfy(\.isHexDigit) else {
                    throw SettingsFileError(file: path, line: entry.line, key: entry.key,
                                            problem: .badValue("a group id is C and 32 hex digits (a room R…, a user U…)"))
                }
                config.lineGroup = entry.value
            case "line_endpoint": config.lineEndpoint = entry.value
            case "line_token_file": config.lineTokenFile = expanded(entry.value)
            case "overdue_reminders":
                guard let step = Reminder.OverdueStep(rawValue: entry.value) else {
                    throw SettingsFileError(file: path, line: entry.line, key: entry.key, problem: .badValue("use meeting, daily or off"))
                }
                config.overdueReminders = step
            case "hook_timeout":
                guard let seconds = Double(entry.value), seconds >= 1, seconds <= 600 else {
                    throw SettingsFileError(file: path, line: entry.line, key: entry.key, problem: .badValue("seconds from 1 to 600"))
                }
                config.hookTimeout = seconds
            default:
                throw SettingsFileError(file: path, line: entry.line, key: entry.key, problem: .unknownKey)
            }
        }
        return config
    }

    private static func expanded(_ path: String) -> String { path.hasPrefix("~/") ? Context.home + path.dropFirst(1) : path }
}

/// Finds and reads theme files: a path, or a name looked up in the user's themes directory, the
/// installed themes and the source tree's themes/.
enum ThemeLoader {
    static func directories() -> [String] {
        var dirs: [String] = []
        let config = URL(fileURLWithPath: Config.defaultPath).deletingLastPathComponent().appendingPathComponent("themes").path
        dirs.append(config)
        dirs += InstalledData.candidates(named: "themes")
        return dirs
    }

    /// The theme to use and, when the requested one could not be used, why (the default is used then).
    static func load(_ request: String?) -> (Theme, warning: String?) {
        let name = request ?? "default"
        let path: String?
        if name.contains("/") || name.hasSuffix(".theme") {
            path = name
        } else {
            path = directories().map { "\($0)/\(name).theme" }.first { FileManager.default.fileExists(atPath: $0) }
        }
        guard let path, FileManager.default.fileExists(atPath: path) else {
            if name == "default" { return (.dark, nil) }
            return (.dark, "theme '\(Quote.cut(name))' not found (looked in: \(directories().joined(separator: ", "))); using the default theme")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (.dark, "\(path): cannot read (permission or I/O error); using the default theme")
        }
        do {
            return (try Theme.parse(try Context.text(of: data, file: path), file: path), nil)
        } catch let error as CLIError {
            return (.dark, "\(error.message); using the default theme")
        } catch let error as SettingsFileError {
            return (.dark, "\(error.description); using the default theme")
        } catch {
            return (.dark, "\(path): \(error); using the default theme")
        }
    }
}

/// Data installed beside the binary (../share/ita/NAME) or in the source tree it was built from.
enum InstalledData {
    static func candidates(named name: String) -> [String] {
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("../share/ita/\(name)").standardized.path)
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../\(name)").standardized.path)
        return candidates
    }
}
