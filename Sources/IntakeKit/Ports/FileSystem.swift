/// The files intake reads and writes, given to the application by the
/// executable (the disk) or by a test. Every error is a message a person can
/// act on, naming the file.
public protocol FileSystem: Sendable {
    /// The bytes of the file at `path`, refusing folders, missing files and
    /// files over `limit` bytes before reading them.
    func read(_ path: String, limit: Int) throws(UserFacingError) -> [UInt8]
    /// What is at `path`; an error saying why when nothing is, or it
    /// cannot be looked at ("PATH: no such file").
    func entry(at path: String) throws(UserFacingError) -> FileEntry
    /// The names of the entries of `folder` (without "." and ".."), one at
    /// a time as they are listed, so a folder of 100,000 sessions is never
    /// held in memory.
    func forEachName(in folder: String, _ body: (String) -> Void) throws(UserFacingError)
    /// Writes `bytes` to `path` (created or emptied first), readable by its
    /// owner only: reports are health information.
    func writePrivately(_ bytes: [UInt8], to path: String) throws(UserFacingError)
    /// Adds `bytes` to the end of the file at `path` (made by
    /// `writePrivately`), so a long export is written as it is made.
    func appendPrivately(_ bytes: [UInt8], to path: String) throws(UserFacingError)
    /// `path` from the root with `.`, `..` and links resolved, or as given
    /// when it cannot be resolved, for commands printed to paste elsewhere.
    func absolute(_ path: String) -> String
}

/// What a path names.
public enum FileEntry: Sendable, Equatable {
    case file
    case folder
}

extension FileSystem {
    /// Whether anything is at `path`.
    public func exists(_ path: String) -> Bool {
        (try? entry(at: path)) != nil
    }
}

/// The largest files intake reads, by kind.
public enum FileLimits {
    /// A questionnaire (100,000 nodes fit).
    public static let questionnaire = 64 << 20
    /// A rules or medicines file: far beyond any real one, small enough that
    /// parsing it stays within tens of megabytes of memory.
    public static let rules = 4 << 20
    /// An answer file (one person's answers).
    public static let answers = 1 << 20

    /// A size in megabytes with one decimal, rounded up so it never looks
    /// like it is within a limit it is over: "1.1 MB".
    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
