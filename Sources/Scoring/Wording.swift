import QuestionnaireModel

/// Turns answers and derived values into words for explanations.
struct Wording {
    let context: ScoringContext

    var questionnaire: Questionnaire { context.answers.questionnaire }

    /// The language the questionnaire is worded in: the program's own words
    /// here (yes, none recognised, a medicine's class) follow it.
    var language: Language { questionnaire.language }

    /// `english` in the questionnaire's language (the program's words for it).
    func say(_ english: String) -> String {
        language == .english ? english : ProgramWords(TextVariant(language: language, audience: .self)).word(english)
    }

    /// `english`, a phrase with numbers in it ("3 of 4"), in the questionnaire's language.
    func sayNumbers(_ english: String) -> String {
        language == .english ? english : ProgramWords(TextVariant(language: language, audience: .self))(english)
    }

    /// The reason line for a subject that made a rule fire; `codes` limits a
    /// list of medicine classes to the ones the rule tested.
    func reason(_ subject: Subject, codes: Set<String>? = nil) -> Assessment.Reason? {
        guard case .value(let value) = context.lookup(subject) else { return nil }
        switch subject {
        case .question(let id):
            guard let node = questionnaire.node(id) else { return nil }
            // Only the choices the rule tested: with bladder and calf both
            // chosen, each urgent rule names its own.
            if case .choices(let chosen) = value, let codes {
                let cited = chosen.filter(codes.contains)
                if !cited.isEmpty {
                    return Assessment.Reason(subject: subject, label: node.summaryLabel, value: questionnaire.describe(.choices(cited), at: node) + assumedNote(id))
                }
            }
            return Assessment.Reason(subject: subject, label: node.summaryLabel, value: describe(value, of: subject) + assumedNote(id))
        case .value(let name):
            guard let derived = context.rules.derivedValue(name) else { return nil }
            let assumed = context.rules.questionsBehind(subject).filter { id in context.assumed.contains { $0.question == id } }
            let note = assumed.compactMap { id -> String? in
                guard let node = questionnaire.node(id), case .value(let found) = context.lookup(.question(id)) else { return nil }
                return "\(node.summaryLabel): \(questionnaire.describe(found, at: node))\(say(" (assumed, not answered)"))"
            }
            return Assessment.Reason(subject: subject, label: derived.label, value: describeDerived(value, derived, codes: codes) + (note.isEmpty ? "" : "; " + note.joined(separator: "; ")))
        }
    }

    /// " (assumed, not answered)" for a follow-up read the cautious way.
    func assumedNote(_ question: String) -> String {
        context.assumed.contains { $0.question == question } ? say(" (assumed, not answered)") : ""
    }

    /// A `{name}` of a rule's text in words: a question's answer (text as
    /// typed, in quotes; choices in lower case), or a derived value.
    func placeholder(_ name: String) -> String {
        let subject: Subject = questionnaire.node(name) != nil ? .question(name) : .value(name)
        guard case .value(let value) = context.lookup(subject) else { return say("where was not said") }
        if case .text(let text) = value { return "\u{201C}\(text)\u{201D}" }
        let words = describe(value, of: subject)
        if case .question = subject, !value.codes.isEmpty { return words.lowercased() + assumedNote(name) }
        return words
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
            return "\(Self.oneDecimal(number)) (\(say("from")) \(inputs(questions)))"
        case .sum(let items):
            let reversed = items.filter(\.reversed).compactMap { item -> String? in
                guard case .scale(let low, let high, _, _)? = questionnaire.node(item.question)?.spec,
                      case .value(let answer) = context.lookup(.question(item.question)), let number = answer.numeric
                else { return nil }
                let counted = low + high - Int(number)
                return "\(questionnaire.node(item.question)?.summaryLabel ?? item.question) \(Int(number))\(say(" counts as")) \(counted)"
            }
            let how = reversed.isEmpty ? "" : "\(say("; scored in reverse:")) \(reversed.joined(separator: ", "))"
            return "\(Int(value.numeric ?? 0)) (\(say("from")) \(inputs(items.map(\.question)))\(how))"
        case .holds:
            if case .yesNo(let flag) = value { return say(flag ? "yes" : "no") }
            return "\(value)"
        case .answerOr(let question, _):
            guard case .choice(let code) = value, let node = questionnaire.node(question) else { return "\(value)" }
            return questionnaire.label(of: code, at: node)
        case .countGroups(let question, let groups):
            guard case .value(let chosen) = context.lookup(.question(question)) else { return "\(value)" }
            let named = groups.filter { group in group.codes.contains { chosen.codes.contains($0) } }.map(\.name)
            return sayNumbers("\(Int(value.numeric ?? 0)) of \(groups.count)") + (named.isEmpty ? "" : " (\(named.joined(separator: ", ")))")
        case .medicationClasses(let question):
            guard case .value(.medications(let names)) = context.lookup(.question(question)) else { return "\(value)" }
            let parts = names.compactMap { name -> String? in
                let classes = context.lexicon.match(name).classes.filter { codes?.contains($0) ?? true }
                guard !classes.isEmpty else { return nil }
                // English names the class codes (as it always has); another
                // language its labels, from the names file.
                guard language != .english else { return "\(name) (\(classes.joined(separator: ", ")))" }
                // A label may hold brackets of its own: "와파린: 혈액 희석제(항응고제)".
                return "\(name): \(classes.map { context.lexicon.label(ofClass: $0, in: language) }.joined(separator: ", "))"
            }
            return parts.isEmpty ? say("none recognised") : parts.joined(separator: "; ")
        case .includesValue:
            if case .yesNo(let flag) = value { return say(flag ? "yes" : "no") }
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
        var possible: [Assessment.PossibleMatch] = []
        for node in questionnaire.nodes where node.kind == .medications {
            guard case .value(.medications(let names)) = context.lookup(.question(node.id)) else { continue }
            for name in names {
                let match = context.lexicon.match(name)
                if match.generics.isEmpty { unrecognised.append(name) } else { recognised.append(match) }
                for near in context.lexicon.nearMisses(in: name) {
                    possible.append(Assessment.PossibleMatch(entry: name, typed: near.typed, name: near.name, classLabel: context.lexicon.label(near.classLabel, in: language)))
                }
            }
        }
        var medicines = Assessment.Medicines(recognised: recognised, unrecognised: unrecognised)
        medicines.possibleMatches = possible
        return medicines
    }
}
