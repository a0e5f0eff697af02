import TerminalText

/// The desks' public keys a supervisor trusts (`replay --trusted-keys DIR`), by key id.
public struct TrustedDeskKeys: Sendable {
    private var keys: [String: DeskPublicKey] = [:]

    public init() {}

    /// Adds `key`; refuses a different key with the same id (the same key
    /// twice is one key).
    public mutating func add(_ key: DeskPublicKey) throws(DeskKeyError) {
        if let known = keys[key.keyID], known != key {
            throw DeskKeyError("has the key id \(key.keyID), like the key of desk \(TextShown.quoted(known.desk)): keep only one of them")
        }
        keys[key.keyID] = key
    }

    /// The trusted key with id `keyID`.
    public subscript(keyID: String) -> DeskPublicKey? { keys[keyID] }

    /// How many keys are trusted.
    public var count: Int { keys.count }
}

/// What the signed seals of one transcript show: which desks signed it, and
/// whether what they signed is what the file holds now.
///
/// A signature seals the hash of the line before it, which by the hash
/// chain stands for every line from the header to there; each signed seal
/// is checked, and the last line of the file must be a seal signed by a
/// trusted desk for the whole session to count as signed.
public struct SessionSignatures: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Every signature checks out with a trusted key, and the last one
        /// seals the end of the file.
        case signed
        /// Signed, but no trusted keys were given to check the signatures with.
        case notVerified = "not-verified"
        /// No seal is signed, or lines after the last signed seal are not.
        case unsigned
        /// A seal is signed by a key none of the trusted keys is.
        case unknownKey = "unknown-key"
        /// A signature does not match the lines it seals: they were changed
        /// after the desk signed them.
        case altered
    }

    public let status: Status
    /// The desks whose signatures checked out, in the order they first signed.
    public let desks: [String]
    /// The key ids of the signed seals, in the order they first appear.
    public let keyIDs: [String]
    /// What the status rests on, in one sentence naming the lines.
    public let reason: String
    /// Whether trusted keys were given, so signatures could be checked.
    public let verified: Bool

    /// Whether `replay --check` fails on it: with trusted keys given,
    /// anything but a session signed by them (an unsigned session could be
    /// a signed one whose signatures were stripped after an edit).
    public var fails: Bool { verified && status != .signed }

    /// Checks the seals of `document` against `trusted` (nil: none given,
    /// so signatures are listed but not checked).
    public init(_ document: TranscriptDocument, trusted: TrustedDeskKeys?) {
        verified = trusted != nil
        let signed = document.seals.filter { $0.signature != nil }
        var keyIDs: [String] = []
        for seal in signed where !keyIDs.contains(seal.signature?.keyID ?? "") { keyIDs.append(seal.signature?.keyID ?? "") }
        self.keyIDs = keyIDs
        let lastLine = document.entries.last?.line ?? 0

        guard let lastSigned = signed.last else {
            status = .unsigned
            desks = []
            if let header = document.header, header.format < TranscriptHeader.sealedFormat {
                reason = "recorded before session endings were sealed (transcript format 1), so it could not be signed"
            } else if document.seals.isEmpty {
                reason = "nothing in it is sealed (the session was cut off before it paused or ended), so nothing is signed"
            } else {
                reason = "none of its seals is signed: it was recorded at a desk without a desk key (intake keys init), or its signatures were removed"
            }
            return
        }
        guard let trusted else {
            status = .notVerified
            desks = []
            let tail = lastSigned.line < lastLine ? "; lines \(lastSigned.line + 1) to \(lastLine) come after the last signed seal" : ""
            reason = "signed with \(keyIDs.count == 1 ? "key" : "keys") \(Self.list(keyIDs)), not verified: give the desks' public key files with --trusted-keys DIR\(tail)"
            return
        }

        var desks: [String] = []
        var unknown: [TranscriptDocument.Seal] = []
        var altered: String?
        var lastVerified = 0
        for seal in signed {
            guard let signature = seal.signature else { continue }
            guard let key = trusted[signature.keyID] else {
                unknown.append(seal)
                continue
            }
            let desk = TextShown.quoted(key.desk)
            guard key.isValid(signature, sealing: seal.sealedHash) else {
                altered = altered ?? "line \(seal.line): the seal is signed by desk \(desk), but the lines it seals are not the ones the desk signed: a line before it was changed since, and the hashes after it recomputed"
                continue
            }
            // A signature stands for the lines before it only through an intact chain.
            if let broken = document.problems.first(where: { $0.kind != .torn && $0.line <= seal.line }) {
                altered = altered ?? "line \(broken.line): \(broken.message), before the seal desk \(desk) signed at line \(seal.line): the lines it signed were changed since"
                continue
            }
            if !desks.contains(key.desk) { desks.append(key.desk) }
            lastVerified = seal.line
        }
        self.desks = desks
        if let altered {
            status = .altered
            reason = altered
        } else if let seal = unknown.first, let keyID = seal.signature?.keyID {
            status = .unknownKey
            reason = "line \(seal.line): the seal is signed by key \(keyID), which none of the trusted keys is"
        } else if lastVerified < lastLine {
            status = .unsigned
            reason = "signed by \(Self.deskWords(desks)) up to line \(lastVerified); lines \(lastVerified + 1) to \(lastLine) are not signed: the session was resumed at a desk without a key, cut off, or added to after it was signed"
        } else {
            status = .signed
            let lines = signed.map { String($0.line) }
            reason = "signed by \(Self.deskWords(desks)); \(lines.count == 1 ? "the seal at line \(lines[0])" : "the seals at lines \(Self.list(lines))") \(lines.count == 1 ? "checks" : "check") out"
        }
    }

    /// "desk "A"" or "desks "A" and "B"".
    public static func deskWords(_ desks: [String]) -> String {
        (desks.count == 1 ? "desk " : "desks ") + list(desks.map(TextShown.quoted))
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}

/// Desk names in messages: quoted, and escaped although key files refuse
/// control characters, as everything read from a file is.
enum TextShown {
    static func quoted(_ text: String) -> String {
        "\"" + Printable.escaped(text, limit: 200) + "\""
    }
}
