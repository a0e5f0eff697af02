import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Scoring
import Testing

/// Version 2 of the clinical content: sessions made with version 1.0.0
/// replay, check and report with the 1.0.0 files they name; medicine names
/// near a known one are asked about in the interview.
@Suite("Clinical content, version 2")
struct ClinicalVersionTests {
    static let oldSessions: [String] = ["Transcripts/examples/v1", "Transcripts/examples/format-2"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(folder))) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func thereAreVersion1SessionsOfFormats2And3() {
        #expect(Self.oldSessions.count == 12)
    }

    /// A version 1 session replays with the files it was made with, and
    /// replay says which.
    @Test(arguments: oldSessions)
    func aVersion1SessionReplaysWithItsOwnFiles(_ path: String) {
        let result = InProcessIntake().replay(.init(path: Fixtures.path(path), check: true))
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("replayed with questionnaire massage-intake 1.0.0, rules 1.0.0, medicines list 1.0.0 (the built-in files of version 1.0.0, kept for the sessions made with them)"))
        #expect(result.output.contains("Replay: every step did what the transcript recorded."))
        if path.contains("/v1/") {
            #expect(result.output.contains("questionnaire, rules and medicines list unchanged since"), "the same files, byte for byte")
        }
    }

    @Test func aFolderOfVersion1And2SessionsChecksClean() {
        for folder in ["Transcripts/examples/v1", "Transcripts/examples"] {
            let result = InProcessIntake().replay(.init(path: Fixtures.path(folder), check: true))
            #expect(result.status == 0, "\(folder): \(result.output)")
        }
    }

    /// Version 2.1.0 changed only wording (reception texts), but the bytes
    /// changed: a 2.0.0 session replays with the kept 2.0.0 files, and its
    /// replay and report are what they were.
    @Test func aVersion2SessionReplaysWithItsOwnKeptFiles() throws {
        let path = Fixtures.path("Transcripts/examples/good-fit-neck.jsonl")
        let result = InProcessIntake().replay(.init(path: path, check: true))
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("replayed with questionnaire massage-intake 2.0.0, rules 2.0.0, medicines list 2.0.0 (the built-in files of version 2.0.0, kept for the sessions made with them)\n"), "\(result.output)")
        #expect(result.output.contains("unchanged since"), "\(result.output)")
        let kept = try Content.load(forTranscript: Fixtures.bytes("Transcripts/examples/good-fit-neck.jsonl"), questionnaire: nil, rules: nil, files: InProcessIntake().files)
        #expect(kept.keptVersion == "2.0.0")
        #expect(kept.identities.questionnaire.sha256 == SHA256Hex.of(Fixtures.bytes("Questionnaires/versions/2.0.0/massage-intake.json")))
        #expect(kept.identities.rules?.sha256 == SHA256Hex.of(Fixtures.bytes("Questionnaires/versions/2.0.0/massage-intake.rules.json")))
    }

    /// The report of a version 1 session is made with the 1.0.0 files: its
    /// outcome is the recorded one, not today's rules' reading.
    @Test func aVersion1SessionIsReportedWithItsOwnFiles() throws {
        let path = Fixtures.path("Transcripts/examples/v1/fit-with-precautions-with-corrections.jsonl")
        let result = InProcessIntake().report(.init(transcript: path, format: .json))
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.error.contains("different outcome"), "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["questionnaire"] as? [String: Any])?["version"] as? String == "1.0.0")
        let assessment = json["assessment"] as? [String: Any]
        #expect(assessment?["category"] as? String == "fit-with-precautions")
    }

    /// The compiled-in rules are made when first asked for, not before the
    /// first question: the header records the version and hash of the
    /// rules then made, and they assess as the same file read from disk.
    @Test func theBuiltInRulesMadeWhenFirstAskedForAreTheRulesFile() throws {
        let files = InProcessIntake().files
        let builtIn = try Self.content()
        let fromDisk = try Content.load(
            questionnaire: Fixtures.path("Questionnaires/massage-intake.json"), rules: Fixtures.path("Questionnaires/massage-intake.rules.json"),
            requireRules: true, files: files)
        #expect(builtIn.identities.rules == fromDisk.identities.rules)
        #expect(builtIn.identities.rules?.version == builtIn.rules?.version)
        for content in [builtIn, fromDisk] {
            var interview = Self.atMedicines(content)
            _ = interview.handle("warfarin 5 mg daily")
            let assessment = try #require(content.assess(interview))
            #expect(assessment.json.serialized() == (try #require(fromDisk.assess(interview))).json.serialized())
            #expect(assessment.firedIDs.contains("bleeding-risk"))
        }
        // A session of each kept version: 1.0.0, and 2.0.0 (the examples
        // at the top of Transcripts/examples were made with it).
        for (version, session) in [("1.0.0", "v1/\(Self.firstV1Session)"), ("2.0.0", "good-fit-neck.jsonl")] {
            #expect(Content.keptVersions.contains(version))
            let kept = try Content.load(
                forTranscript: Array(Fixtures.text("Transcripts/examples/\(session)").utf8), questionnaire: nil, rules: nil, files: files)
            #expect(kept.keptVersion == version)
            #expect(kept.identities.rules?.version == kept.rules?.version)
        }
    }

    static let firstV1Session = oldSessions.first { $0.contains("/v1/") }.map { String($0.split(separator: "/").last!) } ?? ""

    // MARK: - Medicine names near a known one

    static func content() throws -> Content {
        try Content.load(questionnaire: nil, rules: nil, requireRules: false, files: InProcessIntake().files)
    }

    /// An interview up to the medicines question, with every check on.
    static func atMedicines(_ content: Content) -> Interview {
        var interview = Interview(questionnaire: content.questionnaire.questionnaire, checks: .all, answerCheck: content.medicineCheck)
        let straight = Fixtures.text("Tests/Fixtures/straight-session.txt").split(separator: "\n").map(String.init)
        for line in straight.prefix(13) {
            while interview.currentNode?.kind == .info { interview.continuePastInfo() }
            _ = interview.handle(line)
        }
        while interview.currentNode?.kind == .info { interview.continuePastInfo() }
        return interview
    }

    @Test func aNearMissIsAskedAboutAndYesTakesTheKnownName() throws {
        let content = try Self.content()
        var interview = Self.atMedicines(content)
        #expect(interview.current == "medications")
        let typed = "warfrin 5 mg daily, Xeralto20mg"
        let asked = interview.handle(typed)
        #expect(asked == .rejected(node: "medications", raw: typed, reason: Rejection(
            "'warfrin' and 'xeralto' are not names intake knows. Did you mean warfarin (a blood thinner) and Xarelto (a blood thinner)? yes / no, keep it as typed")))
        let confirmed = interview.handle("yes")
        #expect(confirmed == .accepted(node: "medications", answer: Answer(value: .medications(["warfarin 5 mg daily", "Xarelto20mg"]), raw: "warfarin 5 mg daily, Xarelto20mg")))
        let assessment = try #require(content.assess(interview))
        #expect(assessment.firedIDs.contains("bleeding-risk"))
    }

    @Test func noKeepsTheNamesAsTypedAndTheAssessmentSaysSo() throws {
        let content = try Self.content()
        var interview = Self.atMedicines(content)
        _ = interview.handle("warfrin 5 mg daily")
        #expect(interview.handle("no") == .accepted(node: "medications", answer: Answer(value: .medications(["warfrin 5 mg daily"]), raw: "warfrin 5 mg daily")))
        let assessment = try #require(content.assess(interview))
        #expect(!assessment.firedIDs.contains("bleeding-risk"), "never guessed")
        #expect(assessment.medicines.possibleMatches.map(\.name) == ["warfarin"])
        #expect(assessment.isProvisional)
    }

    @Test func aKnownOrFarNameIsNotAskedAbout() throws {
        let content = try Self.content()
        var interview = Self.atMedicines(content)
        #expect(interview.handle("Eliquis5mg bd, Zyrtec 10 mg, vitamin D") == .accepted(
            node: "medications", answer: Answer(value: .medications(["Eliquis5mg bd", "Zyrtec 10 mg", "vitamin D"]), raw: "Eliquis5mg bd, Zyrtec 10 mg, vitamin D")))
    }

    /// `intake score --format json` carries the reading: sections, caps,
    /// assumptions, provisional, and unrecognised names with their matches.
    @Test func theJSONCarriesTheReading() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("partial.json", #"{"age_band": "18-50", "conditions": ["pregnancy"], "pregnancy_weeks": 20, "medications": "warfrin, Eliquis", "pressure_preference": "firm"}"#)
        let result = InProcessIntake().score(.init(answers: file, format: .json))
        #expect(result.status == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["provisional"] as? Bool == true)
        let assumptions = json["assumptions"] as? [[String: Any]] ?? []
        #expect(assumptions.map { $0["question"] as? String } == ["pregnancy_high_risk"])
        let sections = (json["sections"] as? [[String: Any]] ?? []).compactMap { $0["section"] as? String }
        #expect(sections.contains("before-booking") && sections.contains("therapist"))
        let cap = json["pressureCap"] as? [String: Any]
        #expect(cap?["code"] as? String == "light" && cap?["preferenceAbove"] as? Bool == true)
        let medicines = json["medicines"] as? [String: Any]
        #expect(medicines?["unrecognised"] as? [String] == ["warfrin"])
        let matches = medicines?["possibleMatches"] as? [[String: Any]] ?? []
        #expect(matches.first?["name"] as? String == "warfarin")
        #expect((json["headline"] as? [String: Any])?["self"] as? String != nil)
        #expect((json["disclaimer"] as? String)?.contains("not medical advice") == true)
    }
}

extension ClinicalVersionTests {
    /// Every format of a report keeps the headline rule: a near-miss
    /// blood thinner never sits under "nothing calls for special precautions",
    /// and the possible match is named.
    @Test(arguments: [SessionReport.Format.text, .markdown, .html, .json])
    func noReportFormatReadsSaferThanTheAnswers(_ format: SessionReport.Format) throws {
        let intake = InProcessIntake()
        let run = intake.run(SessionOptions(answers: Fixtures.path("Tests/Personas/54-v2-near-miss-warfrin.json")), typing: [])
        #expect(run.status == 0, "\(run.error)")
        let transcript = try #require(intake.transcripts.first)
        let report = intake.report(.init(transcript: transcript, format: format))
        #expect(report.status == 0, "\(report.error)")
        #expect(!report.output.contains("Nothing in your answers calls for special precautions"))
        #expect(report.output.contains("warfarin"))
        #expect(report.output.contains("provisional"))
        #expect(report.output.contains("not medical advice"))
    }
}

extension Assessment {
    var firedIDs: Set<String> { Set(fired.map(\.id)) }
}
