import QuestionnaireModel

/// FHIR's standard translation extension
/// (`http://hl7.org/fhir/StructureDefinition/translation`: an extension
/// with `lang` (valueCode) and `content` (valueString or valueMarkdown)) on
/// a Questionnaire's `_title`, an item's `_text` and an answer option's
/// `valueCoding._display` or `_valueString`, read into the texts of
/// intake's model for each language intake speaks, self audience.
public enum FHIRTranslations {
    public static let url = "http://hl7.org/fhir/StructureDefinition/translation"

    /// The translations in `resource` for the nodes and options of `questionnaire`.
    public static func catalog(_ resource: JSONValue, questionnaire: Questionnaire, languages: [Language]) -> TextCatalog<String> {
        var catalog = TextCatalog<String>()
        func add(_ element: JSONValue?, _ key: TextKey) {
            for (language, words) in translations(element) where languages.contains(language) {
                catalog.set(words, for: key, in: TextVariant(language: language, audience: .self))
            }
        }
        add(resource["_title"], TextKey(.file, "title"))
        func visit(_ items: [JSONValue]) {
            for item in items {
                if let linkId = item["linkId"]?.stringValue, let node = questionnaire.node(linkId) {
                    add(item["_text"], TextKey(.node(node.id), "text"))
                    for option in item["answerOption"]?.arrayValue ?? [] {
                        if let coding = option["valueCoding"], let code = coding["code"]?.stringValue {
                            add(coding["_display"], TextKey(.option(node: node.id, code: code), "label"))
                        } else if let text = option["valueString"]?.stringValue {
                            add(option["_valueString"], TextKey(.option(node: node.id, code: text), "label"))
                        }
                    }
                }
                visit(item["item"]?.arrayValue ?? [])
            }
        }
        visit(resource["item"]?.arrayValue ?? [])
        return catalog
    }

    /// The (language, words) pairs of an element's translation extensions.
    static func translations(_ element: JSONValue?) -> [(Language, String)] {
        (element?["extension"]?.arrayValue ?? []).compactMap { ext in
            guard ext["url"]?.stringValue == url, let parts = ext["extension"]?.arrayValue else { return nil }
            let lang = parts.first { $0["url"]?.stringValue == "lang" }?["valueCode"]?.stringValue
            let content = parts.first { $0["url"]?.stringValue == "content" }.flatMap { $0["valueString"]?.stringValue ?? $0["valueMarkdown"]?.stringValue }
            guard let lang, let content, !content.isEmpty else { return nil }
            // "ko-KR" is Korean.
            return (Language(rawValue: String(lang.prefix { $0 != "-" && $0 != "_" }).lowercased()), content)
        }
    }
}
