// MARK: - XML and HTML

/// Escaping for the XHTML-compatible HTML and SVG the reports write.
///
/// Answers are typed by people, so every piece of text and every attribute
/// value goes through here: the page must parse as XML whatever was typed.
enum XML {
    /// `text` with `&<>"'` escaped and the characters XML 1.0 forbids
    /// (control characters other than tab and newline, U+FFFE, U+FFFF)
    /// replaced by U+FFFD, safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.replacingCarriageReturns().unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if !isAllowed(scalar) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` in a document (C1 controls are legal
    /// but never meant in an answer, so they go too).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0x7F..<0xA0, 0xFFFE, 0xFFFF: return false
        default: return true
        }
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
        let flat = Plain.sanitize(text).split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline })
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

// MARK: - Plain text

enum Plain {
    /// `text` without control characters (other than newline and tab), so
    /// a typed answer cannot move the cursor or recolour a terminal.
    static func sanitize(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingCarriageReturns().unicodeScalars {
            if XML.isAllowed(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append("\u{FFFD}")
            }
        }
        return out
    }
}

extension String {
    /// Line breaks as "\n" only: "\r\n" and a lone "\r" each become one "\n".
    func replacingCarriageReturns() -> String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = ""
        var previousWasReturn = false
        for scalar in unicodeScalars {
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
