import Foundation
import IntakeTesting
import Testing

/// The in-process harness (`InProcessIntake`) prints what the binary
/// prints: a whole piped session, with refusals, `:help`, `:review`,
/// `:back`, an escape sequence and the assessment, gives the same standard
/// output and standard error both ways, so what the in-process tests check
/// is what a person sees. Only the transcript's name differs, and is set
/// aside.
@Suite("In-process intake prints what the binary prints")
struct InProcessFidelityTests {
    @Test func aPipedSessionPrintsTheSame() throws {
        let typed = "\u{1B}[2J\n" + Fixtures.text("Tests/Fixtures/typed-session.txt")
        let folder = try TemporaryFolder()
        let binary = try IntakeProcess.run(["run", "--transcripts", folder.path], input: typed)
        let written = try #require(HardeningText.transcripts(in: folder.path).first)

        let intake = InProcessIntake()
        let inProcess = intake.run(piping: typed)
        let transcript = try #require(intake.transcripts.first)

        #expect(binary.status == 0)
        #expect(inProcess.status == 0)
        #expect(binary.output.replacingOccurrences(of: written, with: "TRANSCRIPT") == inProcess.output.replacingOccurrences(of: transcript, with: "TRANSCRIPT"))
        #expect(binary.error == inProcess.error)
        #expect(binary.output.contains("> \\u{1b}[2J\n"), "piped input is shown, escaped, after its prompt")
        #expect(binary.output.contains("What this suggests"))
    }
}
