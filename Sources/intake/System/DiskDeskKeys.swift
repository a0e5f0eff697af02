#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit
import SystemPackage

/// The desk's private key on disk (`DeskKeyStore`): a file only its owner
/// can read, in a folder only its owner can open, written whole or not at
/// all; and the system's random source for new keys.
final class DiskDeskKeys: DeskKeyStore {
    /// A key file is a few hundred bytes.
    private static let maxBytes = 4096

    func readPrivateKey(at path: String) throws(UserFacingError) -> [UInt8]? {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .noFollow, .nonBlocking])
        } catch let error as Errno where error == .noSuchFileOrDirectory || error == .notDirectory {
            return nil
        } catch let error as Errno where error == .permissionDenied && access(Self.folder(of: path), X_OK) != 0 {
            // A HOME this user cannot open (another user's, kept by sudo)
            // holds no key of theirs; an unreadable key in their own folder
            // is an error below, never a quietly unsigned session.
            return nil
        } catch {
            throw UserFacingError("\(path): cannot read the desk key: \(DiskFiles.reason(error))")
        }
        defer { try? descriptor.close() }
        var info = stat()
        guard fstat(descriptor.rawValue, &info) == 0 else { throw UserFacingError("\(path): \(DiskFiles.reason(errno))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw UserFacingError("\(path): the desk key must be a regular file")
        }
        // Anyone who can read the key can sign sessions as this desk.
        guard info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else {
            throw UserFacingError("\(path): other people on this machine can read or change the desk key, so anyone could sign as this desk: make a new key with: intake keys init --desk NAME --force")
        }
        guard Int(info.st_size) <= Self.maxBytes else {
            throw UserFacingError("\(path): too large for a desk key (\(info.st_size) bytes): make a new key with: intake keys init --desk NAME --force")
        }
        var bytes = [UInt8](repeating: 0, count: Self.maxBytes + 1)
        var count = 0
        while count < bytes.count {
            let read: Int
            do {
                read = try bytes.withUnsafeMutableBytes { buffer in
                    try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]), retryOnInterrupt: true)
                }
            } catch {
                throw UserFacingError("\(path): cannot read the desk key: \(DiskFiles.reason(error))")
            }
            if read == 0 { break }
            count += read
        }
        return Array(bytes.prefix(count))
    }

    func writePrivateKey(_ bytes: [UInt8], to path: String, replacing: Bool) throws(UserFacingError) {
        let folder = Self.folder(of: path)
        try makePrivateFolder(folder)
        // Written beside it, made durable, then put in place in one step, so
        // a crash leaves the old key or the new one, never half of either.
        let temporary = path + ".new"
        _ = unlink(temporary)
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(temporary), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec, .noFollow], permissions: [.ownerReadWrite])
            defer { try? descriptor.close() }
            fchmod(descriptor.rawValue, 0o600)
            try descriptor.writeAll(bytes)
            guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
        } catch {
            _ = unlink(temporary)
            throw UserFacingError("\(path): cannot write the desk key: \(DiskFiles.reason(error))")
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let reason = DiskFiles.reason(errno)
                _ = unlink(temporary)
                throw UserFacingError("\(path): cannot replace the desk key: \(reason)")
            }
        } else {
            // link() refuses an existing name, where rename() would replace it.
            let linked = link(temporary, path) == 0
            let code = errno
            _ = unlink(temporary)
            guard linked else {
                throw UserFacingError(code == EEXIST
                    ? "\(path): a desk key is already there; to replace it, add --force"
                    : "\(path): cannot write the desk key: \(DiskFiles.reason(code))")
            }
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    func writePublicKey(_ bytes: [UInt8], to path: String) throws(UserFacingError) {
        do {
            // 0644 before the umask: a public key is meant to be copied.
            let descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec, .noFollow],
                permissions: [.ownerReadWrite, .groupRead, .otherRead])
            defer { try? descriptor.close() }
            try descriptor.writeAll(bytes)
        } catch let error as Errno where error == .fileExists {
            throw UserFacingError("\(path): already exists: choose another name, or remove it first")
        } catch {
            throw UserFacingError("\(path): cannot write the public key file: \(DiskFiles.reason(error))")
        }
    }

    func randomBytes(_ count: Int) -> [UInt8] {
        // getrandom(2), the kernel's cryptographically secure source.
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Creates `folder` and the folders above it that are missing, 0700;
    /// refuses an existing `folder` that other people can open, without
    /// changing it (as for transcripts: it may be shared on purpose).
    private func makePrivateFolder(_ folder: String) throws(UserFacingError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") where !part.isEmpty {
            current += "/" + part
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw UserFacingError("\(current): cannot create the folder for the desk key: \(DiskFiles.reason(errno))")
            }
        }
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw UserFacingError("\(folder): is not a folder, so the desk key cannot be kept there")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw UserFacingError("\(folder): other people on this machine can open this folder, so the desk key is not kept there: make it private with: chmod 700 \(Invocation.shellQuoted(folder))")
        }
    }

    private static func folder(of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let folder = parts.joined(separator: "/")
        return folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder
    }
}
