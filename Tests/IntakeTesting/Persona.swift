import Foundation
import Testing

/// A persona of `Tests/Personas/`: an answer file with the outcome
/// CLINICAL.md expects for it under `"$expected"`.
public struct Persona: Sendable, CustomTestStringConvertible {
    /// The answer file.
    public var path: String
    public var category: String
    public var rules: Set<String>
    /// Whether a discussion point calls out a pressure preference above
    /// what a precaution allows.
    public var pressureCallout: Bool
    /// A partial answers file, scored as `intake score` reads it (missing
    /// follow-ups assumed the cautious way), not run as an interview.
    public var scoreOnly = false

    public var testDescription: String { (path as NSString).lastPathComponent }

    /// The personas in `folder` (from the package root), sorted by name.
    public static func all(in folder: String) -> [Persona] {
        let folder = Fixtures.path(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let expected = json["$expected"] as? [String: Any],
                  let category = expected["category"] as? String,
                  let rules = expected["rules"] as? [String]
            else { return nil }
            var persona = Persona(path: path, category: category, rules: Set(rules), pressureCallout: expected["pressureCallout"] as? Bool ?? false)
            persona.scoreOnly = expected["scoreOnly"] as? Bool ?? false
            return persona
        }
    }
}
