import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing

/// Bad files of every role: questionnaires (`--questionnaire`), rules
/// (`--rules`), answer files (`--answers`, `score`) and transcripts (`replay`,
/// `run --resume`, `report`). Each is refused with exit 2 and one line on
/// standard error naming the file and the place or the reason, quickly and in
/// bounded memory.
///
/// In-process: what each command makes of a file's bytes. What only the real
/// disk shows (a FIFO, `/dev/zero`, a file without read permission, a pipe,
/// the disk's own words for a folder, a missing or a 100 MB file) is in
/// `intakeTests/DiskFileTests.swift`.
@Suite("Hardening: bad files")
struct HardeningFileTests {
    enum Role: String, CaseIterable, Sendable {
        case questionnaire, rules, answers, transcript
    }

    /// What is wrong with a file. A FIFO and `/dev/zero` cannot be read
    /// in-process (reading them never ends): see `DiskFileTests`.
    enum Defect: String, CaseIterable, Sendable {
        case empty, truncated, latin1, hundredMegabytes, nested100000, duplicateKey, wrongType
        case numberTooLarge, negativeNumber, fortyDigits, folder, missing
    }

    /// A good file of each role, to be damaged.
    static func base(_ role: Role) -> [UInt8] {
        switch role {
        case .questionnaire: Fixtures.bytes("Questionnaires/massage-intake.json")
        case .rules: Fixtures.bytes("Questionnaires/massage-intake.rules.json")
        case .answers: Fixtures.bytes("Tests/Fixtures/complete-answers.json")
        case .transcript: Fixtures.bytes("Transcripts/examples/good-fit-neck.jsonl")
        }
    }

