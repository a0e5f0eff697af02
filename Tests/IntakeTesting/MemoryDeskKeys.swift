import IntakeKit
import Synchronization

/// Desk keys in memory, for in-process tests: the private key files by path,
/// and random bytes that are the same on every run (a counter from `seed`),
/// so a signed session made in a test is the same bytes each time. Stores
/// with different seeds make different keys: two desks.
///
/// File modes and the disk's refusals are the executable's, tested through
/// the binary.
public final class MemoryDeskKeys: DeskKeyStore, @unchecked Sendable {
    private let files = Mutex<[String: [UInt8]]>([:])
    private let draws: Mutex<UInt8>

    public init(seed: UInt8 = 1) {
        draws = Mutex(seed &- 1)
    }

    /// What was written, by path (private and public key files alike).
    public var written: [String: [UInt8]] { files.withLock { $0 } }

    /// Puts `bytes` at `path`, as if a key file were there.
    public func place(_ bytes: [UInt8], at path: String) {
        files.withLock { $0[path] = bytes }
    }

    public func readPrivateKey(at path: String) throws(UserFacingError) -> [UInt8]? {
        files.withLock { $0[path] }
    }

    public func writePrivateKey(_ bytes: [UInt8], to path: String, replacing: Bool) throws(UserFacingError) {
        let written = files.withLock { files -> Bool in
            guard replacing || files[path] == nil else { return false }
            files[path] = bytes
            return true
        }
        guard written else { throw UserFacingError("\(path): a desk key is already there; to replace it, add --force") }
    }

    public func writePublicKey(_ bytes: [UInt8], to path: String) throws(UserFacingError) {
        let written = files.withLock { files -> Bool in
            guard files[path] == nil else { return false }
            files[path] = bytes
            return true
        }
        guard written else { throw UserFacingError("\(path): already exists: choose another name, or remove it first") }
    }

    /// The same bytes on every run: the n-th call gives `count` bytes, each
    /// `seed` + n - 1.
    public func randomBytes(_ count: Int) -> [UInt8] {
        let draw = draws.withLock { value -> UInt8 in
            value &+= 1
            return value
        }
        return [UInt8](repeating: draw, count: count)
    }
}

extension InProcessIntake {
    /// `intake keys`. An exported public key file is also put where the
    /// other commands read files, as it would be on a disk.
    public func keys(_ action: DeskKeys.Action) -> Result {
        let result = command { try DeskKeys.run(DeskKeys.Options(action), ports: $0) }
        if case .export(let path) = action, result.status == 0, let bytes = deskKeys.written[path] {
            files.place(bytes, at: path)
        }
        return result
    }
}
