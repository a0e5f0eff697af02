#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import IntakeKit
import SystemPackage

/// The files on disk, for the application (`FileSystem`): reading with size
/// limits, listing folders, writing private files, and one-line errors.
struct DiskFiles: FileSystem {
    func read(_ path: String, limit: Int) throws(UserFacingError) -> [UInt8] {
        // Non-blocking: opening a FIFO that has no writer would otherwise wait
        // for one for ever; such a FIFO has nothing to read and is refused below.
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .nonBlocking])
        } catch {
            throw UserFacingError("\(path): \(Self.reason(error)): check the name and the folder")
        }
        defer { try? descriptor.close() }
        var info = stat()
        guard fstat(descriptor.rawValue, &info) == 0 else {
            throw UserFacingError("\(path): \(Self.reason(errno))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw UserFacingError("\(path): is a folder, not a file")
        }
        if Int(info.st_size) > limit {
            throw UserFacingError("\(path): the file is \(FileLimits.megabytes(Int(info.st_size))), more than the \(limit >> 20) MB limit")
        }
        // Blocking reads again, so a pipe with a writer (`--answers <(...)`) is read to its end.
        _ = fcntl(descriptor.rawValue, F_SETFL, fcntl(descriptor.rawValue, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
            } catch {
                throw UserFacingError("\(path): \(Self.reason(error))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit {
                throw UserFacingError("\(path): the file is larger than the \(limit >> 20) MB limit")
            }
        }
        if bytes.isEmpty, (info.st_mode & S_IFMT) == S_IFIFO {
            throw UserFacingError("\(path): a pipe with nothing written to it: start what writes to it first, or pass a file")
        }
        return bytes
    }

    func entry(at path: String) throws(UserFacingError) -> FileEntry {
        var info = stat()
        guard stat(path, &info) == 0 else { throw UserFacingError("\(path): \(Self.reason(errno))") }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
    }

    func forEachName(in folder: String, _ body: (String) -> Void) throws(UserFacingError) {
        guard let directory = opendir(folder) else {
            throw UserFacingError("\(folder): cannot read the folder: \(Self.reason(errno))")
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            body(name)
        }
    }

    func writePrivately(_ bytes: [UInt8], to path: String) throws(UserFacingError) {
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .truncate, .closeOnExec, .noFollow], permissions: [.ownerReadWrite])
            defer { try? descriptor.close() }
            // A file that was there already becomes private too; a device
            // (--output /dev/stdout) is left as it is.
            var info = stat()
            if fstat(descriptor.rawValue, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { fchmod(descriptor.rawValue, 0o600) }
            try descriptor.writeAll(bytes)
        } catch {
            throw UserFacingError("\(path): cannot write the report: \(Self.reason(error))")
        }
    }

    func appendPrivately(_ bytes: [UInt8], to path: String) throws(UserFacingError) {
        do {
            let descriptor = try FileDescriptor.open(
                FilePath(path), .writeOnly, options: [.create, .append, .closeOnExec, .noFollow], permissions: [.ownerReadWrite])
            defer { try? descriptor.close() }
            try descriptor.writeAll(bytes)
        } catch {
            throw UserFacingError("\(path): cannot write the export: \(Self.reason(error))")
        }
    }

    func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - Reasons in words

    static func reason(_ error: any Error) -> String {
        if let errno = error as? Errno { return reason(errno.rawValue) }
        return "\(error)"
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder, not a file"
        case ENOSPC: "the disk is full"
        case EROFS: "the disk is read-only"
        case EDQUOT: "the disk quota is used up"
        case EEXIST: "already exists"
        case ELOOP: "is a symbolic link, which intake does not follow here"
        default: String(cString: strerror(code))
        }
    }
}
