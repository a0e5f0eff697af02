#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import QuestionnaireModel

/// Reading the files intake is given, with size limits and one-line errors.
enum Files {
    /// The largest questionnaire intake reads (100,000 nodes fit).
    static let defaultLimit = 64 << 20
    /// The largest rules or medicines file: far beyond any real one, small
    /// enough that parsing it stays within tens of megabytes of memory.
    static let rulesLimit = 4 << 20
    /// The largest answer file (one person's answers).
    static let answerLimit = 1 << 20

    /// The bytes of the file at `path`, refusing folders, missing files and
    /// files over `limit` before reading them.
    static func read(_ path: String, limit: Int = defaultLimit) throws(UserFacingError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait
        // for one for ever; such a FIFO has nothing to read and is refused below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw UserFacingError("\(path): \(reason(errno)): check the name and the folder")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw UserFacingError("\(path): \(reason(errno))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw UserFacingError("\(path): is a folder, not a file")
        }
        if Int(info.st_size) > limit {
            throw UserFacingError("\(path): the file is \(megabytes(Int(info.st_size))), more than the \(limit >> 20) MB limit")
        }
        // Blocking reads again, so a pipe with a writer (`--answers <(...)`) is read to its end.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw UserFacingError("\(path): \(reason(errno))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw UserFacingError("\(path): the file is larger than the \(limit >> 20) MB limit")
            }
        }
        if bytes.isEmpty, (info.st_mode & S_IFMT) == S_IFIFO {
            throw UserFacingError("\(path): a pipe with nothing written to it: start what writes to it first, or pass a file")
        }
        return bytes
    }

    /// The bytes of `path`, or of the file built into the binary when
    /// `path` is nil, with the name diagnostics give it.
    static func bytes(of path: String?, orBuiltIn builtIn: String) throws -> (bytes: [UInt8], name: String) {
        if let path { return (try read(path), path) }
        guard let text = EmbeddedFiles.contents[builtIn] else {
            throw UserFacingError("\(builtIn) is missing from this build: name a file instead")
        }
        return (Array(text.utf8), builtIn + " (built in)")
    }

    /// A size in megabytes with one decimal, rounded up so it never looks
    /// like it is within a limit it is over: "1.1 MB".
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder, not a file"
        case ENOSPC: "the disk is full"
        case EROFS: "the disk is read-only"
        case EDQUOT: "the disk quota is used up"
        case EEXIST: "already exists"
        case ELOOP: "is a symbolic link, which intake does not follow here"
        default: String(cString: strerror(code))
        }
    }
}

/// A questionnaire with the bytes it was read from and its display name.
struct QuestionnaireFile {
    var questionnaire: Questionnaire
    var bytes: [UInt8]
    /// The path as given, or the built-in file's name.
    var name: String
    var isBuiltIn: Bool

    static let builtInPath = "Questionnaires/massage-intake.json"

    /// Loads `path`, or the built-in questionnaire `builtIn` (the default
    /// one unless said) when nil.
    static func load(_ path: String?, builtIn: String = builtInPath) throws -> QuestionnaireFile {
        let (bytes, name) = try Files.bytes(of: path, orBuiltIn: builtIn)
        do {
            let loaded = try QuestionnaireLoader.load(bytes, file: name)
            return QuestionnaireFile(questionnaire: loaded.questionnaire, bytes: bytes, name: name, isBuiltIn: path == nil)
        } catch {
            throw DiagnosticsFound(diagnostics: error.diagnostics)
        }
    }
}

/// Problems found in a file, each printed on its own line; exit code 2.
struct DiagnosticsFound: Error {
    var diagnostics: [Diagnostic]
}

