/// A translation file: the texts of one questionnaire or rules file in
/// another language, for both audiences, beside the file it translates
/// (`massage-intake.ko.json` for `massage-intake.json`, schema
/// `Questionnaires/schema/translation.schema.json`).
///
/// Each entry names a text by its `TextKey` (owner, id, option code, field)
/// and holds the English self text it was translated from (`source`, so a
/// changed English text shows as stale), the words to the person (`self`)
/// and, optionally, for a staff member (`reception`). Loading checks the
/// shape only; whether each key exists in the English file, and whether
/// every text is translated, is coverage (`TranslationCoverage`), which
/// validate reports: a translation that lags behind its file still loads.
public struct Translation: Sendable {
    /// One translated text.
    public struct Entry: Sendable {
        public var key: TextKey
        /// The English self text translated, exactly.
        public var source: String
        /// The words to the person themselves: a string, or (for a rule's
        /// `discuss` and `headline`) a list of pieces like the rules file's.
        public var selfText: JSONValue
        /// The words for a staff member at reception, when they differ.
        public var reception: JSONValue?
        /// Where the entry is, for messages.
        public var path: JSONPath
        /// Its byte offset in the file, for line:column.
        public var offset: Int
    }

    public var language: Language
    /// The file translated, by its name beside this one ("massage-intake.json").
    public var translates: String
    /// The version of the translated file this translation was made for.
    public var version: String?
    public var entries: [Entry]
    /// The file's name, as diagnostics give it.
    public var file: String
    /// The file's text, for line:column in diagnostics about entries.
    public var source: SourceText

    static let topLevelKeys = ["$schema", "language", "translates", "version", "description", "texts"]
    static let entryKeys = ["owner", "id", "code", "field", "source", "self", "reception"]
    static let owners = ["file", "section", "node", "option", "rule", "category", "derived", "pressure"]
    /// How the parts of a list (a scale's `points`) are kept in one string.
    public static let listSeparator = "\u{1E}"

    /// The languages intake has program words for, besides English; a
    /// translation file may be in any of them.
    public static let languages: [Language] = ["ko"]

    /// `folder/NAME.json` → `folder/NAME.LANG.json`.
    public static func path(beside file: String, language: Language) -> String {
        let base = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        return "\(base).\(language.rawValue).json"
    }

