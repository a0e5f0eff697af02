import ArgumentParser
import IntakeKit

/// `intake report`: a one-page summary of a session for the therapist.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A one-page summary of a session for the massage therapist.",
        discussion: """
            The answers grouped by section, the assessment with its reasons, the points \
            to discuss and the disclaimer. HTML is one self-contained printable file with \
            a body outline of the painful areas. The assessment is made with today's \
            rules from the answers replayed out of the transcript.
            """
    )

    enum Wording: ContentOptionsWording {
        static let questionnaire = "The questionnaire the session used (default: the built-in one)."
        static let rules = "The rules to assess with (default: the rules beside the questionnaire)."
    }

    @Argument(help: ArgumentHelp("A transcript (.jsonl).", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var transcript: String

    @Option(name: .long, help: "text, markdown, html or json.")
    var format: SessionReport.Format = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (created readable by you only) instead of printing it.", valueName: "file"))
    var output: String?

    @OptionGroup var content: ContentOptions<Wording>

    func run() throws {
        try SessionReport.run(
            SessionReport.Options(transcript: transcript, format: format, output: output, questionnaire: content.questionnaire, rules: content.rules),
            ports: Ports.process())
    }
}

extension SessionReport.Format: ExpressibleByArgument {}
