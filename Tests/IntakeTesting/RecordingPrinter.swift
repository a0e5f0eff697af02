import IntakeKit
import Synchronization

/// A print system for tests: it keeps what it was asked to print (the
/// file's path, the printer and the bytes the file held then) and answers
/// as `lp` does.
public final class RecordingPrinter: Printing, @unchecked Sendable {
    public struct Job: Sendable {
        public var path: String
        public var printer: String
        public var bytes: [UInt8]
    }

    public let isInstalled: Bool
    private let files: TestFiles
    private let jobs = Mutex<[Job]>([])
    /// Set to make every job fail with this reason, as a stopped queue does.
    public var failure: String?

    public init(files: TestFiles, isInstalled: Bool = true) {
        self.files = files
        self.isInstalled = isInstalled
    }

    /// The jobs sent, in order.
    public var printed: [Job] { jobs.withLock { $0 } }

    public func print(_ path: String, on printer: String) throws(PrintingError) -> String {
        if let failure { throw PrintingError(reason: failure) }
        let bytes = (try? files.read(path, limit: 64 << 20)) ?? []
        let count = jobs.withLock { jobs -> Int in
            jobs.append(Job(path: path, printer: printer, bytes: bytes))
            return jobs.count
        }
        return "request id is \(printer)-\(count) (1 file(s))"
    }
}
