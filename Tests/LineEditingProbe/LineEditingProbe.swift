import LineEditing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny REPL over LineEditing, for the pseudo-terminal tests in
/// LineEditingTests: it uses the readers the way intake's session loop does,
/// so the tests see on a real terminal what a person would.
///
/// It reads with `EditLineReader` when stdin and stdout are terminals, else
/// with `PlainLineReader`, prompting with "> ". Tab completes the names in
/// `names` from the start of the text after the last comma. A line with
/// "butt" in it is refused ("refused: LINE") and the next read starts with
/// it; any other line is accepted ("accepted: LINE") and remembered. Ctrl-C
/// prints "(cancelled; endedLineOnTerminal=BOOL)" to stderr with no line
/// break before it, and reads again; another signal exits with 128 + its
/// number. The end of input prints "(end)" and exits 0.
///
/// Options: `--remember LINE` puts LINE in the recall list first (repeatable);
/// `--stdout FILE` sends standard output to FILE, as when it is piped.
@main
struct LineEditingProbe {
    static let names = ["lower back", "left hip", "left knee", "허리", "허벅지", "어깨", "무릎"]

    static func main() {
        var remembered: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let option = arguments.popFirst() {
            guard let value = arguments.popFirst() else { fail("\(option) needs a value") }
            switch option {
            case "--remember":
                remembered.append(value)
            case "--stdout":
                let file = open(value, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                guard file >= 0, dup2(file, STDOUT_FILENO) >= 0 else { fail("cannot write \(value)") }
                close(file)
            default:
                fail("unknown option \(option)")
            }
        }

        let reader: LineReader
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, let editor = EditLineReader() {
            reader = editor
        } else {
            Signals.install()
            reader = PlainLineReader()
        }
        reader.completer = complete
        remembered.forEach(reader.remember)

        var refused: String?
        while true {
            let input = refused.map { reader.readLine(prompt: "> ", editing: $0) } ?? reader.readLine(prompt: "> ")
            refused = nil
            switch input {
            case .line(let text) where text.contains("butt"):
                say("refused: \(text)")
                refused = text
            case .line(let text):
                say("accepted: \(text)")
                reader.remember(text)
            case .interrupted:
                let signal = Signals.takePending() ?? Signals.interrupt
                if Signals.isTermination(signal) { exit(128 + signal) }
                put("(cancelled; endedLineOnTerminal=\(reader.endedLineOnTerminal))\n", to: STDERR_FILENO)
            case .endOfInput:
                say("(end)")
                exit(0)
            }
        }
    }

    /// Names that start with the text after the last comma, trimmed.
    @Sendable static func complete(_ textBeforeCursor: String) -> Completion {
        let lastItem = textBeforeCursor.split(separator: ",", omittingEmptySubsequences: false).last ?? ""
        let word = String(lastItem.drop { $0 == " " })
        guard !word.isEmpty else { return Completion(replacing: 0, candidates: []) }
        return Completion(replacing: word.count, candidates: names.filter { $0.hasPrefix(word) })
    }

    static func say(_ text: String) {
        put(text + "\n", to: STDOUT_FILENO)
    }

    static func fail(_ message: String) -> Never {
        put("line-editing-probe: \(message)\n", to: STDERR_FILENO)
        exit(2)
    }

    /// Writes all of `text`, after what libedit buffered in stdio.
    static func put(_ text: String, to descriptor: Int32) {
        fflush(nil)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
