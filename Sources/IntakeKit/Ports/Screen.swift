/// Where intake's output goes: the terminal (or a pipe) for the executable,
/// memory for tests. `Console` decides what to write; a screen only sends it.
public protocol Screen: AnyObject {
    /// Whether standard output is a terminal (colour, clearing the screen).
    var isTerminal: Bool { get }
    /// The terminal's width in columns (80 when it cannot be told).
    var columns: Int { get }
    /// Sends `bytes` to standard output or standard error, all of them.
    func send(_ bytes: [UInt8], to stream: StandardStream)
}

/// Standard output or standard error.
public enum StandardStream: Sendable {
    case output, error
}
