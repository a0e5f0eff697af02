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
    /// Whether the last read that returned `.interrupted` or `.endOfInput`
    /// moved the terminal's cursor to the start of a fresh line below what
    /// was typed (Ctrl-C and Ctrl-D leave it after the typed text). When true,
    /// print a message about it straight away; when false (a pipe, or a read
    /// that returned a line), start the message with a newline if it goes to
    /// a terminal the cursor may be in the middle of.
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
    /// False: a reader that does not say otherwise leaves the cursor alone.
    public var endedLineOnTerminal: Bool { false }
}
