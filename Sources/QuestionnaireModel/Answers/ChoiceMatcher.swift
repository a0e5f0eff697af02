/// Matches what a person typed against a choice question's options: by
/// number, code, label or alias, ignoring case and accents, or by a prefix
/// that fits one option only.
struct ChoiceMatcher {
    let options: [Option]
    /// Every name of every option in matching form, with the option's index.
    private let names: [(form: String, option: Int)]

    init(options: [Option]) {
        self.options = options
        var names: [(String, Int)] = []
        for (index, option) in options.enumerated() {
            for name in [option.code, option.label] + option.aliases {
                let form = TextInput.matchingForm(name)
                if !form.isEmpty, !names.contains(where: { $0.0 == form && $0.1 == index }) {
                    names.append((form, index))
                }
            }
        }
        self.names = names
    }

    enum Failure: Error {
        case noMatch(String)
        case ambiguous(String, [Int])
        case noSuchNumber(Int)
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
            let words = TextInput.matchingForm(String(part)).split(separator: " ").map(String.init)
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
            var end = words.count
            while end > start {
                let phrase = words[start..<end].joined(separator: " ")
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
        return names.first { $0.form == phrase }?.option
    }

    /// The one option that a name starts with `word`, or failing that, the one
    /// option with a word in its name that starts with `word`.
    private func partial(_ word: String) -> Result<Int, Failure> {
        let prefixed = Set(names.filter { $0.form.hasPrefix(word) }.map(\.option))
        if prefixed.count == 1 { return .success(prefixed.first!) }
        if prefixed.count > 1 { return .failure(.ambiguous(word, prefixed.sorted())) }
        let inner = Set(names.filter { $0.form.split(separator: " ").contains { $0.hasPrefix(word) } }.map(\.option))
        if inner.count == 1 { return .success(inner.first!) }
        if inner.count > 1 { return .failure(.ambiguous(word, inner.sorted())) }
        return .failure(.noMatch(word))
    }
}
