import QuestionnaireModel

/// Turns answers and derived values into words for explanations.
struct Wording {
    let context: ScoringContext

    var questionnaire: Questionnaire { context.answers.questionnaire }

    /// The reason line for a subject that made a rule fire; `codes` limits a
    /// list of medicine classes to the ones the rule tested.
    func reason(_ subject: Subject, codes: Set<String>? = nil) -> Assessment.Reason? {
        guard case .value(let value) = context.lookup(subject) else { return nil }
        switch subject {
        case .question(let id):
            guard let node = questionnaire.node(id) else { return nil }
            return Assessment.Reason(subject: subject, label: node.summaryLabel, value: describe(value, of: subject))
        case .value(let name):
            guard let derived = context.rules.derivedValue(name) else { return nil }
            return Assessment.Reason(subject: subject, label: derived.label, value: describeDerived(value, derived, codes: codes))
        }
    }

    /// A value in words, with the answers behind a derived value.
    func describe(_ value: AnswerValue, of subject: Subject) -> String {
        switch subject {
        case .question(let id):
            guard let node = questionnaire.node(id) else { return "\(value)" }
            return questionnaire.describe(value, at: node)
        case .value(let name):
            guard let derived = context.rules.derivedValue(name) else { return "\(value)" }
            return describeDerived(value, derived)
        }
    }

    private func describeDerived(_ value: AnswerValue, _ derived: DerivedValue, codes: Set<String>? = nil) -> String {
        switch derived.formula {
        case .mean(let questions):
            let number = value.numeric ?? 0
            return "\(Self.oneDecimal(number)) (from \(inputs(questions)))"
        case .sum(let items):
            return "\(Int(value.numeric ?? 0)) (from \(inputs(items.map(\.question))))"
        case .holds:
            if case .yesNo(let flag) = value { return flag ? "yes" : "no" }
            return "\(value)"
        case .answerOr(let question, _):
            guard case .choice(let code) = value, let node = questionnaire.node(question) else { return "\(value)" }
            return questionnaire.label(of: code, at: node)
        case .countGroups(let question, let groups):
            guard case .value(let chosen) = context.lookup(.question(question)) else { return "\(value)" }
            let named = groups.filter { group in group.codes.contains { chosen.codes.contains($0) } }.map(\.name)
            return "\(Int(value.numeric ?? 0)) of \(groups.count)\(named.isEmpty ? "" : " (\(named.joined(separator: ", ")))")"
        case .medicationClasses(let question):
            guard case .value(.medications(let names)) = context.lookup(.question(question)) else { return "\(value)" }
            let parts = names.compactMap { name -> String? in
                let classes = context.lexicon.match(name).classes.filter { codes?.contains($0) ?? true }
                guard !classes.isEmpty else { return nil }
                return "\(name) (\(classes.joined(separator: ", ")))"
            }
            return parts.isEmpty ? "none recognised" : parts.joined(separator: "; ")
        case .includesValue:
            if case .yesNo(let flag) = value { return flag ? "yes" : "no" }
            return "\(value)"
        }
    }

    private func inputs(_ questions: [String]) -> String {
        questions.compactMap { id -> String? in
            guard let node = questionnaire.node(id), case .value(let value) = context.lookup(.question(id)) else { return nil }
            return "\(node.summaryLabel) \(Self.plainNumber(value))"
        }.joined(separator: ", ")
    }

    private static func plainNumber(_ value: AnswerValue) -> String {
        guard let number = value.numeric else { return "?" }
        return number == number.rounded() ? String(Int(number)) : oneDecimal(number)
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// The questions whose unknown answers kept a condition from being decided.
    func missingQuestions(in condition: Condition?) -> [String] {
        guard let condition else { return [] }
        var result: [String] = []
        for subject in condition.subjects {
            for id in context.rules.questionsBehind(subject) where context.answers.lookup(question: id) == .unknown && !result.contains(id) {
                result.append(id)
            }
        }
        return result
    }

    /// The medicines answer, split into recognised and unrecognised entries.
    func medicines() -> Assessment.Medicines {
        var recognised: [MedicationLexicon.Match] = []
        var unrecognised: [String] = []
        for node in questionnaire.nodes where node.kind == .medications {
            guard case .value(.medications(let names)) = context.lookup(.question(node.id)) else { continue }
            for name in names {
                let match = context.lexicon.match(name)
                if match.generics.isEmpty { unrecognised.append(name) } else { recognised.append(match) }
            }
        }
        return Assessment.Medicines(recognised: recognised, unrecognised: unrecognised)
    }
}
