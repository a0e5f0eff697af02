import QuestionnaireModel

/// The massage-fit rules for one questionnaire, loaded from a rules file
/// beside it (`massage-intake.rules.json`) and checked against it.
public struct RuleSet: Sendable {
    /// The id of the questionnaire these rules read.
    public var questionnaire: String
    public var version: String
    /// The medicines lexicon file, relative to the rules file.
    public var medicationsFile: String?
    public var disclaimer: String
    /// Categories from the highest precedence to the lowest; the last is the
    /// outcome when no rule raises it.
    public let categories: [Category]
    public let derived: [DerivedValue]
    public var pressure: PressureScale?
    public var rules: [Rule]
    /// Positions in `derived` and `categories` by name, for lookups made for
    /// every condition: a rules file may hold thousands.
    private let derivedIndex: [String: Int]
    private let categoryIndex: [String: Int]

    init(questionnaire: String, version: String, medicationsFile: String?, disclaimer: String, categories: [Category],
         derived: [DerivedValue], pressure: PressureScale?, rules: [Rule]) {
        self.questionnaire = questionnaire
        self.version = version
        self.medicationsFile = medicationsFile
        self.disclaimer = disclaimer
        self.categories = categories
        self.derived = derived
        self.pressure = pressure
        self.rules = rules
        derivedIndex = Dictionary(derived.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        categoryIndex = Dictionary(categories.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The category with `code`.
    public func category(_ code: String) -> Category? {
        categoryIndex[code].map { categories[$0] }
    }

    /// The position of a category in precedence order (0 is the highest).
    public func rank(of code: String) -> Int? {
        categoryIndex[code]
    }

    /// The questions a subject is read or computed from.
    public func questionsBehind(_ subject: Subject) -> [String] {
        switch subject {
        case .question(let id): return [id]
        case .value(let name):
            guard let derived = derivedValue(name) else { return [] }
            switch derived.formula {
            case .mean(let questions): return questions
            case .sum(let items): return items.map(\.question)
            case .holds(let condition): return condition.subjects.flatMap(questionsBehind)
            case .answerOr(let question, let other): return [question, other]
            case .countGroups(let question, _), .medicationClasses(let question): return [question]
            case .includesValue(let question, let value): return [question] + questionsBehind(value)
            }
        }
    }

    /// The derived value called `name`.
    public func derivedValue(_ name: String) -> DerivedValue? {
        derivedIndex[name].map { derived[$0] }
    }
}

/// An outcome of the assessment, such as `fit-with-precautions`.
public struct Category: Sendable, Equatable {
    public var code: String
    public var title: String
    /// What it means, said to the person themselves.
    public var selfText: String
    /// What it means, said to a staff member about a client.
    public var receptionText: String
}

/// What a rule does when it fires.
public enum Effect: Sendable, Equatable, CustomStringConvertible {
    /// Raises the outcome to at least this category.
    case category(String)
    /// Information to pass on; the category is not changed.
    case information
    /// A factor in favour of massage; the category is not changed.
    case supports

    public init(_ code: String) {
        switch code {
        case "information": self = .information
        case "supports": self = .supports
        default: self = .category(code)
        }
    }

    public var description: String {
        switch self {
        case .category(let code): code
        case .information: "information"
        case .supports: "supports"
        }
    }
}

/// A rule's effect: fixed, or chosen by a further condition.
public enum RuleEffect: Sendable, Equatable {
    case fixed(Effect)
    /// `then` when the condition holds, `otherwise` when it does not; when
    /// it cannot be told, the more cautious of the two.
    case conditional(Condition, then: Effect, otherwise: Effect)
}

/// One rule of CLINICAL.md: when it fires, what it does, and what to say.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    /// Nil for a rule that always fires.
    public var condition: Condition?
    public var effect: RuleEffect
    /// The highest pressure the precaution allows, a code of the pressure scale.
    public var maxPressure: String?
    /// The point to discuss with the massage therapist.
    public var discuss: String
    /// The evidence behind the rule, with its sources.
    public var evidence: String
}

/// The order of pressure preferences, lightest first.
public struct PressureScale: Sendable {
    /// The question holding the person's preference.
    public var question: String
    public var order: [String]
}
