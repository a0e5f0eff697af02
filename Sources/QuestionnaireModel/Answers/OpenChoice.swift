extension Node {
    /// Reads an answer to a choice that also takes other text (FHIR's
    /// `open-choice`): each part that names an option is that option; a part
    /// that names none is kept as typed. A part that could be several options,
    /// or a number with no option, is refused as for any choice, so a slip
    /// is not filed as free text.
    func parseOpenChoice(_ text: String, options: [Option], reading: AnswerReading = .current) -> Result<AnswerValue, Rejection> {
        var closed = self
        closed.allowsOtherText = false
        let strict = closed.parse(text, options: options, reading: reading)
        if case .success = strict { return strict }
        let matcher = matcher(for: options, reading: reading)
        if kind == .single {
            if case .failure(.noMatch) = matcher.matchAll(text) { return .success(.choice(text)) }
            return strict
        }
        var chosen: [Int] = []
        var other: [String] = []
        for piece in text.split(separator: ",") {
            let part = String(piece).trimmingSpaces()
            if part.isEmpty { continue }
            switch matcher.matchAll(part) {
            case .success(let indices): chosen += indices.filter { !chosen.contains($0) }
            case .failure(.noMatch): if !other.contains(part) { other.append(part) }
            case .failure: return closed.parse(part, options: options, reading: reading)
            }
        }
        if chosen.isEmpty && other.isEmpty { return strict }
        if chosen.count + other.count > 1, let exclusive = chosen.first(where: { options[$0].exclusive }) {
            let label = options[exclusive].label
            return .failure(Rejection("'\(label)' can't be combined with other answers: choose '\(label)' on its own, or leave it out."))
        }
        return .success(.choices(chosen.sorted().map { options[$0].code } + other))
    }
}
