import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// The follow-up check-in (`Questionnaires/follow-up.json` and its rules)
/// in-process: a second questionnaire must work end to end with
/// nothing of the default one hard-wired. Each persona of
/// `Tests/Personas/follow-up/` through `intake score` and `intake run
/// --answers`, and the golden transcripts of `Transcripts/examples/follow-up/`
/// through `intake replay --check`.
@Suite("Follow-up check-in, end to end")
struct FollowUpTests {
    /// The first category of the rules: care is needed now.
    static let mostUrgent = "seek-care-now"
    static let questionnaire = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Questionnaires/follow-up.json").path
    static let rulesFile = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Questionnaires/follow-up.rules.json").path

    static var personas: [Persona] { Persona.all(in: "Tests/Personas/follow-up") }

    static let goldenTranscripts = ["fit-with-precautions-typed-with-corrections", "seek-care-now-urgent-stop"]

    static func golden(_ name: String) -> String {
        URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/follow-up/\(name).jsonl").path
    }

    /// The follow-up rules file as JSON: rule ids and category titles.
    static func rulesJSON() throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: rulesFile))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The rule ids printed at line ends ("... [fu-long-soreness]"), as in `ScoreTests`.
    static func ruleIDs(inText text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\[([a-z0-9-]+)\]$"#, options: .anchorsMatchLines)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    static func events(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    static func events(ofFile path: String) -> [[String: Any]] {
        events((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    // MARK: - Personas

    @Test func thePersonasCoverEveryCategoryAndRule() throws {
        let personas = Self.personas
        #expect(personas.count >= 6)
        let rules = try Self.rulesJSON()
        let categories = (rules["categories"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        let ruleIDs = (rules["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(Set(personas.map(\.category)) == Set(categories))
        #expect(personas.reduce(into: Set<String>()) { $0.formUnion($1.rules) } == Set(ruleIDs))
        #expect(personas.contains { $0.pressureCallout } && personas.contains { !$0.pressureCallout })
    }

    @Test(arguments: personas)
    func scoreGivesTheExpectedCategoryAndRules(_ persona: Persona) throws {
        let result = InProcessIntake().score(.init(answers: persona.path, format: .json, questionnaire: Self.questionnaire))
        #expect(result.status == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["category"] as? String == persona.category)
        let ids = (json?["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(ids) == persona.rules)
        #expect((json?["missingAnswers"] as? [String]) == [], "a persona answers every question on its path")
        let cap = json?["pressureCap"] as? [String: Any]
        #expect((cap?["preferenceAbove"] as? Bool ?? false) == persona.pressureCallout)
        #expect((json?["disclaimer"] as? String)?.contains("not medical advice") == true)
    }

    @Test(arguments: personas)
    func runWithTheAnswersGivesTheSameOutcome(_ persona: Persona) throws {
        let result = InProcessIntake().run(SessionOptions(questionnaire: Self.questionnaire, answers: persona.path), typing: [])
        #expect(result.status == 0, "\(result.error)")
        var assessment = result.output.components(separatedBy: "What this suggests").last ?? ""
        if let saved = assessment.range(of: "\nSaved: ") { assessment = String(assessment[..<saved.lowerBound]) }
        let expected = try ShownRules(answers: persona.path, questionnaire: Self.questionnaire, fired: persona.rules, careNow: persona.category == Self.mostUrgent)
        let careNow = expected.careNow
        #expect(Self.ruleIDs(inText: assessment) == expected.shown)
        #expect(assessment.contains("In favour of massage") == expected.showsSupporting)
        #expect(assessment.contains("What to do now") == careNow)
        let categories = try Self.rulesJSON()["categories"] as? [[String: Any]] ?? []
        let title = try #require(categories.first { $0["code"] as? String == persona.category }?["title"] as? String)
        #expect(assessment.contains(title))
        #expect(assessment.contains("not medical advice"))
        let score = InProcessIntake().score(.init(answers: persona.path, questionnaire: Self.questionnaire))
        // The same, and after an urgent stop, run says what to do once more at the end.
        #expect(("What this suggests" + assessment).hasPrefix(score.output), "run and score say the same")
        #expect(careNow || ("What this suggests" + assessment).count == score.output.count)
    }

    // MARK: - Golden transcripts

    @Test(arguments: goldenTranscripts)
    func goldenTranscriptsReplayClean(_ name: String) throws {
        // Recorded with follow-up 1.0.0, kept in versions/2.0.0: found by
        // the hash in the header, so they replay as they were made.
        let result = InProcessIntake().replay(.init(path: Self.golden(name), check: true))
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("Hash chain: intact"))
        #expect(result.output.contains("Replay: every step did what the transcript recorded."))
        #expect(result.output.contains("The outcome is the same."))
        #expect(result.output.contains("questionnaire, rules and medicines list unchanged since"),
                "the examples were recorded with other files: run scripts/make-example-transcripts.sh and review the diff")
    }

    @Test func theGoldenTranscriptsHoldACorrectionAndAnUrgentStop() throws {
        let typed = Self.events(ofFile: Self.golden("fit-with-precautions-typed-with-corrections"))
        #expect(typed.contains { $0["type"] as? String == "back" })
        #expect(typed.contains { $0["type"] as? String == "rejected" })
        #expect(typed.contains { $0["type"] as? String == "completed" && $0["urgent"] as? Bool == false })
        let urgent = Self.events(ofFile: Self.golden("seek-care-now-urgent-stop"))
        #expect(urgent.contains { $0["type"] as? String == "completed" && $0["urgent"] as? Bool == true })
        #expect(!urgent.contains { $0["type"] as? String == "asked" && $0["node"] as? String == "today_unwell" })
    }

    /// A transcript names its questionnaire: the follow-up is built in, so its
    /// sessions replay from any folder; a clinic's own questionnaire is found
    /// as `Questionnaires/ID.json` in the current folder, and elsewhere must be named.
    @Test func aTranscriptFindsItsQuestionnaireByID() throws {
        let anywhere = InProcessIntake(directory: "/").replay(.init(path: Self.golden("seek-care-now-urgent-stop"), check: true))
        #expect(anywhere.status == 0, "\(anywhere.error)")
        #expect(anywhere.output.contains("Hash chain: intact"))

        // The follow-up under another id, as a clinic's own questionnaire.
        let clinic = try TemporaryFolder()
        let source = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Questionnaires")
        try FileManager.default.createDirectory(atPath: clinic.path + "/Questionnaires", withIntermediateDirectories: true)
        let questionnaire = try String(contentsOfFile: Self.questionnaire, encoding: .utf8)
            .replacingOccurrences(of: #""id": "follow-up""#, with: #""id": "check-in""#)
        #expect(questionnaire.contains(#""id": "check-in""#))
        _ = try clinic.file("Questionnaires/check-in.json", questionnaire)
        let rules = try String(contentsOfFile: Self.rulesFile, encoding: .utf8)
            .replacingOccurrences(of: #""questionnaire": "follow-up""#, with: #""questionnaire": "check-in""#)
        #expect(rules.contains(#""questionnaire": "check-in""#))
        _ = try clinic.file("Questionnaires/check-in.rules.json", rules)
        _ = try clinic.file("Questionnaires/medications.json", try String(contentsOf: source.appendingPathComponent("medications.json"), encoding: .utf8))
        let typed = try String(contentsOfFile: Fixtures.path("Tests/Fixtures/follow-up-typed-session.txt"), encoding: .utf8)
        let atTheClinic = InProcessIntake(directory: clinic.path)
        let run = atTheClinic.run(SessionOptions(questionnaire: "Questionnaires/check-in.json", transcripts: "sessions"), piping: typed)
        #expect(run.status == 0, "\(run.error)")
        let transcript = try #require(atTheClinic.files.transcripts(in: "sessions").first)
        let found = atTheClinic.replay(.init(path: transcript, check: true))
        #expect(found.status == 0, "\(found.output)\(found.error)")
        let elsewhere = InProcessIntake(directory: "/")
        elsewhere.files.place(atTheClinic.files.written[transcript] ?? [], at: transcript)
        let notFound = elsewhere.replay(.init(path: transcript, check: true))
        #expect(notFound.status == 2)
        #expect(notFound.error.contains("this session used the questionnaire 'check-in', not 'massage-intake': pass it with --questionnaire"))

        // In a folder, each session is replayed with its own questionnaire;
        // one whose questionnaire is not found still has its hash chain checked.
        let mixed = try TemporaryFolder()
        let examples = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples")
        try FileManager.default.copyItem(atPath: examples.appendingPathComponent("good-fit-neck.jsonl").path, toPath: mixed.path + "/main.jsonl")
        try FileManager.default.copyItem(atPath: Self.golden("seek-care-now-urgent-stop"), toPath: mixed.path + "/follow-up.jsonl")
        let both = InProcessIntake(directory: "/").replay(.init(path: mixed.path, check: true))
        #expect(both.status == 0, "\(both.output)")
        #expect(both.output.contains("2 sessions: 2 completed, 0 unfinished"))
        #expect(both.output.contains("seek-care-now") && both.output.contains("good-fit"))
        var lines = atTheClinic.text(transcript).components(separatedBy: "\n")
        lines[3] = lines[3].replacingOccurrences(of: "\"ms\":", with: "\"ms\": ")
        _ = try mixed.file("clinic-edited.jsonl", lines.joined(separator: "\n"))
        let edited = InProcessIntake(directory: "/").replay(.init(path: mixed.path, check: true))
        #expect(edited.status == 1, "\(edited.output)")
        #expect(edited.output.contains("clinic-edited.jsonl: line 5: this line does not follow line 4"))
        #expect(edited.output.contains("clinic-edited.jsonl: questionnaire 'check-in'"))
    }

    @Test func aTypedSessionCompletesAndItsReportRenders() throws {
        let intake = InProcessIntake()
        let input = ["no change", "sore", "4 days", "none", "no", "none", "none", "3", "neck", "2", "medium", ":skip"]
        let run = intake.run(SessionOptions(questionnaire: Self.questionnaire), typing: input)
        #expect(run.status == 0, "\(run.error)")
        let files = intake.transcripts
        try #require(files.count == 1)
        #expect(Self.ruleIDs(inText: run.output) == ["fu-long-soreness", "fu-agree-todays-plan"])
        let replay = intake.replay(.init(path: files[0], check: true, questionnaire: Self.questionnaire))
        #expect(replay.status == 0, "\(replay.output)")
        let html = "/memory/report.html"
        let report = intake.report(.init(transcript: files[0], format: .html, output: html, questionnaire: Self.questionnaire))
        #expect(report.status == 0, "\(report.error)")
        let page = intake.text(html)
        #expect(page.contains("Check-in before your next massage"))
        #expect(page.contains("fu-long-soreness"))
    }

    /// The report's body map draws the region question that a "main area"
    /// question chooses among (`pain_today_areas`), not the first region
    /// question of the file (`health_change_site`, where an injury was).
    @Test func theReportDrawsTodaysPainAreas() throws {
        let report = InProcessIntake().report(.init(transcript: Self.golden("fit-with-precautions-typed-with-corrections"), format: .json, questionnaire: Self.questionnaire))
        #expect(report.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any]
        let areas = json?["painAreas"] as? [String: Any]
        #expect(Set(areas?["painful"] as? [String] ?? []) == ["lower-back", "shoulder-left"])
        #expect(areas?["primary"] as? String == "shoulder-left")
    }
}
