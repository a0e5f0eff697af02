import QuestionnaireModel

/// Medicine names and the classes the rules read (`anticoagulant`, `opioid`…),
/// loaded from `Questionnaires/medications.json`.
///
/// Names match as whole words, ignoring case and accents, so "Eliquis 5 mg
/// twice daily" is apixaban and "warfarine" (a misspelling) is nothing. A name
/// the lexicon does not know is never guessed: it is kept as typed and listed
/// for the therapist.
public struct MedicationLexicon: Sendable {
    /// One class of medicines.
    public struct MedicationClass: Sendable, Equatable {
        public var code: String
        public var label: String
        public var medicines: [Medicine]
    }

    /// A medicine: its generic name and brand names.
    public struct Medicine: Sendable, Equatable {
        public var generic: String
        public var brands: [String]
    }

    /// What the lexicon found in one entry of a medicines answer.
    public struct Match: Sendable, Equatable {
        /// The entry as typed.
        public var entry: String
        /// The generic names recognised in it.
        public var generics: [String]
        /// The class codes of those medicines, in lexicon order.
        public var classes: [String]
    }

    public var version: String
    /// Read only: the lookup tables are made from them.
    public let classes: [MedicationClass]
    /// This lexicon with names in another language added (Korean names),
    /// made when an entry with Hangul in it is first read: `match` and
    /// `nearMisses` of such an entry use it.
    public var laterNames: Later<MedicationLexicon>?

    /// The lexicon to read `entry` with: with the later names when it has
    /// Hangul in it (what completion of a Hangul name offers).
    public func reading(_ entry: some StringProtocol) -> MedicationLexicon {
        guard let laterNames, Hangul.contains(entry) else { return self }
        return laterNames.value
    }
    /// Language code → class code → the class's label in that language,
    /// from a names file (`MedicationNames.classLabels`).
    public var classLabels: [String: [String: String]] = [:]
    /// What `match` and `nearMisses` look names up in, made from `classes`
    /// the first time an entry is read: a session reads none before its
    /// medicines question, so its first question does not wait for it.
    private let lookup: Later<Lookup>

    private struct Lookup: Sendable {
        /// Name in matching form (one or more words) → (generic, class code).
        var index: [String: [(generic: String, classCode: String)]] = [:]
        var longestName = 1
        /// Every one-word name once, for near misses: its matching form, the
        /// name as written, its generic and the first class it is in.
        var nearGroups: [(form: String, name: String, generic: String, classLabel: String)] = []

        init(_ classes: [MedicationClass]) {
            var seen: Set<String> = []
            for medicationClass in classes {
                for medicine in medicationClass.medicines {
                    for name in [medicine.generic] + medicine.brands {
                        let words = MedicationLexicon.words(in: name)
                        guard !words.isEmpty else { continue }
                        if words.count == 1, MedicationLexicon.longEnoughToBeNear(words[0], english: 4), seen.insert(words[0]).inserted {
                            nearGroups.append((words[0], name, medicine.generic, medicationClass.label))
                        }
                        longestName = max(longestName, words.count)
                        index[words.joined(separator: " "), default: []].append((medicine.generic, medicationClass.code))
                    }
                }
            }
        }

        /// The medicines a name (one or more words in matching form) stands
        /// for. A Korean word may carry a particle ("와파린을", "타이레놀하고"):
        /// without it, it is looked up again.
        func hits(for phrase: String, length: Int) -> [(generic: String, classCode: String)]? {
            if let found = index[phrase] { return found }
            guard length == 1, Hangul.contains(phrase) else { return nil }
            for particle in MedicationLexicon.koreanParticles where phrase.hasSuffix(particle) && phrase.count > particle.count {
                if let found = index[String(phrase.dropLast(particle.count))] { return found }
            }
            return nil
        }
    }

    public init(version: String, classes: [MedicationClass]) {
        self.version = version
        self.classes = classes
        lookup = Later { Lookup(classes) }
    }

