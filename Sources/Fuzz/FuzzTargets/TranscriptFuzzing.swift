import InterviewEngine
import QuestionnaireModel
import Scoring

/// fuzz-transcript: a transcript file read back, replayed through the
/// shipped questionnaire and re-scored, as `intake replay` does.
package enum TranscriptFuzzing {
    /// How far one input got.
    package struct Reach: Equatable, Sendable {
        /// Lines read as events.
        package var entries = 0
        /// Events replayed just as recorded.
        package var replayed = 0
        /// Answers held when the replay ended, all of them scored.
        package var answers = 0
    }

    package static func fuzzOne(_ bytes: [UInt8]) -> Reach {
        let document = TranscriptDocument(bytes)
        let replay = TranscriptReplay(document, questionnaire: Shipped.questionnaire)
        let interview = replay.interview
        let answers = AnswerSet(questionnaire: Shipped.questionnaire, answers: interview.answers, skipped: interview.skipped)
        let assessment = Assessment.assess(answers, rules: Shipped.rules, lexicon: Shipped.lexicon)
        if let recorded = replay.recordedAssessment {
            _ = recorded == assessment.json
        }
        return Reach(
            entries: document.entries.count,
            replayed: replay.steps.filter { $0.replayed && $0.mismatch == nil }.count,
            answers: interview.answers.count)
    }
}
