import QuestionnaireModel

/// A rule's text that depends on the answers: pieces, each said only when
/// its condition holds, and `{name}` placeholders for a question's answer or
/// a derived value in words ("Avoid the varicose veins ({varicose_site})").
///
/// A rules file writes it as a string, or as a list of strings and
/// `{"when": CONDITION, "text": "..."}` pieces joined with spaces. So the
/// point for a person with only a port names the port, not varicose veins.
public struct RuleText: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        /// Nil: always said.
        public var condition: Condition?
        public var text: String

        public init(condition: Condition? = nil, text: String) {
            self.condition = condition
            self.text = text
        }
    }

    public var pieces: [Piece]

    public init(_ text: String) {
        pieces = [Piece(text: text)]
    }

    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// Every piece, placeholders as written: what the file says in full.
    public var plain: String { pieces.map(\.text).joined(separator: " ") }

    /// The names in `{...}` placeholders of `text`.
    static func placeholders(in text: String) -> [String] {
        // ASCII, as rule texts nearly always are: the same search on the
        // bytes (there a character is a byte), not character by character.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiPlaceholders(in: text) }
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            names.append(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return names
    }

    private static func asciiPlaceholders(in text: String) -> [String] {
        var names: [String] = []
        let bytes = text.utf8
        var rest = bytes.startIndex
        while let open = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) {
            let start = bytes.index(after: open)
            guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "}")) else { break }
            names.append(String(text[start..<close]))
            rest = bytes.index(after: close)
        }
        return names
    }

    /// The text for one person: the pieces whose condition holds (or cannot
    /// be told: the cautious reading says more, not less), with each
    /// placeholder replaced by `words(name)`.
    func resolve(_ lookup: (Subject) -> Lookup, words: (String) -> String) -> String {
        let said = pieces.filter { ($0.condition?.evaluate(lookup) ?? .yes) != .no }
        return said.map { piece in
            var text = piece.text
            for name in Self.placeholders(in: piece.text) {
                text = text.replacingFirst("{\(name)}", with: words(name))
            }
            return text
        }.joined(separator: " ")
    }
}

extension String {
    /// The string with the first `target` replaced by `replacement`.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = rangeOfFirst(target) else { return self }
        var result = self
        result.replaceSubrange(range, with: replacement)
        return result
    }

    /// The range of the first `target`, by characters (no Foundation).
    func rangeOfFirst(_ target: String) -> Range<Index>? {
        guard !target.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(target) {
                return start..<index(start, offsetBy: target.count)
            }
            start = index(after: start)
        }
        return nil
    }
}
