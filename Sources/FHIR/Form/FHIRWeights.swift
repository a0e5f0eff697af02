import QuestionnaireModel

/// The scores FHIR forms attach to answer options (`ordinalValue`,
/// `itemWeight`), looked up the way SDC's `ordinal()` and `weight()` do.
enum FHIRWeights {
    static let urls: Set<String> = [
        "http://hl7.org/fhir/StructureDefinition/ordinalValue",
        "http://hl7.org/fhir/StructureDefinition/itemWeight",
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemWeight",
    ]

    /// The weight an element (an option, a value set concept, a coding)
    /// carries in its own extensions.
    static func weight(in element: JSONValue) -> Double? {
        for extensionValue in element["extension"]?.arrayValue ?? [] where urls.contains(extensionValue["url"]?.stringValue ?? "") {
            if let number = (extensionValue["valueDecimal"] ?? extensionValue["valueInteger"])?.numberValue { return number.double }
        }
        return nil
    }

    /// The weight of the option with `code` (and `system`, when both say
    /// one) at the item `linkId`, or anywhere in the form when the item
    /// has none for it.
    static func weight(ofCode code: String, system: String?, linkId: String?, in questionnaire: JSONValue) -> Double? {
        let contained = questionnaire["contained"]?.arrayValue ?? []
        var items: [JSONValue] = []
        func collect(_ list: [JSONValue]) {
            for item in list {
                items.append(item)
                collect(item["item"]?.arrayValue ?? [])
            }
        }
        collect(questionnaire["item"]?.arrayValue ?? [])
        let own = items.filter { linkId != nil && $0["linkId"]?.stringValue == linkId }
        for candidates in [own, items] {
            for item in candidates {
                if let weight = weight(ofCode: code, system: system, at: item, contained: contained) { return weight }
            }
        }
        return nil
    }

    static func weight(ofCode code: String, system: String?, at item: JSONValue, contained: [JSONValue]) -> Double? {
        func fits(_ coding: JSONValue, system includeSystem: String? = nil) -> Bool {
            guard coding["code"]?.stringValue == code else { return false }
            let optionSystem = coding["system"]?.stringValue ?? includeSystem
            return system == nil || optionSystem == nil || system == optionSystem
        }
        for option in item["answerOption"]?.arrayValue ?? [] {
            guard let coding = option["valueCoding"], fits(coding) else { continue }
            if let weight = weight(in: option) ?? weight(in: coding) { return weight }
        }
        guard let reference = item["answerValueSet"]?.stringValue, reference.hasPrefix("#"),
              let valueSet = contained.first(where: { $0["id"]?.stringValue == String(reference.dropFirst()) })
        else { return nil }
        for include in valueSet["compose"]?["include"]?.arrayValue ?? [] {
            for concept in include["concept"]?.arrayValue ?? [] where fits(concept, system: include["system"]?.stringValue) {
                if let weight = weight(in: concept) { return weight }
            }
        }
        for entry in valueSet["expansion"]?["contains"]?.arrayValue ?? [] where fits(entry) {
            if let weight = weight(in: entry) { return weight }
        }
        return nil
    }
}
