#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import InterviewEngine
import QuestionnaireModel

/// Why a transcript could not be saved, in words for the person at the keyboard.
struct TranscriptWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String

    var description: String { "\(path): \(reason)" }
}

/// The folder transcripts go to: created 0700 when missing; refused when it
/// exists and others can open it.
enum TranscriptFolder {
    /// The folder from `--transcripts`, `INTAKE_TRANSCRIPTS`, or `./Transcripts/sessions`.
    static func path(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["INTAKE_TRANSCRIPTS"], !fromEnvironment.isEmpty { return fromEnvironment }
        return "Transcripts/sessions"
    }

    /// Makes sure `path` is a private folder intake can write to, creating
    /// it (0700) when it is missing.
    ///
    /// An existing folder that others on the machine can open is refused,
    /// not changed: it may be shared on purpose (`/tmp`, a project folder),
    /// and health data must not go there.
    static func prepare(_ path: String) throws(TranscriptWriteError) {
        var components: [String] = []
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") where !part.isEmpty {
            current += "/" + part
            components.append(current)
        }
        var created = false
        for folder in components {
            var info = stat()
            if lstat(folder, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    // A link is followed only when it leads to a folder.
                    guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                        throw TranscriptWriteError(path: folder, reason: "is a link that does not lead to a folder")
                    }
                }
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw TranscriptWriteError(path: folder, reason: "is not a folder")
                }
                created = false
                continue
            }
            guard errno == ENOENT else { throw TranscriptWriteError(path: folder, reason: Files.reason(errno)) }
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw TranscriptWriteError(path: folder, reason: "cannot create the folder: \(Files.reason(errno))")
            }
            created = true
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw TranscriptWriteError(path: path, reason: Files.reason(errno)) }
        if info.st_mode & 0o077 != 0 {
            if created, info.st_uid == geteuid() {
                _ = chmod(path, 0o700)
            } else {
                throw TranscriptWriteError(path: path, reason: "other people on this machine can open this folder, so sessions (health information) are not saved there; use a private folder (chmod 700), or name a new one and intake creates it private")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw TranscriptWriteError(path: path, reason: "cannot write there: \(Files.reason(errno))")
        }
    }
}

/// One transcript file, written a line at a time and flushed to disk
/// (fsync) before the next prompt appears.
final class TranscriptFile {
    let path: String
    private let descriptor: Int32
    private var encoder: TranscriptEncoder
    private let startedMilliseconds: Int64
    private let clock: () -> Int64

