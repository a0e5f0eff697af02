import Foundation
import IntakeKit
import InterviewEngine
import Synchronization

/// Files for in-process tests: transcripts and reports written in memory,
/// on top of the real files of the disk (fixtures, questionnaires, files a
/// test wrote to a temporary folder). Relative paths are read from
/// `directory`, as a process started there would.
///
/// The disk is read with Foundation, not with the executable's own code:
/// what intake's system code does with odd files (a FIFO, a folder, no
/// permission) is tested through the binary.
public final class TestFiles: FileSystem, TranscriptStorage, @unchecked Sendable {
    /// The folder relative paths start from.
    public let directory: String
    private let memory = Mutex<[String: [UInt8]]>([:])
    private let folders = Mutex<Set<String>>([])
    /// Makes every transcript write after the first `count` fail with `reason`.
    private let fault = Mutex<(after: Int, reason: String)?>(nil)
    private let writes = Mutex(0)
    /// Paths whose reading is refused, as for a file without read permission.
    private let unreadable = Mutex<Set<String>>([])

    public init(directory: String = FileManager.default.currentDirectoryPath) {
        self.directory = directory
    }

    /// Transcript writes fail, after the first `writes` of them, as on a
    /// full disk ("the disk is full").
    public func failTranscriptWrites(after writes: Int, reason: String = "the disk is full") {
        fault.withLock { $0 = (writes, reason) }
    }

    /// Transcript writes succeed again, as once room is made on the disk.
    public func allowTranscriptWrites() {
        fault.withLock { $0 = nil }
    }

    /// Reading `path` fails as it does for a file without read permission
    /// ("permission denied"). The real disk's refusal, for a file of
    /// mode 0 read by another user, is tested through the binary.
    public func refuseReading(_ path: String) {
        unreadable.withLock { _ = $0.insert(absolute(path)) }
    }

    // MARK: - What was written

    /// The files written in memory, by path.
    public var written: [String: [UInt8]] { memory.withLock { $0 } }

    /// The transcripts written in `folder`, oldest first (names start with
    /// the UTC time).
    public func transcripts(in folder: String) -> [String] {
        let prefix = absolute(folder) + "/"
        return written.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".jsonl") }.sorted()
    }

    /// The text of a file written in memory.
    public func text(_ path: String) -> String? {
        written[absolute(path)].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Puts `bytes` at `path` in memory, as if a file were there.
    public func place(_ bytes: [UInt8], at path: String) {
        memory.withLock { $0[absolute(path)] = bytes }
    }

    // MARK: - FileSystem

    public func read(_ path: String, limit: Int) throws(UserFacingError) -> [UInt8] {
        let full = absolute(path)
        if unreadable.withLock({ $0.contains(full) }) {
            throw UserFacingError("\(path): permission denied: check the name and the folder")
        }
        if let bytes = memory.withLock({ $0[full] }) {
            if bytes.count > limit { throw UserFacingError("\(path): the file is \(FileLimits.megabytes(bytes.count)), more than the \(limit >> 20) MB limit") }
            return bytes
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
            throw UserFacingError("\(path): no such file: check the name and the folder")
        }
        if isFolder.boolValue { throw UserFacingError("\(path): is a folder, not a file") }
        let size = ((try? FileManager.default.attributesOfItem(atPath: full))?[.size] as? Int) ?? 0
        if size > limit {
            throw UserFacingError("\(path): the file is \(FileLimits.megabytes(size)), more than the \(limit >> 20) MB limit")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw UserFacingError("\(path): permission denied: check the name and the folder")
        }
        return Array(data)
    }

    public func entry(at path: String) throws(UserFacingError) -> FileEntry {
        let full = absolute(path)
        if memory.withLock({ $0[full] != nil }) { return .file }
        if folders.withLock({ $0.contains(full) }) { return .folder }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
            throw UserFacingError("\(path): no such file")
        }
        return isFolder.boolValue ? .folder : .file
    }

    public func forEachName(in folder: String, _ body: (String) -> Void) throws(UserFacingError) {
        let full = absolute(folder)
        var names = Set(memory.withLock { files in
            files.keys.filter { ($0 as NSString).deletingLastPathComponent == full }.map { ($0 as NSString).lastPathComponent }
        })
        if let onDisk = try? FileManager.default.contentsOfDirectory(atPath: full) {
            names.formUnion(onDisk)
        } else if names.isEmpty, !folders.withLock({ $0.contains(full) }) {
            throw UserFacingError("\(folder): cannot read the folder: no such file")
        }
        for name in names.sorted() { body(name) }
    }

    public func writePrivately(_ bytes: [UInt8], to path: String) throws(UserFacingError) {
        memory.withLock { $0[absolute(path)] = bytes }
    }

    public func appendPrivately(_ bytes: [UInt8], to path: String) throws(UserFacingError) {
        memory.withLock { $0[absolute(path), default: []].append(contentsOf: bytes) }
    }

    public func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    // MARK: - TranscriptStorage

    public func prepareFolder(_ folder: String) throws(TranscriptWriteError) {
        folders.withLock { _ = $0.insert(absolute(folder)) }
    }

    public func create(_ name: String, in folder: String) throws(TranscriptWriteError) -> TranscriptOutput {
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let full = absolute(path)
        let created = memory.withLock { files -> Bool in
            guard files[full] == nil else { return false }
            files[full] = []
            return true
        }
        guard created else { throw TranscriptWriteError(path: path, reason: "cannot create the transcript: already exists") }
        return MemoryTranscript(path: path, files: self)
    }

    public func reopen(_ path: String, document: TranscriptDocument, size: Int) throws(TranscriptWriteError) -> TranscriptOutput {
        let full = absolute(path)
        let bytes: [UInt8]
        do {
            bytes = try read(path, limit: TranscriptDocument.maxBytes)
        } catch {
            throw TranscriptWriteError(path: path, reason: "cannot open the transcript to continue it: \(error.message)")
        }
        guard bytes.count == size else {
            throw TranscriptWriteError(path: path, reason: "the transcript changed while it was being read; try again")
        }
        var kept = Array(bytes.prefix(document.appendOffset))
        if document.needsNewline { kept.append(0x0A) }
        memory.withLock { $0[full] = kept }
        return MemoryTranscript(path: path, files: self)
    }

    fileprivate func append(_ bytes: [UInt8], to path: String) throws(TranscriptWriteError) {
        let count = writes.withLock { count -> Int in
            count += 1
            return count
        }
        if let fault = fault.withLock({ $0 }), count > fault.after {
            throw TranscriptWriteError(path: path, reason: fault.reason)
        }
        memory.withLock { $0[absolute(path), default: []] += bytes }
    }
}

/// A transcript kept in `TestFiles`.
final class MemoryTranscript: TranscriptOutput {
    let path: String
    private let files: TestFiles

    init(path: String, files: TestFiles) {
        self.path = path
        self.files = files
    }

    func append(_ bytes: [UInt8], durable: Bool) throws(TranscriptWriteError) {
        try files.append(bytes, to: path)
    }
}
