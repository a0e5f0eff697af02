import Testing
import QuestionnaireModel
@testable import FHIR

@Suite("FHIRPath: parsing and evaluation")
struct FHIRPathTests {
    static let response = try! JSONParser.parse("""
    {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
      {"linkId": "1", "answer": [{"valueCoding": {"system": "s", "code": "y", "display": "Yes"}}]},
      {"linkId": "g", "item": [
        {"linkId": "2", "answer": [{"valueInteger": 3}]},
        {"linkId": "3", "answer": [{"valueDate": "2024-03-05"}]},
        {"linkId": "4", "answer": [{"valueDecimal": 1.5}, {"valueDecimal": 2}]}]}]}
    """)

    func run(_ text: String, variables: [String: [FHIRPathValue]] = [:], today: CalendarDate? = CalendarDate(year: 2026, month: 12, day: 4)) throws -> [JSONValue] {
        var environment = FHIRPathEnvironment(variables: variables, today: today)
        let root = FHIRPathValue.element(Self.response, type: nil, linkId: nil)
        environment.variables["resource"] = [root]
        return try FHIRPathEvaluator(environment: environment).evaluate(text, input: [root]).map(\.json)
    }

    @Test func pathsAndChoiceElements() throws {
        #expect(try run("%resource.item.where(linkId='1').answer.value.code") == [.string("y")])
        #expect(try run("QuestionnaireResponse.item.item.linkId") == ["2", "3", "4"].map(JSONValue.string))
        #expect(try run("%resource.repeat(item).where(linkId='2').answer.value + 2") == [.number(5)])
        #expect(try run("descendants().where(linkId='3').answer.value > @2020-01-01") == [.bool(true)])
        #expect(try run("item[1].item.count()") == [.number(3)])
    }

    @Test func operatorsFollowPrecedenceAndEmptyRules() throws {
        #expect(try run("1 + 2 * 3") == [.number(7)])
        #expect(try run("(1 + 2) * 3") == [.number(9)])
        #expect(try run("7 div 2 + 7 mod 2") == [.number(4)])
        #expect(try run("10 / 4") == [.number(2.5)])
        #expect(try run("'a' & {} & 'b'") == [.string("ab")])
        #expect(try run("1 = {}") == [])
        #expect(try run("{} or true") == [.bool(true)])
        #expect(try run("true and {}") == [])
        #expect(try run("false implies {}") == [.bool(true)])
        #expect(try run("true xor false") == [.bool(true)])
        #expect(try run("-2 < 1 and 2 >= 2") == [.bool(true)])
        #expect(try run("('a' | 'b' | 'a').count()") == [.number(2)])
        #expect(try run("('a'.combine('a')).count()") == [.number(2)])
        #expect(try run("'b' in ('a' | 'b')") == [.bool(true)])
        #expect(try run("('a' | 'b') contains {}") == [])
        #expect(try run("'Hello  World' ~ 'hello world'") == [.bool(true)])
    }

    @Test func functionsTheFormsUse() throws {
        #expect(try run("iif(%resource.item.exists(), 'yes', 'no')") == [.string("yes")])
        #expect(try run("iif({}, 1, 2)") == [.number(2)])
        #expect(try run("%resource.descendants().where(linkId='4').answer.value.sum()") == [.number(3.5)])
        #expect(try run("%resource.answers().count()") == [.number(5)])
        #expect(try run("(1 | 2 | 3).select($this * 2)") == [.number(2), .number(4), .number(6)])
        #expect(try run("'abcdef'.substring(1, 3).upper()") == [.string("BCD")])
        #expect(try run("today().toString().substring(0, 4).toInteger()") == [.number(2026)])
        #expect(try run("%resource.item.answer.value.display.lower() = 'yes'") == [.bool(true)])
        #expect(try run("(1 | 2 | 3).where($this > 1).first()") == [.number(2)])
        #expect(try run("{}.sum()") == [.number(0)])
    }

    @Test func problemsNameTheirPart() {
        #expect(throws: FHIRPathError(.unsupported, "the function matches() is not supported", part: "matches()", position: 4)) {
            try run("'a'.matches('a')")
        }
        #expect(throws: FHIRPathError.self) { try run("1 +") }
        #expect(throws: FHIRPathError.self) { try run("'unterminated") }
        #expect(throws: FHIRPathError(.unsupported, "today() needs the date of the session, which was not given", part: "today()", position: 0)) {
            try run("today()", today: nil)
        }
        do {
            _ = try run("%has-fever")
            Issue.record("an undefined variable was read")
        } catch {
            #expect((error as? FHIRPathError)?.part == "%has")
        }
        // Deep nesting is refused, not a crash.
        #expect(throws: FHIRPathError.self) { try run(String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)) }
    }
}
