import Foundation
import ITACore

/// The only way `ita` writes text: every line passes `TerminalSafety`, so nothing from the data
/// (a title, a LINE name, a URL) can move the cursor, set the clipboard, ring the bell or flip the
/// text direction in the user's terminal — or in the LINE group the text is pasted into.
enum Output {
    /// Writes a whole file or nothing: the bytes go to a temporary file beside it, then replace it.
    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("\(path): cannot write: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
    }

    /// Text written whole or not at all, made safe like everything `ita` prints.
    static func write(_ text: String, to path: String) throws {
        try write(Data(text.sanitizedKeepingLines.utf8), to: path)
    }

    /// Text for standard output, line breaks kept.
    static func print(_ text: String, terminator: String = "\n") {
        Swift.print(text.sanitizedKeepingLines, terminator: terminator)
    }

    /// JSON for standard output: the data stays whole, control characters are `\u` escapes.
    static func printJSON(_ json: String) {
        Swift.print(TerminalSafety.escapingJSON(json))
    }

    /// One line on standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line.sanitizedKeepingLines + "\n").utf8))
    }
}
