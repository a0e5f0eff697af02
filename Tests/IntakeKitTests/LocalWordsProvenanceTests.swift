import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing

/// The Korean words that read answers (`massage-intake.ko.aliases.json`,
/// `medications.ko.json`) are part of what a session depends on: replay
/// reads each recorded answer's raw text again with them, so a transcript
/// names them (`localWords` in its header) and old sessions keep theirs.
@Suite("Korean word files in transcripts")
struct LocalWordsProvenanceTests {
    static let aliases = "massage-intake.ko.aliases.json"
    static let names = "medications.ko.json"
    /// The hashes of the first version (1.0.0), the words every session
    /// without `localWords` in its header was read with.
    static let firstVersion = [
        aliases: "972aea786af8f73be63093deb9f8f7abd3a9c16733e045a2ddb3dfafa4a0dc98",
        names: "01e4940b8e7e27f859b232ea66b5c4a4625edf10438f5cd65564b605f8ce7329",
    ]

    static func header(_ transcript: String) throws -> [String: Any] {
        let line = try #require(transcript.split(separator: "\n").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func sha256(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: Fixtures.path(path)))
        return SHA256Hex.of(Array(data))
    }

    /// An English session learns whether to name the word files from a
    /// version written in the code (reading them would cost every start):
    /// both files must say that version.
    @Test func theVersionTheCodeKnowsIsTheFilesOwn() throws {
        for file in [Self.aliases, Self.names] {
            let data = try #require(FileManager.default.contents(atPath: Fixtures.path("Questionnaires/\(file)")))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(json["version"] as? String == Content.builtInLocalWordsVersion, "\(file)")
        }
        #expect(Content.builtInLocalWords.map(\.version) == [Content.builtInLocalWordsVersion, Content.builtInLocalWordsVersion])
    }

    @Test func aKoreanSessionNamesItsWordFilesAndAnEnglishOneNone() throws {
        let intake = InProcessIntake()
        var korean = SessionOptions(answers: Fixtures.path("Tests/Personas/ko/01-desk-worker-neck.json"))
        korean.language = "ko"
        #expect(intake.run(korean, typing: []).status == 0)
        let header = try Self.header(intake.text(try #require(intake.transcripts.last)))
        let words = try #require(header["localWords"] as? [[String: String]])
        #expect(words.map { $0["id"] } == [Self.aliases, Self.names])
        #expect(words.map { $0["version"] } == ["1.0.0", "1.0.0"])
        #expect(words[0]["sha256"] == (try Self.sha256("Questionnaires/\(Self.aliases)")))
        #expect(words[1]["sha256"] == (try Self.sha256("Questionnaires/\(Self.names)")))

        // An English session, even one answered in Korean, keeps the header it always had.
        let english = InProcessIntake()
        #expect(english.run(SessionOptions(answers: Fixtures.path("Tests/Personas/ko/01-desk-worker-neck.json")), typing: []).status == 0)
        #expect(try Self.header(english.text(try #require(english.transcripts.last)))["localWords"] == nil)
    }

    /// A header naming words this build does not have (a changed file, no
    /// copy kept) replays with today's words and says they changed.
    @Test func wordsThatChangedSinceAreSaid() throws {
        let intake = InProcessIntake()
        var korean = SessionOptions(answers: Fixtures.path("Tests/Personas/ko/05-knee-oa-apixaban-firm.json"))
        korean.language = "ko"
        #expect(intake.run(korean, typing: []).status == 0)
        let text = intake.text(try #require(intake.transcripts.last))
        let first = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).first)
        let changed = text.replacingOccurrences(of: String(first), with: String(first).replacingOccurrences(of: Self.firstVersion[Self.aliases]!, with: String(repeating: "0", count: 64)))
        let bytes = Array(changed.utf8)
        let content = try Content.load(forTranscript: bytes, questionnaire: nil, rules: nil, files: intake.files)
        let header = try #require(TranscriptHeader.of(transcript: bytes))
        #expect(content.changes(since: header) == ["the words of \(Self.aliases) have changed"])
        let same = try Content.load(forTranscript: Array(text.utf8), questionnaire: nil, rules: nil, files: intake.files)
        #expect(same.changes(since: try #require(TranscriptHeader.of(transcript: Array(text.utf8)))).isEmpty)
    }

    /// Changing a shipped word file needs a new version, with the old file
    /// kept byte for byte in `Questionnaires/versions/words/1.0.0/` (the
    /// words every session without `localWords` was read with).
    @Test(arguments: [aliases, names])
    func theFirstVersionIsKeptAsItWas(_ name: String) throws {
        let today = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.text("Questionnaires/\(name)").utf8)) as? [String: Any])
        if today["version"] as? String == Content.firstLocalWordsVersion {
            #expect(try Self.sha256("Questionnaires/\(name)") == Self.firstVersion[name], "\(name) changed: give it a new version and keep 1.0.0 in Questionnaires/versions/words/1.0.0/")
        } else {
            #expect(try Self.sha256("Questionnaires/versions/words/1.0.0/\(name)") == Self.firstVersion[name])
        }
    }
}
