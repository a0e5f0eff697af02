/// Korean answers read as their English twins: numbers written in Hangul,
/// lengths of time, yes and no, "none", and the particles and conjunctions
/// that join names in a list ("허리와 목"). Every rule here applies only to
/// text with Hangul in it, so English answers read exactly as before.
///
/// Ambiguous words are read by where they stand, as a Korean reader would:
/// 네 is "yes" alone and four only before a unit (네 달); 일 is one before a
/// unit (일 년) and "day" after a number (10일, 삼일).
public enum KoreanWords {
    // MARK: - Numbers

    static let sinoDigits: [Character: Int] = ["일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9]
    /// Native numbers said alone (하나, 둘...).
    static let nativeUnits: [String: Int] = ["하나": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9]
    /// The forms native numbers take before a unit (한 달, 두 달, 세 달, 네 달).
    static let nativeDeterminers: [String: Int] = ["한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "넉": 4]
    static let nativeTens: [String: Int] = ["열": 10, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90]
    /// 스무 is 스물 before a unit (스무 살).
    static let nativeTensDeterminers: [String: Int] = ["스무": 20]

    /// A number written in Hangul, as one word (spaces are ignored): Sino
    /// numbers up to 999 (칠, 십, 이십오, 백), native ones up to 99 (다섯,
    /// 열둘, 스물다섯), 영 and 공 for zero. `beforeUnit` also takes the forms
    /// used only before a unit (한, 두, 세, 네, 열두, 스무); alone, 네 is "yes".
    public static func number(_ text: some StringProtocol, beforeUnit: Bool = false) -> Int? {
        let word = String(text.filter { $0 != " " })
        guard !word.isEmpty, Hangul.contains(word) else { return nil }
        if word == "영" || word == "공" { return 0 }
        return sino(word) ?? native(word, beforeUnit: beforeUnit)
    }

    /// 일 … 구백구십구.
    static func sino(_ word: String) -> Int? {
        let characters = Array(word)
        var index = 0
        var total = 0
        for (unit, value) in [(Character("백"), 100), (Character("십"), 10)] {
            if index + 1 < characters.count, let digit = sinoDigits[characters[index]], characters[index + 1] == unit {
                total += digit * value
                index += 2
            } else if index < characters.count, characters[index] == unit {
                total += value
                index += 1
            }
        }
        if index < characters.count, let digit = sinoDigits[characters[index]] {
            total += digit
            index += 1
        }
        return index == characters.count && index > 0 ? total : nil
    }

    /// 하나 … 아흔아홉.
    static func native(_ word: String, beforeUnit: Bool) -> Int? {
        var rest = Substring(word)
        var total = 0
        let tens = beforeUnit ? nativeTens.merging(nativeTensDeterminers) { a, _ in a } : nativeTens
        for (name, value) in tens where rest.hasPrefix(name) {
            total = value
            rest = rest.dropFirst(name.count)
            break
        }
        if rest.isEmpty { return total > 0 ? total : nil }
        // 스무 stands only before a unit, with nothing after it.
        if total == 20, word.hasPrefix("스무") { return nil }
        let units = beforeUnit ? nativeUnits.merging(nativeDeterminers) { a, _ in a } : nativeUnits
        guard let unit = units[String(rest)] else { return nil }
        return total + unit
    }

    /// The longest start of `characters` from `start` that is a number, with
    /// its length: "이십오일" → 25 and 3.
    static func numberPrefix(_ characters: [Character], from start: Int, beforeUnit: Bool) -> (value: Int, length: Int)? {
        // No number word is longer than five syllables (구백구십구): a
        // pasted page is read in time.
        var end = min(characters.count, start + longestWord)
        while end > start {
            if let value = number(String(characters[start..<end]), beforeUnit: beforeUnit) { return (value, end - start) }
            end -= 1
        }
        return nil
    }

    // MARK: - Lengths of time

    /// More characters than any Korean word these tables read.
    static let longestWord = 8

    /// Korean units of time as the English unit the duration reader knows.
    static let units: [(word: String, english: String)] = [
        ("개월", "months"), ("주일", "weeks"), ("시간", "hours"), ("달", "months"), ("년", "years"), ("해", "years"),
        ("주", "weeks"), ("일", "days"), ("날", "days"),
    ]
    /// Words that are a length of time on their own.
    static let lengths: [(word: String, english: [String])] = [
        ("하루", ["1", "days"]), ("이틀", ["2", "days"]), ("사흘", ["3", "days"]), ("나흘", ["4", "days"]),
        ("보름", ["15", "days"]), ("반년", ["half", "years"]), ("반달", ["half", "months"]),
    ]
    /// Words around a length of time that do not change it ("약 2년 정도",
    /// "3년째", "2년 전부터", polite endings), read as an English filler.
    static let fillers: [String] = [
        "전부터", "정도요", "정도", "가량", "대략", "거의", "이상", "넘게", "넘음", "넘었어요", "조금", "동안", "부터", "이요",
        "이에요", "예요", "입니다", "됐어요", "되었어요", "됐습니다", "되었습니다", "됐음", "됨", "된", "약", "쯤", "째", "전",
        "여", "요", "~",
    ].sorted { $0.count > $1.count }

    /// The words of a length of time typed with Hangul, as the duration
    /// reader's English words: "1년 반" → 1 years and half, "두 달" → 2
    /// months, "삼일" → 3 days, "10일" → 10 days; English words and digits
    /// are kept. A word that is none of these is kept as typed, so the
    /// answer is refused.
    static func durationTokens(_ tokens: [String]) -> [String] {
        enum Last { case nothing, quantity, unit }
        var result: [String] = []
        var last = Last.nothing
        for (position, token) in tokens.enumerated() {
            guard Hangul.contains(token) else {
                result.append(token)
                if TextInput.decimal(token) != nil || TextInput.numberWord(token) != nil {
                    last = .quantity
                } else {
                    last = Duration.unitDays[token] != nil ? .unit : .nothing
                }
                continue
            }
            let characters = Array(token)
            var index = 0
            while index < characters.count {
                // Only the next few characters can start a word.
                let rest = String(characters[index..<min(characters.count, index + longestWord)])
                if last == .quantity, let unit = units.first(where: { rest.hasPrefix($0.word) }) {
                    result.append(unit.english)
                    index += unit.word.count
                    last = .unit
                    continue
                }
                if rest.hasPrefix("반") {
                    result.append(contentsOf: last == .unit ? ["and", "half"] : ["half"])
                    last = last == .unit ? .unit : .quantity
                    index += 1
                    continue
                }
                if last != .quantity, let length = lengths.first(where: { rest.hasPrefix($0.word) }) {
                    result.append(contentsOf: length.english)
                    index += length.word.count
                    last = .unit
                    continue
                }
                let filler = fillers.first { rest.hasPrefix($0) }
                if last != .quantity, var found = numberPrefix(characters, from: index, beforeUnit: true), found.length >= filler?.count ?? 0 {
                    // 십일 alone is ten days, not eleven: a Sino number ending
                    // in 일 with no unit after it ends in the unit "day".
                    let end = index + found.length
                    let unitFollows = end < characters.count
                        ? units.contains { String(characters[end..<min(characters.count, end + longestWord)]).hasPrefix($0.word) }
                        : tokens.dropFirst(position + 1).first.map { next in units.contains { next.hasPrefix($0.word) } || Duration.unitDays[next] != nil } ?? false
                    if !unitFollows, found.length > 1, characters[end - 1] == "일",
                       let shorter = number(String(characters[index..<(end - 1)]), beforeUnit: true) {
                        found = (shorter, found.length - 1)
                    }
                    result.append(String(found.value))
                    index += found.length
                    last = .quantity
                    continue
                }
                if let filler {
                    // Between a number and its unit ("10여 년") it is left out.
                    if last != .quantity { result.append("about") }
                    index += filler.count
                    continue
                }
                // Nothing Korean reads here: keep the rest, which no English
                // word matches, so the answer is refused as unreadable.
                result.append(String(characters[index...]))
                last = .nothing
                break
            }
        }
        return result
    }

    /// Whether `text` starts with a year ("2020년부터", "2019년"): a date,
    /// not a length of time.
    static func startsWithYear(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1900...2100).contains(year) else { return false }
        return text.dropFirst(4).drop { $0 == " " }.hasPrefix("년")
    }

    /// The English unit of time a Korean unit names ("주" → "weeks"), for a
    /// unit a translation gave in Korean; nil for any other.
    static func englishUnit(_ unit: String) -> String? {
        ["주": "weeks", "주일": "weeks", "일": "days", "개월": "months", "달": "months", "년": "years"][unit]
    }

    /// Korean units that may follow a number answered in `unit` ("20주",
    /// "20주차" for weeks), longest first.
    static func unitSuffixes(for unit: String) -> [String] {
        switch Duration.unitDays[unit] {
        case 7?: ["주차", "주째", "주일", "주"]
        case 1?: ["일째", "일"]
        case Duration.daysPerMonth?: ["개월", "달"]
        case Duration.daysPerYear?: ["년", "살", "세"]
        default: []
        }
    }

    // MARK: - Yes, no and none

    static let yes: Set<String> = [
        "네", "예", "응", "넹", "네네", "예예", "ㅇㅇ", "그래요", "그래", "그렇습니다", "그렇다", "맞아요", "맞습니다", "맞아", "맞음",
        "있어요", "있습니다", "있음", "있다", "있어", "네있어요", "예있습니다",
    ]
    static let no: Set<String> = [
        "아니요", "아니오", "아뇨", "아니", "아녀", "ㄴㄴ", "아니에요", "아닙니다", "아님", "없어요", "없습니다", "없음", "없다", "없어",
        "아니요없어요", "아니요없습니다",
    ]
    /// Yes and no to a check ("Did you mean 와파린?"): fewer words than a
    /// yes/no question takes, so "없어요" at a medicines question is a new
    /// answer (none), not "no, keep it as typed".
    static let replyYes: Set<String> = ["네", "예", "응", "넹", "네네", "예예", "ㅇㅇ", "맞아요", "맞습니다", "맞아", "맞음", "그래요", "그렇습니다"]
    static let replyNo: Set<String> = ["아니요", "아니오", "아뇨", "아니", "아녀", "ㄴㄴ", "아니에요", "아닙니다"]

    /// Yes (true) or no (false) to a check, in Korean; nil for anything else.
    public static func reply(_ form: String) -> Bool? {
        guard let word = bare(form) else { return nil }
        if replyYes.contains(word) { return true }
        if replyNo.contains(word) { return false }
        return nil
    }

    /// Words meaning "none of these" in a choice or a medicines answer.
    static let none: Set<String> = [
        "없음", "없어요", "없습니다", "없다", "없어", "해당없음", "해당사항없음", "해당없어요", "아무것도없음", "아무것도없어요",
        "아무것도없습니다", "전혀없음", "없는데요",
    ]
    static let noMedicine: Set<String> = [
        "안먹어요", "안먹음", "복용안함", "복용안해요", "복용하지않음", "복용하지않습니다", "먹는약없음", "먹는약없어요", "복용약없음",
        "복용중인약없음", "약없음", "약없어요",
    ]

    /// The Hangul in `form` without its spaces and end punctuation, as the
    /// word sets above hold it; nil for text without Hangul.
    static func bare(_ form: String) -> String? {
        guard Hangul.contains(form) else { return nil }
        return form.filter { $0 != " " }.trimming(".!?,;:~")
    }

    /// Yes (true), no (false), or nil for text that is neither in Korean.
    public static func yesNo(_ form: String) -> Bool? {
        guard let word = bare(form) else { return nil }
        if yes.contains(word) { return true }
        if no.contains(word) { return false }
        return nil
    }

    /// Whether `form` is a Korean "none" for a choice question.
    public static func isNone(_ form: String) -> Bool {
        bare(form).map(none.contains) ?? false
    }

    /// Whether `form` is a Korean "I take no medicines".
    public static func isNoMedicine(_ form: String) -> Bool {
        guard let word = bare(form) else { return false }
        return none.contains(word) || noMedicine.contains(word) || no.contains(word)
    }

    // MARK: - Lists of names

    /// Words that join names in a list ("허리 및 목", "목 그리고 어깨").
    static let conjunctions: Set<String> = ["및", "그리고", "와", "과", "랑", "이랑", "하고", "또", "또는", "혹은", "그리고요"]

    /// Particles a name may carry in a list or a short answer ("허리와",
    /// "목과", "허리랑", "무릎이요"), with the end of the name they follow:
    /// true after a consonant, false after a vowel, nil after either.
    static let particles: [(ending: String, afterConsonant: Bool?)] = [
        ("이랑", true), ("하고", nil), ("이요", true), ("와", false), ("과", true), ("랑", false), ("요", nil), ("도", nil),
    ]

    /// `word` without a particle at its end, when what is left is a word
    /// the particle can follow; nil when it has none.
    public static func strippingParticle(_ word: String) -> String? {
        for particle in particles where word.hasSuffix(particle.ending) && word.count > particle.ending.count {
            let stem = String(word.dropLast(particle.ending.count))
            guard let consonant = Hangul.endsInConsonant(stem) else { continue }
            if let wanted = particle.afterConsonant, wanted != consonant { continue }
            return stem
        }
        return nil
    }

    /// Side words and what they mean: each is put first, in its plain form,
    /// so "어깨 왼쪽", "왼쪽어깨" and "좌측 어깨" read as "왼쪽 어깨".
    static let sides: [(word: String, side: String)] = [
        ("왼쪽", "왼쪽"), ("좌측", "왼쪽"), ("왼편", "왼쪽"), ("왼", "왼쪽"),
        ("오른쪽", "오른쪽"), ("우측", "오른쪽"), ("오른편", "오른쪽"), ("오른", "오른쪽"),
    ]
    /// Side words that may end a name ("어깨 왼쪽"); the short ones may not.
    static let trailingSides: [(word: String, side: String)] = sides.filter { $0.word.count >= 2 }

    /// The form a Hangul name is compared in: no spaces, a side word first
    /// in its plain form. "어깨 왼쪽" and "왼쪽 어깨" have the same key.
    public static func key(_ form: String) -> String {
        let bare = form.filter { $0 != " " }
        for side in sides where bare.hasPrefix(side.word) && bare.count > side.word.count {
            return side.side + bare.dropFirst(side.word.count)
        }
        for side in trailingSides where bare.hasSuffix(side.word) && bare.count > side.word.count {
            return side.side + bare.dropLast(side.word.count)
        }
        return bare
    }
}
