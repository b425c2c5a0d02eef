import ArgumentParser
import ITAUI

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database file.", valueName: "path"), completion: .file(extensions: ["sqlite", "db"]))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("On a PostgreSQL server (--db postgresql://…): the office to open (default: $ITA_OFFICE, else the login's only office).",
                                            valueName: "code"))
    var office: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this member (chair, secretary or administrator only).", valueName: "login"),
            completion: Completions.logins)
    var actAs: String?

    @Option(name: .long, help: "Language of the output: th (default) or en; also `lang` in the config file.")
    var lang: Language?

    @Flag(name: .customLong("read-only"), help: "Open the database read-only: every view works, nothing is changed.")
    var readOnly = false

    /// Pretend today is this date (tests and golden outputs).
    @Option(name: .long, help: .hidden)
    var today: String?

    var settings: GlobalSettings { GlobalSettings(db: db, actAs: actAs, lang: lang, readOnly: readOnly, today: today, office: office) }
}

/// The global options as plain values, however they were parsed (by the argument parser, or by
/// `QuickFront` for the commands run most).
struct GlobalSettings: Equatable {
    var db: String?
    var actAs: String?
    var lang: Language?
    var readOnly = false
    var today: String?
    var office: String?
}

extension Language: ExpressibleByArgument {}
