import QuestionnaireModel
import Reports
import TerminalText

/// What intake says, and how: text wrapped to the screen, colour only when a
/// person is looking at a terminal that wants it, and what an interview
/// shows between two prompts sent in one write. It decides the bytes; the
/// `Screen` it is given sends them.
public final class Console {
    public typealias Stream = StandardStream

    private let screen: Screen
    /// Whether escape codes (colour, bold) may be written.
    public let styled: Bool
    /// The words of the program's own messages for the session shown now:
    /// set once per session from its audience (and language).
    public var words = ProgramWords()
    /// Whether the output is a terminal (for clearing the screen, say).
    public var outputIsTerminal: Bool { screen.isTerminal }

    /// Decides styling from the environment: colour only on a terminal, never
    /// with `NO_COLOR` set (https://no-color.org), `TERM=dumb` or `plain`.
    public init(screen: Screen, plain: Bool, environment: [String: String]) {
        self.screen = screen
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        styled = screen.isTerminal && !plain && !noColor && environment["TERM"] != "dumb"
    }

    /// The width to wrap text at: the terminal's, or 80 for pipes and files.
    public var width: Int {
        screen.isTerminal ? max(40, min(screen.columns, 100)) : 80
    }

    /// Output to stdout held back by `hold`, to be written in one call.
    private var held: [UInt8]?

    /// Holds what is written to stdout from now until `sendHeld`, to go to
    /// the screen in one write. Anything written to stderr meanwhile first
    /// sends what is held, so the order on a shared screen stays as written.
    public func hold() {
        if held == nil { held = [] }
    }

    /// Writes what `hold` held, and stops holding.
    public func sendHeld() {
        guard let bytes = held else { return }
        held = nil
        if !bytes.isEmpty { screen.send(bytes, to: .output) }
    }

    public func write(_ text: String, to stream: Stream = .output) {
        if held != nil {
            if stream == .output {
                held?.append(contentsOf: text.utf8)
                return
            }
            if let bytes = held, !bytes.isEmpty { screen.send(bytes, to: .output) }
            held = []
        }
        screen.send(Array(text.utf8), to: stream)
    }

    public func line(_ text: String = "", to stream: Stream = .output) {
        write(text + "\n", to: stream)
    }

    /// Text wrapped to the width, each line indented.
    public func paragraph(_ text: String, indent: Int = 0, style: Style = .plain, to stream: Stream = .output) {
        for line in TextWrap.fit(text, width: width - indent) {
            // A script to read aloud stands out from the words for the staff member.
            let painted = styled && line.hasPrefix(Audience.readAloudMark)
                ? paint(Audience.readAloudMark, .heading) + paint(String(line.dropFirst(Audience.readAloudMark.count)), style)
                : paint(line, style)
            self.line(String(repeating: " ", count: indent) + painted, to: stream)
        }
    }

    /// One line for standard error: a message a person acts on.
    public func error(_ message: String) {
        line(message.hasSuffix("\n") ? String(message.dropLast()) : message, to: .error)
    }

    // MARK: - Styles

    public enum Style: Sendable {
        case plain, bold, dim, warning, good, urgent, heading
    }

    public func paint(_ text: String, _ style: Style) -> String {
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
    public var textStyle: TextStyle {
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

    /// Moves the cursor home, clears the screen and the scrollback, so the
    /// next client cannot scroll back to the previous client's answers.
    public static let clearScreenSequence = "\u{1B}[H\u{1B}[2J\u{1B}[3J"
}
