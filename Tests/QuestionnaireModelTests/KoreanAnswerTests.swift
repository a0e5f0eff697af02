import IntakeTesting
import Testing
@testable import QuestionnaireModel

/// Answers written in Korean, through the real parser, with the default
/// questionnaire and its Korean alias table
/// (`Questionnaires/massage-intake.ko.aliases.json`) as intake loads them.
@Suite("Answers in Korean")
struct KoreanAnswerTests {
    static let plain: Questionnaire = {
        try! QuestionnaireLoader.load(Fixtures.bytes("Questionnaires/massage-intake.json"), file: "massage-intake.json").questionnaire
    }()
    static let table: AliasTable = {
        try! AliasTable.load(Fixtures.bytes("Questionnaires/massage-intake.ko.aliases.json"), file: "massage-intake.ko.aliases.json", for: plain)
    }()
    static let questionnaire = plain.adding(table)

    func parse(_ id: String, _ text: String, answers: [String: Answer] = [:]) -> Result<AnswerValue, Rejection> {
        let node = Self.questionnaire.node(id)!
        return node.parse(text, options: Self.questionnaire.options(for: node, answers: answers))
    }

    func value(_ id: String, _ text: String) -> AnswerValue? {
        try? parse(id, text).get()
    }

    func near(_ id: String, _ text: String) -> NearMatch? {
        let node = Self.questionnaire.node(id)!
        return node.nearMatch(text, options: Self.questionnaire.options(for: node, answers: [:]))
    }

    // MARK: - Lengths of time

    @Test(arguments: [
        ("6개월", 183), ("2년", 731), ("3주", 21), ("10일", 10), ("1년 반", 548), ("일 년 반", 548), ("두 달", 61),
        ("삼 년", 1096), ("18개월", 548), ("6 개월", 183), ("1년반", 548), ("일년반", 548), ("두달", 61), ("삼년", 1096),
        ("한 달", 30), ("네 달", 122), ("열두 달", 365), ("일주일", 7), ("이주", 14), ("십일", 10), ("삼십일", 30), ("이십일일", 21),
        ("하루", 1), ("이틀", 2), ("보름", 15), ("반년", 183), ("1년 6개월", 548), ("약 2년", 731), ("2년 정도", 731), ("3년째", 1096),
        ("2년 전부터", 731), ("10여 년", 3653), ("6개월이요", 183), ("1 year 6개월", 548), ("2년 6 months", 913), ("스무 해", 7305),
    ])
    func durations(_ typed: String, _ days: Int) {
        #expect(value("pain_duration", typed) == .duration(days: days), "\(typed)")
    }

    @Test func durationsKeepTheirEnglishTwinsDays() {
        for (korean, english) in [("6개월", "6 months"), ("1년 반", "a year and a half"), ("두 달", "2 months"), ("3주", "3 weeks"), ("18개월", "18 months")] {
            #expect(value("pain_duration", korean) == value("pain_duration", english), "\(korean)")
        }
    }

    @Test func durationsThatAreNotReadAreRefused() {
        #expect(parse("pain_duration", "2020년부터").failureMessage?.contains("looks like a date") == true)
        #expect(parse("pain_duration", "열여덟").failureMessage == "'18' needs a unit: try '18 days', '18 months', or '18 years'.")
        #expect(parse("pain_duration", "오래됨").failureMessage?.hasPrefix("I couldn't read '오래됨' as a duration") == true)
        #expect(parse("pain_duration", "백 년").failureMessage?.contains("is longer than 80 years") == true)
    }

    @Test func durationNearMissesAsk() {
        #expect(parse("pain_duration", "6개얼").failureMessage?.hasPrefix("I couldn't read '6개얼' as a duration") == true)
        #expect(near("pain_duration", "6개얼") == NearMatch(corrected: "6 개월", value: .duration(days: 183), meant: "6 months"))
        #expect(near("pain_duration", "2녕") == NearMatch(corrected: "2 년", value: .duration(days: 731), meant: "2 years"))
        #expect(near("pain_duration", "2년") == nil)
        #expect(near("pain_duration", "오래됨") == nil)
    }

    // MARK: - Numbers

    @Test(arguments: [
        ("다섯", 5), ("칠", 7), ("십", 10), ("하나", 1), ("둘", 2), ("셋", 3), ("넷", 4), ("여섯", 6), ("일곱", 7), ("여덟", 8),
        ("아홉", 9), ("열", 10), ("일", 1), ("이", 2), ("삼", 3), ("사", 4), ("오", 5), ("육", 6), ("팔", 8), ("구", 9), ("영", 0),
        ("7점", 7), ("칠점", 7), ("다섯 점", 5), ("10점 만점에 7점", 7), ("6점이요", 6),
    ])
    func scaleNumbers(_ typed: String, _ number: Int) {
        #expect(value("pain_intensity", typed) == .integer(number), "\(typed)")
    }

