import ArgumentParser
import IntakeKit

/// `intake export`: a session as FHIR R4 for a clinic's records system.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session as FHIR R4: a QuestionnaireResponse, or a Bundle with the assessment.",
        discussion: """
            fhir writes a QuestionnaireResponse: the form's canonical URL, the status \
            (completed, in-progress for an unfinished session, stopped at an urgent stop), \
            when it was answered with the local offset, and the answers in the form's \
            groups. fhir-bundle adds the assessment as an Observation, in a collection \
            Bundle. A session of intake's own questionnaire is exported against that \
            questionnaire as FHIR (intake convert). The answers are replayed from the \
            transcript; one that does not check out is not exported (exit 1). \
            For a folder, every session in it is written, oldest first, one resource \
            a line (NDJSON, as FHIR Bulk Data files are); each that is not exported \
            is named on standard error with why, and the exit status is 1.
            """
    )

    enum Wording: ContentOptionsWording {
        static let questionnaire = "The questionnaire the session used (default: the built-in one)."
        static let rules = "The rules to assess with (default: the rules beside the questionnaire)."
    }

    @Argument(help: ArgumentHelp("A transcript (.jsonl), or a folder of them.", valueName: "path"), completion: .file(extensions: ["jsonl"]))
    var transcript: String

    @Option(name: .long, help: "fhir (a QuestionnaireResponse) or fhir-bundle (with the assessment).")
    var format: Export.Format = .fhir

    @Option(name: .long, help: ArgumentHelp("Write to this file (created readable by you only) instead of printing.", valueName: "file"))
    var output: String?

    @OptionGroup var content: ContentOptions<Wording>

    func run() throws {
        try Export.run(
            Export.Options(transcript: transcript, format: format, output: output, questionnaire: content.questionnaire, rules: content.rules),
            ports: Ports.process())
    }
}

extension Export.Format: ExpressibleByArgument {}
