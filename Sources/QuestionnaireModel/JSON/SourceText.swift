/// A line and column in a text file, both counted from 1; columns count
/// characters, not bytes, so they match what an editor shows.
public struct LineColumn: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// The bytes of a source file, able to turn byte offsets into line:column.
public struct SourceText: Sendable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The location of the byte at `offset`, or nil for values built in code.
    public func location(of offset: Int) -> LineColumn? {
        guard offset >= 0 else { return nil }
        let end = min(offset, bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count the first byte of each UTF-8 sequence only.
                column += 1
            }
            index += 1
        }
        return LineColumn(line: line, column: column)
    }
}
