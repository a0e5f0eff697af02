import Crypto
import QuestionnaireModel
import TerminalText

/// Why a desk key, a key file or a desk name cannot be used, in words for
/// the person (the caller adds the file).
public struct DeskKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The name a desk is given at `intake keys init`: replay says a session was
/// signed by it, so it must be short, printable text.
public enum DeskName {
    /// The longest name, in characters.
    public static let maxCharacters = 60

    /// `name` without the spaces around it, or why it cannot name a desk.
    public static func check(_ name: String) throws(DeskKeyError) -> String {
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else { throw DeskKeyError("a desk needs a name, such as \"Front desk 1\"") }
        guard trimmed.count <= maxCharacters else {
            throw DeskKeyError("a desk name has at most \(maxCharacters) characters; this one has \(trimmed.count)")
        }
        if trimmed.unicodeScalars.contains(where: { Printable.isUnsafe($0) || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            throw DeskKeyError("a desk name cannot hold control or text-direction characters")
        }
        return trimmed
    }
}

/// The signature on a seal: which desk key signed it (its key id), and the
/// Ed25519 signature of `message(keyID:sealedHash:)`.
public struct SealSignature: Sendable, Equatable {
    /// The signing key's id (`DeskPublicKey.keyID`): 16 lower-case hex digits.
    public var keyID: String
    /// 64 bytes.
    public var bytes: [UInt8]

    public init(keyID: String, bytes: [UInt8]) {
        self.keyID = keyID
        self.bytes = bytes
    }

    /// What a desk signs to seal the line whose SHA-256 is `sealedHash`: a
    /// fixed prefix (so a desk key's signature means this and nothing
    /// else), the key id (so it cannot be passed off as another key's), and
    /// the hash, which by the chain covers every line up to the sealed one.
    public static func message(keyID: String, sealedHash: String) -> [UInt8] {
        Array("intake-seal-v1:\(keyID):\(sealedHash)".utf8)
    }

    /// Whether `text` is a key id as intake writes it.
    public static func isKeyID(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}

/// A desk's public key: what a supervisor trusts, to check the seals a
/// desk signed. Handed out as a public key file (`intake keys export`).
public struct DeskPublicKey: Sendable, Equatable {
    /// The desk's name, as given when the key was made.
    public let desk: String
    /// The first 8 bytes of the SHA-256 of the raw key, in hex: names the
    /// key in transcripts; signatures are always checked with the whole key.
    public let keyID: String
    /// The 32 bytes of the Ed25519 public key.
    public let rawRepresentation: [UInt8]

    private var key: Curve25519.Signing.PublicKey? {
        try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
    }

    init(desk: String, rawRepresentation: [UInt8]) {
        self.desk = desk
        self.rawRepresentation = rawRepresentation
        keyID = Self.keyID(of: rawRepresentation)
    }

    /// The key id of the raw public key `raw`.
    public static func keyID(of raw: [UInt8]) -> String {
        String(SHA256Hex.of(raw).prefix(16))
    }

    /// The key in Base64, as printed and as in the key files.
    public var base64: String { Base64.encode(rawRepresentation) }

    /// Whether `signature` is this key's signature of the seal of the line
    /// whose SHA-256 is `sealedHash`.
    public func isValid(_ signature: SealSignature, sealing sealedHash: String) -> Bool {
        guard signature.keyID == keyID, let key else { return false }
        return key.isValidSignature(signature.bytes, for: SealSignature.message(keyID: keyID, sealedHash: sealedHash))
    }

    // MARK: - The public key file

    /// The `intake` field of a public key file.
    public static let fileKind = "intake desk public key"

    /// The public key file: JSON naming the desk, the key and its id (see
    /// Transcripts/README.md).
    public var fileBytes: [UInt8] {
        var object = JSONObject()
        object.set("intake", .string(Self.fileKind))
        object.set("version", .number(1))
        object.set("desk", .string(desk))
        object.set("algorithm", .string(KeyFile.algorithm))
        object.set("keyID", .string(keyID))
        object.set("publicKey", .string(base64))
        return Array((JSONValue.object(object).prettyPrinted() + "\n").utf8)
    }

    /// Reads a public key file.
    public init(file bytes: [UInt8]) throws(DeskKeyError) {
        let file = try KeyFile(bytes, kind: Self.fileKind, keyField: "publicKey")
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: file.key)) != nil else {
            throw DeskKeyError("'publicKey' is not an Ed25519 public key")
        }
        self.init(desk: file.desk, rawRepresentation: file.key)
        guard keyID == file.keyID else {
            throw DeskKeyError("'keyID' does not belong to 'publicKey': the file was changed by hand; export it again with: intake keys export FILE")
        }
    }
}

