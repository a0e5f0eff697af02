import Testing
@testable import QuestionnaireModel

@Suite("JSON parser")
struct JSONParserTests {
    func syntaxError(_ text: String) -> (location: LineColumn?, message: String)? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return (SourceText(Array(text.utf8)).location(of: error.offset), error.message)
        }
    }

    /// A quote, a backslash, a control character or a byte above ASCII is
    /// seen wherever it stands in a string, short or long.
    @Test func aStringEndsEscapesAndRefusesAtEveryPlaceInABlock() throws {
        for length in 0..<20 {
            let plain = String(repeating: "abcdefgh", count: 3).prefix(length)
            #expect(try JSONParser.parse("\"\(plain)\"").stringValue == String(plain))
            #expect(try JSONParser.parse("[\"\(plain)\\n\(plain)\"]").arrayValue?.first?.stringValue == "\(plain)\n\(plain)")
            #expect(try JSONParser.parse("\"\(plain)\u{e9}\u{1F600}\(plain)\"").stringValue == "\(plain)\u{e9}\u{1F600}\(plain)")
            #expect(syntaxError("\"\(plain)\u{1}\(plain)\"")?.message == "a control character inside a string must be escaped (for example \\n)")
            #expect(syntaxError("\"\(plain)")?.message == "a string is not closed: a '\"' is missing")
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5, 3e2, true, false, null], "b": "x\ny \u00e9 \ud83d\ude00", "c": {}}"#)
        #expect(value["a"]?.arrayValue?.count == 6)
        #expect(value["a"]?.arrayValue?[0].numberValue?.integer == 1)
        #expect(value["a"]?.arrayValue?[1].numberValue?.double == -2.5)
        #expect(value["a"]?.arrayValue?[2].numberValue?.integer == 300)
        #expect(value["a"]?.arrayValue?[2].numberValue?.double == 300)
        #expect(value["b"]?.stringValue == "x\ny é 😀")
        #expect(value["c"]?.objectValue?.members.isEmpty == true)
    }

    /// JSON Schema's "integer" accepts 10.0 and 1e1, so editors do; intake
    /// reads them as whole numbers too, keeping the text as written.
    @Test func wholeNumbersWrittenWithAFractionOrExponentAreIntegers() throws {
        let value = try JSONParser.parse("[10.0, 1e1, -2E+1, 0.0, -0.0, 1.50e1, 9007199254740992.0, 1.5, 1e-1, 1e16, 1e300, 12345678901234567890]")
        let numbers = (value.arrayValue ?? []).compactMap(\.numberValue)
        #expect(numbers.count == 12)
        #expect(numbers.map(\.integer) == [10, 10, -20, 0, 0, 15, 9_007_199_254_740_992, nil, nil, nil, nil, nil])
        #expect(numbers.map(\.text) == ["10.0", "1e1", "-2E+1", "0.0", "-0.0", "1.50e1", "9007199254740992.0", "1.5", "1e-1", "1e16", "1e300", "12345678901234567890"])
        #expect(value.serialized() == "[10.0,1e1,-2E+1,0.0,-0.0,1.50e1,9007199254740992.0,1.5,1e-1,1e16,1e300,12345678901234567890]")
    }

    @Test func keepsMemberOrderAndSerialisesDeterministically() throws {
        let text = #"{"z":1,"a":[true,null],"m":"q\"\\\n\u0001"}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value.serialized() == text)
        #expect(try JSONParser.parse(value.prettyPrinted()) == value)
    }

    @Test func escapesLineSeparatorsSoTranscriptLinesStayOneLine() {
        let value = JSONValue.string("a\u{2028}b\u{7F}")
        #expect(value.serialized() == #""a\u2028b\u007f""#)
        // Other text is written as it is, whichever way it is copied: plain,
        // with quotes, or with a dash that shares U+2028's first byte.
        #expect(JSONValue.string("Épaule, 한국어").serialized() == "\"Épaule, 한국어\"")
        #expect(JSONValue.string("say \"no\" \\ ok").serialized() == #""say \"no\" \\ ok""#)
        #expect(JSONValue.string("back — it’s sore").serialized() == "\"back — it’s sore\"")
    }

    @Test func reportsLineAndColumnOfSyntaxErrors() {
        let missingComma = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(missingComma?.location == LineColumn(line: 3, column: 3))
        #expect(missingComma?.message.contains("comma missing") == true)

        let trailingComma = syntaxError("[1, 2,]")
        #expect(trailingComma?.location == LineColumn(line: 1, column: 7))
        #expect(trailingComma?.message.contains("remove the last comma") == true)

        #expect(syntaxError("")?.message.contains("empty") == true)
        #expect(syntaxError("{\"a\": tru}")?.location == LineColumn(line: 1, column: 7))
        #expect(syntaxError("\"abc")?.message.contains("not closed") == true)
        #expect(syntaxError("[1] x")?.message.contains("after the end") == true)
        #expect(syntaxError("07")?.message.contains("must not start with 0") == true)
        #expect(syntaxError("[7.]") != nil)
        #expect(syntaxError("1e999")?.message.contains("too large") == true)
        #expect(syntaxError("\"a\tb\"")?.message.contains("control character") == true)
        #expect(syntaxError(#""\ud800""#)?.message.contains("surrogate") == true)
        #expect(syntaxError(#""\x""#)?.message.contains("unknown escape") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        let error = syntaxError("{\"é😀\": x}")
        #expect(error?.location == LineColumn(line: 1, column: 8))
    }

    @Test func refusesDuplicateKeys() {
        let error = syntaxError("{\"id\": 1,\n \"id\": 2}")
        #expect(error?.message == "the key \"id\" appears twice in the same object")
        #expect(error?.location == LineColumn(line: 2, column: 2))
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func limitsDepthAndSize() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(syntaxError(deep)?.message.contains("nested more than") == true)
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(syntaxError(ok) == nil)
        #expect(throws: JSONSyntaxError.self) {
            try JSONParser.parse(Array("[1]".utf8), limits: JSONLimits(maxDepth: 10, maxBytes: 2))
        }
    }

    @Test func jsonPathsAreReadable() {
        let path = JSONPath.root.appending("nodes").appending(3).appending("options").appending("odd key")
        #expect(path.description == #"$.nodes[3].options["odd key"]"#)
    }
}