    /// Reads a translation file, refusing a wrong shape with the file and
    /// JSON path of each problem.
    public static func load(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> Translation {
        let opening = try DataFileOpening.read(
            bytes, file: file, kind: "a translation file", shape: "'language', 'translates' and 'texts'", keys: topLevelKeys)
        let (json, object) = (opening.json, opening.object)
        var log = opening.log
        let root = JSONPath.root
        let language = text("language", in: object, at: root, owner: json, log: &log)
        if let language, !languages.map(\.rawValue).contains(language) {
            let known = languages.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            log.error("'\(language)' is not a language intake speaks: use \(known) (English is the files' own language)", at: object["language"], path: root.appending("language"))
        }
        let translates = text("translates", in: object, at: root, owner: json, log: &log)
        let version = text("version", in: object, at: root, owner: json, required: false, log: &log)
        _ = text("description", in: object, at: root, owner: json, required: false, log: &log)
        _ = text("$schema", in: object, at: root, owner: json, required: false, log: &log)
        var entries: [Entry] = []
        var seen: [TextKey: JSONPath] = [:]
        if let texts = object["texts"] {
            if let list = texts.arrayValue {
                for (index, element) in list.enumerated() {
                    let path = root.appending("texts").appending(index)
                    guard let entry = readEntry(element, at: path, log: &log) else { continue }
                    if let earlier = seen[entry.key] {
                        log.error("'\(entry.key)' is translated twice (also at \(earlier)): keep one", at: element, path: path)
                        continue
                    }
                    seen[entry.key] = path
                    entries.append(entry)
                }
            } else {
                log.error("'texts' must be a list of translated texts, found \(texts.typeDescription)", at: texts, path: root.appending("texts"))
            }
        } else {
            log.error("'texts' is missing", at: json, path: root)
        }
        guard !log.hasErrors, let language, let translates else { throw DiagnosticError(log.diagnostics.filter { $0.severity == .error }) }
        return Translation(language: Language(rawValue: language), translates: translates, version: version, entries: entries, file: file, source: SourceText(bytes))
    }

    private static func text(_ key: String, in object: JSONObject, at path: JSONPath, owner: JSONValue, required: Bool = true, log: inout DiagnosticLog) -> String? {
        guard let value = object[key] else {
            if required { log.error("'\(key)' is missing", at: owner, path: path) }
            return nil
        }
        guard let text = value.stringValue, !text.allSatisfy(\.isWhitespace) else {
            log.error("'\(key)' must be a non-empty string, found \(value.typeDescription)", at: value, path: path.appending(key))
            return nil
        }
        return text
    }

    private static func readEntry(_ element: JSONValue, at path: JSONPath, log: inout DiagnosticLog) -> Entry? {
        guard let object = element.objectValue else {
            log.error("a translated text must be an object with 'owner', 'field', 'source' and 'self', found \(element.typeDescription)", at: element, path: path)
            return nil
        }
        for member in object.members where !entryKeys.contains(member.key) {
            log.report(.error, "unknown key '\(member.key)' in a translated text\(Suggestion.hint(for: member.key, among: entryKeys))", offset: member.keyOffset, path: path.appending(member.key))
        }
        guard let ownerName = text("owner", in: object, at: path, owner: element, log: &log), let field = text("field", in: object, at: path, owner: element, log: &log) else { return nil }
        // The English text, or (pieces of a rule's text, a scale's points) its list.
        var source: String?
        if let list = object["source"]?.arrayValue {
            let parts = list.compactMap(\.stringValue)
            if parts.count == list.count, !parts.isEmpty { source = parts.joined(separator: " ") } else {
                log.error("'source' must be a string or a list of strings", at: object["source"], path: path.appending("source"))
            }
        } else {
            source = text("source", in: object, at: path, owner: element, log: &log)
        }
        guard owners.contains(ownerName) else {
            log.error("'owner' must be one of \(owners.joined(separator: ", ")), found '\(ownerName)'\(Suggestion.hint(for: ownerName, among: owners))", at: object["owner"], path: path.appending("owner"))
            return nil
        }
        let id = ownerName == "file" ? nil : text("id", in: object, at: path, owner: element, log: &log)
        if ownerName == "file", object["id"] != nil {
            log.error("a text of the file itself has no 'id'", at: object["id"], path: path.appending("id"))
        }
        let code = ownerName == "option" ? text("code", in: object, at: path, owner: element, log: &log) : nil
        if ownerName != "option", object["code"] != nil {
            log.error("only an option's text has a 'code'", at: object["code"], path: path.appending("code"))
        }
        let owner: TextKey.Owner
        switch ownerName {
        case "file": owner = .file
        case "section": guard let id else { return nil }; owner = .section(id)
        case "node": guard let id else { return nil }; owner = .node(id)
        case "option": guard let id, let code else { return nil }; owner = .option(node: id, code: code)
        case "rule": guard let id else { return nil }; owner = .rule(id)
        case "derived": guard let id else { return nil }; owner = .derived(id)
        case "pressure": guard let id else { return nil }; owner = .pressure(id)
        default: guard let id else { return nil }; owner = .category(id)
        }
        guard let source else { return nil }
        guard let selfText = object["self"] else {
            log.error("'self' is missing: the translated words to the person themselves", at: element, path: path)
            return nil
        }
        for (name, value) in [("self", Optional(selfText)), ("reception", object["reception"])] as [(String, JSONValue?)] {
            guard let value else { continue }
            if let words = value.stringValue {
                if words.allSatisfy(\.isWhitespace) { log.error("'\(name)' must not be empty", at: value, path: path.appending(name)) }
            } else if value.arrayValue == nil {
                log.error("'\(name)' must be a string (or, for a rule's discuss or headline, a list of pieces), found \(value.typeDescription)", at: value, path: path.appending(name))
            }
        }
        return Entry(key: TextKey(owner, field), source: source, selfText: selfText, reception: object["reception"], path: path, offset: element.offset)
    }

    /// The plain string of a translated text; nil for a list of pieces.
    public static func string(_ value: JSONValue?) -> String? {
        value?.stringValue
    }

    /// The catalog of this translation's string texts (questionnaire
    /// texts): `self` under (language, self), `reception` under (language,
    /// reception). A list where a string is needed is an error here.
    public func stringCatalog() throws(DiagnosticError) -> TextCatalog<String> {
        var log = DiagnosticLog(file: file, source: source)
        var catalog = TextCatalog<String>()
        for entry in entries {
            for (audience, value) in [(Audience.`self`, Optional(entry.selfText)), (Audience.reception, entry.reception)] as [(Audience, JSONValue?)] {
                guard let value else { continue }
                if entry.key.field == "points", let list = value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) {
                    catalog.set(list.compactMap(\.stringValue).joined(separator: Self.listSeparator), for: entry.key, in: TextVariant(language: language, audience: audience))
                    continue
                }
                guard let words = value.stringValue else {
                    log.error("'\(entry.key)' is a text of one piece: give a string", at: value, path: entry.path.appending(audience == .self ? "self" : "reception"))
                    continue
                }
                catalog.set(words, for: entry.key, in: TextVariant(language: language, audience: audience))
            }
        }
        if log.hasErrors { throw DiagnosticError(log.diagnostics) }
        return catalog
    }

    /// A diagnostic about `entry` at its place in this file.
    public func diagnostic(_ severity: Diagnostic.Severity, _ message: String, entry: Entry) -> Diagnostic {
        var log = DiagnosticLog(file: file, source: source)
        log.report(severity, message, offset: entry.offset, path: entry.path)
        return log.diagnostics[0]
    }
}
