import Foundation
import Testing
@testable import QuestionnaireModel

/// The contract test of the default questionnaire, `Questionnaires/massage-intake.json`,
/// against the content specification (CLINICAL.md): question ids and kinds,
/// option codes, ranges, follow-ups and the urgent early stop.
@Suite("Default questionnaire (massage-intake.json)")
struct DefaultQuestionnaireTests {
    // MARK: - The contract, copied from CLINICAL.md

    /// `head` … `abdomen`, then each limb area with `-left` and `-right`.
    static let regionCodes: [String] =
        ["head", "jaw", "neck", "upper-back", "lower-back", "chest", "abdomen"]
        + ["shoulder", "upper-arm", "lower-arm", "hand", "hip", "upper-leg", "knee", "lower-leg", "foot"]
        .flatMap { ["\($0)-left", "\($0)-right"] }

    /// Every question of CLINICAL.md's table, in its order, with its kind.
    static let questions: [(id: String, kind: NodeKind)] = [
        ("age_band", .single),
        ("pain_duration", .duration),
        ("pain_frequency", .single),
        ("pain_locations", .multi),
        ("pain_primary", .single),
        ("pain_intensity", .scale),
        ("pain_enjoyment", .scale),
        ("pain_activity", .scale),
        ("pain_causes", .multi),
        ("red_flags", .multi),
        ("today_unwell", .multi),
        ("conditions", .multi),
        ("pregnancy_high_risk", .yesno),
        ("pregnancy_weeks", .number),
        ("recent_events", .multi),
        ("recent_event_site", .multi),
        ("medications", .medications),
        ("stress_level", .scale),
        ("pss_1", .scale), ("pss_2", .scale), ("pss_3", .scale), ("pss_4", .scale),
        ("stress_worsens_pain", .single),
        ("phq_1", .scale), ("phq_2", .scale), ("phq_3", .scale), ("phq_4", .scale),
        ("sleep_quality", .single),
        ("goals", .multi),
        ("other_care", .multi),
        ("prior_massage", .single),
        ("pressure_preference", .single),
        ("positioning_limits", .multi),
        ("areas_to_avoid", .text),
    ]

    /// The only question CLINICAL.md marks optional.
    static let optionalQuestions: Set<String> = ["areas_to_avoid"]

    /// Option codes of every choice question with options of its own.
    static let optionCodes: [String: [String]] = [
        "age_band": ["under-18", "18-50", "over-50"],
        "pain_frequency": ["some-days", "most-days", "every-day"],
        "pain_locations": regionCodes,
        "pain_causes": ["osteoarthritis", "inflammatory-arthritis", "fibromyalgia", "injury", "surgery", "unknown", "other"],
        "red_flags": [
            "bladder-bowel-change", "saddle-numbness", "leg-weakness-worsening", "calf-swollen-red-warm",
            "sudden-breathlessness-or-chest-pain", "unexplained-weight-loss", "night-pain-at-rest", "fever-or-chills",
            "recent-major-trauma", "none",
        ],
        "today_unwell": ["fever", "contagious-illness", "dizziness-or-fainting", "none"],
        "conditions": [
            "dvt-current", "dvt-past", "bleeding-disorder", "cancer-active-treatment", "cancer-history", "osteoporosis",
            "pregnancy", "blood-pressure-uncontrolled", "blood-pressure-controlled", "heart-condition", "diabetes",
            "neuropathy-or-numbness", "skin-wound-rash-infection", "varicose-veins", "implanted-device", "epilepsy", "none",
        ],
        "recent_events": [
            "surgery-last-3-months", "fracture-last-3-months", "injury-last-6-weeks", "steroid-injection-last-month", "none",
        ],
        "recent_event_site": regionCodes,
        "stress_worsens_pain": ["not-at-all", "a-little", "a-lot"],
        "sleep_quality": ["good", "fair", "poor"],
        "goals": ["reduce-pain", "move-better", "sleep-better", "reduce-stress", "relax", "complement-other-care"],
        "other_care": ["exercise-or-physio", "pain-medication", "chiropractic", "acupuncture", "psychological", "none"],
        "prior_massage": ["never", "helped", "no-change", "worse-or-bruising"],
        "pressure_preference": ["light", "medium", "firm", "not-sure"],
        "positioning_limits": ["cannot-lie-face-down", "cannot-lie-flat", "none"],
    ]

