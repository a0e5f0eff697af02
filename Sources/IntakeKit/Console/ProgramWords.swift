import QuestionnaireModel

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

    public init(_ variant: TextVariant = .original) {
        self.variant = variant
    }

    public init(audience: Audience) {
        self.init(TextVariant(audience: audience))
    }

    /// `message` in this variant's words: each phrase of the variant's
    /// table replaced, the rest as written.
    public func callAsFunction(_ message: String) -> String {
        guard variant != .original else { return message }
        var result = message
        for candidate in variant.lookupOrder {
            guard let table = Self.tables[candidate] else { continue }
            for (phrase, words) in table where result.contains(phrase) {
                result = result.replacing(phrase, with: words)
            }
            return result
        }
        return result
    }

    /// Phrases in the order they are tried: longer ones before the shorter
    /// ones they hold.
    static let tables: [TextVariant: [(String, String)]] = [
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
