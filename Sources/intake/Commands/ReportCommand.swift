import ArgumentParser
import IntakeKit
import Reports

/// `intake report`: a one-page summary of a session for the therapist.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A one-page summary of a session for the massage therapist.",
        discussion: """
            The person's own words, positions and areas to avoid first, then the assessment \
            with its reasons, the points to discuss, the answers and the disclaimer. HTML is \
            one self-contained page to print (A4 or Letter), with a body map of the painful \
            areas and those to avoid; PDF is that page printed by a headless Chromium \
            (Debian: apt-get install chromium). The assessment is made with today's rules from \
            the answers replayed out of the transcript. With --client, the session is found \
            by the reference given at reception, in the folder intake run uses.
            """
    )

    enum Wording: ContentOptionsWording {
        static let questionnaire = "The questionnaire the session used (default: the built-in one)."
        static let rules = "The rules to assess with (default: the rules beside the questionnaire)."
    }

    @Argument(help: ArgumentHelp("A transcript (.jsonl); or use --client.", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var transcript: String?

    @Option(name: .long, help: ArgumentHelp("The client's latest session (by the reference given at reception).", valueName: "ref"))
    var client: String?

    @Flag(name: .long, help: "With --client: every session of the client, newest first.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("With --client: the folder of transcripts (default: as intake run chooses).", valueName: "dir"),
            completion: .directory)
    var transcripts: String?

    @Option(name: .long, help: "text, markdown, html, json or pdf.")
    var format: SessionReport.Format = .text

    @Option(name: .long, help: "The paper for html and pdf: a4 or letter (default: $INTAKE_PAPER, else the locale's).")
    var paper: Paper?

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (created readable by you only) instead of printing it.", valueName: "file"))
    var output: String?

    @OptionGroup var content: ContentOptions<Wording>
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if transcript == nil, client == nil { throw ValidationError("name a transcript, or a client with --client REF") }
        if transcript != nil, client != nil { throw ValidationError("name a transcript or a client, not both") }
        if all, client == nil { throw ValidationError("--all is for --client") }
        if transcripts != nil, client == nil { throw ValidationError("--transcripts is for --client") }
    }

    func run() throws {
        var options = SessionReport.Options(
            transcript: transcript, format: format, output: output, questionnaire: content.questionnaire, rules: content.rules,
            client: client, all: all, transcripts: transcripts, paper: paper)
        options.language = try language.language()
        try SessionReport.run(
            options,
            ports: Ports.process())
    }
}

extension SessionReport.Format: ExpressibleByArgument {}
extension Paper: ExpressibleByArgument {}
