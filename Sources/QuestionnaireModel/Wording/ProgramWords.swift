/// The program's own messages (and the engine's: refusals, checks, command
/// summaries) in the words of a session's audience and language.
///
/// Messages are keyed by their English words to the person themselves, as
/// gettext keys its catalogues: a variant holds, for each phrase that
/// differs, the words that replace it. English reception replaces the
/// phrases that say "you" with ones that speak of the client; a language
/// adds its own table for each audience, looked up in `TextVariant`'s
/// order, without a change where a message is shown. Questionnaire and
/// rules texts never pass through here: they are worded by
/// `Content.worded(for:language:)`.
public struct ProgramWords: Sendable {
    public let variant: TextVariant
    /// Phrases from data rather than from the tables, tried first: the
    /// medicine classes' labels in the session's language (from the
    /// medicines names file), as the engine's English names them.
    public var phrases: [(String, String)] = []

    public init(_ variant: TextVariant = .original) {
        self.variant = variant
    }

    public init(_ variant: TextVariant, phrases: [(String, String)]) {
        self.variant = variant
        self.phrases = phrases
    }

    public init(audience: Audience) {
        self.init(TextVariant(audience: audience))
    }

    /// `message` in this variant's words: each table along the variant's
    /// lookup order replaces the phrases it has (the most specific first:
    /// Korean at reception, then Korean, then English at reception), the
    /// rest stays as written.
    ///
    /// A phrase may hold `{}` (any text) and `{n}` (a number): it then
    /// matches a message with those parts filled in, and its words put the
    /// parts where `{1}`, `{2}`... stand, so a language may order them its
    /// own way ("Question {n} - {}" → "{1}번째 질문 - {2}"); `{L1}` puts a
    /// part that is a list the program wrote with the language's joining
    /// words (`Template.listInKorean`).
    public func callAsFunction(_ message: String) -> String {
        guard variant != .original else { return message }
        // A whole message a word table has (a report's label or sentence).
        for candidate in variant.lookupOrder {
            if let words = Self.wordTables[candidate]?[message] { return words }
        }
        var result = message
        for (phrase, words) in phrases where result.contains(phrase) {
            result = result.replacing(phrase, with: words)
        }
        for candidate in variant.lookupOrder {
            guard let table = Self.tables[candidate] else { continue }
            for (phrase, words) in table {
                if phrase.contains("{") {
                    result = Template(phrase).replace(in: result, with: words)
                } else if result.contains(phrase) {
                    result = result.replacing(phrase, with: words)
                }
            }
        }
        return result
    }

    /// A word or short phrase the program puts beside other text ("missing",
    /// "possibly", "yes"), in this variant's words only when a table has
    /// exactly it: never replaced inside a longer message, where the same
    /// letters could be part of a person's answer.
    public func word(_ english: String) -> String {
        guard variant != .original else { return english }
        for candidate in variant.lookupOrder {
            if let words = Self.wordTables[candidate]?[english] ?? Self.tables[candidate]?.first(where: { $0.0 == english })?.1 { return words }
        }
        return english
    }

    /// Whether this variant has words of its own for program messages (a
    /// table of its language, or English).
    public static func speaks(_ language: Language) -> Bool {
        language == .english || tables.keys.contains { $0.language == language }
    }

    /// A phrase with parts to fill in.
    struct Template {
        enum Part: Equatable {
            case literal(String)
            case any
            case number
        }

        let parts: [Part]

