/// validate's check that a file meant for reception has a staff member's
/// words wherever its own words address the reader ("How long have you had
/// this pain?"): at a front desk such a text would speak to the staff
/// member as if they were the client.
public enum ReceptionReview {
    /// The words that address the reader, matched whole and in any case;
    /// "you're", "you've" and the like match through their "you".
    static let addressingWords: Set<String> = ["you", "your", "yours", "yourself", "yourselves"]

    /// Whether `text` addresses its reader: holds "you", "your", "yours",
    /// "yourself" or "yourselves" as a whole word, in any case.
    public static func addressesReader(_ text: String) -> Bool {
        var word = ""
        for character in text {
            if character.isLetter {
                word.append(character)
                continue
            }
            if !word.isEmpty, addressingWords.contains(word.lowercased()) { return true }
            word = ""
        }
        return !word.isEmpty && addressingWords.contains(word.lowercased())
    }

    /// One warning for each text of `texts` (a file's own words, with their
    /// keys and places) that addresses the reader and has no reception
    /// words in `catalog`; `json` is the parsed file, to locate them.
    public static func warnings<Text>(
        _ texts: [(key: TextKey, text: String, path: JSONPath)], catalog: TextCatalog<Text>, json: JSONValue, log: DiagnosticLog
    ) -> [Diagnostic] {
        var log = log
        let reception = TextVariant(audience: .reception)
        for (key, text, path) in texts where addressesReader(text) && catalog.exact(key, in: reception) == nil {
            let field = path.components.last.flatMap { if case .key(let name) = $0 { name } else { nil } } ?? key.field
            log.report(
                .warning, "'\(field)' speaks to the reader (you/your) but has no reception wording: add \"reception\": {\"\(field)\": \"...\"} to the same object, speaking of the client (or starting \"Read to the client:\")",
                offset: json.value(at: path)?.offset ?? -1, path: path)
        }
        return log.diagnostics.filter { $0.severity == .warning }
    }
}

extension JSONValue {
    /// The value at `path` inside this one, if there is one.
    public func value(at path: JSONPath) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.components {
            switch component {
            case .key(let key): current = current?[key]
            case .index(let index):
                guard let list = current?.arrayValue, list.indices.contains(index) else { return nil }
                current = list[index]
            }
        }
        return current
    }
}
