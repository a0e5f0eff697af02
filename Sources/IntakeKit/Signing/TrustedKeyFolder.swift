import InterviewEngine

/// The public keys `replay --trusted-keys` trusts: every public key file
/// (`*.pub`, as `intake keys export` writes) in a folder, or one such file.
public enum TrustedKeyFolder {
    /// What public key files end with.
    public static let fileExtension = ".pub"

    /// The keys of the public key files at `path` (a folder or one file).
    /// A file that is not a public key file stops the check: a supervisor
    /// must know which keys are trusted.
    public static func load(_ path: String, files: FileSystem) throws -> TrustedDeskKeys {
        var paths: [String] = []
        if try files.entry(at: path) == .folder {
            try files.forEachName(in: path) { name in
                guard name.hasSuffix(fileExtension), !name.hasPrefix(".") else { return }
                paths.append(path.hasSuffix("/") ? path + name : path + "/" + name)
            }
            guard !paths.isEmpty else {
                throw UserFacingError("\(path): holds no public key files (*\(fileExtension)): put there the files desks write with: intake keys export FILE\(fileExtension)")
            }
        } else {
            paths = [path]
        }
        var trusted = TrustedDeskKeys()
        for file in paths.sorted() {
            let bytes = try files.read(file, limit: 4096)
            do {
                try trusted.add(try DeskPublicKey(file: bytes))
            } catch {
                throw UserFacingError("\(file): \(error.message)")
            }
        }
        return trusted
    }
}