    /// Creates a new transcript in `folder`, named by the UTC time and a
    /// random id (never by anything the person typed), readable by its owner only.
    init(newIn folder: String, header: TranscriptHeader, clock: @escaping () -> Int64) throws(TranscriptWriteError) {
        let name = "\(Timestamp.compact(milliseconds: header.startedMilliseconds))-\(header.session).jsonl"
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw TranscriptWriteError(path: path, reason: "cannot create the transcript: \(Files.reason(errno))")
        }
        fchmod(descriptor, 0o600)
        // Held while the session runs, so it cannot be resumed elsewhere at the same time.
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        self.path = path
        self.descriptor = descriptor
        self.encoder = TranscriptEncoder()
        self.startedMilliseconds = header.startedMilliseconds
        self.clock = clock
        // Written now, so even a process killed at once leaves a session
        // file with its header; made durable (fsync) with the first commit,
        // before the first page is shown, together with the folder.
        try append(.header(header), milliseconds: 0, sync: false)
        folderToSync = folder
    }

    /// The folder of a new transcript, made durable with the first commit
    /// so the new name survives a crash too.
    private var folderToSync: String?

    /// Opens an existing transcript to continue it after `document`'s last
    /// good line, cutting off a torn line first.
    ///
    /// Refused while another intake has the session open (a lock on the
    /// file), when the file changed after `size` bytes were read, and when
    /// the file or its folder can be opened by other people: the rules for
    /// where a new session may be saved hold for a continued one too.
    init(continuing path: String, document: TranscriptDocument, size: Int, clock: @escaping () -> Int64) throws(TranscriptWriteError) {
        guard let header = document.header else { throw TranscriptWriteError(path: path, reason: "has no header") }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw TranscriptWriteError(path: path, reason: "a session continues in its transcript file; this is not a regular file (a pipe can be replayed, not continued): give the file itself")
        }
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            throw TranscriptWriteError(path: path, reason: "cannot open the transcript to continue it: \(Files.reason(errno))")
        }
        func refuse(_ reason: String) -> TranscriptWriteError {
            close(descriptor)
            return TranscriptWriteError(path: path, reason: reason)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw refuse(errno == EWOULDBLOCK
                ? "this session is open in another intake right now; finish or stop it there, then resume it"
                : "cannot lock the transcript: \(Files.reason(errno))")
        }
        guard fstat(descriptor, &info) == 0 else { throw refuse(Files.reason(errno)) }
        guard Int(info.st_size) == size else {
            throw refuse("the transcript changed while it was being read; try again")
        }
        if info.st_mode & 0o077 != 0 {
            throw refuse("other people on this machine can read this transcript (health information), so it is not continued; make it private with: chmod 600 \(shellQuoted(path))")
        }
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var folderInfo = stat()
        if stat(folder.isEmpty ? "." : folder, &folderInfo) == 0, folderInfo.st_mode & 0o077 != 0 {
            throw refuse("other people on this machine can open the folder it is in, so the session is not continued there; make the folder private (chmod 700) or move the file to a private folder")
        }
        self.path = path
        self.descriptor = descriptor
        self.encoder = TranscriptEncoder(continuingAfter: document.lastHash)
        self.startedMilliseconds = header.startedMilliseconds
        self.clock = clock
        guard ftruncate(descriptor, off_t(document.appendOffset)) == 0, lseek(descriptor, 0, SEEK_END) >= 0 else {
            throw TranscriptWriteError(path: path, reason: "cannot repair the end of the transcript: \(Files.reason(errno))")
        }
        if document.needsNewline { try write(Array("\n".utf8)) }
    }

    deinit {
        close(descriptor)
    }

    /// Lines recorded but not yet on disk.
    private var pending: [UInt8] = []
    private var pendingEncoder: TranscriptEncoder?

    /// Records `event`, timed now; it is on disk after the next `commit()`.
    func record(_ event: TranscriptEvent) throws(TranscriptWriteError) {
        var candidate = pendingEncoder ?? encoder
        pending.append(contentsOf: candidate.line(for: event, milliseconds: max(0, clock() - startedMilliseconds)).utf8)
        pending.append(0x0A)
        pendingEncoder = candidate
    }

    /// Records `event` and waits until it is on disk. An ending (`completed`,
    /// `paused`) is sealed in the same write, so its line is covered by a
    /// hash like every other.
    func recordNow(_ event: TranscriptEvent) throws(TranscriptWriteError) {
        try record(event)
        switch event {
        case .completed, .paused: try record(.sealed)
        default: break
        }
        try commit()
    }

    /// Writes what was recorded and waits until it is on disk (one write,
    /// one fsync): the caller shows nothing about those events before this.
    func commit() throws(TranscriptWriteError) {
        guard !pending.isEmpty else { return }
        do {
            try write(pending)
        } catch {
            // A new file whose first commit failed (a full disk) still has
            // its header: make that and its name durable, as far as the
            // disk allows, since the message points to the file.
            if folderToSync != nil { fsync(descriptor) }
            syncFolderOnce()
            throw error
        }
        pending.removeAll(keepingCapacity: true)
        if let pendingEncoder { encoder = pendingEncoder }
        pendingEncoder = nil
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

    private func append(_ event: TranscriptEvent, milliseconds: Int64, sync: Bool) throws(TranscriptWriteError) {
        var candidate = encoder
        let line = candidate.line(for: event, milliseconds: milliseconds) + "\n"
        try write(Array(line.utf8), sync: sync)
        encoder = candidate
    }

    private func write(_ bytes: [UInt8], sync: Bool = true) throws(TranscriptWriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw TranscriptWriteError(path: path, reason: Files.reason(errno))
            }
            offset += written
        }
        while sync, fsync(descriptor) != 0 {
            if errno == EINTR { continue }
            throw TranscriptWriteError(path: path, reason: Files.reason(errno))
        }
    }
}

/// Wall-clock time and random ids, the only nondeterminism of a session.
enum SystemClock {
    static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// 16 random hex digits.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
