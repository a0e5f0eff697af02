#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit
import InterviewEngine
import SystemPackage

/// One transcript file, appended to and flushed to disk (fsync) on request.
final class TranscriptFile: TranscriptOutput {
    let path: String
    private let descriptor: FileDescriptor
    /// The folder of a new transcript, made durable with the first durable
    /// write so the new name survives a crash too.
    private var folderToSync: String?

    /// Creates a new transcript readable by its owner only, and holds a lock
    /// on it while the session runs, so it cannot be resumed elsewhere at
    /// the same time.
    init(newNamed name: String, in folder: String) throws(TranscriptWriteError) {
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        do {
            descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .exclusiveCreate, .append, .closeOnExec, .noFollow],
                permissions: [.ownerReadWrite])
        } catch {
            throw TranscriptWriteError(path: path, reason: "cannot create the transcript: \(DiskFiles.reason(error))")
        }
        fchmod(descriptor.rawValue, 0o600)
        _ = flock(descriptor.rawValue, LOCK_EX | LOCK_NB)
        self.path = path
        folderToSync = folder
    }

    /// Opens an existing transcript to continue it after `document`'s last
    /// good line, cutting off a torn line first.
    ///
    /// Refused while another intake has the session open (a lock on the
    /// file), when the file changed after `size` bytes were read, and when
    /// the file or its folder can be opened by other people: the rules for
    /// where a new session may be saved hold for a continued one too.
    init(continuing path: String, document: TranscriptDocument, size: Int) throws(TranscriptWriteError) {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw TranscriptWriteError(path: path, reason: "a session continues in its transcript file; this is not a regular file (a pipe can be replayed, not continued): give the file itself")
        }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .writeOnly, options: [.closeOnExec, .noFollow])
        } catch {
            throw TranscriptWriteError(path: path, reason: "cannot open the transcript to continue it: \(DiskFiles.reason(error))")
        }
        func refuse(_ reason: String) -> TranscriptWriteError {
            try? descriptor.close()
            return TranscriptWriteError(path: path, reason: reason)
        }
        guard flock(descriptor.rawValue, LOCK_EX | LOCK_NB) == 0 else {
            throw refuse(errno == EWOULDBLOCK
                ? "this session is open in another intake right now; finish or stop it there, then resume it"
                : "cannot lock the transcript: \(DiskFiles.reason(errno))")
        }
        guard fstat(descriptor.rawValue, &info) == 0 else { throw refuse(DiskFiles.reason(errno)) }
        guard Int(info.st_size) == size else {
            throw refuse("the transcript changed while it was being read; try again")
        }
        if info.st_mode & 0o077 != 0 {
            throw refuse("other people on this machine can read this transcript (health information), so it is not continued; make it private with: chmod 600 \(Invocation.shellQuoted(path))")
        }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var folderInfo = stat()
        if stat(folder.isEmpty ? "." : folder, &folderInfo) == 0, folderInfo.st_mode & 0o077 != 0 {
            throw refuse("other people on this machine can open the folder it is in, so the session is not continued there; make the folder private (chmod 700) or move the file to a private folder")
        }
        self.path = path
        self.descriptor = descriptor
        do {
            try descriptor.resize(to: Int64(document.appendOffset))
            _ = try descriptor.seek(offset: 0, from: .end)
        } catch {
            throw TranscriptWriteError(path: path, reason: "cannot repair the end of the transcript: \(DiskFiles.reason(error))")
        }
        if document.needsNewline { try append(Array("\n".utf8), durable: true) }
    }

    deinit {
        try? descriptor.close()
    }

    func append(_ bytes: [UInt8], durable: Bool) throws(TranscriptWriteError) {
        do {
            try descriptor.writeAll(bytes)
        } catch {
            // A new file whose first durable write failed (a full disk)
            // still has its header: make that and its name durable, as far
            // as the disk allows, since the message points to the file.
            if durable, folderToSync != nil {
                fsync(descriptor.rawValue)
                syncFolderOnce()
            }
            throw TranscriptWriteError(path: path, reason: DiskFiles.reason(error))
        }
        guard durable else { return }
        while fsync(descriptor.rawValue) != 0 {
            if errno == EINTR { continue }
            throw TranscriptWriteError(path: path, reason: DiskFiles.reason(errno))
        }
        syncFolderOnce()
    }

    /// Makes a new transcript's name durable (its folder), once.
    private func syncFolderOnce() {
        guard let folder = folderToSync else { return }
        folderToSync = nil
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
