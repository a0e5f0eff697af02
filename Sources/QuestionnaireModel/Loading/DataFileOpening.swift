/// How every small data file beside a questionnaire starts to be read (a
/// translation, an alias table, a medicine names file): parsed with its
/// places, control characters refused, an object at the top with no
/// unknown key. Each reader goes on from `object`, logging into `log`.
public struct DataFileOpening {
    public let json: JSONValue
    public let object: JSONObject
    public var log: DiagnosticLog

    /// Reads the top of a file of `kind` ("a translation file"), whose
    /// object has `shape` ("'language', 'translates' and 'texts'") and may
    /// hold only `keys`. A file that is not an object is refused at once.
    public static func read(_ bytes: [UInt8], file: String, kind: String, shape: String, keys: [String]) throws(DiagnosticError) -> DataFileOpening {
        let json = try JSONParser.parseFile(bytes, file: file)
        var log = DiagnosticLog(file: file, source: SourceText(bytes))
        log.refuseControlCharacters(in: json)
        guard let object = json.objectValue else {
            log.error("\(kind) must be an object with \(shape), found \(json.typeDescription)", at: json, path: .root)
            throw DiagnosticError(log.diagnostics)
        }
        for member in object.members where !keys.contains(member.key) {
            let hint = Suggestion.hint(for: member.key, among: keys)
            log.report(.error, "unknown key '\(member.key)' in \(kind)\(hint)", offset: member.keyOffset, path: JSONPath.root.appending(member.key))
        }
        return DataFileOpening(json: json, object: object, log: log)
    }

    /// The file's "language": a language code in lower case ("ko"), or ""
    /// after logging why it is not one.
    public mutating func languageCode() -> String {
        let language = object["language"]?.stringValue ?? ""
        if language.isEmpty || language.count > 8 || !language.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }) {
            log.error("'language' must be a language code in lower case, such as \"ko\"", at: object["language"] ?? json, path: JSONPath.root.appending("language"))
        }
        return language
    }
}
