import Foundation
import IntakeKit
import IntakeTesting
import QuestionnaireModel
import Testing

/// The answers corpus (`Tests/Hardening/answers-corpus.json`, described in
/// `QuestionnaireModelTests/AnswerCorpusTests.swift`) through intake's
/// commands in-process: piped one per line into a session (split as the
/// pipe reader splits bytes), and written into answer files. No input may
/// crash or hang intake, reach the terminal as an escape sequence, or leave
/// a transcript that does not replay.
@Suite("Hardening: odd answers, end to end")
struct HardeningInputTests {
    static let corpus: [HardeningEntry] = {
        do {
            return try HardeningEntry.load(Fixtures.bytes("Tests/Hardening/answers-corpus.json"))
        } catch {
            fatalError("Tests/Hardening/answers-corpus.json: \(error)")
        }
    }()

    static let straight: [String] = Fixtures.text("Tests/Fixtures/straight-session.txt").split(separator: "\n").map(String.init)

    /// Valid answers that lead from the start to each node of the corpus,
    /// taken from `straight-session.txt`.
    static let prefixes: [String: [String]] = [
        "age_band": [],
        "pain_duration": Array(straight.prefix(1)),
        "pain_locations": Array(straight.prefix(3)),
        "red_flags": Array(straight.prefix(5)),
        "pain_intensity": Array(straight.prefix(7)),
        "pregnancy_weeks": Array(straight.prefix(11)) + ["pregnancy"],
        "pregnancy_high_risk": Array(straight.prefix(11)) + ["pregnancy", "20"],
        "medications": Array(straight.prefix(13)),
        "areas_to_avoid": Array(straight.prefix(30)),
    ]

    @Test func everyNodeOfTheCorpusHasASessionThatReachesIt() {
        #expect(Self.straight.count == 31)
        #expect(Set(Self.corpus.map(\.node)) == Set(Self.prefixes.keys))
    }

    /// `bytes` piped into `intake run`, as a pipe reader reads them.
    static func pipe(_ bytes: [UInt8], into intake: InProcessIntake) -> InProcessIntake.Result {
        intake.run(SessionOptions(), reader: ScriptedLineReader(pipedBytes: bytes))
    }

    /// The events of a transcript `intake` wrote.
    static func events(_ transcript: String, of intake: InProcessIntake) throws -> [JSONValue] {
        try HardeningText.events(of: intake.files.written[transcript] ?? [])
    }

    // MARK: - Piped sessions

    /// Each node's refused inputs, one per line, then an accepted one and
    /// `:quit`: every refusal is shown and recorded, the question is asked
    /// again, nothing typed comes back as an escape sequence, and the
    /// transcript replays.
    @Test(arguments: prefixes.keys.sorted())
    func pipedSession(_ nodeID: String) throws {
        let entries = Self.corpus.filter { $0.node == nodeID }
        // Lines with a line break cannot be one line. Skips move the session
        // on, so they have sessions of their own (`pipedSkip`).
        let refused = entries.filter { $0.session.expect == .reject && $0.fitsOnOneLine }
        let last = try #require(entries.first { $0.session.expect == .accept && $0.fitsOnOneLine })
        var input: [UInt8] = []
        for line in Self.prefixes[nodeID] ?? [] { input += Array(line.utf8) + [0x0A] }
        for entry in refused { input += entry.bytes + [0x0A] }
        input += last.bytes + [0x0A] + Array(":quit\n".utf8)

        let intake = InProcessIntake()
        let result = Self.pipe(input, into: intake)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.isEmpty, "\(result.error)")
        if let raw = HardeningText.firstRawControl(in: result.output, allowing: ["\n"]) {
            Issue.record("the session's output holds \(raw) unescaped")
        }
        let shown = HardeningText.words(result.output)
        for entry in refused {
            if let message = entry.session.message {
                #expect(shown.contains("! " + HardeningText.words(message)), "\(entry): the refusal is not shown")
            }
        }

