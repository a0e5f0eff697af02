import InterviewEngine
import QuestionnaireModel

/// fuzz-answers: one line typed at a question of each kind. The first byte
/// picks the question (a letter below names one; any other byte picks by its
/// value), the rest is the typed text, its invalid UTF-8 repaired as the line
/// reader repairs it.
///
/// The text is also parsed repeated up to the longest answer allowed: libFuzzer
/// seldom grows an input that long, and work that grows faster than the answer
/// (a matcher trying every run of words) only shows there, as a timeout.
package enum AnswerFuzzing {
    /// How far one input got.
    package struct Reach: Equatable, Sendable {
        /// The question the first byte picked.
        package var node: String
        /// Whether `Node.parse` accepted the text as an answer.
        package var parsed: Bool
        /// Whether `Command.parse` read it as a command, or a failed one.
        package var command: Bool
        /// Whether the interview took it as an answer and moved on.
        package var accepted: Bool
    }

    /// The question each first byte names.
    static let selectors: [(byte: UInt8, node: String)] = [
        (UInt8(ascii: "m"), "areas"), (UInt8(ascii: "f"), "main_area"), (UInt8(ascii: "s"), "frequency"),
        (UInt8(ascii: "c"), "intensity"), (UInt8(ascii: "n"), "weeks"), (UInt8(ascii: "w"), "weight"),
        (UInt8(ascii: "d"), "duration"), (UInt8(ascii: "y"), "bruising"), (UInt8(ascii: "t"), "notes"),
        (UInt8(ascii: "r"), "medicines"), (UInt8(ascii: "x"), "done"),
    ]

    /// One question of every kind, in the order the seeds answer them.
    static let questionnaireJSON = #"""
        {
          "id": "fuzz-answers", "version": "1", "title": "Every kind of answer", "start": "areas",
          "nodes": [
            {"id": "areas", "kind": "multi", "text": "Where does it hurt?", "options": [
              {"code": "lower-back", "label": "Lower back", "aliases": ["low back", "lumbar", "back"]},
              {"code": "upper-back", "label": "Upper back", "aliases": ["back of chest"]},
              {"code": "neck", "label": "Neck"},
              {"code": "shoulder-left", "label": "Left shoulder"},
              {"code": "shoulder-right", "label": "Right shoulder"},
              {"code": "none", "label": "None of these", "aliases": ["nowhere"]}
            ], "next": "main_area"},
            {"id": "main_area", "kind": "single", "text": "Which hurts most?", "optionsFrom": "areas", "next": "frequency"},
            {"id": "frequency", "kind": "single", "text": "How often?", "default": "most days", "options": [
              {"code": "some-days", "label": "Some days", "aliases": ["sometimes", "on and off"]},
              {"code": "most-days", "label": "Most days", "aliases": ["usually"]},
              {"code": "every-day", "label": "Every day", "aliases": ["always", "daily"]}
            ], "next": "intensity"},
            {"id": "intensity", "kind": "scale", "text": "How bad, 0 to 10?", "min": 0, "max": 10,
             "minLabel": "no pain", "maxLabel": "worst imaginable", "next": "weeks"},
            {"id": "weeks", "kind": "number", "text": "How many weeks pregnant?", "min": 1, "max": 42,
             "integer": true, "unit": "weeks", "next": "weight"},
            {"id": "weight", "kind": "number", "text": "Your weight?", "min": 2.5, "max": 400, "unit": "kg", "next": "duration"},
            {"id": "duration", "kind": "duration", "text": "How long?", "min": "0 days", "max": "80 years", "next": "bruising"},
            {"id": "bruising", "kind": "yesno", "text": "Do you bruise easily?", "next": "notes"},
            {"id": "notes", "kind": "text", "text": "Anything else?", "required": false, "maxLength": 500, "next": "medicines"},
            {"id": "medicines", "kind": "medications", "text": "Which medicines do you take?", "next": "done"},
            {"id": "done", "kind": "info", "text": "Thank you."}
          ]
        }
        """#

    /// What the seeds answer before the question they fuzz.
    static let earlierAnswers = [
        "areas": "low back, neck, left shoulder", "main_area": "neck", "frequency": "", "intensity": "7/10",
        "weeks": "12 weeks", "weight": "70.5 kg", "duration": "6 months", "bruising": "no", "notes": ":skip",
        "medicines": "ibuprofen and warfarin",
    ]

    static let questionnaire: Questionnaire = {
        do {
            return try QuestionnaireLoader.load(Array(questionnaireJSON.utf8), file: "fuzz-answers.json").questionnaire
        } catch {
            fatalError("the fuzz-answers questionnaire does not load: \(error)")
        }
    }()

    /// The interview waiting at each question, the earlier ones answered.
    static let waiting: [String: Interview] = {
        var interview = Interview(questionnaire: questionnaire)
        var result: [String: Interview] = [:]
        while let id = interview.current {
            result[id] = interview
            _ = interview.handle(earlierAnswers[id] ?? "")
            if interview.current == id { fatalError("the fuzz-answers walk is stuck at \(id)") }
        }
        return result
    }()

    /// Reads `bytes`; nil for an empty input, which picks no question.
    package static func fuzzOne(_ bytes: [UInt8]) -> Reach? {
        guard let first = bytes.first else { return nil }
        let id = selectors.first { $0.byte == first }?.node ?? selectors[Int(first) % selectors.count].node
        guard var interview = waiting[id], let node = interview.currentNode else { fatalError("no interview waits at \(id)") }
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)

        let parsed = node.parse(text, options: interview.currentOptions)
        if case .success(let value) = parsed {
            _ = questionnaire.describe(value, at: node)
        }
        if !text.isEmpty, text.count < TextInput.maxLength / 2 {
            let repeated = String(repeating: text + " ", count: TextInput.maxLength / (text.count + 1))
            _ = node.parse(repeated, options: interview.currentOptions)
        }
        let command = Command.parse(text)
        let response = interview.handle(text)
        var accepted = false
        if case .accepted = response {
            accepted = true
            // Back to the question, where the answer is offered as the default.
            _ = interview.handle(":back")
            _ = interview.defaultText
            _ = interview.handle("")
        }
        _ = interview.progress
        return Reach(node: id, parsed: (try? parsed.get()) != nil, command: command != nil, accepted: accepted)
    }
}
