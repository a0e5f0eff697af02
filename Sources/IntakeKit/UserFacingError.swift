import QuestionnaireModel

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
