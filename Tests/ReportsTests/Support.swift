import Foundation
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Reports
import Scoring

extension Shipped {
    /// Labels of the region codes, from the `pain_locations` options.
    static let regionLabels: [String: String] = {
        guard let node = questionnaire.node("pain_locations") else { return [:] }
        var labels: [String: String] = [:]
        for code in BodyAreas.regionCodes { labels[code] = questionnaire.label(of: code, at: node) }
        return labels
    }()
}

/// A typical session: lower back is the main area, with neck, left knee
/// and right shoulder; a blood thinner; a hostile free-text answer.
let typical: [String: String] = [
    "age_band": "18-50", "pain_duration": "2 years", "pain_frequency": "most-days",
    "pain_locations": "lower-back, neck, knee-left, shoulder-right", "pain_primary": "lower-back",
    "red_flags": "none", "today_unwell": "none",
    "pain_intensity": "6", "pain_enjoyment": "5", "pain_activity": "6", "pain_causes": "unknown",
    "conditions": "none", "recent_events": "none", "medications": "Eliquis 5 mg twice daily, Zorblax",
    "stress_level": "7", "pss_1": "2", "pss_2": "2", "pss_3": "2", "pss_4": "2", "stress_worsens_pain": "a-lot",
    "phq_1": "1", "phq_2": "1", "phq_3": "0", "phq_4": "1", "sleep_quality": "fair",
    "goals": "reduce-pain, reduce-stress", "other_care": "exercise-or-physio", "prior_massage": "helped",
    "pressure_preference": "firm", "positioning_limits": "none", "allergies": "none",
    "areas_to_avoid": hostile, "consent": "yes",
]

let hostile = #"<script>alert(1)</script> & "quotes" | *star* _under_ `tick`"#

/// Parses typed answers for the shipped questionnaire, in questionnaire order.
func answers(_ typed: [String: String]) -> [String: Answer] {
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

/// A report built by hand the way the CLI builds one from a transcript.
func report(
    _ typed: [String: String] = typical, audience: Audience = .self, status: ReportData.Status = .completed,
    client: String? = "Ref 0042", withRules: Bool = true
) -> ReportData {
    let questionnaire = Shipped.questionnaire
    let given = answers(typed)
    var sections: [AnswerSection] = []
    for node in questionnaire.nodes {
        guard let answer = given[node.id] else { continue }
        let item = AnsweredItem(
            question: node.id, label: node.summaryLabel, answer: questionnaire.describe(answer.value, at: node),
            value: answer.value.json)
        let title = node.section.flatMap { questionnaire.section($0)?.title }
        if let last = sections.indices.last, sections[last].title == title {
            sections[last].items.append(item)
        } else {
            sections.append(AnswerSection(title: title, items: [item]))
        }
    }
    let skipped = questionnaire.nodes.filter { !$0.required && $0.kind != .info && given[$0.id] == nil && $0.id == "areas_to_avoid" }
        .map(\.summaryLabel)
    let set = AnswerSet(questionnaire: questionnaire, answers: given)
    let assessment = Assessment.assess(set, rules: Shipped.rules, lexicon: Shipped.lexicon)
    var data = ReportData(
        title: questionnaire.title, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
        audience: audience, started: "2026-11-26T19:55:13Z", client: client, status: status, sections: sections,
        skipped: skipped, assessment: withRules ? assessment : nil, rules: withRules ? Shipped.rules : nil,
        body: BodyAreas(answers: given, questionnaire: questionnaire))
    data.notes = ClientNotes(answers: given, questionnaire: questionnaire)
    // 2026-11-26T19:55:13Z in Berlin.
    data.startedLocal = LocalTime(utcMilliseconds: 1_795_722_913_000, offsetSeconds: 3600, zone: "CET")
    return data
}
