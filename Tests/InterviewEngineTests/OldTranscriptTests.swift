import Foundation
import Testing
import InterviewEngine
import QuestionnaireModel

/// Sessions recorded before format 3 (`Transcripts/examples/format-2/`,
/// written by the intake of that time) replay with today's questionnaires
/// exactly as they happened: re-routing the old way, asking no checks.
@Suite("Transcripts of format 2 replay as they happened")
struct OldTranscriptTests {
    static let folder = Shipped.root.appendingPathComponent("Transcripts/examples/format-2")

    static let examples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let followUps = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("follow-up").path)) ?? []
        return (names.filter { $0.hasSuffix(".jsonl") } + followUps.filter { $0.hasSuffix(".jsonl") }.map { "follow-up/\($0)" }).sorted()
    }()

    @Test func thereAreOldSessionsOfEveryEnding() {
        #expect(Self.examples.count == 8)
    }

    @Test(arguments: examples)
    func replaysClean(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let document = TranscriptDocument(bytes)
        #expect(document.problems.isEmpty)
        #expect(document.header?.format == 2)
        let questionnaire = try Shipped.questionnaire(name.hasPrefix("follow-up/") ? "follow-up" : "massage-intake")
        let replay = TranscriptReplay(document, questionnaire: questionnaire)
        #expect(replay.mismatches.map(\.mismatch) == [])
        #expect(replay.interview.checks == [])
        #expect(replay.completed == document.isCompleted)
        if replay.completed {
            #expect(replay.interview.isFinished)
            #expect(replay.interview.endedUrgently == name.contains("seek-care-now"))
        }
    }
}
