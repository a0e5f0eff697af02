import QuestionnaireModel

/// The outcome a person came for: whether massage fits, why, and what to
/// discuss with the therapist. Built by `Assessment.assess`, a pure function
/// of the answers and the rules.
public struct Assessment: Sendable {
    /// One answer or derived value behind a rule, in words.
    public struct Reason: Sendable, Equatable {
        public var subject: Subject
        /// What it is ("Medicines", "PEG pain score").
        public var label: String
        /// Its value in words ("Eliquis 5 mg twice daily (anticoagulant)").
        public var value: String
    }

    /// A rule that fired.
    public struct FiredRule: Sendable, Equatable {
        public var id: String
        public var title: String
        public var effect: Effect
        /// The answers that made it fire.
        public var reasons: [Reason]
        public var discuss: String
        public var evidence: String
        /// Set when a conditional effect could not be decided and the more
        /// cautious one was taken.
        public var cautiousBecauseUnknown: Bool
    }

    /// A rule that could not be checked because answers it reads are missing.
    public struct UncheckedRule: Sendable, Equatable {
        public var id: String
        public var title: String
        /// The questions whose answers were missing.
        public var missing: [String]
    }

    /// What the medicines answer was found to hold.
    public struct Medicines: Sendable, Equatable {
        /// Entries with recognised medicines: the entry as typed, the generic
        /// names and their classes.
        public var recognised: [MedicationLexicon.Match]
        /// Entries that named nothing the lexicon knows, kept as typed.
        public var unrecognised: [String]
    }

    public var category: Category
    /// Every rule that fired, in the rules file's order.
    public var fired: [FiredRule]
    public var unchecked: [UncheckedRule]
    /// Points to discuss with the therapist, in order of importance.
    public var discussionPoints: [String]
    public var medicines: Medicines
    /// The derived values that could be computed, with their labels.
    public var derived: [(name: String, label: String, value: String)]
    public var disclaimer: String
    /// The questions still missing when the answers were partial.
    public var missingAnswers: [String]
    /// Whether a rule that could not be checked might raise the category:
    /// the outcome is then not settled until the missing answers are given.
    public var isProvisional: Bool
    /// Whether the category is the most urgent one (care is needed now):
    /// then only the urgent points are given, and nothing is said in favour
    /// of massage.
    public var needsCareNow: Bool = false

    /// Fired rules that raised or set the category.
    public var precautions: [FiredRule] { fired.filter { if case .category = $0.effect { true } else { false } } }
    /// Fired rules in favour of massage.
    public var supporting: [FiredRule] { fired.filter { $0.effect == .supports } }
    /// Fired rules that inform without changing the category.
    public var information: [FiredRule] { fired.filter { $0.effect == .information } }
}

extension Assessment: Equatable {
    public static func == (lhs: Assessment, rhs: Assessment) -> Bool {
        lhs.category == rhs.category && lhs.fired == rhs.fired && lhs.unchecked == rhs.unchecked
            && lhs.discussionPoints == rhs.discussionPoints && lhs.medicines == rhs.medicines
            && lhs.disclaimer == rhs.disclaimer && lhs.missingAnswers == rhs.missingAnswers && lhs.isProvisional == rhs.isProvisional
            && lhs.needsCareNow == rhs.needsCareNow
            && lhs.derived.map(\.name) == rhs.derived.map(\.name) && lhs.derived.map(\.value) == rhs.derived.map(\.value)
    }
}

extension Assessment {
    /// Scores one person's answers with `rules`.
    public static func assess(_ answers: AnswerSet, rules: RuleSet, lexicon: MedicationLexicon) -> Assessment {
        let context = ScoringContext(answers: answers, rules: rules, lexicon: lexicon)
        let words = Wording(context: context)
        var fired: [FiredRule] = []
        var unchecked: [UncheckedRule] = []
        var missing: [String] = []
        for rule in rules.rules {
            let truth = rule.condition?.evaluate(context.lookup) ?? .yes
            switch truth {
            case .no:
                continue
            case .unknown:
                let unknown = words.missingQuestions(in: rule.condition)
                for id in unknown where !missing.contains(id) { missing.append(id) }
                unchecked.append(UncheckedRule(id: rule.id, title: rule.title, missing: unknown))
            case .yes:
                let (effect, cautious) = resolve(rule.effect, context: context, rules: rules)
                let reasons = (rule.condition?.reasons(context.lookup) ?? []).compactMap { subject in
                    words.reason(subject, codes: rule.condition?.codesTested(for: subject))
                }
                fired.append(FiredRule(id: rule.id, title: rule.title, effect: effect, reasons: reasons, discuss: rule.discuss, evidence: rule.evidence, cautiousBecauseUnknown: cautious))
            }
        }
        let category = categoryOf(fired, rules: rules)
        let currentRank = rules.rank(of: category.code) ?? rules.categories.count
        let uncheckedIDs = Set(unchecked.map(\.id))
        let provisional = rules.rules.contains { rule in
            uncheckedIDs.contains(rule.id) && highestRank(of: rule.effect, rules: rules) < currentRank
        }
        let points = discussionPoints(fired, category: category, context: context, words: words)
        let derived = rules.derived.compactMap { value -> (String, String, String)? in
            guard case .value(let found) = context.values[value.name] else { return nil }
            return (value.name, value.label, words.describe(found, of: .value(value.name)))
        }
        return Assessment(
            category: category, fired: fired, unchecked: unchecked, discussionPoints: points,
            medicines: words.medicines(), derived: derived.map { (name: $0.0, label: $0.1, value: $0.2) },
            disclaimer: rules.disclaimer, missingAnswers: missing, isProvisional: provisional,
            needsCareNow: rules.rank(of: category.code) == 0 && rules.categories.count > 1)
    }

