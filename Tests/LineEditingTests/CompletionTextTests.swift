import TerminalText
import Testing

@testable import LineEditing

@Suite("Completion helpers")
struct CompletionTextTests {
    // MARK: - Longest common prefix

    @Test("the longest common prefix of candidates", arguments: [
        (["knee pain", "knee stiffness"], "knee "),
        (["lower back"], "lower back"),
        (["yes", "no"], ""),
        ([], ""),
        (["same", "same"], "same"),
        (["neck", "ne"], "ne"),
        (["한국어", "한국"], "한국"),
        // "é" as one scalar and as e + combining accent are the same Character.
        (["caf\u{E9} au lait", "cafe\u{301} noir"], "caf\u{E9} "),
    ])
    func commonPrefix(candidates: [String], expected: String) {
        #expect(longestCommonPrefix(candidates) == expected)
    }

    // MARK: - What Tab does to the line

    @Test("one candidate replaces the characters before the cursor")
    func singleCandidate() {
        let edit = CompletionEdit(
            completion: Completion(replacing: 2, candidates: ["knee"]), textBeforeCursor: "my KN")
        #expect(edit == CompletionEdit(deleteScalars: 2, insert: "knee", listing: []))
    }

    @Test("a pure extension only inserts the missing part")
    func extensionOnly() {
        let edit = CompletionEdit(
            completion: Completion(replacing: 2, candidates: ["knee"]), textBeforeCursor: "kn")
        #expect(edit == CompletionEdit(deleteScalars: 0, insert: "ee", listing: []))
    }

    @Test("several candidates insert their common prefix and are listed")
    func severalCandidates() {
        let candidates = ["knee pain", "knee stiffness"]
        let edit = CompletionEdit(
            completion: Completion(replacing: 1, candidates: candidates), textBeforeCursor: "k")
        #expect(edit == CompletionEdit(deleteScalars: 0, insert: "nee ", listing: candidates))
    }

    @Test("a common prefix shorter than the typed text never deletes what was typed")
    func shorterPrefixKeepsText() {
        let candidates = ["lower back", "neck"]
        let edit = CompletionEdit(
            completion: Completion(replacing: 3, candidates: candidates), textBeforeCursor: "bac")
        #expect(edit == CompletionEdit(deleteScalars: 0, insert: "", listing: candidates))
        #expect(edit.leavesLineUnchanged)
    }

    @Test("no candidates leave the line alone")
    func noCandidates() {
        let edit = CompletionEdit(completion: Completion(replacing: 3, candidates: []), textBeforeCursor: "xyz")
        #expect(edit == CompletionEdit(deleteScalars: 0, insert: "", listing: []))
    }

    @Test("deletion counts Unicode scalars, as libedit does, and is clamped")
    func scalarsAndClamping() {
        let decomposed = "cafe\u{301}"  // 4 Characters, 5 scalars
        let edit = CompletionEdit(
            completion: Completion(replacing: 99, candidates: ["tea"]), textBeforeCursor: decomposed)
        #expect(edit == CompletionEdit(deleteScalars: 5, insert: "tea", listing: []))
        let korean = CompletionEdit(
            completion: Completion(replacing: 1, candidates: ["한국어"]), textBeforeCursor: "어")
        #expect(korean == CompletionEdit(deleteScalars: 1, insert: "한국어", listing: []))
    }

    // MARK: - Column layout

    @Test("candidates fill columns top to bottom within the width")
    func columns() {
        let items = ["neck", "shoulders", "upper back", "lower back", "hips", "knees", "feet"]
        // Widest is 10, so columns are 12 wide: (30 + 2) / 12 = 2 columns.
        #expect(columnLayout(items, width: 30) == [
            "neck        hips",
            "shoulders   knees",
            "upper back  feet",
            "lower back",
        ])
        // Up to six fit in 80 columns; two rows are needed, so four are used.
        #expect(columnLayout(items, width: 80) == [
            "neck        upper back  hips        feet",
            "shoulders   lower back  knees",
        ])
    }

    @Test("rows never exceed the width, and no row ends with spaces")
    func columnsFit() {
        let items = (1...23).map { "option \($0)" }
        for width in [1, 10, 20, 40, 80, 100] {
            let rows = columnLayout(items, width: width)
            #expect(rows.allSatisfy { ColumnWidth.of($0) <= max(width, ColumnWidth.of("option 10")) })
            #expect(rows.allSatisfy { $0.last != " " })
            let listed = rows.flatMap { $0.split(separator: "  ").map { $0.trimmingSpaces() } }
            #expect(Set(listed) == Set(items))
        }
    }

    @Test("an item wider than the terminal gets a row of its own")
    func overlong() {
        #expect(columnLayout(["a very long candidate", "b"], width: 10) == ["a very long candidate", "b"])
        #expect(columnLayout([], width: 80) == [])
    }

    @Test("wide characters take two columns")
    func wideCharacters() {
        #expect(columnLayout(["한국어", "ab", "cd"], width: 24) == ["한국어  ab      cd"])
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

@Suite("Text put back on the line")
struct EditableTextTests {
    @Test("control characters become spaces; everything else stays", arguments: [
        ("low back, butt", "low back, butt"),
        ("a\tb\nc\u{7}d\u{7F}", "a b c d "),
        ("허리\u{1B}[A", "허리 [A"),
        ("caf\u{E9} cafe\u{301}", "caf\u{E9} cafe\u{301}"),
    ])
    func editable(text: String, expected: String) {
        #expect(EditLineReader.editable(text) == expected)
    }
}
