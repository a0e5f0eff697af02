import QuestionnaireModel

/// A rules file read and parsed once: loading the rules needs the medicines
/// lexicon, and which lexicon is named inside the rules file.
public struct RulesSource: Sendable {
    /// The bytes, as read (for the file's hash in transcripts).
    public let bytes: [UInt8]
    /// The file as the user named it.
    public let file: String
    public let json: JSONValue

    /// Parses `bytes`; a file that is not JSON is refused with its line and column.
    public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> RulesSource {
        RulesSource(bytes: bytes, file: file, json: try JSONParser.parseFile(bytes, file: file))
    }

    /// The medicines file the rules name in `"medications"` (relative to
    /// the rules file), with where the name stands for a message about it;
    /// nil when the rules name none. A value that is not a string is nil
    /// too: `RuleSet.load` refuses it with its place.
    public var medicinesFile: (name: String, location: LineColumn?, path: JSONPath)? {
        guard let value = json["medications"], let name = value.stringValue else { return nil }
        return (name, SourceText(bytes).location(of: value.offset), JSONPath.root.appending("medications"))
    }

    /// How surely a parsed JSON file is a rules file, from its top-level
    /// keys: "rules" or "categories" say so; a slip in those keys still
    /// leaves others that tell, so the loader can then name the slip.
    public static func recognition(of json: JSONValue) -> FileRecognition {
        guard let object = json.objectValue else { return .no }
        if object["rules"] != nil || object["categories"] != nil { return .surely }
        if object["questionnaire"] != nil || object["disclaimer"] != nil || object["derived"] != nil { return .likely }
        return .no
    }
}
