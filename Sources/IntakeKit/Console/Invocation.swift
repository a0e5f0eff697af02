/// Commands printed for the person to paste (the resume command, "see what
/// changed with: ..."): they must work when pasted as they are, from any
/// folder.
public struct Invocation: Sendable {
    /// intake as the person started it: `intake` when it was found on the
    /// `PATH`, otherwise the full path of the binary, quoted.
    public let program: String
    private let files: FileSystem

    /// Whether intake was started by `make run` (the Makefile says so in
    /// `startedByMakeVariable`): a command to paste is then the same `make
    /// run` with the arguments in `ARGS`, which works in the repository
    /// folder where the person typed it.
    public let startedByMake: Bool

    /// The variable the Makefile sets when `make run` starts intake.
    public static let startedByMakeVariable = "INTAKE_MAKE_RUN"

    public init(program: String, files: FileSystem, startedByMake: Bool = false) {
        self.program = program
        self.files = files
        self.startedByMake = startedByMake
    }

    /// Commands as this process was started: by `ports.program`, or by
    /// `make run` when the environment says so.
    public init(_ ports: Ports) {
        self.init(program: ports.program, files: ports.files, startedByMake: ports.environment[Self.startedByMakeVariable] == "1")
    }

    /// A command line of intake with `words` after the program name, as given.
    public func command(_ words: String...) -> String {
        command(words)
    }

    /// A command line of intake with `words` after the program name, as
    /// given: `make run ARGS="words"` when started by `make run` (unless a
    /// word holds a character that the quotes or make would change, when
    /// the binary's own path is named instead).
    public func command(_ words: [String]) -> String {
        let arguments = words.joined(separator: " ")
        if startedByMake, !arguments.contains(where: { "\"$`\\".contains($0) }) {
            return "make run ARGS=\"\(arguments)\""
        }
        return ([program] + words).joined(separator: " ")
    }

    /// `path` for a command: from the root, quoted for a POSIX shell.
    public func path(_ path: String) -> String {
        Self.shellQuoted(files.absolute(path))
    }

    /// `text` quoted for a POSIX shell when it needs it.
    public static func shellQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:@+=,".unicodeScalars.contains($0) }
        return safe && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
