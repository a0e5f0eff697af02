extension JSONValue {
    /// Compact JSON text: no spaces, members in order, non-ASCII kept as UTF-8.
    ///
    /// The same value always gives the same text, which the transcript's hash
    /// chain relies on.
    public func serialized() -> String {
        var output = ""
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Indented JSON text for people to read, with a final newline.
    public func prettyPrinted(indent: Int = 2) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, indent: Int?, level: Int) {
        switch kind {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .number(let value): output.append(value.double.isFinite ? value.text : "null")
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            if values.isEmpty { output.append("[]"); return }
            output.append("[")
            for (index, element) in values.enumerated() {
                if index > 0 { output.append(",") }
                JSONValue.newline(&output, indent: indent, level: level + 1)
                element.write(to: &output, indent: indent, level: level + 1)
            }
            JSONValue.newline(&output, indent: indent, level: level)
            output.append("]")
        case .object(let object):
            if object.members.isEmpty { output.append("{}"); return }
            output.append("{")
            for (index, member) in object.members.enumerated() {
                if index > 0 { output.append(",") }
                JSONValue.newline(&output, indent: indent, level: level + 1)
                JSONValue.writeString(member.key, to: &output)
                output.append(indent == nil ? ":" : ": ")
                member.value.write(to: &output, indent: indent, level: level + 1)
            }
            JSONValue.newline(&output, indent: indent, level: level)
            output.append("}")
        }
    }

    private static func newline(_ output: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        output.append("\n")
        output.append(String(repeating: " ", count: indent * level))
    }

    static func writeString(_ value: String, to output: inout String) {
        output.append("\"")
        var plainStart = value.unicodeScalars.startIndex
        var index = plainStart
        let scalars = value.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default:
                // Control characters, DEL and the line separators that break
                // JavaScript are escaped, so a transcript line is always one line.
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    escape = "\\u" + hex4(UInt16(scalar.value)).lowercased()
                } else {
                    escape = nil
                }
            }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                output.append(escape)
                index = scalars.index(after: index)
                plainStart = index
            } else {
                index = scalars.index(after: index)
            }
        }
        output.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        output.append("\"")
    }
}
