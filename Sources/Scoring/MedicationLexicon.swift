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
    public var classes: [MedicationClass]
    /// Name in matching form (one or more words) → (generic, class code).
    private var index: [String: [(generic: String, classCode: String)]]
    private var longestName: Int

    public init(version: String, classes: [MedicationClass]) {
        self.version = version
        self.classes = classes
        var index: [String: [(String, String)]] = [:]
        var longest = 1
        for medicationClass in classes {
            for medicine in medicationClass.medicines {
                for name in [medicine.generic] + medicine.brands {
                    let words = MedicationLexicon.words(in: name)
                    guard !words.isEmpty else { continue }
                    longest = max(longest, words.count)
                    index[words.joined(separator: " "), default: []].append((medicine.generic, medicationClass.code))
                }
            }
        }
        self.index = index
        self.longestName = longest
    }

    /// Every generic and brand name, for Tab completion.
    public var names: [String] {
        classes.flatMap { $0.medicines.flatMap { [$0.generic] + $0.brands } }.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// The class with `code`.
    public func medicationClass(_ code: String) -> MedicationClass? {
        classes.first { $0.code == code }
    }

    /// The medicines and classes named in one entry.
    public func match(_ entry: String) -> Match {
        let words = MedicationLexicon.words(in: entry)
        var generics: [String] = []
        var classCodes: Set<String> = []
        var start = 0
        while start < words.count {
            var matched = false
            for length in stride(from: min(longestName, words.count - start), through: 1, by: -1) {
                let phrase = words[start..<(start + length)].joined(separator: " ")
                if let hits = index[phrase] {
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
    /// case, accents removed.
    static func words(in text: String) -> [String] {
        TextInput.matchingForm(text)
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
    }
}

// MARK: - Loading

extension MedicationLexicon {
    /// Reads a lexicon file; problems are reported with file and place.
    public static func load(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> MedicationLexicon {
        let source = SourceText(bytes)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw DiagnosticError([Diagnostic(file: file, location: source.location(of: error.offset), message: error.message)])
        }
        var log = DiagnosticLog(file: file, source: source)
        let root = JSONPath.root
        guard let object = json.objectValue else {
            log.error("a medicines file must be an object with \"version\" and \"classes\", found \(json.typeDescription)", at: json, path: root)
            throw DiagnosticError(log.diagnostics)
        }
        for member in object.members where !["$schema", "version", "description", "classes"].contains(member.key) {
            log.report(.error, "unknown key '\(member.key)'", offset: member.keyOffset, path: root.appending(member.key))
        }
        let version = object["version"]?.stringValue ?? ""
        if version.isEmpty { log.error("'version' is missing or not a string", at: object["version"] ?? json, path: root.appending("version")) }
        var classes: [MedicationClass] = []
        if let list = object["classes"]?.arrayValue {
            for (index, element) in list.enumerated() {
                let path = root.appending("classes").appending(index)
                guard let code = element["code"]?.stringValue, !code.isEmpty,
                      let label = element["label"]?.stringValue,
                      let medicines = element["medicines"]?.arrayValue
                else {
                    log.error("a class needs \"code\", \"label\" and \"medicines\"", at: element, path: path)
                    continue
                }
                if classes.contains(where: { $0.code == code }) {
                    log.error("the class '\(code)' appears twice", at: element["code"], path: path.appending("code"))
                }
                var parsed: [Medicine] = []
                for (position, medicine) in medicines.enumerated() {
                    let medicinePath = path.appending("medicines").appending(position)
                    guard let generic = medicine["generic"]?.stringValue, !words(in: generic).isEmpty else {
                        log.error("a medicine needs a \"generic\" name", at: medicine, path: medicinePath)
                        continue
                    }
                    let brandValues = medicine["brands"]?.arrayValue ?? []
                    let brands = brandValues.compactMap(\.stringValue)
                    if brands.count != brandValues.count {
                        log.error("\"brands\" must be a list of names", at: medicine["brands"], path: medicinePath.appending("brands"))
                    }
                    parsed.append(Medicine(generic: generic, brands: brands))
                }
                classes.append(MedicationClass(code: code, label: label, medicines: parsed))
            }
        } else {
            log.error("'classes' is missing or not a list", at: object["classes"] ?? json, path: root.appending("classes"))
        }
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        return MedicationLexicon(version: version, classes: classes)
    }
}
