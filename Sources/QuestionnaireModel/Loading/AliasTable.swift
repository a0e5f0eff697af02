/// Words in another language for a questionnaire's options and scale points,
/// kept beside it as data (`Questionnaires/massage-intake.ko.aliases.json`),
/// keyed by question id and option code:
///
/// ```json
/// { "language": "ko", "questionnaire": "massage-intake",
///   "sets": { "body-areas": { "lower-back": ["허리", "요추"] } },
///   "questions": { "pain_locations": "body-areas",
///                  "pain_frequency": { "some-days": ["가끔"] },
///                  "pss_1": [["전혀 없음"], ["거의 없음"], ...] } }
/// ```
///
/// A question's value is the aliases of its options by code, a list of
/// words for each point of a scale, or the name of a set holding either.
/// `Questionnaire.adding(_:)` adds them to the options' local aliases and the
/// scale's point aliases, so answers in that language match; the
/// questionnaire file, its hash and everything written from it stay as they were.
public struct AliasTable: Sendable, Equatable {
    /// The language the words are in ("ko").
    public var language: String
    /// The id of the questionnaire the table is for.
    public var questionnaire: String
    /// Question id → option code → words.
    public var options: [String: [String: [String]]]
    /// Question id → words for each point of its scale, in order.
    public var points: [String: [[String]]]
    /// The table's version ("1.0.0"), recorded in a session's transcript
    /// header when the session is held in `language`; nil when not given.
    public var version: String?

    public init(language: String, questionnaire: String, options: [String: [String: [String]]] = [:], points: [String: [[String]]] = [:]) {
        self.language = language
        self.questionnaire = questionnaire
        self.options = options
        self.points = points
    }

    static let topLevelKeys = ["$schema", "description", "version", "language", "questionnaire", "sets", "questions"]

    /// Reads an alias table for `questionnaire`; every problem is reported
    /// with the file and its place (line:column and JSON path): an unknown
    /// question or option code, a scale given the wrong number of points, a
    /// word that would name two options of one question.
    public static func load(_ bytes: [UInt8], file: String, for questionnaire: Questionnaire) throws(DiagnosticError) -> AliasTable {
        var opening = try DataFileOpening.read(
            bytes, file: file, kind: "an alias table", shape: "\"language\", \"questionnaire\" and \"questions\"", keys: topLevelKeys)
        let language = opening.languageCode()
        var reader = AliasReader(log: opening.log, questionnaire: questionnaire)
        let table = reader.read(opening.json, object: opening.object, language: language)
        guard let table, !reader.log.hasErrors else { throw DiagnosticError(reader.log.diagnostics) }
        return table
    }
}

extension Questionnaire {
    /// The questionnaire to read `typed` with: the one with the words of
    /// another language (`laterWords`) when the text has Hangul in it,
    /// else this one. Only what an answer is read as changes; the codes it
    /// gives are the same.
    public func reading(_ typed: some StringProtocol) -> Questionnaire {
        guard let laterWords, Hangul.contains(typed) else { return self }
        return laterWords.value
    }

    /// This questionnaire with the words of `table` added: to the options of
    /// each question it names (and so to questions whose options come from
    /// it) and to the points of each scale.
    public func adding(_ table: AliasTable) -> Questionnaire {
        changingNodes { node in
            if let byCode = table.options[node.id], case .fixed(let options)? = node.spec.choiceSource {
                let added = options.map { option in byCode[option.code].map(option.adding(aliases:)) ?? option }
                switch node.spec {
                case .single: node.spec = .single(.fixed(added))
                case .multi: node.spec = .multi(.fixed(added))
                default: break
                }
            }
            if let words = table.points[node.id] { node.pointAliases = words }
        }
    }
}

/// Reads the parts of an alias table, logging each problem.
private struct AliasReader {
    var log: DiagnosticLog
    let questionnaire: Questionnaire