        let transcript = try #require(intake.transcripts.first)
        let events = try Self.events(transcript, of: intake)
        let rejected = events.filter { $0["type"]?.stringValue == "rejected" && $0["node"]?.stringValue == nodeID }
        #expect(rejected.count == refused.count, "every refused line is recorded, at this question")
        for (entry, event) in zip(refused, rejected) {
            let raw = event["raw"]?.stringValue ?? ""
            if entry.bytes.count <= 64 * 1024 {
                #expect(raw == entry.input, "\(entry): recorded as \(HardeningText.visible(raw))")
            } else {
                #expect(entry.input.hasPrefix(raw) && raw.utf8.count > 64 * 1024, "\(entry): a line over 64 KB is recorded cut at 64 KB")
            }
            entry.session.checkMessage(event["reason"]?.stringValue ?? "", entry: entry)
        }
        let answered = events.filter { $0["type"]?.stringValue == "answered" && $0["node"]?.stringValue == nodeID }
        #expect(answered.count == 1)
        let kind = try #require(NodeKind(rawValue: last.kind))
        let wanted = last.session.value.flatMap { AnswerValue(json: $0, kind: kind) }
        #expect(answered.first?["value"].flatMap { AnswerValue(json: $0, kind: kind) } == wanted, "\(last)")

