import TerminalText

/// One problem found in a file, with where it is and what to do about it.
///
/// Printed as one line: `file:line:column: $.json.path: message`, the form
/// editors and terminals turn into a link.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as the user named it.
    public var file: String
    public var location: LineColumn?
    public var path: JSONPath?
    public var message: String

    public init(_ severity: Severity = .error, file: String, location: LineColumn? = nil, path: JSONPath? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.path = path
        self.message = message
    }

    public var description: String {
        var text = file
        if let location { text += ":\(location)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if let path { text += "\(path): " }
        text += message
        return Printable.escaped(text)
    }
}

/// Thrown when a file has one or more problems; each is one line to print.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a file is read, turning byte offsets into
/// line:column on the way.
public struct DiagnosticLog: Sendable {
    public let file: String
    public let source: SourceText
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String, source: SourceText) {
        self.file = file
        self.source = source
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func error(_ message: String, at value: JSONValue?, path: JSONPath) {
        report(.error, message, offset: value?.offset ?? -1, path: path)
    }

    public mutating func warning(_ message: String, at value: JSONValue?, path: JSONPath) {
        report(.warning, message, offset: value?.offset ?? -1, path: path)
    }

    public mutating func report(_ severity: Diagnostic.Severity, _ message: String, offset: Int, path: JSONPath?) {
        diagnostics.append(Diagnostic(severity, file: file, location: source.location(of: offset), path: path, message: message))
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}

extension DiagnosticLog {
    /// The most problems of this kind reported for one file.
    static let controlCharacterReports = 10

    /// Reports text in the file that holds a character that could change
    /// what a terminal shows (escape sequences, other control characters
    /// except line breaks and tabs, and text-direction overrides): whatever a
    /// questionnaire, rules or medicines file says is printed to the people
    /// who use intake, so such text is refused where it is read.
    public mutating func refuseControlCharacters(in json: JSONValue) {
        // Almost every file is clean, and a raw scan of its bytes says so:
        // inside a JSON string a control character can only be written as a
        // \u escape, or (C1 controls, direction overrides) as their UTF-8.
        guard Self.mightHoldControlCharacters(source.bytes) else { return }
        var reported = 0
        func visit(_ value: JSONValue, _ path: JSONPath) {
            guard reported < Self.controlCharacterReports else { return }
            if let text = value.stringValue {
                if let scalar = Self.firstControlCharacter(in: text) {
                    reported += 1
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    error("the text holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which could change what a terminal shows: remove it",
                          at: value, path: path)
                }
            } else if let list = value.arrayValue {
                for (index, element) in list.enumerated() { visit(element, path.appending(index)) }
            } else if let object = value.objectValue {
                for member in object.members { visit(member.value, path.appending(member.key)) }
            }
        }
        visit(json, .root)
    }

    /// Whether JSON text could hold a control character in a string: a
    /// `\u` escape, or the UTF-8 of a C1 control or a direction override.
    static func mightHoldControlCharacters(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            let end = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            while index < end {
                // Eight bytes at a time while none is a backslash or above
                // ASCII, which is nearly all of a file: each such byte
                // would only move on by one below.
                while index + 8 <= end {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let backslashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
                    let hasBackslash = (backslashes &- 0x0101_0101_0101_0101) & ~backslashes & 0x8080_8080_8080_8080
                    guard word & 0x8080_8080_8080_8080 == 0, hasBackslash == 0 else { break }
                    index += 8
                }
                guard index < end else { break }
                let byte = bytes[index]
                if byte == 0x5C, index + 1 < end, bytes[index + 1] == 0x75 { return true }
                if startsMultibyteControl(bytes, at: index) { return true }
                // An escaped backslash is not the start of an escape.
                index += byte == 0x5C ? 2 : 1
            }
            return false
        }
    }

    /// Whether the UTF-8 at `index` is a C1 control (U+0080 to U+009F) or
    /// a direction override or isolate (U+202A to U+202E, U+2066 to U+2069).
    private static func startsMultibyteControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0xC2:
            return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xE2:
            guard index + 2 < bytes.count else { return false }
            let second = bytes[index + 1], third = bytes[index + 2]
            return second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third)
        default:
            return false
        }
    }

    /// The first character of `text` a terminal could act on, or nil.
    static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
        // Bytes first: almost all text is plain, and is passed in one scan
        // that stops only at the UTF-8 forms of the characters looked for.
        let suspicious = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F { return true }
                if startsMultibyteControl(bytes, at: index) { return true }
                index += 1
            }
            return false
        } ?? true
        guard suspicious else { return nil }
        return text.unicodeScalars.first { scalar in
            let value = scalar.value
            return (value < 0x20 && value != 0x0A && value != 0x09) || value == 0x7F || (0x80..<0xA0).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }
}
