import QuestionnaireModel

/// A questionnaire with the bytes it was read from and its display name.
public struct QuestionnaireFile: Sendable {
    public var questionnaire: Questionnaire
    public var bytes: [UInt8]
    /// The path as given, or the built-in file's name.
    public var name: String
    public var isBuiltIn: Bool

    public static let builtInPath = "Questionnaires/massage-intake.json"

    /// Loads `path`, or the built-in questionnaire `builtIn` (the default
    /// one unless said) when nil.
    public static func load(_ path: String?, builtIn: String = builtInPath, files: FileSystem) throws -> QuestionnaireFile {
        let (bytes, name) = try BuiltInFiles.bytes(of: path, orBuiltIn: builtIn, files: files)
        do {
            let loaded = try QuestionnaireLoader.load(bytes, file: name)
            return QuestionnaireFile(questionnaire: loaded.questionnaire, bytes: bytes, name: name, isBuiltIn: path == nil)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }
}

/// The questionnaires, rules and medicines list compiled into intake (by the
/// EmbedQuestionnaires plugin), so it runs from any folder and its sessions
/// replay anywhere.
public enum BuiltInFiles {
    /// The text of the built-in file named by its path in the repository
    /// (`Questionnaires/massage-intake.json`), or nil.
    public static func text(_ path: String) -> String? {
        EmbeddedFiles.contents[path]
    }

    /// How built-in files are named in messages and transcripts.
    public static func displayName(_ path: String) -> String {
        path + " (built in)"
    }

    /// Whether a name given by `displayName` is a built-in file's.
    public static func isBuiltInName(_ name: String) -> Bool {
        name.hasSuffix(" (built in)")
    }

    /// The bytes of `path`, or of the file built into intake when `path` is
    /// nil, with the name diagnostics give it.
    public static func bytes(
        of path: String?, orBuiltIn builtIn: String, limit: Int = FileLimits.questionnaire, files: FileSystem
    ) throws -> (bytes: [UInt8], name: String) {
        if let path { return (try files.read(path, limit: limit), path) }
        guard let text = text(builtIn) else {
            throw UserFacingError("\(builtIn) is missing from this build: name a file instead")
        }
        return (Array(text.utf8), displayName(builtIn))
    }
}
