import Foundation
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing
@testable import FHIR

/// The same expressions over the same QuestionnaireResponses, in intake's
/// evaluator and in Python's fhirpathpy: every expression of the fixture
/// forms that intake runs, with the variables in scope where the form puts
/// it, and more written to cover the language the forms use.
@Suite("FHIRPath: intake and fhirpathpy agree")
struct FHIRPathDifferentialTests {
    /// Today's date where the tests run, as fhirpathpy's today() sees it.
    static let today: CalendarDate = {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }()

    struct Case: CustomStringConvertible {
        var file: String
        var expression: String
        var response: JSONValue
        var environment: FHIRPathEnvironment
        /// What fhirpathpy runs, when the expression uses SDC functions it lacks.
        var reference: String?
        var description: String { "\(file): \(expression)" }
    }

    /// A run of `file` answered by `answer`, its response, and its calculation.
    static func run(_ file: String, answer: @escaping (Node, [Option]) -> String = scriptedAnswer) throws -> (FHIRForm, JSONValue, FormCalculation) {
        let form = try FHIRQuestionnaireLoader.load(FHIRCheck.fixture(file), file: file)
        let questionnaire = form.questionnaire(today: today)
        let interview = runScripted(questionnaire, today: today, answer: answer)
        let response = QuestionnaireResponseExport.response(form: form, interview: interview, authored: authored)
        return (form, response, try #require(questionnaire.computedValues as? FormCalculation))
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        // Every expression the fixture forms carry that intake runs.
        for file in FHIRCheck.fixtureNames {
            guard let (form, response, calculation) = try? run(file) else { continue }
            for (text, tree) in calculation.parsed.sorted(by: { $0.key < $1.key }) {
                _ = tree
                let owner = form.allItems.first { item in
                    [item.calculatedExpression, item.enableWhenExpression, item.initialExpression].contains(text) || item.variables.contains { $0.expression == text }
                }
                cases.append(Case(file: file, expression: text, response: response, environment: calculation.environment(at: owner, response: response)))
            }
        }
        // The PHQ-9 with answers that differ from item to item.
        var turn = 0
        let (phq, phqResponse, phqCalculation) = try run("lhc-phq9.json") { node, options in
            turn += 1
            return node.kind == .single ? String(turn % options.count + 1) : scriptedAnswer(for: node, options: options)
        }
        let environment = phqCalculation.environment(at: nil, response: phqResponse)
        let written = [
            "%resource.item.answer.value.code",
            "%resource.repeat(item).where(answer.exists()).count()",
            "%resource.descendants().where(linkId='/44250-9').answer.value.display.upper()",
            "%resource.item.where(linkId='/44261-6').answer.value",
            "%resource.item.answer.value.where(code.startsWith('LA657')).display",
            "%resource.item.select(linkId.substring(1, 5) & '-' & answer.count().toString())",
            "%resource.item.answer.value.code.distinct().count() <= 4 and %resource.item.count() > 9",
            "iif(%resource.item.where(linkId='/44260-8').answer.value.code = 'LA6568-5', 'no', 'ask about safety')",
            "(%resource.item.count() * 3 - 4) div 5 + 17 mod 4 - 2.5 / 2",
            "%resource.item.answer.value.code contains 'LA6570-1' or %resource.item.empty()",
            "%questionnaire.item.where(linkId='/44250-9').answerOption.valueCoding.code.tail().first()",
            "%resource.item.where(answer.value.code = 'LA6569-3').linkId.combine('x').count()",
            "%resource.item.answer.value.code.select($this.length()).sum()",
            "%resource.item.linkId.where($this > '/4425').count()",
            "today() >= @2024-01-01",
        ]
        for text in written {
            cases.append(Case(file: "lhc-phq9.json", expression: text, response: phqResponse, environment: environment))
        }
        // SDC's answers() and ordinal() against the long way round, which fhirpathpy runs.
        let perItem = phq.allItems.filter { !$0.options.isEmpty && $0.calculatedExpression == nil }.map { item in
            "(%questionnaire.item.where(linkId='\(item.linkId)').answerOption.where(valueCoding.code = %resource.item.where(linkId='\(item.linkId)').answer.value.code).extension.where(url='http://hl7.org/fhir/StructureDefinition/ordinalValue').value)"
        }
        cases.append(Case(file: "lhc-phq9.json", expression: "%resource.answers().value.ordinal().sum()", response: phqResponse, environment: environment, reference: perItem.joined(separator: ".combine") + ".select($this.toDecimal()).sum()"))
        cases.append(Case(file: "lhc-phq9.json", expression: "%resource.answers().count()", response: phqResponse, environment: environment, reference: "%resource.repeat(item).answer.count()"))
        return cases
    }

    @Test func intakeAndFhirpathpyGiveTheSameResults() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 35, "\(cases.count) cases")
        let python = try FHIRCheck.fhirpath(cases.map { item in
            var variables = JSONObject()
            for (name, values) in item.environment.variables where name != "resource" && name != "rootResource" {
                variables.set(name, .array(values.map(\.json)))
            }
            return (item.response, item.reference ?? item.expression, variables)
        })
        var compared = 0
        for (item, reference) in zip(cases, python) {
            let root = FHIRPathValue.element(item.response, type: "QuestionnaireResponse", linkId: nil)
            let ours = Result { try FHIRPathEvaluator(environment: item.environment).evaluate(item.expression, input: [root]).map(\.json) }
            switch (ours, reference) {
            case (.success(let mine), .success(let theirs)):
                compared += 1
                #expect(FHIRCheck.same(.array(mine), .array(theirs)), "\(item): intake \(JSONValue.array(mine).serialized()), fhirpathpy \(JSONValue.array(theirs).serialized())")
            case (.failure(let error), .success(let theirs)):
                Issue.record("\(item): intake failed (\(error)), fhirpathpy gave \(JSONValue.array(theirs).serialized())")
            case (.success(let mine), .failure(let error)):
                Issue.record("\(item): fhirpathpy failed (\(error)), intake gave \(JSONValue.array(mine).serialized())")
            case (.failure, .failure):
                Issue.record("\(item): both failed")
            }
        }
        #expect(compared == cases.count)
    }

    @Test func thePHQ9TotalComesFromTheWeights() throws {
        var turn = 0
        let (form, _, _) = try Self.run("lhc-phq9.json") { _, _ in
            turn += 1
            return String(turn % 4 + 1)
        }
        var replayTurn = 0
        let interview = runScripted(form.questionnaire(today: Self.today), today: Self.today) { _, _ in
            replayTurn += 1
            return String(replayTurn % 4 + 1)
        }
        let values = QuestionnaireResponseExport.computedValues(form: form, answers: interview.answers, today: Self.today)
        let total = try #require(values.first)
        // Answers 2,3,4,1,2,3,4,1,2 (options) weigh 1,2,3,0,1,2,3,0,1.
        #expect(total.value == .number(13))
        #expect(total.linkId == "/44261-6")
        #expect(total.weights.map(\.weight) == [1, 2, 3, 0, 1, 2, 3, 0, 1])
        #expect(total.weights.first?.answer == "Several days")
    }
}
