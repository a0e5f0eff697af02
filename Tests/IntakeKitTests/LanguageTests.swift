import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing

/// Korean plumbing (issue 17): translation files, choosing the language,
/// the transcript's language, program words, reports and coverage, on a
/// small fixture questionnaire with its Korean translation
/// (`Tests/Fixtures/lang/tiny*.json`).
@Suite("Languages")
struct LanguageTests {
    static let tiny = Fixtures.path("Tests/Fixtures/lang/tiny.json")
    /// Neck, 6 months, yes (severe), 7, then Enter at the review page.
    static let answers = ["1", "6 months", "yes", "7", ""]

    static func options(_ language: Language?) -> SessionOptions {
        var options = SessionOptions(questionnaire: tiny)
        options.language = language
        return options
    }

    static func transcript(_ intake: InProcessIntake) throws -> (path: String, text: String) {
        let path = try #require(intake.files.transcripts(in: InProcessIntake.sessions).last)
        return (path, try #require(intake.files.text(path)))
    }

    @Test func theLocaleChoosesTheLanguageAndLangOverridesIt() throws {
        #expect(LanguageChoice.choose(nil, environment: [:]) == .english)
        #expect(LanguageChoice.choose(nil, environment: ["LANG": "ko_KR.UTF-8"]) == "ko")
        #expect(LanguageChoice.choose(nil, environment: ["LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"]) == "ko")
        #expect(LanguageChoice.choose(nil, environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "ko_KR.UTF-8"]) == .english)
        #expect(LanguageChoice.choose(nil, environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(LanguageChoice.choose(.english, environment: ["LANG": "ko_KR.UTF-8"]) == .english)
        #expect(try LanguageChoice.parse("KO") == "ko")
        #expect(throws: UserFacingError.self) { try LanguageChoice.parse("fr") }
    }

    @Test func aKoreanSessionIsInKoreanAndItsHeaderSaysSo() throws {
        let intake = InProcessIntake()
        let result = intake.run(Self.options("ko"), typing: Self.answers)
        #expect(result.status == 0, "\(result.error)")
        for words in ["간단한 통증 확인", "어디가 가장 아프세요?", "1번째 질문", "마치기 전에 답변을 확인하세요", "먼저 의사와 상담하세요", "이 요약은 일반적인 정보이며 의학적 조언이 아닙니다."] {
            #expect(result.output.contains(words), "'\(words)' is missing:\n\(result.output)")
        }
        let (_, text) = try Self.transcript(intake)
        let header = try #require(TranscriptHeader.of(transcript: Array(text.utf8)))
        #expect(header.language == "ko")
        #expect(text.split(separator: "\n").first?.contains("\"language\":\"ko\"") == true)
    }

    @Test func theLocaleMakesASessionKoreanAndEnglishHeadersSayNothing() throws {
        let korean = InProcessIntake(environment: ["LANG": "ko_KR.UTF-8"])
        #expect(korean.run(Self.options(nil), typing: Self.answers).output.contains("어디가 가장 아프세요?"))
        let english = InProcessIntake(environment: ["LANG": "ko_KR.UTF-8"])
        let result = english.run(Self.options(.english), typing: Self.answers)
        #expect(result.output.contains("Where does it hurt most?"))
        let (_, text) = try Self.transcript(english)
        #expect(!text.contains("\"language\""))
        #expect(TranscriptHeader.of(transcript: Array(text.utf8))?.language == .english)
    }

    @Test func aLanguageWithoutATranslationSaysSoAndFallsBackToEnglish() throws {
        // The minimal schema fixture has no Korean beside it.
        var options = SessionOptions(questionnaire: Fixtures.path("Tests/SchemaFixtures/questionnaire/good/minimal.json"))
        options.language = "ko"
        let result = InProcessIntake().run(options, typing: [""])
        #expect(result.error.contains("There is no Korean (한국어) translation of"), "\(result.error)")
        #expect(result.output.contains("There is nothing to answer."))
    }

    /// Words of ASCII letters left on a Korean screen, outside commands
    /// (`:back`), what was typed, paths and key names.
    static func englishWords(_ output: String, typed: [String]) -> [String] {
        var found: [String] = []
        for line in output.split(separator: "\n").map(String.init) {
            var trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">") { trimmed = trimmed.dropFirst().trimmingCharacters(in: .whitespaces) }
            if typed.contains(trimmed) { continue }
            for word in line.split(separator: " ").map(String.init) {
                // Commands, paths, rule ids in brackets, what was typed quoted back.
                if word.hasPrefix(":") || word.contains("/") || word.hasPrefix("[") || word.hasPrefix("--") { continue }
                if typed.contains(where: { !$0.isEmpty && word.contains("'\($0)'") }) { continue }
                let letters = word.filter { $0.isASCII && $0.isLetter }
                guard letters.count >= 2, !["Ctrl-U", "Tab"].contains(word) else { continue }
                found.append(word)
            }
        }
        return found
    }

