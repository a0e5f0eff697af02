import Foundation
import Testing
@testable import InterviewEngine
import QuestionnaireModel

/// A transcript of the flow questionnaire written by the engine alone, with a
/// clock that ticks a second per event, so every byte is predictable.
///
/// With `checks`, it drives the interview as a session that asks them does:
/// a check and the review page are shown (`asked`) and answered like questions.
func recordedTranscript(inputs: [String], checks: Interview.Checks = [], questionnaire: Questionnaire? = nil) throws -> (text: String, interview: Interview) {
    let questionnaire = try questionnaire ?? flow()
    var encoder = TranscriptEncoder()
    var lines: [String] = []
    var tick: Int64 = 0
    func record(_ event: TranscriptEvent) {
        lines.append(encoder.line(for: event, milliseconds: tick))
        tick += 1000
    }
    let identity = FileIdentity(id: questionnaire.id, version: "1", sha256: String(repeating: "a", count: 64))
    record(.header(TranscriptHeader(tool: "intake test", session: "0123456789abcdef", startedMilliseconds: 1_795_000_000_000, mode: .self, client: nil, questionnaire: identity, rules: nil, medications: nil, checks: checks)))
    var interview = Interview(questionnaire: questionnaire, checks: checks)
    var pending = inputs[...]
    while !interview.isFinished {
        if let node = interview.currentNode, interview.pendingCheck == nil {
            record(.asked(node: node.id))
            if node.kind == .info {
                interview.continuePastInfo()
                continue
            }
        } else if interview.isReviewing {
            record(.asked(node: Interview.reviewPage))
        }
        var moved = false
        while !moved, let input = pending.popFirst() {
            let response = interview.handle(input)
            if let event = TranscriptEvent(response, typed: input) { record(event) }
            switch response {
            case .rejected where interview.pendingCheck != nil: moved = true
            case .rejected, .refused, .command: continue
            default: moved = true
            }
        }
        if !moved { break }
    }
    if interview.isFinished { record(.completed(urgent: interview.endedUrgently, assessment: nil)) } else { record(.paused(reason: "quit")) }
    record(.sealed(nil))
    return (lines.joined(separator: "\n") + "\n", interview)
}

let corrections = ["old", "neck, back", "neck", "11", "3", ":back", "", "yes", "43", "20", ":skip"]

@Suite("Transcripts")
struct TranscriptTests {
    @Test func eachLineCarriesTheHashOfTheLineBefore() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix(#"{"type":"header","ms":0,"format":4,"tool":"intake test","session":"0123456789abcdef","started":"2026-11-18T11:06:40.000Z","mode":"self""#))
        #expect(lines[0].contains(#""medications":null,"checks":[]}"#), "format 3 names the checks made: none here")
        #expect(!lines[0].contains("prev"))
        for index in 1..<lines.count {
            #expect(lines[index].hasSuffix(#","prev":"\#(SHA256Hex.of(Array(lines[index - 1].utf8)))"}"#))
        }
        #expect(lines[9] == #"{"type":"rejected","ms":9000,"node":"severity","raw":"11","reason":"11 is above 10: enter a whole number from 0 to 10.","prev":"\#(SHA256Hex.of(Array(lines[8].utf8)))"}"#)
    }

