import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// `intake run` in-process: piped interviews, answer files, other
/// questionnaires and what is refused. What only the binary shows (help,
/// version, `intake` alone, usage errors) is in `intakeTests/CommandLineTests`.
@Suite("intake run, in-process")
struct RunTests {
    @Test func aWholeInterviewCanBePipedIn() throws {
        let typed = Fixtures.text("Tests/Fixtures/typed-session.txt")
        let result = InProcessIntake().run(piping: typed)
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.output.contains("\u{1B}"), "piped output must hold no escape codes")
        // Rejections say what would work, and the same question is asked again.
        #expect(result.output.contains("I couldn't read 'sometime' as a duration: try '6 months' or '2 years'."))
        #expect(result.output.contains("11 is above 10: enter a whole number from 0 to 10."))
        // :help and :review show their text.
        #expect(result.output.contains(":back    go back to the previous question"))
        #expect(result.output.contains("Your answers so far:"))
        // :back re-asks the previous question with its answer as the default.
        #expect(result.output.contains("Press Enter to keep your answer: 6 out of 10"))
        #expect(result.output.contains("Question 5 - about"))
        // The summary at the end, in words.
        #expect(result.output.contains("Your answers"))
        #expect(result.output.contains("Where it hurts: Neck, Lower back"))
        #expect(result.output.contains("How long: 2 years"))
        #expect(result.output.contains("Medicines: Eliquis 5 mg twice daily, Advil as needed"))
        #expect(result.output.contains("Skipped: Areas to avoid"))
    }

    @Test func endOfInputStopsAndSaysSo() throws {
        let result = InProcessIntake().run(piping: "over 50\n2 years\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Stopped before the end"))
        #expect(!result.output.contains("Your answers\n"))
    }

    @Test func anUrgentAnswerEndsTheInterviewAtOnce() throws {
        let result = InProcessIntake().run(piping: "18-50\n3 weeks\nevery day\nlower back\nsaddle\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Warning signs: Numbness around the groin or buttocks"))
        #expect(!result.output.contains("Today, do you have any of these?"))
    }

    /// The questionnaire is built in: intake runs from any working folder.
    @Test func runsFromAnyWorkingFolder() throws {
        let result = InProcessIntake(directory: "/").run(piping: "")
        #expect(result.status == 0)
        #expect(result.output.contains("How old are you?"))
    }

    @Test func answerFileWalksTheInterviewWithoutAsking() throws {
        let result = InProcessIntake().run(SessionOptions(answers: Fixtures.path("Tests/Fixtures/complete-answers.json")), typing: [])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Main area: Lower back"))
        #expect(result.output.contains("Average pain (past week): 6 out of 10"))
        #expect(!result.output.contains("> "), "nothing is asked")
    }

    @Test func answerFileProblemsNameTheQuestionAndExitTwo() throws {
        let folder = try TemporaryFolder()
        let intake = InProcessIntake()
        let missing = try folder.file("missing.json", #"{"age_band": "over-50"}"#)
        let result = intake.run(SessionOptions(answers: missing), typing: [])
        #expect(result.status == 2)
        #expect(result.error == "\(missing): $.pain_duration: the required question 'pain_duration' has no answer (How long have you had this pain?)\n")

        let wrong = try folder.file("wrong.json", "{\"age_band\": \"over-50\",\n \"pain_duration\": \"sometime\"}")
        let bad = intake.run(SessionOptions(answers: wrong), typing: [])
        #expect(bad.status == 2)
        #expect(bad.error.hasPrefix("\(wrong):2:19: $.pain_duration: 'sometime' was not accepted for 'pain_duration': I couldn't read 'sometime' as a duration"))

        let typo = try folder.file("typo.json", #"{"age_bnad": "over-50"}"#)
        let misspelt = intake.run(SessionOptions(answers: typo), typing: [])
        #expect(misspelt.status == 2)
        #expect(misspelt.error.contains("there is no question 'age_bnad' in massage-intake (did you mean 'age_band'?)"))
    }

    @Test func badQuestionnaireFilesExitTwoWithOneLinePerProblem() throws {
        let folder = try TemporaryFolder()
        let intake = InProcessIntake()
        let broken = try folder.file("broken.json", "{\n  \"id\": \"x\",\n  \"nodes\": [\n}")
        let syntax = intake.run(SessionOptions(questionnaire: broken), typing: [])
        #expect(syntax.status == 2)
        #expect(syntax.error.hasPrefix("\(broken):4:1: "))
        #expect(syntax.error.split(separator: "\n").count == 1)
        #expect(syntax.output.isEmpty, "nothing is asked from a broken questionnaire")

        let structure = try folder.file("structure.json", """
            {"id": "x", "version": "1", "title": "X", "start": "a", "nodes": [
              {"id": "a", "kind": "yesno", "text": "A?", "next": "b"},
              {"id": "b", "kind": "info", "text": "B", "next": "a"},
              {"id": "c", "kind": "yesno", "text": "C?", "next": "zz"}
            ]}
            """)
        let graph = intake.run(SessionOptions(questionnaire: structure), typing: [])
        #expect(graph.status == 2)
        #expect(graph.error.contains("$.nodes[2].next: 'next' names a node 'zz' that does not exist"))

        let cycle = try folder.file("cycle.json", """
            {"id": "x", "version": "1", "title": "X", "start": "a", "nodes": [
              {"id": "a", "kind": "yesno", "text": "A?", "next": "b"},
              {"id": "b", "kind": "info", "text": "B", "next": "a"}
            ]}
            """)
        let loop = intake.run(SessionOptions(questionnaire: cycle), typing: [])
        #expect(loop.status == 2)
        #expect(loop.error.contains("the flow goes round in a loop (a → b → a)"))

        let missing = intake.run(SessionOptions(questionnaire: "/nonexistent/q.json"), typing: [])
        #expect(missing.status == 2)
        #expect(missing.error == "/nonexistent/q.json: no such file: check the name and the folder\n")
    }

    @Test func anotherQuestionnaireRunsWithQuestionnaireOption() throws {
        let folder = try TemporaryFolder()
        let small = try folder.file("small.json", """
            {"id": "small", "version": "1", "title": "A small check-in", "start": "mood", "nodes": [
              {"id": "mood", "kind": "scale", "min": 1, "max": 5, "text": "How are you today?", "next": "done"},
              {"id": "done", "kind": "info", "text": "Thanks!"}
            ]}
            """)
        let result = InProcessIntake().run(SessionOptions(questionnaire: small), piping: "4\n")
        #expect(result.status == 0)
        #expect(result.output.contains("A small check-in"))
        #expect(result.output.contains("How are you today?: 4 out of 5"))
    }

    /// Korean takes two columns a syllable on screen: text and option
    /// columns are laid out by columns, not characters, so a Korean
    /// question neither runs off an 80-column screen nor misaligns its
    /// options. (A pipe is 80 columns wide, as the memory screen is.)
    @Test func wideTextIsWrappedAndAlignedByScreenColumns() throws {
        let folder = try TemporaryFolder()
        let labels = ["목", "어깨 위쪽", "허리 아래쪽", "무릎", "발목", "손목", "머리", "턱", "등 가운데", "엉덩이"]
        let options = labels.enumerated().map { #"{"code": "a\#($0.offset)", "label": "\#($0.element)"}"# }.joined(separator: ", ")
        let question = "오늘 통증이 어느 정도인지 알려 주세요. 가장 심한 곳과 가장 오래된 곳을 함께 생각해 보시고, 마사지를 받기 전에 치료사와 이야기하고 싶은 점이 있다면 골라 주세요."
        let file = try folder.file("korean.json", """
            {"id": "korean", "version": "1", "title": "Korean", "start": "area", "nodes": [
              {"id": "area", "kind": "single", "text": "\(question)", "options": [\(options)]}
            ]}
            """)
        let screen = MemoryScreen(columns: 80)
        let result = InProcessIntake(screen: screen).run(SessionOptions(questionnaire: file), piping: "")
        #expect(result.status == 0)
        // Hangul syllables take two columns; everything here else one.
        func columns(_ line: Substring) -> Int {
            line.unicodeScalars.reduce(0) { $0 + ((0xAC00...0xD7A3).contains($1.value) ? 2 : 1) }
        }
        // The lines of the question and its options (paths in the save
        // and resume lines may be longer than any screen).
        let lines = result.output.split(separator: "\n").filter { $0.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) } }
        #expect(lines.count >= 6)
        #expect(lines.allSatisfy { columns($0) <= 80 }, "\(lines.filter { columns($0) > 80 })")
        #expect(lines.contains { $0.hasPrefix("오늘 통증이") }, "the question is shown, wrapped")
        // Ten options go in columns; each row's second column starts at
        // the same screen column.
        let rows = lines.filter { $0.hasPrefix("   1 ") || $0.hasPrefix("   2 ") || $0.hasPrefix("   3 ") }
        #expect(rows.count == 3)
        let secondColumn = rows.map { row -> Int? in
            guard let start = row.range(of: "  ", options: [], range: row.index(row.startIndex, offsetBy: 6)..<row.endIndex),
                  let number = row[start.upperBound...].firstIndex(where: { $0 != " " }) else { return nil }
            return columns(row[..<number])
        }
        #expect(secondColumn.allSatisfy { $0 != nil } && Set(secondColumn).count == 1, "\(rows)")
    }

    /// At a terminal questions are bold, unless `NO_COLOR` is set or
    /// `TERM=dumb`. (That a real terminal is seen to be one:
    /// `intakeTests/TerminalTests.aTerminalGetsColour`.)
    @Test func colourOnlyWhenWanted() throws {
        func shown(_ environment: [String: String]) -> String {
            let intake = InProcessIntake(environment: environment, screen: MemoryScreen(isTerminal: true, columns: 100))
            _ = intake.run(SessionOptions(), reader: ScriptedLineReader([.end]), interactive: true)
            return intake.screen.output
        }
        #expect(shown(["TERM": "xterm"]).contains("\u{1B}[1m"), "a terminal gets bold questions")
        for environment in [["TERM": "xterm", "NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = shown(environment)
            #expect(plain.contains("How old are you?"))
            #expect(!plain.contains("\u{1B}[1m") && !plain.contains("\u{1B}[2m"), "\(environment)")
        }
    }
}
