import QuestionnaireModel

/// A transcript read back from its bytes, with its hash chain checked.
///
/// Reading never throws: a damaged file still yields every line that could be
/// read, and `problems` says what is wrong and where, by line number.
public struct TranscriptDocument: Sendable {
    /// One readable line.
    public struct Entry: Sendable {
        /// The line's number in the file, from 1.
        public var line: Int
        public var event: TranscriptEvent
        /// Milliseconds after the start of the session.
        public var milliseconds: Int64
    }

    /// Something wrong with the file.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// The last line was cut short (a crash while it was written).
            case torn
            /// A line cannot be read.
            case damaged
            /// The hash chain is broken: a line was changed, inserted or removed.
            case tampered
        }

        public var kind: Kind
        public var line: Int
        public var message: String

        public var description: String { "line \(line): \(message)" }
    }

    /// A `sealed` line: where it is, the SHA-256 of the line before it in
    /// the file (what its signature, if any, must be of), and its signature.
    public struct Seal: Sendable, Equatable {
        public var line: Int
        public var sealedHash: String
        public var signature: SealSignature?
    }

    public private(set) var header: TranscriptHeader?
    public private(set) var entries: [Entry] = []
    /// The readable `sealed` lines, in order.
    public private(set) var seals: [Seal] = []
    public private(set) var problems: [Problem] = []
    /// The hash of the last complete, readable line: what the next line must carry.
    public private(set) var lastHash: String?
    /// The byte offset just after the last complete line, where an appended
    /// line must start (a torn line after it is cut off first).
    public private(set) var appendOffset = 0
    /// Whether the last good line lacks its newline (it must be added before appending).
    public private(set) var needsNewline = false

    /// Whether anything other than a torn last line is wrong.
    public var isDamagedOrTampered: Bool { problems.contains { $0.kind != .torn } }

    /// The last line, if it was torn.
    public var tornLine: Problem? { problems.first { $0.kind == .torn } }

    /// The largest transcript read, in bytes: a session of tens of
    /// thousands of steps fits; parsing one this size stays near 150 MB.
    public static let maxBytes = 4 << 20

    public init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { read($0) }
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var lineNumber = 0
        var previousHash: String?
        var hashBeforePrevious: String?
        // Lines ending in CR LF: an editor or a copy converted the file. The
        // lines are read and checked without the CR, and it is said once.
        var carriageReturns = 0
        var firstCarriageReturn = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let hasNewline = end < bytes.count
            var contentEnd = end
            if hasNewline, contentEnd > start, bytes[contentEnd - 1] == 0x0D {
                contentEnd -= 1
                carriageReturns += 1
                if firstCarriageReturn == 0 { firstCarriageReturn = lineNumber }
            }
            let lineBytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<contentEnd]))
            let isLast = !hasNewline || end + 1 >= bytes.count
            let hash = SHA256Hex.of(lineBytes)
            defer {
                hashBeforePrevious = previousHash
                previousHash = hash
                start = end + 1
            }
            if lineBytes.isEmpty {
                if hasNewline { problems.append(Problem(kind: .damaged, line: lineNumber, message: "the line is empty")) }
                continue
            }
            let json: JSONValue
            do {
                json = try JSONParser.parse([UInt8](lineBytes), limits: JSONLimits(maxDepth: 64, maxBytes: TranscriptDocument.maxBytes))
            } catch {
                // A cut-off last line after a good header is a crash while
                // saving; anything else was never a transcript line.
                if isLast && !hasNewline && header != nil {
                    problems.append(Problem(kind: .torn, line: lineNumber, message: "the last line was cut short (the session was probably interrupted while saving it); it is dropped"))
                } else {
                    problems.append(Problem(kind: .damaged, line: lineNumber, message: "not valid JSON: \(error.message)"))
                }
                continue
            }
            let parsed: (event: TranscriptEvent, milliseconds: Int64, previous: String?)
            do {
                parsed = try TranscriptCodec.event(from: json)
            } catch {
                problems.append(Problem(kind: .damaged, line: lineNumber, message: error.message))
                continue
            }
            if lineNumber == 1 {
                guard case .header(let header) = parsed.event else {
                    problems.append(Problem(kind: .damaged, line: 1, message: "the first line must be the header"))
                    continue
                }
                if header.format > TranscriptHeader.currentFormat {
                    problems.append(Problem(kind: .damaged, line: 1, message: "this transcript was written by a newer intake (format \(header.format)); update intake to read it"))
                }
                if parsed.previous != nil {
                    problems.append(Problem(kind: .tampered, line: 1, message: "the header must not carry a previous line's hash"))
                }
                self.header = header
            } else {
                if case .header = parsed.event {
                    problems.append(Problem(kind: .tampered, line: lineNumber, message: "a second header: only the first line may be a header"))
                }
                if parsed.previous != previousHash {
                    if let hashBeforePrevious, parsed.previous == hashBeforePrevious {
                        problems.append(Problem(kind: .tampered, line: lineNumber - 1, message: "this line was inserted: the next line follows the line before it"))
                    } else {
                        problems.append(Problem(kind: .tampered, line: lineNumber, message: "this line does not follow line \(lineNumber - 1): line \(lineNumber - 1) was changed, or a line was removed between them"))
                    }
                }
            }
            if case .sealed(let signature) = parsed.event, let previousHash {
                // The hash of the bytes before it, not the one it carries: a
                // signature must match what the file holds.
                seals.append(Seal(line: lineNumber, sealedHash: previousHash, signature: signature))
            }
            entries.append(Entry(line: lineNumber, event: parsed.event, milliseconds: parsed.milliseconds))
            lastHash = hash
            appendOffset = hasNewline ? end + 1 : end
            needsNewline = !hasNewline
        }
        if lineNumber == 0 {
            problems.append(Problem(kind: .damaged, line: 1, message: "the file is empty: a transcript starts with a header line"))
        }
        if carriageReturns > 0 {
            let lines = carriageReturns == 1 ? "1 line ends" : "\(carriageReturns) lines end"
            problems.append(Problem(kind: .damaged, line: firstCarriageReturn, message: "\(lines) with a carriage return (Windows line endings): an editor or a copy converted the file; its lines were checked without them"))
        }
        checkSeals()
    }

    /// The last line when no later line carries its hash, so an edit to it
    /// cannot be detected: a session cut off by a crash or power cut (or
    /// written before endings were sealed) ends on such a line.
    public private(set) var unsealedLastLine: Int?

    /// Every `completed` and `paused` line must be followed at once by its
    /// `sealed` line (they are written together), and a seal follows nothing
    /// else; a session that ends on any other line was cut off.
    private mutating func checkSeals() {
        guard let header, header.format >= TranscriptHeader.sealedFormat else {
            if let last = entries.last, entries.count > 1 { unsealedLastLine = last.line }
            return
        }
        for (index, entry) in entries.enumerated() {
            let next: Entry? = index + 1 < entries.count ? entries[index + 1] : nil
            switch entry.event {
            case .completed, .paused:
                if let next, next.event.isSeal, next.line == entry.line + 1 { continue }
                // Cut off while the ending was written: the seal is the torn line.
                if next == nil, tornLine?.line == entry.line + 1 { continue }
                problems.append(Problem(kind: .tampered, line: entry.line, message: "the end of the session is not sealed: the line after it was removed, or this line was not written by intake"))
            case .sealed:
                let previous: Entry? = index > 0 ? entries[index - 1] : nil
                switch previous?.event {
                case .completed?, .paused?:
                    if previous?.line == entry.line - 1 { continue }
                default:
                    break
                }
                problems.append(Problem(kind: .tampered, line: entry.line, message: "a seal where the session did not end: it belongs right after a 'completed' or 'paused' line"))
            default:
                continue
            }
        }
        if let last = entries.last, entries.count > 1, !last.event.isSeal { unsealedLastLine = last.line }
    }

    /// Whether the transcript ends with `completed` (and its seal).
    public var isCompleted: Bool {
        if case .completed? = entries.last(where: { !$0.event.isSeal })?.event { return true }
        return false
    }
}

extension TranscriptHeader {
    /// The questionnaire id in the header of the transcript in `bytes`,
    /// read from its first line alone (to choose the questionnaire to read
    /// the rest with); nil when the first line is not a header intake
    /// could have written.
    public static func questionnaireID(ofTranscript bytes: [UInt8]) -> String? {
        let firstLine = Array(bytes.prefix { $0 != 0x0A })
        guard let json = try? JSONParser.parse(firstLine, limits: JSONLimits(maxDepth: 64, maxBytes: TranscriptDocument.maxBytes)),
              case .header(let header)? = try? TranscriptCodec.event(from: json).event
        else { return nil }
        return header.questionnaire.id
    }
}
