import Foundation
import Testing
import QuestionnaireModel

/// Every entry of `Tests/Hardening/answers-corpus.json`, a list of bad and odd
/// answers, through `Node.parse` of the real node of the shipped questionnaire.
///
/// An entry names a node of `Questionnaires/massage-intake.json` and its kind,
/// the text typed (`input`; `inputHex` for bytes that are not UTF-8, decoded
/// as a pipe decodes them; or `generate`: `prefix` + `repeat` × `count` +
/// `suffix`), and the outcome: `"expect": "accept"` with the typed `value` as
/// a transcript holds it, or `"expect": "reject"` with the exact `message` (or
/// a `messageContains` fragment). `session` and `answerFile` give another
/// outcome where a typed line or an answer file differs from `Node.parse`
/// (commands, Enter on an optional question); the end-to-end tests in
/// `IntakeKitTests/HardeningInputTests.swift` read them. An outcome is what
/// intake should do, and an entry fails while intake does otherwise: there
/// is no "known issue" mark, so wrong behaviour never passes quietly.
@Suite("Answer corpus: bad and odd answers through Node.parse")
struct AnswerCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let questionnaire: Questionnaire = {
        let path = root.appendingPathComponent("Questionnaires/massage-intake.json").path
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        do {
            return try QuestionnaireLoader.load(bytes, file: "massage-intake.json").questionnaire
        } catch {
            fatalError("the shipped questionnaire does not load: \(error)")
        }
    }()

    static let corpus: [CorpusEntry] = {
        let path = root.appendingPathComponent("Tests/Hardening/answers-corpus.json").path
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        do {
            return try CorpusEntry.load(bytes)
        } catch {
            fatalError("Tests/Hardening/answers-corpus.json: \(error)")
        }
    }()

    @Test("each entry", arguments: corpus)
    func entry(_ entry: CorpusEntry) throws {
        let node = try #require(Self.questionnaire.node(entry.node), "no node '\(entry.node)' in massage-intake.json")
        #expect(node.kind.rawValue == entry.kind, "\(entry.node) is a \(node.kind.rawValue) question, not \(entry.kind)")
        let outcome = node.parse(entry.input, options: Self.questionnaire.options(for: node, answers: [:]))
        entry.parse.check {
            switch (entry.parse.expect, outcome) {
            case (.accept, .success(let value)):
                let wanted = try #require(entry.parse.value.flatMap { AnswerValue(json: $0, kind: node.kind) }, "the corpus value does not fit a \(node.kind.rawValue) answer")
                #expect(value == wanted, "\(entry)")
            case (.reject, .failure(let rejection)):
                entry.parse.checkMessage(rejection.message, entry: entry)
            case (_, .success(let value)):
                Issue.record("\(entry): accepted as \(value.json.serialized()), expected \(entry.parse.expect)")
            case (_, .failure(let rejection)):
                Issue.record("\(entry): refused with \"\(rejection.message)\", expected \(entry.parse.expect)")
            }
        }
    }

    @Test func theCorpusCoversEveryKindAndWhatTheIssueAsksFor() {
        let corpus = Self.corpus
        #expect(corpus.count >= 200)
        let kinds = Set(corpus.map(\.kind))
        for kind in NodeKind.allCases where kind != .info {
            #expect(kinds.contains(kind.rawValue), "no entry for \(kind.rawValue)")
            #expect(corpus.contains { $0.kind == kind.rawValue && $0.parse.expect == .accept }, "nothing accepted for \(kind.rawValue)")
            #expect(corpus.contains { $0.kind == kind.rawValue && $0.parse.expect == .reject }, "nothing refused for \(kind.rawValue)")
        }
        for node in ["pain_intensity", "age_band", "pain_locations", "red_flags", "pregnancy_weeks", "pain_duration", "pregnancy_high_risk", "areas_to_avoid", "medications"] {
            #expect(corpus.contains { $0.node == node }, "no entry for \(node)")
        }
        let inputs = Set(corpus.map(\.input))
        let asked = [
            "", "   ", "\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{9B}31m", "1e309", "-0", "0x10", "NaN", "inf", "ten", "7.", " 7 ", "+7", "07", "7,5",
            "\u{0667}", "\u{FF17}", ":back 3", ":skip now", ":foo", ":back", "::", ":", "0", "00", "1e3 days", "-3 months", "999999999 years",
            "3 months ago", "since 2019", "none, neck", "neck, neck", "neck,,neck,", "n/a", "none", "\u{202E}01\u{202C}",
        ]
        for input in asked {
            #expect(inputs.contains(input), "the corpus has no entry for \(CorpusEntry.visible(input))")
        }
        #expect(corpus.contains { $0.input.unicodeScalars.count >= 1 << 20 }, "a 1 MB line")
        #expect(corpus.contains { $0.hex != nil }, "bytes that are not UTF-8")
        #expect(corpus.contains { $0.input.unicodeScalars.contains("\u{200D}") }, "a ZWJ sequence")
        #expect(corpus.contains { $0.input.unicodeScalars.contains("\u{0301}") }, "a combining accent")
        #expect(corpus.contains { $0.input.unicodeScalars.contains { (0x0590...0x05FF).contains($0.value) } }, "Hebrew")
        #expect(corpus.contains { $0.input.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }, "Arabic")
        #expect(corpus.contains { $0.node == "medications" && $0.input.split(separator: ",").count == 41 }, "41 medicines")
        #expect(corpus.contains { $0.node == "medications" && $0.input.count == 300 }, "a 300-character medicine")
        #expect(corpus.contains { $0.input.count >= 20 && $0.input.allSatisfy(\.isNumber) }, "a very long digit string")
    }
}