        let replay = intake.replay(.init(path: transcript, check: true))
        #expect(replay.status == 0, "\(replay.output)")
        if let raw = HardeningText.firstRawControl(in: replay.output, allowing: ["\n"]) {
            Issue.record("replay prints \(raw) unescaped")
        }
    }

    /// An input a session takes as Enter at an optional question (spaces, or
    /// nothing visible at all) skips it and moves on: the skip is recorded
    /// with what was typed, nothing is refused, and the transcript replays.
    @Test(arguments: corpus.filter { $0.session.expect == .skip && $0.fitsOnOneLine })
    func pipedSkip(_ entry: HardeningEntry) throws {
        var input: [UInt8] = []
        for line in Self.prefixes[entry.node] ?? [] { input += Array(line.utf8) + [0x0A] }
        input += entry.bytes + [0x0A] + Array(":quit\n".utf8)

        let intake = InProcessIntake()
        let result = Self.pipe(input, into: intake)
        #expect(result.status == 0, "\(entry): \(result.error)")
        #expect(result.error.isEmpty, "\(entry): \(result.error)")
        if let raw = HardeningText.firstRawControl(in: result.output, allowing: ["\n"]) {
            Issue.record("\(entry): the session's output holds \(raw) unescaped")
        }

        let transcript = try #require(intake.transcripts.first)
        let events = try Self.events(transcript, of: intake).filter { $0["node"]?.stringValue == entry.node }
        #expect(events.map { $0["type"]?.stringValue ?? "" } == ["asked", "skipped"], "\(entry)")
        #expect(events.last?["raw"]?.stringValue == entry.input, "\(entry): the skip records what was typed")

        let replay = intake.replay(.init(path: transcript, check: true))
        #expect(replay.status == 0, "\(replay.output)")
    }

    /// A line typed with escape sequences is echoed with them written out, not
    /// sent to the terminal (a pipe's output is often a terminal).
    @Test func pipedLinesAreEchoedWithControlCharactersEscaped() throws {
        let result = Self.pipe(Array("\u{1B}[2J\n\u{1B}]0;title\u{07}\n\u{9B}31m\n:quit\n".utf8), into: InProcessIntake())
        #expect(result.status == 0)
        #expect(result.output.contains("> \\u{1b}[2J\n"))
        #expect(result.output.contains("> \\u{1b}]0;title\\u{7}\n"))
        #expect(result.output.contains("> \\u{9b}31m\n"))
        #expect(HardeningText.firstRawControl(in: result.output, allowing: ["\n"]) == nil)
    }

    // MARK: - Answer files

    static let completeAnswers: JSONObject = (try? JSONParser.parse(Fixtures.bytes("Tests/Fixtures/complete-answers.json")))?.objectValue ?? JSONObject()

    /// The largest answer file intake reads (`FileLimits.answers`).
    static let answerFileLimit = 1 << 20

    /// Where the tests put answer files: in memory.
    static let answerFile = "/memory/answers.json"

    /// Each entry as the answer to its question in a file that otherwise
    /// answers everything: exit 0 when it is accepted, else exit 2 with one
    /// line naming the file, the question's JSON path and the reason. A file
    /// over 1 MB (an answer of 1 MB) is refused by its size, unread.
    @Test(arguments: corpus.filter { $0.hex == nil })
    func answerFile(_ entry: HardeningEntry) throws {
        var answers = Self.completeAnswers
        if entry.node.hasPrefix("pregnancy_") {
            answers.set("conditions", .array([.string("pregnancy")]))
            answers.set("pregnancy_weeks", .number(20))
            answers.set("pregnancy_high_risk", .bool(false))
        }
        answers.set(entry.node, .string(entry.input))
        if entry.node == "pain_locations", let codes = entry.answerFile.value?.arrayValue?.compactMap(\.stringValue), codes.count >= 2 {
            // The main area is chosen from the areas given.
            answers.set("pain_primary", .string(codes[0]))
        }
        let intake = InProcessIntake()
        let path = Self.answerFile
        let bytes = JSONValue.object(answers).serializedBytes()
        intake.files.place(bytes, at: path)
        let result = intake.run(SessionOptions(answers: path), typing: [])

        if bytes.count > Self.answerFileLimit {
            #expect(result.status == 2, "\(entry)")
            #expect(result.error.hasPrefix("\(path): the file is "), "\(entry): \(result.error.prefix(300))")
            #expect(result.error.hasSuffix(" MB, more than the 1 MB limit\n"), "\(entry): \(result.error.prefix(300))")
            #expect(result.error.split(separator: "\n").count == 1)
            #expect(intake.transcripts.isEmpty, "\(entry): no session is started")
            return
        }
        entry.answerFile.check {
            switch entry.answerFile.expect {
            case .accept, .skip:
                #expect(result.status == 0, "\(entry): \(HardeningText.visible(result.error))")
                #expect(result.error.isEmpty)
                // The transcript holds the value read, or the skip.
                let events = try Self.events(try #require(intake.transcripts.first), of: intake)
                let type = entry.answerFile.expect == .accept ? "answered" : "skipped"
                let event = try #require(events.first { $0["type"]?.stringValue == type && $0["node"]?.stringValue == entry.node }, "\(entry): no '\(type)' event")
                if let value = entry.answerFile.value, let kind = NodeKind(rawValue: entry.kind) {
                    #expect(event["value"].flatMap { AnswerValue(json: $0, kind: kind) } == AnswerValue(json: value, kind: kind), "\(entry)")
                }
            case .reject:
                #expect(result.status == 2, "\(entry)")
                let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count == 2 && lines[1].isEmpty, "\(entry): one line on stderr, not \(lines.count - 1)")
                let line = String(lines[0])
                #expect(line.hasPrefix(path + ":"), "\(entry): the line names the file")
                #expect(line.contains(": $.\(entry.node): "), "\(entry): the line names the question's JSON path")
                if let message = entry.answerFile.message ?? entry.answerFile.messageContains {
                    #expect(line.contains(HardeningText.printable(message)), "\(entry): \(HardeningText.visible(line))")
                }
            case .back, .command:
                Issue.record("\(entry): an answer file holds answers only")
            }
            if let raw = HardeningText.firstRawControl(in: result.error, allowing: ["\n"]) {
                Issue.record("\(entry): stderr holds \(raw) unescaped")
            }
        }
    }

    /// A long answer in an answer file (under the file's 1 MB limit) is
    /// quoted cut to 60 characters in the one line that refuses it.
    @Test(arguments: prefixes.keys.sorted())
    func aLongAnswerInAnAnswerFileIsQuotedShort(_ nodeID: String) throws {
        var answers = Self.completeAnswers
        if nodeID.hasPrefix("pregnancy_") {
            answers.set("conditions", .array([.string("pregnancy")]))
            answers.set("pregnancy_weeks", .number(20))
        }
        answers.set(nodeID, .string(String(repeating: "7", count: 500_000)))
        let intake = InProcessIntake()
        let path = Self.answerFile
        intake.files.place(JSONValue.object(answers).serializedBytes(), at: path)
        let result = intake.run(SessionOptions(answers: path), typing: [])
        #expect(result.status == 2)
        let quoted = "'" + String(repeating: "7", count: 57) + "…'"
        #expect(result.error.hasSuffix(": $.\(nodeID): \(quoted) was not accepted for '\(nodeID)': That answer is longer than 4,000 characters: please shorten it.\n"), "\(result.error.prefix(300))")
        #expect(result.error.hasPrefix(path + ":"))
        #expect(result.error.count < 300, "a \(result.error.count)-character line")
    }
}

