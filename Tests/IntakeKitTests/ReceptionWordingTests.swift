import Foundation
import IntakeKit
import IntakeTesting
import QuestionnaireModel
import Testing

/// At a front desk a staff member reads every text: it speaks of the client,
/// or is a script marked "Read to the client:". The person at home reads
/// the words they always did.
@Suite("Reception wording")
struct ReceptionWordingTests {
    /// The straight session, with the self-harm question answered so the
    /// crisis text shows, and the commands that print help, why and review.
    static var busySession: [String] {
        var lines = SessionText.straight
        let selfHarm = try! #require(lines.firstIndex(of: "not-at-all"))
        lines[selfHarm] = "several-days"
        // At the age question: help, why, a refused answer; at the duration, a review.
        return [":help", ":why", "ancient", lines[0], ":review", "forever and ever"] + lines.dropFirst()
    }

    /// The straight session up to the red flags, then an urgent one, confirmed.
    static var urgentSession: [String] {
        Array(SessionText.straight.prefix(5)) + ["1", "yes"]
    }

    /// The lines of `output` that are not read aloud: a paragraph whose
    /// first line starts "Read to the client:" is a script the staff member
    /// reads to the client, in the client's own "you", up to the blank line.
    static func linesForTheStaff(_ output: String) -> [String] {
        var kept: [String] = []
        var readAloud = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { readAloud = false; continue }
            if trimmed.hasPrefix(Audience.readAloudMark) { readAloud = true }
            if !readAloud { kept.append(line) }
        }
        return kept
    }

    @Test(arguments: ["busy", "urgent"])
    func aReceptionSessionSpeaksOfTheClientFromWelcomeToClosing(_ name: String) throws {
        let lines = name == "busy" ? Self.busySession : Self.urgentSession
        let result = InProcessIntake().run(SessionOptions(mode: .reception, client: "A-1"), typing: lines + ["", ":quit"])
        #expect(result.status == 0, "\(result.error)")
        let output = result.output + result.error
        // It went from the welcome to the end of the summary and the desk's prompt.
        #expect(output.contains("This interview asks about the client's pain"))
        #expect(output.contains("What this suggests") || output.contains("Seek medical care now"), "\(output)")
        #expect(output.contains("Reception finished."))
        #expect(output.contains("Read to the client:"))
        let addressed = Self.linesForTheStaff(output).filter(ReceptionReview.addressesReader)
        #expect(addressed.isEmpty, "says you/your to the staff member:\n\(addressed.joined(separator: "\n"))")
        if name == "busy" {
            for words in ["How old is the client?", "How long has the client had this pain?", "The client's answers so far:", "Give the client the crisis line", "do not leave the client alone"] {
                #expect(SessionText.words(output).contains(words), "'\(words)' is missing:\n\(output)")
            }
        } else {
            #expect(SessionText.words(output).contains("The client chose: "), "\(output)")
            #expect(SessionText.words(output).contains("Stop the interview here."), "\(output)")
        }
    }

    /// At a terminal the mark of a script to read aloud stands out.
    @Test func theReadAloudMarkIsHighlightedAtATerminal() {
        let intake = InProcessIntake(screen: MemoryScreen(isTerminal: true, columns: 80))
        let result = intake.run(SessionOptions(mode: .reception), typing: ["", ":quit", ":quit"])
        #expect(result.output.contains("\u{1B}[1;4mRead to the client:\u{1B}[0m"), "\(result.output)")
        let plain = InProcessIntake().run(SessionOptions(mode: .reception), typing: ["", ":quit", ":quit"])
        #expect(plain.output.contains("\nRead to the client: Your answers stay on this device."))
    }

    /// A self session reads exactly as with the 2.0.0 files, which had no
    /// reception words: only the version and the transcript's name differ.
    @Test func aSelfSessionIsUnchanged() {
        let kept = "Questionnaires/versions/2.0.0/massage-intake"
        let lines = Self.busySession + [""]
        let today = InProcessIntake().run(SessionOptions(), typing: lines)
        let before = InProcessIntake().run(SessionOptions(questionnaire: kept + ".json", rules: kept + ".rules.json"), typing: lines)
        #expect(today.status == 0 && before.status == 0)
        let normalise = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(InProcessIntake.sessions) }.joined(separator: "\n")
        }
        #expect(normalise(today.output) == normalise(before.output))
        #expect(today.output.contains("How old are you?"))
        #expect(!today.output.contains("the client"))
    }

    /// A reception session's report and replay speak of the client too.
    @Test func aReceptionReportSpeaksOfTheClient() throws {
        let intake = InProcessIntake()
        _ = intake.run(SessionOptions(mode: .reception, client: "A-2"), typing: Self.busySession + ["", ":quit"])
        let transcript = try #require(intake.transcripts.first)
        let report = intake.report(.init(transcript: transcript, format: .text))
        #expect(report.status == 0, "\(report.error)")
        #expect(report.output.contains("The client's pain") || report.output.contains("About the client"), "\(report.output)")
        let addressed = Self.linesForTheStaff(report.output).filter(ReceptionReview.addressesReader)
        #expect(addressed.isEmpty, "the report says you/your:\n\(addressed.joined(separator: "\n"))")
        let replay = intake.replay(.init(path: transcript, check: true))
        #expect(replay.status == 0, "\(replay.output)\(replay.error)")
    }

    /// FHIR has no place for reception words: the questionnaire written as
    /// FHIR is what 2.0.0 gave, but for its version.
    @Test func theFHIRConversionIsUnaffected() {
        let today = InProcessIntake().convert(.init(file: "Questionnaires/massage-intake.json"))
        let before = InProcessIntake().convert(.init(file: "Questionnaires/versions/2.0.0/massage-intake.json"))
        #expect(today.status == 0 && before.status == 0, "\(today.error)\(before.error)")
        #expect(today.output.contains("\"linkId\": \"pain_duration\"") && !today.output.contains("the client"), "\(today.output.prefix(500))")
        #expect(today.output.replacingOccurrences(of: "2.1.0", with: "2.0.0") == before.output)
    }

    // MARK: - validate

    static let small = """
    {
      "id": "small",
      "version": "1.0.0",
      "title": "A small check-in",
      "sections": [{"id": "you", "title": "About you"}],
      "start": "pain",
      "nodes": [
        {"id": "pain", "kind": "scale", "section": "you", "text": "How bad is your pain?", "min": 0, "max": 10, "maxLabel": "worst you can imagine", "next": "area"},
        {"id": "area", "kind": "single", "text": "Where does it hurt?", "options": [{"code": "neck", "label": "Your neck"}, {"code": "back", "label": "Back"}]}
      ]
    }
    """

    @Test func validateWarnsAboutEachTextThatSaysYouWithoutReceptionWords() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("small.json", Self.small)
        let result = InProcessIntake().validate(.init(files: [file]))
        #expect(result.status == 0, "warnings alone pass: \(result.output)")
        let warnings = result.output.split(separator: "\n").filter { $0.contains("has no reception wording") }
        #expect(warnings.count == 4, "\(result.output)")
        for path in ["$.sections[0].title", "$.nodes[0].text", "$.nodes[0].maxLabel", "$.nodes[1].options[0].label"] {
            #expect(warnings.contains { $0.contains(path + ":") }, "no warning at \(path):\n\(result.output)")
        }
        #expect(InProcessIntake().validate(.init(files: [file], strict: true)).status == 1)

        // Meant for self only: nothing to say.
        let selfOnly = try folder.file("self.json", Self.small.replacingOccurrences(of: "\"title\": \"A small check-in\",", with: "\"title\": \"A small check-in\", \"audiences\": [\"self\"],"))
        #expect(!InProcessIntake().validate(.init(files: [selfOnly])).output.contains("reception wording"))

        // Reworded: the warning for that text goes.
        let reworded = Self.small.replacingOccurrences(of: "\"text\": \"How bad is your pain?\",", with: "\"text\": \"How bad is your pain?\", \"reception\": {\"text\": \"How bad is the client's pain?\"},")
        let fixed = InProcessIntake().validate(.init(files: [try folder.file("fixed.json", reworded)]))
        #expect(!fixed.output.contains("$.nodes[0].text:"), "\(fixed.output)")
        #expect(fixed.output.contains("$.nodes[0].maxLabel:"))

        // Reception words are shown as they are written: they must fit a terminal line too.
        let long = String(repeating: "the client's ", count: 7)
        let wide = Self.small.replacingOccurrences(of: "\"text\": \"How bad is your pain?\",", with: "\"text\": \"How bad is your pain?\", \"reception\": {\"text\": \"How bad is \(long)pain?\"},")
        let tooWide = InProcessIntake().validate(.init(files: [try folder.file("wide.json", wide)]))
        #expect(tooWide.output.contains("$.nodes[0].reception.text: the reception question is 107 columns wide"), "\(tooWide.output)")
    }

    @Test func theShippedFilesHaveReceptionWordsThroughout() {
        let files = ["massage-intake.json", "massage-intake.rules.json", "follow-up.json", "follow-up.rules.json"].map { "Questionnaires/" + $0 }
        let result = InProcessIntake().validate(.init(files: files, strict: true))
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("reception wording"))
    }
}
