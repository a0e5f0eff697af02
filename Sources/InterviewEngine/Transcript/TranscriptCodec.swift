import Crypto
import QuestionnaireModel
import TerminalText

/// SHA-256 as lower-case hex, for file identities and the hash chain.
public enum SHA256Hex {
    public static func of(_ bytes: some Collection<UInt8>) -> String {
        let digest: SHA256.Digest
        if let contiguous = bytes as? [UInt8] {
            digest = SHA256.hash(data: contiguous)
        } else {
            digest = SHA256.hash(data: Array(bytes))
        }
        return hex(digest)
    }

    public static func of(_ buffer: UnsafeRawBufferPointer) -> String {
        hex(SHA256.hash(data: buffer))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        // Over the digest's bytes in place: iterating the digest as a
        // sequence cost several times more.
        digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { text in
                for (index, byte) in raw.enumerated() {
                    text[2 * index] = digits[Int(byte >> 4)]
                    text[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return raw.count * 2
            }
        }
    }
}

/// Writes events as transcript lines, each carrying the SHA-256 of the line
/// before it, so a changed, inserted or removed line breaks the chain.
public struct TranscriptEncoder: Sendable {
    /// The hash of the last line written, which the next line carries.
    public private(set) var previousHash: String?

    /// An encoder for a new transcript, or one continuing after a line with `hash`.
    public init(continuingAfter hash: String? = nil) {
        self.previousHash = hash
    }

