import QuestionnaireModel

/// Warnings about a rules file that loads but may not work as its author
/// meant: rules that read a question no route asks, rules that can never
/// fire or always fire, and parts of a condition that can never hold.
/// The rules' counterpart of the questionnaire's `FlowReview`; used by
/// `intake validate`, and none of these stop an assessment.
public struct RuleReview: Sendable {
    public private(set) var warnings: [Diagnostic] = []

    /// Reviews `rules`, loaded from `source`, against `questionnaire`, whose
    /// flow review found the questions in `unasked` on no route.
    public init(_ rules: RuleSet, source: RulesSource, questionnaire: Questionnaire, unasked: Set<String>) {
        var log = DiagnosticLog(file: source.file, source: SourceText(source.bytes))
        for (index, rule) in rules.rules.enumerated() {
            let path = JSONPath.root.appending("rules").appending(index)
            let offset = source.json["rules"]?.arrayValue?[index].offset ?? -1
            for subject in rule.condition?.subjects ?? [] {
                for id in rules.questionsBehind(subject) where unasked.contains(id) {
                    log.report(.warning, "rule '\(rule.id)' reads '\(id)', which no route of \(questionnaire.id) asks: it can never see an answer", offset: offset, path: path.appending("when"))
                }
            }
            guard let condition = rule.condition else { continue }
            let typeOf: (Subject) -> ValueType? = { subject in
                switch subject {
                case .question(let id): questionnaire.valueType(of: id)
                case .value(let name): rules.derivedValue(name)?.type
                }
            }
            let possible = FlowReview.possibilities(condition, typeOf: typeOf)
            if !possible.canHold {
                log.report(.warning, "rule '\(rule.id)' can never fire: its condition can never hold", offset: offset, path: path.appending("when"))
            } else if !possible.canFail {
                log.report(.warning, "rule '\(rule.id)' fires for everyone who answers its questions: its condition always holds (leave out 'when' for a rule that always fires)", offset: offset, path: path.appending("when"))
            }
            for part in FlowReview.partsThatNeverHold(condition, typeOf: typeOf) {
                log.report(.warning, "rule '\(rule.id)': the part '\(part.summary)' can never hold", offset: offset, path: path.appending("when"))
            }
        }
        warnings = log.diagnostics
    }
}
