import QuestionnaireModel

/// The questionnaire's flow as a drawing: Graphviz DOT or Mermaid. Nodes are
/// shaped by kind, edges labelled with their conditions, urgent stops marked.
public enum FlowChart {
    /// Graphviz DOT, for `dot -Tsvg`.
    public static func dot(_ questionnaire: Questionnaire) -> String {
        var out = "digraph \(dotID(questionnaire.id)) {\n"
        out += "  graph [rankdir=TB, fontname=\"Helvetica\", label=\(dotString("\(questionnaire.title) (\(questionnaire.id) \(questionnaire.version))")), labelloc=t, fontsize=16];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n"
        for node in questionnaire.nodes {
            var attributes = ["label=\(dotString(label(node)))", "shape=\(shape(node.kind))"]
            if node.urgent {
                attributes += ["fillcolor=\"#fde2e1\"", "color=\"#b3261e\"", "penwidth=2", "peripheries=2"]
            } else if node.kind == .info {
                attributes.append("fillcolor=\"#eef2f7\"")
            } else if !node.required {
                attributes.append("style=\"filled,dashed\"")
            }
            if node.id == questionnaire.start { attributes.append("penwidth=2") }
            out += "  \(dotID(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for node in questionnaire.nodes {
            for (target, condition) in edges(node) {
                var attributes: [String] = []
                if let condition { attributes.append("label=\(dotString(wrapped(condition)))") }
                if questionnaire.node(target)?.urgent == true { attributes += ["color=\"#b3261e\"", "fontcolor=\"#b3261e\"", "penwidth=2"] }
                out += "  \(dotID(node.id)) -> \(dotID(target))\(attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]");\n"
            }
        }
        out += "}\n"
        return out
    }

    /// Mermaid, which GitHub renders in Markdown.
    public static func mermaid(_ questionnaire: Questionnaire) -> String {
        var out = "flowchart TD\n"
        var ids: [String: String] = [:]
        for (index, node) in questionnaire.nodes.enumerated() { ids[node.id] = "n\(index)" }
        for node in questionnaire.nodes {
            let text = mermaidText(label(node))
            let id = ids[node.id]!
            let shaped = switch node.kind {
            case .info: "\(id)([\"\(text)\"])"
            case .single, .multi: "\(id){{\"\(text)\"}}"
            case .yesno: "\(id){\"\(text)\"}"
            default: "\(id)[\"\(text)\"]"
            }
            out += "  \(shaped)\n"
        }
        for node in questionnaire.nodes {
            for (target, condition) in edges(node) {
                guard let from = ids[node.id], let to = ids[target] else { continue }
                let arrow = questionnaire.node(target)?.urgent == true ? "==>" : "-->"
                if let condition {
                    out += "  \(from) \(arrow)|\"\(mermaidText(condition))\"| \(to)\n"
                } else {
                    out += "  \(from) \(arrow) \(to)\n"
                }
            }
        }
        let urgent = questionnaire.nodes.filter(\.urgent).compactMap { ids[$0.id] }
        if !urgent.isEmpty {
            out += "  classDef urgent fill:#fde2e1,stroke:#b3261e,stroke-width:2px,color:#5c0d08\n"
            out += "  class \(urgent.joined(separator: ",")) urgent\n"
        }
        return out
    }

    /// The links out of a node with their conditions in words (nil: always).
    static func edges(_ node: Node) -> [(String, String?)] {
        switch node.next {
        case .end: return []
        case .node(let id): return [(id, nil)]
        case .branches(let branches):
            var taken: [String] = []
            return branches.map { branch in
                let label: String?
                if let condition = branch.condition {
                    label = shorten(condition.summary)
                    taken.append(label ?? "")
                } else {
                    label = taken.isEmpty ? nil : "otherwise"
                }
                return (branch.target, label)
            }
        }
    }

    static func label(_ node: Node) -> String {
        var text = node.id
        if node.kind != .info { text += "\n(\(node.kind.rawValue)\(node.required ? "" : ", optional"))" }
        if node.urgent { text += "\nURGENT STOP" }
        return text
    }

    static func shape(_ kind: NodeKind) -> String {
        switch kind {
        case .info: "note"
        case .single, .multi: "hexagon"
        case .yesno: "diamond"
        case .scale, .number, .duration: "box"
        case .text, .date, .time, .dateTime, .medications: "parallelogram"
        }
    }

    /// Edge labels broken into short lines, so they do not run over each other.
    static func wrapped(_ text: String, width: Int = 34) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    static func shorten(_ text: String) -> String {
        text.count <= 90 ? text : String(text.prefix(87)) + "..."
    }

    static func dotID(_ id: String) -> String { dotString(id) }

    static func dotString(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    static func mermaidText(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "#quot;"
            case "\n": escaped += "<br/>"
            case "<": escaped += "#lt;"
            case ">": escaped += "#gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
