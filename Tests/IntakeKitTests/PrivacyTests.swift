import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// What a session leaves behind, in-process. What needs a terminal or a
/// home folder (no history file, the screen cleared between clients, the
/// terminal restored after a signal) is in `intakeTests/PrivacyTests`.
@Suite("Privacy, in-process")
struct PrivacyTests {
    /// Nothing a person answers, nor the client's reference, is written to
    /// standard error: there is nothing to log.
    @Test func answersAndReferencesNeverReachStandardError() throws {
        let result = InProcessIntake().run(
            SessionOptions(mode: .reception, client: "Jane Smith"),
            piping: SessionText.straight.joined(separator: "\n") + "\n:quit\n")
        #expect(result.status == 0)
        #expect(result.error.isEmpty, "nothing is logged: \(result.error)")
    }
}
