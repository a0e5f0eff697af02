import Dispatch
import Testing

@testable import LineEditing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose write end is fed from another thread, so inputs larger than
/// the pipe's buffer do not block the test, plus /dev/null for prompts.
private final class FedPipe: @unchecked Sendable {
    let readEnd: Int32
    let devNull: Int32
    private var writeEnd: Int32
    private let writerDone = DispatchSemaphore(value: 0)
    /// Guards `writeEnd`, which the writer and a fallback timer may close.
    private let lock = DispatchQueue(label: "FedPipe")

    init(_ bytes: [UInt8], closeAfterwards: Bool = true) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXFailure(call: "pipe") }
        readEnd = fds[0]
        writeEnd = fds[1]
        devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
        let target = fds[1]
        DispatchQueue.global().async { [self] in
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { raw in
                    write(target, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                }
                if written <= 0 {
                    if written < 0, errno == EINTR { continue }
                    break
                }
                offset += written
            }
            if closeAfterwards { closeWriteEnd() }
            writerDone.signal()
        }
    }

    /// Closes the write end (once): the reader sees the end of input.
    func closeWriteEnd() {
        lock.sync {
            if writeEnd >= 0 {
                close(writeEnd)
                writeEnd = -1
            }
        }
    }

    deinit {
        writerDone.wait()
        closeWriteEnd()
        close(readEnd)
        close(devNull)
    }
}

private struct POSIXFailure: Error {
    var call: String
}

/// Delivers `signal` to this thread now. Test runners block signals in their
/// worker threads, where a plain raise() would leave the signal pending.
private func deliver(_ signal: Int32) {
    var unblock = sigset_t()
    var saved = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, signal)
    pthread_sigmask(SIG_UNBLOCK, &unblock, &saved)
    raise(signal)
    pthread_sigmask(SIG_SETMASK, &saved, nil)
}

/// Reads every result until the end of input (at most `limit`, so a bug
/// cannot loop forever).
private func readAll(_ reader: PlainLineReader, limit: Int = 100) -> [LineInput] {
    var results: [LineInput] = []
    while results.count < limit {
        let result = reader.readLine(prompt: "")
        results.append(result)
        if result == .endOfInput { break }
    }
    return results
}

private func reader(for text: String) throws -> (PlainLineReader, FedPipe) {
    try reader(for: Array(text.utf8))
}

private func reader(for bytes: [UInt8]) throws -> (PlainLineReader, FedPipe) {
    let pipe = try FedPipe(bytes)
    return (PlainLineReader(input: pipe.readEnd, output: pipe.devNull), pipe)
}

// Serialized: the signal flag is process-wide, and one test raises it.
@Suite("PlainLineReader over a pipe", .serialized)
struct PlainLineReaderTests {
    @Test("returns each line without its newline, then the end of input")
    func lines() throws {
        let (reader, pipe) = try reader(for: "yes\nknee, lower back\n\n7\n")
        #expect(readAll(reader) == [.line("yes"), .line("knee, lower back"), .line(""), .line("7"), .endOfInput])
        _ = pipe
    }

    @Test("strips the carriage return of a CRLF line ending")
    func crlf() throws {
        let (reader, pipe) = try reader(for: "yes\r\nno\r\na\rb\n")
        #expect(readAll(reader) == [.line("yes"), .line("no"), .line("a\rb"), .endOfInput])
        _ = pipe
    }

    @Test("replaces invalid UTF-8 with U+FFFD and keeps valid non-ASCII text")
    func invalidUTF8() throws {
        let bytes: [UInt8] = [0x66, 0xFF, 0x6F, 0x0A] + Array("é ñ 한국어\n".utf8) + [0xE2, 0x82, 0x0A]
        let (reader, pipe) = try reader(for: bytes)
        #expect(readAll(reader) == [.line("f\u{FFFD}o"), .line("é ñ 한국어"), .line("\u{FFFD}"), .endOfInput])
        _ = pipe
    }

