import QuestionnaireModel

extension Assessment {
    /// The assessment as JSON, for scripts and transcripts. `category` and
    /// `rules` (each with its `id`) are stable; other fields may grow.
    public var json: JSONValue {
        func reasonJSON(_ reason: Reason) -> JSONValue {
            let kind = if case .question = reason.subject { "question" } else { "value" }
            return .object([kind: .string(reason.subject.name), "label": .string(reason.label), "answer": .string(reason.value)])
        }
        let rules = fired.map { rule -> JSONValue in
            var object = JSONObject()
            object.set("id", .string(rule.id))
            object.set("title", .string(rule.title))
            object.set("effect", .string(rule.effect.description))
            object.set("because", .array(rule.reasons.map(reasonJSON)))
            object.set("discuss", .string(rule.discuss))
            object.set("evidence", .string(rule.evidence))
            if rule.cautiousBecauseUnknown { object.set("cautiousBecauseUnknown", .bool(true)) }
            object.set("section", .string(rule.section.rawValue))
            if rule.first { object.set("first", .bool(true)) }
            return .object(object)
        }
        var object = JSONObject()
        object.set("category", .string(category.code))
        object.set("title", .string(category.title))
        object.set("provisional", .bool(isProvisional))
        object.set("rules", .array(rules))
        object.set("supporting", .array(supporting.map { .string($0.id) }))
        object.set("discussionPoints", .array(discussionPoints.map(JSONValue.string)))
        object.set("notChecked", .array(unchecked.map { .object(["id": .string($0.id), "missing": .array($0.missing.map(JSONValue.string))]) }))
        object.set("missingAnswers", .array(missingAnswers.map(JSONValue.string)))
        object.set("medicines", .object([
            "recognised": .array(medicines.recognised.map { match in
                .object(["entry": .string(match.entry), "medicines": .array(match.generics.map(JSONValue.string)), "classes": .array(match.classes.map(JSONValue.string))])
            }),
            "unrecognised": .array(medicines.unrecognised.map(JSONValue.string)),
            "possibleMatches": .array(medicines.possibleMatches.map { match in
                .object(["entry": .string(match.entry), "typed": .string(match.typed), "name": .string(match.name), "class": .string(match.classLabel)])
            }),
        ]))
        object.set("headline", .object([
            "self": .string(headlineSelf), "reception": .string(headlineReception), "notes": .array(headlineNotes.map(JSONValue.string)),
        ]))
        object.set("first", .array(firstPoints.map(JSONValue.string)))
        object.set("sections", .array(sections.map { section in
            .object(["section": .string(section.section.rawValue), "points": .array(section.points.map(JSONValue.string))])
        }))
        object.set("pressureCap", pressureCap.map { cap in
            .object([
                "code": .string(cap.code), "words": .string(cap.words), "rules": .array(cap.rules.map(JSONValue.string)),
                "preferenceAbove": .bool(cap.preferenceAbove), "text": .string(cap.text),
            ])
        } ?? .null)
        object.set("assumptions", .array(assumptions.map { item in
            .object(["question": .string(item.question), "label": .string(item.label), "assumed": .string(item.value)])
        }))
        object.set("crisisText", crisisText.map(JSONValue.string) ?? .null)
        object.set("atTop", .array(atTop.map(reasonJSON)))
        var values = JSONObject()
        for item in derived { values.set(item.name, .string(item.value)) }
        object.set("derived", .object(values))
        object.set("disclaimer", .string(disclaimer))
        return .object(object)
    }
}

/// The gist of an assessment, as a transcript records it at the end of a
/// session: the category and the ids of the rules that fired. Replay
/// compares the recorded one with the one today's rules give.
public struct AssessmentOutcome: Sendable, Equatable {
    public var category: String
    public var rules: [String]

    public init(category: String, rules: [String]) {
        self.category = category
        self.rules = rules
    }

    /// The outcome of `assessment`.
    public init(_ assessment: Assessment) {
        self.init(category: assessment.category.code, rules: assessment.fired.map(\.id))
    }

    /// The outcome in an assessment's JSON (`Assessment.json`), as read
    /// back from a transcript; nil when it has no category. The text is as
    /// the file holds it: escape it before showing it.
    public init?(json: JSONValue?) {
        guard let json, let category = json["category"]?.stringValue else { return nil }
        self.category = category
        self.rules = (json["rules"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
    }
}
