import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe, a file, or a terminal in `--plain` mode (for
/// screen readers): no escape codes, no editing, no history, no completion.
///
/// Reads file descriptor 0 with `read(2)`, after waiting for input in
/// `ppoll` so that a signal always ends the wait. Call `Signals.install()`
/// first so that Ctrl-C or SIGTERM ends a read with `.interrupted` instead of
/// killing the process. Not thread-safe: use it from one thread.
public final class PlainLineReader: LineReader {
    /// The longest line kept, in bytes. A longer line is returned cut to this
    /// many bytes plus one, so the caller can tell it was too long; the rest
    /// of it is read and dropped.
    public static let maximumLineBytes = 64 * 1024

    /// Ignored: there is nothing to complete on a pipe.
    public var completer: (@Sendable (String) -> Completion)?

    /// True after a read from a terminal that a signal interrupted: the
    /// reader ended the line on that terminal (see `readLine(prompt:)`).
    public private(set) var endedLineOnTerminal = false

    private let input: Int32
    private let output: Int32
    private let chunkSize: Int
    /// Bytes read but not yet returned; `buffer[start...]` is unconsumed.
    private var buffer: [UInt8] = []
    private var start = 0
    /// `buffer[start..<scanned]` is known to hold no newline.
    private var scanned = 0
    private var reachedEnd = false
    /// Dropping the rest of a line that was too long.
    private var discardingRestOfLine = false

    /// Reads from standard input and prompts on standard output.
    public convenience init() {
        self.init(input: STDIN_FILENO, output: STDOUT_FILENO)
    }

    /// Reads from `input` and writes prompts to `output`; for tests and for
    /// reading a script from another descriptor. Descriptors are not closed.
    public init(input: Int32, output: Int32, chunkSize: Int = 16 * 1024) {
        self.input = input
        self.output = output
        self.chunkSize = max(chunkSize, 1)
    }

    /// Writes `prompt` and reads the next line.
    ///
    /// Returns `.interrupted` at once, without writing the prompt, while a
    /// signal is pending (see `Signals.takePending()`).
    ///
    /// When the input is a terminal (stdout piped, or `--plain`), a signal
    /// that interrupts the read ends the line on that terminal: the terminal
    /// echoed what was typed and `^C` but no newline, so a message printed to
    /// it next would run on after them.
    public func readLine(prompt: String) -> LineInput {
        endedLineOnTerminal = false
        if Signals.pending != nil {
            return .interrupted
        }
        writePrompt(prompt)
        while true {
            if Signals.pending != nil {
                return interrupted()
            }
            if let line = nextLine() {
                return .line(line)
            }
            if reachedEnd {
                return finishAtEnd()
            }
            switch fill() {
            case .data, .retry:
                continue
            case .interrupted:
                return interrupted()
            }
        }
    }

    private func interrupted() -> LineInput {
        endedLineOnTerminal = endLineOnTerminal()
        return .interrupted
    }

    /// Does nothing: a plain reader keeps no history.
    public func remember(_ line: String) {}

    /// Does nothing: a plain reader keeps no history.
    public func forgetHistory() {}

    // MARK: - Buffer

    /// A complete line from the buffer, or a too-long line cut short; nil when
    /// more input is needed.
    private func nextLine() -> String? {
        if discardingRestOfLine {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                consume(through: newline + 1)
                discardingRestOfLine = false
            } else {
                consume(through: buffer.count)
                return nil
            }
        }
        let limit = Self.maximumLineBytes + 1
        // Search no further than the limit: a longer line is cut there anyway.
        let searchEnd = min(buffer.count, start + limit + 1)
        if scanned < searchEnd,
           let newline = buffer[scanned..<searchEnd].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = decode(buffer[start..<min(end, start + limit)])
            consume(through: newline + 1)
            return line
        }
        scanned = max(scanned, searchEnd)
        if buffer.count - start > limit {
            let line = decode(buffer[start..<(start + limit)])
            discardingRestOfLine = true
            consume(through: start + limit)
            return line
        }
        return nil
    }

    /// At the end of input: the last line if it had no newline, then
    /// `.endOfInput` for good.
    private func finishAtEnd() -> LineInput {
        if discardingRestOfLine {
            discardingRestOfLine = false
            consume(through: buffer.count)
        }
        guard start < buffer.count else {
            buffer = []
            start = 0
            scanned = 0
            return .endOfInput
        }
        var end = buffer.count
        if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = decode(buffer[start..<end])
        consume(through: buffer.count)
        return .line(line)
    }

    private func consume(through index: Int) {
        start = index
        scanned = max(scanned, index)
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 4 * chunkSize)
            start = 0
            scanned = 0
        } else if start >= chunkSize, start * 2 >= buffer.count {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - System calls

    private enum FillResult {
        case data, retry, interrupted
    }

    /// Reads one chunk into the buffer, or notes the end of input.
    private func fill() -> FillResult {
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        // Waits in ppoll, then read(2): a signal ends the wait even when
        // another thread receives it.
        let got = buffer.withUnsafeMutableBytes { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            return ceditline_read_input(nil, input, base + oldCount, chunkSize)
        }
        let error = errno
        buffer.removeLast(chunkSize - max(got, 0))
        if got > 0 { return .data }
        if got == 0 {
            reachedEnd = true
            return .data
        }
        switch error {
        case EINTR:
            return Signals.pending != nil ? .interrupted : .retry
        case EAGAIN, EWOULDBLOCK:
            return .retry
        default:
            // EIO after the terminal hung up, EBADF with no stdin: no more input.
            reachedEnd = true
            return .data
        }
    }

    /// Writes a line break to the terminal `input` reads from (not to
    /// `output`, which may be a pipe); false when `input` is no terminal or
    /// the write fails.
    private func endLineOnTerminal() -> Bool {
        guard isatty(input) == 1 else { return false }
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(input, &name, name.count) == 0 else { return false }
        let terminal = open(name, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else { return false }
        defer { close(terminal) }
        // "\r" too: the terminal may not turn "\n" into a carriage return.
        let lineBreak: [UInt8] = [0x0D, 0x0A]
        while true {
            let written = lineBreak.withUnsafeBytes { write(terminal, $0.baseAddress, $0.count) }
            if written == lineBreak.count { return true }
            if written < 0, errno == EINTR { continue }
            return false
        }
    }

    private func writePrompt(_ prompt: String) {
        guard !prompt.isEmpty else { return }
        // Anything the application printed with print() goes first.
        fflush(nil)
        let bytes = Array(prompt.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(output, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                var ready = pollfd(fd: output, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 100)
            } else {
                return
            }
        }
    }
}