/// A desk's private key, kept in the per-user config folder: it signs the
/// seal of every session recorded at the desk. Never written anywhere but
/// its own file.
public struct DeskSigningKey: Sendable {
    public let publicKey: DeskPublicKey
    private let key: Curve25519.Signing.PrivateKey

    /// The desk's name.
    public var desk: String { publicKey.desk }
    /// The key's id, as written in the seals it signs.
    public var keyID: String { publicKey.keyID }

    /// The key made from 32 random bytes, which the caller gives: the
    /// engine has no randomness of its own (and tests give fixed bytes).
    public init(desk: String, seed: [UInt8]) throws(DeskKeyError) {
        let name = try DeskName.check(desk)
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw DeskKeyError("a desk key is made from 32 random bytes")
        }
        self.key = key
        publicKey = DeskPublicKey(desk: name, rawRepresentation: Array(key.publicKey.rawRepresentation))
    }

    /// The signature that seals the line whose SHA-256 is `sealedHash`.
    public func signature(sealing sealedHash: String) throws(DeskKeyError) -> SealSignature {
        do {
            let bytes = try key.signature(for: SealSignature.message(keyID: keyID, sealedHash: sealedHash))
            return SealSignature(keyID: keyID, bytes: Array(bytes))
        } catch {
            throw DeskKeyError("the seal could not be signed (\(error))")
        }
    }

    // MARK: - The private key file

    /// The `intake` field of a private key file.
    public static let fileKind = "intake desk private key"

    /// The private key file: the public key file's fields with the private
    /// key (its 32-byte seed) in place of the public one.
    public var fileBytes: [UInt8] {
        var object = JSONObject()
        object.set("intake", .string(Self.fileKind))
        object.set("version", .number(1))
        object.set("desk", .string(desk))
        object.set("algorithm", .string(KeyFile.algorithm))
        object.set("keyID", .string(keyID))
        object.set("privateKey", .string(Base64.encode(Array(key.rawRepresentation))))
        return Array((JSONValue.object(object).prettyPrinted() + "\n").utf8)
    }

    /// Reads a private key file.
    public init(file bytes: [UInt8]) throws(DeskKeyError) {
        let file = try KeyFile(bytes, kind: Self.fileKind, keyField: "privateKey")
        try self.init(desk: file.desk, seed: file.key)
        guard keyID == file.keyID else {
            throw DeskKeyError("'keyID' does not belong to 'privateKey': the file was changed by hand; make a new key with: intake keys init --force")
        }
    }
}

/// The fields both key files share, read strictly: a key file that is not
/// exactly what intake writes is refused, never guessed at.
struct KeyFile {
    static let algorithm = "Ed25519"
    /// Key files are a few hundred bytes.
    static let maxBytes = 4096

    var desk: String
    var keyID: String
    var key: [UInt8]

    init(_ bytes: [UInt8], kind: String, keyField: String) throws(DeskKeyError) {
        guard bytes.count <= Self.maxBytes else { throw DeskKeyError("not a key file: it is larger than \(Self.maxBytes) bytes") }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 4, maxBytes: Self.maxBytes))
        } catch {
            throw DeskKeyError("not a key file: \(error.message)")
        }
        guard let object = json.objectValue, object["intake"]?.stringValue == kind else {
            throw DeskKeyError("not an \(kind) file (its \"intake\" field must say \"\(kind)\")")
        }
        guard object["version"]?.numberValue?.integer == 1 else {
            throw DeskKeyError("a key file of another version: update intake to read it")
        }
        guard object["algorithm"]?.stringValue == Self.algorithm else {
            throw DeskKeyError("'algorithm' must be \"\(Self.algorithm)\"")
        }
        let known = ["intake", "version", "desk", "algorithm", "keyID", keyField]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw DeskKeyError("unknown field \(TextInput.quoted(Printable.escaped(unknown))): a key file holds only \(known.joined(separator: ", "))")
        }
        guard let desk = object["desk"]?.stringValue else { throw DeskKeyError("'desk' must be the desk's name") }
        self.desk = try DeskName.check(desk)
        guard let keyID = object["keyID"]?.stringValue, SealSignature.isKeyID(keyID) else {
            throw DeskKeyError("'keyID' must be 16 lower-case hex digits")
        }
        self.keyID = keyID
        guard let text = object[keyField]?.stringValue, let key = Base64.decode(text), key.count == 32 else {
            throw DeskKeyError("'\(keyField)' must be 32 bytes in Base64")
        }
        self.key = key
    }
}
