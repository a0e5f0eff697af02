import IntakeTesting
import Testing
import TerminalText
@testable import QuestionnaireModel

/// The Korean translation files beside the shipped questionnaires and rules
/// (`Questionnaires/*.ko.json`, format in Questionnaires/README.md, "Other
/// languages"): every text the English file shows has an entry, every entry's
/// `source` is the English text of today, and the Korean keeps what a
/// Korean-speaking client or staff member relies on (placeholders, paragraphs,
/// the read-aloud mark, the interview commands, 119 and 109, 80 columns).
///
/// Self-contained on purpose: it reads the files with the JSON parser only,
/// not with the translation loader, so it states the contract of the data
/// files on its own.
@Suite("Korean translation coverage")
struct TranslationCoverageTests {
    static let pairs = [
        ("massage-intake.json", "massage-intake.ko.json"),
        ("follow-up.json", "follow-up.ko.json"),
        ("massage-intake.rules.json", "massage-intake.rules.ko.json"),
        ("follow-up.rules.json", "follow-up.rules.ko.json"),
    ]

    @Test("every shown English text has a Korean entry, none is stale or extra", arguments: pairs)
    func coverage(english: String, korean: String) throws {
        let report = try TranslationCheck(
            english: JSONParser.parseFile(Fixtures.bytes("Questionnaires/\(english)"), file: english),
            translation: JSONParser.parseFile(Fixtures.bytes("Questionnaires/\(korean)"), file: korean),
            englishName: english)
        #expect(report.problems == [], "\(korean)")
        #expect(report.expected.count > 0)
        #expect(report.covered == report.expected.count, "\(korean): \(report.covered) of \(report.expected.count) texts")
    }

    @Test("the Korean keeps placeholders, paragraphs, commands, the read-aloud mark and Korean numbers", arguments: pairs)
    func content(english: String, korean: String) throws {
        let report = try TranslationCheck(
            english: JSONParser.parseFile(Fixtures.bytes("Questionnaires/\(english)"), file: english),
            translation: JSONParser.parseFile(Fixtures.bytes("Questionnaires/\(korean)"), file: korean),
            englishName: english)
        #expect(report.contentProblems == [], "\(korean)")
    }

    @Test("the crisis text names 109, the suicide-prevention line, and 119")
    func crisisText() throws {
        let file = "massage-intake.rules.ko.json"
        let translation = try JSONParser.parseFile(Fixtures.bytes("Questionnaires/\(file)"), file: file)
        let entry = try #require(translation["texts"]?.arrayValue?.first { $0["field"]?.stringValue == "crisisText" })
        for audience in ["self", "reception"] {
            let text = try #require(entry[audience]?.stringValue)
            #expect(text.contains("109") && text.contains("자살예방상담전화") && text.contains("119"), "\(audience): \(text)")
        }
    }

    @Test("the check finds a missing, a stale, an extra and an untranslated entry, and a lost reception text")
    func checkFindsProblems() throws {
        let english = try JSONParser.parse("""
            {"id": "q", "version": "1.0.0", "title": "Your check-in",
             "start": "a",
             "nodes": [
               {"id": "a", "kind": "single", "text": "Where does it hurt?", "hint": "One area.",
                "reception": {"text": "Where does it hurt the client?"},
                "options": [{"code": "neck", "label": "Neck"}, {"code": "back", "label": "Back"}]}
             ]}
            """)
        let translation = try JSONParser.parse("""
            {"language": "ko", "translates": "q.json", "version": "1.0.0", "texts": [
              {"owner": "file", "field": "title", "source": "Your check-in", "self": "Your check-in"},
              {"owner": "node", "id": "a", "field": "text", "source": "Where does it hurt?", "self": "어디가 아프십니까?"},
              {"owner": "node", "id": "a", "field": "hint", "source": "One area only.", "self": "한 곳."},
              {"owner": "option", "id": "a", "code": "neck", "field": "label", "source": "Neck", "self": "목"},
              {"owner": "option", "id": "a", "code": "knee", "field": "label", "source": "Knee", "self": "무릎"}
            ]}
            """)
        let report = TranslationCheck(english: english, translation: translation, englishName: "q.json")
        let all = (report.problems + report.contentProblems).joined(separator: "\n")
        #expect(all.contains("a.hint: stale"))
        #expect(all.contains("a.text: no reception text"))
        #expect(all.contains("a.options.back.label: missing"))
        #expect(all.contains("a.options.knee.label: extra"))
        #expect(all.contains("title: no Korean"))
        #expect(report.covered == 3)
    }
}

/// The texts an English questionnaire or rules file shows, and how a
/// translation file covers them.
struct TranslationCheck {
    /// An entry's key: owner, id, option code, field (the format's keys).
    struct Key: Hashable, CustomStringConvertible {
        var owner: String
        var id: String?
        var code: String?
        var field: String

