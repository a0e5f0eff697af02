import QuestionnaireModel

/// The rules' words for an audience and a language, chosen in one place as
/// the questionnaire's are (`Questionnaire.worded(_:)`): rule titles,
/// discussion points and headlines, the disclaimer and the crisis text.
/// Categories carry both audiences' texts themselves (`self`, `reception`).
extension RuleSet {
    /// The fields a rule's texts may be reworded in, and the file's own.
    public static let ruleTextFields = ["title", "discuss", "headline"]
    public static let fileTextFields = ["disclaimer", "crisisText"]

    /// These rules with every text in the words of `variant`, looked up in
    /// `texts` along the variant's lookup order, the file's own words where
    /// none is found. Ids, conditions and effects do not change, so the
    /// outcome is the same in every variant.
    public func worded(_ variant: TextVariant) -> RuleSet {
        guard variant != .original, !texts.isEmpty else { return self }
        var worded = self
        if let disclaimer = texts.text(TextKey(.file, "disclaimer"), for: variant) { worded.disclaimer = disclaimer.plain }
        if crisisText != nil, let crisis = texts.text(TextKey(.file, "crisisText"), for: variant) { worded.crisisText = crisis.plain }
        worded.rules = rules.map { rule in
            var rule = rule
            if let title = texts.text(TextKey(.rule(rule.id), "title"), for: variant) { rule.title = title.plain }
            if let discuss = texts.text(TextKey(.rule(rule.id), "discuss"), for: variant) {
                rule.discussText = discuss
                rule.discuss = discuss.plain
            }
            if rule.headline != nil, let headline = texts.text(TextKey(.rule(rule.id), "headline"), for: variant) { rule.headline = headline }
            return rule
        }
        return worded
    }

    /// Every text of the file's own words with its key and JSON path, for
    /// validate's reception warnings.
    public func ownTexts() -> [(key: TextKey, text: String, path: JSONPath)] {
        var found: [(key: TextKey, text: String, path: JSONPath)] = [(TextKey(.file, "disclaimer"), disclaimer, JSONPath.root.appending("disclaimer"))]
        if let crisisText { found.append((TextKey(.file, "crisisText"), crisisText, JSONPath.root.appending("crisisText"))) }
        for (index, rule) in rules.enumerated() {
            let path = JSONPath.root.appending("rules").appending(index)
            found.append((TextKey(.rule(rule.id), "title"), rule.title, path.appending("title")))
            found.append((TextKey(.rule(rule.id), "discuss"), rule.discuss, path.appending("discuss")))
            if let headline = rule.headline { found.append((TextKey(.rule(rule.id), "headline"), headline.plain, path.appending("headline"))) }
        }
        return found
    }
}

extension RuleReader {
    /// A `reception` object of a rule or of the file: the owner's texts as a
    /// staff member reads them, each a field the owner has.
    mutating func readReception(_ object: JSONObject, of owner: TextKey.Owner, at path: JSONPath, own: [String: Bool]) -> [(TextKey, RuleText)] {
        guard let value = object["reception"] else { return [] }
        let receptionPath = path.appending("reception")
        let fields = own.keys.sorted()
        guard let reception = self.object(value, at: receptionPath, what: "a 'reception' object (the texts as a staff member reads them: \(fields.joined(separator: ", ")))", allowed: fields) else { return [] }
        if reception.members.isEmpty {
            log.error("'reception' is empty: give the texts as a staff member reads them, or remove it", at: value, path: receptionPath)
        }
        var found: [(TextKey, RuleText)] = []
        for member in reception.members where fields.contains(member.key) {
            guard own[member.key] == true else {
                log.report(.error, "'\(member.key)' in 'reception' rewords no '\(member.key)' of its own: add '\(member.key)' beside 'reception' first", offset: member.keyOffset, path: receptionPath.appending(member.key))
                continue
            }
            let text: RuleText?
            if member.key == "discuss" || member.key == "headline" {
                text = readText(member.value, at: receptionPath.appending(member.key))
            } else {
                text = string(reception, member.key, at: receptionPath, owner: value).map { RuleText($0) }
            }
            if let text { found.append((TextKey(owner, member.key), text)) }
        }
        return found
    }
}
