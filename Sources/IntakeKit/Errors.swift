import QuestionnaireModel

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

/// An error to show the user in one line, with the exit code it means.
public struct UserFacingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var status: ExitStatus

    public init(_ message: String, status: ExitStatus = .badInput) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}

/// Problems found in a file, each printed on its own line; exit code 2.
public struct DiagnosticsFound: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// Ends the command with a status after it printed what it had to say.
public struct ExitWith: Error, Sendable {
    public var status: ExitStatus

    public init(status: ExitStatus) {
        self.status = status
    }
}

/// The version written in `--version` and in every transcript's header.
public enum IntakeVersion {
    public static let current = "0.1.0"

    /// How a transcript names the tool that wrote it.
    public static var tool: String { "intake \(current)" }
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