        var description: String {
            switch owner {
            case "file": field
            case "option": "\(id ?? "").options.\(code ?? "").\(field)"
            case "node": "\(id ?? "").\(field)"
            default: "\(owner) \(id ?? "").\(field)"
            }
        }
    }

    /// An English text: a string, or the pieces of a rule text said by
    /// condition (and a scale's point words), in order.
    struct Expected {
        var source: [String]
        var isList: Bool
        var reception: [String]?
        /// A question's text or an option label: each line must fit 80 columns.
        var fitsALine = false
    }

    private(set) var expected: [Key: Expected] = [:]
    private(set) var order: [Key] = []
    private(set) var problems: [String] = []
    private(set) var contentProblems: [String] = []
    private(set) var covered = 0

    static let nodeTextFields = ["text", "label", "hint", "help", "why", "minLabel", "maxLabel", "unit"]
    /// String fields of a node that are not shown as text (ids, routes, typed answers, bounds).
    static let nodeOtherFields: Set = ["id", "kind", "section", "next", "optionsFrom", "default", "min", "max", "description"]
    static let ruleTextFields = ["title", "discuss", "headline", "evidence"]
    static let ruleOtherFields: Set = ["id", "effect", "section", "maxPressure", "description"]

    init(english: JSONValue, translation: JSONValue, englishName: String) {
        collect(english)
        check(translation, english: english, englishName: englishName)
    }

    // MARK: - The English texts

    private mutating func add(_ key: Key, _ value: JSONValue?, reception: JSONValue?, fitsALine: Bool = false) {
        guard let value, let source = Self.pieces(value) else { return }
        order.append(key)
        expected[key] = Expected(
            source: source.texts, isList: source.isList, reception: reception.flatMap { Self.pieces($0)?.texts }, fitsALine: fitsALine)
    }

    /// A text as its pieces: a string is one; a list holds strings or
    /// `{"when": ..., "text": ...}` pieces.
    static func pieces(_ value: JSONValue) -> (texts: [String], isList: Bool)? {
        if let text = value.stringValue { return ([text], false) }
        guard let list = value.arrayValue else { return nil }
        let texts = list.compactMap { $0.stringValue ?? $0["text"]?.stringValue }
        return texts.count == list.count ? (texts, true) : nil
    }

    private mutating func collect(_ english: JSONValue) {
        if let nodes = english["nodes"]?.arrayValue {
            add(Key(owner: "file", field: "title"), english["title"], reception: english["reception"]?["title"])
            for section in english["sections"]?.arrayValue ?? [] {
                add(Key(owner: "section", id: section["id"]?.stringValue, field: "title"), section["title"], reception: section["reception"]?["title"])
            }
            for node in nodes {
                let id = node["id"]?.stringValue
                let isInfo = node["kind"]?.stringValue == "info"
                for field in Self.nodeTextFields {
                    add(Key(owner: "node", id: id, field: field), node[field], reception: node["reception"]?[field], fitsALine: field == "text" && !isInfo)
                }
                add(Key(owner: "node", id: id, field: "points"), node["points"], reception: nil)
                for member in node.objectValue?.members ?? [] where member.value.stringValue != nil {
                    if !Self.nodeTextFields.contains(member.key) && !Self.nodeOtherFields.contains(member.key) {
                        problems.append("\(id ?? "").\(member.key): a string field this check does not know as text or not")
                    }
                }
                for option in node["options"]?.arrayValue ?? [] {
                    add(
                        Key(owner: "option", id: id, code: option["code"]?.stringValue, field: "label"), option["label"],
                        reception: option["reception"]?["label"], fitsALine: true)
                }
            }
        } else {
            for field in ["disclaimer", "crisisText"] {
                add(Key(owner: "file", field: field), english[field], reception: english["reception"]?[field])
            }
            for category in english["categories"]?.arrayValue ?? [] {
                let code = category["code"]?.stringValue
                add(Key(owner: "category", id: code, field: "title"), category["title"], reception: nil)
                add(Key(owner: "category", id: code, field: "text"), category["self"], reception: category["reception"])
                add(Key(owner: "category", id: code, field: "noted"), category["selfNoted"], reception: category["receptionNoted"])
            }
            for derived in english["derived"]?.arrayValue ?? [] {
                add(Key(owner: "derived", id: derived["name"]?.stringValue, field: "label"), derived["label"], reception: nil)
            }
            for level in english["pressure"]?["levels"]?.objectValue?.members ?? [] {
                add(Key(owner: "pressure", id: level.key, field: "levels"), level.value, reception: nil)
            }
            for rule in english["rules"]?.arrayValue ?? [] {
                let id = rule["id"]?.stringValue
                for field in Self.ruleTextFields {
                    add(Key(owner: "rule", id: id, field: field), rule[field], reception: rule["reception"]?[field])
                }
                for member in rule.objectValue?.members ?? [] where member.value.stringValue != nil {
                    if !Self.ruleTextFields.contains(member.key) && !Self.ruleOtherFields.contains(member.key) {
                        problems.append("rule \(id ?? "").\(member.key): a string field this check does not know as text or not")
                    }
                }
            }
        }
    }

