import QuestionnaireModel

/// A command typed instead of an answer. Commands start with ':' so they can
/// never be mistaken for an answer, and they work the same from a terminal, a
/// pipe or a replayed transcript.
public enum Command: String, Sendable, CaseIterable {
    /// Re-ask the previous question, its old answer offered as the default.
    case back
    /// Leave an optional question unanswered.
    case skip
    /// Show the answers so far.
    case review
    /// Say why the question is asked.
    case why
    /// Show help for the question and the commands.
    case help
    /// Stop now; the answers so far are kept.
    case quit

    /// What the command does, for `:help`.
    public var summary: String {
        switch self {
        case .back: "go back to the previous question"
        case .skip: "skip a question marked optional"
        case .review: "see your answers so far"
        case .why: "why we ask this question"
        case .help: "help with this question"
        case .quit: "stop for now (your answers so far are kept)"
        }
    }

    /// What to say when the command's word is typed without its colon.
    public var typedWithoutColon: String {
        switch self {
        case .help: "For help, type :help."
        default: "To \(summary), type :\(rawValue)."
        }
    }

    /// The command typed in `input`, nil when the input is an answer, or a
    /// rejection for something that looks like a command but is not one.
    ///
    /// Input is a command when it is ':' followed by a letter; ":)" and
    /// ": see notes" are answers.
    public static func parse(_ input: String) -> Result<Command, Rejection>? {
        let trimmed = input.trimmingSpaces()
        guard trimmed.hasPrefix(":"), let first = trimmed.dropFirst().first, first.isLetter else { return nil }
        // Checked like an answer, so a control character or a pasted page is
        // never quoted back in "There is no command ...".
        if case .failure(let rejection) = TextInput.checked(trimmed) { return .failure(rejection) }
        let word = trimmed.dropFirst().prefix { !$0.isWhitespace }
        let rest = trimmed.dropFirst(1 + word.count).trimmingSpaces()
        let name = word.lowercased()
        let aliases: [String: Command] = ["b": .back, "s": .skip, "r": .review, "h": .help, "q": .quit, "exit": .quit]
        guard let command = Command(rawValue: name) ?? aliases[name] else {
            let names = Command.allCases.map(\.rawValue)
            let close = names.first { $0.hasPrefix(name) } ?? names.min { distance(name, $0) < distance(name, $1) }
            let hint = close.map { " Did you mean :\($0)?" } ?? ""
            return .failure(Rejection("There is no command ':\(word)'.\(hint) Type :help to see the commands."))
        }
        guard rest.isEmpty else {
            return .failure(Rejection("':\(command.rawValue)' is used on its own, without anything after it."))
        }
        return .success(command)
    }

    /// A rough distance between two short words, for "did you mean".
    private static func distance(_ a: String, _ b: String) -> Int {
        let common = zip(a, b).prefix { $0 == $1 }.count
        return max(a.count, b.count) - common + (Set(a).symmetricDifference(Set(b)).count)
    }
}
