import ITACore

/// Theme files (`themes/*.theme`): `ROLE = fg:COLOUR bg:COLOUR bold underline reverse dim` lines.
extension Theme {
    /// Parses a theme file. Roles it does not mention keep their look from `base`.
    public static func parse(_ text: String, file: String, base: Theme = .dark) throws(SettingsFileError) -> Theme {
        let kv = try KeyValueFile.parse(text, file: file)
        var theme = base
        theme.name = file
        for entry in kv.entries {
            if entry.key == "name" { theme.name = entry.value; continue }
            guard let role = StyleRole(rawValue: entry.key) else {
                throw SettingsFileError(file: file, line: entry.line, key: entry.key, problem: .unknownKey)
            }
            var style = Style()
            for word in entry.value.split(separator: " ").map(String.init) {
                switch word {
                case "bold": style.bold = true
                case "underline": style.underline = true
                case "reverse": style.reverse = true
                case "dim": style.dim = true
                case "plain": break
                default:
                    let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2, parts[0] == "fg" || parts[0] == "bg" else {
                        throw SettingsFileError(file: file, line: entry.line, key: entry.key,
                                                problem: .badValue("unknown word '\(word)' (use fg:COLOUR bg:COLOUR bold underline reverse dim)"))
                    }
                    guard let colour = colourNames[parts[1]] ?? Int(parts[1]).flatMap({ (0...255).contains($0) ? $0 : nil }) else {
                        throw SettingsFileError(file: file, line: entry.line, key: entry.key,
                                                problem: .badValue("unknown colour '\(parts[1])' (a name such as cyan or bright-red, or 0–255)"))
                    }
                    if parts[0] == "fg" { style.foreground = colour } else { style.background = colour }
                }
            }
            theme.styles[role] = style
        }
        return theme
    }
}
