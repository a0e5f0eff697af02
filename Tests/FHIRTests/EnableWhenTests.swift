import InterviewEngine
import QuestionnaireModel
import Testing
@testable import FHIR

/// enableWhen with each operator and each kind of answer, through the
/// generated routes of a real interview.
@Suite("enableWhen as routes")
struct EnableWhenTests {
    /// A form with one question of `type`, then a display item shown when
    /// `operator` holds against `answer` (an `answer[x]` member).
    func form(type: String, extra: String = "", op: String, answer: String) throws -> FHIRForm {
        let text = """
        {"resourceType": "Questionnaire", "url": "urn:test", "status": "active", "item": [
          {"linkId": "q", "type": "\(type)", "text": "Question?"\(extra)},
          {"linkId": "shown", "type": "display", "text": "Shown.", "enableWhen": [{"question": "q", "operator": "\(op)", \(answer)}]},
          {"linkId": "last", "type": "string", "text": "Last?"}]}
        """
        return try FHIRQuestionnaireLoader.load(Array(text.utf8), file: "test.json")
    }

    /// Whether the display item is shown after `typed` (nil: skipped with Enter).
    func shows(_ form: FHIRForm, after typed: String?) -> Bool {
        var interview = Interview(questionnaire: form.questionnaire)
        interview.today = CalendarDate(year: 2026, month: 12, day: 4)
        _ = interview.handle(typed ?? "")
        return interview.current == "shown"
    }

    @Test func everyOperatorOnNumbers() throws {
        let cases: [(String, [String: Bool])] = [
            ("=", ["5": true, "6": false]), ("!=", ["5": false, "6": true]), (">", ["5": false, "6": true]),
            ("<", ["4": true, "5": false]), (">=", ["5": true, "4": false]), ("<=", ["5": true, "6": false]),
        ]
        for (op, expected) in cases {
            for type in ["integer", "decimal"] {
                let form = try form(type: type, op: op, answer: type == "integer" ? "\"answerInteger\": 5" : "\"answerDecimal\": 5")
                for (typed, shown) in expected {
                    #expect(shows(form, after: typed) == shown, "\(type) \(typed) \(op) 5")
                }
                // Not answered: only exists=false and nothing else holds.
                #expect(shows(form, after: nil) == false, "\(type) unanswered \(op)")
            }
        }
    }

    @Test func existsBothWays() throws {
        let answered = try form(type: "string", op: "exists", answer: "\"answerBoolean\": true")
        #expect(shows(answered, after: "something"))
        #expect(!shows(answered, after: nil))
        let unanswered = try form(type: "string", op: "exists", answer: "\"answerBoolean\": false")
        #expect(!shows(unanswered, after: "something"))
        #expect(shows(unanswered, after: nil))
    }

    @Test func datesTimesQuantitiesBooleansStringsAndCodings() throws {
        let date = try form(type: "date", op: ">", answer: "\"answerDate\": \"2024-03-05\"")
        #expect(shows(date, after: "6 March 2024"))
        #expect(!shows(date, after: "2024-03-05"))
        #expect(shows(date, after: "today"))
        let dateTime = try form(type: "dateTime", op: "<", answer: "\"answerDateTime\": \"2024-03-05T12:00:00+01:00\"")
        #expect(shows(dateTime, after: "2024-03-05 11:59"))
        #expect(!shows(dateTime, after: "2024-03-05 12:00"))
        let time = try form(type: "time", op: ">=", answer: "\"answerTime\": \"14:30:00\"")
        #expect(shows(time, after: "2:30 pm"))
        #expect(!shows(time, after: "14:29"))
        let quantity = try form(type: "quantity", op: "<=", answer: "\"answerQuantity\": {\"value\": 70, \"unit\": \"kg\"}")
        #expect(shows(quantity, after: "70"))
        #expect(!shows(quantity, after: "70.5"))
        let boolean = try form(type: "boolean", op: "=", answer: "\"answerBoolean\": false")
        #expect(shows(boolean, after: "no"))
        #expect(!shows(boolean, after: "yes"))
        let string = try form(type: "string", op: "!=", answer: "\"answerString\": \"vanilla\"")
        #expect(shows(string, after: "chocolate"))
        #expect(!shows(string, after: "vanilla"))
        let options = ", \"answerOption\": [{\"valueCoding\": {\"system\": \"s\", \"code\": \"a\", \"display\": \"Apple\"}}, {\"valueCoding\": {\"system\": \"s\", \"code\": \"b\", \"display\": \"Banana\"}}]"
        let single = try form(type: "choice", extra: options, op: "=", answer: "\"answerCoding\": {\"system\": \"s\", \"code\": \"b\"}")
        #expect(shows(single, after: "banana"))
        #expect(!shows(single, after: "1"))
        let multi = try form(type: "choice", extra: options + ", \"repeats\": true", op: "!=", answer: "\"answerCoding\": {\"system\": \"s\", \"code\": \"a\"}")
        #expect(shows(multi, after: "apple, banana"))
        #expect(!shows(multi, after: "apple"))
    }

    @Test func anyOrAllAndNestedGroupsGiveCountableRoutes() throws {
        let text = """
        {"resourceType": "Questionnaire", "url": "urn:test", "version": "2", "status": "active", "item": [
          {"linkId": "smoker", "type": "boolean", "text": "Do you smoke?", "required": true},
          {"linkId": "g", "type": "group", "text": "Smoking", "enableWhen": [{"question": "smoker", "operator": "=", "answerBoolean": true}], "item": [
            {"linkId": "per-day", "type": "integer", "text": "How many a day?", "required": true},
            {"linkId": "g2", "type": "group", "text": "Heavy smoking", "enableWhen": [{"question": "per-day", "operator": ">", "answerInteger": 20}], "item": [
              {"linkId": "years", "type": "integer", "text": "For how many years?"}]}]},
          {"linkId": "done", "type": "display", "text": "Thank you."}]}
        """
        let form = try FHIRQuestionnaireLoader.load(Array(text.utf8), file: "smoking.json")
        let statistics = GraphStatistics(form.questionnaire)
        // No, yes with 20 or fewer, yes with more than 20.
        #expect(statistics.paths.intValue == 3)
        #expect(statistics.shortestInterview == 1)
        #expect(statistics.longestInterview == 3)
        #expect(form.questionnaire.sections.map(\.title) == ["Smoking", "Heavy smoking"])

        var interview = Interview(questionnaire: form.questionnaire)
        for typed in ["yes", "", "30", "", "12"] { _ = interview.handle(typed) }
        #expect(interview.current == "done")
        // Back to the count, and fewer: the heavy-smoking answer is dropped.
        while interview.current != "per-day" { _ = interview.handle(":back") }
        _ = interview.handle("5")
        #expect(interview.current == "done")
        #expect(interview.answers["years"] == nil)
        let response = QuestionnaireResponseExport.response(form: form, interview: interview, authored: authored)
        #expect(response["questionnaire"]?.stringValue == "urn:test|2")
        #expect(response["status"]?.stringValue == "in-progress")
        let group = try #require(response["item"]?.arrayValue?.last)
        #expect(group["linkId"]?.stringValue == "g")
        #expect(group["item"]?.arrayValue?.map { $0["linkId"]?.stringValue } == ["per-day"])
        #expect(group["item"]?.arrayValue?.first?["answer"]?.arrayValue?.first?["valueInteger"]?.numberValue?.integer == 5)
    }
}
