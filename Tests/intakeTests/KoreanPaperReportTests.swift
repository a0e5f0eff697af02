import Foundation
import IntakeTesting
import Testing

/// A Korean report made by the real binary and printed to PDF by headless
/// Chromium with Debian's `fonts-noto-cjk` (scripts/setup.sh --test): the
/// Korean heading and disclaimer are on the page as text, not as boxes.
/// Made with the fixture questionnaire and its Korean translation.
@Suite("Korean paper report, in a real browser")
struct KoreanPaperReportTests {
    @Test func aKoreanPDFHasTheKoreanHeadingAndDisclaimer() throws {
        let folder = try TemporaryFolder()
        let questionnaire = Fixtures.path("Tests/Fixtures/lang/tiny.json")
        let answers = folder.path + "/answers.json"
        try Data(#"{"area": "neck", "how_long": "6 months", "severe": true, "intensity": 7}"#.utf8).write(to: URL(fileURLWithPath: answers))
        let run = try IntakeProcess.run(["run", "--questionnaire", questionnaire, "--lang", "ko", "--answers", answers, "--transcripts", folder.path + "/sessions"])
        #expect(run.status == 0, "\(run.error)")
        let transcript = try #require(TranscriptCLITests.transcripts(in: folder.path + "/sessions").last)
        _ = try PaperReportProcessTests.tool("chromium", package: "chromium")
        let pdf = folder.path + "/report.pdf"
        let made = try IntakeProcess.run(["report", transcript, "--questionnaire", questionnaire, "--format", "pdf", "--output", pdf], input: [], environment: [:], timeout: 120)
        #expect(made.status == 0, "\(made.error)")
        let (pages, _, text) = try PaperReportProcessTests.read(pdf)
        #expect(pages == 1)
        // pdftotext runs Hangul words together (the spaces are glyph
        // positions in the PDF), so words are compared without spaces.
        let unspaced = text.filter { !$0.isWhitespace }
        for words in ["간단한 통증 확인", "먼저 의사와 상담하세요", "이 요약은 일반적인 정보이며 의학적 조언이 아닙니다.", "마사지를 받기 전에 심한 통증에 대해 의사와 상담하세요."] {
            #expect(unspaced.contains(words.filter { !$0.isWhitespace }), "'\(words)' is not on the page:\n\(text)")
        }
        // --lang en makes the same session's report English.
        let english = try IntakeProcess.run(["report", transcript, "--questionnaire", questionnaire, "--lang", "en"])
        #expect(english.output.contains("This summary is general information, not medical advice."), "\(english.output)")
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let result = try IntakeProcess.run(["score", "--lang", "fr", Fixtures.path("Tests/Fixtures/complete-answers.json")])
        #expect(result.status == 2)
        #expect(result.error.contains("'fr' is not a language intake speaks: use en or ko"), "\(result.error)")
        let several = try IntakeProcess.run(["run", "--lang", "ko,en", "--answers", Fixtures.path("Tests/Fixtures/complete-answers.json")])
        #expect(several.status == 2 && several.error.contains("--mode reception"), "\(several.error)")
    }
}