    @Test func aKoreanSessionShowsNoEnglishProgramMessage() throws {
        // A help, a why, a refused answer, a review, a wrong command, then the answers.
        let typed = [":help", ":why", "shoulder", ":review", ":nope"] + Self.answers
        let result = InProcessIntake().run(Self.options("ko"), typing: typed)
        #expect(result.status == 0, "\(result.error)")
        let english = Self.englishWords(result.output, typed: typed)
        #expect(english.isEmpty, "English on a Korean screen: \(english)\n\(result.output)")
    }

    @Test func replayAndReportUseTheRecordedLanguageUnlessAsked() throws {
        let intake = InProcessIntake()
        _ = intake.run(Self.options("ko"), typing: Self.answers)
        let (path, _) = try Self.transcript(intake)
        var replay = Replay.Options(path: path, questionnaire: Self.tiny)
        #expect(intake.replay(replay).output.contains("어디가 가장 아프세요?"))
        replay.language = .english
        #expect(intake.replay(replay).output.contains("Where does it hurt most?"))
        let text = intake.report(SessionReport.Options(transcript: path, format: .text, questionnaire: Self.tiny))
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("평가 결과") && text.output.contains("먼저 의사와 상담하세요"), "\(text.output)")
        let html = intake.report(SessionReport.Options(transcript: path, format: .html, questionnaire: Self.tiny)).output
        #expect(html.contains("lang=\"ko\""))
        #expect(html.contains("word-break: keep-all") && html.contains("Noto Sans CJK KR"))
        #expect(html.contains("이 요약은 일반적인 정보이며 의학적 조언이 아닙니다."))
        var english = SessionReport.Options(transcript: path, format: .html, questionnaire: Self.tiny)
        english.language = .english
        let englishHTML = intake.report(english).output
        #expect(englishHTML.contains("lang=\"en\"") && englishHTML.contains("not medical advice"))
    }

    @Test func validateReportsCoverageMissingExtraAndStale() throws {
        let full = InProcessIntake().validate(Validation.Options(files: [Self.tiny, Fixtures.path("Tests/Fixtures/lang/tiny.rules.json")], strict: true))
        #expect(full.status == 0, "\(full.output)\(full.error)")
        #expect(full.output.contains("translation ko"), "\(full.output)")
        #expect(full.output.contains("self 15/15, reception 1/1; 0 missing, 0 extra, 0 stale"), "\(full.output)")

        // A copy whose translation lost a text, gained an unknown one and
        // translated an English text that has changed since.
        let intake = InProcessIntake()
        let folder = "/memory/lang"
        intake.files.place(Fixtures.bytes("Tests/Fixtures/lang/tiny.json"), at: "\(folder)/tiny.json")
        var translation = Fixtures.text("Tests/Fixtures/lang/tiny.ko.json")
        translation = translation.replacing(#"{"owner": "node", "id": "how_long", "field": "label", "source": "How long", "self": "통증 기간"},"#, with: "")
        translation = translation.replacing(#""source": "Neck""#, with: #""source": "The neck""#)
        translation = translation.replacing(#"{"owner": "file", "field": "title""#, with: #"{"owner": "node", "id": "gone", "field": "text", "source": "Gone", "self": "없음"}, {"owner": "file", "field": "title""#)
        intake.files.place(Array(translation.utf8), at: "\(folder)/tiny.ko.json")
        let lagging = intake.validate(Validation.Options(files: ["\(folder)/tiny.json"], strict: true))
        #expect(lagging.status == 1, "\(lagging.output)")
        #expect(lagging.output.contains("1 missing, 1 extra, 1 stale"), "\(lagging.output)")
        #expect(lagging.output.contains("'how_long.label' is not translated"))
        #expect(lagging.output.contains("'gone.text' is not a text of the English file"))
        #expect(lagging.output.contains("$.texts[5]") && lagging.output.contains("'area.options.neck.label' is stale"), "\(lagging.output)")
    }

    @Test func aBadTranslationIsALocatedErrorAndExitTwo() throws {
        let intake = InProcessIntake()
        let folder = "/memory/bad"
        intake.files.place(Fixtures.bytes("Tests/Fixtures/lang/tiny.json"), at: "\(folder)/tiny.json")
        intake.files.place(Array(#"{"language": "ko", "translates": "tiny.json", "texts": [{"owner": "nod", "id": "area", "field": "text", "source": "x", "self": "y"}]}"#.utf8), at: "\(folder)/tiny.ko.json")
        var options = SessionOptions(questionnaire: "\(folder)/tiny.json")
        options.language = "ko"
        let result = intake.run(options, typing: [])
        #expect(result.status == 2)
        let line = result.error.split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix("\(folder)/tiny.ko.json:1:") && line.contains("$.texts[0].owner") && line.contains("'owner' must be one of"), "\(result.error)")
    }

    @Test func programWordsFillInPartsInTheirOwnOrder() {
        let words = ProgramWords(TextVariant(language: "ko", audience: .self))
        #expect(words("Question 3 - about 4 to 6 more") == "3번째 질문 - 약 4~6개 남았습니다")
        #expect(words("Enter a whole number from -5 to 10 (kg).") == "-5부터 10까지의 정수를 입력하세요 (kg).")
        #expect(ProgramWords(TextVariant(language: "ko", audience: .reception))("Stopped before the end. The client's answers so far are saved. To carry on later:").contains("고객님"))
        #expect(ProgramWords()("Question 3 - the last one") == "Question 3 - the last one")
    }
}

/// A FHIR form's standard translation extension fills the Korean texts.
@Suite("FHIR translation extension")
struct FHIRTranslationTests {
    @Test func theTranslationExtensionOnTextAndDisplayIsShownInKorean() throws {
        let original = Fixtures.text("Tests/FHIRTests/Fixtures/lhc-hunger-vital-signs.json")
        var resource = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        func translation(_ words: String) -> [String: Any] {
            ["extension": [["url": "http://hl7.org/fhir/StructureDefinition/translation",
                            "extension": [["url": "lang", "valueCode": "ko-KR"], ["url": "content", "valueString": words]]]]]
        }
        var items = try #require(resource["item"] as? [[String: Any]])
        items[0]["_text"] = translation("지난 12개월 동안 음식이 떨어질까 걱정한 적이 있습니까?")
        var options = try #require(items[0]["answerOption"] as? [[String: Any]])
        var coding = try #require(options[0]["valueCoding"] as? [String: Any])
        coding["_display"] = translation("자주 그랬다")
        options[0]["valueCoding"] = coding
        items[0]["answerOption"] = options
        resource["item"] = items
        let intake = InProcessIntake()
        intake.files.place(Array(try JSONSerialization.data(withJSONObject: resource)), at: "/memory/fhir/hunger.json")
        var korean = SessionOptions(questionnaire: "/memory/fhir/hunger.json")
        korean.language = "ko"
        let result = intake.run(korean, typing: [":quit"])
        #expect(result.output.contains("지난 12개월 동안 음식이 떨어질까 걱정한 적이 있습니까?"), "\(result.output)\(result.error)")
        #expect(result.output.contains("자주 그랬다"))
        #expect(!result.error.contains("computes its text"), "\(result.error)")
        // In English the form reads as written.
        let english = InProcessIntake()
        english.files.place(Array(try JSONSerialization.data(withJSONObject: resource)), at: "/memory/fhir/hunger.json")
        #expect(english.run(SessionOptions(questionnaire: "/memory/fhir/hunger.json"), typing: [":quit"]).output.contains("Within the past 12"))
    }
}

/// A desk that offers two languages asks each client which, after their
/// reference; its own prompts stay in the desk's language.
@Suite("Reception languages")
struct ReceptionLanguageTests {
    @Test func eachClientChoosesTheLanguageOfTheirSession() throws {
        var options = SessionOptions(questionnaire: LanguageTests.tiny, mode: .reception, client: "A-1")
        options.language = .english
        options.offered = [.english, "ko"]
        let intake = InProcessIntake()
        // Client A-1 in Korean; then client B-2 in English (Enter).
        let typed = ["ko"] + LanguageTests.answers + ["", "B-2", ""] + LanguageTests.answers + ["", ":quit"]
        let result = intake.run(options, typing: typed)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Language for this client: en (English), ko (Korean (한국어))"), "\(result.output)")
        #expect(result.output.contains("고객님은 어디가 가장 아프신가요?"), "\(result.output)")
        #expect(result.output.contains("Where does the client's pain hurt most?"), "\(result.output)")
        #expect(result.output.hasSuffix("Reception finished.\n"), "\(result.output)")
        let transcripts = intake.files.transcripts(in: InProcessIntake.sessions)
        let languages = transcripts.compactMap { intake.files.text($0).flatMap { TranscriptHeader.of(transcript: Array($0.utf8))?.language } }
        #expect(languages == ["ko", .english], "\(languages)")
    }

    /// A Korean desk says the rule for a reference whole: every mark it
    /// allows, the "." among them, before the length.
    @Test func aKoreanDeskSaysTheReferenceRuleWhole() {
        var options = SessionOptions(mode: .reception)
        options.language = "ko"
        let result = InProcessIntake().run(options, typing: [":quit"])
        let words = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("글자, 숫자, 띄어쓰기와 - _ . # : + ( ) ' , & @ 를 64자까지 쓸 수 있습니다."), "\(result.output)")
    }
}
