/// Text from files and keyboards made safe to show: what a transcript,
/// an answer or a questionnaire holds can neither move a terminal's cursor,
/// recolour it, break a line it should not, nor reverse the text around it.
///
/// One set of characters is unsafe everywhere: C0 and C1 controls and DEL,
/// the Unicode line and paragraph separators, the bidirectional overrides
/// and isolates, and U+FFFE and U+FFFF (which XML forbids).
public enum Printable {
    /// Whether `scalar` must never reach a terminal or a report as it is.
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `text` on one line, each unsafe character written as an escape
    /// (`\u{1b}`), cut after `limit` characters with "…" when given.
    public static func escaped(_ text: String, limit: Int? = nil) -> String {
        var result = text
        if text.unicodeScalars.contains(where: isUnsafe) {
            result = ""
            for scalar in text.unicodeScalars {
                if isUnsafe(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        if let limit, result.count > limit { return String(result.prefix(limit)) + "…" }
        return result
    }

    /// `text` for a multi-line page: line breaks ("\r\n" and a lone "\r"
    /// become "\n") and tabs are kept, every other unsafe character becomes
    /// U+FFFD, the replacement character.
    public static func sanitized(_ text: String) -> String {
        let lines = replacingCarriageReturns(text)
        guard lines.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" }) else { return lines }
        var out = ""
        for scalar in lines.unicodeScalars {
            if isUnsafe(scalar), scalar != "\n", scalar != "\t" {
                out.unicodeScalars.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Line breaks as "\n" only: "\r\n" and a lone "\r" each become one "\n".
    public static func replacingCarriageReturns(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = ""
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out += "\n"
                previousWasReturn = true
                continue
            }
            if !(scalar == "\n" && previousWasReturn) { out.unicodeScalars.append(scalar) }
            previousWasReturn = false
        }
        return out
    }
}
