import InterviewEngine
import TerminalText

/// `intake keys`: the desk's signing key. `init` makes it (kept in the
/// per-user config folder, readable by its owner only), `show` prints its
/// public half, `export` writes the public key file a supervisor trusts.
/// Once a desk key exists, every session recorded by this user is signed
/// at each seal (see `TranscriptRecorder`).
public enum DeskKeys {
    public enum Action: Sendable, Equatable {
        /// Makes the desk key of the desk named `desk`; `replacing` an existing one only when asked.
        case create(desk: String, replacing: Bool)
        /// Prints the desk, the key id and the public key.
        case show
        /// Writes the public key file to `path`.
        case export(path: String)
    }

    public struct Options: Sendable {
        public var action: Action

        public init(_ action: Action) {
            self.action = action
        }
    }

    /// The name of the private key file in intake's config folder.
    public static let fileName = "desk-key.json"

    /// The desk key's file: in `$XDG_CONFIG_HOME/intake/`, else in
    /// `$HOME/.config/intake/`; nil when neither is set (an XDG folder that
    /// is not a full path is ignored, as the XDG spec says).
    public static func privateKeyPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return joined(config, "intake", fileName)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return joined(home, ".config", "intake", fileName)
        }
        return nil
    }

    /// This user's desk key, or nil when there is none: read once when a
    /// session run starts, so every seal it writes is signed without
    /// touching the disk again.
    public static func load(ports: Ports) throws -> DeskSigningKey? {
        guard let store = ports.deskKeys, let path = privateKeyPath(environment: ports.environment),
              let bytes = try store.readPrivateKey(at: path)
        else { return nil }
        do {
            return try DeskSigningKey(file: bytes)
        } catch {
            throw UserFacingError("\(path): \(error.message): sessions cannot be signed with it; make a new desk key with: intake keys init --desk NAME --force")
        }
    }

    /// Runs `intake keys init|show|export`.
    public static func run(_ options: Options, ports: Ports) throws {
        let console = Console(screen: ports.screen, plain: false, environment: ports.environment)
        guard let store = ports.deskKeys else { throw UserFacingError("this intake keeps no desk keys") }
        guard let path = privateKeyPath(environment: ports.environment) else {
            throw UserFacingError("neither HOME nor XDG_CONFIG_HOME is set, so there is no config folder for the desk key: set HOME and try again")
        }
        switch options.action {
        case .create(let desk, let replacing):
            let name: String
            do {
                name = try DeskName.check(desk)
            } catch {
                throw UserFacingError("--desk: \(error.message)")
            }
            if !replacing, let existing = try? load(ports: ports) {
                throw UserFacingError("\(path): this user already has the key of desk \(quoted(existing.desk)) (key id \(existing.keyID)); sessions it signed are checked with that key, so it is kept: to replace it anyway, add --force")
            }
            let key: DeskSigningKey
            do {
                key = try DeskSigningKey(desk: name, seed: store.randomBytes(32))
            } catch {
                throw UserFacingError("the desk key could not be made: \(error.message)")
            }
            try store.writePrivateKey(key.fileBytes, to: path, replacing: replacing)
            console.line("Made the key of desk \(quoted(key.desk)), kept in \(path) (readable by you only).")
            console.line("Every session you record from now on is signed by it.")
            show(key.publicKey, on: console)
            console.line()
            console.line("Give a supervisor its public key file, to check signed sessions with: intake keys export FILE")
        case .show:
            let key = try existingKey(ports: ports, path: path)
            console.line("The key of desk \(quoted(key.desk)), kept in \(path).")
            show(key.publicKey, on: console)
        case .export(let file):
            let key = try existingKey(ports: ports, path: path)
            try store.writePublicKey(key.publicKey.fileBytes, to: file)
            console.line("Wrote the public key of desk \(quoted(key.desk)) (key id \(key.keyID)) to \(file).")
            console.line("A supervisor keeps it in the folder given to: intake replay --check --trusted-keys DIR")
        }
    }

    private static func existingKey(ports: Ports, path: String) throws -> DeskSigningKey {
        guard let key = try load(ports: ports) else {
            throw UserFacingError("\(path): there is no desk key yet: make one with: intake keys init --desk NAME")
        }
        return key
    }

    private static func show(_ key: DeskPublicKey, on console: Console) {
        console.line("  desk        \(key.desk)")
        console.line("  key id      \(key.keyID)")
        console.line("  public key  \(key.base64)")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + Printable.escaped(text, limit: 200) + "\""
    }

    private static func joined(_ parts: String...) -> String {
        parts.dropFirst().reduce(parts[0]) { path, part in path.hasSuffix("/") ? path + part : path + "/" + part }
    }
}
