/// The one place a questionnaire's words are chosen for an audience and a
/// language: every view (the interview, the review page, replay, reports)
/// is given the worded questionnaire and reads its fields as they are.
extension Questionnaire {
    /// The fields a node's texts may be overridden in, as the file names them.
    public static let nodeTextFields = ["text", "label", "hint", "help", "why", "minLabel", "maxLabel", "unit"]
    /// The fields of an option, a section and the questionnaire itself.
    public static let optionTextFields = ["label"]
    public static let sectionTextFields = ["title"]
    public static let fileTextFields = ["title"]

    /// This questionnaire with every text in the words of `variant`: each
    /// field looked up in `texts` along the variant's lookup order, the
    /// file's own words where none is found. Ids, codes, flow and what an
    /// answer may be typed as do not change (an option's aliases and its
    /// own label still match), so a session replays the same in every
    /// variant.
    public func worded(_ variant: TextVariant) -> Questionnaire {
        guard variant != .original, !texts.isEmpty else { return self }
        var worded = self
        worded.language = variant.language
        let look = { (key: TextKey, own: String) -> String in texts.text(key, for: variant) ?? own }
        let lookOptional = { (key: TextKey, own: String?) -> String? in own.map { look(key, $0) } }
        worded.title = look(TextKey(.file, "title"), title)
        worded.sections = sections.map { section in
            var section = section
            section.title = look(TextKey(.section(section.id), "title"), section.title)
            return section
        }
        worded.mapNodes { node in
            let id = node.id
            node.text = look(TextKey(.node(id), "text"), node.text)
            node.label = lookOptional(TextKey(.node(id), "label"), node.label)
            node.hint = lookOptional(TextKey(.node(id), "hint"), node.hint)
            node.help = lookOptional(TextKey(.node(id), "help"), node.help)
            node.why = lookOptional(TextKey(.node(id), "why"), node.why)
            if !node.points.isEmpty, let points = texts.text(TextKey(.node(id), "points"), for: variant)?.split(separator: Translation.listSeparator, omittingEmptySubsequences: false),
               points.count == node.points.count {
                node.points = points.map(String.init)
            }
            switch node.spec {
            case .scale(let min, let max, let minLabel, let maxLabel):
                node.spec = .scale(
                    min: min, max: max, minLabel: lookOptional(TextKey(.node(id), "minLabel"), minLabel),
                    maxLabel: lookOptional(TextKey(.node(id), "maxLabel"), maxLabel))
            case .number(let min, let max, let integer, let unit):
                node.spec = .number(min: min, max: max, integer: integer, unit: lookOptional(TextKey(.node(id), "unit"), unit))
            case .single(.fixed(let options)):
                node.spec = .single(.fixed(options.map { wordedOption($0, of: id, look) }))
            case .multi(.fixed(let options)):
                node.spec = .multi(.fixed(options.map { wordedOption($0, of: id, look) }))
            default:
                break
            }
        }
        return worded
    }

    /// The option with its label in other words; its matching forms stay
    /// those of the file's own label.
    private func wordedOption(_ option: Option, of node: String, _ look: (TextKey, String) -> String) -> Option {
        var option = option
        option.label = look(TextKey(.option(node: node, code: option.code), "label"), option.label)
        return option
    }

    /// Every text of the file's own words with its key and the JSON path it
    /// is written at, for checks such as validate's reception warnings.
    public func ownTexts() -> [(key: TextKey, text: String, path: JSONPath)] {
        var found: [(key: TextKey, text: String, path: JSONPath)] = [(TextKey(.file, "title"), title, JSONPath.root.appending("title"))]
        for (index, section) in sections.enumerated() {
            found.append((TextKey(.section(section.id), "title"), section.title, JSONPath.root.appending("sections").appending(index).appending("title")))
        }
        for (index, node) in nodes.enumerated() {
            let path = JSONPath.root.appending("nodes").appending(index)
            var fields: [(String, String?)] = [("text", node.text), ("label", node.label), ("hint", node.hint), ("help", node.help), ("why", node.why)]
            switch node.spec {
            case .scale(_, _, let minLabel, let maxLabel): fields += [("minLabel", minLabel), ("maxLabel", maxLabel)]
            case .number(_, _, _, let unit): fields.append(("unit", unit))
            default: break
            }
            for case (let field, let text?) in fields {
                found.append((TextKey(.node(node.id), field), text, path.appending(field)))
            }
            if case .fixed(let options)? = node.spec.choiceSource {
                for (position, option) in options.enumerated() {
                    found.append((TextKey(.option(node: node.id, code: option.code), "label"), option.label, path.appending("options").appending(position).appending("label")))
                }
            }
        }
        return found
    }
}
