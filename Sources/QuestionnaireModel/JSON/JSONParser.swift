/// A syntax error in JSON text, at a byte offset of the source.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// Bounds that keep parsing of hostile input cheap in time and memory.
public struct JSONLimits: Sendable {
    /// The deepest nesting of lists and objects accepted.
    public var maxDepth: Int
    /// The largest input accepted, in bytes.
    public var maxBytes: Int

    public init(maxDepth: Int = 128, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    public static let `default` = JSONLimits()
}

/// A strict RFC 8259 parser that keeps each value's byte offset.
///
/// Written by hand rather than using Foundation's `JSONSerialization` because
/// intake needs what that parser does not give: the line and column of every
/// value (for errors a questionnaire author can act on), duplicate keys treated
/// as errors, member order kept, and hard limits on depth and size.
public enum JSONParser {
    /// Parses one JSON value that makes up the whole of `bytes`.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        if bytes.count > limits.maxBytes {
            throw JSONSyntaxError(
                offset: 0,
                message: "the file is \(byteCount(bytes.count)), more than the \(byteCount(limits.maxBytes)) limit")
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            var scanner = Scanner(bytes: buffer, maxDepth: limits.maxDepth)
            return try scanner.parseDocument()
        }
    }

    /// Parses JSON text held in a string.
    public static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Parses a whole file, turning a syntax error into a diagnostic that
    /// names `file` and the line and column.
    public static func parseFile(_ bytes: [UInt8], file: String, limits: JSONLimits = .default) throws(DiagnosticError) -> JSONValue {
        do {
            return try parse(bytes, limits: limits)
        } catch {
            throw DiagnosticError([Diagnostic(file: file, location: SourceText(bytes).location(of: error.offset), message: error.message)])
        }
    }

    static func byteCount(_ count: Int) -> String {
        if count >= 1 << 20 { return "\(count >> 20) MB" }
        if count >= 1 << 10 { return "\(count >> 10) KB" }
        return "\(count) bytes"
    }
}

