import InterviewEngine
import QuestionnaireModel
import Scoring

/// fuzz-rules: a rules file loaded against the shipped questionnaire and
/// medicines lexicon and, when it loads, used to score a few answer sets.
package enum RulesFuzzing {
    /// How far one input got.
    package struct Reach: Equatable, Sendable {
        /// Whether `RuleSet.load` accepted the file.
        package var loaded = false
        /// The answer sets scored with it.
        package var assessed = 0
    }

    /// What the rules are tried on: nothing answered yet, and interviews of
    /// the shipped questionnaire walked with plausible answers (some end at
    /// an urgent stop, some finish; some take medicines, some none).
    static let answerSets: [AnswerSet] = {
        let questionnaire = Shipped.questionnaire
        var sets = [AnswerSet(questionnaire: questionnaire, answers: [:])]
        for seed in UInt8(0)..<8 {
            var choices = ChoiceStream(seed: [seed])
            var interview = Interview(questionnaire: questionnaire)
            let steps = seed == 0 ? 12 : questionnaire.nodes.count * 2
            InterviewWalk.walk(&interview, steps: steps, choices: &choices, mistakes: false)
            sets.append(AnswerSet(questionnaire: questionnaire, answers: interview.answers, skipped: interview.skipped))
        }
        return sets
    }()

    package static func fuzzOne(_ bytes: [UInt8]) -> Reach {
        var reach = Reach()
        let lexicon = Shipped.lexicon
        guard let rules = try? RuleSet.load(bytes, file: "fuzz.rules.json", questionnaire: Shipped.questionnaire, lexicon: lexicon) else {
            return reach
        }
        reach.loaded = true
        for answers in answerSets {
            let assessment = Assessment.assess(answers, rules: rules, lexicon: lexicon)
            _ = assessment.json.serialized()
            reach.assessed += 1
        }
        return reach
    }
}
