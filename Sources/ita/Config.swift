import Foundation
import ITACore
import ITAUI

/// `$XDG_CONFIG_HOME/ita/config` (default `~/.config/ita/config`): `key = value` lines for the
/// theme, the language and the default database. Command-line options and $ITA_DB win over it.
struct Config {
    var theme: String?
    var language: Language?
    var database: String?
    var path: String

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
                config.database = entry.value.hasPrefix("~/") ? Context.home + entry.value.dropFirst(1) : entry.value
            default:
                throw SettingsFileError(file: path, line: entry.line, key: entry.key, problem: .unknownKey)
            }
        }
        return config
    }
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
