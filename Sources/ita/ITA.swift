import ArgumentParser
import Foundation
import ITACore

@main
struct ITA: ParsableCommand {
    /// Global options may stand before the command; a mistyped command is one line and exit 64.
    static func main() {
        var names: [String] = ["help"]
        for command in configuration.subcommands {
            names.append(command.configuration.commandName ?? "")
            names += command.configuration.aliases
        }
        switch ArgumentOrder.arrange(Array(CommandLine.arguments.dropFirst()), commands: names.filter { !$0.isEmpty }) {
        case .arguments(let arguments):
            if QuickFront.run(arguments, environment: Context.environment) { return }
            main(arguments)
        case .unknownCommand(let word, let suggestion):
            let hint = suggestion.map { " (did you mean \($0)?)" } ?? " (see ita --help)"
            Output.error("ita: unknown command '\(Quote.cut(word))'\(hint)")
            Foundation.exit(64)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "ita",
        abstract: "ITA Board — follow up an office's ITA (Integrity and Transparency Assessment) work.",
        discussion: """
            With no command, `ita` opens the full-screen dashboard (`ita board`); `ita status` prints the same overview as text.

            Database: --db PATH, else $ITA_DB, else `db` in the settings file, else $XDG_DATA_HOME/ita/ita.sqlite (~/.local/share/ita/ita.sqlite).

            You are the committee member whose login is your OS login name. The chair, the secretary and the machine's administrator may act as another member with --as LOGIN.

            Output is Thai; --lang en for English. Settings: $XDG_CONFIG_HOME/ita/config (theme, lang, db). Shell completion: ita --generate-completion-script bash|zsh|fish.
            """,
        version: "ita 0.6.0",
        subcommands: [DashboardCommand.self, Snapshot.self, Status.self, Tasks.self, Done.self, Start.self, Block.self, Reopen.self, Undo.self, Log.self,
                      RespondentsCommand.self, Add.self, Edit.self, Archive.self, Restore.self, Assign.self, MemberCommand.self, Members.self,
                      MilestoneCommand.self, Milestones.self, HolidayCommand.self, Holidays.self, Estimate.self, LastYear.self, TargetGrade.self,
                      Quota.self, Results.self, RollupOffices.self, PlanCommand.self, ImportCommand.self, ExportCommand.self, EvidenceCommand.self, Website.self, FrameworkCommand.self, Remind.self, Present.self, MeetingCommand.self, Minutes.self, Review.self, Report.self, Verify.self, Init.self, AdminCommand.self, RolloverCommand.self, Demo.self],
        defaultSubcommand: DashboardCommand.self
    )
}
