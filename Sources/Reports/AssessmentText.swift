import QuestionnaireModel
import Scoring
import TerminalText

/// The assessment as text: what it suggests, why, what to discuss, and the
/// disclaimer. Used at the end of `intake run`, by `intake score` and in
/// text reports.
public enum AssessmentText {
    /// `showRuleIDs` puts each rule's id beside its title (on screen, for
    /// review); reports leave them out and list them at the end.
    public static func render(
        _ assessment: Assessment, rules: RuleSet, audience: Audience, style: TextStyle = .plain, width: Int = 80, showRuleIDs: Bool = true,
        language: Language = .english
    ) -> String {
        // The assessment's own headings and sentences in the language; the
        // rules' texts come worded already.
        let w = ProgramWords(TextVariant(language: language, audience: audience))
        var out: [String] = []
        func paragraph(_ text: String, indent: String = "  ", hanging: String? = nil) {
            out.append(TextWrap.wrap(text, width: width, indent: indent, hanging: hanging))
        }
        let rank = rules.rank(of: assessment.category.code) ?? rules.categories.count
        out.append(style.heading(w("What this suggests")))
        for point in assessment.firstPoints {
            paragraph(style.strong(w("First:")) + " " + point, indent: "  ", hanging: "    ")
        }
        paragraph(style.category(assessment.category.title, rank) + (assessment.isProvisional ? w(" (provisional)") : ""))
        if assessment.isProvisional {
            paragraph(ReportRenderer.provisionalNote(assessment, words: w))
        }
        paragraph(ReportRenderer.headline(assessment, audience))
        for note in assessment.headlineNotes where rank == rules.categories.count - 1 {
            paragraph("- " + note, indent: "  ", hanging: "    ")
        }
        for assumed in assessment.assumptions {
            paragraph("\(w.word("Assumed, not answered:")) \(assumed.label): \(assumed.value).", indent: "  ", hanging: "    ")
        }

        let raising = assessment.precautions
        if !raising.isEmpty {
            out.append("")
            out.append(style.heading(w("Why")))
            for rule in raising { describe(rule, into: &out, width: width, style: style, showID: showRuleIDs, words: w) }
        }
        let worthKnowing = ReportRenderer.worthKnowing(assessment)
        if !worthKnowing.isEmpty {
            out.append("")
            out.append(style.heading(w("Also worth knowing")))
            for rule in worthKnowing {
                describe(rule, into: &out, width: width, style: style, showID: showRuleIDs, words: w)
            }
        }
        let inFavour = ReportRenderer.inFavour(assessment)
        if !inFavour.isEmpty {
            out.append("")
            out.append(style.heading(w("In favour of massage")))
            for rule in inFavour { describe(rule, into: &out, width: width, style: style, showID: showRuleIDs, words: w) }
        }
        for section in ReportRenderer.pointSections(assessment, audience) {
            out.append("")
            out.append(style.heading(w(section.heading)))
            for (index, point) in section.points.enumerated() {
                let number = "\(index + 1). "
                paragraph(point, indent: "  " + number, hanging: "  " + String(repeating: " ", count: number.count))
            }
        }
        if !assessment.medicines.unrecognised.isEmpty {
            out.append("")
            let names = ReportRenderer.unrecognisedNames(assessment, words: w).joined(separator: ", ")
            let note = w("They were kept as typed; \(audience == .self ? "tell your therapist about them" : "the therapist should ask about them").")
            paragraph("\(w("Medicines not recognised: "))\(names). \(note)", indent: "")
        }
        if !assessment.unchecked.isEmpty {
            out.append("")
            paragraph(w("Not checked, because answers were missing:"), indent: "")
            for rule in assessment.unchecked {
                paragraph("- \(rule.title)\(showRuleIDs ? " (\(rule.id))" : ""): \(w.word("missing")) \(rule.missing.joined(separator: ", "))", indent: "  ", hanging: "    ")
            }
        }
        out.append("")
        paragraph(style.dim(assessment.disclaimer), indent: "")
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ rule: Assessment.FiredRule, into out: inout [String], width: Int, style: TextStyle, showID: Bool, words w: ProgramWords = ProgramWords()) {
        out.append(TextWrap.wrap("- \(style.strong(rule.title))\(showID ? " [\(rule.id)]" : "")", width: width + 40, indent: "  ", hanging: "    "))
        for reason in rule.reasons {
            out.append(TextWrap.wrap(w("because ") + "\(reason.label): \(reason.value)", width: width, indent: "      ", hanging: "        "))
        }
        if rule.cautiousBecauseUnknown {
            out.append(TextWrap.wrap(w("(not all the answers needed were given, so the more cautious outcome is shown)"), width: width, indent: "      "))
        }
    }
}
