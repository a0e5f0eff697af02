/// An answer that matched nothing as typed but would, with each name in it
/// that is near exactly one name the question knows put right: "lowr back"
/// is near "Lower back", "2 yeras" near "2 years", "fairy often" near
/// "fairly often". Never taken without asking: it is what "Did you mean
/// ...?" offers, and what an answer file's refusal suggests.
public struct NearMatch: Sendable, Equatable {
    /// The answer as it reads put right, ready to parse: "neck, lower-back".
    public var corrected: String
    /// What `corrected` gives.
    public var value: AnswerValue
    /// The answer in words, for "Did you mean ...?": "Lower back", "2 years".
    public var meant: String

    public init(corrected: String, value: AnswerValue, meant: String) {
        self.corrected = corrected
        self.value = value
        self.meant = meant
    }
}

/// Finds the one name near a word typed: the same measure for option
/// names, scale words, units of time and (in an application's own check)
/// medicine names, so every "Did you mean ...?" is as strict as the others.
public enum NearName {
    /// How many edits a word of `length` characters may be from a name and
    /// still be near it: one for short words, two for longer ones, so "nek"
    /// is near "neck" but "low" is not near "jaw".
    public static func limit(forLength length: Int) -> Int {
        length <= 4 ? 1 : 2
    }

    /// The group holding the name nearest to `typed` (in matching form), when
    /// that name is within the limit and no other group has one as near;
    /// nil when nothing is near or two groups are equally near.
    public static func nearest(to typed: String, in groups: [[String]]) -> Int? {
        guard typed.contains(where: \.isLetter) else { return nil }
        // Hangul is compared letter by letter (jamo): one wrong vowel is one edit.
        let hangul = Hangul.contains(typed)
        let word = hangul ? Hangul.keys(of: typed) : Array(typed)
        let limit = hangul ? Hangul.limit(forKeys: word.count) : limit(forLength: word.count)
        var best: (group: Int, distance: Int)?
        var tied = false
        for (index, names) in groups.enumerated() {
            var nearest = limit + 1
            for name in names where !name.isEmpty {
                nearest = min(nearest, Suggestion.editDistance(word, hangul ? Hangul.keys(of: name) : Array(name), limit: limit))
            }
            guard nearest <= limit else { continue }
            if let current = best, current.distance <= nearest {
                if current.distance == nearest { tied = true }
                continue
            }
            best = (index, nearest)
            tied = false
        }
        guard let best, !tied, best.distance > 0 else { return nil }
        return best.group
    }
}

extension Node {
    /// What an answer that `parse` refused is near, if anything: each
    /// comma-separated item of a choice that matches no option but is near
    /// exactly one option's label, alias or code; a scale's words; a unit
    /// of time; yes or no. Nil whenever anything is unclear (two names as
    /// near, an item matching nothing near), and for kinds with nothing to
    /// be near (numbers, free text, medicines).
    ///
    /// It compares with every name, so ask only once nothing matched.
    public func nearMatch(_ raw: String, options: [Option]) -> NearMatch? {
        guard case .success(let text) = TextInput.checked(raw), !text.isEmpty else { return nil }
        switch spec {
        case .single, .multi:
            return nearChoice(text, options: options)
        case .scale(let min, _, _, _):
            let typed = TextInput.folded(text).trimmingSpaces()
            if Hangul.contains(typed) {
                guard !pointAliases.isEmpty, let index = NearName.nearest(to: typed.filter { $0 != " " }, in: pointAliases.map { $0.map { TextInput.folded($0).filter { $0 != " " } } }),
                      let words = pointAliases[index].first else { return nil }
                return NearMatch(corrected: words, value: .integer(min + index), meant: "'\(words)'")
            }
            guard !points.isEmpty, let index = NearName.nearest(to: TextInput.folded(text).trimmingSpaces(), in: points.map { [TextInput.folded($0)] }) else { return nil }
            return NearMatch(corrected: points[index], value: .integer(min + index), meant: "'\(points[index])'")
        case .duration:
            guard let corrected = Duration.nearMatch(text), case .success(let value) = parse(corrected, options: options) else { return nil }
            guard case .duration(let days) = value else { return nil }
            return NearMatch(corrected: corrected, value: value, meant: Duration.describe(days: days))
        case .yesno:
            let groups = Hangul.contains(text) ? [["네", "예", "응"], ["아니요", "아니오", "아뇨"]] : [["yes", "yeah", "yep", "yup"], ["no", "nope", "nah"]]
            guard let index = NearName.nearest(to: TextInput.matchingForm(text), in: groups) else { return nil }
            return NearMatch(corrected: groups[index][0], value: .yesNo(index == 0), meant: groups[index][0])
        case .number, .text, .date, .time, .dateTime, .medications, .info:
            return nil
        }
    }

