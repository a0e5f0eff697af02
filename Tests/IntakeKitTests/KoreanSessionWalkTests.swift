import Foundation
import IntakeKit
import IntakeTesting
import InterviewEngine
import QuestionnaireModel
import Testing

/// A whole session of the shipped questionnaire held in Korean, as a
/// person at home answers it: refusals of every kind of question, a near
/// miss, a medicine misspelt, the edit commands, the summary; then its
/// report in every format and its replay. Nothing the person or the staff
/// reads may be English (issue 17: "Not done if any text ... is English").
@Suite("A Korean session, end to end")
struct KoreanSessionWalkTests {
    /// Each line as typed, in the order asked; refused ones are followed by
    /// what the person types next.
    static let typed = [
        "",  // age: Enter alone
        "3",
        "한참", "200년", "3", "-3년", "1년 반",  // a length of time: unreadable, too long, no unit, negative
        "매일",
        "허리, 목", "허리",
        "없음", "없음",
        "11", "", "7.5", "많이", "칠",  // a scale: above, empty, not whole, no number
        "5", "4",
        "모름",
        "1-30", "0", "없음",  // choices: a range too far, no such number
        "없음",
        "없음, 와파린", "엘리퀴즈, 아스피린, 와파림", "네",  // none with a name; two near misses, confirmed
        "6", ":edit 99", ":edit",
        "2", "1", "3", "0", "조금", "1", "0", "2", "0", "보통", "1", "1", "2", "세게", "엎드리기 어려움", "없음", "오른쪽 발은 피해 주세요", "네", "",
    ]

