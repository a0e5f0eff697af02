/// Matches what a person typed against a choice question's options: by
/// number, code, label or alias, ignoring case and accents, or by a prefix
/// that fits one option only.
struct ChoiceMatcher: Sendable {
    let options: [Option]
    /// Whether "1-3" means options 1 to 3 (multiple choice only).
    private let allowsRanges: Bool
    /// The most words in any name: no longer run of words can name an option.
    private let longestName: Int
    /// Whether any option has a range of numbers.
    private let hasRanges: Bool
    /// Whether "both knees" is the left and the right knee (`AnswerReading.bothSides`).
    private let readsBothSides: Bool

    /// Words meaning "none of these", for a question with an exclusive "none" option.
    static let noneWords: Set<String> = ["none", "no", "nope", "nothing", "n a", "na", "nil", "neither", "none of them", "none of those"]

    init(options: [Option], allowsRanges: Bool = false, readsBothSides: Bool = true) {
        self.options = options
        self.allowsRanges = allowsRanges
        self.readsBothSides = readsBothSides
        // The options keep their names in matching form; a matcher is made
        // for every answer, so it reads them there instead of copying them
        // into a list (or a dictionary) of its own.
        var longestName = 1
        var hasRanges = false
        for option in options {
            longestName = max(longestName, option.mostWordsInAName)
            hasRanges = hasRanges || option.range != nil
        }
        self.longestName = longestName
        self.hasRanges = hasRanges
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
        let parts = text.split(whereSeparator: Self.separatesItems)
        for part in parts {
            let trimmed = part.trimmingSpaces()
            if hasRanges, let held = inRange(trimmed) {
                switch held {
                case .success(let index):
                    if !chosen.contains(index) { chosen.append(index) }
                    continue
                case .failure(let failure):
                    return .failure(failure)
                }
            }
            // "-1" is a negative number, not "1" with a hyphen dropped.
            if trimmed.hasPrefix("-"), let number = Int(trimmed), trimmed.allSatisfy(\.isASCII) {
                return .failure(.noSuchNumber(number))
            }
            let form = TextInput.matchingForm(trimmed)
            if exactName(form) == nil, Self.noneWords.contains(form) || KoreanWords.isNone(form), let none = options.firstIndex(where: { $0.code == "none" }) {
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
            var words = form.split(separator: " ").map(String.init)
            if Hangul.contains(form) { words = koreanWords(words) }
            switch segment(words) {
            case .success(let indices):
                for index in indices where !chosen.contains(index) { chosen.append(index) }
            case .failure(let failure):
                return .failure(failure)
            }
        }
        return .success(chosen)
    }

    /// What separates the items of a list: commas (also the ideographic
    /// and full-width ones Korean text uses) and semicolons.
    static func separatesItems(_ character: Character) -> Bool {
        character == "," || character == ";" || character == "、" || character == "，"
    }

    /// Korean words as names: conjunctions left out ("허리 및 목"), a
    /// particle taken off a word that names nothing with it ("허리와 목",
    /// "무릎이요").
    private func koreanWords(_ words: [String]) -> [String] {
        words.compactMap { word in
            if KoreanWords.conjunctions.contains(word) { return nil }
            guard exactName(word) == nil, let stem = KoreanWords.strippingParticle(word) else { return word }
            return stem
        }
    }

    private func segment(_ words: [String]) -> Result<[Int], Failure> {
        var result: [Int] = []
        var start = 0
        while start < words.count {
            if words[start] == "and" || words[start] == "&" || words[start] == "+" {
                start += 1
                continue
            }
            // "both knees", "양쪽 어깨": the left and the right one, when
            // the question has both.
            if readsBothSides, let (pair, length) = bothSides(words, from: start) {
                result.append(contentsOf: pair)
                start += length
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
            // The words after it may start one option's name with it, word
            // by word: "upper ba", "pain meds".
            if let (index, length) = startOfAName(words, from: start) {
                result.append(index)
                start += length
                continue
            }
            switch partial(word) {
            case .success(let index):
                result.append(index)
                start += 1
            case .failure(let failure):
                return .failure(failure)
            }
        }
        return .success(result)
    }

    /// Plurals a plural's "s" does not make, for "both feet".
    static let singular = ["feet": "foot", "calves": "calf", "thighs": "thigh"]

    /// Words that mean "the left and the right one" before a name.
    static let bothWords: Set<String> = ["both", "양쪽", "양", "두"]

    /// The left and the right option named after "both" (or 양쪽) at
    /// `start`, and how many words they took: "both knees" is Left knee and
    /// Right knee, "양쪽 어깨" (or "양쪽어깨") 왼쪽 어깨 and 오른쪽 어깨. Nil
    /// unless the question has both.
    private func bothSides(_ words: [String], from start: Int) -> (pair: [Int], length: Int)? {
        // Every word of every answer comes here: most are passed at once.
        let word = words[start]
        let spaced = Self.bothWords.contains(word)
        // Korean written without a space: "양쪽어깨".
        guard spaced || (word.hasPrefix("양쪽") && word.count > 2) else { return nil }
        let rest = spaced ? Array(words[(start + 1)...]) : [String(word.dropFirst(2))] + words[(start + 1)...]
        let length = spaced ? 1 : 0
        let korean = Hangul.contains(rest.first ?? "")
        for count in stride(from: min(rest.count, max(1, longestName - 1)), through: 1, by: -1) {
            var name = rest[0..<count].joined(separator: " ")
            for candidate in [name, Self.singular[name]].compactMap({ $0 }) + (Self.stem(of: name).map { [$0] } ?? []) {
                name = candidate
                let pair = korean ? [exact("왼쪽 " + name), exact("오른쪽 " + name)] : [exact("left " + name), exact("right " + name)]
                if let left = pair[0], let right = pair[1], left != right { return ([left, right], length + count) }
            }
        }
        return nil
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
        if let index = options.firstIndex(where: { $0.matchingForms.contains(form) }) { return index }
        // Korean names match without their spaces and with the side word
        // before or after: "어깨 왼쪽", "왼쪽어깨" and "좌측 어깨" are 왼쪽 어깨.
        guard Hangul.contains(form) else { return nil }
        let key = KoreanWords.key(form)
        return options.firstIndex { $0.hangulKeys.contains(key) }
    }

    /// The option whose range holds the number `text` is, when that number
    /// is no choice's number: "35" at an age question is 18 to 50, but "2"
    /// is choice 2 whatever the ranges say, as the numbers shown beside the
    /// options mean. Ambiguity when two ranges hold it: asked, not guessed.
    /// Nil when `text` is not a number, is a choice's number, or no range
    /// holds it.
    private func inRange(_ text: String) -> Result<Int, Failure>? {
        guard let value = TextInput.decimal(text) ?? Self.koreanAge(text) else { return nil }
        if value == value.rounded(), value >= 1, value <= Double(options.count) { return nil }
        var holding: [Int] = []
        for (index, option) in options.enumerated() where option.range?.contains(value) == true { holding.append(index) }
        if holding.count == 1 { return .success(holding[0]) }
        if holding.count > 1 { return .failure(.ambiguous(text, holding)) }
        return nil
    }

    /// An age in Korean ("45세", "마흔다섯 살", "45살이요") as its number.
    static func koreanAge(_ text: String) -> Double? {
        guard Hangul.contains(text) else { return nil }
        var number = text
        for suffix in ["살이에요", "살입니다", "세입니다", "살이요", "살", "세"] where number.hasSuffix(suffix) && number.count > suffix.count {
            number = String(number.dropLast(suffix.count)).trimmingTrailingSpaces()
            return TextInput.decimal(number) ?? KoreanWords.number(number, beforeUnit: true).map(Double.init)
        }
        return nil
    }

    /// "1-3" or "2 - 5" as a range of option numbers.
    static func range(_ text: String) -> ClosedRange<Int>? {
        let sides = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard sides.count == 2, let low = Int(sides[0]), let high = Int(sides[1]),
              sides.allSatisfy({ $0.allSatisfy(\.isASCII) }), low <= high else { return nil }
        return low...high
    }

    /// The one option that a name starts with `word`, or failing that, the one
    /// option with a word in its name that starts with `word`. Among several,
    /// an option with `word` as a whole word of a name is preferred when it
    /// is the only one. A plural that names nothing is tried without its
    /// "s" ("meds" starts "medicines").
    private func partial(_ word: String) -> Result<Int, Failure> {
        // Names and words are both in matching form, so their bytes compare.
        let typed = word.utf8
        let prefixed = optionsWithAName { $0.utf8.starts(with: typed) }
        if let picked = onlyOrWholeWord(word, among: prefixed, firstWord: true) { return picked }
        let inner = optionsWithAName { Self.hasWord(startingWith: typed, in: $0.utf8) }
        if let picked = onlyOrWholeWord(word, among: inner, firstWord: false) { return picked }
        if let stem = Self.stem(of: word), case .success(let index) = partial(stem) { return .success(index) }
        return .failure(.noMatch(word))
    }

    /// The one option of `found`, or the one among them with `word` as a
    /// whole word (the first word of a name, with `firstWord`); nil when
    /// none was found, and ambiguity when neither picks one.
    private func onlyOrWholeWord(_ word: String, among found: Set<Int>, firstWord: Bool) -> Result<Int, Failure>? {
        if found.isEmpty { return nil }
        if found.count == 1 { return .success(found.first!) }
        let whole = found.filter { index in
            options[index].matchingForms.contains { name in
                let words = name.split(separator: " ")
                return firstWord ? words.first == Substring(word) : words.contains(Substring(word))
            }
        }
        if whole.count == 1 { return .success(whole.first!) }
        return .failure(.ambiguous(word, found.sorted()))
    }

    /// Whether a word of `name` (after its start or a space) starts with `typed`.
    static func hasWord(startingWith typed: String.UTF8View, in name: String.UTF8View) -> Bool {
        var index = name.startIndex
        while true {
            if name[index...].starts(with: typed) { return true }
            guard let space = name[index...].firstIndex(of: 0x20) else { return false }
            index = name.index(after: space)
        }
    }

    /// `word` without the "s" of a plural, for words of four letters or more.
    private static func stem(of word: String) -> String? {
        word.count >= 4 && word.hasSuffix("s") ? String(word.dropLast()) : nil
    }

    /// The one option with a name whose first words start with the typed
    /// words from `start` on, each word the start of the name's word at the
    /// same place ("pain meds" and "pain medicines"; a plural's "s" is not
    /// needed), with the most words taken; among several, the one matching
    /// the most words whole. Nil when no run of two or more words names one
    /// option. Tried only for words no name matches exactly.
    private func startOfAName(_ words: [String], from start: Int) -> (index: Int, length: Int)? {
        var end = min(words.count, start + longestName)
        // A name can fit only if it starts with the first word (or its
        // stem): most names are passed on that, before being split.
        let first = words[start].utf8
        let firstStem = Self.stem(of: words[start])?.utf8
        while end >= start + 2 {
            let run = words[start..<end]
            var best: [Int] = []
            var bestWhole = -1
            for (index, option) in options.enumerated() {
                var optionWhole = -1
                for name in option.matchingForms {
                    guard name.utf8.starts(with: first) || (firstStem.map { name.utf8.starts(with: $0) } ?? false) else { continue }
                    let nameWords = name.split(separator: " ")
                    guard nameWords.count >= run.count else { continue }
                    var whole = 0
                    var fits = true
                    for (typed, named) in zip(run, nameWords) {
                        if named == Substring(typed) {
                            whole += 1
                        } else if !named.hasPrefix(typed), !(Self.stem(of: typed).map { named.hasPrefix($0) } ?? false) {
                            fits = false
                            break
                        }
                    }
                    if fits { optionWhole = max(optionWhole, whole) }
                }
                if optionWhole > bestWhole {
                    best = [index]
                    bestWhole = optionWhole
                } else if optionWhole == bestWhole, optionWhole >= 0 {
                    best.append(index)
                }
            }
            if best.count == 1, bestWhole >= 0 { return (best[0], run.count) }
            end -= 1
        }
        return nil
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
