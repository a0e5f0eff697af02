import IntakeKit
import LineEditing

/// The keyboard for an interview: libedit's line editing when a person
/// types at a terminal, plain line reading for pipes, `--plain` and
/// `TERM=dumb`.
enum TerminalKeyboard {
    static func make(plain: Bool, environment: [String: String]) -> Keyboard {
        // Ctrl-C, SIGTERM and SIGHUP end a read instead of the process, so
        // the session can save and say how to carry on.
        Signals.install()
        let inputIsTerminal = Terminal.isTerminal(0)
        let dumb = environment["TERM"] == "dumb"
        if !plain, !dumb, inputIsTerminal, Terminal.isTerminal(1), let editor = EditLineReader() {
            return Keyboard(reader: editor, isInteractive: true, isTerminal: true, takeSignal: Signals.takePending)
        }
        return Keyboard(reader: PlainLineReader(), isInteractive: false, isTerminal: inputIsTerminal, takeSignal: Signals.takePending)
    }

    /// Reads the Enter between questions of `replay --step`: plain reading,
    /// whatever the input is.
    static func stepper() -> Keyboard {
        Keyboard(reader: PlainLineReader(), isInteractive: false, isTerminal: Terminal.isTerminal(0), takeSignal: Signals.takePending)
    }
}