    /// Red flags that end the interview at once (CLINICAL.md, "Flow").
    static let urgentFlags = [
        "bladder-bowel-change", "saddle-numbness", "leg-weakness-worsening", "calf-swollen-red-warm",
        "sudden-breathlessness-or-chest-pain",
    ]
    static let otherFlags = ["unexplained-weight-loss", "night-pain-at-rest", "fever-or-chills", "recent-major-trauma", "none"]

    // MARK: - Loading

    static let relativePath = "Questionnaires/massage-intake.json"

    /// The package root: this file is `Tests/QuestionnaireModelTests/…`, three levels down.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> QuestionnaireLoader.Loaded {
        let path = packageRoot.appendingPathComponent(relativePath).path
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        do {
            return try QuestionnaireLoader.load([UInt8](data), file: relativePath)
        } catch {
            Issue.record("\(relativePath) does not load:\n\(error.description)")
            throw error
        }
    }

    static func questionnaire() throws -> Questionnaire {
        try load().questionnaire
    }

    /// Another questionnaire shipped beside it, such as "follow-up".
    static func questionnaire(_ name: String) throws -> Questionnaire {
        let path = "Questionnaires/\(name).json"
        let data = try #require(FileManager.default.contents(atPath: packageRoot.appendingPathComponent(path).path), "cannot read \(path)")
        return try QuestionnaireLoader.load([UInt8](data), file: path).questionnaire
    }

    /// The nodes visited from the start when the person gives `answers`
    /// (questions missing from `answers` count as not answered).
    static func route(_ questionnaire: Questionnaire, _ answers: [String: AnswerValue]) -> [String] {
        let lookup: (Subject) -> Lookup = { subject in
            guard case .question(let id) = subject, let value = answers[id] else { return .absent }
            return .value(value)
        }
        var path: [String] = []
        var current: String? = questionnaire.start
        while let id = current, let node = questionnaire.node(id), path.count <= questionnaire.nodes.count {
            path.append(id)
            switch node.next {
            case .end:
                current = nil
            case .node(let next):
                current = next
            case .branches(let branches):
                current = branches.first { branch in
                    guard let condition = branch.condition else { return true }
                    return condition.evaluate(lookup) == .yes
                }?.target
            }
        }
        return path
    }

    /// Questions (not info steps) in a route.
    static func questionsIn(_ path: [String], of questionnaire: Questionnaire) -> [String] {
        path.filter { questionnaire.node($0)?.kind != .info }
    }

    // MARK: - Tests

    @Test func loadsWithoutErrorsOrWarnings() throws {
        let loaded = try Self.load()
        #expect(loaded.warnings.isEmpty, "warnings:\n\(loaded.warnings.map(\.description).joined(separator: "\n"))")
        #expect(loaded.questionnaire.id == "massage-intake")
        #expect(loaded.questionnaire.node(loaded.questionnaire.start)?.kind == .info, "the interview opens with a welcome")
    }

    @Test func everyContractQuestionHasItsKind() throws {
        let questionnaire = try Self.questionnaire()
        for (id, kind) in Self.questions {
            guard let node = questionnaire.node(id) else {
                Issue.record("question '\(id)' is missing")
                continue
            }
            #expect(node.kind == kind, "'\(id)' is \(node.kind.rawValue), CLINICAL.md says \(kind.rawValue)")
            #expect(node.required == !Self.optionalQuestions.contains(id), "'\(id)' required should be \(!Self.optionalQuestions.contains(id))")
        }
    }

    @Test func everyContractOptionCodeExists() throws {
        let questionnaire = try Self.questionnaire()
        for (id, expected) in Self.optionCodes.sorted(by: { $0.key < $1.key }) {
            guard case .fixed(let options)? = questionnaire.node(id)?.spec.choiceSource else {
                Issue.record("'\(id)' has no options of its own")
                continue
            }
            let codes = options.map(\.code)
            let missing = expected.filter { !codes.contains($0) }
            let extra = codes.filter { !expected.contains($0) }
            #expect(missing.isEmpty, "'\(id)' lacks the codes \(missing)")
            #expect(extra.isEmpty, "'\(id)' has codes CLINICAL.md does not list: \(extra)")
            for option in options where option.code == "none" {
                #expect(option.exclusive, "'none' of '\(id)' must be exclusive")
            }
        }
        #expect(Self.regionCodes.count == 25)
    }

    @Test func rangesMatchTheInstruments() throws {
        let questionnaire = try Self.questionnaire()
        func scale(_ id: String) -> (Int, Int)? {
            guard case .scale(let min, let max, _, _)? = questionnaire.node(id)?.spec else { return nil }
            return (min, max)
        }
        for id in ["pain_intensity", "pain_enjoyment", "pain_activity", "stress_level"] {
            #expect(scale(id).map { [$0.0, $0.1] } == [0, 10], "'\(id)' must be a 0-10 scale")
        }
        for index in 1...4 {
            #expect(scale("pss_\(index)").map { [$0.0, $0.1] } == [0, 4], "'pss_\(index)' must be 0-4")
            #expect(scale("phq_\(index)").map { [$0.0, $0.1] } == [0, 3], "'phq_\(index)' must be 0-3")
        }
        guard case .number(let min, let max, let integer, _)? = questionnaire.node("pregnancy_weeks")?.spec else {
            Issue.record("'pregnancy_weeks' is not a number")
            return
        }
        #expect(min == 1 && max == 42 && integer)
        guard case .duration(let minDays, let maxDays)? = questionnaire.node("pain_duration")?.spec else {
            Issue.record("'pain_duration' is not a duration")
            return
        }
        let eightyYears = try QuestionnaireModel.Duration.days(in: "80 years").get()
        #expect(minDays == 0)
        #expect(maxDays == eightyYears)
    }

    @Test func mainAreaIsChosenAmongTheAreasThatHurt() throws {
        let questionnaire = try Self.questionnaire()
        guard case .answerOf(let source)? = questionnaire.node("pain_primary")?.spec.choiceSource else {
            Issue.record("'pain_primary' must take its options from 'pain_locations'")
            return
        }
        #expect(source == "pain_locations")
        let answers = ["pain_locations": Answer(value: .choices(["neck", "knee-left"]), raw: "neck, left knee")]
        let offered = questionnaire.options(for: questionnaire.node("pain_primary")!, answers: answers).map(\.code)
        #expect(offered == ["neck", "knee-left"])
    }

    @Test func addedQuestionsAreOptionalOrHaveADefault() throws {
        let questionnaire = try Self.questionnaire()
        let contract = Set(Self.questions.map(\.id))
        for node in questionnaire.questions where !contract.contains(node.id) {
            #expect(!node.required || node.defaultAnswer != nil, "'\(node.id)' is not in CLINICAL.md: make it optional or give it a default")
        }
    }

    @Test func everyQuestionExplainsItselfAndBelongsToASection() throws {
        let questionnaire = try Self.questionnaire()
        for node in questionnaire.questions {
            #expect(!(node.why ?? "").isEmpty, "'\(node.id)' needs a 'why'")
            #expect(node.section.flatMap(questionnaire.section) != nil, "'\(node.id)' needs a section")
        }
        for index in 1...4 {
            #expect(questionnaire.node("pss_\(index)")?.hint?.contains("4 very often") == true)
            #expect(questionnaire.node("phq_\(index)")?.hint?.contains("3 nearly every day") == true)
        }
    }

    // MARK: Flow

    @Test(arguments: DefaultQuestionnaireTests.urgentFlags)
    func urgentFlagEndsTheInterviewAtOnce(flag: String) throws {
        let questionnaire = try Self.questionnaire()
        for flags in [[flag], ["night-pain-at-rest", flag]] {
            let path = Self.route(questionnaire, [
                "pain_locations": .choices(["lower-back"]),
                "red_flags": .choices(flags),
            ])
            let redFlags = try #require(path.firstIndex(of: "red_flags"))
            let after = path[(redFlags + 1)...]
            #expect(after.count == 1, "\(flags): after red_flags the route is \(Array(after))")
            let stop = try #require(after.first.flatMap(questionnaire.node))
            #expect(stop.kind == .info && stop.urgent, "\(flags) leads to '\(stop.id)', not an urgent info node")
            if case .end = stop.next {} else { Issue.record("'\(stop.id)' must end the interview") }
        }
    }

    @Test(arguments: DefaultQuestionnaireTests.otherFlags)
    func otherFlagsCarryOn(flag: String) throws {
        let questionnaire = try Self.questionnaire()
        let path = Self.route(questionnaire, ["pain_locations": .choices(["neck"]), "red_flags": .choices([flag])])
        #expect(!path.contains { questionnaire.node($0)?.urgent == true }, "\(flag) must not stop the interview: \(path)")
        #expect(path.contains("today_unwell"))
        let last = try #require(path.last.flatMap(questionnaire.node))
        #expect(last.kind == .info && !last.urgent, "the interview should end at the closing info node, not '\(last.id)'")
        // Every required question of the contract is asked, bar the follow-ups that were not triggered.
        let followUps: Set<String> = ["pain_primary", "pregnancy_high_risk", "pregnancy_weeks", "recent_event_site"]
        let asked = Set(path)
        for (id, _) in Self.questions where !followUps.contains(id) {
            #expect(asked.contains(id), "'\(id)' is never asked when red_flags is \(flag)")
        }
    }

    @Test func redFlagsComeEarly() throws {
        let questionnaire = try Self.questionnaire()
        let path = Self.route(questionnaire, ["pain_locations": .choices(["neck", "lower-back"]), "red_flags": .choices(["none"])])
        let before = Self.questionsIn(Array(path.prefix { $0 != "red_flags" }), of: questionnaire)
        #expect(before.count <= 6, "red_flags comes after \(before.count) questions: \(before)")
        #expect(before.contains("pain_primary"))
    }

    @Test func pregnancyFollowUpsOnlyWithPregnancy() throws {
        let questionnaire = try Self.questionnaire()
        let base: [String: AnswerValue] = ["red_flags": .choices(["none"])]
        let pregnant = Self.route(questionnaire, base.merging(["conditions": .choices(["pregnancy", "diabetes"])]) { $1 })
        let conditions = try #require(pregnant.firstIndex(of: "conditions"))
        for id in ["pregnancy_high_risk", "pregnancy_weeks"] {
            let index = try #require(pregnant.firstIndex(of: id), "'\(id)' is not asked in pregnancy")
            #expect(index > conditions)
        }
        for answer in [["none"], ["diabetes", "osteoporosis"], ["dvt-past"]] {
            let path = Self.route(questionnaire, base.merging(["conditions": .choices(answer)]) { $1 })
            #expect(!path.contains("pregnancy_high_risk") && !path.contains("pregnancy_weeks"), "asked for conditions \(answer)")
            #expect(path.contains("recent_events"))
        }
    }

    @Test func mainAreaOnlyWithTwoOrMoreAreas() throws {
        let questionnaire = try Self.questionnaire()
        for (areas, asked) in [(["lower-back"], false), (["lower-back", "neck"], true), (["head", "jaw", "foot-left"], true)] {
            let path = Self.route(questionnaire, ["pain_locations": .choices(areas), "red_flags": .choices(["none"])])
            #expect(path.contains("pain_primary") == asked, "areas \(areas): pain_primary asked = \(path.contains("pain_primary"))")
        }
    }

    @Test func eventSiteOnlyAfterARecentEvent() throws {
        let questionnaire = try Self.questionnaire()
        let events = ["surgery-last-3-months", "fracture-last-3-months", "injury-last-6-weeks", "steroid-injection-last-month"]
        for event in events {
            let path = Self.route(questionnaire, ["red_flags": .choices(["none"]), "recent_events": .choices([event])])
            #expect(path.contains("recent_event_site"), "'recent_event_site' not asked after \(event)")
        }
        let path = Self.route(questionnaire, ["red_flags": .choices(["none"]), "recent_events": .choices(["none"])])
        #expect(!path.contains("recent_event_site"))
    }

    @Test func everyQuestionIsAskedOnSomeRoute() throws {
        let questionnaire = try Self.questionnaire()
        let path = Self.route(questionnaire, [
            "pain_locations": .choices(["neck", "knee-left"]),
            "red_flags": .choices(["night-pain-at-rest"]),
            "conditions": .choices(["pregnancy"]),
            "recent_events": .choices(["injury-last-6-weeks"]),
        ])
        for (id, _) in Self.questions {
            #expect(path.contains(id), "'\(id)' is not on the route with every follow-up triggered")
        }
    }

    @Test func everyEndIsAnInfoNode() throws {
        let questionnaire = try Self.questionnaire()
        var ordinaryEnds: [String] = []
        for node in questionnaire.nodes {
            guard case .end = node.next else { continue }
            #expect(node.kind == .info, "the interview ends after '\(node.id)', which is a question")
            if !node.urgent { ordinaryEnds.append(node.id) }
        }
        #expect(ordinaryEnds.count == 1, "one closing node expected, found \(ordinaryEnds)")
    }

    // MARK: Typed answers and wording

    /// Parses `text` as an answer to `id`, as typed at the prompt.
    static func parse(_ questionnaire: Questionnaire, _ id: String, _ text: String) -> AnswerValue? {
        guard let node = questionnaire.node(id) else { return nil }
        return try? node.parse(text, options: questionnaire.options(for: node, answers: [:])).get()
    }

    @Test func commonWordsFindTheRightOption() throws {
        let questionnaire = try Self.questionnaire()
        let cases: [(String, String, AnswerValue)] = [
            ("pain_locations", "low back", .choices(["lower-back"])),
            ("pain_locations", "lumbar", .choices(["lower-back"])),
            ("pain_locations", "lower back pain", .choices(["lower-back"])),
            ("pain_locations", "left knee", .choices(["knee-left"])),
            ("pain_locations", "lower back, left knee, neck", .choices(["neck", "lower-back", "knee-left"])),
            ("pain_locations", "right wrist", .choices(["hand-right"])),
            ("recent_event_site", "left ankle", .choices(["foot-left"])),
            ("age_band", "under 18", .choice("under-18")),
            ("age_band", "18 to 50", .choice("18-50")),
            ("age_band", "over 50", .choice("over-50")),
            ("age_band", "50+", .choice("over-50")),
            ("pain_frequency", "daily", .choice("every-day")),
            ("pain_causes", "RA", .choices(["inflammatory-arthritis"])),
            ("pain_causes", "rheumatoid", .choices(["inflammatory-arthritis"])),
            ("pain_causes", "OA", .choices(["osteoarthritis"])),
            ("conditions", "DVT", .choices(["dvt-current"])),
            ("conditions", "blood clot now", .choices(["dvt-current"])),
            ("conditions", "pregnant, type 2", .choices(["pregnancy", "diabetes"])),
            ("red_flags", "none", .choices(["none"])),
            ("red_flags", "chest pain", .choices(["sudden-breathlessness-or-chest-pain"])),
            ("pressure_preference", "deep tissue", .choice("firm")),
        ]
        for (id, text, expected) in cases {
            #expect(Self.parse(questionnaire, id, text) == expected, "'\(text)' at \(id)")
        }
    }

    /// Issue 13, item 4: an age typed picks its group; a whole word of one
    /// option beats the start of another's.
    @Test func agesAndEverydayWordsPickTheirOption() throws {
        let questionnaire = try Self.questionnaire()
        #expect(Self.parse(questionnaire, "age_band", "35") == .choice("18-50"))
        #expect(Self.parse(questionnaire, "age_band", "50") == .choice("18-50"), "the hint: exactly 50 is 18 to 50")
        #expect(Self.parse(questionnaire, "age_band", "67") == .choice("over-50"))
        #expect(Self.parse(questionnaire, "age_band", "16") == .choice("under-18"))
        #expect(Self.parse(questionnaire, "age_band", "2") == .choice("18-50"), "the choice numbers keep their meaning")
        #expect(Self.parse(questionnaire, "age_band", "4") == nil, "4 is more likely a slip than an age")
        #expect(Self.parse(questionnaire, "other_care", "exercise, pain meds") == .choices(["exercise-or-physio", "pain-medication"]))
    }

    /// Issue 13, fault 2: one slip must not end the interview.
    @Test func everyUrgentStopConfirms() throws {
        for name in ["massage-intake", "follow-up"] {
            let questionnaire = try Self.questionnaire(name)
            let stops = questionnaire.nodes.filter(\.urgent)
            #expect(stops.count == 2)
            for stop in stops { #expect(stop.confirm, "\(name): '\(stop.id)' must confirm") }
        }
    }

    /// Issue 13, item 5: Tab can offer the words of the stress items.
    @Test func theStressItemsWordsCanBeCompleted() throws {
        let questionnaire = try Self.questionnaire()
        for id in ["pss_1", "pss_2", "pss_3", "pss_4"] {
            let node = try #require(questionnaire.node(id))
            #expect(node.answerNames(options: []).map(\.first) == ["never", "almost never", "sometimes", "fairly often", "very often"])
        }
    }

    @Test func ambiguousWordsAreNotGuessed() throws {
        let questionnaire = try Self.questionnaire()
        // "arthritis" could be either kind; "high blood pressure" either state; "knee" either side.
        for (id, text) in [("pain_causes", "arthritis"), ("conditions", "high blood pressure"), ("pain_locations", "knee"),
                           ("red_flags", "none, saddle numbness")] {
            #expect(Self.parse(questionnaire, id, text) == nil, "'\(text)' at \(id) should be refused, not guessed")
        }
    }

    @Test func optionNamesAreDistinctAndTypable() throws {
        let questionnaire = try Self.questionnaire()
        for node in questionnaire.questions {
            guard case .fixed(let options)? = node.spec.choiceSource else { continue }
            var owner: [String: String] = [:]
            for option in options {
                #expect(!option.label.contains(",") && !option.label.contains(";"),
                        "'\(node.id)': the label '\(option.label)' holds a separator, so it cannot be typed as one answer")
                #expect(option.label.count <= 40, "'\(node.id)': the label '\(option.label)' is long for an 80-column list")
                for name in Set([option.code, option.label] + option.aliases).map(TextInput.matchingForm) {
                    if let other = owner[name], other != option.code {
                        Issue.record("'\(node.id)': '\(name)' names both \(other) and \(option.code)")
                    }
                    owner[name] = option.code
                }
            }
        }
    }

    @Test func safetyAndWelcomeWording() throws {
        let questionnaire = try Self.questionnaire()
        let welcome = try #require(questionnaire.node(questionnaire.start)).text
        for command in [":back", ":skip", ":review", ":why", ":help", ":quit"] {
            #expect(welcome.contains(command), "the welcome should mention \(command)")
        }
        #expect(welcome.contains("not medical advice"))
        for node in questionnaire.nodes where node.urgent {
            #expect(node.text.contains("not medical advice"), "'\(node.id)' needs the disclaimer")
            #expect(node.text.contains("do not book a massage"), "'\(node.id)' must say not to book a massage now")
        }
    }
}
