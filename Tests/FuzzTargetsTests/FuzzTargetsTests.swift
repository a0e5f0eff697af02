import Foundation
import FuzzTargets
import Testing

/// The fuzz targets only find bugs in code they reach. These tests feed each
/// target's `fuzzOne` (what its libFuzzer entry point calls) a seed from
/// `Fuzz/corpus/` and check it gets all the way in, so a change that makes a
/// target stop short (a loader that rejects every seed, a walk that answers
/// nothing) fails here rather than silently fuzzing nothing. Garbage must be
/// turned away without a crash.
@Suite("Fuzz targets")
struct FuzzTargetsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func seed(_ target: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("Fuzz/corpus/\(target)/\(name)")))
    }

    static func seeds(_ target: String, prefix: String = "") -> [String] {
        let folder = root.appendingPathComponent("Fuzz/corpus/\(target)").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Inputs no parser should accept: random bytes of many lengths, from a
    /// fixed seed so a failure reproduces, and a few near misses.
    static let garbage: [[UInt8]] = {
        var state: UInt64 = 0x5EED
        var inputs: [[UInt8]] = [[], [0], [0xFF], Array("{".utf8), Array("[]".utf8), Array("null\n".utf8), [UInt8](repeating: 0x5B, count: 5000)]
        for length in [1, 2, 3, 7, 16, 64, 255, 1024, 4096] {
            for _ in 0..<4 {
                inputs.append((0..<length).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return UInt8(truncatingIfNeeded: state >> 33)
                })
            }
        }
        return inputs
    }()

    // MARK: - fuzz-questionnaire

    @Test func theShippedQuestionnaireLoadsAndIsAnswered() throws {
        let reach = QuestionnaireFuzzing.fuzzOne(try Self.seed("fuzz-questionnaire", "massage-intake.json"))
        #expect(reach.loaded)
        #expect(reach.answers > 3)
    }

    @Test(arguments: seeds("fuzz-questionnaire", prefix: "good-"))
    func goodQuestionnaireSeedsLoad(_ name: String) throws {
        #expect(QuestionnaireFuzzing.fuzzOne(try Self.seed("fuzz-questionnaire", name)).loaded)
    }

    @Test(arguments: seeds("fuzz-questionnaire", prefix: "bad-"))
    func badQuestionnaireSeedsAreRefused(_ name: String) throws {
        #expect(!QuestionnaireFuzzing.fuzzOne(try Self.seed("fuzz-questionnaire", name)).loaded)
    }

    // MARK: - fuzz-rules

    @Test func theShippedRulesLoadAndScoreEveryAnswerSet() throws {
        let reach = RulesFuzzing.fuzzOne(try Self.seed("fuzz-rules", "massage-intake.rules.json"))
        #expect(reach.loaded)
        #expect(reach.assessed >= 5)
    }

    @Test(arguments: seeds("fuzz-rules", prefix: "good-"))
    func goodRulesSeedsLoad(_ name: String) throws {
        #expect(RulesFuzzing.fuzzOne(try Self.seed("fuzz-rules", name)).loaded)
    }

    // MARK: - fuzz-answers

    @Test(arguments: [
        ("mlow back, neck", "areas"), ("f2", "main_area"), ("salways", "frequency"), ("c7/10", "intensity"),
        ("n12 weeks", "weeks"), ("w70.5 kg", "weight"), ("d6 months", "duration"), ("yyes", "bruising"),
        ("tmy left knee", "notes"), ("rwarfarin and aspirin", "medicines"),
    ])
    func eachQuestionKindParsesATypicalAnswer(_ input: String, _ node: String) throws {
        let reach = try #require(AnswerFuzzing.fuzzOne(Array(input.utf8)))
        #expect(reach.node == node)
        #expect(reach.parsed && !reach.command && reach.accepted)
    }

    @Test func theFirstByteReachesEveryQuestion() {
        let nodes = Set((UInt8.min...UInt8.max).compactMap { AnswerFuzzing.fuzzOne([$0, 0x31])?.node })
        #expect(nodes.count == 11)
    }

    @Test func commandsAndRefusalsAreReached() throws {
        let back = try #require(AnswerFuzzing.fuzzOne(Array("c:back".utf8)))
        #expect(back.command && !back.parsed && !back.accepted)
        let wrong = try #require(AnswerFuzzing.fuzzOne(Array("c11".utf8)))
        #expect(!wrong.command && !wrong.parsed && !wrong.accepted)
    }

    @Test func everyAnswerSeedPicksAQuestion() throws {
        for name in Self.seeds("fuzz-answers") {
            #expect(AnswerFuzzing.fuzzOne(try Self.seed("fuzz-answers", name)) != nil, "\(name)")
        }
    }

    // MARK: - fuzz-transcript

    @Test func aGoldenTranscriptReplaysAndIsScored() throws {
        let reach = TranscriptFuzzing.fuzzOne(try Self.seed("fuzz-transcript", "good-fit-neck.jsonl"))
        #expect(reach.entries > 20)
        #expect(reach.replayed == reach.entries)
        #expect(reach.answers > 20)
    }

    // MARK: - Garbage

    @Test func garbageIsRefusedWithoutACrash() {
        for input in Self.garbage {
            #expect(!QuestionnaireFuzzing.fuzzOne(input).loaded)
            #expect(!RulesFuzzing.fuzzOne(input).loaded)
            #expect(TranscriptFuzzing.fuzzOne(input).entries == 0)
            _ = AnswerFuzzing.fuzzOne(input)
        }
    }
}
