/// Wrapping text to a width counted in terminal columns (`ColumnWidth`), so
/// a Korean syllable takes two, as it does on screen: the screen, replay
/// and the text report share it.
public enum TextWrap {
    /// `text` wrapped at spaces to `width` columns (at least 20): every
    /// paragraph's first line starts with `indent`, the lines after it
    /// with `hanging`; line breaks and empty lines are kept, runs of spaces
    /// between words become one.
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> String {
        let width = max(20, width)
        var lines: [String] = []
        for paragraph in Self.lines(text) {
            let wrapped = split(paragraph, width: width, indent: indent, hanging: hanging ?? indent)
            if wrapped.isEmpty { lines.append("") } else { lines.append(contentsOf: wrapped) }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` as lines of at most `width` columns (at least 20) for the
    /// screen: each line of the text that fits is kept exactly as written;
    /// a longer one is split at spaces, its continuation lines indented as
    /// the line itself is.
    public static func fit(_ text: String, width: Int) -> [String] {
        let width = max(20, width)
        var result: [String] = []
        for paragraph in Self.lines(text) {
            if ColumnWidth.of(paragraph) <= width {
                result.append(String(paragraph))
                continue
            }
            let indent = String(paragraph.prefix { $0 == " " })
            let wrapped = split(paragraph, width: width, indent: indent, hanging: indent)
            if wrapped.isEmpty { result.append("") } else { result.append(contentsOf: wrapped) }
        }
        return result
    }

    /// One paragraph (no line breaks) as lines of at most `width` columns,
    /// split at spaces: the first line starts with `indent`, the others with
    /// `hanging`, and runs of spaces between words become one. A word wider
    /// than the width gets a line of its own. No lines for a paragraph with
    /// no words. One pass over the paragraph's bytes, each word measured
    /// once.
    public static func split(_ paragraph: Substring, width: Int, indent: String, hanging: String) -> [String] {
        var paragraph = paragraph
        let hangingColumns = ColumnWidth.of(hanging)
        return paragraph.withUTF8 { bytes in
            var lines: [String] = []
            var current: [UInt8] = []
            var currentColumns = 0
            var empty = true
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: " ") {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
                let wordColumns = ColumnWidth.of(utf8: word)
                if empty {
                    current.append(contentsOf: indent.utf8)
                    current.append(contentsOf: word)
                    currentColumns = ColumnWidth.of(indent) + wordColumns
                    empty = false
                } else if currentColumns + 1 + wordColumns <= width {
                    current.append(UInt8(ascii: " "))
                    current.append(contentsOf: word)
                    currentColumns += 1 + wordColumns
                } else {
                    lines.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    current.append(contentsOf: hanging.utf8)
                    current.append(contentsOf: word)
                    currentColumns = hangingColumns + wordColumns
                }
                index = end
            }
            if !empty { lines.append(String(decoding: current, as: UTF8.self)) }
            return lines
        }
    }

    /// The text between line breaks ("\n"), empty ones included. Split on
    /// the bytes: a line break is one byte in UTF-8, and walking the text
    /// by characters costs far more than the work done with the lines.
    public static func lines(_ text: String) -> [Substring] {
        var copy = text
        let breaks = copy.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") } }
        guard !breaks.isEmpty else { return [text[...]] }
        var result: [Substring] = []
        var start = text.startIndex
        for offset in breaks {
            let newline = text.utf8.index(text.startIndex, offsetBy: offset)
            result.append(text[start..<newline])
            start = text.utf8.index(after: newline)
        }
        result.append(text[start...])
        return result
    }

    /// `text` followed by spaces to fill `width` columns.
    public static func padded(_ text: String, to width: Int) -> String {
        let columns = ColumnWidth.of(text)
        return columns >= width ? text : text + String(repeating: " ", count: width - columns)
    }
}
