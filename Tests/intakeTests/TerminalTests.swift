import Foundation
import IntakeTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The interview through a real pseudo-terminal, as a person at a keyboard
/// sees it: line editing, completion, recall, Ctrl-C and Ctrl-D.
@Suite("intake at a terminal")
struct TerminalTests {
    static let up = "\u{1B}[A"

    func start(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> PseudoTerminal {
        var env = PseudoTerminal.defaultEnvironment
        env["INTAKE_TRANSCRIPTS"] = IntakeProcess.scratchTranscripts
        for (key, value) in environment { env[key] = value }
        return try PseudoTerminal(executable: IntakeProcess.binary, arguments: arguments, environment: env, columns: 100, rows: 40)
    }

    @Test func tabCompletesUpRecallsCtrlCCancelsCtrlDStops() throws {
        let terminal = try start()
        try terminal.waitFor("How old are you?")
        try terminal.waitUntilRaw()
        // Tab completes an option's label from its first letters.
        terminal.send("ov\t")
        try terminal.waitFor("> Over 50")
        terminal.send("\r")
        try terminal.waitFor("✓ Over 50")

        try terminal.waitFor("How long have you had this pain?")
        try terminal.waitUntilRaw()
        terminal.send("2 years\r")
        try terminal.waitFor("✓ 2 years")

        try terminal.waitFor("How often do you have this pain?")
        try terminal.waitUntilRaw()
        // Up recalls this session's previous answer.
        terminal.send(Self.up)
        try terminal.waitFor("> 2 years")
        // Ctrl-C drops the line and asks again.
        terminal.send("\u{3}")
        try terminal.waitFor("(Cancelled. Type your answer again, or :quit to stop.)")
        try terminal.waitUntilRaw()
        // Tab on a command.
        terminal.send(":rev\t\r")
        try terminal.waitFor("Your answers so far:")
        try terminal.waitFor("2  How long: 2 years")
        try terminal.waitUntilRaw()
        // Ctrl-D on an empty line stops and says so.
        terminal.send("\u{4}")
        try terminal.waitFor("Stopped before the end")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.isCanonical, "the terminal is left in its normal mode")
        #expect(!terminal.screen.contains("^[[A"), "arrow keys are never echoed raw")
    }

    @Test func nonASCIIInputIsRead() throws {
        let terminal = try start()
        try terminal.waitFor("How old are you?")
        try terminal.waitUntilRaw()
        terminal.send("Över 50\r")
        try terminal.waitFor("✓ Over 50")
        try terminal.waitUntilRaw()
        terminal.send(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    /// Korean typed at a terminal (issue 17): answers in Hangul accepted,
    /// and Tab completing option names from initial consonants (초성) and
    /// from a syllable still being composed.
    @Test func koreanAnswersAndCompletion() throws {
        let terminal = try start()
        try terminal.waitFor("How old are you?")
        try terminal.waitUntilRaw()
        terminal.send("45세\r")
        try terminal.waitFor("✓ 18 to 50")
        try terminal.waitFor("How long have you had this pain?")
        try terminal.waitUntilRaw()
        terminal.send("일 년 반\r")
        try terminal.waitFor("✓ 18 months")
        try terminal.waitFor("How often do you have this pain?")
        try terminal.waitUntilRaw()
        terminal.send("ㅁㅇ\t")
        try terminal.waitFor("> 매일")
        terminal.send("\r")
        try terminal.waitFor("✓ Every day")
        try terminal.waitUntilRaw()
        terminal.send("ㅎㄹ\t")
        try terminal.waitFor("> 허리")
        terminal.send(", 왼쪽 무\t")
        try terminal.waitFor("> 허리, 왼쪽 무릎")
        terminal.send("\r")
        try terminal.waitFor("✓ Lower back, Left knee")
        try terminal.waitUntilRaw()
        terminal.send(":quit\r")
        #expect(terminal.waitForExit() == 0)
    }

    /// Standard output seen to be a terminal gets colour. (That `NO_COLOR`
    /// and `TERM=dumb` take it away: `IntakeKitTests/RunTests.colourOnlyWhenWanted`.)
    @Test func aTerminalGetsColour() throws {
        let coloured = try start()
        try coloured.waitFor("How old are you?")
        try coloured.waitUntilRaw()
        #expect(coloured.output.contains("\u{1B}[1m"), "a terminal gets bold questions")
        coloured.send("\u{4}")
        _ = coloured.waitForExit()
    }

    @Test func plainModeWritesNoEscapeCodesAtAll() throws {
        let terminal = try start(["run", "--plain"])
        try terminal.waitFor("How old are you?")
        terminal.send("3\n")
        try terminal.waitFor("Answer: Over 50")
        terminal.send("\u{4}")
        try terminal.waitFor("Stopped before the end")
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.output.contains("\u{1B}"), "no colour and no cursor movement for screen readers")
    }

    @Test func replayStepWaitsForEnterBetweenQuestions() throws {
        let path = URL(fileURLWithPath: Fixtures.packageRoot).appendingPathComponent("Transcripts/examples/good-fit-neck.jsonl").path
        let terminal = try start(["replay", path, "--step"])
        try terminal.waitFor("Q age_band: How old are you?")
        try terminal.waitFor("(Enter for the next question, q to stop)")
        #expect(!terminal.output.contains("Q pain_duration"), "the next question waits for Enter")
        terminal.send("\r")
        try terminal.waitFor("Q pain_duration: How long have you had this pain?")
        try terminal.waitFor("(Enter for the next question, q to stop)")
        #expect(!terminal.output.contains("Q pain_frequency"))
        #expect(!terminal.output.contains("Hash chain"), "the checks come after the last question")
        // Ctrl-D shows the rest at once.
        terminal.send("\u{4}")
        try terminal.waitFor("Hash chain: intact")
        try terminal.waitFor("Outcome")
        #expect(terminal.waitForExit() == 0)
    }
}