// MARK: - The corpus format

/// One answer of the corpus and what must happen to it.
struct CorpusEntry: Sendable, CustomTestStringConvertible {
    enum Expect: String, Sendable {
        /// Accepted, with `value`.
        case accept
        /// Refused with a message; the question is asked again.
        case reject
        /// Left unanswered (Enter or `:skip` on an optional question).
        case skip
        /// A command that does something other than refuse (`:back` past the first question).
        case back, command
    }

    /// One outcome: of `Node.parse`, of a typed line, or of an answer file.
    struct Outcome: Sendable {
        var expect: Expect
        var value: JSONValue?
        var message: String?
        var messageContains: String?

        init(_ object: JSONObject, at place: String) throws {
            guard let expect = object["expect"]?.stringValue.flatMap(Expect.init) else { throw FormatError("\(place): 'expect' must be accept, reject, skip, back or command") }
            self.expect = expect
            value = object["value"]
            message = object["message"]?.stringValue
            messageContains = object["messageContains"]?.stringValue
            if object["knownIssue"] != nil { throw FormatError("\(place): 'knownIssue' is not used: give what intake should do, and let the entry fail until it does") }
            if expect == .accept, value == nil { throw FormatError("\(place): an accepted answer needs its 'value'") }
            if expect == .reject, (message == nil) == (messageContains == nil) { throw FormatError("\(place): a refusal needs 'message' or 'messageContains' (one of them)") }
        }

        /// Runs `body`, recording what it throws as an issue.
        func check(_ body: () throws -> Void) {
            do { try body() } catch { Issue.record(error) }
        }

        func checkMessage(_ actual: String, entry: CorpusEntry) {
            if let message {
                #expect(actual == message, "\(entry)")
            }
            if let messageContains {
                #expect(actual.contains(messageContains), "\(entry): \"\(CorpusEntry.visible(actual))\"")
            }
        }
    }

    var node: String
    var kind: String
    var input: String
    /// The bytes typed, when they are not UTF-8 (`input` is then what a pipe decodes them to).
    var hex: [UInt8]?
    /// Where the entry is in the corpus, for messages.
    var index: Int
    var parse: Outcome
    var session: Outcome
    var answerFile: Outcome
    var note: String?

    /// Whether the input can be one line typed or piped.
    var fitsOnOneLine: Bool { !input.contains("\n") && !input.contains("\r") && !input.unicodeScalars.contains("\r") }

    /// The input's bytes as they would arrive on a pipe.
    var bytes: [UInt8] { hex ?? Array(input.utf8) }

    var testDescription: String { "#\(index) \(node) \(CorpusEntry.visible(input))" }
    var description: String { testDescription }

    static func load(_ bytes: [UInt8]) throws -> [CorpusEntry] {
        let json = try JSONParser.parse(bytes)
        guard let list = json["entries"]?.arrayValue else { throw FormatError("the corpus must be an object with an 'entries' list") }
        return try list.enumerated().map { index, element in
            guard let object = element.objectValue else { throw FormatError("entry \(index) is not an object") }
            return try CorpusEntry(object, index: index)
        }
    }

    init(_ object: JSONObject, index: Int) throws {
        let place = "entry \(index)"
        guard let node = object["node"]?.stringValue, let kind = object["kind"]?.stringValue else { throw FormatError("\(place): 'node' and 'kind' are needed") }
        self.node = node
        self.kind = kind
        self.index = index
        note = object["note"]?.stringValue
        if let text = object["input"]?.stringValue {
            input = text
        } else if let hexText = object["inputHex"]?.stringValue {
            var bytes: [UInt8] = []
            var digits = hexText.makeIterator()
            while let high = digits.next() {
                guard let low = digits.next(), let byte = UInt8(String([high, low]), radix: 16) else { throw FormatError("\(place): 'inputHex' must be pairs of hex digits") }
                bytes.append(byte)
            }
            hex = bytes
            input = String(decoding: bytes, as: UTF8.self)
        } else if let generate = object["generate"]?.objectValue {
            guard let piece = generate["repeat"]?.stringValue, let count = generate["count"]?.numberValue?.integer, count >= 0 else {
                throw FormatError("\(place): 'generate' needs 'repeat' (text) and 'count'")
            }
            input = (generate["prefix"]?.stringValue ?? "") + String(repeating: piece, count: count) + (generate["suffix"]?.stringValue ?? "")
        } else {
            throw FormatError("\(place): one of 'input', 'inputHex' or 'generate' is needed")
        }
        parse = try Outcome(object, at: place)
        session = try object["session"]?.objectValue.map { try Outcome($0, at: "\(place).session") } ?? parse
        answerFile = try object["answerFile"]?.objectValue.map { try Outcome($0, at: "\(place).answerFile") } ?? session
    }

    /// Text with control, format and direction characters shown as escapes,
    /// cut short when long, for test names and messages.
    static func visible(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > 60 {
                result += "…(\(text.unicodeScalars.count) scalars)"
                break
            }
            let category = scalar.properties.generalCategory
            let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark]
            if invisible.contains(category) || (category == .spaceSeparator && scalar != " ") {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return "'\(result)'"
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
