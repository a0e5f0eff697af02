#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditing
import QuestionnaireModel
import TerminalText
import Reports

/// The one owner of the terminal's output: writes text to stdout or stderr,
/// with colour and wrapping only when a person is looking at a terminal that
/// wants them.
final class Console {
    enum Stream {
        case output, error

        var descriptor: Int32 { self == .output ? 1 : 2 }
    }

    /// Whether escape codes (colour, bold) may be written.
    let styled: Bool
    /// Whether the output is a terminal (for clearing the screen, say).
    let outputIsTerminal: Bool

    /// Decides styling from the environment: colour only on a terminal, never
    /// with `NO_COLOR` set (https://no-color.org), `TERM=dumb` or `--plain`.
    init(plain: Bool, environment: [String: String]) {
        outputIsTerminal = Terminal.isTerminal(1)
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        styled = outputIsTerminal && !plain && !noColor && environment["TERM"] != "dumb"
        // A reader that closes the pipe early (`intake ... | head`) must not
        // kill the process in the middle of saving: writes then fail with EPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The width to wrap text at: the terminal's, or 80 for pipes and files.
    var width: Int {
        outputIsTerminal ? max(40, min(Terminal.width, 100)) : 80
    }

    /// Output to stdout held back by `hold`, to be written in one call.
    private var held: [UInt8]?

    /// Holds what is written to stdout from now until `sendHeld`, to go to
    /// the screen in one write. Anything written to stderr meanwhile first
    /// sends what is held, so the order on a shared screen stays as written.
    func hold() {
        if held == nil { held = [] }
    }

    /// Writes what `hold` held, and stops holding.
    func sendHeld() {
        guard let bytes = held else { return }
        held = nil
        send(bytes, to: .output)
    }

    func write(_ text: String, to stream: Stream = .output) {
        if held != nil {
            if stream == .output {
                held?.append(contentsOf: text.utf8)
                return
            }
            send(held ?? [], to: .output)
            held = []
        }
        send(Array(text.utf8), to: stream)
    }

    private func send(_ bytes: [UInt8], to stream: Stream) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(stream.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    func line(_ text: String = "", to stream: Stream = .output) {
        write(text + "\n", to: stream)
    }

    /// Text wrapped to the width, each line indented.
    func paragraph(_ text: String, indent: Int = 0, style: Style = .plain, to stream: Stream = .output) {
        for line in Console.wrap(text, width: width - indent) {
            self.line(String(repeating: " ", count: indent) + paint(line, style), to: stream)
        }
    }

    // MARK: - Styles

    enum Style {
        case plain, bold, dim, warning, good, urgent, heading
    }

    func paint(_ text: String, _ style: Style) -> String {
        guard styled, style != .plain, !text.isEmpty else { return text }
        let code = switch style {
        case .plain: ""
        case .bold: "1"
        case .dim: "2"
        case .warning: "33"
        case .good: "32"
        case .urgent: "1;31"
        case .heading: "1;4"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Styles for rendered text: escape codes only when styled.
    var textStyle: TextStyle {
        guard styled else { return .plain }
        return TextStyle(
            heading: { "\u{1B}[1;4m\($0)\u{1B}[0m" },
            strong: { "\u{1B}[1m\($0)\u{1B}[0m" },
            dim: { "\u{1B}[2m\($0)\u{1B}[0m" },
            category: { text, rank in
                let colour = rank == 0 ? "1;31" : rank == 1 ? "1;33" : rank == 2 ? "1;36" : "1;32"
                return "\u{1B}[\(colour)m\(text)\u{1B}[0m"
            })
    }

    // MARK: - Wrapping

    /// Splits text into lines of at most `width` columns at spaces, keeping
    /// the text's own line breaks and each line's indentation; lines that fit
    /// are left exactly as written.
    static func wrap(_ text: String, width: Int) -> [String] {
        TextWrap.fit(text, width: width)
    }
}
