import QuestionnaireModel

/// A value computed from answers that rules can test, such as the PEG mean
/// or the medicine classes found in a list of medicines. Defined as data in
/// the rules file, so no questionnaire is hard-wired into the code.
public struct DerivedValue: Sendable {
    public var name: String
    /// What it is, in words, for explanations.
    public var label: String
    public var formula: Formula
    /// The type conditions see.
    public var type: ValueType

    /// How the value is computed.
    public enum Formula: Sendable {
        /// The mean of scale or number answers.
        case mean([String])
        /// The sum of scale answers; a reversed item counts as min + max - answer.
        case sum([(question: String, reversed: Bool)])
        /// Whether a condition holds.
        case holds(Condition)
        /// A single-choice answer, or when that question has no answer, the
        /// one code chosen in a multiple-choice question.
        case answerOr(question: String, onlyChoiceOf: String)
        /// How many of the groups have a code among a multiple-choice answer.
        case countGroups(question: String, groups: [(name: String, codes: [String])])
        /// The medicine classes recognised in a medicines answer.
        case medicationClasses(question: String)
        /// Whether a multiple-choice answer includes the code another value holds.
        case includesValue(question: String, value: Subject)
    }
}

/// Every value a rule can read for one person: the answers and the derived
/// values computed from them.
public struct ScoringContext: Sendable {
    public let answers: AnswerSet
    public let rules: RuleSet
    public let lexicon: MedicationLexicon
    /// Derived values by name, computed in definition order.
    public private(set) var values: [String: Lookup] = [:]
    /// Follow-up answers missing where the answers given reach them, read
    /// the cautious way (the rules' `assume`), in the rules' order.
    public private(set) var assumed: [(question: String, value: AnswerValue)] = []
    private var assumedByQuestion: [String: AnswerValue] = [:]

    public init(answers: AnswerSet, rules: RuleSet, lexicon: MedicationLexicon) {
        self.answers = answers
        self.rules = rules
        self.lexicon = lexicon
        // Assumptions first, from the answers alone, so derived values and
        // rules read them; a value an assumption takes from a derived one
        // (the main pain area) is worked out here from the answers too.
        for assumption in rules.assumptions where assumedByQuestion[assumption.question] == nil {
            guard case .value = answers.lookup(question: assumption.question) else {
                guard assumption.condition.evaluate(lookup) == .yes else { continue }
                let value: AnswerValue?
                switch assumption.value {
                case .answer(let answer): value = answer
                case .derived(let name):
                    if let formula = rules.derivedValue(name)?.formula, case .value(let found) = compute(formula), let code = found.codes.first {
                        value = .choices([code])
                    } else {
                        value = nil
                    }
                }
                guard let value else { continue }
                assumed.append((assumption.question, value))
                assumedByQuestion[assumption.question] = value
                continue
            }
        }
        for derived in rules.derived {
            values[derived.name] = compute(derived.formula)
        }
    }

    /// How a condition sees `subject`.
    public func lookup(_ subject: Subject) -> Lookup {
        switch subject {
        case .question(let id):
            if let value = assumedByQuestion[id] { return .value(value) }
            return answers.lookup(question: id)
        case .value(let name): return values[name] ?? .unknown
        }
    }

    private func compute(_ formula: DerivedValue.Formula) -> Lookup {
        switch formula {
        case .mean(let questions):
            return combine(questions.map { lookup(.question($0)) }) { numbers in
                .number(numbers.reduce(0, +) / Double(numbers.count))
            }
        case .sum(let items):
            let found = items.map { item -> Lookup in
                let value = lookup(.question(item.question))
                guard item.reversed, case .value(.integer(let answer)) = value,
                      case .scale(let min, let max, _, _)? = answers.questionnaire.node(item.question)?.spec
                else { return value }
                return .value(.integer(min + max - answer))
            }
            return combine(found) { numbers in .integer(Int(numbers.reduce(0, +))) }
        case .holds(let condition):
            switch condition.evaluate(lookup) {
            case .yes: return .value(.yesNo(true))
            case .no: return .value(.yesNo(false))
            case .unknown: return .unknown
            }
        case .answerOr(let question, let onlyChoiceOf):
            let direct = lookup(.question(question))
            guard direct == .absent else { return direct }
            guard case .value(let chosen) = lookup(.question(onlyChoiceOf)) else { return lookup(.question(onlyChoiceOf)) }
            let exclusive = exclusiveCodes(of: onlyChoiceOf)
            let codes = chosen.codes.filter { !exclusive.contains($0) }
            return codes.count == 1 ? .value(.choice(codes[0])) : .absent
        case .countGroups(let question, let groups):
            guard case .value(let chosen) = lookup(.question(question)) else { return lookup(.question(question)) }
            let count = groups.filter { group in group.codes.contains { chosen.codes.contains($0) } }.count
            return .value(.integer(count))
        case .medicationClasses(let question):
            guard case .value(.medications(let names)) = lookup(.question(question)) else { return lookup(.question(question)) }
            var classes: [String] = []
            for name in names {
                for code in lexicon.match(name).classes where !classes.contains(code) { classes.append(code) }
            }
            let ordered = lexicon.classes.map(\.code).filter(classes.contains)
            return .value(.choices(ordered))
        case .includesValue(let question, let subject):
            let set = lookup(.question(question))
            let item = lookup(subject)
            switch (set, item) {
            case (.value(let chosen), .value(let value)):
                guard let code = value.codes.first else { return .value(.yesNo(false)) }
                return .value(.yesNo(chosen.codes.contains(code)))
            case (.unknown, _), (_, .unknown): return .unknown
            default: return .value(.yesNo(false))
            }
        }
    }

    private func exclusiveCodes(of question: String) -> Set<String> {
        guard case .fixed(let options)? = answers.questionnaire.node(question)?.spec.choiceSource else { return [] }
        return Set(options.filter(\.exclusive).map(\.code))
    }

    /// Numbers from every lookup, or the first unknown / absent.
    private func combine(_ found: [Lookup], _ make: ([Double]) -> AnswerValue) -> Lookup {
        var numbers: [Double] = []
        var sawAbsent = false
        for item in found {
            switch item {
            case .unknown: return .unknown
            case .absent: sawAbsent = true
            case .value(let value):
                guard let number = value.numeric else { return .unknown }
                numbers.append(number)
            }
        }
        if sawAbsent || numbers.isEmpty { return .absent }
        return .value(make(numbers))
    }
}
