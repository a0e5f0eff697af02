import Foundation
import IntakeTesting
import Testing
import InterviewEngine
import QuestionnaireModel
@testable import Scoring

/// A persona: an answer file under `Tests/Personas/` with the outcome
/// expected by reading CLINICAL.md, not by running the code.
struct Persona: CustomTestStringConvertible, Sendable {
    var file: String
    var category: String
    var rules: Set<String>
    var pressureCallout: Bool
    /// Scored as a partial answers file (`intake score`), not walked.
    var scoreOnly = false
    /// Whether the assessment must be provisional; nil: not checked.
    var provisional: Bool?
    /// A known name offered as the possible match of an unrecognised one.
    var possibleMatch: String?

    var testDescription: String { file }

    static let folder = URL(fileURLWithPath: Fixtures.path("Tests/Personas"))

    /// The personas of today's questionnaire, or of a kept version's
    /// (`Tests/Personas/v1/`, scored with `Questionnaires/versions/1.0.0/`).
    static func all(in subfolder: String = "") -> [Persona] {
        let path = subfolder.isEmpty ? "Tests/Personas" : "Tests/Personas/\(subfolder)"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(path))) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().map { file in
            let json = try! JSONParser.parse(Fixtures.bytes("\(path)/\(file)"))
            let expected = json["$expected"]!
            return Persona(
                file: subfolder.isEmpty ? file : "\(subfolder)/\(file)",
                category: expected["category"]!.stringValue!,
                rules: Set(expected["rules"]!.arrayValue!.compactMap(\.stringValue)),
                pressureCallout: expected["pressureCallout"]?.boolValue ?? false,
                scoreOnly: expected["scoreOnly"]?.boolValue ?? false,
                provisional: expected["provisional"]?.boolValue,
                possibleMatch: expected["possibleMatch"]?.stringValue)
        }
    }

    static var all: [Persona] { all() }
    static var version1: [Persona] { all(in: "v1") }
}

@Suite("Personas")
struct PersonaTests {
    @Test func thereAreEnoughPersonasToCoverEveryRuleAndCategory() {
        let personas = Persona.all
        #expect(personas.count >= 60, "22 of version 1 brought to version 2, and at least 30 new ones")
        #expect(Set(personas.map(\.category)) == Set(Shipped.rules.categories.map(\.code)))
        let covered = personas.reduce(into: Set<String>()) { $0.formUnion($1.rules) }
        #expect(covered == Set(Shipped.rules.rules.map(\.id)))
    }

    @Test(arguments: Persona.all)
    func walkingTheInterviewGivesTheExpectedOutcome(_ persona: Persona) throws {
        let file = try AnswerFile(Fixtures.bytes("Tests/Personas/\(persona.file)"), file: persona.file, questionnaire: Shipped.questionnaire)
        let result: Assessment
        if persona.scoreOnly {
            // A partial file, as `intake score` reads it: missing follow-ups
            // are assumed the cautious way.
            let parsed = try file.parsedAnswers().get()
            result = Assessment.assess(AnswerSet(questionnaire: Shipped.questionnaire, answers: parsed), rules: Shipped.rules, lexicon: Shipped.lexicon)
            #expect(!result.assumptions.isEmpty, "a missing follow-up is assumed, not answered")
            #expect(result.fired.flatMap(\.reasons).contains { $0.value.hasSuffix("(assumed, not answered)") })
        } else {
            var interview = Interview(questionnaire: Shipped.questionnaire)
            let problem = try file.run(&interview)
            #expect(problem == nil)
            #expect(interview.isFinished)
            let answers = AnswerSet(questionnaire: Shipped.questionnaire, answers: interview.answers, skipped: interview.skipped)
            result = Assessment.assess(answers, rules: Shipped.rules, lexicon: Shipped.lexicon)
            #expect(result.unchecked.isEmpty, "a finished interview leaves nothing unchecked")
        }
        #expect(result.category.code == persona.category)
        #expect(result.firedIDs == persona.rules)
        #expect((result.pressureCap?.preferenceAbove ?? false) == persona.pressureCallout)
        #expect(result.discussionPoints.contains { $0.hasPrefix("Pressure:") } == (result.pressureCap != nil))
        if let provisional = persona.provisional { #expect(result.isProvisional == provisional) }
        if let name = persona.possibleMatch {
            #expect(result.medicines.possibleMatches.contains { $0.name == name })
        }
    }

    /// Version 1's personas still score as version 1 said, with the kept
    /// 1.0.0 files: a session made with them replays and reports as it was.
    @Test(arguments: Persona.version1)
    func version1PersonasScoreWithTheKeptFiles(_ persona: Persona) throws {
        let kept = "Questionnaires/versions/1.0.0"
        let questionnaire = try QuestionnaireLoader.load(Fixtures.bytes("\(kept)/massage-intake.json"), file: "massage-intake.json").questionnaire
        let lexicon = try MedicationLexicon.load(Fixtures.bytes("\(kept)/medications.json"), file: "medications.json")
        let rules = try RuleSet.load(Fixtures.bytes("\(kept)/massage-intake.rules.json"), file: "massage-intake.rules.json", questionnaire: questionnaire, lexicon: lexicon)
        #expect(questionnaire.version == "1.0.0" && rules.version == "1.0.0" && lexicon.version == "1.0.0")
        let file = try AnswerFile(Fixtures.bytes("Tests/Personas/\(persona.file)"), file: persona.file, questionnaire: questionnaire)
        var interview = Interview(questionnaire: questionnaire)
        #expect(try file.run(&interview) == nil)
        let answers = AnswerSet(questionnaire: questionnaire, answers: interview.answers, skipped: interview.skipped)
        let result = Assessment.assess(answers, rules: rules, lexicon: lexicon)
        #expect(result.category.code == persona.category)
        #expect(result.firedIDs == persona.rules)
        #expect((result.pressureCap?.preferenceAbove ?? false) == persona.pressureCallout)
    }
}
