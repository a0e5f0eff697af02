import Foundation
import IntakeTesting
import Testing

/// Reading what sessions leave and what intake prints, for the in-process
/// tests of sessions, transcripts and reports.
enum SessionText {
    /// The answers of one whole interview, a line each: every question of
    /// `Tests/Fixtures/straight-session.txt` answered, nothing corrected.
    static let straight: [String] = Fixtures.text("Tests/Fixtures/straight-session.txt")
        .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

    /// A golden transcript of `Transcripts/examples`.
    static func example(_ name: String) -> String {
        Fixtures.path("Transcripts/examples/\(name).jsonl")
    }

    /// Every line of a transcript's text, as JSON objects.
    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// The events of a transcript's text, without the `sealed` lines that
    /// close its endings (checked once, in `everyEndingIsSealed`).
    static func events(_ text: String) -> [[String: Any]] {
        lines(text).filter { $0["type"] as? String != "sealed" }
    }

    /// The events of a transcript file on disk.
    static func events(ofFile path: String) -> [[String: Any]] {
        events((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    /// Text with runs of white space made single spaces, to find a message
    /// that was wrapped to the terminal's width.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What `intake report FILE --format json` prints, as JSON.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
