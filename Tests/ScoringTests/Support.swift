import Foundation
import IntakeTesting
import QuestionnaireModel
@testable import Scoring

/// A complete set of answers that fires nothing but the always-on and
/// supporting rules, varied by overriding answers as typed.
let baseline: [String: String] = [
    "age_band": "18-50", "pain_duration": "2 years", "pain_frequency": "most-days",
    "pain_locations": "lower-back", "red_flags": "none", "today_unwell": "none",
    "pain_intensity": "5", "pain_enjoyment": "4", "pain_activity": "5", "pain_causes": "unknown",
    "conditions": "none", "recent_events": "none", "medications": "none", "stress_level": "3",
    "pss_1": "1", "pss_2": "3", "pss_3": "3", "pss_4": "1", "stress_worsens_pain": "a-little",
    "phq_1": "0", "phq_2": "1", "phq_3": "1", "phq_4": "0", "sleep_quality": "good",
    "goals": "reduce-pain", "other_care": "exercise-or-physio", "prior_massage": "helped",
    "pressure_preference": "medium", "positioning_limits": "none", "allergies": "none", "consent": "yes",
]

/// Parses typed answers for the shipped questionnaire; `nil` removes one.
func answers(_ overrides: [String: String?] = [:], from base: [String: String] = baseline) -> [String: Answer] {
    var typed = base
    for (key, value) in overrides { typed[key] = value }
    var result: [String: Answer] = [:]
    for node in Shipped.questionnaire.nodes where node.kind != .info {
        guard let text = typed[node.id] else { continue }
        let options = Shipped.questionnaire.options(for: node, answers: result)
        switch node.parse(text, options: options) {
        case .success(let value): result[node.id] = Answer(value: value, raw: text)
        case .failure(let rejection): fatalError("\(node.id) = \(text): \(rejection.message)")
        }
    }
    return result
}

func assess(_ overrides: [String: String?] = [:], from base: [String: String] = baseline) -> Assessment {
    let set = AnswerSet(questionnaire: Shipped.questionnaire, answers: answers(overrides, from: base))
    return Assessment.assess(set, rules: Shipped.rules, lexicon: Shipped.lexicon)
}

extension Assessment {
    var firedIDs: Set<String> { Set(fired.map(\.id)) }
}
