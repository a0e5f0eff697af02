import Foundation
import QuestionnaireModel

/// Reading what intake printed or saved the way the hardening tests check
/// it, in-process or from a process: escapes that reached the output raw,
/// messages wrapped to the screen, the events of a transcript.
public enum HardeningText {
    /// Text with runs of white space made single spaces, to find a message
    /// that was wrapped to the terminal's width.
    public static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first character of `text` that would act on a terminal instead of
    /// being shown (C0 and C1 controls, DEL, direction overrides), described.
    public static func firstRawControl(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> String? {
        for scalar in text.unicodeScalars where !allowed.contains(scalar) {
            switch scalar.value {
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                return "U+" + String(scalar.value, radix: 16, uppercase: true)
            default:
                continue
            }
        }
        return nil
    }

    /// `text` as a diagnostic prints it: control and direction characters as `\u{1b}`.
    public static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text shown in a test's message: escapes for what cannot be seen, cut short.
    public static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(80) {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark:
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return "'" + shown + (text.unicodeScalars.count > 80 ? "…(\(text.utf8.count) bytes)" : "") + "'"
    }

    /// The transcripts in a folder on disk, oldest first.
    public static func transcripts(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The events of a transcript on disk, each line parsed as intake parses it.
    public static func events(_ path: String) throws -> [JSONValue] {
        try events(of: [UInt8](FileManager.default.contents(atPath: path) ?? Data()))
    }

    /// The events of a transcript's bytes, each line parsed as intake parses it.
    public static func events(of bytes: [UInt8]) throws -> [JSONValue] {
        try bytes.split(separator: 0x0A).map { try JSONParser.parse(Array($0)) }
    }
}
