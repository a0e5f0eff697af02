import Testing
@testable import InterviewEngine
import QuestionnaireModel

func runAnswers(_ json: String) throws -> (Interview, Diagnostic?) {
    let questionnaire = try flow()
    let file = try AnswerFile(Array(json.utf8), file: "a.json", questionnaire: questionnaire)
    var interview = Interview(questionnaire: questionnaire)
    let problem = try file.run(&interview)
    return (interview, problem)
}

@Suite("Answer files")
struct AnswerFileTests {
    /// Issue 13, item 9: no one can say yes, so a near match is refused,
    /// with the suggestion in the message; the urgent stop is not confirmed.
    @Test func aNearMatchIsRefusedWithTheSuggestion() throws {
        let (interview, problem) = try runAnswers("""
            {"age": "old", "where": "nek, knee", "main": "knee", "severity": 5, "pregnant": false}
            """)
        #expect(interview.current == "where")
        #expect(problem?.message == "'nek, knee' was not accepted for 'where': I couldn't match 'nek' to a choice: type a number from 1 to 4, or one of: Neck, Back, Knee, Nowhere. Did you mean 'neck, knee'? An answer file is taken as written: put it right in the file.")
        let questionnaire = try flow()
        let file = try AnswerFile(Array(#"{"age": "old", "where": "back", "severity": 2, "pregnant": "yse"}"#.utf8), file: "a.json", questionnaire: questionnaire)
        guard case .failure(let scored) = file.parsedAnswers() else {
            Issue.record("scoring refuses it too")
            return
        }
        #expect(scored.message.hasSuffix("Did you mean 'yes'? An answer file is taken as written: put it right in the file."))
    }

    @Test func walksTheGraphWithoutAsking() throws {
        let (interview, problem) = try runAnswers("""
            {"age": "old", "where": ["neck", "knee"], "main": "knee", "severity": 5, "pregnant": true, "weeks": 20, "notes": "left side"}
            """)
        #expect(problem == nil)
        #expect(interview.isFinished)
        #expect(interview.answers["where"]?.value == .choices(["neck", "knee"]))
        #expect(interview.answers["weeks"]?.value == .number(20))
        #expect(interview.answers["pregnant"]?.value == .yesNo(true))
    }

    @Test func answersThePathNeverReachesAreIgnored() throws {
        let (interview, problem) = try runAnswers("""
            {"age": "young", "where": "neck", "main": "neck", "severity": "2", "pregnant": "no", "weeks": 99}
            """)
        #expect(problem == nil)
        #expect(interview.answers["main"] == nil)
        #expect(interview.answers["weeks"] == nil)
        #expect(interview.skipped == ["notes"])
    }

    /// Scoring reads the same file the same way: an answer the path never
    /// reaches does not stop it, even one that would not parse there ("knee"
    /// as the main area of someone who chose only the neck).
    @Test func scoringIgnoresAnUnparseableAnswerOffThePath() throws {
        let questionnaire = try flow()
        let offPath = #"{"age": "young", "where": "neck", "main": "knee", "severity": "2", "pregnant": "no", "weeks": 99}"#
        let file = try AnswerFile(Array(offPath.utf8), file: "a.json", questionnaire: questionnaire)
        let answers = try file.parsedAnswers().get()
        #expect(answers["main"] == nil)
        #expect(answers["severity"]?.value == .integer(2))
        // On the path, the same kind of answer is still an error.
        let onPath = #"{"age": "young", "where": ["neck", "back"], "main": "knee", "severity": "2"}"#
        let refused = try AnswerFile(Array(onPath.utf8), file: "a.json", questionnaire: questionnaire).parsedAnswers()
        guard case .failure(let diagnostic) = refused else {
            Issue.record("'knee' is not among the areas chosen")
            return
        }
        #expect(diagnostic.description.contains("'knee' was not accepted for 'main'"))
    }

    @Test func aMissingRequiredAnswerNamesTheQuestion() throws {
        let (_, problem) = try runAnswers(#"{"age": "old", "where": ["neck"]}"#)
        #expect(problem?.description == "a.json: $.severity: the required question 'severity' has no answer (How bad?)")
    }

    @Test func anAnswerThatDoesNotParseNamesTheQuestionAndTheReason() throws {
        let (_, problem) = try runAnswers("{\"age\": \"old\",\n \"where\": [\"neck\"],\n \"severity\": 11}")
        #expect(problem?.description == "a.json:3:14: $.severity: '11' was not accepted for 'severity': 11 is above 10: enter a whole number from 0 to 10.")
    }

    @Test func wrongJSONTypes() throws {
        let (_, problem) = try runAnswers(#"{"age": ["old"], "where": ["neck"]}"#)
        #expect(problem?.description.contains("'age' is a single question: give a string, found a list") == true)
    }

    @Test func unknownQuestionIdsAreRefused() {
        #expect(throws: DiagnosticError.self) {
            _ = try runAnswers(#"{"agee": "old"}"#)
        }
        do {
            _ = try runAnswers(#"{"agee": "old"}"#)
        } catch let error as DiagnosticError {
            #expect(error.description == "a.json:1:2: $.agee: there is no question 'agee' in flow (did you mean 'age'?)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
