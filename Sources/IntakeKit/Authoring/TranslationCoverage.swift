import QuestionnaireModel

/// How much of a file a translation covers, per audience: what validate
/// reports for each translation file beside a questionnaire or rules file.
///
/// - missing: a text of the English file with no translation (for the
///   reception audience: a text the English file words for reception whose
///   translation has no `reception` words);
/// - extra: a translated key the English file does not have;
/// - stale: an entry whose `source` is no longer the English text.
public struct TranslationCoverage: Sendable {
    public var language: Language
    public var file: String
    /// Texts to translate for each audience, and how many are.
    public var selfTotal = 0
    public var selfDone = 0
    public var receptionTotal = 0
    public var receptionDone = 0
    public var missing: [Diagnostic] = []
    public var extra: [Diagnostic] = []
    public var stale: [Diagnostic] = []

    /// `english`: each text of the translated file, its own (self) words,
    /// and whether the file words it for reception too.
    public init(_ translation: Translation, english: [(key: TextKey, text: String, hasReception: Bool)]) {
        language = translation.language
        file = translation.file
        var byKey: [TextKey: Translation.Entry] = [:]
        for entry in translation.entries { byKey[entry.key] = entry }
        var known = Set<TextKey>()
        for text in english {
            known.insert(text.key)
            selfTotal += 1
            if text.hasReception { receptionTotal += 1 }
            guard let entry = byKey[text.key] else {
                missing.append(Diagnostic(.warning, file: file, path: JSONPath.root.appending("texts"),
                                          message: "'\(text.key)' is not translated (\(Self.quoted(text.text)))"))
                continue
            }
            selfDone += 1
            if text.hasReception {
                if entry.reception != nil {
                    receptionDone += 1
                } else {
                    missing.append(translation.diagnostic(.warning, "'\(text.key)' has no 'reception' words, but the English file words it for reception", entry: entry))
                }
            }
            if entry.source != text.text {
                stale.append(translation.diagnostic(.warning, "'\(text.key)' is stale: the English text is now \(Self.quoted(text.text)); check the translation and copy it into 'source'", entry: entry))
            }
        }
        for entry in translation.entries where !known.contains(entry.key) {
            extra.append(translation.diagnostic(.warning, "'\(entry.key)' is not a text of the English file: remove it, or correct its owner, id, code or field", entry: entry))
        }
    }

    public var problems: [Diagnostic] { missing + extra + stale }

    /// "ko: self 15/15, reception 2/2; 0 missing, 0 extra, 0 stale".
    public var summary: String {
        "translation \(language) (\(file)): self \(selfDone)/\(selfTotal), reception \(receptionDone)/\(receptionTotal); \(missing.count) missing, \(extra.count) extra, \(stale.count) stale"
    }

    static func quoted(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
        return "\"\(short)\""
    }
}

extension Questionnaire {
    /// The texts a translation of this questionnaire gives, each with
    /// whether the file words it for reception.
    public func translatableTexts() -> [(key: TextKey, text: String, hasReception: Bool)] {
        let reception = TextVariant(audience: .reception)
        var found: [(key: TextKey, text: String, hasReception: Bool)] = []
        forEachOwnText { key, text, _ in found.append((key, text, texts.exact(key, in: reception) != nil)) }
        for index in nodes.indices where !nodes[index].points.isEmpty {
            found.append((TextKey(.node(nodes[index].id), "points"), nodes[index].points.joined(separator: " "), false))
        }
        return found
    }
}
