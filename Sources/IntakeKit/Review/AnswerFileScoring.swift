import FHIR
import InterviewEngine
import QuestionnaireModel
import Reports
import Scoring

/// `intake score`: the massage-fit assessment for an answer file, without
/// an interview.
public enum AnswerFileScoring {
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public struct Options: Sendable {
        public var answers: String
        public var format: Format = .text
        public var mode: Audience = .self
        public var questionnaire: String?
        public var rules: String?

        public init(answers: String, format: Format = .text, mode: Audience = .self, questionnaire: String? = nil, rules: String? = nil) {
            self.answers = answers
            self.format = format
            self.mode = mode
            self.questionnaire = questionnaire
            self.rules = rules
        }
    }

    /// Scores the answers and prints the assessment. The answers are an
    /// answer file keyed by question id (a FHIR form's linkIds), or a FHIR
    /// QuestionnaireResponse to the questionnaire (intake's own ones as
    /// `intake export` writes them).
    public static func run(_ options: Options, ports: Ports) throws {
        let content = try Content.load(questionnaire: options.questionnaire, rules: options.rules, requireRules: true, files: ports.files)
        guard let ruleSet = content.rules else { return }
        let today = ports.clock.localTime(atMilliseconds: ports.clock.milliseconds()).localDate
        let questionnaire = content.questionnaire.questionnaire(today: today)
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        let bytes = try ports.files.read(options.answers, limit: FileLimits.answers)
        let parsed: [String: Answer]
        if let json = try? JSONParser.parse(bytes), json["resourceType"]?.stringValue != nil, questionnaire.node("resourceType") == nil {
            let form = try content.questionnaire.asFHIRForm()
            do {
                let read = try QuestionnaireResponseReader.answers(bytes, file: options.answers, form: form)
                for warning in read.warnings { console.error(warning.description) }
                parsed = read.answers
            } catch {
                throw DiagnosticsFound(diagnostics: error.diagnostics)
            }
        } else {
            let file: AnswerFile
            do {
                file = try AnswerFile(bytes, file: options.answers, questionnaire: questionnaire)
            } catch {
                throw DiagnosticsFound(diagnostics: error.diagnostics)
            }
            switch file.parsedAnswers(today: today) {
            case .success(let answers): parsed = answers
            case .failure(let diagnostic): throw DiagnosticsFound(diagnostics: [diagnostic])
            }
        }
        let assessment = Assessment.assess(AnswerSet(questionnaire: questionnaire, answers: parsed), rules: ruleSet, lexicon: content.lexicon)
        switch options.format {
        case .json:
            console.write(assessment.json.prettyPrinted())
        case .text:
            console.write(AssessmentText.render(assessment, rules: ruleSet, audience: options.mode, style: console.textStyle, width: console.width))
        }
    }
}
