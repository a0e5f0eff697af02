import ArgumentParser
import IntakeKit
import InterviewEngine
import QuestionnaireModel
import Reports

/// `intake run`: the interview, typed at a terminal, piped in, or read from
/// an answer file; every session is kept as a transcript.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the intake interview (the default when no subcommand is given).",
        discussion: """
            At a terminal the interview uses line editing: Tab completes names, Up and \
            Down recall this session's answers (never saved to a history file), Ctrl-C \
            cancels the line being typed, Ctrl-D stops. Commands: :back, :skip (optional \
            questions), :review, :why, :help, :quit.

            With input from a pipe, each line is one answer, so an interview can be \
            scripted: printf '18-50\\n2 years\\n...' | intake run

            Every answer is saved to a transcript (JSON Lines, 0600) before the next \
            question appears; a stopped session continues with --resume.
            """
    )

    enum Wording: ContentOptionsWording {
        static let questionnaire = "Run this questionnaire instead of the built-in one: intake's format, or a FHIR R4 Questionnaire."
        static let rules = "The rules to score with (default: the rules beside the questionnaire)."
    }

    @OptionGroup var content: ContentOptions<Wording>
    @OptionGroup var language: LanguageOption

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Take the answers from a JSON file keyed by question id, asking nothing.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var answers: String?

    @ArgumentParser.Option(name: .long, help: "self: a person answers for themselves; reception: staff interview one client after another.")
    var mode: Audience = .self

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("A reference for the first client, kept inside the transcript only (otherwise each client is asked for one).", valueName: "ref"))
    var client: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Reception: where each client's report is saved (default: $INTAKE_REPORTS, else reports beside the transcripts folder).", valueName: "dir"),
            completion: .directory)
    var reports: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Reception: the CUPS printer to offer to print each report on (default: $INTAKE_PRINTER).", valueName: "name"))
    var printer: String?

    @ArgumentParser.Option(name: .long, help: "Reception: the paper reports are laid out for, a4 or letter (default: $INTAKE_PAPER, else the locale's).")
    var paper: Paper?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Where transcripts go (default: $INTAKE_TRANSCRIPTS, else $XDG_DATA_HOME/intake/sessions, else ~/.local/share/intake/sessions).", valueName: "dir"),
            completion: .directory)
    var transcripts: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Continue an unfinished session from its transcript.", valueName: "file"),
            completion: .file(extensions: ["jsonl"]))
    var resume: String?

    @Flag(name: .long, help: "With --resume: continue even if the questionnaire or rules changed since.")
    var force = false

    @Flag(name: .long, help: "Plain output: no colour, no cursor movement, no line editing (for screen readers).")
    var plain = false

    func validate() throws {
        if let client {
            if case .failure(let problem) = ClientReference.check(client) {
                throw ValidationError("--client: \(problem)")
            }
        }
        if resume != nil, answers != nil { throw ValidationError("--resume and --answers cannot be used together") }
        if client != nil, mode != .reception { throw ValidationError("--client is for --mode reception") }
        if let printer, let problem = PrinterName.problem(printer) { throw ValidationError("--printer: \(problem)") }
    }

    func run() throws {
        var options = SessionOptions(
            questionnaire: content.questionnaire, rules: content.rules, answers: answers, mode: mode, client: client,
            transcripts: transcripts, resume: resume, force: force, plain: plain, reports: reports, printer: printer, paper: paper)
        options.language = try language.language()
        options.offered = try language.languages()
        if options.offered.count > 1, mode != .reception { throw ValidationError("--lang: several languages are for --mode reception, where each client chooses") }
        try Self.run(options)
    }

    /// Runs the interview the options describe, on this terminal and disk.
    static func run(_ options: SessionOptions) throws {
        var runner = try SessionRunner(options: options, ports: Ports.process(plain: options.plain))
        try runner.run()
    }
}

extension Audience: ExpressibleByArgument {}