    /// `text` with the first `old` replaced by `new`; the test fails if `old` is not there.
    static func replacing(_ old: String, with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        let target = Array(old.utf8)
        guard let start = (0...(bytes.count - target.count)).first(where: { bytes[$0..<($0 + target.count)].elementsEqual(target) }) else {
            Issue.record("'\(old)' is not in the file to damage")
            return bytes
        }
        return Array(bytes[..<start]) + new + Array(bytes[(start + target.count)...])
    }

    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        replacing(old, with: Array(new.utf8), in: bytes)
    }

    /// One number of each role, to be put out of range.
    static let number: [Role: String] = [
        .questionnaire: "\"max\": 10", .rules: "\"lt\": 90", .answers: "\"pain_intensity\": 6", .transcript: "\"ms\":0",
    ]

    /// The file's bytes; nil for defects that are not about the bytes.
    static func damaged(_ role: Role, _ defect: Defect) -> [UInt8]? {
        let base = base(role)
        let firstLine = Array(base.prefix { $0 != 0x0A })
        switch defect {
        case .empty:
            return []
        case .truncated:
            // Cut one character into a string value past the middle (of the header line of a transcript).
            let text = role == .transcript ? firstLine : base
            let colon = Array((role == .transcript ? "\":\"" : "\": \"").utf8)
            let start = ((text.count / 2)...(text.count - colon.count)).first { text[$0..<($0 + colon.count)].elementsEqual(colon) } ?? text.count / 2
            return Array(text[..<(start + colon.count + 1)])
        case .latin1:
            // "é" in latin-1, one byte that is not UTF-8, inside a string.
            let (old, before, after): (String, String, String) = switch role {
            case .questionnaire: ("\"Neck\"", "\"N", "ck\"")
            case .rules: ("\"title\": \"", "\"title\": \"", "")
            case .answers: ("\"over-50\"", "\"", "ver-50\"")
            case .transcript: ("\"mode\":\"self\"", "\"mode\":\"s", "lf\"")
            }
            return replacing(old, with: Array(before.utf8) + [0xE9] + Array(after.utf8), in: base)
        case .nested100000:
            return Array(repeating: UInt8(ascii: "["), count: 100_000) + Array(repeating: UInt8(ascii: "]"), count: 100_000) + [0x0A]
        case .duplicateKey:
            return switch role {
            case .questionnaire, .rules: replacing("\"version\": \"2.1.0\"", with: "\"version\": \"2.1.0\", \"version\": \"2.1.0\"", in: base)
            case .answers: replacing("\"age_band\": \"over-50\",", with: "\"age_band\": \"over-50\", \"age_band\": \"18-50\",", in: base)
            case .transcript: replacing("\"type\":\"header\"", with: "\"type\":\"header\",\"type\":\"header\"", in: base)
            }
        case .wrongType:
            return switch role {
            case .questionnaire, .rules: replacing("\"version\": \"2.1.0\"", with: "\"version\": 2", in: base)
            case .answers: replacing("\"pain_intensity\": 6", with: "\"pain_intensity\": [6]", in: base)
            case .transcript: replacing("\"ms\":0", with: "\"ms\":\"0\"", in: base)
            }
        case .numberTooLarge, .negativeNumber, .fortyDigits:
            let old = number[role]!
            let value = defect == .numberTooLarge ? "1e400" : defect == .negativeNumber ? "-1" : String(repeating: "1", count: 40)
            let new = old.prefix { $0 != ":" } + (role == .transcript ? ":" : ": ") + value
            return replacing(old, with: String(new), in: base)
        case .hundredMegabytes, .folder, .missing:
            return nil
        }
    }

    /// The largest file of each role intake reads, in MB: one person's
    /// answers are small, rules and transcripts larger, questionnaires largest.
    static func limit(_ role: Role) -> Int {
        switch role {
        case .questionnaire: 64
        case .rules, .transcript: 4
        case .answers: 1
        }
    }

    /// What the one line must say, besides the file's name.
    static func expected(_ role: Role, _ defect: Defect) -> [String] {
        // A problem inside the text is placed: line:column in JSON, the line in a transcript.
        let placed = role == .transcript ? "line 1" : ":1:"
        switch defect {
        case .empty: return ["empty", role == .transcript ? "line 1" : ":1:1: "]
        case .truncated:
            // A first line cut short was never a transcript: damaged, not "cut short" by a crash.
            return role == .transcript ? ["not an intake transcript (line 1: not valid JSON: a string is not closed"] : ["a string is not closed"]
        case .latin1: return ["not valid UTF-8", role == .transcript ? "line 1" : ""]
        case .hundredMegabytes: return ["the file is 100.0 MB, more than the \(limit(role)) MB limit"]
        case .nested100000: return ["nested more than", placed]
        case .duplicateKey: return ["appears twice", role == .transcript ? "line 1" : ""]
        case .wrongType:
            return switch role {
            case .questionnaire: ["$.version: 'version' must be a string"]
            case .rules: ["$.version: 'version' must be a non-empty string"]
            case .answers: ["$.pain_intensity: 'pain_intensity' is a scale question"]
            case .transcript: ["line 1: 'ms' must be a whole number"]
            }
        case .numberTooLarge: return ["the number 1e400 is too large"]
        case .negativeNumber:
            return switch role {
            case .questionnaire: ["'min' (0) must be below 'max' (-1)"]
            case .rules: []
            case .answers: ["$.pain_intensity: '-1' was not accepted", "-1 is below 0"]
            case .transcript: ["line 1: 'ms' must not be negative"]
            }
        case .fortyDigits:
            return switch role {
            case .questionnaire: ["$.nodes[11].max: 'max' must be from -1000 to 1000; \(String(repeating: "1", count: 20))… is far too large"]
            case .rules: ["'pain_duration' is a duration"]
            case .answers: ["$.pain_intensity:", "as a number"]
            case .transcript: ["line 1: 'ms' must be a whole number"]
            }
        case .folder: return ["is a folder, not a file"]
        case .missing: return ["no such file"]
        }
    }

    /// One of intake's commands, run in-process: its words (for messages)
    /// and how to run it.
    struct Command: CustomStringConvertible {
        var words: [String]
        var run: (InProcessIntake) -> InProcessIntake.Result

        init(_ words: [String], _ run: @escaping (InProcessIntake) -> InProcessIntake.Result) {
            self.words = words
            self.run = run
        }

        var name: String { words[0] }
        var description: String { "intake " + words.joined(separator: " ") }
    }

    /// The commands that read a file of `role` at `path`.
    static func commands(_ role: Role, _ path: String) -> [Command] {
        let answers = Fixtures.path("Tests/Fixtures/complete-answers.json")
        return switch role {
        case .questionnaire:
            [Command(["run", "--questionnaire", path]) { $0.run(SessionOptions(questionnaire: path), typing: []) }]
        case .rules:
            [Command(["run", "--rules", path]) { $0.run(SessionOptions(rules: path), typing: []) },
             Command(["score", answers, "--rules", path]) { $0.score(.init(answers: answers, rules: path)) }]
        case .answers:
            [Command(["run", "--answers", path]) { $0.run(SessionOptions(answers: path), typing: []) },
             Command(["score", path]) { $0.score(.init(answers: path)) }]
        case .transcript:
            [Command(["replay", path]) { $0.replay(.init(path: path)) },
             Command(["replay", path, "--check"]) { $0.replay(.init(path: path, check: true)) },
             Command(["run", "--resume", path]) { $0.run(SessionOptions(resume: path), typing: []) },
             Command(["report", path]) { $0.report(.init(transcript: path)) }]
        }
    }

    /// Makes the file for `defect` in `folder`; returns its path.
    static func make(_ role: Role, _ defect: Defect, in folder: TemporaryFolder) throws -> String {
        let path = (folder.path as NSString).appendingPathComponent(role == .transcript ? "bad.jsonl" : "bad.json")
        if role == .rules {
            // The rules name their medicines file, beside them.
            try Data(Fixtures.bytes("Questionnaires/medications.json")).write(to: URL(fileURLWithPath: (folder.path as NSString).appendingPathComponent("medications.json")))
        }
        switch defect {
        case .hundredMegabytes:
            // Sparse: 100 MB long, nothing written. intake must refuse it by its size.
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 100 << 20)
            try handle.close()
            return path
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return path
        case .missing:
            return path
        default:
            let bytes = try #require(damaged(role, defect))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test(arguments: Defect.allCases, Role.allCases)
    func aBadFileIsRefusedInOneLine(_ defect: Defect, _ role: Role) throws {
        if defect == .negativeNumber, role == .rules { return } // a bound of -1 is a number rules may hold; see below
        let folder = try TemporaryFolder()
        let path = try Self.make(role, defect, in: folder)
        for command in Self.commands(role, path) {
            let started = Date()
            let result = command.run(InProcessIntake())
            let seconds = Date().timeIntervalSince(started)
            if defect == .folder, command.name == "replay" {
                // replay of a folder summarises the sessions in it.
                #expect(result.status == 0, "\(command)")
                #expect(result.output.contains("0 sessions"), "\(command)")
                continue
            }
            #expect(result.status == 2, "\(command): \(result.error)")
            let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "\(command): one line on stderr, not:\n\(result.error)")
            let line = String(lines.first ?? "")
            #expect(line.hasPrefix(path + ":") || line.hasPrefix(path + " "), "\(command): the line names the file: \(line)")
            for fragment in Self.expected(role, defect) where !fragment.isEmpty {
                #expect(line.contains(fragment), "\(command): \(line)")
            }
            #expect(!line.contains("cut short"), "\(command): only a last line after a good header is cut short: \(line)")
            if [.truncated, .latin1, .duplicateKey, .wrongType, .numberTooLarge, .negativeNumber, .fortyDigits, .nested100000].contains(defect) {
                let placed = role == .transcript ? line.contains("line 1") : line.range(of: #"^[^:]+:\d+:\d+: "#, options: .regularExpression) != nil
                #expect(placed, "\(command): the line says where: \(line)")
            }
            #expect(HardeningText.firstRawControl(in: result.error, allowing: ["\n"]) == nil)
            #expect(result.output.isEmpty || command.name == "replay" || command.name == "report", "\(command): nothing is asked from a bad file")
            #expect(seconds < 10, "\(command) took \(seconds) s")
        }
    }

    /// A file that cannot be read is refused by every command that reads
    /// it, in the one line the file system gives. (The real disk's refusal,
    /// for a file without read permission, is in `DiskFileTests`.)
    @Test(arguments: Role.allCases)
    func aFileWithoutReadPermissionIsRefused(_ role: Role) throws {
        let path = "/memory/locked.json"
        for command in Self.commands(role, path) {
            let intake = InProcessIntake()
            intake.files.place(Self.base(role), at: path)
            intake.files.refuseReading(path)
            let result = command.run(intake)
            #expect(result.status == 2, "\(command)")
            #expect(result.error == "\(path): permission denied: check the name and the folder\n", "\(command)")
        }
    }

    // MARK: - Designed behaviour of damaged transcripts

    /// A transcript of an unfinished session with today's files, in `intake`'s memory.
    static func unfinishedTranscript(in intake: InProcessIntake) throws -> String {
        let result = intake.run(typing: ["over 50", "sometime", "2 years", "most days", "neck", "none", "none", "4", ":quit"])
        #expect(result.status == 0)
        return try #require(intake.transcripts.first)
    }

    /// Damage after the header is listed by line, never fatal to reading:
    /// replay shows it (and `--check` fails), report warns, resume refuses to
    /// append to it.
    @Test func aDamagedLineInsideATranscriptIsNamedByItsNumber() throws {
        let intake = InProcessIntake()
        let path = try Self.unfinishedTranscript(in: intake)
        var lines = try #require(intake.files.written[path]).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let index = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains("\"raw\":\"sometime\"") })
        lines[index] = Self.replacing("sometime", with: [0x73, 0xE9, 0x6D], in: lines[index])
        intake.files.place(Array(lines.joined(separator: [0x0A])), at: path)
        let line = index + 1

        let replay = intake.replay(.init(path: path))
        #expect(replay.status == 0)
        // Wrapped to 80 columns, as problems are on screen.
        #expect(HardeningText.words(replay.output).contains("\(path): line \(line): not valid JSON: the string is not valid UTF-8 text"))
        let check = intake.replay(.init(path: path, check: true))
        #expect(check.status == 1)
        let resume = intake.run(SessionOptions(resume: path), typing: [])
        #expect(resume.status == 2)
        #expect(resume.error.hasPrefix("\(path): line \(line): not valid JSON"))
        #expect(resume.error.split(separator: "\n").count == 1)
        let report = intake.report(.init(transcript: path))
        #expect(report.status == 0)
        #expect(report.error.contains("\(path): warning: line \(line): not valid JSON"))
    }

    /// A last line cut short by a crash is reported and dropped; the session goes on.
    @Test func aTranscriptCutInItsLastLineResumes() throws {
        let intake = InProcessIntake()
        let path = try Self.unfinishedTranscript(in: intake)
        let bytes = try #require(intake.files.written[path])
        intake.files.place(Array(bytes.dropLast(20)), at: path)
        let count = bytes.split(separator: 0x0A).count
        let resume = intake.run(SessionOptions(resume: path), typing: [":quit"])
        #expect(resume.status == 0)
        // One line, however long the path: a warning is not wrapped like a paragraph.
        #expect(resume.error == "\(path): line \(count): the last line was cut short (the session was probably interrupted while saving it); it is dropped\n")
    }

    // MARK: - Crafted transcripts

    /// The unfinished transcript rewritten line by line by `change` (given
    /// each line's number from 1), its hash chain made good again: the chain
    /// has no key, so anyone can write a transcript that passes it.
    static func crafted(in intake: InProcessIntake, _ change: (Int, inout JSONObject) -> Void) throws -> String {
        let original = try unfinishedTranscript(in: intake)
        var lines: [String] = []
        for (index, event) in try HardeningText.events(of: intake.files.written[original] ?? []).enumerated() {
            var object = try #require(event.objectValue)
            change(index + 1, &object)
            if index > 0 { object.set("prev", .string(SHA256Hex.of(Array(lines[index - 1].utf8)))) }
            lines.append(JSONValue.object(object).serialized())
        }
        let path = "/memory/crafted.jsonl"
        intake.files.place(Array((lines.joined(separator: "\n") + "\n").utf8), at: path)
        return path
    }

    /// A header field set to what intake never writes.
    enum CraftedHeader: String, CaseIterable, Sendable {
        case session, mode, started, tool, client, questionnaire, version

        func apply(to header: inout JSONObject) {
            switch self {
            case .session: header.set("session", .string("\u{1B}]0;pwned\u{07}"))
            case .mode: header.set("mode", .string("self\u{1B}[2J"))
            case .started: header.set("started", .string("\u{1B}[2J2026-11-26T19:55:13.123Z"))
            case .tool: header.set("tool", .string("intake \u{202E}0.1.0"))
            case .client: header.set("client", .string(String(repeating: "x", count: 201)))
            case .questionnaire, .version:
                var identity = header["questionnaire"]?.objectValue ?? JSONObject()
                if self == .questionnaire {
                    identity.set("id", .string("../../etc/passwd"))
                } else {
                    identity.set("version", .string("1.0.0\u{1B}[31m"))
                }
                header.set("questionnaire", .object(identity))
            }
        }

        /// Why the header is refused.
        var reason: String {
            switch self {
            case .session: "'session' must be the random id intake writes (hex digits)"
            case .mode: "'mode' must be self or reception"
            case .started: "'started' must be a UTC time such as 2026-11-26T19:55:13.123Z"
            case .tool, .client, .version: "'\(rawValue)' holds control characters or is too long"
            case .questionnaire: "'questionnaire' must hold the questionnaire's id"
            }
        }
    }

    /// A crafted transcript must not drive the reviewer's terminal: a header
    /// holding what intake never writes (escape sequences, direction
    /// overrides, a path for an id, a page of text) is not a transcript, and
    /// every command refuses it in one line that does not quote it.
    @Test(arguments: CraftedHeader.allCases)
    func aCraftedHeaderIsRefusedUnquoted(_ field: CraftedHeader) throws {
        let intake = InProcessIntake()
        let path = try Self.crafted(in: intake) { number, object in
            if number == 1 { field.apply(to: &object) }
        }
        for command in Self.commands(.transcript, path) {
            let result = command.run(intake)
            #expect(result.status == 2, "\(command)")
            #expect(result.error == "\(path): not an intake transcript (line 1: \(field.reason))\n", "\(command)")
            #expect(result.output.isEmpty, "\(command): \(result.output.prefix(300))")
        }
    }

    /// A recorded outcome is text from the file too: a crafted category is
    /// shown escaped by replay, of one file or of a folder.
    @Test func aCraftedRecordedOutcomeIsShownEscaped() throws {
        let folder = try TemporaryFolder()
        var lines = Fixtures.text("Transcripts/examples/good-fit-neck.jsonl").components(separatedBy: "\n").filter { !$0.isEmpty }
        let ending = try #require(lines.lastIndex { $0.contains(#""type":"completed""#) })
        lines[ending] = lines[ending].replacingOccurrences(of: #""category":"good-fit""#, with: #""category":"good-\u001b[31mfit""#)
        #expect(lines[ending].contains("u001b"))
        let path = try folder.file("crafted.jsonl", lines.joined(separator: "\n") + "\n")
        for target in [path, folder.path] {
            let result = InProcessIntake().replay(.init(path: target))
            #expect(HardeningText.firstRawControl(in: result.output, allowing: ["\n"]) == nil, "replay \(target)")
            #expect(result.output.contains("good-\\u{1b}[31mfit"), "\(result.output)")
        }
    }

    /// An event type intake does not know is damage, named by its line and
    /// quoted escaped and cut to 60 characters: replay shows it (and
    /// `--check` fails), report warns, resume refuses.
    @Test(arguments: ["rejected\u{1B}[31m", String(repeating: "r", count: 5000)])
    func anUnknownEventTypeIsQuotedEscapedAndShort(_ type: String) throws {
        let intake = InProcessIntake()
        var line = 0
        let path = try Self.crafted(in: intake) { number, object in
            if line == 0, object["type"]?.stringValue == "rejected" {
                object.set("type", .string(type))
                line = number
            }
        }
        try #require(line > 0)
        let quoted = type.count > 60 ? "'" + String(type.prefix(57)) + "…'" : "'" + HardeningText.printable(type) + "'"
        let problem = "line \(line): unknown event type \(quoted)"

        let replay = intake.replay(.init(path: path))
        #expect(replay.status == 0)
        #expect(HardeningText.words(replay.output).contains("\(path): \(problem)"), "\(replay.output.suffix(400))")
        #expect(HardeningText.firstRawControl(in: replay.output, allowing: ["\n"]) == nil)
        let check = intake.replay(.init(path: path, check: true))
        #expect(check.status == 1)
        let report = intake.report(.init(transcript: path))
        #expect(report.status == 0)
        #expect(report.error.contains("\(path): warning: \(problem)\n"), "\(report.error)")
        #expect(HardeningText.firstRawControl(in: report.error, allowing: ["\n"]) == nil)
        let resume = intake.run(SessionOptions(resume: path), typing: [])
        #expect(resume.status == 2)
        // In-process, intake is named `intake`; the binary names itself by its path unless found on the PATH.
        #expect(resume.error == "\(path): \(problem): it cannot be resumed safely; see what changed with: intake replay \(path)\n")
    }

    // MARK: - Long numbers and impossible rules

    /// A number of 100,000 digits is quoted by its first 20 digits.
    @Test func aHugeNumberIsNotQuotedWhole() throws {
        let intake = InProcessIntake()
        let path = "/memory/huge.json"
        intake.files.place(Array(("{\"pain_intensity\": 1" + String(repeating: "0", count: 100_000) + "}").utf8), at: path)
        let result = intake.score(.init(answers: path))
        #expect(result.status == 2)
        #expect(result.error == "\(path):1:20: the number 1\(String(repeating: "0", count: 19))… is too large\n")
    }

    /// A rule bound no answer can reach makes part of a condition that can
    /// never hold: the rules still load, and `validate --strict` warns (exit 1).
    @Test func aRuleThatCanNeverHoldIsAWarning() throws {
        let intake = InProcessIntake()
        let path = "/memory/massage-intake.rules.json"
        intake.files.place(Self.replacing("\"lt\": 90", with: "\"lt\": -1", in: Self.base(.rules)), at: path)
        intake.files.place(Fixtures.bytes("Questionnaires/medications.json"), at: "/memory/medications.json")
        let run = intake.run(SessionOptions(rules: path), typing: [])
        #expect(run.status == 0, "the file is usable: \(run.error)")
        let validate = intake.validate(.init(files: [Fixtures.path("Questionnaires/massage-intake.json"), path], strict: true))
        #expect(validate.status == 1, "\(validate.output)")
        let warnings = validate.output.split(separator: "\n").filter { $0.hasPrefix(path + ":") && $0.contains(": warning: ") }
        #expect(warnings.count == 1, "\(validate.output)")
        #expect(warnings.first?.hasSuffix("pain_duration < -1' can never hold") == true, "\(validate.output)")
    }
}