    /// English words on a Korean screen: words of ASCII letters, leaving
    /// out what `LanguageTests.englishWords` does, words joined to Hangul
    /// ("intake가", "혈전(DVT)"), and codes: rule, question and
    /// questionnaire ids, the time zone, the program's name.
    static func english(_ text: String) -> [String] {
        LanguageTests.englishWords(text, typed: typed).filter { word in
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: "(),:.;'"))
            if core.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) { return false }
            if ["intake", "UTC", "id", "review"].contains(core) || core.hasPrefix(":") || core.hasPrefix("+") { return false }
            return !core.allSatisfy { $0.isLowercase || $0 == "-" || $0 == "_" || $0 == "," || $0.isNumber }
        }
    }

    static func options() -> SessionOptions {
        var options = SessionOptions()
        options.language = "ko"
        return options
    }

    /// Resuming a Korean session that cannot be resumed says why in Korean
    /// (the file and the command to type stay as they are).
    @Test func aResumeRefusedIsSaidInKorean() throws {
        let intake = InProcessIntake()
        var options = Self.options()
        options.answers = Fixtures.path("Tests/Personas/ko/01-desk-worker-neck.json")
        #expect(intake.run(options, typing: []).status == 0)
        let path = try #require(intake.transcripts.last)
        let again = intake.run(SessionOptions(resume: path), typing: [])
        #expect(again.status == 2)
        #expect(again.error.contains(path + ": 이미 끝난 세션입니다. 내용을 보려면: intake replay "), "\(again.error)")
        #expect(!again.error.contains("already complete"))
    }

    @Test func theSessionAndItsRefusalsAreInKorean() throws {
        let intake = InProcessIntake()
        let run = intake.run(Self.options(), piping: Self.typed.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        let english = Self.english(run.output)
        #expect(english.isEmpty, "English on a Korean screen: \(english)\n\(run.output)")
        let flat = ScoreTests.flat(run.output)
        // Each kind of refusal, in Korean.
        for said in [
            "'한참'을(를) 기간으로 읽지 못했습니다. 예: '6개월' 또는 '2년'.",
            "'200년'은(는) 80년보다 깁니다.",
            "'3'에는 단위가 필요합니다. 예: '3일', '3개월', '3년'.",
            "기간은 음수일 수 없습니다.",
            "11은(는) 10보다 큽니다. 0부터 10까지의 정수를 입력하세요.",
            "0부터 10까지의 정수를 입력해 주세요.",
            "7.5은(는) 정수가 아닙니다.",
            "'1-30'은(는) 선택지 범위가 아닙니다.",
            "0번 선택지는 없습니다. 1부터 18까지의 번호나 목록에 있는 이름을 입력하세요.",
            "'없음'은 약 이름과 함께 쓸 수 없습니다.",
            "'엘리퀴즈', '와파림'은(는) intake가 모르는 약 이름입니다. 엘리퀴스 (혈액 희석제), 와파린 (혈액 희석제)을(를) 말씀하신 건가요?",
            "99번 답변은 없습니다.",
            "고칠 답변의 번호와 함께 :edit 를 입력하세요.",
        ] {
            #expect(flat.contains(said), "missing: \(said)")
        }
        // The assessment names the medicines' classes and the pressure limit in Korean.
        #expect(flat.contains("엘리퀴스: 혈액 희석제(항응고제); 아스피린: 항혈소판제; 와파린: 혈액 희석제(항응고제)"), "\(flat)")
        #expect(flat.contains("압력: 약하게 (월턴 압력 척도 1-2단계)보다 세게 하지 않습니다 (출혈 위험 때문이며, 여기서 가장 낮은 한도입니다). '강하게' 압력을 원하셨지만"))
        #expect(flat.contains("3개월 이상 지속된 통증: 예"))
    }

    @Test func itsReportsAndReplayAreInKorean() throws {
        let intake = InProcessIntake()
        let run = intake.run(Self.options(), piping: Self.typed.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        let path = try #require(intake.transcripts.first)
        for format in [SessionReport.Format.text, .markdown] {
            let report = intake.report(SessionReport.Options(transcript: path, format: format))
            #expect(report.status == 0, "\(report.error)")
            #expect(Self.english(report.output).isEmpty, "\(format): \(Self.english(report.output))\n\(report.output)")
            #expect(report.output.contains("알 수 없는 약") == false, "every medicine was recognised")
        }
        let html = intake.report(SessionReport.Options(transcript: path, format: .html)).output
        // The body map's words and its key, the notes before the session.
        #expect(html.contains("피하거나 조심할 곳") && html.contains("오른쪽 발"), "the foot to avoid, in Korean")
        for word in [">앞면</text>", ">뒷면</text>", "</svg> 아픈 곳</li>", "</svg> 주된 부위</li>", "</svg> 피할 곳</li>", "</svg> 표시 없음</li>", "</svg> 반대쪽 면</li>", ">주된 부위</text>"] {
            #expect(html.contains(word), "missing \(word)")
        }
        for word in [">Front<", ">Back<", " painful</li>", " main area</li>", " not marked</li>", " other view</li>", "Before the session", "Status", "Positions:", "Avoid or take care"] {
            #expect(!html.contains(word), "English left: \(word)")
        }
        let replay = intake.replay(Replay.Options(path: path, check: true))
        #expect(replay.status == 0, "\(replay.output)\(replay.error)")
        #expect(replay.output.contains("재생: 모든 단계가 기록된 대로 진행되었습니다."))
        #expect(replay.output.contains("! '한참'을(를) 기간으로 읽지 못했습니다."))
        let left = Self.english(replay.output)
        #expect(left.isEmpty, "English in a Korean replay: \(left)")
    }

    /// A session stopped part way: its report says so, and why the outcome
    /// is provisional, in Korean.
    @Test func anUnfinishedSessionsReportIsInKorean() throws {
        let intake = InProcessIntake()
        let run = intake.run(Self.options(), piping: Self.typed.prefix(12).joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.error)")
        let path = try #require(intake.transcripts.first)
        for format in [SessionReport.Format.text, .markdown, .html] {
            let report = intake.report(SessionReport.Options(transcript: path, format: format)).output
            #expect(report.contains("끝나지 않음") && report.contains("잠정"), "\(format)")
            for english in ["NOT FINISHED", "Not finished", "provisional", "Provisional", "Some answers are missing"] {
                #expect(!report.contains(english), "\(format): \(english)")
            }
        }
    }

    /// Refusals the shipped questionnaire's session does not reach (dates,
    /// times, long answers), as the engine words them, shown in Korean:
    /// nothing English left but what was typed.
    @Test(arguments: [
        "I couldn't read 'soon' as a date: try 2024-03-05, 5 March 2024, today or yesterday.",
        "Please write the year in full: try 2024-03-05, 5 March 2024, today or yesterday.",
        "Please add the year: try 2024-03-05, 5 March 2024, today or yesterday.",
        "I couldn't read 'later' as a time: try 14:30 or 2:30 pm.",
        "'14' needs minutes or am/pm: try 14:30 or 2:30 pm.",
        "'13 pm' is not a time: with am or pm the hour goes from 1 to 12 (try 14:30 or 2:30 pm).",
        "'25:00' is not a time of day: the hours go from 0 to 23 and the minutes from 0 to 59.",
        "'2024-13-01' has no month 13: months go from 1 to 12.",
        "Please type a date, such as 2024-03-05 or 5 March 2024.",
        "Please type a time, such as 14:30 or 2:30 pm.",
        "That answer is 2,100 characters long: please keep it to 2,000 or fewer.",
        "That answer has control characters in it (such as Escape or Ctrl keys): please type it again using letters and numbers.",
        "'none' can't be combined with other choices: choose 'none' on its own, or leave it out.",
        "'목' could be 목 or 뒷목: type more of the name, or its number.",
        "Please choose just one, not 목 and 허리.",
        "That is more than 40 medicines: please list the main ones.",
        "':back' is used on its own, without anything after it.",
    ])
    func rareRefusalsAreInKorean(_ message: String) {
        let shown = ProgramWords(TextVariant(language: "ko", audience: .self))(message)
        let quoted = Set(message.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
        let left = shown.split(separator: " ").map(String.init).filter { word in
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: "().,:;'"))
            // A quoted answer with its Korean particle ("'soon'을(를)") is Korean grammar.
            if core.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) { return false }
            let letters = core.filter { $0.isASCII && $0.isLetter }
            return letters.count >= 2 && !quoted.contains(where: { $0.contains(core) }) && !["Esc", "Ctrl"].contains(where: core.hasPrefix) && !core.hasPrefix(":")
        }
        #expect(left.isEmpty, "\(shown)")
        #expect(shown.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) })
    }

    /// The class labels have an owner: the medicines names file, checked
    /// against the medicines file when loaded.
    @Test func everyMedicineClassHasAKoreanLabel() throws {
        let names = try JSONSerialization.jsonObject(with: Data(Fixtures.text("Questionnaires/medications.ko.json").utf8)) as? [String: Any]
        let medicines = try JSONSerialization.jsonObject(with: Data(Fixtures.text("Questionnaires/medications.json").utf8)) as? [String: Any]
        let codes = Set(((medicines?["classes"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String })
        let labelled = Set(((names?["classes"] as? [String: String]) ?? [:]).keys)
        #expect(!codes.isEmpty && codes == labelled)
    }
}