    /// Every generic and brand name, for Tab completion.
    public var names: [String] {
        // Each name lower-cased once, not twice per comparison: made at
        // the start of every session, before the first question.
        classes.flatMap { $0.medicines.flatMap { [$0.generic] + $0.brands } }
            .map { (key: $0.lowercased(), name: $0) }
            .sorted { $0.key < $1.key }
            .map(\.name)
    }

    /// The class with `code`.
    public func medicationClass(_ code: String) -> MedicationClass? {
        classes.first { $0.code == code }
    }

    /// The medicines and classes named in one entry.
    public func match(_ entry: String) -> Match {
        if let laterNames, Hangul.contains(entry) { return laterNames.value.match(entry) }
        let words = MedicationLexicon.words(in: entry)
        let lookup = lookup.value
        var generics: [String] = []
        var classCodes: Set<String> = []
        var start = 0
        while start < words.count {
            var matched = false
            for length in stride(from: min(lookup.longestName, words.count - start), through: 1, by: -1) {
                let phrase = words[start..<(start + length)].joined(separator: " ")
                if let hits = lookup.hits(for: phrase, length: length) {
                    for hit in hits {
                        if !generics.contains(hit.generic) { generics.append(hit.generic) }
                        classCodes.insert(hit.classCode)
                    }
                    start += length
                    matched = true
                    break
                }
            }
            if !matched { start += 1 }
        }
        let ordered = classes.map(\.code).filter(classCodes.contains)
        return Match(entry: entry, generics: generics, classes: ordered)
    }

    /// The words of `text` in matching form: letters and digits only, lower
    /// case, accents removed; a dose glued to a name is a word of its own
    /// ("xarelto20mg" is "xarelto", "20mg").
    static func words(in text: String) -> [String] {
        asciiWords(in: text) ?? splitGluedDoses(tokens(in: text))
    }

