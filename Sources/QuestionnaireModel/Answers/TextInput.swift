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
        // Printable ASCII, the usual case, needs none of the checks below.
        if raw.utf8.count <= maxLength, raw.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return .success(raw.trimmingSpaces())
        }
        var count = 0
        for scalar in raw.unicodeScalars {
            count += 1
            // One character can carry any number of combining marks, so the
            // scalars are bounded too: none past the bound goes unchecked.
            if count > maxLength * 4 {
                return .failure(Rejection("That answer is longer than \(maxLength.groupedDigits) characters: please shorten it."))
            }
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
        let trimmed = raw.trimmingSpaces()
        if trimmed.count > maxLength {
            return .failure(Rejection("That answer is longer than \(maxLength.groupedDigits) characters: please shorten it."))
        }
        // Nothing visible (a zero-width space, a byte-order mark) is no answer.
        let visible = trimmed.unicodeScalars.contains { scalar in
            !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format
        }
        guard visible else { return .success("") }
        return .success(String(trimmed.map { $0 == "\t" ? " " : $0 }))
    }

    /// The form used to compare what was typed with option labels and names:
    /// lower case, accents removed, hyphens and underscores as spaces, single
    /// spaces. "Lower-Back" and "lower back" compare equal, as do "épaule" and "epaule".
    public static func matchingForm(_ text: String) -> String {
        if let ascii = asciiMatchingForm(text) { return ascii }
        let folded = Self.folded(text)
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

    /// Lower case, accents removed, full-width letters and digits as ASCII,
    /// and marks and format characters (combining accents, variation
    /// selectors, zero-width spaces) dropped: "Épaule" → "epaule", "ｙｅｓ" →
    /// "yes", "7\u{FE0F}\u{20E3}" → "7". Written without Foundation, whose
    /// folding loads ICU and costs several megabytes of memory.
    public static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format:
                continue
            default:
                break
            }
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else if scalar.value >= 0xC0, let plain = LatinFolding.table[scalar] {
                scalars.append(contentsOf: plain.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// `matchingForm` for plain ASCII text (most option names and answers
    /// are ASCII), byte by byte.
    static func asciiMatchingForm(_ text: String) -> String? {
        // One pass over the bytes in place, into the new string's own
        // storage: names are put in this form for every option at load and
        // for every part of every answer.
        var text = text
        return text.withUTF8 { source -> String? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: source.count) { output in
                var length = 0
                var pendingSpace = false
                for byte in source {
                    switch byte {
                    case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                        pendingSpace = length > 0
                    default:
                        if pendingSpace {
                            output[length] = 0x20
                            length += 1
                            pendingSpace = false
                        }
                        output[length] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        length += 1
                    }
                }
                return length
            }
        }
    }

    /// The form numbers are read in: lower case, accents removed, single
    /// spaces; signs and points kept.
    static func numericForm(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : folded(text)
        return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Number words a person may type instead of digits.
    static let numberWords: [String: Int] = [
        "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tensWords: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// A number written in words, up to 99: "seven", "twenty four",
    /// "twenty-four" (already "twenty four" in matching form), "forty".
    static func numberWord(_ text: String) -> Int? {
        // 다섯, 칠, 스물다섯: Korean numbers said alone (네 is "yes" alone).
        if Hangul.contains(text) { return KoreanWords.number(text) }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" })
        switch words.count {
        case 1:
            return numberWords[String(words[0])] ?? tensWords[String(words[0])]
        case 2:
            guard let tens = tensWords[String(words[0])], let unit = numberWords[String(words[1])], (1...9).contains(unit) else { return nil }
            return tens + unit
        default:
            return nil
        }
    }

    /// Typed text quoted in a message, cut short so a pasted page is not
    /// repeated back: 'abc' or 'abcdef…'.
    public static func quoted(_ text: String) -> String {
        "'\(shortened(text))'"
    }

    /// Text cut to 60 characters with "…" when longer.
    public static func shortened(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }

    /// Reads a plain decimal number: digits with an optional sign and decimal
    /// point. Refuses what `Double` would take but a person does not mean:
    /// exponents, hex, "nan", "inf".
    static func decimal(_ raw: String) -> Double? {
        // Digits of any script ("٧", "７") count as the digits they are;
        // ASCII text has none to convert.
        let text = raw.utf8.allSatisfy { $0 < 0x80 } ? raw : String(raw.unicodeScalars.map { scalar -> Character in
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                return Character(String(Int(value)))
            }
            return Character(scalar)
        })
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

extension StringProtocol {
    /// The text without white space at either end.
    public func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