    @Test func determinerFormsNeedAUnit() {
        // 네 alone is "yes", 한/두/세 only stand before a unit: not a pain score.
        for typed in ["네", "한", "두", "세"] {
            #expect(parse("pain_intensity", typed).failureMessage?.hasPrefix("I couldn't read '\(typed)' as a number") == true, "\(typed)")
        }
        #expect(parse("pain_intensity", "십일").failureMessage == "11 is above 10: enter a whole number from 0 to 10.")
    }

    @Test func numbersWithAKoreanUnit() {
        #expect(value("pregnancy_weeks", "20주") == .number(20))
        #expect(value("pregnancy_weeks", "20주차") == .number(20))
        #expect(value("pregnancy_weeks", "스무 주") == .number(20))
        #expect(value("pregnancy_weeks", "이십주") == .number(20))
        #expect(value("pregnancy_weeks", "열두") == nil)
    }

    /// A Korean session words the unit "주" (the translation's): a number
    /// is still typed in either language, with or without the unit, as
    /// its English twin is ("twenty-four weeks" ↔ "스물네 주").
    @Test(arguments: ["24", "24주", "24 주차", "스물네 주", "이십사 주", "24 weeks", "twenty-four weeks", "24 wks"])
    func numbersWhenTheUnitIsWordedInKorean(_ typed: String) throws {
        var node = try #require(Self.questionnaire.node("pregnancy_weeks"))
        guard case .number(let min, let max, let integer, _) = node.spec else { Issue.record("not a number"); return }
        node.spec = .number(min: min, max: max, integer: integer, unit: "주")
        #expect(try node.parse(typed, options: []).get() == .number(24), "\(typed)")
    }

    @Test func scaleWordsInKorean() {
        #expect(value("pss_1", "전혀 없음") == .integer(0))
        #expect(value("pss_1", "거의없음") == .integer(1))
        #expect(value("pss_1", "가끔") == .integer(2))
        #expect(value("pss_1", "꽤 자주") == .integer(3))
        #expect(value("pss_1", "매우") == .integer(4))
        #expect(value("phq_1", "며칠") == .integer(1))
        #expect(value("phq_1", "거의 매일") == .integer(3))
        // English words as before.
        #expect(value("pss_1", "fairly often") == .integer(3))
        #expect(near("pss_1", "거의 엇음") == NearMatch(corrected: "거의 없음", value: .integer(1), meant: "'거의 없음'"))
    }

    // MARK: - Yes, no and none

