import Foundation
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

    var testDescription: String { file }

    static let folder = Shipped.root.appendingPathComponent("Tests/Personas")

    static var all: [Persona] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().map { file in
            let json = try! JSONParser.parse(Shipped.bytes("Tests/Personas/\(file)"))
            let expected = json["$expected"]!
            return Persona(
                file: file,
                category: expected["category"]!.stringValue!,
                rules: Set(expected["rules"]!.arrayValue!.compactMap(\.stringValue)),
                pressureCallout: expected["pressureCallout"]?.boolValue ?? false)
        }
    }
}

@Suite("Personas")
struct PersonaTests {
    @Test func thereAreEnoughPersonasToCoverEveryRuleAndCategory() {
        let personas = Persona.all
        #expect(personas.count >= 12)
        #expect(Set(personas.map(\.category)) == Set(Shipped.rules.categories.map(\.code)))
        let covered = personas.reduce(into: Set<String>()) { $0.formUnion($1.rules) }
        #expect(covered == Set(Shipped.rules.rules.map(\.id)))
    }

    @Test(arguments: Persona.all)
    func walkingTheInterviewGivesTheExpectedOutcome(_ persona: Persona) throws {
        let file = try AnswerFile(Shipped.bytes("Tests/Personas/\(persona.file)"), file: persona.file, questionnaire: Shipped.questionnaire)
        var interview = Interview(questionnaire: Shipped.questionnaire)
        let problem = try file.run(&interview)
        #expect(problem == nil)
        #expect(interview.isFinished)
        let answers = AnswerSet(questionnaire: Shipped.questionnaire, answers: interview.answers, skipped: interview.skipped)
        let result = Assessment.assess(answers, rules: Shipped.rules, lexicon: Shipped.lexicon)
        #expect(result.category.code == persona.category)
        #expect(result.firedIDs == persona.rules)
        #expect(result.unchecked.isEmpty, "a finished interview leaves nothing unchecked")
        #expect(result.discussionPoints.contains { $0.hasPrefix("Pressure:") } == persona.pressureCallout)
    }
}
