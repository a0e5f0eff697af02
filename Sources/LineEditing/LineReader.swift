/// What one read of a line gave.
public enum LineInput: Sendable, Equatable {
    /// A line, without its line ending.
    case line(String)
    /// The read was cut short by a signal: Ctrl-C (the line being typed is
    /// dropped) or a termination signal; `Signals.pending` tells which.
    case interrupted
    /// No more input: Ctrl-D on an empty line, or the end of a pipe.
    case endOfInput
}

/// Completion candidates for the text before the cursor.
public struct Completion: Sendable, Equatable {
    /// How many characters just before the cursor the candidate replaces.
    public var replacing: Int
    /// Full replacements for those characters, best first.
    public var candidates: [String]

    public init(replacing: Int, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }
}

/// Reads answers one line at a time: from a terminal with line editing, or
/// plainly from a pipe.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Shows `prompt` and reads one line that starts as `text`, ready to edit.
    ///
    /// For a line that was refused: the person fixes it rather than typing it
    /// again. A reader that edits puts `text` on the line with the cursor at
    /// its end, and when the read ends adds `text` to the recall list (as
    /// `remember(_:)` does), so Up during this read goes to the lines before
    /// it, and Up later finds it; do not remember it yourself. A reader that
    /// cannot edit (a pipe) ignores `text`.
    func readLine(prompt: String, editing text: String) -> LineInput
    /// Whether the last read returned `.interrupted` or `.endOfInput` after
    /// moving the terminal's cursor to the start of a fresh line below what
    /// was typed (Ctrl-C and Ctrl-D leave it after the typed text or `^C`).
    ///
    /// When true, print a message about it straight away. When false (a pipe,
    /// a file, or a read that returned a line), a message for a terminal the
    /// cursor may be in the middle of needs a line break first.
    var endedLineOnTerminal: Bool { get }
    /// Called on Tab with the text before the cursor.
    var completer: (@Sendable (String) -> Completion)? { get set }
    /// Adds a line to this session's recall list (Up/Down). Kept in memory
    /// only: answers are health information and never go to a history file.
    func remember(_ line: String)
    /// Forgets every remembered line, so the next client cannot recall them.
    func forgetHistory()
}

extension LineReader {
    /// Reads with an empty line: a reader that cannot edit ignores `text`.
    public func readLine(prompt: String, editing text: String) -> LineInput {
        readLine(prompt: prompt)
    }

    /// False: a reader that does not say otherwise leaves the cursor alone.
    public var endedLineOnTerminal: Bool { false }
}