    @Test func yesAndNo() {
        for typed in ["네", "예", "응", "네.", "맞아요", "있어요"] { #expect(value("guardian_consent", typed) == .yesNo(true), "\(typed)") }
        for typed in ["아니요", "아니오", "아뇨", "아니", "아니요!", "없어요"] { #expect(value("guardian_consent", typed) == .yesNo(false), "\(typed)") }
        #expect(near("guardian_consent", "아니여") == NearMatch(corrected: "아니요", value: .yesNo(false), meant: "아니요"))
        #expect(value("guardian_consent", "다섯") == nil)
    }

    @Test func noneOfThese() {
        for typed in ["없음", "없어요", "없습니다", "해당 없음", "해당없음"] {
            #expect(value("red_flags", typed) == .choices(["none"]), "\(typed)")
            #expect(value("conditions", typed) == .choices(["none"]), "\(typed)")
        }
        #expect(parse("conditions", "없음, 당뇨").failureMessage?.contains("can't be combined") == true)
    }

    @Test func noMedicines() {
        for typed in ["없음", "없어요", "해당 없음", "복용 안 함", "안 먹어요"] {
            #expect(value("medications", typed) == .medications([]), "\(typed)")
        }
        #expect(value("medications", "와파린 5mg、타이레놀") == .medications(["와파린 5mg", "타이레놀"]))
        #expect(parse("medications", "없음, 타이레놀").failureMessage?.hasPrefix("'none' can't be combined") == true)
    }

    // MARK: - Options

    @Test func bodyAreasInKorean() {
        #expect(value("pain_locations", "허리") == .choices(["lower-back"]))
        #expect(value("pain_locations", "목") == .choices(["neck"]))
        #expect(value("pain_locations", "왼쪽 어깨") == .choices(["shoulder-left"]))
        #expect(value("pain_locations", "어깨 왼쪽") == .choices(["shoulder-left"]))
        #expect(value("pain_locations", "왼쪽어깨") == .choices(["shoulder-left"]))
        #expect(value("pain_locations", "좌측 어깨") == .choices(["shoulder-left"]))
        #expect(value("pain_locations", "무릎 오른쪽") == .choices(["knee-right"]))
        #expect(value("pain_locations", "우측 무릎") == .choices(["knee-right"]))
        #expect(value("pain_locations", "오른손") == .choices(["hand-right"]))
    }

    @Test func koreanListSeparators() {
        let both = AnswerValue.choices(["neck", "lower-back"])
        for typed in ["허리, 목", "허리、목", "허리 및 목", "허리 그리고 목", "허리와 목", "목과 허리", "허리랑 목", "허리하고 목", "허리 목", "허리，목"] {
            #expect(value("pain_locations", typed) == both, "\(typed)")
        }
        #expect(value("pain_locations", "왼쪽 어깨와 무릎 오른쪽") == .choices(["shoulder-left", "knee-right"]))
        #expect(value("pain_locations", "허리, left knee") == .choices(["lower-back", "knee-left"]))
        #expect(value("pain_locations", "neck and 허리") == both)
    }

    @Test func koreanAmbiguityAndNearMissesAsk() {
        #expect(parse("pain_locations", "어깨").failureMessage == "'어깨' could be Left shoulder or Right shoulder: type more of the name, or its number.")
        #expect(parse("pain_locations", "어께").failureMessage?.hasPrefix("I couldn't match '어께' to a choice") == true)
        #expect(near("pain_locations", "허라") == NearMatch(corrected: "lower-back", value: .choices(["lower-back"]), meant: "Lower back"))
        #expect(near("pain_locations", "왼쪽 어께") == NearMatch(corrected: "shoulder-left", value: .choices(["shoulder-left"]), meant: "Left shoulder"))
        #expect(near("pain_locations", "어께 왼쪽") == NearMatch(corrected: "shoulder-left", value: .choices(["shoulder-left"]), meant: "Left shoulder"))
        #expect(near("pain_locations", "목, 무릅 왼쪽")?.value == .choices(["neck", "knee-left"]))
        // Nothing near: no guess.
        #expect(near("pain_locations", "손톱") == nil)
    }

    @Test func otherChoicesInKorean() {
        #expect(value("pain_frequency", "매일") == .choice("every-day"))
        #expect(value("pain_primary", "허리") == nil) // options come from the areas chosen
        let areas: [String: Answer] = ["pain_locations": Answer(value: .choices(["neck", "lower-back"]), raw: "목, 허리")]
        #expect(parse("pain_primary", "허리", answers: areas).successValue == .choice("lower-back"))
        #expect(value("pregnancy_high_risk", "네") == .choice("yes"))
        #expect(value("consent", "동의합니다") == .choice("yes"))
        #expect(value("pressure_preference", "세게") == .choice("firm"))
        #expect(value("age_band", "45세") == .choice("18-50"))
        #expect(value("age_band", "마흔다섯 살") == .choice("18-50"))
        #expect(value("age_band", "성인") == .choice("18-50"))
    }

    /// Every Korean word names the option the table gives it, and no English
    /// name of the questionnaire is taken by a Korean word.
    @Test func everyAliasNamesItsOption() {
        for (id, byCode) in Self.table.options {
            let node = Self.questionnaire.node(id)!
            guard case .fixed(let options)? = node.spec.choiceSource else { continue }
            for (code, words) in byCode {
                for word in words {
                    #expect(node.parse(word, options: options).successValue?.codes == [code], "\(id): \(word)")
                }
            }
        }
        for node in Self.plain.nodes {
            guard case .fixed(let options)? = node.spec.choiceSource else { continue }
            for option in options { #expect(option.matchingForms.allSatisfy { !Hangul.contains($0) }) }
        }
    }

    // MARK: - English unchanged

    @Test func englishAnswersReadAsBefore() {
        for (id, typed) in [("pain_locations", "left knee and right knee"), ("pain_locations", "knee"), ("pain_duration", "2 yeras"),
                            ("pain_intensity", "seven"), ("guardian_consent", "yes"), ("conditions", "none"), ("medications", "none")] {
            let node = Self.plain.node(id)!
            let before = node.parse(typed, options: Self.plain.options(for: node, answers: [:]))
            #expect(parse(id, typed) == before, "\(id): \(typed)")
        }
    }

    // MARK: - The table's checks

    @Test func aTableWithMistakesIsRefusedWithPlaces() {
        let text = """
        {"language": "ko", "questionnaire": "massage-intake", "questions": {
          "pain_locatons": {"neck": ["목"]},
          "pain_frequency": {"some-dayz": ["때때로"], "some-days": ["가끔"], "most-days": ["가 끔"], "every-day": ["often"]},
          "pss_1": [["전혀"]]
        }}
        """
        do {
            _ = try AliasTable.load(Array(text.utf8), file: "bad.ko.aliases.json", for: Self.plain)
            Issue.record("accepted")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.contains("bad.ko.aliases.json:2:") && $0.contains("there is no question 'pain_locatons'") && $0.contains("did you mean 'pain_locations'") })
            #expect(messages.contains { $0.contains("has no option 'some-dayz'") && $0.contains("did you mean 'some-days'") })
            #expect(messages.contains { $0.contains("'often' already names the option 'most-days' of 'pain_frequency'") })
            #expect(messages.contains { $0.contains("'가 끔' reads as a word of the option 'some-days'") })
            #expect(messages.contains { $0.contains("must be a list of 5 lists") })
        }
    }
}

extension Result where Failure == Rejection {
    var failureMessage: String? {
        if case .failure(let rejection) = self { return rejection.message }
        return nil
    }

    var successValue: Success? { try? get() }
}
