import Foundation
import IntakeKit
import IntakeTesting
import LineEditing
import Testing

/// The test doubles behave like what they stand in for, so a test that
/// passes in-process would pass against the binary.
@Suite("Test doubles")
struct TestDoubleTests {
    /// The scripted reader splits piped bytes into the lines the real pipe
    /// reader gives for the same bytes.
    struct PipedInput: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }

        static let all: [PipedInput] = [
            PipedInput(name: "nothing", bytes: []),
            PipedInput(name: "one empty line", bytes: Array("\n".utf8)),
            PipedInput(name: "two lines", bytes: Array("one\ntwo\n".utf8)),
            PipedInput(name: "no newline at the end", bytes: Array("no newline at the end".utf8)),
            PipedInput(name: "Windows line endings", bytes: Array("windows\r\nline\r\n".utf8)),
            PipedInput(name: "a lone carriage return", bytes: Array("lone\rreturn\n".utf8)),
            PipedInput(name: "a line over 64 KiB", bytes: Array((String(repeating: "x", count: 70_000) + "\nnext\n").utf8)),
            PipedInput(name: "bytes that are not UTF-8", bytes: [0x61, 0xC3, 0x0A, 0xFF, 0xFE, 0x0A, 0xE2, 0x82]),
        ]
    }

    @Test(arguments: PipedInput.all)
    func pipedLinesAreReadAsThePipeReaderReadsThem(_ input: PipedInput) throws {
        let bytes = input.bytes
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let writeEnd = fds[1]
        let writer = Thread {
            _ = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        let devnull = open("/dev/null", O_WRONLY)
        defer {
            close(fds[0])
            close(devnull)
        }
        let reader = PlainLineReader(input: fds[0], output: devnull)
        var real: [String] = []
        while case .line(let line) = reader.readLine(prompt: "") { real.append(line) }
        #expect(ScriptedLineReader.lines(of: bytes) == real)
    }

    /// A session in memory writes a transcript that checks out.
    @Test func aSessionInMemoryLeavesATranscriptThatReplays() throws {
        let intake = InProcessIntake()
        let result = intake.run(typing: ["over 50", "2 years", ":quit"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("How long have you had this pain?"))
        #expect(result.output.contains("Stopped before the end. Your answers so far are saved. To carry on later:"))
        let transcript = try #require(intake.transcripts.first)
        #expect(transcript.hasPrefix(InProcessIntake.sessions + "/20261126T195513Z-0000000000000001"))
        let replay = intake.replay(Replay.Options(path: transcript, check: true))
        #expect(replay.status == 0, "\(replay.output)\(replay.error)")
        #expect(replay.output.contains("Hash chain: intact"))
    }
}
