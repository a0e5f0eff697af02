/// Hangul as a person types it: syllables taken apart into their letters
/// (jamo), so a syllable still being composed ("허", "헐" on the way to 허리),
/// a word typed by its initial consonants (초성: "ㅎㄹ" for 허리) and a word
/// with one wrong vowel ("어께" for 어깨) compare as a Korean reader would.
///
/// Letters are given as Hangul compatibility jamo (U+3131–U+318E, what a
/// Korean keyboard sends for a lone letter), compound vowels and double
/// finals split into the keys that type them (ㅘ is ㅗ then ㅏ, ㄺ is ㄹ then
/// ㄱ), so the letters of a syllable are the keys pressed for it.
public enum Hangul {
    static let initials: [Character] = Array("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
    static let vowels: [Character] = Array("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
    /// Index 0 is "no final consonant".
    static let finals: [Character] = [" "] + Array("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

    /// Compound letters as the keys typed for them.
    static let keys: [Character: String] = [
        "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅐ", "ㅚ": "ㅗㅣ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ", "ㅟ": "ㅜㅣ", "ㅢ": "ㅡㅣ",
        "ㄳ": "ㄱㅅ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴㅎ", "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ",
        "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹㅎ", "ㅄ": "ㅂㅅ",
    ]

    /// Whether `scalar` is a precomposed Hangul syllable (가–힣).
    public static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }

    /// Whether `scalar` is a lone Hangul letter: compatibility jamo
    /// (U+3131–U+318E) or conjoining jamo (U+1100–U+11FF).
    public static func isJamo(_ scalar: Unicode.Scalar) -> Bool {
        (0x3131...0x318E).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value)
    }

    /// Whether `text` has a Hangul syllable or letter in it. Plain ASCII, the
    /// usual case, is answered from its bytes.
    public static func contains(_ text: some StringProtocol) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return text.unicodeScalars.contains { isSyllable($0) || isJamo($0) }
    }

    /// Whether `character` is a lone consonant key (ㄱ–ㅎ), as typed for 초성.
    public static func isConsonantKey(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x3131...0x314E).contains(scalar.value)
    }

    /// The keys typed for `text`: each syllable as its letters, compound
    /// letters split; everything else as it is. "왼쪽" → ㅇㅗㅣㄴㅉㅗㄱ.
    public static func keys(of text: some StringProtocol) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(text.utf8.count)
        func append(_ letter: Character) {
            if let split = keys[letter] { result.append(contentsOf: split) } else { result.append(letter) }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isSyllable(scalar) {
                let index = Int(value - 0xAC00)
                append(initials[index / (21 * 28)])
                append(vowels[(index % (21 * 28)) / 28])
                if index % 28 != 0 { append(finals[index % 28]) }
            } else if (0x1100...0x1112).contains(value) {
                append(initials[Int(value - 0x1100)])
            } else if (0x1161...0x1175).contains(value) {
                append(vowels[Int(value - 0x1161)])
            } else if (0x11A8...0x11C2).contains(value) {
                append(finals[Int(value - 0x11A8) + 1])
            } else {
                append(Character(scalar))
            }
        }
        return result
    }

    /// The initial consonant of a syllable (ㅎ for 허), the character itself
    /// for anything else.
    public static func initial(of character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, isSyllable(scalar) else { return character }
        return initials[Int(scalar.value - 0xAC00) / (21 * 28)]
    }

    /// Whether `name` may be what a person is typing when they have typed
    /// `typed` so far: the keys typed are the start of the name's keys
    /// ("허", "헐" and "허ㄹ" all start 허리), or the typed text is the
    /// name's initial consonants from its start, with whole syllables where
    /// typed ("ㅎㄹ" and "허ㄹ" for 허리, "왼ㅉㅇㄲ" for 왼쪽 어깨). Spaces in
    /// the name may be left out.
    public static func completes(_ typed: String, name: String) -> Bool {
        let typedKeys = keys(of: typed)
        if typedKeys.isEmpty { return true }
        let nameKeys = keys(of: name)
        if nameKeys.starts(with: typedKeys) { return true }
        let bareTyped = typed.filter { $0 != " " }
        let bareName = name.filter { $0 != " " }
        if !bareTyped.isEmpty, bareTyped.count < typed.count || bareName.count < name.count,
           keys(of: bareName).starts(with: keys(of: bareTyped)) {
            return true
        }
        guard bareTyped.contains(where: isConsonantKey), bareTyped.count <= bareName.count else { return false }
        for (typedCharacter, nameCharacter) in zip(bareTyped, bareName) {
            if typedCharacter == nameCharacter { continue }
            if isConsonantKey(typedCharacter), initial(of: nameCharacter) == typedCharacter { continue }
            return false
        }
        return true
    }

    /// Edit distance between the keys of `a` and `b` (one wrong vowel is
    /// one edit: 어께 is one from 어깨), or `limit + 1` when further.
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        Suggestion.editDistance(keys(of: a), keys(of: b), limit: limit)
    }

    /// How many edits a Hangul word of `keys` letters may be from a name
    /// and still be near it: one for a word of up to five letters (two
    /// syllables such as 허리 or 어깨), two for longer ones (와파림 is near
    /// 와파린).
    public static func limit(forKeys count: Int) -> Int {
        count <= 5 ? 1 : 2
    }

    /// Whether the last syllable of `text` ends in a consonant (받침), which
    /// decides between particles such as 와 and 과.
    static func endsInConsonant(_ text: some StringProtocol) -> Bool? {
        guard let scalar = text.unicodeScalars.last, isSyllable(scalar) else { return nil }
        return (scalar.value - 0xAC00) % 28 != 0
    }
}
