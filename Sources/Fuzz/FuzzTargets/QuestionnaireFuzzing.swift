import InterviewEngine
import QuestionnaireModel

/// fuzz-questionnaire: a questionnaire file through the loader and, when it
/// loads, what `intake validate` and an interview then do with it.
package enum QuestionnaireFuzzing {
    /// How far one input got.
    package struct Reach: Equatable, Sendable {
        /// Whether the loader accepted the file.
        package var loaded = false
        /// The answers held after a short interview walk.
        package var answers = 0
    }

    /// Lines fed to the interview: enough to cross branches and go back, few
    /// enough to keep an execution fast.
    static let walkSteps = 48

    package static func fuzzOne(_ bytes: [UInt8]) -> Reach {
        var reach = Reach()
        let file = "fuzz.json"
        guard let loaded = try? QuestionnaireLoader.load(bytes, file: file) else { return reach }
        reach.loaded = true
        let questionnaire = loaded.questionnaire
        _ = GraphStatistics(questionnaire)
        _ = FlowReview(questionnaire, log: DiagnosticLog(file: file, source: SourceText(bytes)))

        var interview = Interview(questionnaire: questionnaire)
        var choices = ChoiceStream(seed: bytes)
        _ = interview.progress
        InterviewWalk.walk(&interview, steps: walkSteps, choices: &choices)
        _ = interview.progress
        for (node, answer) in interview.answeredInOrder {
            _ = questionnaire.describe(answer.value, at: node)
        }
        _ = AnswerSet(questionnaire: questionnaire, answers: interview.answers, skipped: interview.skipped)
        reach.answers = interview.answers.count
        return reach
    }
}