    /// The line for `event` at `milliseconds` after the start, without the newline.
    public mutating func line(for event: TranscriptEvent, milliseconds: Int64) -> String {
        let bytes = TranscriptCodec.json(for: event, milliseconds: milliseconds, previous: previousHash).serializedBytes()
        previousHash = SHA256Hex.of(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A transcript line that cannot be read as an event.
public struct TranscriptFormatError: Error, Sendable, Equatable {
    public var message: String
}

/// The JSON form of each event.
public enum TranscriptCodec {
    static func json(for event: TranscriptEvent, milliseconds: Int64, previous: String?) -> JSONValue {
        var object = JSONObject()
        object.set("type", .string(event.type))
        object.set("ms", .number(Int(milliseconds)))
        switch event {
        case .header(let header):
            object.set("format", .number(header.format))
            object.set("tool", .string(header.tool))
            object.set("session", .string(header.session))
            object.set("started", .string(header.started))
            object.set("mode", .string(header.mode.rawValue))
            if header.language != .english { object.set("language", .string(header.language.rawValue)) }
            if let client = header.client { object.set("client", .string(client)) }
            object.set("questionnaire", identity(header.questionnaire))
            object.set("rules", header.rules.map(identity) ?? .null)
            object.set("medications", header.medications.map(identity) ?? .null)
            if !header.localWords.isEmpty { object.set("localWords", .array(header.localWords.map(identity))) }
            if header.format >= TranscriptHeader.keepingAnswersFormat {
                object.set("checks", .array(header.checks.names.map(JSONValue.string)))
            }
        case .asked(let node):
            object.set("node", .string(node))
        case .answered(let node, let raw, let value):
            object.set("node", .string(node))
            object.set("raw", .string(raw))
            object.set("value", value)
        case .rejected(let node, let raw, let reason):
            object.set("node", .string(node))
            object.set("raw", .string(raw))
            object.set("reason", .string(reason))
        case .back(let from, let to):
            object.set("from", .string(from))
            object.set("to", .string(to))
        case .skipped(let node, let raw):
            object.set("node", .string(node))
            if let raw { object.set("raw", .string(raw)) }
        case .paused(let reason):
            object.set("reason", .string(reason))
        case .resumed(let tool, let at):
            object.set("tool", .string(tool))
            object.set("at", .string(at))
        case .completed(let urgent, let assessment):
            object.set("urgent", .bool(urgent))
            object.set("assessment", assessment ?? .null)
        case .sealed(let signature):
            if let signature {
                object.set("keyID", .string(signature.keyID))
                object.set("signature", .string(Base64.encode(signature.bytes)))
            }
        }
        if let previous { object.set("prev", .string(previous)) }
        return .object(object)
    }

    private static func identity(_ file: FileIdentity) -> JSONValue {
        var object = JSONObject()
        if let id = file.id { object.set("id", .string(id)) }
        if let version = file.version { object.set("version", .string(version)) }
        object.set("sha256", .string(file.sha256))
        return .object(object)
    }

    /// Reads one line's JSON back into an event, its time offset and the hash it carries.
    public static func event(from json: JSONValue) throws(TranscriptFormatError) -> (event: TranscriptEvent, milliseconds: Int64, previous: String?) {
        guard let object = json.objectValue else { throw TranscriptFormatError(message: "a line must be a JSON object") }
        let fields = Fields(object: object)
        let type = try fields.string("type")
        let milliseconds = try fields.integer("ms")
        guard milliseconds >= 0 else { throw TranscriptFormatError(message: "'ms' must not be negative") }
        let previous = try fields.optionalString("prev")
        if let previous, previous.utf8.count != 64 || !previous.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            throw TranscriptFormatError(message: "'prev' must be a SHA-256 in lower-case hex")
        }
        let event: TranscriptEvent
        switch type {
        case "header":
            let started = try fields.string("started")
            guard let startedMilliseconds = Timestamp.milliseconds(iso8601: started) else {
                throw TranscriptFormatError(message: "'started' must be a UTC time such as 2026-11-26T19:55:13.123Z")
            }
            guard let mode = Audience(rawValue: try fields.string("mode")) else {
                throw TranscriptFormatError(message: "'mode' must be self or reception")
            }
            var header = TranscriptHeader(
                format: Int(try fields.integer("format")), tool: try fields.string("tool"), session: try fields.string("session"),
                startedMilliseconds: startedMilliseconds, mode: mode, client: try fields.optionalString("client"),
                questionnaire: try identity(fields.value("questionnaire"), "questionnaire"),
                rules: try optionalIdentity(object["rules"], "rules"),
                medications: try optionalIdentity(object["medications"], "medications"))
            header.started = started
            header.checks = try checks(object["checks"])
            if let words = object["localWords"] {
                guard let list = words.arrayValue else { throw TranscriptFormatError(message: "'localWords' must be a list of files") }
                for file in list {
                    let identity = try identity(file, "localWords")
                    guard identity.id != nil else { throw TranscriptFormatError(message: "each of 'localWords' must name its file in \"id\"") }
                    header.localWords.append(identity)
                }
            }
            if let language = try fields.optionalString("language") {
                guard (2...8).contains(language.utf8.count), language.utf8.allSatisfy({ (97...122).contains($0) }) else {
                    throw TranscriptFormatError(message: "'language' must be a language tag such as ko")
                }
                header.language = Language(rawValue: language)
            }
            try check(header)
            event = .header(header)
        case "asked":
            event = .asked(node: try fields.string("node"))
        case "answered":
            event = .answered(node: try fields.string("node"), raw: try fields.string("raw"), value: try fields.value("value"))
        case "rejected":
            event = .rejected(node: try fields.string("node"), raw: try fields.string("raw"), reason: try fields.string("reason"))
        case "back":
            event = .back(from: try fields.string("from"), to: try fields.string("to"))
        case "skipped":
            event = .skipped(node: try fields.string("node"), raw: try fields.optionalString("raw"))
        case "paused":
            event = .paused(reason: try fields.string("reason"))
        case "resumed":
            event = .resumed(tool: try fields.string("tool"), at: try fields.string("at"))
        case "completed":
            guard let urgent = object["urgent"]?.boolValue else { throw TranscriptFormatError(message: "'urgent' must be true or false") }
            let assessment = object["assessment"]
            event = .completed(urgent: urgent, assessment: assessment?.isNull == false ? assessment : nil)
        case "sealed":
            guard object.members.allSatisfy({ ["type", "ms", "prev", "keyID", "signature"].contains($0.key) }) else {
                throw TranscriptFormatError(message: "a 'sealed' line holds only 'type', 'ms', 'prev', and a desk's 'keyID' and 'signature'")
            }
            event = .sealed(try sealSignature(fields))
        default:
            throw TranscriptFormatError(message: "unknown event type \(TextInput.quoted(Printable.escaped(type)))")
        }
        return (event, milliseconds, previous)
    }

    /// A seal's signature: both fields or neither, each exactly as intake writes it.
    private static func sealSignature(_ fields: Fields) throws(TranscriptFormatError) -> SealSignature? {
        let keyID = try fields.optionalString("keyID")
        let signature = try fields.optionalString("signature")
        guard keyID != nil || signature != nil else { return nil }
        guard let keyID, SealSignature.isKeyID(keyID) else {
            throw TranscriptFormatError(message: "a signed seal's 'keyID' must be the 16 hex digits of a desk key's id")
        }
        guard let signature, let bytes = Base64.decode(signature), bytes.count == 64 else {
            throw TranscriptFormatError(message: "a signed seal's 'signature' must be 64 bytes in Base64")
        }
        return SealSignature(keyID: keyID, bytes: bytes)
    }

    /// Header fields are shown and used as file names' neighbours: they must
    /// be what intake writes, not arbitrary text.
    private static func check(_ header: TranscriptHeader) throws(TranscriptFormatError) {
        guard (1...64).contains(header.session.utf8.count), header.session.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw TranscriptFormatError(message: "'session' must be the random id intake writes (hex digits)")
        }
        guard let id = header.questionnaire.id, Option.isValidIdentifier(id) else {
            throw TranscriptFormatError(message: "'questionnaire' must hold the questionnaire's id")
        }
        for (name, text) in [("tool", header.tool), ("client", header.client ?? ""), ("version", header.questionnaire.version ?? "")] {
            if text.count > 200 || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
                throw TranscriptFormatError(message: "'\(name)' holds control characters or is too long")
            }
        }
    }

