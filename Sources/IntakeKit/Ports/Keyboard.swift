import LineEditing

/// Where a person's answers come from: a line reader, and how it reads.
public struct Keyboard {
    public var reader: LineReader
    /// Whether a person types at a terminal with line editing: Ctrl-C then
    /// cancels the line being typed instead of stopping the session, and
    /// Tab and Up work.
    public var isInteractive: Bool
    /// Whether the input is a terminal, which shows what is typed itself;
    /// lines read from a pipe are echoed, so the output reads like the
    /// session it was.
    public var isTerminal: Bool
    /// The signal that cut the last read short (`.interrupted`), taken so
    /// it is acted on once: Ctrl-C (`Signals.interrupt`) or a request to end.
    public var takeSignal: () -> Int32?

    public init(reader: LineReader, isInteractive: Bool, isTerminal: Bool, takeSignal: @escaping () -> Int32?) {
        self.reader = reader
        self.isInteractive = isInteractive
        self.isTerminal = isTerminal
        self.takeSignal = takeSignal
    }
}