        init(_ phrase: String) {
            var parts: [Part] = []
            var literal = ""
            var rest = Substring(phrase)
            while let first = rest.first {
                if rest.hasPrefix("{}") || rest.hasPrefix("{n}") {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(rest.hasPrefix("{}") ? .any : .number)
                    rest = rest.dropFirst(rest.hasPrefix("{}") ? 2 : 3)
                } else {
                    literal.append(first)
                    rest = rest.dropFirst()
                }
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            self.parts = parts
        }

        /// `text` with every match replaced by `words`, its `{1}`, `{2}`...
        /// filled with the parts matched.
        func replace(in text: String, with words: String) -> String {
            var result = ""
            var position = text.startIndex
            var searchFrom = text.startIndex
            while searchFrom < text.endIndex || (searchFrom == text.endIndex && parts.first == .any) {
                guard let (range, captures) = firstMatch(in: text, from: searchFrom) else { break }
                result += text[position..<range.lowerBound]
                var filled = words
                for (index, capture) in captures.enumerated() {
                    filled = filled.replacing("{L\(index + 1)}", with: Self.listInKorean(capture))
                    filled = filled.replacing("{\(index + 1)}", with: capture)
                }
                result += filled
                position = range.upperBound
                searchFrom = range.upperBound
                if range.isEmpty { break }
            }
            result += text[position...]
            return result
        }

        /// A list the program wrote in English ("'6 months' or '2 years'",
        /// "A, B and C") with its joining words in Korean: `{L1}` in a
        /// phrase's words puts part 1 so. Only for parts the program made
        /// (examples, labels, titles), never a person's own text.
        static func listInKorean(_ list: Substring) -> String {
            var text = String(list)
            for (joint, korean) in [(", or ", ", "), (", and ", ", "), (" or ", " 또는 "), (" and ", ", ")] {
                text = text.replacing(joint, with: korean)
            }
            return text
        }

        private func firstMatch(in text: String, from start: String.Index) -> (Range<String.Index>, [Substring])? {
            var candidate = start
            while candidate <= text.endIndex {
                if let (end, captures) = match(parts[...], in: text, at: candidate) {
                    return (candidate..<end, captures)
                }
                if candidate == text.endIndex { break }
                // Start where the first literal or number could.
                candidate = text.index(after: candidate)
                if case .literal(let first)? = parts.first {
                    guard let next = text[candidate...].firstRange(of: first) else { return nil }
                    candidate = next.lowerBound
                }
            }
            return nil
        }

        private func match(_ parts: ArraySlice<Part>, in text: String, at start: String.Index) -> (String.Index, [Substring])? {
            guard let part = parts.first else { return (start, []) }
            let rest = parts.dropFirst()
            switch part {
            case .literal(let literal):
                guard text[start...].hasPrefix(literal) else { return nil }
                return match(rest, in: text, at: text.index(start, offsetBy: literal.count))
            case .number:
                if start > text.startIndex, text[text.index(before: start)].isNumber { return nil }
                var end = start
                if end < text.endIndex, text[end] == "-" { end = text.index(after: end) }
                while end < text.endIndex, text[end].isASCII, text[end].isNumber || (text[end] == "." && end > start) { end = text.index(after: end) }
                while end > start, text[text.index(before: end)] == "." { end = text.index(before: end) }
                guard end > start, text[text.index(before: end)] != "-", let (after, captures) = match(rest, in: text, at: end) else { return nil }
                return (after, [text[start..<end]] + captures)
            case .any:
                // As little as will do (at least one character), up to the
                // next literal; to the end of the text when nothing follows.
                guard start < text.endIndex else { return nil }
                if rest.isEmpty { return (text.endIndex, [text[start...]]) }
                var end = text.index(after: start)
                while end <= text.endIndex {
                    if let (after, captures) = match(rest, in: text, at: end) { return (after, [text[start..<end]] + captures) }
                    if end == text.endIndex { break }
                    end = text.index(after: end)
                }
                return nil
            }
        }
    }

    /// Words looked up whole (`word(_:)`), by variant.
    static let wordTables: [TextVariant: [String: String]] = [
        TextVariant(language: "ko", audience: .self): koreanWords,
    ]

    /// Phrases in the order they are tried: longer ones before the shorter
    /// ones they hold.
    static let tables: [TextVariant: [(String, String)]] = [
        TextVariant(language: "ko", audience: .self): korean,
        TextVariant(language: "ko", audience: .reception): koreanReception,
        TextVariant(audience: .reception): [
            // The interview (InterviewSession, QuestionView).
            ("Before you finish: ", "Before finishing: "),
            ("This page lists every answer, so you can check them before the summary.", "This page lists every answer, to check them with the client before the summary."),
            ("safe and useful for you.", "safe and useful for the client."),
            ("(Cancelled. Type your answer again, or :quit to stop.)", "(Cancelled. Type the answer again, or :quit to stop.)"),
            ("(Your answer is back on the line:", "(The answer is back on the line:"),
            ("Press Enter to keep your answer: ", "Press Enter to keep the client's answer: "),
            // The engine's refusals, checks and command summaries.
            ("You chose: ", "The client chose: "),
            ("Did you mean ", "Did the client mean "),
            ("Type :help if you're unsure what to answer.", "Type :help if unsure what to answer."),
            ("Please list your medicines", "Please list the client's medicines"),
            ("list your medicines", "list the client's medicines"),
            ("Your answers are all in.", "The client's answers are all in."),
            ("That is the question you are on", "That is the current question"),
            ("is not a question you have answered", "is not a question answered so far"),
            ("please type your answer again", "please type the answer again"),
            ("see your answers so far", "see the client's answers so far"),
            ("(your answers so far are kept)", "(the client's answers so far are kept)"),
            // Around the interview (SessionRunner).
            ("Answers are saved as you go, to ", "Answers are saved as the interview goes, to "),
            ("When you are ready, press Enter", "When ready, press Enter"),
            ("Your answers could not be saved", "The client's answers could not be saved"),
        ],
    ]
}
