import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing

/// The Korean twins of some personas (`Tests/Personas/ko/`): the same
/// people answering in Korean, through `intake score`, `run --answers` and
/// piped stdin, in-process. Each must score exactly as its English twin.
@Suite("Personas answered in Korean")
struct KoreanPersonaTests {
    /// Twelve people, each exercising other rules: good fit (01), chronic
    /// low back with stress (02), widespread fibromyalgia on 심발타 and
    /// 리리카 with a position limit (04), a blood thinner in Hangul and a
    /// pressure call-out (05), pregnancy (14), the urgent stops for the
    /// spine (18) and for breathlessness, typed as a person says it (21),
    /// warfarin (20), a guardian's consent (25), thoughts of self-harm (28),
    /// lymphoedema with its side (31), and answers mixing Korean and English
    /// with an NSAID and an SSRI in both scripts (40).
    static let twins = [
        "01-desk-worker-neck.json", "02-warehouse-low-back-pss8.json", "04-fibromyalgia-widespread.json", "05-knee-oa-apixaban-firm.json",
        "14-pregnant-low-risk.json", "18-urgent-bladder-leg-weakness.json", "20-current-dvt-on-warfarin.json", "21-urgent-chest-pain.json",
        "25-v2-under-18-guardian-agrees.json", "28-v2-self-harm-thoughts.json", "31-v2-lymphoedema-left-arm.json", "40-v2-nsaid-with-ssri.json",
    ]

