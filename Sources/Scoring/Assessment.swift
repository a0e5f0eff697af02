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
        /// Who acts on its point.
        public var section: Section = .therapist
        /// Said before anything else.
        public var first = false
    }

    /// A follow-up answer that was missing and read the cautious way.
    public struct AssumedAnswer: Sendable, Equatable {
        public var question: String
        public var label: String
        /// The answer assumed, in words.
        public var value: String
    }

    /// The lowest pressure limit of the precautions that fired.
    public struct PressureCap: Sendable, Equatable {
        /// The code of the pressure scale ("light").
        public var code: String
        /// The limit in words: "light (Walton level 1-2)".
        public var words: String
        /// The titles of the rules that set this lowest limit.
        public var rules: [String]
        /// Whether the person asked for more than the limit.
        public var preferenceAbove: Bool
        /// The point as said: the limit, the rules, and any call-out.
        public var text: String
    }

    /// A medicine name that is not known but is near one that is.
    public struct PossibleMatch: Sendable, Equatable {
        /// The entry as typed ("warfrin 5 mg daily").
        public var entry: String
        /// The word not known ("warfrin").
        public var typed: String
        /// The known name it is near ("warfarin").
        public var name: String
        /// What that medicine is ("blood thinner (anticoagulant)").
        public var classLabel: String
    }

    /// The points of one section, for whoever acts on them.
    public struct SectionPoints: Sendable, Equatable {
        public var section: Section
        public var points: [String]
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
        /// Words near a known name, never taken as it: with no one to ask,
        /// they leave the assessment provisional.
        public var possibleMatches: [PossibleMatch] = []
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
    /// Missing follow-ups read the cautious way ("assumed, not answered").
    public var assumptions: [AssumedAnswer] = []
    /// The lowest pressure limit, when a precaution sets one.
    public var pressureCap: PressureCap?
    /// The clinic's crisis text, when a rule that carries it fired.
    public var crisisText: String?
    /// The points said before anything else (no consent, self-harm).
    public var firstPoints: [String] = []
    /// The discussion points by who acts on them, in section order; empty
    /// sections left out.
    public var sections: [SectionPoints] = []
    /// Answers said at the top of a therapist's report (consent, the
    /// person's own words).
    public var atTop: [Reason] = []
    /// What the headline says under the title, to the person and at
    /// reception: never "nothing calls for precautions" when something
    /// below must be read first.
    public var headlineSelf: String = ""
    public var headlineReception: String = ""
    /// Why the plain good-fit words were not used: what to read below.
    public var headlineNotes: [String] = []

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
            && lhs.needsCareNow == rhs.needsCareNow && lhs.assumptions == rhs.assumptions && lhs.pressureCap == rhs.pressureCap
            && lhs.sections == rhs.sections && lhs.headlineSelf == rhs.headlineSelf && lhs.headlineNotes == rhs.headlineNotes
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
                var reasons = (rule.condition?.reasons(context.lookup) ?? []).compactMap { subject in
                    words.reason(subject, codes: rule.condition?.codesThatHeld(for: subject, context.lookup))
                }
                // The answer that chose a conditional effect is a reason too
                // ("Parent or guardian present: No" raises minor-consent).
                if case .conditional(let chooser, _, _) = rule.effect {
                    for subject in chooser.reasons(context.lookup) where !reasons.contains(where: { $0.subject == subject }) {
                        if let reason = words.reason(subject, codes: chooser.codesThatHeld(for: subject, context.lookup)) { reasons.append(reason) }
                    }
                }
                var discuss = rule.discussText.resolve(context.lookup, words: words.placeholder)
                if rule.crisis, let crisis = rules.crisisText { discuss += " " + crisis }
                var firedRule = FiredRule(
                    id: rule.id, title: rule.title, effect: effect, reasons: reasons, discuss: discuss, evidence: rule.evidence,
                    cautiousBecauseUnknown: cautious)
                firedRule.section = rules.section(of: rule, effect: effect)
                firedRule.first = rule.first
                fired.append(firedRule)
            }
        }
        let category = categoryOf(fired, rules: rules)
        let currentRank = rules.rank(of: category.code) ?? rules.categories.count
        let uncheckedIDs = Set(unchecked.map(\.id))
        let needsCareNow = rules.rank(of: category.code) == 0 && rules.categories.count > 1
        let medicines = words.medicines()
        let assumptions = context.assumed.compactMap { item -> AssumedAnswer? in
            guard let node = context.answers.questionnaire.node(item.question) else { return nil }
            return AssumedAnswer(question: item.question, label: node.summaryLabel, value: context.answers.questionnaire.describe(item.value, at: node))
        }
        // An urgent stop is final: nothing missing or assumed can change it.
        let provisional = !needsCareNow && (rules.rules.contains { rule in
            uncheckedIDs.contains(rule.id) && highestRank(of: rule.effect, rules: rules) < currentRank
        } || !assumptions.isEmpty || !medicines.possibleMatches.isEmpty)
        let cap = needsCareNow ? nil : pressureCap(for: fired, context: context)
        let entries = pointEntries(fired, category: category, context: context, cap: cap)
        let derived = rules.derived.compactMap { value -> (String, String, String)? in
            guard case .value(let found) = context.values[value.name] else { return nil }
            return (value.name, value.label, words.describe(found, of: .value(value.name)))
        }
        var assessment = Assessment(
            category: category, fired: fired, unchecked: unchecked, discussionPoints: entries.map(\.text),
            medicines: medicines, derived: derived.map { (name: $0.0, label: $0.1, value: $0.2) },
            disclaimer: rules.disclaimer, missingAnswers: missing, isProvisional: provisional,
            needsCareNow: needsCareNow)
        assessment.assumptions = needsCareNow ? [] : assumptions
        assessment.pressureCap = cap
        let crisisRules = Set(rules.rules.filter(\.crisis).map(\.id))
        assessment.crisisText = fired.contains { crisisRules.contains($0.id) } ? rules.crisisText : nil
        assessment.firstPoints = entries.filter(\.first).map(\.text)
        assessment.sections = Section.allCases.compactMap { section in
            let points = entries.filter { !$0.first && $0.section == section }.map(\.text)
            return points.isEmpty ? nil : SectionPoints(section: section, points: points)
        }
        assessment.atTop = rules.atTop.compactMap { words.reason(.question($0)) }
        assessment.setHeadline(rules: rules, context: context, words: words)
        return assessment
    }

    /// The headline under the title. For the most urgent category, the
    /// most urgent advice of the rules that fired, in their own words; for
    /// the last category, its plain words only when nothing below must be
    /// read first (no provisional result, every medicine recognised, no
    /// point for the person's wider care or said first), else its noted words
    /// and what to read.
    mutating func setHeadline(rules: RuleSet, context: ScoringContext, words: Wording) {
        headlineSelf = category.selfText
        headlineReception = category.receptionText
        if needsCareNow {
            let firedIDs = Set(fired.map(\.id))
            let urgent = rules.rules.filter { rule in rule.headline != nil && firedIDs.contains(rule.id) }
            if let rule = urgent.first, let headline = rule.headline {
                let text = headline.resolve(context.lookup, words: words.placeholder)
                headlineSelf = text
                headlineReception = text
            }
            return
        }
        var notes: [String] = []
        // In the questionnaire's language, each piece worded on its own.
        let say = ProgramWords(TextVariant(language: context.answers.questionnaire.language, audience: .self))
        if isProvisional {
            let pieces = assumptions.map { say("\($0.label.lowercased()) was assumed, not answered") } + medicines.possibleMatches.map { say("'\($0.typed)' may be \($0.name)") }
            notes.append(pieces.isEmpty
                ? say("some answers are missing, so the result is provisional")
                : "\(say.word("the result is provisional:")) \(pieces.joined(separator: "; "))")
        }
        if !medicines.unrecognised.isEmpty {
            notes.append("\(say.word("medicines not recognised:")) \(medicines.unrecognised.map { "'\($0)'" }.joined(separator: ", "))")
        }
        for rule in fired where rule.first || rule.section == .widerCare {
            notes.append(Self.lowercasedStart(rule.title))
        }
        headlineNotes = notes
        let last = rules.categories.count - 1
        guard !notes.isEmpty, rules.rank(of: category.code) == last else { return }
        headlineSelf = category.notedSelfText ?? "Massage may be a reasonable part of your plan, but first read the points below: they need attention before you book."
        headlineReception = category.notedReceptionText ?? "Massage may fit the client's plan, but the points below need attention before booking."
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

    /// One discussion point, with who acts on it.
    struct PointEntry {
        var text: String
        var section: Section
        var first: Bool
    }

    /// The points to discuss, most important first: points said first,
    /// urgent and check-first rules, precautions with the pressure limit,
    /// information, then the factors in favour. When care is needed now,
    /// only the urgent points are given: the rest can wait until a doctor
    /// has seen the person.
    static func pointEntries(_ fired: [FiredRule], category: Category, context: ScoringContext, cap: PressureCap?) -> [PointEntry] {
        let rules = context.rules
        // Rules that always fire (how often to come) close the list.
        let always = Set(rules.rules.filter { $0.condition == nil }.map(\.id))
        func rank(_ rule: FiredRule) -> Int {
            if rule.first { return -1 }
            if always.contains(rule.id) { return rules.categories.count + 2 }
            switch rule.effect {
            case .category(let code): return rules.rank(of: code) ?? rules.categories.count
            case .information: return rules.categories.count
            case .supports: return rules.categories.count + 1
            }
        }
        let urgent = rules.rank(of: category.code) == 0 && rules.categories.count > 1
        let ordered = fired.enumerated().sorted(by: { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }).map(\.element)
        let limiting = Set(rules.rules.filter { $0.maxPressure != nil }.map(\.id))
        var points: [PointEntry] = []
        var capShown = false
        for (index, rule) in ordered.enumerated() {
            if urgent, rank(rule) > 0 { continue }
            points.append(PointEntry(text: rule.discuss, section: rule.section, first: rule.first))
            // One pressure point, after the last precaution that limits pressure.
            if let cap, !capShown, limiting.contains(rule.id), !ordered[(index + 1)...].contains(where: { limiting.contains($0.id) }) {
                points.append(PointEntry(text: cap.text, section: .therapist, first: false))
                capShown = true
            }
        }
        return points
    }

    /// The lowest pressure limit of the fired precautions, with the rules
    /// that set it and any others, and a call-out when the person asked for
    /// more. Without a pressure scale in the rules, nil.
    static func pressureCap(for fired: [FiredRule], context: ScoringContext) -> PressureCap? {
        guard let scale = context.rules.pressure, let node = context.answers.questionnaire.node(scale.question) else { return nil }
        // Each rule's limit, looked up once: a rules file may hold thousands.
        var limits: [String: String] = [:]
        for rule in context.rules.rules { if let limit = rule.maxPressure, limits[rule.id] == nil { limits[rule.id] = limit } }
        let limiting = fired.compactMap { rule -> (rule: FiredRule, allowed: Int)? in
            guard let limit = limits[rule.id], let allowed = scale.order.firstIndex(of: limit) else { return nil }
            return (rule, allowed)
        }
        guard let strictest = limiting.map(\.allowed).min() else { return nil }
        let questionnaire = context.answers.questionnaire
        func label(_ rank: Int) -> String { questionnaire.label(of: scale.order[rank], at: node).lowercased() }
        func words(_ rank: Int) -> String {
            scale.levels[scale.order[rank]].map { "\(label(rank)) (\($0))" } ?? label(rank)
        }
        func list(_ items: [String]) -> String {
            items.count == 1 ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
        let lowest = limiting.filter { $0.allowed == strictest }.map { lowercasedStart($0.rule.title) }
        // Each sentence worded on its own (the program's words in the
        // questionnaire's language), where its parts are known.
        let programWords = ProgramWords(TextVariant(language: questionnaire.language, audience: .self))
        func say(_ english: String) -> String { programWords(english) }
        var text = say("Pressure: no firmer than \(words(strictest)), the lowest limit here, because of \(list(lowest)).")
        let others = Set(limiting.map(\.allowed)).sorted().filter { $0 != strictest }
        for level in others {
            let titles = limiting.filter { $0.allowed == level }.map { lowercasedStart($0.rule.title) }
            let clause = list(titles)
            text += say(" (\(clause.prefix(1).uppercased() + clause.dropFirst()) alone would allow up to \(words(level)).)")
        }
        var above = false
        if case .value(.choice(let preferred)) = context.lookup(.question(scale.question)), let preferredRank = scale.order.firstIndex(of: preferred), preferredRank > strictest {
            above = true
            text += say(" \(questionnaire.label(of: preferred, at: node)) pressure was asked for, which is more than that: agree on \(label(strictest)) pressure with the therapist.")
        }
        return PressureCap(code: scale.order[strictest], words: words(strictest), rules: lowest, preferenceAbove: above, text: text)
    }

    /// "Bleeding risk" → "bleeding risk", but "PHQ-4 score" stays as it is.
    static func lowercasedStart(_ title: String) -> String {
        guard let first = title.first, title.dropFirst().first?.isUppercase != true else { return title }
        return first.lowercased() + title.dropFirst()
    }
}
