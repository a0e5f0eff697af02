import QuestionnaireModel

/// What a therapist must see before anything else: the person's own words,
/// the positions they cannot lie in, the areas to avoid or take care with,
/// and their consent. A report shows these at the top (and the areas on the
/// body map), never only in the answers table at the bottom.
public struct ClientNotes: Sendable, Equatable {
    /// Every answer typed as free text, with its question's short label.
    public var ownWords: [OwnWords] = []
    /// The positions the person cannot lie in, in words.
    public var positions: [Position] = []
    /// Consent, when the questionnaire asks for it.
    public var consent: Consent?
    /// The questions these notes show in full, so the answers table need
    /// not repeat them.
    public var questions: [String] = []

    public init(ownWords: [OwnWords] = [], positions: [Position] = [], consent: Consent? = nil) {
        self.ownWords = ownWords
        self.positions = positions
        self.consent = consent
    }

    /// An answer in the person's own words.
    public struct OwnWords: Sendable, Equatable {
        public var label: String
        public var text: String

        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }
    }

    /// A position the person cannot lie in.
    public struct Position: Sendable, Equatable {
        /// The option's code (`cannot-lie-face-down`).
        public var code: String
        /// In words a therapist reads ("Can't lie face down").
        public var label: String

        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// The answer to the consent question.
    public struct Consent: Sendable, Equatable {
        /// What was agreed to, as the question's short label.
        public var label: String
        /// The answer in words, or nil when it was not answered.
        public var answer: String?
        /// Whether the answer was yes.
        public var given: Bool

        public init(label: String, answer: String?, given: Bool) {
            self.label = label
            self.answer = answer
            self.given = given
        }
    }

    /// The question ids CLINICAL.md gives positions and consent.
    static let positionQuestion = "positioning_limits"
    static let consentQuestions = ["consent", "guardian_consent"]

    /// The notes in `answers` to `questionnaire`.
    public init(answers: [String: Answer], questionnaire: Questionnaire) {
        for node in questionnaire.nodes {
            guard let answer = answers[node.id] else { continue }
            if case .text(let text) = answer.value, !text.allSatisfy(\.isWhitespace) {
                ownWords.append(OwnWords(label: node.summaryLabel, text: text))
                questions.append(node.id)
            }
        }
        if let node = questionnaire.node(Self.positionQuestion), let answer = answers[node.id] {
            questions.append(node.id)
            positions = answer.value.codes.filter { $0 != "none" }.map { code in
                Position(code: code, label: (questionnaire.language == .english ? Self.positionWords[code] : nil) ?? questionnaire.label(of: code, at: node))
            }
        }
        if let node = Self.consentQuestions.lazy.compactMap(questionnaire.node).first {
            let answer = answers[node.id]
            if answer != nil { questions.append(node.id) }
            let given: Bool = switch answer?.value {
            case .yesNo(let yes)?: yes
            case .choice(let code)?: code == "yes"
            default: false
            }
            consent = Consent(label: node.summaryLabel, answer: answer.map { questionnaire.describe($0.value, at: node) }, given: given)
        }
    }

    /// Positions in the third person, for a therapist (the options speak
    /// in the first: "Can't lie flat on my back").
    static let positionWords = [
        "cannot-lie-face-down": "Can't lie face down",
        "cannot-lie-flat": "Can't lie flat on the back",
    ]
}

// MARK: - Areas to avoid

/// An area of the body to avoid or take care with, and why.
public struct AvoidedArea: Sendable, Equatable {
    /// The region code (`knee-left`).
    public var code: String
    /// Why, in words: the question that named it ("recent surgery,
    /// fracture, injury or injection"), or the person's own words.
    public var reasons: [Reason]

    public init(code: String, reasons: [Reason]) {
        self.code = code
        self.reasons = reasons
    }

    public enum Reason: Sendable, Equatable {
        /// A region question other than where it hurts.
        case question(String)
        /// A body part named in a free-text answer, as written there; the
        /// side was not said when it is `unsided`.
        case ownWords(String, unsided: Bool)
    }
}

extension BodyAreas {
    /// Why each question that names regions other than where it hurts asks,
    /// in words for the map's caption; other questions are named by their label.
    static let regionQuestionReasons = [
        "recent_event_site": "recent surgery, fracture, injury or injection",
        "skin_site": "wound, rash or skin infection",
        "varicose_site": "varicose veins",
        "device_site": "implanted device",
        "lymphoedema_site": "lymphoedema",
    ]

    /// The areas to avoid in `answers`: every region question other than
    /// the pain questions (`painQuestions`), and body parts named in
    /// free-text answers, matched against the region options' names.
    static func avoided(answers: [String: Answer], questionnaire: Questionnaire, regionQuestions: [Node], painQuestions: Set<String>) -> [AvoidedArea] {
        var areas: [AvoidedArea] = []
        func add(_ code: String, _ reason: AvoidedArea.Reason) {
            if let index = areas.firstIndex(where: { $0.code == code }) {
                if !areas[index].reasons.contains(reason) { areas[index].reasons.append(reason) }
            } else {
                areas.append(AvoidedArea(code: code, reasons: [reason]))
            }
        }
        let regionCodes = Set(regionCodes)
        for node in regionQuestions where !painQuestions.contains(node.id) {
            for code in answers[node.id]?.value.codes ?? [] where regionCodes.contains(code) {
                add(code, .question(regionQuestionReasons[node.id] ?? node.summaryLabel))
            }
        }
        if let vocabulary = regionQuestions.first.flatMap(BodyWords.init) {
            for node in questionnaire.nodes {
                guard case .text(let text)? = answers[node.id]?.value else { continue }
                for found in vocabulary.find(in: text) {
                    for code in found.codes { add(code, .ownWords(found.words, unsided: found.unsided)) }
                }
            }
        }
        return areas
    }
}

