/// The exit codes intake promises to scripts. The library says which one an
/// outcome means; the executable is the one place that exits with it.
public enum ExitStatus: Int32, Sendable {
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

extension ExitStatus {
    /// The status a command that threw `error` ends with, once what the
    /// person needs to know is said on standard error; nil for an error
    /// that is not intake's own (the argument parser's, say).
    public static func reporting(_ error: any Error, on console: Console) -> ExitStatus? {
        switch error {
        case let error as UserFacingError:
            console.error(error.message)
            return error.status
        case let error as DiagnosticsFound:
            for diagnostic in error.diagnostics { console.error(diagnostic.description) }
            return .badInput
        case let error as ExitWith:
            return error.status
        default:
            return nil
        }
    }
}

/// Ends the command with a status after it printed what it had to say.
public struct ExitWith: Error, Sendable {
    public var status: ExitStatus

    public init(status: ExitStatus) {
        self.status = status
    }
}
