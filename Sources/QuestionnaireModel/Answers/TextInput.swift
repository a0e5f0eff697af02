import Foundation

/// Checks and normal forms for text a person typed, shared by every kind of
/// answer.
public enum TextInput {
    /// The longest answer accepted, in characters: far more than any real
    /// answer, small enough that a pasted megabyte is refused at once.
    public static let maxLength = 4000

    /// Trims the text and refuses what no answer may hold: control characters
    /// (an Escape sequence would repaint the screen of whoever reads the
    /// transcript), bidirectional overrides (they reorder what a report shows),
    /// bytes that were not UTF-8, and text over `maxLength`.
    public static func checked(_ raw: String) -> Result<String, Rejection> {
        var count = 0
        for scalar in raw.unicodeScalars {
            count += 1
            if count > maxLength * 4 { break }
            switch scalar.value {
            case 0x09:
                continue
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                return .failure(Rejection("That answer has control characters in it (such as Escape or Ctrl keys): please type it again using letters and numbers."))
            case 0x202A...0x202E, 0x2066...0x2069:
                return .failure(Rejection("That answer has hidden text-direction characters in it: please type it again without them."))
            case 0xFFFD:
                return .failure(Rejection("Part of that answer could not be read as text: please type it again."))
            default:
                continue
            }
        }
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.count > maxLength {
            return .failure(Rejection("That answer is longer than \(maxLength.groupedDigits) characters: please shorten it."))
        }
        return .success(trimmed.replacingOccurrences(of: "\t", with: " "))
    }

    /// The form used to compare what was typed with option labels and names:
    /// lower case, accents removed, hyphens and underscores as spaces, single
    /// spaces. "Lower-Back" and "lower back" compare equal, as do "épaule" and "epaule".
    public static func matchingForm(_ text: String) -> String {
        if let ascii = asciiMatchingForm(text) { return ascii }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for character in folded {
            if character == "-" || character == "_" || character == "/" || character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
        }
        return result
    }

    /// `matchingForm` for plain ASCII text, without Foundation's folding
    /// (most option names and answers are ASCII; folding is costly).
    static func asciiMatchingForm(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The form numbers are read in: lower case, accents removed, single
    /// spaces; signs and points kept.
    static func numericForm(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Number words a person may type instead of digits.
    static let numberWords: [String: Int] = [
        "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    ]

    /// Reads a plain decimal number: digits with an optional sign and decimal
    /// point. Refuses what `Double` would take but a person does not mean:
    /// exponents, hex, "nan", "inf".
    static func decimal(_ text: String) -> Double? {
        var digits = 0
        var points = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": points += 1
            case "-", "+": if index != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, digits <= 15, points <= 1 else { return nil }
        var normalized = text
        if normalized.hasSuffix(".") { normalized.removeLast() }
        if normalized.hasPrefix("+") { normalized.removeFirst() }
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        if normalized.hasPrefix("-.") { normalized = "-0" + normalized.dropFirst() }
        guard let value = Double(normalized), value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }
}

/// Why an answer was not accepted, in words that say what would work.
public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension Int {
    /// The number with thousands separators ("4,000"), independent of locale.
    var groupedDigits: String {
        let digits = String(self.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