    mutating func read(_ json: JSONValue, object: JSONObject, language: String) -> AliasTable? {
        let root = JSONPath.root
        for key in ["$schema", "description"] {
            if let value = object[key], value.stringValue == nil {
                log.error("'\(key)' must be a string, found \(value.typeDescription)", at: value, path: root.appending(key))
            }
        }
        let id = object["questionnaire"]?.stringValue
        if id != questionnaire.id {
            let found = id.map { "'\($0)'" } ?? "nothing"
            log.error("'questionnaire' must name the questionnaire the words are for, '\(questionnaire.id)'; found \(found)", at: object["questionnaire"] ?? json, path: root.appending("questionnaire"))
        }
        var sets: [String: (value: JSONValue, path: JSONPath)] = [:]
        if let setsValue = object["sets"] {
            if let setsObject = setsValue.objectValue {
                for member in setsObject.members { sets[member.key] = (member.value, root.appending("sets").appending(member.key)) }
            } else {
                log.error("'sets' must be an object of named word lists, found \(setsValue.typeDescription)", at: setsValue, path: root.appending("sets"))
            }
        }
        guard let questions = object["questions"]?.objectValue else {
            log.error("'questions' is missing or not an object of question ids", at: object["questions"] ?? json, path: root.appending("questions"))
            return nil
        }
        var table = AliasTable(language: language, questionnaire: questionnaire.id)
        if let value = object["version"] {
            let parts = value.stringValue?.split(separator: ".", omittingEmptySubsequences: false) ?? []
            if (1...4).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                table.version = value.stringValue
            } else {
                log.error("'version' must be a version number such as \"1.0.0\"", at: value, path: root.appending("version"))
            }
        }
        let ids = questionnaire.nodes.map(\.id)
        for member in questions.members {
            let path = root.appending("questions").appending(member.key)
            guard let node = questionnaire.node(member.key) else {
                let hint = Suggestion.hint(for: member.key, among: ids)
                log.report(.error, "there is no question '\(member.key)' in \(questionnaire.id)\(hint)", offset: member.keyOffset, path: path)
                continue
            }
            var value = member.value
            var valuePath = path
            if let name = value.stringValue {
                guard let set = sets[name] else {
                    let hint = Suggestion.hint(for: name, among: sets.keys.sorted())
                    log.error("there is no set '\(name)' in 'sets'\(hint)", at: value, path: path)
                    continue
                }
                (value, valuePath) = set
            }
            if case .fixed(let options)? = node.spec.choiceSource {
                if let words = readOptions(value, at: valuePath, node: node, options: options) { table.options[node.id] = words }
            } else if node.kind == .scale, !node.points.isEmpty {
                if let words = readPoints(value, at: valuePath, node: node) { table.points[node.id] = words }
            } else {
                log.report(.error, "'\(node.id)' has no options or scale words to add words to", offset: member.keyOffset, path: path)
            }
        }
        return table
    }

    mutating func readOptions(_ value: JSONValue, at path: JSONPath, node: Node, options: [Option]) -> [String: [String]]? {
        guard let object = value.objectValue else {
            log.error("the words for '\(node.id)' must be an object of option codes, such as {\"lower-back\": [\"허리\"]}, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        var result: [String: [String]] = [:]
        var owners: [String: String] = [:]
        for option in options {
            for form in option.matchingForms { owners[form] = owners[form] ?? option.code }
        }
        var keyOwners: [String: String] = [:]
        for member in object.members {
            let codePath = path.appending(member.key)
            guard options.contains(where: { $0.code == member.key }) else {
                let hint = Suggestion.hint(for: member.key, among: options.map(\.code))
                log.report(.error, "'\(node.id)' has no option '\(member.key)'\(hint)", offset: member.keyOffset, path: codePath)
                continue
            }
            guard let words = readWords(member.value, at: codePath) else { continue }
            for (index, word) in words.enumerated() {
                let form = TextInput.matchingForm(word)
                if let owner = owners[form], owner != member.key {
                    log.error("'\(word)' already names the option '\(owner)' of '\(node.id)': a word may name one option only", at: member.value.arrayValue?[index], path: codePath.appending(index))
                }
                let key = Hangul.contains(form) ? KoreanWords.key(form) : form
                if let owner = keyOwners[key], owner != member.key {
                    log.error("'\(word)' reads as a word of the option '\(owner)' of '\(node.id)' (Korean words match without spaces, side words before or after): a word may name one option only", at: member.value.arrayValue?[index], path: codePath.appending(index))
                }
                keyOwners[key] = member.key
            }
            result[member.key] = words
        }
        return result
    }

    mutating func readPoints(_ value: JSONValue, at path: JSONPath, node: Node) -> [[String]]? {
        guard let list = value.arrayValue, list.count == node.points.count else {
            log.error("the words for the scale '\(node.id)' must be a list of \(node.points.count) lists, one for each point from '\(node.points.first ?? "")' to '\(node.points.last ?? "")'", at: value, path: path)
            return nil
        }
        var result: [[String]] = []
        var seen: [String: Int] = [:]
        for (index, element) in list.enumerated() {
            guard let words = readWords(element, at: path.appending(index)) else { return nil }
            for (position, word) in words.enumerated() {
                let bare = TextInput.folded(word).filter { $0 != " " }
                if let first = seen[bare], first != index {
                    log.error("'\(word)' is already a word of point \(first + 1) of '\(node.id)': a word may name one point only", at: element.arrayValue?[position], path: path.appending(index).appending(position))
                }
                seen[bare] = index
            }
            result.append(words)
        }
        return result
    }

    /// A list of words, each with a letter or digit in it.
    mutating func readWords(_ value: JSONValue, at path: JSONPath) -> [String]? {
        guard let list = value.arrayValue else {
            log.error("this must be a list of words, such as [\"허리\", \"요추\"], found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        var words: [String] = []
        for (index, element) in list.enumerated() {
            guard let word = element.stringValue, word.contains(where: { $0.isLetter || $0.isNumber }) else {
                log.error("a word must be text with a letter or digit in it, found \(element.stringValue.map { "'\($0)'" } ?? element.typeDescription)", at: element, path: path.appending(index))
                continue
            }
            words.append(word)
        }
        return words
    }
}
