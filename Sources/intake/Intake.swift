import ArgumentParser
import IntakeKit
import QuestionnaireModel
import TerminalText

/// The command line: parses the arguments, runs the command over the disk,
/// the terminal and the system clock, and turns every outcome into an exit
/// code. The work itself is done by `IntakeKit`.
@main
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "A chronic-pain intake interview that suggests whether massage therapy fits, and what to discuss with a massage therapist.",
        discussion: """
            Run with no arguments to start the interview. Everything intake says about \
            health is general information, not medical advice.
            """,
        version: IntakeVersion.current,
        subcommands: [
            RunCommand.self, ScoreCommand.self, ReplayCommand.self, SessionsCommand.self, ReportCommand.self, ExportCommand.self, ValidateCommand.self, GraphCommand.self,
            ConvertCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Parses the command line, runs the command, and turns every error into
    /// a message and an exit code: 2 for bad input or usage (never
    /// ArgumentParser's 64), 1 for problems a check found, 130 when interrupted.
    static func main() {
        ProcessEnvironment.ignoreBrokenPipes()
        let console = Console(screen: TerminalScreen.shared, plain: true, environment: [:])
        let status: ExitStatus
        do {
            if CommandLine.arguments.count == 1 {
                // `intake` alone, the command a reception desk starts all
                // day: the defaults, without the argument parser's start-up.
                try RunCommand.run(SessionOptions())
            } else {
                var command = try parseQuickly() ?? parseChecked()
                try command.run()
            }
            status = .ok
        } catch {
            if let known = ExitStatus.reporting(error, on: console) {
                status = known
            } else {
                // The argument parser's: help, the version, a usage error.
                let code = exitCode(for: error)
                let message = fullMessage(for: error)
                if code == .success {
                    if !message.isEmpty { console.line(message) }
                    status = .ok
                } else {
                    if !message.isEmpty { console.error(message) }
                    status = code.rawValue == 130 ? .interrupted : .badInput
                }
            }
        }
        ProcessEnvironment.exit(status)
    }

    /// `intake` and `intake run ...`, the commands a reception desk starts
    /// all day, parsed as the run command alone: walking the whole command
    /// tree (every subcommand's options, for completion requests) costs
    /// about as long as loading the questionnaire. Anything unusual (help,
    /// version, completion, a parse error) goes through `parseAsRoot`, so
    /// messages and usage are exactly the same.
    static func parseQuickly() -> ParsableCommand? {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "run" { arguments.removeFirst() }
        let special = ["-h", "--help", "help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        guard !arguments.contains(where: { argument in special.contains { argument.hasPrefix($0) } }),
              CommandLine.arguments.dropFirst().first.map({ $0 == "run" || $0.hasPrefix("-") }) ?? true
        else { return nil }
        return try? RunCommand.parseAsRoot(arguments)
    }

    /// The whole command line through the argument parser, once a first
    /// word that names no command has been caught: `run` is the default
    /// command and takes no words of its own, so the parser would answer
    /// `intake reprot x.jsonl` with the run command's usage.
    static func parseChecked() throws -> ParsableCommand {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let problem = unknownCommand(first) {
            throw UserFacingError(problem)
        }
        return try parseAsRoot()
    }

    /// What is wrong with `word` as the first word of the command line, or
    /// nil when it is an option or names a command.
    static func unknownCommand(_ word: String) -> String? {
        guard !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(word), word != "help" else { return nil }
        let list = "the commands are \(names.joined(separator: ", ")); intake --help says what each does"
        let shown = Printable.escaped(word, limit: 60)
        if let near = Suggestion.closest(to: word, among: names) {
            return "'\(shown)' is not an intake command: did you mean '\(near)'? (\(list))"
        }
        return "'\(shown)' is not an intake command (\(list))"
    }
}
