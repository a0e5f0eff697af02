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
    /// Worded for a language (`worded(_:)`); their codes and order never change.
    public internal(set) var categories: [Category]
    /// Their labels are worded for a language (`worded(_:)`).
    public internal(set) var derived: [DerivedValue]
    public var pressure: PressureScale?
    public var rules: [Rule]
    /// What to say with a rule marked `crisis` (thoughts of self-harm): a
    /// clinic sets its own crisis line here.
    public var crisisText: String?
    /// Follow-up answers read the cautious way when they are missing.
    public var assumptions: [Assumption] = []
    /// Questions whose answers go at the top of a therapist's report
    /// (consent, the person's own words).
    public var atTop: [String] = []
    /// The texts that overlay the file's own words for other audiences and
    /// languages (its `reception` objects); `worded(_:)` applies them.
    public var texts = TextCatalog<RuleText>()
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

    /// Where a fired rule's point goes: its own `section`, else "before
    /// booking" for the categories above the last two (see a doctor first),
    /// else "with the therapist".
    public func section(of rule: Rule, effect: Effect) -> Section {
        if let section = rule.section { return section }
        if case .category(let code) = effect, let rank = rank(of: code), rank < categories.count - 2 { return .beforeBooking }
        return .therapist
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
    /// What the last category says instead when something below still
    /// needs reading first (an unrecognised medicine, a provisional result,
    /// a mood screen): it must never say "nothing calls for precautions" then.
    public var notedSelfText: String?
    public var notedReceptionText: String?
}

/// Who acts on a point of the assessment.
public enum Section: String, Sendable, CaseIterable {
    /// What the person does first: see a doctor, reschedule.
    case beforeBooking = "before-booking"
    /// Pressure, techniques, areas, positions, products, how often.
    case therapist
    /// Mood, severe impact, self-harm support.
    case widerCare = "wider-care"
}

/// A follow-up answer read the cautious way when it is missing: when
/// `condition` holds (the follow-up is reached) and the question has no
/// answer, the assessment reads `value` and says "assumed, not answered".
public struct Assumption: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case answer(AnswerValue)
        /// The codes of a derived value holding one code (the main pain area).
        case derived(String)
    }

    public var question: String
    public var condition: Condition
    public var value: Value
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
    /// The point to discuss with the massage therapist, every piece of it.
    public var discuss: String
    /// The point as said for one person: pieces that apply, placeholders filled.
    public var discussText: RuleText
    /// For a rule of the most urgent category: what the headline says
    /// when it fires (the most urgent advice, in the point's own words).
    public var headline: RuleText?
    /// Who acts on the point; nil: decided by the effect.
    public var section: Section?
    /// Said before anything else (no consent, thoughts of self-harm).
    public var first = false
    /// The crisis text goes with the point.
    public var crisis = false
    /// The evidence behind the rule, with its sources.
    public var evidence: String
}

/// The order of pressure preferences, lightest first.
public struct PressureScale: Sendable {
    /// The question holding the person's preference.
    public var question: String
    public var order: [String]
    /// Each code in the shared words of a pressure scale ("Walton level
    /// 1-2"), said with the lowest limit; may be empty.
    public var levels: [String: String] = [:]
}