    @Test func thereAreAtLeastTwelveTwinsAndEachIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("Tests/Personas/ko")).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 12)
        #expect(Set(files) == Set(Self.twins))
    }

    static func korean(_ name: String) -> String { Fixtures.path("Tests/Personas/ko/\(name)") }
    static func english(_ name: String) -> String { Fixtures.path("Tests/Personas/\(name)") }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The whole assessment, with each medicine entry (quoted as typed, in
    /// its own language) put as its place in the list: everything else,
    /// every rule, class, derived value and word, must be the same.
    static func decision(_ assessment: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: assessment, options: [.sortedKeys])
        var text = String(decoding: data, as: UTF8.self)
        let medicines = assessment["medicines"] as? [String: Any]
        let recognised = (medicines?["recognised"] as? [[String: Any]])?.compactMap { $0["entry"] as? String } ?? []
        let entries = recognised + (medicines?["unrecognised"] as? [String] ?? [])
        for (index, entry) in entries.enumerated() { text = text.replacingOccurrences(of: entry, with: "<entry \(index)>") }
        return text
    }

    @Test(arguments: twins)
    func scoresAsItsEnglishTwin(_ name: String) throws {
        let english = InProcessIntake().score(.init(answers: Self.english(name), format: .json))
        let korean = InProcessIntake().score(.init(answers: Self.korean(name), format: .json))
        #expect(korean.status == 0, "\(korean.error)")
        let a = Self.decision(try Self.json(english.output))
        let b = Self.decision(try Self.json(korean.output))
        #expect(a == b)
        // The medicines, when the person takes any, were compared as places only.
        let listed = try Self.json(english.output)["medicines"] as? [String: Any]
        let takesMedicines = !((listed?["recognised"] as? [Any] ?? []) + (listed?["unrecognised"] as? [Any] ?? [])).isEmpty
        #expect(a.contains("<entry 0>") == takesMedicines)
    }

    /// The assessment a session printed, with white space made single and
    /// the medicine entries of its score put as their places.
    static func shownAssessment(_ output: String, answers: String) throws -> String {
        var assessment = output.components(separatedBy: "What this suggests").last ?? ""
        if let saved = assessment.range(of: "\nSaved: ") { assessment = String(assessment[..<saved.lowerBound]) }
        var text = ScoreTests.flat(assessment)
        let score = try json(InProcessIntake().score(.init(answers: answers, format: .json)).output)
        let medicines = score["medicines"] as? [String: Any]
        let entries = ((medicines?["recognised"] as? [[String: Any]])?.compactMap { $0["entry"] as? String } ?? []) + (medicines?["unrecognised"] as? [String] ?? [])
        for (index, entry) in entries.enumerated() { text = text.replacingOccurrences(of: ScoreTests.flat(entry), with: "<entry \(index)>") }
        return text
    }

    @Test(arguments: twins)
    func runWithTheAnswersAsItsEnglishTwin(_ name: String) throws {
        let english = InProcessIntake().run(SessionOptions(answers: Self.english(name)), typing: [])
        let korean = InProcessIntake().run(SessionOptions(answers: Self.korean(name)), typing: [])
        #expect(korean.status == 0, "\(korean.error)")
        let shown = try Self.shownAssessment(korean.output, answers: Self.korean(name))
        #expect(shown == (try Self.shownAssessment(english.output, answers: Self.english(name))))
        #expect(shown.contains("not medical advice"))
    }

    /// At a front desk too: the staff member enters the client's Korean
    /// answers, and the assessment the desk sees is the English twin's.
    @Test(arguments: twins)
    func atReceptionAsItsEnglishTwin(_ name: String) throws {
        var english = SessionOptions(answers: Self.english(name))
        english.mode = .reception
        var korean = SessionOptions(answers: Self.korean(name))
        korean.mode = .reception
        let a = InProcessIntake().run(english, typing: [])
        let b = InProcessIntake().run(korean, typing: [])
        #expect(b.status == 0, "\(b.error)")
        let shown = try Self.shownAssessment(b.output, answers: Self.korean(name))
        #expect(shown == (try Self.shownAssessment(a.output, answers: Self.english(name))))
        #expect(shown.contains("client"), "worded for the desk")
    }

    /// The Korean answers typed one a line, in the order the interview asks,
    /// with 네 to each check a session asks (an urgent stop read back).
    static func typedLines(_ name: String) throws -> [String] {
        let answers = try json(String(decoding: FileManager.default.contents(atPath: korean(name))!, as: UTF8.self))
        let content = try Content.load(questionnaire: nil, rules: nil, requireRules: false, files: InProcessIntake().files)
        var interview = content.interview(on: CalendarDate(year: 2026, month: 3, day: 5)!, checks: [.urgentStops, .nearMatches])
        var lines: [String] = []
        while let node = interview.currentNode, lines.count < 80 {
            let typed = node.kind == .info ? "" : answers[node.id] as? String ?? ""
            lines.append(typed)
            if case .rejected = interview.handle(typed), interview.pendingCheck == nil { Issue.record("\(node.id): '\(typed)' refused") }
            if interview.pendingCheck != nil {
                lines.append("네")
                _ = interview.handle("네")
            }
        }
        return lines
    }

    @Test(arguments: twins)
    func typedThroughAPipeAsItsEnglishTwin(_ name: String) throws {
        let lines = try Self.typedLines(name)
        let korean = InProcessIntake().run(SessionOptions(), piping: lines.joined(separator: "\n") + "\n")
        #expect(korean.status == 0, "\(korean.error)")
        #expect(!korean.output.contains("I couldn't"), "no answer was refused")
        let english = InProcessIntake().run(SessionOptions(answers: Self.english(name)), typing: [])
        let shown = try Self.shownAssessment(korean.output, answers: Self.korean(name))
        #expect(shown == (try Self.shownAssessment(english.output, answers: Self.english(name))))
    }

    /// A near miss in Hangul is asked about, as in English, and 네 takes it:
    /// "와파림" is warfarin once confirmed, and the person scores as the twin.
    @Test func aMisspeltBloodThinnerIsAskedAndConfirmedInKorean() throws {
        var lines = try Self.typedLines("20-current-dvt-on-warfarin.json")
        let medicines = try #require(lines.firstIndex(of: "와파린(쿠마딘) 5mg 매일; metformin 500 mg 하루 두 번"))
        lines[medicines] = "와파림 5mg 매일; metformin 500 mg 하루 두 번"
        lines.insert("네", at: medicines + 1)
        let intake = InProcessIntake()
        let run = intake.run(SessionOptions(), piping: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        #expect(ScoreTests.flat(run.output).contains("'와파림' is not a name intake knows. Did you mean 와파린 (a blood thinner)?"))
        #expect(ScoreTests.ruleIDs(inText: run.output.components(separatedBy: "What this suggests").last ?? "").contains("bleeding-risk"))
        let english = InProcessIntake().score(.init(answers: Self.english("20-current-dvt-on-warfarin.json")))
        #expect(ScoreTests.ruleIDs(inText: run.output.components(separatedBy: "What this suggests").last ?? "") == ScoreTests.ruleIDs(inText: english.output))
    }

    /// Without the 네, 아니요 keeps the name as typed: no blood thinner is
    /// recognised, and the possible match is named for the therapist.
    @Test func aNearMissKeptAsTypedIsNamedAsAPossibleMatch() throws {
        var lines = try Self.typedLines("20-current-dvt-on-warfarin.json")
        let medicines = try #require(lines.firstIndex(of: "와파린(쿠마딘) 5mg 매일; metformin 500 mg 하루 두 번"))
        lines[medicines] = "와파림 5mg"
        lines.insert("아니요", at: medicines + 1)
        let run = InProcessIntake().run(SessionOptions(), piping: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        let assessment = ScoreTests.flat(run.output.components(separatedBy: "What this suggests").last ?? "")
        #expect(assessment.contains(#"Medicines not recognised: "와파림 5mg" (possibly 와파린, blood thinner (anticoagulant))."#))
        #expect(!ScoreTests.ruleIDs(inText: run.output.components(separatedBy: "What this suggests").last ?? "").contains("bleeding-risk"))
    }

    /// A session answered in Korean replays and checks: every recorded
    /// Korean answer reads again as it did.
    @Test(arguments: ["05-knee-oa-apixaban-firm.json", "18-urgent-bladder-leg-weakness.json"])
    func aKoreanSessionReplays(_ name: String) throws {
        let intake = InProcessIntake()
        let run = intake.run(SessionOptions(), piping: try Self.typedLines(name).joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        let transcript = try #require(intake.transcripts.first)
        let replay = intake.replay(.init(path: transcript, check: true))
        #expect(replay.status == 0, "\(replay.output)\(replay.error)")
        #expect(replay.output.contains("Replay: every step did what the transcript recorded."))
    }

    /// A questionnaire named on the command line finds its Korean words in
    /// `NAME.ko.aliases.json` beside it; a mistake in that file is an error
    /// naming the file and the place, exit 2.
    @Test func aQuestionnaireOnDiskFindsItsAliasTableBesideIt() throws {
        let folder = try TemporaryFolder()
        let questionnaire = try folder.file("intake.json", Fixtures.text("Questionnaires/massage-intake.json"))
        _ = try folder.file("intake.rules.json", Fixtures.text("Questionnaires/massage-intake.rules.json").replacingOccurrences(of: "\"medications.json\"", with: "\"\(Fixtures.path("Questionnaires/medications.json"))\""))
        let answers = try folder.file("answers.json", #"{"pain_locations": "허리와 목", "pain_duration": "2년", "medications": "ibuprofen"}"#)
        let without = InProcessIntake().score(.init(answers: answers, format: .json, questionnaire: questionnaire))
        #expect(without.status == 2 && without.error.contains("'허리와 목' was not accepted for 'pain_locations'"), "\(without.error)")
        _ = try folder.file("intake.ko.aliases.json", #"{"language": "ko", "questionnaire": "massage-intake", "questions": {"pain_locations": {"neck": ["목"], "lower-back": ["허리"]}}}"#)
        let with = InProcessIntake().score(.init(answers: answers, format: .json, questionnaire: questionnaire))
        #expect(with.status == 0, "\(with.error)")
        _ = try folder.file("intake.ko.aliases.json", #"{"language": "ko", "questionnaire": "massage-intake", "questions": {"pain_locations": {"nek": ["목"]}}}"#)
        let bad = InProcessIntake().score(.init(answers: answers, format: .json, questionnaire: questionnaire))
        #expect(bad.status == 2)
        #expect(bad.error.contains("intake.ko.aliases.json:1:") && bad.error.contains("'pain_locations' has no option 'nek' (did you mean 'neck'?)"), "\(bad.error)")
    }
}
