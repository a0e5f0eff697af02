/// Commands printed for the person to paste (the resume command, "see what
/// changed with: ..."): they must work when pasted as they are, from any
/// folder.
public struct Invocation: Sendable {
    /// intake as the person started it: `intake` when it was found on the
    /// `PATH`, otherwise the full path of the binary, quoted.
    public let program: String
    private let files: FileSystem

    public init(program: String, files: FileSystem) {
        self.program = program
        self.files = files
    }

    /// A command line of intake with `words` after the program name, as given.
    public func command(_ words: String...) -> String {
        ([program] + words).joined(separator: " ")
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
