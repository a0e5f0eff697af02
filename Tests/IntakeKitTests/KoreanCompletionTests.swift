import IntakeTesting
import InterviewEngine
@testable import LineEditing
import QuestionnaireModel
import Testing
import TerminalText
@testable import IntakeKit

/// Tab with Hangul typed, with the default content as a session loads it
/// (the Korean alias table and medicine names included).
@Suite("Completion in Korean")
struct KoreanCompletionTests {
    static let content = try! Content.load(questionnaire: nil, rules: nil, requireRules: false, files: InProcessIntake().files)

    /// The interview at question `id`, reached with English answers.
    static func interview(at id: String) -> Interview {
        var interview = content.interview(on: CalendarDate(year: 2026, month: 3, day: 5)!)
        let path = ["", "2", "2 years", "every day", "neck, lower back", "lower back", "6", "5", "5", "injury", "none", "none", "none", "none"]
        for typed in path where interview.currentNode?.id != id { _ = interview.handle(typed) }
        #expect(interview.currentNode?.id == id)
        return interview
    }

    static func tab(_ typed: String, at id: String) -> Completion {
        // The medicines question offers names whatever came before it.
        let interview = interview(at: id == "medications" ? "pain_locations" : id)
        let node = id == "medications" ? content.questionnaire.questionnaire.node(id)! : interview.currentNode!
        let provider = Completions.provider(for: node, interview: interview, lexicon: content.lexicon)
        return provider(typed)
    }

    /// The line after Tab, as the line editor would leave it.
    static func line(after typed: String, at id: String) -> String {
        let edit = CompletionEdit(completion: tab(typed, at: id), textBeforeCursor: typed)
        var scalars = Array(typed.unicodeScalars)
        scalars.removeLast(edit.deleteScalars)
        return String(String.UnicodeScalarView(scalars)) + edit.insert
    }

    @Test func fromTheBeginningOfAName() {
        #expect(Self.line(after: "허", at: "pain_locations") == "허리")
        #expect(Self.line(after: "왼쪽 무", at: "pain_locations") == "왼쪽 무릎")
        #expect(Self.line(after: "목, 허", at: "pain_locations") == "목, 허리")
    }

    @Test func fromInitialConsonants() {
        #expect(Self.tab("ㅎㄹ", at: "pain_locations").candidates == ["허리"])
        #expect(Self.line(after: "ㅎㄹ", at: "pain_locations") == "허리")
        #expect(Self.line(after: "ㅇㅉ ㅁㄹ", at: "pain_locations") == "왼쪽 무릎")
        #expect(Self.line(after: "ㅇㄹㅉ ㅇㄲ", at: "pain_locations") == "오른쪽 어깨")
    }

    @Test func whileASyllableIsBeingComposed() {
        // 허 + ㄹ as the input method holds it, and 헐 before the ㅣ arrives.
        #expect(Self.line(after: "허ㄹ", at: "pain_locations") == "허리")
        #expect(Self.line(after: "헐", at: "pain_locations") == "허리")
        #expect(Self.line(after: "뮤", at: "pain_locations") == "뮤")
        // 오 may still become 왼 (ㅗ + ㅣ): both sides are offered.
        let both = Self.tab("오", at: "pain_locations").candidates
        #expect(both.contains("왼쪽 어깨") && both.contains("오른쪽 어깨"))
        // 오ㄹ starts only 오른쪽 ...: the shared start is put in, and they are listed.
        let right = Self.tab("오ㄹ", at: "pain_locations").candidates
        #expect(right.count > 1 && right.allSatisfy { $0.hasPrefix("오른쪽") })
        #expect(Self.line(after: "오ㄹ", at: "pain_locations") == "오른쪽 ")
    }

    @Test func inAKoreanListTheLastWordIsCompleted() {
        #expect(Self.line(after: "허리와 ㅁㄹ", at: "pain_locations") == "허리와 머리")
        #expect(Self.tab("허리와 ㅁ", at: "pain_locations").candidates == ["머리", "목"])
        #expect(Self.line(after: "허리 및 왼쪽 ㅁ", at: "pain_locations") == "허리 및 왼쪽 무릎")
    }

    @Test func medicineNames() {
        #expect(Self.line(after: "와파", at: "medications") == "와파린")
        #expect(Self.line(after: "ㅌㅇㄹ", at: "medications") == "타이레놀")
        #expect(Self.line(after: "ibuprofen, 자ㄹ", at: "medications") == "ibuprofen, 자렐토")
        // English typed: English names only, as before.
        #expect(Self.tab("war", at: "medications").candidates == ["warfarin"])
        #expect(Self.tab("", at: "medications").candidates.allSatisfy { !Hangul.contains($0) })
    }

    @Test func scaleWordsAndYesNo() {
        // The scale's Korean words are read once Hangul is typed.
        #expect(Self.content.questionnaire.questionnaire.node("pss_1")!.pointAliases.isEmpty)
        let pss = Self.content.questionnaire.questionnaire.reading("거").node("pss_1")!
        let korean = Completions.koreanNames(pss, options: [])
        #expect(Completions.complete("ㄲ", words: [], korean: korean, listItems: false, edits: []).candidates == ["꽤 자주"])
        #expect(Completions.complete("거", words: [], korean: korean, listItems: false, edits: []).candidates == ["거의 없음"])
        #expect(Completions.replies("아").candidates == ["아니요"])
        #expect(Completions.replies("y").candidates == ["yes"])
    }

    @Test func englishCompletionIsUnchanged() {
        #expect(Self.tab("lo", at: "pain_locations").candidates == ["Lower back", "lower-arm-left", "lower-arm-right", "lower-leg-left", "lower-leg-right"])
        #expect(Self.tab("", at: "pain_locations").candidates.allSatisfy { !Hangul.contains($0) })
    }

    /// Hangul syllables and compatibility jamo (U+3131–U+318E) take two
    /// columns in the one width table that the line editor, the completion
    /// listing and wrapping share.
    @Test func hangulIsTwoColumnsWide() {
        #expect(ColumnWidth.of("허리") == 4)
        #expect(ColumnWidth.of("ㅎㄹ") == 4)
        for value: UInt32 in [0x3131, 0x314E, 0x314F, 0x3163, 0x3164, 0x318E, 0xAC00, 0xD7A3] {
            #expect(ColumnWidth.of(Unicode.Scalar(value)!) == 2, "U+\(String(value, radix: 16))")
        }
        #expect(ColumnWidth.of("왼쪽 어깨, ibuprofen") == 9 + 2 + 9)
    }
}
