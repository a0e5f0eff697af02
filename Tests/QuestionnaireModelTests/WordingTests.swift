import Testing
@testable import QuestionnaireModel

/// The words of a questionnaire for an audience and a language: `reception`
/// objects read with located errors, and one lookup order that translation
/// files will plug into.
@Suite("Wording")
struct WordingTests {
    static func questionnaire(_ nodeExtra: String = "", option: String = "", section: String = "", top: String = "") -> String {
        """
        {"id": "q", "version": "1", "title": "Your check-in",\(top)
         "sections": [{"id": "s", "title": "Your pain"\(section)}],
         "start": "a",
         "nodes": [
           {"id": "a", "kind": "single", "section": "s", "text": "Where does your pain start?", "hint": "One area."\(nodeExtra),
            "options": [{"code": "neck", "label": "Your neck", "aliases": ["nape"]\(option)}, {"code": "back", "label": "Back"}], "next": "b"},
           {"id": "b", "kind": "scale", "text": "How bad?", "min": 0, "max": 10, "maxLabel": "worst you can imagine", "reception": {"maxLabel": "worst the client can imagine"}}
         ]}
        """
    }

    func load(_ text: String) throws(DiagnosticError) -> Questionnaire {
        try QuestionnaireLoader.load(Array(text.utf8), file: "q.json").questionnaire
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func receptionWordsReplaceEveryKindOfTextAndNothingElse() throws {
        let file = Self.questionnaire(
            #", "reception": {"text": "Where does the client's pain start?"}"#, option: #", "reception": {"label": "The client's neck"}"#,
            section: #", "reception": {"title": "The client's pain"}"#, top: #" "reception": {"title": "The client's check-in"},"#)
        let questionnaire = try load(file)
        let worded = questionnaire.worded(TextVariant(audience: .reception))
        #expect(worded.title == "The client's check-in")
        #expect(worded.sections[0].title == "The client's pain")
        #expect(worded.node("a")?.text == "Where does the client's pain start?")
        #expect(worded.node("a")?.hint == "One area.", "a text without reception words stays")
        #expect(worded.label(of: "neck", at: worded.node("a")!) == "The client's neck")
        if case .scale(_, _, _, let maxLabel)? = worded.node("b")?.spec { #expect(maxLabel == "worst the client can imagine") } else { Issue.record("not a scale") }
        // What may be typed is the same in both: the file's label and aliases.
        guard case .fixed(let options)? = worded.node("a")?.spec.choiceSource else {
            Issue.record("no options")
            return
        }
        for typed in ["your neck", "nape", "neck", "1"] {
            #expect(try worded.node("a")!.parse(typed, options: options).get() == questionnaire.node("a")!.parse(typed, options: options).get())
        }
        // Self: the file's own words.
        #expect(questionnaire.worded(.original).node("a")?.text == "Where does your pain start?")
        #expect(questionnaire.worded(TextVariant(audience: .self)).title == "Your check-in")
    }

    @Test func aMistakeInReceptionWordsIsLocated() {
        #expect(problems(Self.questionnaire(#", "reception": {"txet": "x"}"#)).contains { $0.contains("$.nodes[0].reception.txet: unknown key 'txet'") && $0.contains("did you mean 'text'") })
        #expect(problems(Self.questionnaire(#", "reception": {"why": "x"}"#)).contains { $0.contains("$.nodes[0].reception.why: 'why' in 'reception' rewords no 'why' of its own") })
        #expect(problems(Self.questionnaire(#", "reception": {"minLabel": "x"}"#)).contains { $0.contains("$.nodes[0].reception.minLabel: unknown key 'minLabel'") })
        #expect(problems(Self.questionnaire(#", "reception": {"text": ""}"#)).contains { $0.contains("$.nodes[0].reception.text: 'text' is empty") })
        #expect(problems(Self.questionnaire(#", "reception": "x""#)).contains { $0.contains("$.nodes[0].reception: a 'reception' object") && $0.contains("must be an object") })
        #expect(problems(Self.questionnaire(option: #", "reception": {"aliases": ["x"]}"#)).contains { $0.contains("$.nodes[0].options[0].reception.aliases: unknown key 'aliases'") })
        #expect(problems(Self.questionnaire(section: #", "reception": {}"#)).contains { $0.contains("$.sections[0].reception: 'reception' is empty") })
        #expect(problems(Self.questionnaire(top: #" "audiences": ["self", "desk"],"#)).contains { $0.contains("$.audiences[1]: an audience must be one of self, reception") })
    }

    @Test func audiencesAreBothUnlessTheFileSays() throws {
        #expect(try load(Self.questionnaire()).audiences == [.self, .reception])
        #expect(try load(Self.questionnaire(top: #" "audiences": ["self"],"#)).audiences == [.self])
    }

    /// How a translation file plugs in: its texts join the catalogue under
    /// their language, and a lookup falls back language and audience,
    /// language self, English audience, then the file's own words.
    @Test func theLookupOrderFallsBackFromLanguageAndAudienceToTheFile() throws {
        var questionnaire = try load(Self.questionnaire(#", "reception": {"text": "Where does the client's pain start?"}"#))
        let korean: Language = "ko"
        var translation = TextCatalog<String>()
        translation.set("통증이 어디에서 시작됩니까?", for: TextKey(.node("a"), "text"), in: TextVariant(language: korean, audience: .self))
        translation.set("한 곳.", for: TextKey(.node("a"), "hint"), in: TextVariant(language: korean, audience: .self))
        translation.set("고객님의 통증은 어디에서 시작됩니까?", for: TextKey(.node("a"), "text"), in: TextVariant(language: korean, audience: .reception))
        questionnaire.texts.merge(translation)
        let koreanDesk = questionnaire.worded(TextVariant(language: korean, audience: .reception))
        #expect(koreanDesk.node("a")?.text == "고객님의 통증은 어디에서 시작됩니까?")
        #expect(koreanDesk.node("a")?.hint == "한 곳.", "Korean self words where Korean has no reception words")
        #expect(koreanDesk.node("b")?.text == "How bad?", "English where Korean has nothing")
        if case .scale(_, _, _, let maxLabel)? = koreanDesk.node("b")?.spec { #expect(maxLabel == "worst the client can imagine", "English reception before English self") }
        #expect(questionnaire.worded(TextVariant(language: korean, audience: .self)).node("a")?.text == "통증이 어디에서 시작됩니까?")
        #expect(TextVariant(language: korean, audience: .reception).lookupOrder == [
            TextVariant(language: korean, audience: .reception), TextVariant(language: korean, audience: .self),
            TextVariant(language: .english, audience: .reception), .original,
        ])
    }

    @Test func addressingTheReaderIsAWholeWordInAnyCase() {
        for text in ["How old are you?", "YOUR pain", "you're welcome", "Look after yourself.", "Is it yours", "you’re — café", "Naïve? You", "you"] {
            #expect(ReceptionReview.addressesReader(text), "\(text)")
        }
        for text in ["How old is the client?", "Young adults", "Yourk", "bayou", "youé", "yo u", "y-o-u", "", "Yo", "café youth", "yous2"] {
            #expect(!ReceptionReview.addressesReader(text), "\(text)")
        }
    }
}
