import TerminalText
import Testing

/// Wrapping as the text report, the terminal and replay use it.
@Suite struct TextWrapTests {
    @Test func linesStayWithinTheWidthAndKeepEveryWordInOrder() {
        let text = "Massage may help with chronic low back pain in the short term, alongside exercise and the care you already have."
        let wrapped = TextWrap.wrap(text, width: 30, indent: "  ", hanging: "    ")
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines[0].hasPrefix("  Massage"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
        #expect(lines.flatMap { $0.split(separator: " ") }.joined(separator: " ") == text)
    }

    @Test func lineBreaksAndEmptyLinesAreKept() {
        #expect(TextWrap.wrap("one\n\ntwo\n", width: 40) == "one\n\ntwo\n")
        #expect(TextWrap.lines("a\n\nb") == ["a", "", "b"])
        #expect(TextWrap.lines("") == [""])
    }

    @Test func aWordWiderThanTheLineHasALineOfItsOwn() {
        let long = String(repeating: "x", count: 50)
        #expect(TextWrap.wrap("see \(long) here", width: 20) == "see\n\(long)\nhere")
    }

    @Test func widthIsCountedInScreenColumns() {
        // 22 Hangul syllables and 9 spaces: 53 columns, 31 characters.
        let korean = "오늘 통증이 어느 정도 인지 알려 주세요 가장 심한 곳을"
        let lines = TextWrap.wrap(korean, width: 30).split(separator: "\n")
        #expect(lines.count == 2)
        let columns = lines.map { $0.unicodeScalars.reduce(0) { $0 + ($1.value >= 0xAC00 ? 2 : 1) } }
        #expect(columns.allSatisfy { $0 <= 30 }, "\(columns)")
    }
}
