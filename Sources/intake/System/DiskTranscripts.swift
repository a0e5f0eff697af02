#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit
import InterviewEngine

/// Transcripts on disk (`TranscriptStorage`): private folders and files,
/// each line on disk (fsync) before the next prompt appears.
final class DiskTranscripts: TranscriptStorage {
    /// Makes sure `path` is a private folder intake can write to, creating
    /// it (0700) when it is missing.
    ///
    /// An existing folder that others on the machine can open is refused,
    /// not changed: it may be shared on purpose (`/tmp`, a project folder),
    /// and health data must not go there.
    func prepareFolder(_ path: String) throws(TranscriptWriteError) {
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
            guard errno == ENOENT else { throw TranscriptWriteError(path: folder, reason: DiskFiles.reason(errno)) }
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw TranscriptWriteError(path: folder, reason: "cannot create the folder: \(DiskFiles.reason(errno))")
            }
            created = true
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw TranscriptWriteError(path: path, reason: DiskFiles.reason(errno)) }
        if info.st_mode & 0o077 != 0 {
            if created, info.st_uid == geteuid() {
                _ = chmod(path, 0o700)
            } else {
                throw TranscriptWriteError(path: path, reason: "other people on this machine can open this folder, so sessions (health information) are not saved there; use a private folder (chmod 700), or name a new one and intake creates it private")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw TranscriptWriteError(path: path, reason: "cannot write there: \(DiskFiles.reason(errno))")
        }
    }

    func create(_ name: String, in folder: String) throws(TranscriptWriteError) -> TranscriptOutput {
        try TranscriptFile(newNamed: name, in: folder)
    }

    func reopen(_ path: String, document: TranscriptDocument, size: Int) throws(TranscriptWriteError) -> TranscriptOutput {
        try TranscriptFile(continuing: path, document: document, size: size)
    }
}