    @Test func readsBackEveryEvent() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        let document = TranscriptDocument(Array(text.utf8))
        #expect(document.problems.isEmpty)
        #expect(document.header?.session == "0123456789abcdef")
        #expect(document.header?.started == "2026-11-18T11:06:40.000Z")
        #expect(document.entries.map(\.event.type).filter { $0 == "answered" }.count == 7)
        #expect(document.entries.contains { $0.event == .back(from: "pregnant", to: "severity") })
        #expect(document.entries.contains { $0.event == .skipped(node: "notes", raw: ":skip") })
        #expect(document.isCompleted)
    }

    @Test func replayFeedsTheRawInputsThroughTheEngineAgain() throws {
        let (text, original) = try recordedTranscript(inputs: corrections)
        let replay = TranscriptReplay(TranscriptDocument(Array(text.utf8)), questionnaire: try flow())
        #expect(replay.mismatches.isEmpty)
        #expect(replay.completed)
        #expect(replay.interview.answers == original.answers)
        #expect(replay.interview.answers["weeks"]?.value == .number(20))
    }

    /// A session recorded in format 2, before re-routing kept answers: the
    /// change of "where" added a follow-up, the later answers were dropped,
    /// and Enter at "severity" was refused. It replays as it happened.
    @Test func aFormat2SessionReplaysAsItHappened() throws {
        var encoder = TranscriptEncoder()
        var tick: Int64 = 0
        var lines: [String] = []
        var header = Shipped.header(format: 2)
        header.questionnaire = FileIdentity(id: "flow", version: "1", sha256: String(repeating: "a", count: 64))
        let events: [TranscriptEvent] = [
            .header(header), .asked(node: "welcome"), .asked(node: "age"), .answered(node: "age", raw: "old", value: .string("old")),
            .asked(node: "where"), .answered(node: "where", raw: "neck", value: .array([.string("neck")])),
            .asked(node: "severity"), .answered(node: "severity", raw: "3", value: .number(3)),
            .asked(node: "pregnant"), .answered(node: "pregnant", raw: "no", value: .bool(false)),
            .asked(node: "notes"), .back(from: "notes", to: "pregnant"), .back(from: "pregnant", to: "severity"), .back(from: "severity", to: "where"),
            .answered(node: "where", raw: "neck, knee", value: .array([.string("neck"), .string("knee")])),
            .asked(node: "main"), .answered(node: "main", raw: "knee", value: .string("knee")),
            .asked(node: "severity"), .rejected(node: "severity", raw: "", reason: "Please enter a whole number from 0 to 10."),
            .answered(node: "severity", raw: "4", value: .number(4)),
            .asked(node: "pregnant"), .answered(node: "pregnant", raw: "no", value: .bool(false)),
            .asked(node: "notes"), .skipped(node: "notes", raw: ""), .asked(node: "done"), .completed(urgent: false, assessment: nil), .sealed(nil),
        ]
        for event in events {
            lines.append(encoder.line(for: event, milliseconds: tick))
            tick += 1000
        }
        let document = TranscriptDocument(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(document.problems.isEmpty)
        let replay = TranscriptReplay(document, questionnaire: try flow())
        #expect(replay.mismatches.map(\.mismatch) == [])
        #expect(replay.completed)
        #expect(replay.interview.answers["severity"]?.value == .integer(4))
    }

    @Test func theHeaderNamesTheChecksAndAnUnknownOneIsRefused() throws {
        let (text, _) = try recordedTranscript(inputs: corrections, checks: .all)
        let first = try #require(text.split(separator: "\n").first.map(String.init))
        #expect(first.hasSuffix(#""medications":null,"checks":["urgent-stops","near-matches","review"]}"#))
        #expect(TranscriptDocument(Array(text.utf8)).header?.checks == .all)
        let unknown = text.replacingOccurrences(of: #""review"]"#, with: #""telepathy"]"#)
        #expect(TranscriptDocument(Array(unknown.utf8)).problems.first?.message == "'checks' names 'telepathy', which this intake does not know; update intake to read it")
    }

    @Test func replayNoticesAParserOrFlowChange() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        // The same transcript against a questionnaire where severity goes up to 5 only.
        let changed = flowJSON.replacingOccurrences(of: "\"min\": 0, \"max\": 10", with: "\"min\": 0, \"max\": 2")
        let questionnaire = try QuestionnaireLoader.load(Array(changed.utf8), file: "flow.json").questionnaire
        let replay = TranscriptReplay(TranscriptDocument(Array(text.utf8)), questionnaire: questionnaire)
        let first = try #require(replay.mismatches.first)
        #expect(first.mismatch == "'3' was accepted when recorded, but is now refused: 3 is above 2: enter a whole number from 0 to 2.")
    }

    @Test func aChangedLineIsFoundByItsNumber() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        var lines = text.split(separator: "\n").map(String.init)
        lines[5] = lines[5].replacingOccurrences(of: "\"neck, back\"", with: "\"neck, knee\"")
        let document = TranscriptDocument(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(document.problems == [.init(kind: .tampered, line: 7, message: "this line does not follow line 6: line 6 was changed, or a line was removed between them")])
    }

    @Test func aFlippedByteIsFound() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        var bytes = Array(text.utf8)
        let target = bytes.indices.filter { bytes[$0] == UInt8(ascii: "o") }[3]
        bytes[target] = UInt8(ascii: "p")
        let document = TranscriptDocument(bytes)
        #expect(document.isDamagedOrTampered)
    }

    @Test func anInsertedLineIsFound() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        var lines = text.split(separator: "\n").map(String.init)
        lines.insert(#"{"type":"answered","ms":1,"node":"age","raw":"young","value":"young","prev":"\#(SHA256Hex.of(Array(lines[3].utf8)))"}"#, at: 4)
        let document = TranscriptDocument(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(document.problems.contains(.init(kind: .tampered, line: 5, message: "this line was inserted: the next line follows the line before it")))
    }

    @Test func aRemovedLineIsFound() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        var lines = text.split(separator: "\n").map(String.init)
        lines.remove(at: 6)
        let document = TranscriptDocument(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(document.problems.map(\.line) == [7])
        #expect(document.problems.first?.kind == .tampered)
    }

    /// The last line is covered by the seal written with it: an edit to the
    /// end of a session is found like any other, and so is a removed seal.
    @Test func anEditedOrUnsealedEndingIsFound() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        var lines = text.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix(#"{"type":"sealed","ms":"#) == true)
        #expect(TranscriptDocument(Array(text.utf8)).unsealedLastLine == nil)
        let ending = lines.count - 2
        #expect(lines[ending].hasPrefix(#"{"type":"completed""#))

        var edited = lines
        edited[ending] = edited[ending].replacingOccurrences(of: #""urgent":false"#, with: #""urgent":true"#)
        #expect(edited[ending] != lines[ending])
        let changed = TranscriptDocument(Array((edited.joined(separator: "\n") + "\n").utf8))
        #expect(changed.problems == [.init(kind: .tampered, line: lines.count, message: "this line does not follow line \(lines.count - 1): line \(lines.count - 1) was changed, or a line was removed between them")])

        lines.removeLast()
        let unsealed = TranscriptDocument(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(unsealed.problems == [.init(kind: .tampered, line: lines.count, message: "the end of the session is not sealed: the line after it was removed, or this line was not written by intake")])
    }

    /// A session cut off by a crash ends on an unsealed line: nothing is
    /// wrong, but that one line cannot be checked, and the reader says so.
    @Test func aCutOffSessionEndsOnAnUnsealedLine() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        let lines = text.split(separator: "\n").map(String.init)
        let cut = Array(lines.prefix(8))
        let document = TranscriptDocument(Array((cut.joined(separator: "\n") + "\n").utf8))
        #expect(document.problems.isEmpty)
        #expect(document.unsealedLastLine == 8)
        // A seal anywhere but right after an ending is not intake's.
        var stray = cut
        stray.append(#"{"type":"sealed","ms":9000,"prev":"\#(SHA256Hex.of(Array(cut[7].utf8)))"}"#)
        #expect(TranscriptDocument(Array((stray.joined(separator: "\n") + "\n").utf8)).problems.map(\.kind) == [.tampered])
        // Transcripts written before endings were sealed (format 1) read clean.
        let formatOne = cut.map {
            $0.replacingOccurrences(of: #""format":\#(TranscriptHeader.currentFormat)"#, with: #""format":1"#).replacingOccurrences(of: #","checks":[]"#, with: "")
        }
        var rechained = [formatOne[0]]
        for line in formatOne.dropFirst() {
            let body = line[..<line.range(of: #","prev":""#)!.lowerBound]
            rechained.append(body + #","prev":"\#(SHA256Hex.of(Array(rechained.last!.utf8)))"}"#)
        }
        let old = TranscriptDocument(Array((rechained.joined(separator: "\n") + "\n").utf8))
        #expect(old.problems.isEmpty)
        #expect(old.header?.format == 1)
    }

    /// A file converted to Windows line endings is said to be changed once,
    /// not once per line, and its content is still checked and read.
    @Test func windowsLineEndingsAreOneProblemNotOnePerLine() throws {
        let (text, _) = try recordedTranscript(inputs: corrections)
        let converted = text.replacingOccurrences(of: "\n", with: "\r\n")
        let document = TranscriptDocument(Array(converted.utf8))
        let lines = text.split(separator: "\n").count
        #expect(document.problems == [.init(kind: .damaged, line: 1, message: "\(lines) lines end with a carriage return (Windows line endings): an editor or a copy converted the file; its lines were checked without them")])
        #expect(document.entries.count == lines)
        #expect(TranscriptReplay(document, questionnaire: try flow()).mismatches.isEmpty)
    }

    @Test func aTornLastLineIsReportedAndEverythingBeforeItKept() throws {
        let (text, _) = try recordedTranscript(inputs: Array(corrections.prefix(4)))
        let torn = text + #"{"type":"answered","ms":9,"node":"sev"#
        let document = TranscriptDocument(Array(torn.utf8))
        #expect(document.problems.map(\.kind) == [.torn])
        #expect(!document.isDamagedOrTampered)
        #expect(document.appendOffset == text.utf8.count)
        #expect(document.lastHash == SHA256Hex.of(Array(text.split(separator: "\n").last!.utf8)))
        let replay = TranscriptReplay(document, questionnaire: try flow())
        #expect(replay.interview.answers.count == 3)
        #expect(replay.interview.current == "severity")
    }

    @Test func badFilesAreDescribedNotCrashedOn() {
        #expect(TranscriptDocument([]).problems.first?.message == "the file is empty: a transcript starts with a header line")
        #expect(TranscriptDocument(Array("not json\n".utf8)).problems.first?.kind == .damaged)
        #expect(TranscriptDocument(Array(#"{"type":"asked","ms":0,"node":"x"}"#.utf8 + [0x0A])).problems.first?.message == "the first line must be the header")
        #expect(TranscriptDocument([0xFF, 0xFE, 0x0A]).problems.first?.kind == .damaged)
    }

    @Test func timestampsRoundTrip() {
        #expect(Timestamp.iso8601(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.iso8601(milliseconds: 951_782_400_123) == "2000-02-29T00:00:00.123Z")
        #expect(Timestamp.compact(milliseconds: 951_782_400_123) == "20000229T000000Z")
        for value: Int64 in [0, 951_782_400_123, 1_795_000_000_000, 4_102_444_800_000] {
            #expect(Timestamp.milliseconds(iso8601: Timestamp.iso8601(milliseconds: value)) == value)
        }
    }
}