    private func nearChoice(_ text: String, options: [Option]) -> NearMatch? {
        let matcher = ChoiceMatcher(options: options, allowsRanges: kind == .multi)
        var items: [String] = []
        var changed = false
        for part in text.split(whereSeparator: ChoiceMatcher.separatesItems) {
            let item = part.trimmingSpaces()
            if item.isEmpty { continue }
            switch matcher.matchAll(item) {
            case .success:
                items.append(item)
            case .failure(.noMatch), .failure(.ambiguous):
                // "left nee" starts like several options but is near one;
                // "어께 왼쪽" is near 왼쪽 어깨 by its Korean key.
                let form = TextInput.matchingForm(item)
                let near = Hangul.contains(form)
                    ? NearName.nearest(to: KoreanWords.key(form), in: options.map(\.hangulKeys))
                    : NearName.nearest(to: form, in: options.map(\.matchingForms))
                guard let index = near else { return nil }
                // The code names the option whatever other names it shares.
                items.append(options[index].code)
                changed = true
            case .failure:
                return nil
            }
        }
        let corrected = items.joined(separator: ", ")
        guard changed, case .success(let value) = parse(corrected, options: options) else { return nil }
        let labels = value.codes.map { code in options.first { $0.code == code }?.label ?? code }
        return NearMatch(corrected: corrected, value: value, meant: labels.joined(separator: ", "))
    }
}

extension Duration {
    /// `text` with each word that is no unit, filler or number put right
    /// when it is near exactly one unit ("2 yeras" → "2 years"); nil when
    /// no word was put right or one is near nothing.
    static func nearMatch(_ text: String) -> String? {
        if Hangul.contains(text) { return koreanNearMatch(text) }
        let tokens = tokenize(TextInput.matchingForm(text))
        let units = unitGroups
        var result: [String] = []
        var changed = false
        for token in tokens {
            let known = unitDays[token] != nil || fillers.contains(token) || TextInput.numberWord(token) != nil
                || ["a", "an", "half"].contains(token) || !token.contains(where: \.isLetter)
            if known {
                result.append(token)
                continue
            }
            guard let group = NearName.nearest(to: token, in: units.map(\.names)) else { return nil }
            let names = units[group].names
            // The spelling nearest to what was typed: "yeras" → "years", "yer" → "year".
            let spelling = names.min { Suggestion.editDistance(Array(token), Array($0), limit: 3) < Suggestion.editDistance(Array(token), Array($1), limit: 3) } ?? names[0]
            result.append(spelling)
            changed = true
        }
        return changed ? result.joined(separator: " ") : nil
    }

    /// `text` with each Korean word that no reading of Korean lengths of
    /// time takes put right, when it is near exactly one Korean unit or
    /// word of time ("6개얼" → "6 개월", "2녕" → "2 년"); nil when none was
    /// put right or one is near nothing.
    static func koreanNearMatch(_ text: String) -> String? {
        var tokens = tokenize(TextInput.matchingForm(text))
        let words = KoreanWords.units.map(\.word) + KoreanWords.lengths.map(\.word) + KoreanWords.fillers.filter(Hangul.contains)
        var changed = false
        for index in tokens.indices where Hangul.contains(tokens[index]) {
            let read = KoreanWords.durationTokens(Array(tokens[...index]))
            guard read.last.map(Hangul.contains) == true else { continue }
            guard let near = NearName.nearest(to: tokens[index], in: words.map { [$0] }) else { return nil }
            tokens[index] = words[near]
            changed = true
        }
        return changed ? tokens.joined(separator: " ") : nil
    }

    /// The spellings of each unit of time, longest first; one-letter
    /// abbreviations are left out, as nothing typed is near them by chance.
    static let unitGroups: [(days: Double, names: [String])] = {
        var groups: [Double: [String]] = [:]
        for (name, days) in unitDays where name.count > 1 { groups[days, default: []].append(name) }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted { ($0.count, $0) > ($1.count, $1) }) }
    }()
}