// MARK: - Scanner

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var position = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated: some editors write one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        if position >= bytes.count {
            throw JSONSyntaxError(offset: position, message: "the file is empty: expected a JSON value")
        }
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw JSONSyntaxError(offset: position, message: "unexpected \(describe(position)) after the end of the JSON value")
        }
        return value
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func describe(_ offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 { return "non-ASCII text" }
        return "character \\u\(hex4(UInt16(byte)))"
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else {
            throw JSONSyntaxError(offset: position, message: "unexpected end of file: expected a value")
        }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONValue(.bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONValue(.bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONValue(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), offset: start)
        default:
            throw JSONSyntaxError(offset: position, message: "unexpected \(describe(position)): expected a value")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        for index in 0..<count {
            guard position < bytes.count, bytes[position] == text[index] else {
                throw JSONSyntaxError(offset: start, message: "unexpected text: expected a value such as \(literal)")
            }
            position += 1
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth {
            throw JSONSyntaxError(offset: position, message: "lists and objects are nested more than \(maxDepth) deep")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        try enter()
        position += 1
        var members: [JSONMember] = []
        // Small objects check for duplicate keys by scanning; a set pays off
        // only for large ones.
        var seen: Set<String>?
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return JSONValue(.object(JSONObject(members)), offset: start)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(offset: position, message: "unexpected \(describe(position)): expected a key in double quotes")
            }
            let keyOffset = position
            let key = try parseString()
            let duplicate: Bool
            if members.count < 16 {
                duplicate = members.contains { $0.key == key }
            } else {
                if seen == nil { seen = Set(members.map(\.key)) }
                duplicate = !seen!.insert(key).inserted
            }
            if duplicate {
                throw JSONSyntaxError(offset: keyOffset, message: "the key \"\(key)\" appears twice in the same object")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: position, message: "unexpected \(describe(position)): expected ':' after the key \"\(key)\"")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard position < bytes.count else {
                throw JSONSyntaxError(offset: position, message: "unexpected end of file: expected ',' or '}'")
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    throw JSONSyntaxError(offset: position, message: "a ',' before '}' is not allowed in JSON: remove the last comma")
                }
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                depth -= 1
                return JSONValue(.object(JSONObject(members)), offset: start)
            }
            throw JSONSyntaxError(offset: position, message: "unexpected \(describe(position)): expected ',' or '}' (is a comma missing?)")
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        try enter()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return JSONValue(.array(elements), offset: start)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else {
                throw JSONSyntaxError(offset: position, message: "unexpected end of file: expected ',' or ']'")
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    throw JSONSyntaxError(offset: position, message: "a ',' before ']' is not allowed in JSON: remove the last comma")
                }
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                depth -= 1
                return JSONValue(.array(elements), offset: start)
            }
            throw JSONSyntaxError(offset: position, message: "unexpected \(describe(position)): expected ',' or ']' (is a comma missing?)")
        }
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        let contentStart = position
        var needsValidation = false
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
                position += 1
                if !needsValidation { return String(decoding: slice, as: UTF8.self) }
                guard let string = String(validating: slice, as: UTF8.self) else {
                    throw JSONSyntaxError(offset: start, message: "the string is not valid UTF-8 text")
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: position, message: "a control character inside a string must be escaped (for example \\n)")
            }
            if byte >= 0x80 { needsValidation = true }
            position += 1
        }
        guard position < bytes.count else {
            throw JSONSyntaxError(offset: start, message: "a string is not closed: a '\"' is missing")
        }
        // Slow path: escapes present.
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard let string = String(validating: utf8, as: UTF8.self) else {
                    throw JSONSyntaxError(offset: start, message: "the string is not valid UTF-8 text")
                }
                return string
            }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: position, message: "a control character inside a string must be escaped (for example \\n)")
            }
            if byte != UInt8(ascii: "\\") {
                utf8.append(byte)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard position < bytes.count else { break }
            let escaped = bytes[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""): utf8.append(0x22)
            case UInt8(ascii: "\\"): utf8.append(0x5C)
            case UInt8(ascii: "/"): utf8.append(0x2F)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalarValue = UInt32(try parseHex4(escapeStart))
                if (0xD800...0xDBFF).contains(scalarValue) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw JSONSyntaxError(offset: escapeStart, message: "a \\u escape starts a surrogate pair that is not completed")
                    }
                    position += 2
                    let low = UInt32(try parseHex4(escapeStart))
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw JSONSyntaxError(offset: escapeStart, message: "a \\u escape starts a surrogate pair that is not completed")
                    }
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalarValue) {
                    throw JSONSyntaxError(offset: escapeStart, message: "a \\u escape holds half a surrogate pair")
                }
                guard let scalar = Unicode.Scalar(scalarValue) else {
                    throw JSONSyntaxError(offset: escapeStart, message: "a \\u escape is not a Unicode character")
                }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw JSONSyntaxError(offset: escapeStart, message: "unknown escape '\\\(Character(Unicode.Scalar(escaped)))' in a string")
            }
        }
        throw JSONSyntaxError(offset: start, message: "a string is not closed: a '\"' is missing")
    }

    mutating func parseHex4(_ escapeStart: Int) throws(JSONSyntaxError) -> UInt16 {
        guard position + 4 <= bytes.count else {
            throw JSONSyntaxError(offset: escapeStart, message: "a \\u escape needs four hex digits")
        }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(offset: escapeStart, message: "a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw JSONSyntaxError(offset: start, message: "a number needs a digit after '-'")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw JSONSyntaxError(offset: start, message: "numbers must not start with 0 (write 7, not 07)")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONSyntaxError(offset: start, message: "a number needs a digit after '.' (write 7 or 7.0, not 7.)")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw JSONSyntaxError(offset: start, message: "a number's exponent needs a digit")
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            let shown = text.count > 24 ? String(text.prefix(20)) + "…" : text
            throw JSONSyntaxError(offset: start, message: "the number \(shown) is too large")
        }
        return JSONNumber(text: text, double: double, integer: isInteger ? Int(text) : Scanner.wholeNumber(double))
    }

    /// The whole number a number written with a fraction or exponent stands
    /// for (`10.0`, `1e1`), as JSON Schema's "integer" reads it, so a file an
    /// editor accepts is not refused here. Only within ±2^53, where every
    /// whole number is exact as a `Double`.
    static func wholeNumber(_ value: Double) -> Int? {
        guard value == value.rounded(.towardZero), abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }

    func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}

func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
