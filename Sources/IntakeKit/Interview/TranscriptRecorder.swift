import InterviewEngine

/// Records a session's transcript: each event is encoded as a line carrying
/// the hash of the line before it, timed from the session's start, and held
/// until `commit()` writes what was recorded in one durable write.
///
/// The session shows nothing about an event before it is committed, so a
/// crash or a kill loses nothing that was acknowledged on screen.
public final class TranscriptRecorder {
    private let output: TranscriptOutput
    private var encoder: TranscriptEncoder
    private let startedMilliseconds: Int64
    private let clock: WallClock
    /// Lines recorded but not yet written, and the encoder after them.
    private var pending: [UInt8] = []
    private var pendingEncoder: TranscriptEncoder?

    /// Where the transcript is.
    public var path: String { output.path }

    /// The desk key that signs each seal, when the desk has one.
    public var signingKey: DeskSigningKey?

    /// Starts a new transcript in `folder`, named by the UTC time and the
    /// session's random id (never by anything the person typed). The header
    /// is written at once, so even a process killed now leaves a session
    /// file with its header; it becomes durable with the first commit.
    public init(newIn folder: String, header: TranscriptHeader, storage: TranscriptStorage, clock: WallClock) throws(TranscriptWriteError) {
        let name = "\(Timestamp.compact(milliseconds: header.startedMilliseconds))-\(header.session).jsonl"
        output = try storage.create(name, in: folder)
        encoder = TranscriptEncoder()
        startedMilliseconds = header.startedMilliseconds
        self.clock = clock
        let line = encoder.line(for: .header(header), milliseconds: 0) + "\n"
        try output.append(Array(line.utf8), durable: false)
    }

    /// Continues the transcript at `path` after `document`'s last good line.
    public init(continuing path: String, document: TranscriptDocument, size: Int, storage: TranscriptStorage, clock: WallClock) throws(TranscriptWriteError) {
        guard let header = document.header else { throw TranscriptWriteError(path: path, reason: "has no header") }
        output = try storage.reopen(path, document: document, size: size)
        encoder = TranscriptEncoder(continuingAfter: document.lastHash)
        startedMilliseconds = header.startedMilliseconds
        self.clock = clock
    }

    /// Records `event`, timed now; it is on disk after the next `commit()`.
    public func record(_ event: TranscriptEvent) throws(TranscriptWriteError) {
        var candidate = pendingEncoder ?? encoder
        pending.append(contentsOf: candidate.line(for: event, milliseconds: max(0, clock.milliseconds() - startedMilliseconds)).utf8)
        pending.append(0x0A)
        pendingEncoder = candidate
    }

    /// Records `event` and waits until it is on disk. An ending (`completed`,
    /// `paused`) is sealed in the same write, so its line is covered by a
    /// hash like every other; with a desk key, the seal is signed.
    public func recordNow(_ event: TranscriptEvent) throws(TranscriptWriteError) {
        try record(event)
        switch event {
        case .completed, .paused: try record(.sealed(try signature()))
        default: break
        }
        try commit()
    }

    /// The desk's signature of the line just recorded, which the seal
    /// after it seals; nil without a desk key. Signing only at seals keeps
    /// the cost off every answer.
    private func signature() throws(TranscriptWriteError) -> SealSignature? {
        guard let signingKey, let sealedHash = (pendingEncoder ?? encoder).previousHash else { return nil }
        do {
            return try signingKey.signature(sealing: sealedHash)
        } catch {
            // Never an unsigned seal at a desk that signs: stopping says so.
            throw TranscriptWriteError(path: path, reason: error.message)
        }
    }

    /// Writes what was recorded and waits until it is on disk (one write,
    /// one fsync): the caller shows nothing about those events before this.
    public func commit() throws(TranscriptWriteError) {
        guard !pending.isEmpty else { return }
        try output.append(pending, durable: true)
        pending.removeAll(keepingCapacity: true)
        if let pendingEncoder { encoder = pendingEncoder }
        pendingEncoder = nil
    }
}
