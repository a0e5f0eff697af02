/// Matches what a person typed against a choice question's options: by
/// number, code, label or alias, ignoring case and accents, or by a prefix
/// that fits one option only.
struct ChoiceMatcher: Sendable {
    let options: [Option]
    /// Whether "1-3" means options 1 to 3 (multiple choice only).
    private let allowsRanges: Bool
    /// The most words in any name: no longer run of words can name an option.
    private let longestName: Int

    /// Words meaning "none of these", for a question with an exclusive "none" option.
    static let noneWords: Set<String> = ["none", "no", "nope", "nothing", "n a", "na", "nil", "neither", "none of them", "none of those"]

    init(options: [Option], allowsRanges: Bool = false) {
        self.options = options
        self.allowsRanges = allowsRanges
        // The options keep their names in matching form; a matcher is made
        // for every answer, so it reads them there instead of copying them
        // into a list (or a dictionary) of its own.
        var longestName = 1
        for option in options { longestName = max(longestName, option.mostWordsInAName) }
        self.longestName = longestName
    }

    enum Failure: Error {
        case noMatch(String)
        case ambiguous(String, [Int])
        case noSuchNumber(Int)
        case badRange(String)
    }

    /// The options named in `text`, in the order typed, without repeats.
    ///
    /// Commas and semicolons separate items; without them, the longest run of
    /// words that names an option exactly is taken first, so "lower back neck"
    /// reads as two areas.
    func matchAll(_ text: String) -> Result<[Int], Failure> {
        var chosen: [Int] = []
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" })
        for part in parts {
            let trimmed = part.trimmingSpaces()
            // "-1" is a negative number, not "1" with a hyphen dropped.
            if trimmed.hasPrefix("-"), let number = Int(trimmed), trimmed.allSatisfy(\.isASCII) {
                return .failure(.noSuchNumber(number))
            }
            let form = TextInput.matchingForm(trimmed)
            if exactName(form) == nil, Self.noneWords.contains(form), let none = options.firstIndex(where: { $0.code == "none" }) {
                if !chosen.contains(none) { chosen.append(none) }
                continue
            }
            if allowsRanges, exactName(form) == nil, let range = Self.range(trimmed) {
                guard range.lowerBound >= 1, range.upperBound <= options.count else {
                    return .failure(.badRange(trimmed))
                }
                for number in range where !chosen.contains(number - 1) { chosen.append(number - 1) }
                continue
            }
            let words = form.split(separator: " ").map(String.init)
            switch segment(words) {
            case .success(let indices):
                for index in indices where !chosen.contains(index) { chosen.append(index) }
            case .failure(let failure):
                return .failure(failure)
            }
        }
        return .success(chosen)
    }

    private func segment(_ words: [String]) -> Result<[Int], Failure> {
        var result: [Int] = []
        var start = 0
        while start < words.count {
            if words[start] == "and" || words[start] == "&" || words[start] == "+" {
                start += 1
                continue
            }
            var matched = false
            // Only runs as long as a name are tried: trying every run made a
            // long answer (4,000 characters of "2 2 2 ...") take minutes.
            var end = min(words.count, start + longestName)
            while end > start {
                // Joined by hand: the generic `joined` cost more than the
                // rest of matching.
                var phrase = words[start]
                for word in words[(start + 1)..<end] {
                    phrase += " "
                    phrase += word
                }
                if let index = exact(phrase) {
                    result.append(index)
                    start = end
                    matched = true
                    break
                }
                end -= 1
            }
            if matched { continue }
            let word = words[start]
            if let number = Int(word), word.allSatisfy(\.isASCII) {
                return .failure(.noSuchNumber(number))
            }
            switch partial(word) {
            case .success(let index):
                result.append(index)
                start += 1
            case .failure(let failure):
                // The whole phrase may still start one option's name ("upper ba").
                let phrase = words[start...].joined(separator: " ")
                if phrase != word, case .success(let index) = partial(phrase) {
                    result.append(index)
                    start = words.count
                } else {
                    return .failure(failure)
                }
            }
        }
        return .success(result)
    }

    /// The option named exactly by `phrase` (number, code, label or alias).
    private func exact(_ phrase: String) -> Int? {
        if let number = Int(phrase), phrase.allSatisfy(\.isASCII) {
            return number >= 1 && number <= options.count ? number - 1 : nil
        }
        return exactName(phrase)
    }

    /// The first option with a name exactly `form`.
    private func exactName(_ form: String) -> Int? {
        guard !form.isEmpty else { return nil }
        return options.firstIndex { $0.matchingForms.contains(form) }
    }

    /// "1-3" or "2 - 5" as a range of option numbers.
    static func range(_ text: String) -> ClosedRange<Int>? {
        let sides = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard sides.count == 2, let low = Int(sides[0]), let high = Int(sides[1]),
              sides.allSatisfy({ $0.allSatisfy(\.isASCII) }), low <= high else { return nil }
        return low...high
    }

    /// The one option that a name starts with `word`, or failing that, the one
    /// option with a word in its name that starts with `word`.
    private func partial(_ word: String) -> Result<Int, Failure> {
        let prefixed = optionsWithAName { $0.hasPrefix(word) }
        if prefixed.count == 1 { return .success(prefixed.first!) }
        if prefixed.count > 1 { return .failure(.ambiguous(word, prefixed.sorted())) }
        let inner = optionsWithAName { $0.split(separator: " ").contains { $0.hasPrefix(word) } }
        if inner.count == 1 { return .success(inner.first!) }
        if inner.count > 1 { return .failure(.ambiguous(word, inner.sorted())) }
        return .failure(.noMatch(word))
    }

    /// The options with a name (in matching form, not empty) that passes `test`.
    private func optionsWithAName(_ test: (String) -> Bool) -> Set<Int> {
        var found: Set<Int> = []
        for (index, option) in options.enumerated() where option.matchingForms.contains(where: { !$0.isEmpty && test($0) }) {
            found.insert(index)
        }
        return found
    }
}
