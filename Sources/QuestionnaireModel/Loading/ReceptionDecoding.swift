/// Reading a file's `reception` objects (its texts as a staff member at a
/// front desk reads them) and its `audiences`.
extension QuestionnaireDecoder {
    /// The `reception` object of an owner (the questionnaire, a section, a
    /// node or an option): the owner's own text fields, reworded. Each field
    /// must be one the owner may have (`fields`) and does have (`own`), so a
    /// misspelt or orphaned reception text is an error, never ignored.
    mutating func decodeReception(_ object: JSONObject, of owner: TextKey.Owner, at path: JSONPath, fields: [String], own: [String: String]) {
        guard let value = object["reception"] else { return }
        let receptionPath = path.appending("reception")
        let what = "a 'reception' object (the texts as a staff member reads them: \(fields.joined(separator: ", ")))"
        guard let reception = reader.object(value, at: receptionPath, what: what, allowed: fields) else { return }
        if reception.members.isEmpty {
            reader.log.error("'reception' is empty: give the texts as a staff member reads them, or remove it", at: value, path: receptionPath)
        }
        for member in reception.members where fields.contains(member.key) {
            guard let text = reader.string(reception, member.key, at: receptionPath, in: value, required: true, what: "the \(member.key) as a staff member reads it") else { continue }
            guard own[member.key] != nil else {
                reader.log.report(.error, "'\(member.key)' in 'reception' rewords no '\(member.key)' of its own: add '\(member.key)' beside 'reception' first", offset: member.keyOffset, path: receptionPath.appending(member.key))
                continue
            }
            texts.set(text, for: TextKey(owner, member.key), in: TextVariant(audience: .reception))
        }
    }

    /// The top-level `audiences`: who the questionnaire is meant for
    /// (`self`, `reception`); both when it does not say.
    mutating func decodeAudiences(_ object: JSONObject, at path: JSONPath) -> [Audience] {
        guard let value = object["audiences"] else { return Audience.allCases }
        let audiencesPath = path.appending("audiences")
        let names = Audience.allCases.map(\.rawValue).joined(separator: ", ")
        guard let list = value.arrayValue, !list.isEmpty else {
            reader.log.error("'audiences' must be a non-empty list of \(names), found \(value.typeDescription)", at: value, path: audiencesPath)
            return Audience.allCases
        }
        var audiences: [Audience] = []
        for (index, element) in list.enumerated() {
            guard let name = element.stringValue, let audience = Audience(rawValue: name) else {
                let hint = element.stringValue.map { Suggestion.hint(for: $0, among: Audience.allCases.map(\.rawValue)) } ?? ""
                reader.log.error("an audience must be one of \(names)\(hint)", at: element, path: audiencesPath.appending(index))
                continue
            }
            if !audiences.contains(audience) { audiences.append(audience) }
        }
        return audiences.isEmpty ? Audience.allCases : audiences
    }
}