// MARK: - The corpus

/// One entry of the answers corpus (see `AnswerCorpusTests.swift` for the format).
struct HardeningEntry: Sendable, CustomTestStringConvertible {
    enum Expect: String, Sendable {
        case accept, reject, skip, back, command
    }

    struct Outcome: Sendable {
        var expect: Expect
        var value: JSONValue?
        var message: String?
        var messageContains: String?

        init(_ object: JSONObject) throws {
            guard let expect = object["expect"]?.stringValue.flatMap(Expect.init) else { throw FormatError(description: "'expect' is missing or unknown") }
            self.expect = expect
            value = object["value"]
            message = object["message"]?.stringValue
            messageContains = object["messageContains"]?.stringValue
        }

        func check(_ body: () throws -> Void) {
            do { try body() } catch { Issue.record(error) }
        }

        func checkMessage(_ actual: String, entry: HardeningEntry) {
            if let message { #expect(actual == message, "\(entry)") }
            if let messageContains { #expect(actual.contains(messageContains), "\(entry): \(HardeningText.visible(actual))") }
        }
    }

    var node: String
    var kind: String
    var input: String
    var hex: [UInt8]?
    var index: Int
    var parse: Outcome
    var session: Outcome
    var answerFile: Outcome

    var bytes: [UInt8] { hex ?? Array(input.utf8) }
    var fitsOnOneLine: Bool { !bytes.contains(0x0A) && !bytes.contains(0x0D) }
    var testDescription: String { "#\(index) \(node) \(HardeningText.visible(input))" }
    var description: String { testDescription }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    static func load(_ bytes: [UInt8]) throws -> [HardeningEntry] {
        guard let list = try JSONParser.parse(bytes)["entries"]?.arrayValue else { throw FormatError(description: "no 'entries' list") }
        return try list.enumerated().map { index, element in
            guard let object = element.objectValue, let node = object["node"]?.stringValue, let kind = object["kind"]?.stringValue else {
                throw FormatError(description: "entry \(index) needs 'node' and 'kind'")
            }
            var hex: [UInt8]?
            let input: String
            if let text = object["input"]?.stringValue {
                input = text
            } else if let digits = object["inputHex"]?.stringValue {
                let pairs = stride(from: 0, to: digits.count, by: 2).map { Array(digits.utf8)[$0..<min($0 + 2, digits.utf8.count)] }
                let decoded = pairs.compactMap { UInt8(String(decoding: $0, as: UTF8.self), radix: 16) }
                guard decoded.count * 2 == digits.utf8.count else { throw FormatError(description: "entry \(index): bad 'inputHex'") }
                hex = decoded
                input = String(decoding: decoded, as: UTF8.self)
            } else if let generate = object["generate"]?.objectValue, let piece = generate["repeat"]?.stringValue, let count = generate["count"]?.numberValue?.integer {
                input = (generate["prefix"]?.stringValue ?? "") + String(repeating: piece, count: count) + (generate["suffix"]?.stringValue ?? "")
            } else {
                throw FormatError(description: "entry \(index) has no input")
            }
            let parse = try Outcome(object)
            let session = try object["session"]?.objectValue.map(Outcome.init) ?? parse
            let answerFile = try object["answerFile"]?.objectValue.map(Outcome.init) ?? session
            return HardeningEntry(node: node, kind: kind, input: input, hex: hex, index: index, parse: parse, session: session, answerFile: answerFile)
        }
    }
}
