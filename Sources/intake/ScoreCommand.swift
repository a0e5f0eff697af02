import ArgumentParser
import InterviewEngine
import QuestionnaireModel
import Reports
import Scoring

/// `intake score`: the massage-fit assessment for an answer file.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score an answer file: whether massage fits, why, and what to discuss.",
        discussion: """
            ANSWERS is a JSON object keyed by question id, as for `intake run --answers`. \
            Partial answers are fine: a rule whose answers are missing does not fire, and \
            the output says which were missing.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The answer file.", valueName: "answers"), completion: .file(extensions: ["json"]))
    var answers: String

    @ArgumentParser.Option(name: .long, help: "Output as text or JSON.")
    var format: Format = .text

    @ArgumentParser.Option(name: .long, help: "Speak to the person (self) or to staff about the client (reception).")
    var mode: Audience = .self

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The questionnaire the answers belong to (default: the built-in one).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var questionnaire: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The rules to score with (default: the rules beside the questionnaire).", valueName: "file"),
                           completion: .file(extensions: ["json"]))
    var rules: String?

    func run() throws {
        let content = try Content.load(questionnaire: questionnaire, rules: rules, requireRules: true)
        guard let ruleSet = content.rules else { return }
        let questionnaire = content.questionnaire.questionnaire
        let file: AnswerFile
        do {
            file = try AnswerFile(try Files.read(answers, limit: Files.answerLimit), file: answers, questionnaire: questionnaire)
        } catch let error as DiagnosticError {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
        let parsed: [String: Answer]
        switch file.parsedAnswers() {
        case .success(let answers): parsed = answers
        case .failure(let diagnostic): throw DiagnosticsFound(diagnostics: [diagnostic])
        }
        let answerSet = AnswerSet(questionnaire: questionnaire, answers: parsed)
        let assessment = Assessment.assess(answerSet, rules: ruleSet, lexicon: content.lexicon)
        let console = Console(plain: false, environment: Environment.current)
        switch format {
        case .json:
            console.write(assessment.json.prettyPrinted())
        case .text:
            console.write(AssessmentText.render(assessment, rules: ruleSet, audience: mode, style: console.textStyle, width: console.width))
        }
    }
}

extension Audience: ExpressibleByArgument {}
