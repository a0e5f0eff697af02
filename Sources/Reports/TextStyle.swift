import QuestionnaireModel

/// How headings and emphasis look in text output: plain for files, pipes and
/// screen readers; the terminal passes escape codes.
public struct TextStyle: Sendable {
    public var heading: @Sendable (String) -> String
    public var strong: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    /// The category title, given its rank (0 is the most urgent).
    public var category: @Sendable (String, Int) -> String

    public init(
        heading: @escaping @Sendable (String) -> String, strong: @escaping @Sendable (String) -> String,
        dim: @escaping @Sendable (String) -> String, category: @escaping @Sendable (String, Int) -> String
    ) {
        self.heading = heading
        self.strong = strong
        self.dim = dim
        self.category = category
    }

    /// No styling at all.
    public static let plain = TextStyle(heading: { $0 }, strong: { $0 }, dim: { $0 }, category: { text, _ in text })
}

/// Who the text speaks to.
public enum Audience: String, Sendable, CaseIterable {
    /// The person answering for themselves: "you".
    case `self`
    /// A staff member interviewing a client: "the client".
    case reception

    /// Whose answers they are, to start a sentence: "Your", "The client's".
    public var answersOwner: String {
        self == .self ? "Your" : "The client's"
    }
}

/// Wraps text to a width at spaces, keeping line breaks and indentation.
/// Width is counted in terminal columns (`TextInput.columns`), so a Korean
/// syllable takes two, as it does on screen.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int, indent: String = "", hanging: String? = nil) -> String {
        let width = max(20, width)
        var lines: [String] = []
        for paragraph in TextInput.lines(text) {
            let wrapped = split(paragraph, width: width, indent: indent, hanging: hanging ?? indent)
            if wrapped.isEmpty { lines.append("") } else { lines.append(contentsOf: wrapped) }
        }
        return lines.joined(separator: "\n")
    }

    /// One paragraph (no line breaks) as lines of at most `width` columns,
    /// split at spaces: the first line starts with `indent`, the others with
    /// `hanging`, and runs of spaces between words become one. A word wider
    /// than the width gets a line of its own. No lines for a paragraph with
    /// no words. One pass over the paragraph's bytes, each word measured
    /// once.
    public static func split(_ paragraph: Substring, width: Int, indent: String, hanging: String) -> [String] {
        var paragraph = paragraph
        let hangingColumns = TextInput.columns(hanging)
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
                let wordColumns = TextInput.columns(utf8: word)
                if empty {
                    current.append(contentsOf: indent.utf8)
                    current.append(contentsOf: word)
                    currentColumns = TextInput.columns(indent) + wordColumns
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
}