    @Test("cuts a 1 MB line to 64 KiB + 1 byte and drops the rest of it")
    func hugeLine() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let (reader, pipe) = try reader(for: huge + Array("\nnext\n".utf8))
        let results = readAll(reader)
        #expect(results.count == 3)
        guard results.count == 3, case .line(let first) = results[0] else {
            Issue.record("expected a line first, got \(results.prefix(1))")
            return
        }
        #expect(first.utf8.count == PlainLineReader.maximumLineBytes + 1)
        #expect(first.allSatisfy { $0 == "a" })
        #expect(results[1] == .line("next"))
        #expect(results[2] == .endOfInput)
        _ = pipe
    }

    @Test("keeps a line of exactly 64 KiB + 1 byte whole")
    func lineAtTheLimit() throws {
        let limit = PlainLineReader.maximumLineBytes + 1
        let exact = String(repeating: "b", count: limit)
        let (reader, pipe) = try reader(for: exact + "\r\nafter\n")
        #expect(readAll(reader) == [.line(exact), .line("after"), .endOfInput])
        _ = pipe
    }

    @Test("a too-long last line without a newline is cut, then the input ends")
    func hugeLastLine() throws {
        let (reader, pipe) = try reader(for: [UInt8](repeating: UInt8(ascii: "c"), count: 200_000))
        let results = readAll(reader)
        #expect(results.count == 2)
        if case .line(let line)? = results.first {
            #expect(line.utf8.count == PlainLineReader.maximumLineBytes + 1)
        } else {
            Issue.record("expected a line, got \(results)")
        }
        #expect(results.last == .endOfInput)
        _ = pipe
    }

    @Test("returns a last line that has no newline, then the end of input, for good")
    func lastLineWithoutNewline() throws {
        let (reader, pipe) = try reader(for: "first\nlast")
        #expect(readAll(reader) == [.line("first"), .line("last"), .endOfInput])
        #expect(reader.readLine(prompt: "") == .endOfInput)
        _ = pipe
    }

    @Test("empty input is the end of input at once")
    func emptyInput() throws {
        let (reader, pipe) = try reader(for: "")
        #expect(readAll(reader) == [.endOfInput])
        _ = pipe
    }

    @Test("writes the prompt, flushed, and nothing else")
    func promptOnly() throws {
        let input = try FedPipe(Array("a\nb\n".utf8))
        var outputFDs: [Int32] = [0, 0]
        #expect(pipe(&outputFDs) == 0)
        defer { close(outputFDs[0]) }
        let reader = PlainLineReader(input: input.readEnd, output: outputFDs[1])
        #expect(reader.readLine(prompt: "Pain (0-10)? ") == .line("a"))
        #expect(reader.readLine(prompt: "é? ") == .line("b"))
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        close(outputFDs[1])
        var written: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            let got = read(outputFDs[0], &chunk, chunk.count)
            if got <= 0 { break }
            written += chunk[0..<got]
        }
        #expect(String(decoding: written, as: UTF8.self) == "Pain (0-10)? é? > ")
    }

    @Test("ignores text to edit: reads the next line, prompts with the prompt alone, remembers nothing")
    func ignoresTextToEdit() throws {
        let input = try FedPipe(Array("fresh\n".utf8))
        var outputFDs: [Int32] = [0, 0]
        #expect(pipe(&outputFDs) == 0)
        defer { close(outputFDs[0]) }
        let reader = PlainLineReader(input: input.readEnd, output: outputFDs[1])
        #expect(reader.readLine(prompt: "> ", editing: "low back, butt") == .line("fresh"))
        #expect(reader.readLine(prompt: "> ") == .endOfInput)
        #expect(!reader.endedLineOnTerminal, "a pipe has no line to end")
        close(outputFDs[1])
        var written: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            let got = read(outputFDs[0], &chunk, chunk.count)
            if got <= 0 { break }
            written += chunk[0..<got]
        }
        #expect(String(decoding: written, as: UTF8.self) == "> > ")
    }

    @Test("remembers nothing and ignores the completer")
    func noHistory() throws {
        let (reader, pipe) = try reader(for: "x\n")
        reader.completer = { _ in Completion(replacing: 0, candidates: ["never"]) }
        reader.remember("secret")
        reader.forgetHistory()
        #expect(readAll(reader) == [.line("x"), .endOfInput])
        _ = pipe
    }

    @Test("a pending signal interrupts the read; taking it lets reading go on")
    func pendingSignal() throws {
        Signals.install()
        defer { Signals.takePending() }
        let (reader, pipe) = try reader(for: "kept\n")
        deliver(Signals.terminate)
        #expect(Signals.pending == Signals.terminate)
        #expect(reader.readLine(prompt: "") == .interrupted)
        #expect(reader.readLine(prompt: "") == .interrupted)
        #expect(Signals.takePending() == Signals.terminate)
        #expect(Signals.pending == nil)
        #expect(readAll(reader) == [.line("kept"), .endOfInput])
        _ = pipe
    }

    @Test("a signal taken by another thread ends a read blocked on an idle pipe")
    func signalWhileBlocked() throws {
        Signals.install()
        defer { Signals.takePending() }
        let pipe = try FedPipe([], closeAfterwards: false)
        let reader = PlainLineReader(input: pipe.readEnd, output: pipe.devNull)
        // Another thread takes the signal (as in a process with worker
        // threads); only the self-pipe can wake the reader then. Directed at
        // that thread, so other tests' system calls are not interrupted.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) {
            deliver(Signals.terminate)
        }
        // If the signal were lost, closing the pipe ends the read instead of
        // hanging the test run.
        let fallback = DispatchWorkItem { pipe.closeWriteEnd() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(5), execute: fallback)
        let started = ContinuousClock.now
        #expect(reader.readLine(prompt: "") == .interrupted)
        #expect(ContinuousClock.now - started < .seconds(2))
        fallback.cancel()
        #expect(Signals.takePending() == Signals.terminate)
    }

    @Test("Ctrl-C does not hide a pending termination request")
    func terminationWins() {
        Signals.install()
        defer { Signals.takePending() }
        deliver(Signals.terminate)
        deliver(Signals.interrupt)
        #expect(Signals.takePending() == Signals.terminate)
        deliver(Signals.interrupt)
        #expect(Signals.takePending() == Signals.interrupt)
        #expect(Signals.name(of: Signals.hangUp) == "SIGHUP")
        #expect(Signals.isTermination(Signals.hangUp))
        #expect(!Signals.isTermination(Signals.interrupt))
    }
}

@Suite("Terminal facts")
struct TerminalTests {
    @Test("a pipe is not a terminal")
    func pipeIsNotATerminal() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { fds.forEach { close($0) } }
        #expect(!Terminal.isTerminal(fds[0]))
        #expect(!Terminal.isTerminal(fds[1]))
    }

    @Test("the width is positive, 80 when there is no terminal to ask")
    func width() {
        let width = Terminal.width
        #expect(width > 0)
        if !Terminal.isTerminal(0), !Terminal.isTerminal(1), !Terminal.isTerminal(2) {
            #expect(width == 80)
        }
    }

    @Test("clearing homes the cursor, clears the screen and the scrollback")
    func clearScreen() {
        #expect(Terminal.clearScreenSequence == "\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }
}
