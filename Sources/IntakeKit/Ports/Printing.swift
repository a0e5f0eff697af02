/// Sending a saved report to a printer, given by the executable (CUPS's
/// `lp`) or by a test. The application decides what to print and says what
/// happened; the port only hands a file to the print system.
public protocol Printing {
    /// Whether a print system is installed to print with (`lp`).
    var isInstalled: Bool { get }
    /// Prints the file at `path` on `printer`; returns what the print system
    /// said it did ("request id is desk-12 (1 file(s))"), or throws what went
    /// wrong in words.
    func print(_ path: String, on printer: String) throws(PrintingError) -> String
}

/// Why a report could not be printed.
public struct PrintingError: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
