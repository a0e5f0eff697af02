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
        /// `--lang`; nil: the locale's, else English.
        public var language: Language?

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
    /// `intake export` writes them). A FHIR form also gets the values it
    /// computes (the PHQ-9 total); it needs no rules for those.
    public static func run(_ options: Options, ports: Ports) throws {
        let loaded = try Content.load(questionnaire: options.questionnaire, rules: options.rules, requireRules: false, files: ports.files)
        let content = try loaded.worded(
            for: options.mode, language: loaded.available(LanguageChoice.choose(options.language, environment: ports.environment)) { ports.screen.send(Array(($0 + "\n").utf8), to: .error) },
            files: ports.files)
        if content.rules == nil, content.questionnaire.fhirForm == nil {
            let path = options.questionnaire ?? "the questionnaire"
            throw UserFacingError("\(path) has no rules beside it (expected \(Content.rulesPathBeside(path))): pass --rules FILE")
        }
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
        let scores = content.scores(of: parsed, today: today)
        guard let ruleSet = content.rules else {
            show(scores, of: content, format: options.format, on: console)
            return
        }
        let assessment = Assessment.assess(AnswerSet(questionnaire: questionnaire, answers: parsed), rules: ruleSet, lexicon: content.lexicon)
        switch options.format {
        case .json:
            console.write(assessment.json.prettyPrinted())
        case .text:
            console.write(AssessmentText.render(assessment, rules: ruleSet, audience: options.mode, style: console.textStyle, width: console.width))
            if !scores.isEmpty {
                console.line()
                AnswerSummary.show(scores, on: console)
            }
        }
    }

    /// A FHIR form without rules: what it computes, and that there is no
    /// assessment. As JSON, `{"assessment": null, "scores": [...]}`, each
    /// score as the JSON report writes it.
    private static func show(_ scores: [ComputedScore], of content: Content, format: Format, on console: Console) {
        switch format {
        case .json:
            var object = JSONObject()
            object.set("assessment", .null)
            object.set("scores", .array(scores.map(\.report)))
            console.write(JSONValue.object(object).prettyPrinted())
        case .text:
            if scores.isEmpty {
                console.line("\(content.questionnaire.name) computes no scores, and has no rules beside it, so there is nothing to score: pass --rules FILE for an assessment.")
                return
            }
            AnswerSummary.show(scores, on: console)
            console.line()
            console.line("There are no rules beside this questionnaire, so no assessment is given.")
        }
    }
}
