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
        // Every such word holds "you": most texts are passed on that alone,
        // and plain ASCII is read from its bytes (validate reads every text
        // of a file, 10,000 nodes' worth in the benchmark).
        guard mayHoldYou(text.utf8) else { return false }
        if !text.utf8.contains(where: { $0 >= 0x80 }) {
            var copy = text
            return copy.withUTF8(asciiAddressesReader)
        }
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

    /// Whether `utf8` holds "you" in any case.
    private static func mayHoldYou(_ utf8: String.UTF8View) -> Bool {
        var matched = 0
        for byte in utf8 {
            let lower = byte | 0x20
            switch (matched, lower) {
            case (_, UInt8(ascii: "y")): matched = 1
            case (1, UInt8(ascii: "o")): matched = 2
            case (2, UInt8(ascii: "u")): return true
            default: matched = 0
            }
        }
        return false
    }

    /// `addressesReader` for ASCII text: words are runs of letters.
    private static func asciiAddressesReader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isAddressing(_ range: Range<Int>) -> Bool {
            guard (3...10).contains(range.count) else { return false }
            var word = ""
            word.reserveCapacity(range.count)
            for i in range { word.unicodeScalars.append(Unicode.Scalar(bytes[i] | 0x20)) }
            return addressingWords.contains(word)
        }
        while index < bytes.count {
            if isLetter(bytes[index]) {
                index += 1
                continue
            }
            if isAddressing(start..<index) { return true }
            index += 1
            start = index
        }
        return isAddressing(start..<index)
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