    /// `words(in:)` of ASCII text in one pass over its bytes: the runs of
    /// letters and digits, lower-cased, split where a digit follows a
    /// letter (what the matching form, `tokens` and `splitGluedDoses` give
    /// for ASCII); nil for other text.
    static func asciiWords(in text: String) -> [String]? {
        var text = text
        return text.withUTF8 { source -> [String]? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            func word(_ range: Range<Int>) {
                words.append(String(unsafeUninitializedCapacity: range.count) { output in
                    for (offset, byte) in source[range].enumerated() {
                        output[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    }
                    return range.count
                })
            }
            var start: Int?
            var previousIsLetter = false
            for (index, byte) in source.enumerated() {
                let isLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if !isLetter && !isDigit {
                    if let first = start { word(first..<index) }
                    start = nil
                } else if let first = start {
                    if isDigit, previousIsLetter {
                        word(first..<index)
                        start = index
                    }
                } else {
                    start = index
                }
                previousIsLetter = isLetter
            }
            if let first = start { word(first..<source.count) }
            return words
        }
    }

    /// Splits each word where a letter is followed by a digit.
    static func splitGluedDoses(_ words: [String]) -> [String] {
        var result: [String] = []
        for word in words {
            // ASCII, nearly every name: the same split on the bytes, without
            // looking up each character's Unicode properties.
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                splitGluedDoses(ascii: word, into: &result)
                continue
            }
            var current = ""
            var previousIsLetter = false
            for character in word {
                if character.isNumber, previousIsLetter, !current.isEmpty {
                    result.append(current)
                    current = ""
                }
                current.append(character)
                previousIsLetter = character.isLetter
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }

    /// `splitGluedDoses` of one ASCII word, where a letter is A-Z or a-z and
    /// a number 0-9 (Character's isLetter and isNumber for ASCII).
    private static func splitGluedDoses(ascii word: String, into result: inout [String]) {
        let bytes = word.utf8
        var start = bytes.startIndex
        var previousIsLetter = false
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isDigit, previousIsLetter, index != start {
                result.append(String(word[start..<index]))
                start = index
            }
            previousIsLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            index = bytes.index(after: index)
        }
        if start != bytes.endIndex { result.append(String(word[start...])) }
    }

    /// A known name near one word of `entry` that no name matched
    /// ("warfrin" near warfarin): never taken as it, but asked about in an
    /// interview and listed as a possible match in a file's assessment.
    public struct NearMiss: Sendable, Equatable {
        /// The word as typed, in matching form.
        public var typed: String
        /// The known name, as the lexicon writes it.
        public var name: String
        /// The generic name it stands for.
        public var generic: String
        /// The class it is in, in words ("blood thinner (anticoagulant)").
        public var classLabel: String
    }

    /// Words that are often in a medicines answer and are no medicine.
    static let commonWords: Set<String> = [
        "daily", "twice", "three", "times", "needed", "morning", "evening", "night", "nightly", "weekly", "monthly", "tablet",
        "tablets", "capsule", "capsules", "every", "other", "about", "after", "before", "meals", "sometimes", "occasionally",
        "injection", "injections", "cream", "drops", "spray", "inhaler", "vitamin", "vitamins", "supplement", "supplements",
    ]

    /// The words of `entry` that no name matched but that are near exactly
    /// one known name (within the same edit distance as every other "Did
    /// you mean"), with what that name is.
    public func nearMisses(in entry: String) -> [NearMiss] {
        if let laterNames, Hangul.contains(entry) { return laterNames.value.nearMisses(in: entry) }
        let words = MedicationLexicon.words(in: entry)
        let lookup = lookup.value
        var consumed = Set<Int>()
        var start = 0
        while start < words.count {
            var matched = false
            for length in stride(from: min(lookup.longestName, words.count - start), through: 1, by: -1) {
                if lookup.hits(for: words[start..<(start + length)].joined(separator: " "), length: length) != nil {
                    consumed.formUnion(start..<(start + length))
                    start += length
                    matched = true
                    break
                }
            }
            if !matched { start += 1 }
        }
        var misses: [NearMiss] = []
        for (position, word) in words.enumerated() where !consumed.contains(position) {
            guard MedicationLexicon.longEnoughToBeNear(word, english: 5), word.allSatisfy(\.isLetter), !MedicationLexicon.commonWords.contains(word),
                  let found = NearName.nearest(to: word, in: lookup.nearGroups.map { [$0.form] })
            else { continue }
            let name = lookup.nearGroups[found]
            if !misses.contains(where: { $0.typed == word }) {
                misses.append(NearMiss(typed: word, name: name.name, generic: name.generic, classLabel: name.classLabel))
            }
        }
        return misses
    }

    /// Particles a Korean medicine name may carry in an answer.
    static let koreanParticles = ["이랑", "하고", "이요", "을", "를", "이", "가", "은", "는", "도", "만", "와", "과", "랑", "요"]

    /// Whether a word is long enough to be near a name: `english` letters
    /// for words in Latin letters (as before), five keys and two
    /// syllables for Hangul (와파림, not 약).
    static func longEnoughToBeNear(_ word: String, english: Int) -> Bool {
        Hangul.contains(word) ? word.count >= 2 && Hangul.keys(of: word).count >= 5 : word.count >= english
    }

    /// The raw words of `text`: letters and digits only, lower case, accents removed.
    static func tokens(in text: String) -> [String] {
        let form = TextInput.matchingForm(text)
        // ASCII, nearly every name: split on the bytes, without looking up
        // each character's Unicode properties.
        if form.utf8.allSatisfy({ $0 < 0x80 }) {
            return form.utf8
                .split { !(($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                           || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z"))) }
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return form.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

// MARK: - Loading

extension MedicationLexicon {
    static let topLevelKeys = ["$schema", "version", "description", "classes"]
    static let classKeys = ["code", "label", "medicines"]
    static let medicineKeys = ["generic", "brands"]

    /// How surely a parsed JSON file is a medicines file: its "classes" key.
    public static func recognition(of json: JSONValue) -> FileRecognition {
        json.objectValue?["classes"] != nil ? .surely : .no
    }

    /// Reads a lexicon file; problems are reported with file and place.
    ///
    /// Strict, because a slip here is silent later: a misspelt key such as
    /// `"brand"` would drop a brand name, and a person taking it would not get
    /// the precaution its class calls for.
    public static func load(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> MedicationLexicon {
        let source = SourceText(bytes)
        let json = try JSONParser.parseFile(bytes, file: file)
        var log = DiagnosticLog(file: file, source: source)
        log.refuseControlCharacters(in: json)
        var reader = LexiconReader(log: log)
        let lexicon = reader.read(json)
        guard let lexicon, !reader.log.hasErrors else { throw DiagnosticError(reader.log.diagnostics) }
        return lexicon
    }
}

/// Reads the parts of a medicines file, logging each problem.
private struct LexiconReader {
    var log: DiagnosticLog

    mutating func read(_ json: JSONValue) -> MedicationLexicon? {
        let root = JSONPath.root
        guard let object = json.objectValue else {
            log.error("a medicines file must be an object with \"version\" and \"classes\", found \(json.typeDescription)", at: json, path: root)
            return nil
        }
        checkKeys(object, at: root, what: "a medicines file", allowed: MedicationLexicon.topLevelKeys)
        for key in ["$schema", "description"] {
            if let value = object[key], value.stringValue == nil {
                log.error("'\(key)' must be a string, found \(value.typeDescription)", at: value, path: root.appending(key))
            }
        }
        let version = object["version"]?.stringValue ?? ""
        if version.isEmpty { log.error("'version' is missing or not a string", at: object["version"] ?? json, path: root.appending("version")) }
        guard let list = object["classes"]?.arrayValue else {
            log.error("'classes' is missing or not a list", at: object["classes"] ?? json, path: root.appending("classes"))
            return nil
        }
        var classes: [MedicationLexicon.MedicationClass] = []
        var codes: [String: JSONPath] = [:]
        for (index, element) in list.enumerated() {
            let path = root.appending("classes").appending(index)
            guard let medicationClass = readClass(element, at: path) else { continue }
            if let first = codes[medicationClass.code] {
                log.error("the class '\(medicationClass.code)' appears twice (first at \(first)): class codes must be unique", at: element["code"], path: path.appending("code"))
                continue
            }
            codes[medicationClass.code] = path
            classes.append(medicationClass)
        }
        return MedicationLexicon(version: version, classes: classes)
    }

    mutating func checkKeys(_ object: JSONObject, at path: JSONPath, what: String, allowed: [String]) {
        for member in object.members where !allowed.contains(member.key) {
            let hint = Suggestion.hint(for: member.key, among: allowed)
            log.report(.error, "unknown key '\(member.key)' in \(what)\(hint)", offset: member.keyOffset, path: path.appending(member.key))
        }
    }

    mutating func readClass(_ value: JSONValue, at path: JSONPath) -> MedicationLexicon.MedicationClass? {
        guard let object = value.objectValue else {
            log.error("a class must be an object with \"code\", \"label\" and \"medicines\", found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        checkKeys(object, at: path, what: "a class", allowed: MedicationLexicon.classKeys)
        for key in MedicationLexicon.classKeys where object[key] == nil {
            log.error("'\(key)' is missing: a class needs \"code\", \"label\" and \"medicines\"", at: value, path: path)
        }
        var code: String?
        if let codeValue = object["code"] {
            if let text = codeValue.stringValue, Option.isValidCode(text) {
                code = text
            } else {
                let found = codeValue.stringValue.map { "'\($0)'" } ?? codeValue.typeDescription
                log.error("a class code must be lower-case letters, digits and '-', not starting or ending with '-', such as \"anticoagulant\"; found \(found)", at: codeValue, path: path.appending("code"))
            }
        }
        var label: String?
        if let labelValue = object["label"] {
            if let text = labelValue.stringValue, !text.allSatisfy(\.isWhitespace) {
                label = text
            } else {
                log.error("'label' must be the class in plain words, such as \"blood thinner (anticoagulant)\"; found \(labelValue.stringValue == nil ? labelValue.typeDescription : "blank text")", at: labelValue, path: path.appending("label"))
            }
        }
        var medicines: [MedicationLexicon.Medicine]?
        if let medicinesValue = object["medicines"] {
            if let list = medicinesValue.arrayValue {
                medicines = readMedicines(list, at: path.appending("medicines"), classCode: code)
            } else {
                log.error("'medicines' must be a list of medicines, found \(medicinesValue.typeDescription)", at: medicinesValue, path: path.appending("medicines"))
            }
        }
        guard let code, let label, let medicines else { return nil }
        return MedicationLexicon.MedicationClass(code: code, label: label, medicines: medicines)
    }

    /// The medicines of one class. A name may be in several classes (it
    /// matches all of them), but only once in a class.
    mutating func readMedicines(_ list: [JSONValue], at path: JSONPath, classCode: String?) -> [MedicationLexicon.Medicine] {
        var medicines: [MedicationLexicon.Medicine] = []
        var names: [String: JSONPath] = [:]
        func note(_ name: String, at namePath: JSONPath, value: JSONValue?, log: inout DiagnosticLog) {
            let key = MedicationLexicon.words(in: name).joined(separator: " ")
            if let first = names[key] {
                let owner = classCode.map { "the class '\($0)'" } ?? "this class"
                log.error("'\(name)' is already listed in \(owner) (at \(first)): list each name once in a class", at: value, path: namePath)
            } else {
                names[key] = namePath
            }
        }
        for (position, element) in list.enumerated() {
            let medicinePath = path.appending(position)
            guard let object = element.objectValue else {
                log.error("a medicine must be an object such as {\"generic\": \"apixaban\", \"brands\": [\"Eliquis\"]}, found \(element.typeDescription)", at: element, path: medicinePath)
                continue
            }
            checkKeys(object, at: medicinePath, what: "a medicine", allowed: MedicationLexicon.medicineKeys)
            var generic: String?
            if let genericValue = object["generic"] {
                if let name = medicineName(genericValue, at: medicinePath.appending("generic"), what: "the generic name") {
                    note(name, at: medicinePath.appending("generic"), value: genericValue, log: &log)
                    generic = name
                }
            } else {
                log.error("'generic' is missing: a medicine needs its generic name, such as \"apixaban\"", at: element, path: medicinePath)
            }
            var brands: [String] = []
            if let brandsValue = object["brands"] {
                if let brandList = brandsValue.arrayValue {
                    for (index, brandValue) in brandList.enumerated() {
                        let brandPath = medicinePath.appending("brands").appending(index)
                        guard let brand = medicineName(brandValue, at: brandPath, what: "a brand name") else { continue }
                        note(brand, at: brandPath, value: brandValue, log: &log)
                        brands.append(brand)
                    }
                } else {
                    log.error("'brands' must be a list of brand names, such as [\"Eliquis\"], found \(brandsValue.typeDescription)", at: brandsValue, path: medicinePath.appending("brands"))
                }
            }
            if let generic {
                medicines.append(MedicationLexicon.Medicine(generic: generic, brands: brands))
            }
        }
        return medicines
    }

    /// A medicine name: a string with at least one letter or digit, since
    /// names match as words.
    mutating func medicineName(_ value: JSONValue, at path: JSONPath, what: String) -> String? {
        guard let text = value.stringValue else {
            log.error("\(what) must be a string, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        guard !MedicationLexicon.words(in: text).isEmpty else {
            log.error("\(what) '\(text)' has no letter or digit, so it could never match what a person types", at: value, path: path)
            return nil
        }
        return text
    }
}