    // MARK: - The translation

    private mutating func check(_ translation: JSONValue, english: JSONValue, englishName: String) {
        if translation["language"]?.stringValue != "ko" { problems.append("language: not \"ko\"") }
        if translation["translates"]?.stringValue != englishName { problems.append("translates: not \"\(englishName)\"") }
        if translation["version"]?.stringValue != english["version"]?.stringValue { problems.append("version: not the English file's") }
        var seen: Set<Key> = []
        for entry in translation["texts"]?.arrayValue ?? [] {
            let key = Key(
                owner: entry["owner"]?.stringValue ?? "?", id: entry["id"]?.stringValue, code: entry["code"]?.stringValue,
                field: entry["field"]?.stringValue ?? "?")
            if !seen.insert(key).inserted {
                problems.append("\(key): twice")
                continue
            }
            guard let want = expected[key] else {
                problems.append("\(key): extra (no such text in \(englishName))")
                continue
            }
            guard let source = entry["source"].flatMap(Self.pieces), source.texts == want.source, source.isList == want.isList else {
                problems.append("\(key): stale (source is not today's English text)")
                continue
            }
            guard let korean = entry["self"].flatMap(Self.pieces), korean.texts.count == want.source.count, korean.isList == want.isList else {
                problems.append("\(key): self missing or not shaped as the English")
                continue
            }
            covered += 1
            checkContent(key, korean.texts, against: want.source, fitsALine: want.fitsALine)
            let reception = entry["reception"].flatMap(Self.pieces)
            if let englishReception = want.reception {
                guard let reception, reception.texts.count == englishReception.count, reception.isList == want.isList else {
                    problems.append("\(key): no reception text (the English has one)")
                    continue
                }
                checkContent(key, reception.texts, against: englishReception, fitsALine: want.fitsALine)
            } else if let reception {
                checkContent(key, reception.texts, against: want.source, fitsALine: want.fitsALine)
            }
        }
        for key in order where !seen.contains(key) {
            problems.append("\(key): missing")
        }
        if let points = translation["texts"]?.arrayValue?.filter({ $0["field"]?.stringValue == "points" }) {
            for entry in points {
                let words = entry["self"]?.arrayValue?.compactMap(\.stringValue) ?? []
                if Set(words).count != words.count || words.contains(where: { Int($0) != nil }) {
                    contentProblems.append("\(entry["id"]?.stringValue ?? "").points: the words must differ and not be numbers")
                }
            }
        }
    }

    static let readAloudEnglish = "Read to the client:"
    static let readAloudKorean = "고객님께 읽어 주세요:"

    private mutating func checkContent(_ key: Key, _ korean: [String], against english: [String], fitsALine: Bool) {
        for (text, source) in zip(korean, english) {
            func problem(_ what: String) { contentProblems.append("\(key): \(what): \(text)") }
            if !text.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) { problem("no Korean") }
            if Self.placeholders(text) != Self.placeholders(source) { problem("placeholders differ from the English") }
            if Self.count("\n\n", in: text) != Self.count("\n\n", in: source) { problem("not the English's paragraphs") }
            if Self.count("\n- ", in: text) != Self.count("\n- ", in: source) { problem("not the English's list lines") }
            if Self.count(Self.readAloudKorean, in: text) != Self.count(Self.readAloudEnglish, in: source) || text.contains(Self.readAloudEnglish) {
                problem("the read-aloud mark is not where the English has it")
            }
            for command in Self.commands(source) where !text.contains(command) { problem("\(command) missing") }
            if source.contains("emergency number") && !text.contains("119") { problem("no 119 where the English names the emergency number") }
            for foreign in ["911", "999", "112", "988", "116 123"] where text.contains(foreign) { problem("names \(foreign), not a Korean number") }
            if fitsALine {
                for line in text.split(separator: "\n") where ColumnWidth.of(line) > 80 { problem("a line wider than 80 columns") }
            }
        }
    }

    static func placeholders(_ text: String) -> [Substring] {
        var found: [Substring] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return found.sorted()
    }

    static func commands(_ text: String) -> [String] {
        [":back", ":skip", ":review", ":why", ":help", ":quit", ":edit"].filter { text.contains($0) }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
