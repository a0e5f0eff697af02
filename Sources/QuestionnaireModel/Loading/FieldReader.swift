/// Reads typed fields out of JSON objects, logging a located diagnostic for
/// every field that is missing, of the wrong type or not known.
struct FieldReader {
    var log: DiagnosticLog

    init(log: DiagnosticLog) {
        self.log = log
    }

    /// The object at `path`, after checking that every key is one of `allowed`.
    mutating func object(_ value: JSONValue, at path: JSONPath, what: String, allowed: [String]) -> JSONObject? {
        guard let object = value.objectValue else {
            log.error("\(what) must be an object, found \(value.typeDescription)", at: value, path: path)
            return nil
        }
        for member in object.members where !allowed.contains(member.key) {
            let hint = Suggestion.hint(for: member.key, among: allowed)
            log.report(.error, "unknown key '\(member.key)' in \(what)\(hint)", offset: member.keyOffset, path: path.appending(member.key))
        }
        return object
    }

    mutating func string(_ object: JSONObject, _ key: String, at path: JSONPath, in owner: JSONValue, required: Bool, what: String) -> String? {
        guard let value = object[key] else {
            if required { log.error("'\(key)' is missing: \(what)", at: owner, path: path) }
            return nil
        }
        guard let string = value.stringValue else {
            log.error("'\(key)' must be a string (\(what)), found \(value.typeDescription)", at: value, path: path.appending(key))
            return nil
        }
        if required, string.allSatisfy(\.isWhitespace) {
            log.error("'\(key)' is empty: \(what)", at: value, path: path.appending(key))
            return nil
        }
        return string
    }

    mutating func bool(_ object: JSONObject, _ key: String, at path: JSONPath) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.boolValue else {
            log.error("'\(key)' must be true or false, found \(value.typeDescription)", at: value, path: path.appending(key))
            return nil
        }
        return flag
    }

    mutating func integer(_ object: JSONObject, _ key: String, at path: JSONPath, in range: ClosedRange<Int>) -> Int? {
        guard let value = object[key] else { return nil }
        guard let integer = value.numberValue?.integer else {
            if let number = value.numberValue, number.double == number.double.rounded() {
                log.error("'\(key)' must be from \(range.lowerBound) to \(range.upperBound); \(Self.shortNumber(number.text)) is far too large", at: value, path: path.appending(key))
            } else {
                log.error("'\(key)' must be a whole number, found \(value.typeDescription)", at: value, path: path.appending(key))
            }
            return nil
        }
        guard range.contains(integer) else {
            log.error("'\(key)' must be from \(range.lowerBound) to \(range.upperBound), found \(integer)", at: value, path: path.appending(key))
            return nil
        }
        return integer
    }

    mutating func number(_ object: JSONObject, _ key: String, at path: JSONPath) -> Double? {
        guard let value = object[key] else { return nil }
        guard let number = value.numberValue?.double, abs(number) <= 1e12 else {
            log.error("'\(key)' must be a number (at most a trillion in size), found \(value.typeDescription)", at: value, path: path.appending(key))
            return nil
        }
        return number
    }

    mutating func strings(_ object: JSONObject, _ key: String, at path: JSONPath) -> [String] {
        guard let value = object[key] else { return [] }
        guard let list = value.arrayValue else {
            log.error("'\(key)' must be a list of strings, found \(value.typeDescription)", at: value, path: path.appending(key))
            return []
        }
        var result: [String] = []
        for (index, element) in list.enumerated() {
            if let string = element.stringValue {
                result.append(string)
            } else {
                log.error("must be a string, found \(element.typeDescription)", at: element, path: path.appending(key).appending(index))
            }
        }
        return result
    }

    /// A number from a file, cut short when it is long.
    static func shortNumber(_ text: String) -> String {
        text.count > 24 ? String(text.prefix(20)) + "…" : text
    }

    /// Whether `id` is a usable identifier: a letter, then letters, digits, `_` or `-`.
    static func isIdentifier(_ id: String) -> Bool {
        let bytes = id.utf8
        guard let first = bytes.first, isLetter(first), bytes.count <= 100 else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `code` is a usable option code: lower-case letters, digits and hyphens.
    static func isCode(_ code: String) -> Bool {
        let bytes = code.utf8
        return !bytes.isEmpty && bytes.count <= 100
            && bytes.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || isDigit($0) || $0 == UInt8(ascii: "-") }
            && bytes.first != UInt8(ascii: "-") && bytes.last != UInt8(ascii: "-")
    }
}

extension Option {
    /// Whether `code` is a usable code: lower-case letters, digits and
    /// hyphens, not starting or ending with a hyphen, at most 100 characters.
    ///
    /// Option codes follow this rule, and so do other codes files share with
    /// rules, such as the medicine class codes of a medicines file.
    public static func isValidCode(_ code: String) -> Bool {
        FieldReader.isCode(code)
    }

    /// Whether `id` is a usable node or questionnaire id: a letter, then
    /// letters, digits, '_' or '-', at most 100 characters. Ids read from
    /// a transcript are checked with this before they name a file.
    public static func isValidIdentifier(_ id: String) -> Bool {
        FieldReader.isIdentifier(id)
    }
}
