import IntakeKit

/// A screen that keeps what is written to it: standard output and standard
/// error apart, and both together in the order written.
public final class MemoryScreen: Screen {
    public var isTerminal: Bool
    public var columns: Int
    private var outputBytes: [UInt8] = []
    private var errorBytes: [UInt8] = []
    private var allBytes: [UInt8] = []
    /// How many separate writes reached standard output.
    public private(set) var outputWrites = 0

    /// A pipe by default; `isTerminal` for a terminal `columns` wide.
    public init(isTerminal: Bool = false, columns: Int = 80) {
        self.isTerminal = isTerminal
        self.columns = columns
    }

    public func send(_ bytes: [UInt8], to stream: StandardStream) {
        switch stream {
        case .output:
            outputBytes += bytes
            outputWrites += 1
        case .error:
            errorBytes += bytes
        }
        allBytes += bytes
    }

    /// What went to standard output.
    public var output: String { String(decoding: outputBytes, as: UTF8.self) }
    /// What went to standard error.
    public var error: String { String(decoding: errorBytes, as: UTF8.self) }
    /// Both, interleaved as written (as a terminal shows them).
    public var shown: String { String(decoding: allBytes, as: UTF8.self) }
}