/// Body parts named in free text, read with the names of a region
/// question's options ("left knee", "calf", "shoulder blades"): a side said
/// before a part ("left", "r", "both", "left and right") picks that side;
/// a sided part named without one ("no feet") is both sides.
struct BodyWords {
    /// One way of naming a part: its words, and the codes it names on each side.
    struct Term {
        var words: [String]
        /// The codes for a part on the midline, or for the side the term itself says.
        var codes: [String]
        /// For a part named without a side: its left and right codes.
        var sides: (left: String, right: String)?
    }

    let terms: [Term]

    /// The vocabulary of a question whose options are the region codes.
    init?(_ node: Node) {
        guard case .fixed(let options)? = node.spec.choiceSource else { return nil }
        let regionCodes = Set(BodyAreas.regionCodes)
        var terms: [Term] = []
        for option in options where regionCodes.contains(option.code) {
            let sided = option.code.hasSuffix("-left") || option.code.hasSuffix("-right")
            let base = sided ? String(option.code.dropLast(option.code.hasSuffix("-left") ? 5 : 6)) : option.code
            for name in [option.label] + option.aliases {
                var words = Self.words(name)
                let side = words.first.flatMap(Self.side)
                if sided, side != nil { words.removeFirst() }
                guard !words.isEmpty, !words.allSatisfy({ Self.side($0) != nil }) else { continue }
                for form in Self.forms(words) {
                    if sided {
                        terms.append(Term(words: form, codes: [], sides: ("\(base)-left", "\(base)-right")))
                    } else {
                        terms.append(Term(words: form, codes: [option.code], sides: nil))
                    }
                }
            }
        }
        // Longest first, so "upper back" wins over a shorter name inside it.
        self.terms = terms.sorted { $0.words.count > $1.words.count }
        if self.terms.isEmpty { return nil }
    }

    /// What `text` names: the words (lower case), the codes, and whether
    /// a part that has sides was named without one.
    func find(in text: String) -> [(words: String, codes: [String], unsided: Bool)] {
        let words = Self.words(text)
        var found: [(words: String, codes: [String], unsided: Bool)] = []
        var index = 0
        while index < words.count {
            guard let term = terms.first(where: { term in
                index + term.words.count <= words.count && zip(words[index..<index + term.words.count], term.words).allSatisfy(Self.same)
            }) else {
                index += 1
                continue
            }
            var phrase = term.words
            var codes = term.codes
            var unsided = false
            if let sides = term.sides {
                // The sides said just before: "left", "right knee", "left and right".
                var said: Set<String> = []
                var back = index - 1
                while back >= 0, let side = Self.side(words[back]) ?? (["and", "or", "및", "그리고", "또는"].contains(words[back]) ? "" : nil) {
                    if !side.isEmpty { said.insert(side) }
                    phrase.insert(words[back], at: 0)
                    back -= 1
                }
                while let first = phrase.first, first == "and" || first == "or" { phrase.removeFirst() }
                let left = said.isEmpty || said.contains("left") || said.contains("both")
                let right = said.isEmpty || said.contains("right") || said.contains("both")
                codes = (left ? [sides.left] : []) + (right ? [sides.right] : [])
                unsided = said.isEmpty
            }
            found.append((phrase.joined(separator: " "), codes, unsided))
            index += term.words.count
        }
        return found
    }

    /// "left", "right" or "both" for a word saying a side (in Korean too,
    /// with a particle: "왼쪽과 오른쪽 무릎").
    static func side(_ word: String) -> String? {
        switch word {
        case "left", "l", "왼쪽", "좌측", "왼편": "left"
        case "right", "r", "오른쪽", "우측", "오른편": "right"
        case "both", "양쪽", "양측": "both"
        default: stem(word).flatMap(side)
        }
    }

    /// Whether a word of the text is a word of a name: the same, or in
    /// Korean the same with a particle after it ("발은", "무릎을", "허리에").
    static func same(_ typed: String, _ name: String) -> Bool {
        typed == name || stem(typed) == name
    }

    /// A Korean word without the particle at its end; nil when it has none.
    static func stem(_ word: String) -> String? {
        guard word.unicodeScalars.last.map({ (0xAC00...0xD7A3).contains($0.value) }) == true else { return nil }
        for particle in ["에서는", "에는", "이랑", "하고", "까지", "은", "는", "을", "를", "이", "가", "에", "도", "만", "와", "과", "랑"]
        where word.hasSuffix(particle) && word.count > particle.count {
            return String(word.dropLast(particle.count))
        }
        return nil
    }

    /// Lower-case words of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A name and its plural ("knee", "knees"; "foot", "feet").
    static func forms(_ words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        let plural: String
        switch last {
        case "foot": plural = "feet"
        case _ where last.hasSuffix("s"): return [words]
        default: plural = last + "s"
        }
        return [words, words.dropLast() + [plural]]
    }
}
