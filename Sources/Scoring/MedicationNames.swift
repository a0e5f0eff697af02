import QuestionnaireModel

/// Medicine names in another language (`Questionnaires/medications.ko.json`:
/// 와파린, 타이레놀), keyed by the generic name the medicines file gives, so
/// the medicines file itself never changes for a translation:
///
/// ```json
/// { "language": "ko", "medicines": { "warfarin": ["와파린", "쿠마딘"] } }
/// ```
///
/// `MedicationLexicon.adding(_:)` adds each name to every medicine with that
/// generic name, in every class it is in, so "와파린 5mg" is warfarin, a
/// blood thinner, as "warfarin 5mg" is; a mixed list ("와파린, ibuprofen")
/// reads both, and a near miss ("와파림") is asked about.
public struct MedicationNames: Sendable, Equatable {
    public var language: String
    /// The file's version ("1.0.0"), recorded in a session's transcript
    /// header when the session is held in `language`; nil when not given.
    public var version: String?
    /// Generic name → names in `language`.
    public var names: [String: [String]]
    /// Class code → the class's label in `language` ("혈액 희석제(항응고제)"
    /// for "blood thinner (anticoagulant)"), shown in assessments and reports.
    public var classLabels: [String: String]

    public init(language: String, version: String? = nil, names: [String: [String]], classLabels: [String: String] = [:]) {
        self.language = language
        self.version = version
        self.names = names
        self.classLabels = classLabels
    }

    static let topLevelKeys = ["$schema", "description", "version", "language", "classes", "medicines"]

    /// Reads a names file for `lexicon`; every problem is reported with the
    /// file and its place: a generic name the lexicon does not have, a name
    /// with no letter, a name twice for one medicine.
    public static func load(_ bytes: [UInt8], file: String, for lexicon: MedicationLexicon) throws(DiagnosticError) -> MedicationNames {
        var opening = try DataFileOpening.read(
            bytes, file: file, kind: "a medicine names file", shape: "\"language\" and \"medicines\"", keys: topLevelKeys)
        let language = opening.languageCode()
        let (json, object) = (opening.json, opening.object)
        var log = opening.log
        let root = JSONPath.root
        /// Whether `member` names one of `known`; else says so, with the nearest.
        func isKnown(_ member: JSONMember, among known: [String], as what: String, at path: JSONPath) -> Bool {
            guard !known.contains(member.key) else { return true }
            let hint = Suggestion.hint(for: member.key, among: Set(known))
            log.report(.error, "'\(member.key)' is not \(what) in the medicines file\(hint)", offset: member.keyOffset, path: path)
            return false
        }
        var version: String?
        if let value = object["version"] {
            if let text = value.stringValue, Self.isVersion(text) { version = text } else {
                log.error("'version' must be a version number such as \"1.0.0\"", at: value, path: root.appending("version"))
            }
        }
        var classLabels: [String: String] = [:]
        if let value = object["classes"] {
            if let classes = value.objectValue {
                let codes = lexicon.classes.map(\.code)
                for member in classes.members {
                    let path = root.appending("classes").appending(member.key)
                    guard isKnown(member, among: codes, as: "a class code", at: path) else { continue }
                    guard let label = member.value.stringValue, !label.trimmingSpaces().isEmpty else {
                        log.error("the label of class '\(member.key)' must be text, such as \"혈액 희석제(항응고제)\"", at: member.value, path: path)
                        continue
                    }
                    classLabels[member.key] = label
                }
            } else {
                log.error("'classes' must be an object of class codes and their labels, found \(value.typeDescription)", at: value, path: root.appending("classes"))
            }
        }
        var names: [String: [String]] = [:]
        if let medicines = object["medicines"]?.objectValue {
            let generics = lexicon.classes.flatMap { $0.medicines.map(\.generic) }
            for member in medicines.members {
                let path = root.appending("medicines").appending(member.key)
                guard isKnown(member, among: generics, as: "a generic name", at: path) else { continue }
                guard let list = member.value.arrayValue else {
                    log.error("the names of '\(member.key)' must be a list, such as [\"와파린\"], found \(member.value.typeDescription)", at: member.value, path: path)
                    continue
                }
                var seen: Set<String> = []
                var found: [String] = []
                for (index, element) in list.enumerated() {
                    guard let name = element.stringValue, !MedicationLexicon.words(in: name).isEmpty else {
                        log.error("a name must be text with a letter or digit in it, found \(element.stringValue.map { "'\($0)'" } ?? element.typeDescription)", at: element, path: path.appending(index))
                        continue
                    }
                    guard seen.insert(MedicationLexicon.words(in: name).joined(separator: " ")).inserted else {
                        log.error("'\(name)' is listed twice for '\(member.key)': list each name once", at: element, path: path.appending(index))
                        continue
                    }
                    found.append(name)
                }
                names[member.key] = found
            }
        } else {
            log.error("'medicines' is missing or not an object of generic names", at: object["medicines"] ?? json, path: root.appending("medicines"))
        }
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        return MedicationNames(language: language, version: version, names: names, classLabels: classLabels)
    }

    /// "1.0.0": numbers separated by dots.
    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...4).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

extension MedicationLexicon {
    /// This lexicon with the names of `local` added as brand names of each
    /// medicine with their generic name. Its version stays the medicines
    /// file's.
    public func adding(_ local: MedicationNames) -> MedicationLexicon {
        let extended = classes.map { medicationClass in
            var copy = medicationClass
            copy.medicines = medicationClass.medicines.map { medicine in
                var known = Set(([medicine.generic] + medicine.brands).map { MedicationLexicon.words(in: $0).joined(separator: " ") })
                var added = medicine
                for name in local.names[medicine.generic] ?? [] where known.insert(MedicationLexicon.words(in: name).joined(separator: " ")).inserted {
                    added.brands.append(name)
                }
                return added
            }
            return copy
        }
        var lexicon = MedicationLexicon(version: version, classes: extended)
        lexicon.classLabels = classLabels
        if !local.classLabels.isEmpty { lexicon.classLabels[local.language, default: [:]].merge(local.classLabels) { $1 } }
        return lexicon
    }

    /// The label of class `code` in `language`: its translation when a
    /// names file gave one, else the medicines file's own (English).
    public func label(ofClass code: String, in language: Language) -> String {
        if language != .english, let label = classLabels[language.rawValue]?[code] { return label }
        return classes.first { $0.code == code }?.label ?? code
    }

    /// The label `english` (a class's label in the medicines file) in
    /// `language`, or as it is.
    public func label(_ english: String, in language: Language) -> String {
        guard language != .english, let code = classes.first(where: { $0.label == english })?.code else { return english }
        return label(ofClass: code, in: language)
    }
}
