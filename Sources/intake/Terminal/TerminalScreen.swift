import IntakeKit
import LineEditing
import SystemPackage

/// Standard output and standard error (`Screen`): a terminal or a pipe.
final class TerminalScreen: Screen, Sendable {
    /// The one screen of the process.
    static let shared = TerminalScreen()

    let isTerminal = Terminal.isTerminal(1)

    var columns: Int { Terminal.width }

    func send(_ bytes: [UInt8], to stream: StandardStream) {
        let descriptor = stream == .output ? FileDescriptor.standardOutput : FileDescriptor.standardError
        // A reader that went away (`intake ... | head`) is not an error to
        // report: what matters, the transcript, is saved elsewhere.
        _ = try? descriptor.writeAll(bytes)
    }
}
