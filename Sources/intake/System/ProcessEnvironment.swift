#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit

/// What the process was started with: its environment, and the name it was
/// started by.
enum ProcessEnvironment {
    /// The environment variables, read once per command.
    static var variables: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let separator = text.firstIndex(of: "=") {
                result[String(text[..<separator])] = String(text[text.index(after: separator)...])
            }
            pointer += 1
        }
        return result
    }

    /// intake as the person started it, for commands printed to paste:
    /// `intake` when it was found on the `PATH`, otherwise the full path of
    /// the binary (`make run` starts `.build/debug/intake`, which no other
    /// folder would find).
    static var program: String {
        let typed = CommandLine.arguments.first ?? "intake"
        guard typed.contains("/") else { return typed }
        return Invocation.shellQuoted(DiskFiles().absolute(typed))
    }
}

extension ProcessEnvironment {
    /// A reader that closes the pipe early (`intake ... | head`) must not
    /// kill the process in the middle of saving: writes then fail with EPIPE.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Ends the process with `status`.
    static func exit(_ status: ExitStatus) -> Never {
        Glibc.exit(status.rawValue)
    }
}
