/// The exit codes intake promises to scripts.
enum ExitStatus: Int32 {
    /// Everything went as asked.
    case ok = 0
    /// A check ran and found problems (validation warnings with --strict,
    /// a replay that does not match).
    case problemsFound = 1
    /// Bad input or usage: a file that cannot be used, an unknown option.
    case badInput = 2
    /// Stopped by Ctrl-C in a script, or by a termination signal.
    case interrupted = 130
}

/// An error to show the user in one line, with the exit code it means.
struct UserFacingError: Error, CustomStringConvertible {
    var message: String
    var status: ExitStatus

    init(_ message: String, status: ExitStatus = .badInput) {
        self.message = message
        self.status = status
    }

    var description: String { message }
}