    /// The header's `checks`: absent (format 1 and 2) is none.
    private static func checks(_ value: JSONValue?) throws(TranscriptFormatError) -> Interview.Checks {
        guard let value, !value.isNull else { return [] }
        let names = value.arrayValue?.compactMap(\.stringValue)
        guard let names, names.count == value.arrayValue?.count else {
            throw TranscriptFormatError(message: "'checks' must be a list of names, such as [\"urgent-stops\"]")
        }
        guard let checks = Interview.Checks(names: names) else {
            let unknown = names.first { Interview.Checks(names: [$0]) == nil } ?? ""
            throw TranscriptFormatError(message: "'checks' names \(TextInput.quoted(Printable.escaped(unknown))), which this intake does not know; update intake to read it")
        }
        return checks
    }

    private static func identity(_ value: JSONValue, _ name: String) throws(TranscriptFormatError) -> FileIdentity {
        guard let object = value.objectValue, let sha = object["sha256"]?.stringValue, sha.utf8.count == 64 else {
            throw TranscriptFormatError(message: "'\(name)' must hold a \"sha256\"")
        }
        return FileIdentity(id: object["id"]?.stringValue, version: object["version"]?.stringValue, sha256: sha)
    }

    private static func optionalIdentity(_ value: JSONValue?, _ name: String) throws(TranscriptFormatError) -> FileIdentity? {
        guard let value, !value.isNull else { return nil }
        return try identity(value, name)
    }

    private struct Fields {
        let object: JSONObject

        func value(_ key: String) throws(TranscriptFormatError) -> JSONValue {
            guard let value = object[key] else { throw TranscriptFormatError(message: "'\(key)' is missing") }
            return value
        }

        func string(_ key: String) throws(TranscriptFormatError) -> String {
            guard let text = try value(key).stringValue else { throw TranscriptFormatError(message: "'\(key)' must be a string") }
            return text
        }

        func optionalString(_ key: String) throws(TranscriptFormatError) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let text = value.stringValue else { throw TranscriptFormatError(message: "'\(key)' must be a string") }
            return text
        }

        func integer(_ key: String) throws(TranscriptFormatError) -> Int64 {
            guard let number = try value(key).numberValue?.integer else { throw TranscriptFormatError(message: "'\(key)' must be a whole number") }
            return Int64(number)
        }
    }
}
