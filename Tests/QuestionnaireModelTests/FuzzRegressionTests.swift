import Dispatch
import Foundation
import Testing
@testable import QuestionnaireModel

/// Inputs the fuzz targets (Fuzz/README.md) found trouble with, kept in
/// `Tests/FuzzRegressions/TARGET/` as the target reads them.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    /// A fuzz-answers input: the first byte picks the question, the rest is
    /// the typed text, decoded as the line reader decodes it.
    static func typedAnswer(_ name: String) throws -> (question: UInt8, text: String) {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("fuzz-answers/\(name)")))
        return (bytes[0], String(decoding: bytes.dropFirst(), as: UTF8.self))
    }

    /// The `s` question of fuzz-answers: a single choice with aliases.
    static let frequency = Node(id: "frequency", spec: .single(.fixed(options)), text: "How often?")
    static let options = [
        Option(code: "some-days", label: "Some days", aliases: ["sometimes", "on and off"]),
        Option(code: "most-days", label: "Most days", aliases: ["usually"]),
        Option(code: "every-day", label: "Every day", aliases: ["always", "daily"]),
    ]

    /// Runs `work` on another thread and waits at most `seconds` for it, so
    /// a hang fails the test instead of stalling the run.
    static func finishes<T: Sendable>(within seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.set(work())
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.value : nil
    }

    /// A 4,000-character answer of the same word over and over took minutes:
    /// the choice matcher tried every run of words, up to the whole answer,
    /// as an option's name. Found by fuzz-answers ("2" typed at a single
    /// choice, repeated to the longest answer allowed). The second input
    /// checks that runs as long as a three-word alias are still tried.
    @Test(arguments: [
        ("single-choice-number-2000-times", "most-days"),
        ("single-choice-name-363-times", "some-days"),
    ])
    func aLongAnswerOfOneRepeatedChoiceIsReadQuickly(_ name: String, _ code: String) throws {
        let (question, text) = try Self.typedAnswer(name)
        #expect(question == UInt8(ascii: "s"))
        let parsed = try #require(Self.finishes(within: 10) { try? Self.frequency.parse(text, options: Self.options).get() }, "still parsing after 10 seconds")
        #expect(parsed == .choice(code))
    }

    /// A question with 40,000 options took over a minute to load: each code
    /// was checked against every option before it (found in review, not by
    /// a fuzzer). It loads in well under a second now; the deadline only
    /// catches a return to quadratic time.
    @Test func aQuestionWithFortyThousandOptionsLoadsQuickly() throws {
        let options = (0..<40_000).map { #"{"code": "o\#($0)", "label": "Option \#($0)"}"# }.joined(separator: ",")
        let nodes = #"{"id": "q1", "kind": "single", "text": "Pick", "options": [\#(options)]}"#
        let text = questionnaireJSON(nodes: nodes)
        let count = try #require(Self.finishes(within: 20) {
            (try? QuestionnaireLoader.load(Array(text.utf8), file: "t.json"))?.questionnaire.node("q1").map { node -> Int in
                if case .single(.fixed(let list)) = node.spec { return list.count }
                return -1
            }
        }, "still loading after 20 seconds")
        #expect(count == 40_000)
    }
}

/// The result of work done on another thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?

    var value: T? { lock.withLock { stored } }
    func set(_ value: T) { lock.withLock { stored = value } }
}
