import TerminalText

// MARK: - XML and HTML

/// Escaping for the XHTML-compatible HTML and SVG the reports write.
///
/// Answers are typed by people, so every piece of text and every attribute
/// value goes through here: the page must parse as XML whatever was typed.
enum XML {
    /// `text` with `&<>"'` escaped and the characters `Printable` finds
    /// unsafe (which include all that XML 1.0 forbids), other than tab and
    /// newline, replaced by U+FFFD: safe in element content and quoted
    /// attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in Printable.replacingCarriageReturns(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if Printable.isUnsafe(scalar) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

// MARK: - Markdown

/// Escaping for Markdown (CommonMark with GitHub tables).
enum MarkdownText {
    /// `text` as literal inline Markdown: emphasis, code, links, raw HTML,
    /// table pipes and entity references are backslash-escaped, a leading
    /// block marker (`#`, `-`, `+`, `=`, `1.`) is neutralised, and line
    /// breaks become spaces so the text stays in its list item or table cell.
    static func inline(_ text: String) -> String {
        let flat = Printable.sanitized(text).split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline })
            .joined(separator: " ")
        var out = ""
        let scalars = Array(flat.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "&":
                // Only an `&` that could start an entity reference is escaped.
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if next == "#" || next.properties.isAlphabetic { out += "\\" }
                out += "&"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return neutraliseBlockStart(out)
    }

    /// Escapes a leading character that would make a line a heading, list
    /// item, setext underline or ordered list.
    private static func neutraliseBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" {
                return digits + "\\" + rest
            }
        }
        return text
    }
}