    /// The most urgent category an effect can set (its rank), or past the end.
    static func highestRank(of effect: RuleEffect, rules: RuleSet) -> Int {
        func rank(_ effect: Effect) -> Int {
            if case .category(let code) = effect { return rules.rank(of: code) ?? Int.max }
            return Int.max
        }
        switch effect {
        case .fixed(let effect): return rank(effect)
        case .conditional(_, let then, let otherwise): return min(rank(then), rank(otherwise))
        }
    }

    static func resolve(_ effect: RuleEffect, context: ScoringContext, rules: RuleSet) -> (Effect, Bool) {
        switch effect {
        case .fixed(let effect):
            return (effect, false)
        case .conditional(let condition, let then, let otherwise):
            switch condition.evaluate(context.lookup) {
            case .yes: return (then, false)
            case .no: return (otherwise, false)
            case .unknown:
                // When it cannot be told, the more cautious outcome is taken.
                func rank(_ effect: Effect) -> Int {
                    if case .category(let code) = effect { return rules.rank(of: code) ?? Int.max }
                    return Int.max
                }
                return (rank(then) <= rank(otherwise) ? then : otherwise, true)
            }
        }
    }

    /// The highest category any fired rule raises to, or the last (default) one.
    static func categoryOf(_ fired: [FiredRule], rules: RuleSet) -> Category {
        var best = rules.categories.count - 1
        for rule in fired {
            if case .category(let code) = rule.effect, let rank = rules.rank(of: code) { best = min(best, rank) }
        }
        return rules.categories[best]
    }

    /// The points to discuss, most important first: urgent and check-first
    /// rules, precautions with any pressure call-out, information, then the
    /// factors in favour. When care is needed now, only the urgent points are
    /// given: the rest can wait until a doctor has seen the person.
    static func discussionPoints(_ fired: [FiredRule], category: Category, context: ScoringContext, words: Wording) -> [String] {
        let rules = context.rules
        // Rules that always fire (how often to come) close the list.
        let always = Set(rules.rules.filter { $0.condition == nil }.map(\.id))
        func rank(_ rule: FiredRule) -> Int {
            if always.contains(rule.id) { return rules.categories.count + 2 }
            switch rule.effect {
            case .category(let code): return rules.rank(of: code) ?? rules.categories.count
            case .information: return rules.categories.count
            case .supports: return rules.categories.count + 1
            }
        }
        let urgent = rules.rank(of: category.code) == 0 && rules.categories.count > 1
        let ordered = fired.enumerated().sorted(by: { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }).map(\.element)
        let pressure = urgent ? nil : pressureNote(for: ordered, context: context)
        var points: [String] = []
        var pressureShown = false
        for (index, rule) in ordered.enumerated() {
            if urgent, rank(rule) != 0 { continue }
            points.append(rule.discuss)
            // One call-out, after the last precaution that limits pressure.
            if let pressure, !pressureShown, pressure.rules.contains(rule.id),
               !ordered[(index + 1)...].contains(where: { pressure.rules.contains($0.id) }) {
                points.append(pressure.text)
                pressureShown = true
            }
        }
        return points
    }

    /// One call-out when the person asked for more pressure than the fired
    /// precautions allow: the strictest limit, naming every rule that sets one
    /// below the preference.
    static func pressureNote(for fired: [FiredRule], context: ScoringContext) -> (text: String, rules: Set<String>)? {
        guard let scale = context.rules.pressure,
              case .value(.choice(let preferred)) = context.lookup(.question(scale.question)),
              let preferredRank = scale.order.firstIndex(of: preferred),
              let node = context.answers.questionnaire.node(scale.question)
        else { return nil }
        // Each rule's limit, looked up once: a rules file may hold thousands.
        var limits: [String: String] = [:]
        for rule in context.rules.rules { if let limit = rule.maxPressure, limits[rule.id] == nil { limits[rule.id] = limit } }
        var limiting: [(rule: FiredRule, allowed: Int)] = []
        for rule in fired {
            guard let limit = limits[rule.id], let allowed = scale.order.firstIndex(of: limit), allowed < preferredRank else { continue }
            limiting.append((rule, allowed))
        }
        guard let strictest = limiting.map(\.allowed).min() else { return nil }
        let questionnaire = context.answers.questionnaire
        func words(_ rank: Int) -> String { questionnaire.label(of: scale.order[rank], at: node).lowercased() }
        func list(_ items: [String]) -> String {
            items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
        // Each limit said with the rules that set it, strictest first: two
        // rules may allow different pressures.
        let levels = Set(limiting.map(\.allowed)).sorted()
        let clauses = levels.map { level -> String in
            let titles = limiting.filter { $0.allowed == level }.map { lowercasedStart($0.rule.title) }
            return "\(list(titles)) \(titles.count == 1 ? "calls" : "call") for no more than \(words(level)) pressure"
        }
        let text = "Pressure: \(words(preferredRank)) pressure was asked for, but \(list(clauses)). Agree on \(words(strictest)) pressure with the therapist."
        return (text, Set(limiting.map(\.rule.id)))
    }

    /// "Bleeding risk" → "bleeding risk", but "PHQ-4 score" stays as it is.
    static func lowercasedStart(_ title: String) -> String {
        guard let first = title.first, title.dropFirst().first?.isUppercase != true else { return title }
        return first.lowercased() + title.dropFirst()
    }
}
