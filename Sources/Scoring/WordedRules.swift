import QuestionnaireModel

/// The rules' words for an audience and a language, chosen in one place as
/// the questionnaire's are (`Questionnaire.worded(_:)`): rule titles,
/// discussion points and headlines, the disclaimer and the crisis text.
/// Categories carry both audiences' texts themselves (`self`, `reception`).
extension RuleSet {
    /// The fields a rule's texts may be reworded in, and the file's own.
    public static let ruleTextFields = ["title", "discuss", "headline", "evidence"]
    /// The fields of a category a translation names: `title`, `text` (its
    /// `self` and `reception` words), `noted` (`selfNoted`, `receptionNoted`).
    public static let categoryTextFields = ["title", "text", "noted"]
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
            if variant.language != .english, let evidence = texts.text(TextKey(.rule(rule.id), "evidence"), for: variant) { rule.evidence = evidence.plain }
            return rule
        }
        // A category holds both audiences' words itself; a language gives
        // each from its own self and reception texts (its self words where
        // it has no reception ones).
        if variant.language != .english {
            worded.derived = derived.map { value in
                var value = value
                if let label = texts.text(TextKey(.derived(value.name), "label"), for: variant) { value.label = label.plain }
                return value
            }
            if var pressure = worded.pressure {
                for (code, level) in pressure.levels {
                    pressure.levels[code] = texts.text(TextKey(.pressure(code), "levels"), for: variant)?.plain ?? level
                }
                worded.pressure = pressure
            }
        }
        if variant.language != .english {
            let own = TextVariant(language: variant.language, audience: .self)
            let desk = TextVariant(language: variant.language, audience: .reception)
            worded.categories = categories.map { category in
                var category = category
                let look = { (field: String, audience: TextVariant) in texts.text(TextKey(.category(category.code), field), for: audience)?.plain }
                category.title = look("title", variant) ?? category.title
                if let text = look("text", own) { category.selfText = text }
                if let text = texts.exact(TextKey(.category(category.code), "text"), in: desk)?.plain ?? look("text", own) { category.receptionText = text }
                if category.notedSelfText != nil, let text = look("noted", own) { category.notedSelfText = text }
                if category.notedReceptionText != nil, let text = texts.exact(TextKey(.category(category.code), "noted"), in: desk)?.plain ?? look("noted", own) {
                    category.notedReceptionText = text
                }
                return category
            }
        }
        return worded
    }

    /// Every text a translation of this file gives, with its English self
    /// words (what `source` copies) and whether the file has a reception
    /// wording for it (then a translation needs one too): `ownTexts()`,
    /// the rules' evidence and the categories' texts.
    public func translatableTexts() -> [(key: TextKey, text: String, hasReception: Bool)] {
        let reception = TextVariant(audience: .reception)
        var found = ownTexts().map { (key: $0.key, text: $0.text, hasReception: texts.exact($0.key, in: reception) != nil) }
        for rule in rules where !rule.evidence.isEmpty {
            found.append((TextKey(.rule(rule.id), "evidence"), rule.evidence, false))
        }
        for category in categories {
            found.append((TextKey(.category(category.code), "title"), category.title, false))
            found.append((TextKey(.category(category.code), "text"), category.selfText, true))
            if let noted = category.notedSelfText { found.append((TextKey(.category(category.code), "noted"), noted, category.notedReceptionText != nil)) }
        }
        for value in derived { found.append((TextKey(.derived(value.name), "label"), value.label, false)) }
        for (code, level) in (pressure?.levels ?? [:]).sorted(by: { $0.key < $1.key }) { found.append((TextKey(.pressure(code), "levels"), level, false)) }
        return found
    }

    /// The texts of a translation of this file: each entry's `self` and
    /// `reception` under (its language, self) and (its language,
    /// reception). A discussion point or headline may be a list of pieces
    /// like the rules file's (a condition on each), read the same way;
    /// every other text is a string. A wrong shape is refused with the
    /// translation's file and JSON path.
    public func translationTexts(_ translation: Translation, questionnaire: Questionnaire, lexicon: MedicationLexicon) throws(DiagnosticError) -> TextCatalog<RuleText> {
        var reader = RuleReader(log: DiagnosticLog(file: translation.file, source: translation.source), questionnaire: questionnaire, lexicon: lexicon)
        reader.derived = derived
        for value in derived { reader.derivedTypes[value.name] = value.type }
        var catalog = TextCatalog<RuleText>()
        for entry in translation.entries {
            let pieces: Bool
            if case .rule = entry.key.owner, entry.key.field == "discuss" || entry.key.field == "headline" { pieces = true } else { pieces = false }
            for (audience, value) in [(Audience.`self`, Optional(entry.selfText)), (Audience.reception, entry.reception)] as [(Audience, JSONValue?)] {
                guard let value else { continue }
                let path = entry.path.appending(audience == .self ? "self" : "reception")
                let text: RuleText?
                if pieces, let list = value.arrayValue, list.allSatisfy({ $0.stringValue != nil }),
                   let english = englishPieces(entry.key, audience: audience), english.count == list.count {
                    // A piece for each of the English pieces, said when it is.
                    text = RuleText(pieces: zip(english, list).map { RuleText.Piece(condition: $0.condition, text: $1.stringValue ?? "") })
                } else if pieces {
                    text = reader.readText(value, at: path)
                } else if let words = value.stringValue {
                    text = RuleText(words)
                } else {
                    reader.log.error("'\(entry.key)' is one text: give a string", at: value, path: path)
                    text = nil
                }
                if let text { catalog.set(text, for: entry.key, in: TextVariant(language: translation.language, audience: audience)) }
            }
        }
        if reader.log.hasErrors { throw DiagnosticError(reader.log.diagnostics.filter { $0.severity == .error }) }
        return catalog
    }

    /// The pieces of a rule's discussion point or headline in English, for
    /// the audience (its reception words where it has them).
    func englishPieces(_ key: TextKey, audience: Audience) -> [RuleText.Piece]? {
        guard case .rule(let id) = key.owner, let rule = rules.first(where: { $0.id == id }) else { return nil }
        if audience == .reception, let reception = texts.exact(key, in: TextVariant(audience: .reception)) { return reception.pieces }
        return key.field == "headline" ? rule.headline?.pieces : rule.discussText.pieces
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
