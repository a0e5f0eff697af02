import Foundation
import IntakeTesting
import Testing

/// The follow-up check-in (`Questionnaires/follow-up.json` and its rules)
/// through the real binary: a second questionnaire must work end to end with
/// nothing of the default one hard-wired. Each persona of
/// `Tests/Personas/follow-up/` through `intake score` and `intake run
/// --answers`, and the golden transcripts of `Transcripts/examples/follow-up/`
/// through `intake replay --check`.
@Suite("Follow-up check-in, end to end")
struct FollowUpTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var path: String
        var category: String
        var rules: Set<String>
        var pressureCallout: Bool
        var testDescription: String { (path as NSString).lastPathComponent }
    }

    /// The first category of the rules: care is needed now.
    static let mostUrgent = "seek-care-now"
    static let questionnaire = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Questionnaires/follow-up.json").path
    static let rulesFile = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Questionnaires/follow-up.rules.json").path

    static var personas: [Expected] {
        let folder = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Tests/Personas/follow-up")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let expected = json["$expected"] as? [String: Any],
                  let category = expected["category"] as? String,
                  let rules = expected["rules"] as? [String]
            else { return nil }
            return Expected(path: path, category: category, rules: Set(rules), pressureCallout: expected["pressureCallout"] as? Bool ?? false)
        }
    }

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

    static func events(_ path: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    static func transcripts(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
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
    func scoreGivesTheExpectedCategoryAndRules(_ persona: Expected) throws {
        let result = try IntakeProcess.run(["score", persona.path, "--questionnaire", Self.questionnaire, "--format", "json"])
        #expect(result.status == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["category"] as? String == persona.category)
        let ids = (json?["rules"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Set(ids) == persona.rules)
        #expect((json?["missingAnswers"] as? [String]) == [], "a persona answers every question on its path")
        let points = json?["discussionPoints"] as? [String] ?? []
        #expect(points.contains { $0.hasPrefix("Pressure:") } == persona.pressureCallout)
        #expect((json?["disclaimer"] as? String)?.contains("not medical advice") == true)
    }

    @Test(arguments: personas)
    func runWithTheAnswersGivesTheSameOutcome(_ persona: Expected) throws {
        let result = try IntakeProcess.run(["run", "--questionnaire", Self.questionnaire, "--answers", persona.path])
        #expect(result.status == 0, "\(result.error)")
        var assessment = result.output.components(separatedBy: "What this suggests").last ?? ""
        if let saved = assessment.range(of: "\nSaved: ") { assessment = String(assessment[..<saved.lowerBound]) }
        let expected = try ShownRules(scoreArguments: ["score", persona.path, "--questionnaire", Self.questionnaire, "--format", "json"], fired: persona.rules, careNow: persona.category == Self.mostUrgent)
        let careNow = expected.careNow
        #expect(Self.ruleIDs(inText: assessment) == expected.shown)
        #expect(assessment.contains("In favour of massage") == expected.showsSupporting)
        #expect(assessment.contains("What to do now") == careNow)
        let categories = try Self.rulesJSON()["categories"] as? [[String: Any]] ?? []
        let title = try #require(categories.first { $0["code"] as? String == persona.category }?["title"] as? String)
        #expect(assessment.contains(title))
        #expect(assessment.contains("not medical advice"))
        let score = try IntakeProcess.run(["score", persona.path, "--questionnaire", Self.questionnaire])
        // The same, and after an urgent stop, run says what to do once more at the end.
        #expect(("What this suggests" + assessment).hasPrefix(score.output), "run and score say the same")
        #expect(careNow || ("What this suggests" + assessment).count == score.output.count)
    }

    // MARK: - Golden transcripts

    @Test(arguments: goldenTranscripts)
    func goldenTranscriptsReplayClean(_ name: String) throws {
        let result = try IntakeProcess.run(["replay", Self.golden(name), "--questionnaire", Self.questionnaire, "--check"])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("Hash chain: intact"))
        #expect(result.output.contains("Replay: every step did what the transcript recorded."))
        #expect(result.output.contains("The outcome is the same."))
        #expect(result.output.contains("questionnaire, rules and medicines list unchanged since"),
                "the examples were recorded with other files: run scripts/make-example-transcripts.sh and review the diff")
    }

    @Test func theGoldenTranscriptsHoldACorrectionAndAnUrgentStop() throws {
        let typed = Self.events(Self.golden("fit-with-precautions-typed-with-corrections"))
        #expect(typed.contains { $0["type"] as? String == "back" })
        #expect(typed.contains { $0["type"] as? String == "rejected" })
        #expect(typed.contains { $0["type"] as? String == "completed" && $0["urgent"] as? Bool == false })
        let urgent = Self.events(Self.golden("seek-care-now-urgent-stop"))
        #expect(urgent.contains { $0["type"] as? String == "completed" && $0["urgent"] as? Bool == true })
        #expect(!urgent.contains { $0["type"] as? String == "asked" && $0["node"] as? String == "today_unwell" })
    }

    /// A transcript names its questionnaire: the follow-up is built in, so its
    /// sessions replay from any folder; a clinic's own questionnaire is found
    /// as `Questionnaires/ID.json` in the current folder, and elsewhere must be named.
    @Test func aTranscriptFindsItsQuestionnaireByID() throws {
        let anywhere = try IntakeProcess.run(["replay", Self.golden("seek-care-now-urgent-stop"), "--check"], directory: "/")
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
        let run = try IntakeProcess.run(["run", "--questionnaire", "Questionnaires/check-in.json", "--transcripts", "sessions"], input: typed, directory: clinic.path)
        #expect(run.status == 0, "\(run.error)")
        let transcript = try #require(Self.transcripts(in: clinic.path + "/sessions").first)
        let found = try IntakeProcess.run(["replay", transcript, "--check"], directory: clinic.path)
        #expect(found.status == 0, "\(found.output)\(found.error)")
        let elsewhere = try IntakeProcess.run(["replay", transcript, "--check"], directory: "/")
        #expect(elsewhere.status == 2)
        #expect(elsewhere.error.contains("this session used the questionnaire 'check-in', not 'massage-intake': pass it with --questionnaire"))

        // In a folder, each session is replayed with its own questionnaire;
        // one whose questionnaire is not found still has its hash chain checked.
        let mixed = try TemporaryFolder()
        let examples = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples")
        try FileManager.default.copyItem(atPath: examples.appendingPathComponent("good-fit-neck.jsonl").path, toPath: mixed.path + "/main.jsonl")
        try FileManager.default.copyItem(atPath: Self.golden("seek-care-now-urgent-stop"), toPath: mixed.path + "/follow-up.jsonl")
        let both = try IntakeProcess.run(["replay", mixed.path, "--check"], directory: "/")
        #expect(both.status == 0, "\(both.output)")
        #expect(both.output.contains("2 sessions: 2 completed, 0 unfinished"))
        #expect(both.output.contains("seek-care-now") && both.output.contains("good-fit"))
        var lines = try String(contentsOfFile: transcript, encoding: .utf8).components(separatedBy: "\n")
        lines[3] = lines[3].replacingOccurrences(of: "\"ms\":", with: "\"ms\": ")
        _ = try mixed.file("clinic-edited.jsonl", lines.joined(separator: "\n"))
        let edited = try IntakeProcess.run(["replay", mixed.path, "--check"], directory: "/")
        #expect(edited.status == 1, "\(edited.output)")
        #expect(edited.output.contains("clinic-edited.jsonl: line 5: this line does not follow line 4"))
        #expect(edited.output.contains("clinic-edited.jsonl: questionnaire 'check-in'"))
    }

    @Test func aTypedSessionCompletesAndItsReportRenders() throws {
        let folder = try TemporaryFolder()
        let input = ["no change", "sore", "4 days", "none", "no", "none", "none", "3", "neck", "2", "medium", ":skip"]
        let run = try IntakeProcess.run(["run", "--questionnaire", Self.questionnaire, "--transcripts", folder.path], input: input.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        let files = Self.transcripts(in: folder.path)
        try #require(files.count == 1)
        #expect(Self.ruleIDs(inText: run.output) == ["fu-long-soreness", "fu-agree-todays-plan"])
        let replay = try IntakeProcess.run(["replay", files[0], "--questionnaire", Self.questionnaire, "--check"])
        #expect(replay.status == 0, "\(replay.output)")
        let html = folder.path + "/report.html"
        let report = try IntakeProcess.run(["report", files[0], "--questionnaire", Self.questionnaire, "--format", "html", "--output", html])
        #expect(report.status == 0, "\(report.error)")
        let page = (try? String(contentsOfFile: html, encoding: .utf8)) ?? ""
        #expect(page.contains("Check-in before your next massage"))
        #expect(page.contains("fu-long-soreness"))
    }

    /// The report's body map draws the region question that a "main area"
    /// question chooses among (`pain_today_areas`), not the first region
    /// question of the file (`health_change_site`, where an injury was).
    @Test func theReportDrawsTodaysPainAreas() throws {
        let report = try IntakeProcess.run(["report", Self.golden("fit-with-precautions-typed-with-corrections"), "--questionnaire", Self.questionnaire, "--format", "json"])
        #expect(report.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any]
        let areas = json?["painAreas"] as? [String: Any]
        #expect(Set(areas?["painful"] as? [String] ?? []) == ["lower-back", "shoulder-left"])
        #expect(areas?["primary"] as? String == "shoulder-left")
    }
}
