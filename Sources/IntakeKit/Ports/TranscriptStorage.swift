import InterviewEngine

/// Where transcripts are kept: the disk for the executable, memory for
/// tests. Naming, hashing and timing are the application's (see
/// `TranscriptRecorder`); storage only keeps bytes safe and private.
public protocol TranscriptStorage: AnyObject {
    /// Makes sure `folder` is a private folder sessions can be saved in,
    /// creating it when it is missing; refuses one others can open.
    func prepareFolder(_ folder: String) throws(TranscriptWriteError)
    /// Creates the new, private transcript `name` in `folder`; refuses a
    /// name that exists.
    func create(_ name: String, in folder: String) throws(TranscriptWriteError) -> TranscriptOutput
    /// Opens the transcript at `path` to continue it after `document`'s
    /// last good line (cutting off a torn line), refusing when it changed
    /// since its `size` bytes were read, is open elsewhere, or is not private.
    func reopen(_ path: String, document: TranscriptDocument, size: Int) throws(TranscriptWriteError) -> TranscriptOutput
}

/// One transcript being written.
public protocol TranscriptOutput: AnyObject {
    /// Where it is, as shown to the person ("Answers are saved as you go, to ...").
    var path: String { get }
    /// Appends `bytes`. With `durable`, returns only once they are on disk
    /// (and, for a new transcript, its name too): nothing is acknowledged
    /// on screen before then.
    func append(_ bytes: [UInt8], durable: Bool) throws(TranscriptWriteError)
}

/// Why a transcript could not be saved, in words for the person at the keyboard.
public struct TranscriptWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
