import Foundation
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing
@testable import FHIR

/// Runs `questionnaire` to its end with `answer`, recording any refusal.
func runScripted(_ questionnaire: Questionnaire, today: CalendarDate? = nil, answer: (Node, [Option]) -> String = scriptedAnswer) -> Interview {
    var interview = Interview(questionnaire: questionnaire)
    interview.today = today
    var steps = 0
    while let node = interview.currentNode, steps < 1000 {
        steps += 1
        let typed = answer(node, interview.currentOptions)
        if case .rejected(_, _, let reason) = interview.handle(typed) {
            Issue.record("\(questionnaire.id): '\(typed)' refused at \(node.id): \(reason.message)")
            break
        }
    }
    return interview
}

let authored = LocalTimestamp(millisecondsSince1970: 1_796_000_000_000, offsetMinutes: 60)

@Suite("Every FHIR file of shared/fhir, run to a response that FHIR's models accept")
struct FixtureTests {
    /// What each fixture gives: a response, or the errors that stop it.
    static let outcomes: [String: Result<(form: FHIRForm, response: JSONValue), DiagnosticError>] = {
        var result: [String: Result<(form: FHIRForm, response: JSONValue), DiagnosticError>] = [:]
        for name in FHIRCheck.fixtureNames {
            do throws(DiagnosticError) {
                let form = try FHIRQuestionnaireLoader.load(FHIRCheck.fixture(name), file: name)
                let interview = runScripted(form.questionnaire(today: authored.localDate), today: authored.localDate)
                result[name] = .success((form, QuestionnaireResponseExport.response(form: form, interview: interview, authored: authored)))
            } catch {
                result[name] = .failure(error)
            }
        }
        return result
    }()

    /// The R4B models' verdict on every response, in one run of Python.
    static let verdicts: Result<[String: String?], FHIRCheck.Failure> = {
        let names = outcomes.keys.sorted().filter { if case .success = outcomes[$0] { true } else { false } }
        let responses = names.compactMap { try? outcomes[$0]?.get().response }
        do {
            let found = try FHIRCheck.validate(responses)
            return .success(Dictionary(uniqueKeysWithValues: zip(names, found)))
        } catch let failure as FHIRCheck.Failure {
            return .failure(failure)
        } catch {
            return .failure(FHIRCheck.Failure(description: "\(error)"))
        }
    }()

    /// Files that cannot run, and the words their one error must hold.
    static let refused: [String: String] = [
        "stanford-SkipLogicExample.json": "82:7",
        "android/behavior_answer_expression.json": "item 'vaccines' asks for a reference to another resource",
        "android/component_attachment_with_validation.json": "item '1' asks for a file to attach",
    ]

    @Test func everyFileIsHere() {
        #expect(FHIRCheck.fixtureNames.count == 54, "\(FHIRCheck.fixtureNames.count) fixtures")
    }

    @Test("file", arguments: FHIRCheck.fixtureNames)
    func fixture(_ name: String) throws {
        let outcome = try #require(Self.outcomes[name])
        if let expected = Self.refused[name] {
            guard case .failure(let error) = outcome else {
                Issue.record("\(name) loaded, but it cannot run")
                return
            }
            #expect(error.diagnostics.count == 1)
            #expect(error.description.contains(expected), "\(error)")
            #expect(error.description.hasPrefix(name + ":"))
            return
        }
        let (form, response) = try outcome.get()
        #expect(response["resourceType"]?.stringValue == "QuestionnaireResponse")
        #expect(response["status"]?.stringValue == "completed")
        #expect(response["authored"]?.stringValue == "2026-11-30T01:53:20+01:00")
        let verdicts = try Self.verdicts.get()
        let verdict = try #require(verdicts[name])
        #expect(verdict == nil, "\(name): \(verdict ?? "")")
        // Every warning names the file, a place and what happens.
        for warning in form.warnings {
            #expect(warning.description.hasPrefix(name + ":"), "\(warning)")
            #expect(warning.path != nil, "\(warning)")
        }
        // The routes are a graph validate can count.
        let statistics = GraphStatistics(form.questionnaire)
        #expect(statistics.longestInterview >= statistics.shortestInterview)
        #expect(statistics.paths.intValue ?? 0 >= 1)
    }

    @Test func theTrailingCommaIsFoundWhereItIs() throws {
        let outcome = try #require(Self.outcomes["stanford-SkipLogicExample.json"])
        guard case .failure(let error) = outcome else { throw FHIRCheck.Failure(description: "it loaded") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location == LineColumn(line: 82, column: 7))
    }

    @Test func whatIntakeCannotDoIsSaidOncePerItem() throws {
        func warnings(_ name: String) throws -> [String] {
            try #require(try? Self.outcomes[name]?.get().form).warnings.map(\.description)
        }
        let attachment = try warnings("android/component_attachment.json")
        #expect(attachment.count == 1)
        #expect(attachment[0].contains("item '1' asks for a file to attach, which intake cannot ask: it is left unanswered"))
        let skip = try warnings("android/behavior_skip_logic_with_expression.json")
        #expect(skip.contains { $0.contains("item '2': the enableWhenExpression \"%has-fever\" cannot be evaluated: %has is not defined (FHIRPath reads %has-fever as %has minus fever: write %`has-fever`): the item is asked as if the expression were not there") }, "\(skip)")
        let repeated = try warnings("android/component_repeated_group.json")
        #expect(repeated.contains { $0.contains("group '1' repeats: intake asks it once") })
        let constraint = try warnings("android/behavior_questionnaire_constraint.json")
        #expect(constraint.contains { $0.contains("$.item[1].extension[0]") && $0.contains("'questionnaire-constraint' is not supported by intake and is ignored") }, "\(constraint)")
    }
}
