import IntakeKit
import LineEditing

/// A line reader that types a script: the test's stand-in for a person at a
/// keyboard or a pipe. Records the prompts it was shown and the lines the
/// session asked it to remember.
public final class ScriptedLineReader: LineReader {
    /// One thing the script does at a prompt.
    public enum Step: Sendable, Equatable {
        /// Types a line and Enter.
        case line(String)
        /// A signal cuts the read short: Ctrl-C (`Signals.interrupt`) or a
        /// request to end (`Signals.terminate`, `Signals.hangUp`).
        case signal(Int32)
        /// Ctrl-D, or the end of a pipe: every later read ends too.
        case end
    }

    private var steps: [Step]
    private var next = 0
    /// The signal of the last `.signal` step, until the session takes it.
    private var pendingSignal: Int32?

    public var completer: (@Sendable (String) -> Completion)?
    /// Where each prompt is written before a line is read, as the plain
    /// line reader writes it to standard output (so the output of a piped
    /// session reads `> over 50`); nil writes none. `InProcessIntake` sets
    /// it to its screen for piped input.
    public var promptScreen: Screen?
    /// Every prompt shown, in order.
    public private(set) var prompts: [String] = []
    /// The lines the session asked to be recalled with Up.
    public private(set) var remembered: [String] = []
    /// How many times the recall list was cleared (between clients).
    public private(set) var historyClears = 0

    public init(_ steps: [Step]) {
        self.steps = steps
    }

    /// Types each line in turn, then ends the input.
    public convenience init(lines: [String]) {
        self.init(lines.map(Step.line))
    }

    /// The lines a pipe holding `bytes` gives, as `PlainLineReader` reads
    /// them: split at "\n" (a "\r" before it dropped), the last line without
    /// a newline kept, a line over 64 KiB cut to 64 KiB + 1 byte, and bytes
    /// that are not UTF-8 replaced by U+FFFD.
    public convenience init(pipedBytes bytes: [UInt8]) {
        self.init(lines: Self.lines(of: bytes))
    }

    public static func lines(of bytes: [UInt8]) -> [String] {
        let limit = PlainLineReader.maximumLineBytes + 1
        var lines: [String] = []
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            var end = newline ?? bytes.count
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(String(decoding: bytes[start..<min(end, start + limit)], as: UTF8.self))
            start = (newline ?? bytes.count) + 1
        }
        return lines
    }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        if !prompt.isEmpty { promptScreen?.send(Array(prompt.utf8), to: .output) }
        guard next < steps.count else { return .endOfInput }
        let step = steps[next]
        switch step {
        case .line(let text):
            next += 1
            return .line(text)
        case .signal(let signal):
            next += 1
            pendingSignal = signal
            return .interrupted
        case .end:
            return .endOfInput
        }
    }

    public func remember(_ line: String) {
        remembered.append(line)
    }

    public func forgetHistory() {
        remembered.removeAll()
        historyClears += 1
    }

    /// The signal that cut the last read short, taken once.
    public func takeSignal() -> Int32? {
        defer { pendingSignal = nil }
        return pendingSignal
    }

    /// The script as a keyboard: a pipe (lines read are echoed on the
    /// screen), or with `interactive` a terminal with line editing.
    public func keyboard(interactive: Bool = false) -> Keyboard {
        Keyboard(reader: self, isInteractive: interactive, isTerminal: interactive, takeSignal: takeSignal)
    }
}
