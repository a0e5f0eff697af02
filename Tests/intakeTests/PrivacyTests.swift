import Foundation
import IntakeTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a session leaves behind at a terminal: nothing but its transcript.
/// (That nothing reaches standard error: `IntakeKitTests/PrivacyTests`.)
@Suite("Privacy")
struct PrivacyTests {
    func start(_ arguments: [String], home: String, transcripts: String) throws -> PseudoTerminal {
        var environment = PseudoTerminal.defaultEnvironment
        environment["HOME"] = home
        environment["INTAKE_TRANSCRIPTS"] = transcripts
        return try PseudoTerminal(executable: IntakeProcess.binary, arguments: arguments, environment: environment, columns: 100, rows: 40)
    }

    @Test func noHistoryOrOtherFileIsWrittenOutsideTheTranscriptsFolder() throws {
        let home = try TemporaryFolder()
        let sessions = try TemporaryFolder()
        let terminal = try start([], home: home.path, transcripts: sessions.path + "/s")
        try terminal.waitFor("How old are you?")
        try terminal.waitUntilRaw()
        terminal.send("over 50\r")
        try terminal.waitFor("How long have you had this pain?")
        try terminal.waitUntilRaw()
        terminal.send("\u{1B}[A")
        try terminal.waitFor("> over 50")
        terminal.send("\u{15}2 years\r")
        try terminal.waitFor("How often")
        try terminal.waitUntilRaw()
        terminal.send(":quit\r")
        #expect(terminal.waitForExit() == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path)
        #expect(left.isEmpty, "HOME must stay empty (no .editrc, no history file): \(left)")
        #expect(TranscriptCLITests.transcripts(in: sessions.path + "/s").count == 1)
    }

    /// The references hold letters no hexadecimal name can: the screen
    /// shows the transcript's path, whose folder is named by a UUID.
    @Test func receptionLeavesNoTraceOfTheLastClient() throws {
        let home = try TemporaryFolder()
        let sessions = try TemporaryFolder()
        let terminal = try start(["run", "--mode", "reception", "--client", "Q-1"], home: home.path, transcripts: sessions.path + "/s")
        try terminal.waitFor("How old is the client?")
        try terminal.waitUntilRaw()
        terminal.send("over 50\r")
        try terminal.waitFor("How long")
        try terminal.waitUntilRaw()
        terminal.send("17 months\r")
        try terminal.waitFor("How often")
        try terminal.waitUntilRaw()
        terminal.send(":quit\r")
        try terminal.waitFor("press Enter to clear the screen for the next client")
        try terminal.waitUntilRaw()
        terminal.send("\r")
        try terminal.waitFor("Next client.")
        try terminal.waitUntilRaw()
        terminal.send("R-2\r")
        try terminal.waitFor("Client: R-2")
        try terminal.waitFor("How old is the client?")
        try terminal.waitUntilRaw()
        let screen = terminal.screen
        for trace in ["17 months", "Q-1", "✓ Over 50", "✓ 17 months", "The client's answers so far:"] {
            #expect(!screen.contains(trace), "'\(trace)' of the previous client is still on screen:\n\(screen)")
        }
        #expect(terminal.output.contains("\u{1B}[3J"), "the scroll-back is cleared too")
        // Up recalls nothing from the previous client.
        terminal.send("\u{1B}[A")
        terminal.send("\u{1B}[A")
        terminal.send("x\r")
        try terminal.waitFor("I couldn't match 'x'")
        #expect(!terminal.screen.contains("> 17 months"))
        #expect(!terminal.screen.contains("> over 50x"))
        try terminal.waitUntilRaw()
        // The refused 'x' is back on the line to mend, and the screen says
        // so (typing on would run two answers together): Ctrl-U clears it.
        try terminal.waitFor("The answer is back on the line: change it, or Ctrl-U to start again.")
        try terminal.waitFor("> x")
        terminal.send("\u{15}\u{4}")
        try terminal.waitFor("Stopped before the end")
        try terminal.waitUntilRaw()
        // Finishing reception clears the last client away too.
        terminal.send("\u{4}")
        try terminal.waitFor("Reception finished.")
        #expect(terminal.waitForExit() == 0)
        let last = terminal.screen
        for trace in ["R-2", "I couldn't match", "Stopped before the end", "How old is the client?"] {
            #expect(!last.contains(trace), "'\(trace)' of the last client is still on screen:\n\(last)")
        }
        let files = TranscriptCLITests.transcripts(in: sessions.path + "/s")
        #expect(files.count == 2, "each client has their own transcript")
        for file in files {
            let name = (file as NSString).lastPathComponent
            #expect(!name.contains("Q-1") && !name.contains("R-2"))
        }
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalAtTheTerminalRestoresItAndPausesTheSession(_ signal: Int32) throws {
        let home = try TemporaryFolder()
        let sessions = try TemporaryFolder()
        let terminal = try start([], home: home.path, transcripts: sessions.path + "/s")
        try terminal.waitFor("How old are you?")
        try terminal.waitUntilRaw()
        terminal.send("over 50\r")
        try terminal.waitFor("How long")
        try terminal.waitUntilRaw()
        terminal.sendSignal(signal)
        #expect(terminal.waitForExit() == 130)
        #expect(terminal.isCanonical, "the terminal is back in its normal mode")
        let path = try #require(TranscriptCLITests.transcripts(in: sessions.path + "/s").first)
        #expect(TranscriptCLITests.events(path).last?["type"] as? String == "paused")
    }

}
