import ArgumentParser
import IntakeKit
import QuestionnaireModel

/// `intake score`: the massage-fit assessment for an answer file.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score an answer file: whether massage fits, why, and what to discuss.",
        discussion: """
            ANSWERS is a JSON object keyed by question id (a FHIR form's linkIds), as for \
            `intake run --answers`, or a FHIR QuestionnaireResponse to the questionnaire \
            (as `intake export` writes one). Partial answers are fine: a rule whose answers are missing does not fire, and \
            the output says which were missing. A FHIR form needs no rules for the \
            values it computes (a PHQ-9's total): without rules, those are shown alone.
            """
    )

    enum Wording: ContentOptionsWording {
        static let questionnaire = "The questionnaire the answers belong to (default: the built-in one)."
        static let rules = "The rules to score with (default: the rules beside the questionnaire)."
    }

    @Argument(help: ArgumentHelp("The answer file, or a FHIR QuestionnaireResponse.", valueName: "answers"), completion: .file(extensions: ["json"]))
    var answers: String

    @ArgumentParser.Option(name: .long, help: "Output as text or JSON.")
    var format: AnswerFileScoring.Format = .text

    @ArgumentParser.Option(name: .long, help: "Speak to the person (self) or to staff about the client (reception).")
    var mode: Audience = .self

    @OptionGroup var content: ContentOptions<Wording>
    @OptionGroup var language: LanguageOption

    func run() throws {
        var options = AnswerFileScoring.Options(answers: answers, format: format, mode: mode, questionnaire: content.questionnaire, rules: content.rules)
        options.language = try language.language()
        try AnswerFileScoring.run(
            options,
            ports: Ports.process())
    }
}

extension AnswerFileScoring.Format: ExpressibleByArgument {}
