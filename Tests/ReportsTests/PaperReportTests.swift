import Foundation
import IntakeTesting
import QuestionnaireModel
import Reports
import Scoring
import Testing

/// The printed page a therapist files: what is at the top, what is left
/// blank for a pen, what the body map marks, the print styles.
@Suite struct PaperReportTests {
    /// A session with the person's own words, a position limit and a
    /// recent surgery: everything the top of the page and the map show.
    static let noted: [String: String] = {
        var typed = typical
        typed["areas_to_avoid"] = "No feet please, and a scar on my left knee."
        typed["positioning_limits"] = "cannot-lie-face-down"
        typed["recent_events"] = "surgery-last-3-months"
        typed["recent_event_site"] = "shoulder-right"
        return typed
    }()

    let data = report(noted, audience: .reception, client: "A-17")
    var page: String { ReportRenderer.html(data) }

    /// The text of the page as a reader sees it: no head, no drawing, no
    /// markup; each element's text set apart by a space.
    static func visibleText(_ page: String) -> String {
        var text = page.replacing(/(?s)<head>.*<\/head>/, with: "")
        text = text.replacing(/(?s)<svg .*?<\/svg>/, with: " ")
        text = text.replacing(/<[^>]*>/, with: " ")
        text = text.replacing("&#39;", with: "'").replacing("&quot;", with: "\"").replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func theTopSaysWhoWhenHowAndWhatToNoteBeforeTheAnswers() throws {
        let text = Self.visibleText(page)
        let order = ["Client", "A-17", "Date", "26 November 2026, 20:55 CET (UTC+01:00)", "Mode", "Interview at the front desk",
                     "Before the session", "In the client's own words (areas to avoid):", "No feet please, and a scar on my left knee.",
                     "Positions:", "Can't lie face down", "Avoid or take care:", "Right shoulder (recent surgery, fracture, injury or injection)",
                     "What this suggests", "The client's answers"]
        var last = text.startIndex
        for piece in order {
            let range = try #require(text.range(of: piece, range: last..<text.endIndex), "\(piece) is not where it belongs")
            last = range.upperBound
        }
        // Not repeated in the table at the bottom: said once, at the top.
        let answers = try #require(text.range(of: "The client's answers")).upperBound
        #expect(!text[answers...].contains("No feet please"))
        #expect(text[answers...].contains("Shown above: Where it hurts; Main area; Positions that are hard; Areas to avoid; Answers confirmed."))
    }

    @Test func consentIsShownWhenTheQuestionnaireAsksForIt() {
        var data = data
        data.notes.consent = ClientNotes.Consent(label: "Consent", answer: "Yes", given: true)
        #expect(Self.visibleText(ReportRenderer.html(data)).contains("Consent Yes"))
        #expect(ReportRenderer.text(data).contains("\nConsent: Yes\n"))
        data.notes.consent = ClientNotes.Consent(label: "Consent", answer: nil, given: false)
        let page = ReportRenderer.html(data)
        #expect(Self.visibleText(page).contains("Consent Not answered"))
        #expect(page.contains("<div class=\"meta-warning\"><dt>Consent</dt>"))
        #expect(!page.contains("<div class=\"field field-consent"), "asked and answered: no line for it")
        // The shipped questionnaire (version 2) asks for consent last.
        #expect(Self.visibleText(self.page).contains("Consent Yes"))
        #expect(!self.page.contains("<div class=\"field field-consent"))
        #expect(Self.visibleText(self.page).contains("Name, date of birth and signature are written by hand; intake never stores them."))
        // A questionnaire without a consent question: the paper has a line
        // for it, asked in person and initialled by hand.
        data.notes.consent = nil
        let unasked = ReportRenderer.html(data)
        #expect(unasked.contains("<span class=\"field-label\">Consent (initials)</span><span class=\"field-line\"></span>"))
        #expect(Self.visibleText(unasked).contains("Name, date of birth, signature and consent are written by hand; intake never stores them."))
        #expect(ReportRenderer.text(data).contains("\nConsent (initials): ____"))
    }

    @Test func nameDateOfBirthAndSignatureAreLeftBlankForAPen() throws {
        for field in ["Name", "Date of birth", "Signature"] {
            #expect(page.contains("<span class=\"field-label\">\(field)</span><span class=\"field-line\"></span>"))
        }
        #expect(Self.visibleText(page).contains("Name, date of birth and signature are written by hand; intake never stores them."))
        let text = ReportRenderer.text(data)
        #expect(text.contains("\nName: ____"))
        #expect(text.contains("\nDate of birth: ____"))
        #expect(text.contains("\nSignature: ____"))
        #expect(ReportRenderer.markdown(data).contains("Name: \\_\\_"))
    }

    @Test func theMapMarksAreasToAvoidAndPositionsAsWellAsPain() {
        let (_, scan) = PageScan.scan(page)
        func classes(_ code: String) -> [Substring] {
            scan.regions.first { $0.code == code }?.classes.split(separator: " ") ?? []
        }
        // From the recent surgery question, and from the person's own words.
        for code in ["shoulder-right", "knee-left", "foot-left", "foot-right"] {
            #expect(classes(code).contains("avoid"), "\(code) is not marked to avoid")
            #expect(page.contains("class=\"bodymap-avoid-sign\" data-marks=\"\(code)\""))
        }
        #expect(!classes("knee-right").contains("avoid"))
        // Painful and to avoid at once: both marks, both said.
        #expect(classes("shoulder-right").contains("painful"))
        #expect(page.contains("<title>Right shoulder (painful; avoid)</title>"))
        // Face down is the position the back is worked in: crossed out under the back view.
        #expect(page.contains("data-position=\"cannot-lie-face-down\""))
        #expect(page.contains(">Not face down</text>"))
        #expect(!page.contains("data-position=\"cannot-lie-flat\""))
        // The key is text of the page, not lettering inside the drawing.
        #expect(page.contains("<ul class=\"bodymap-legend\">"))
        for item in ["painful", "main area", "avoid", "not marked", "other view"] {
            #expect(page.contains(" \(item)</li>"), "the key has no \(item)")
        }
        let text = Self.visibleText(page)
        #expect(text.contains("Left foot (written as “feet”, side not said)"))
        #expect(text.contains("Left knee (written as “left knee”)"))
    }

    @Test func ruleIDsAreDataAndSmallPrintNotWordsToDecode() throws {
        let assessment = try #require(data.assessment)
        let text = Self.visibleText(page)
        let footer = try #require(text.range(of: "Rule ids, for review:"))
        for rule in assessment.fired {
            #expect(page.contains("data-rule=\"\(rule.id)\""))
            #expect(text[footer.upperBound...].contains(rule.id))
            // An id of several words is never in what a reader reads.
            if rule.id.contains("-") { #expect(!text[..<footer.lowerBound].contains(rule.id), "\(rule.id) shown in the text") }
        }
        #expect(!page.contains("class=\"rule-id\""))
        let plain = ReportRenderer.text(data)
        #expect(!plain.contains("[bleeding-risk]") && !plain.contains("(bleeding-risk)"))
        #expect(plain.contains("Rule ids, for review: recent-surgery-fracture, bleeding-risk"))
    }

    @Test func printStylesForA4AndLetterWithTextAtLeast11Points() throws {
        #expect(page.contains("@page { size: A4 portrait;"))
        var letter = data
        letter.paper = .letter
        #expect(ReportRenderer.html(letter).contains("@page { size: letter portrait;"))
        // Each sheet says whose it is and which page, so no browser header or footer is needed.
        #expect(page.contains("@page report-1 { @bottom-left { content: \"Client A\\2d 17 \\b7  26 November 2026\\2c  20\\3a 55 CET \\28 UTC\\2b 01\\3a 00\\29 \""))
        #expect(page.contains("counter(page) \" of \" counter(pages)"))
        // The running text is 11 pt; nothing a reader reads is smaller than 9 pt
        // (the answers kept for reference and the disclaimer), only the
        // provenance line and the note under the lines to fill in.
        #expect(page.contains("font-size: 11pt; line-height"))
        let sizes = page.matches(of: /font-size: ([0-9.]+)pt/).compactMap { Double($0.output.1) }
        #expect(!sizes.isEmpty)
        #expect(sizes.filter { $0 < 9 }.count <= 3, "\(sizes)")
        #expect(page.contains(".bodymap-legend {\n  list-style: none; padding: 0; margin: 0 0 2pt; display: grid; grid-template-columns: 1fr 1fr; column-gap: 2mm;\n  font-size: 10pt;"))
    }

    @Test func theSameNotesInTextAndMarkdown() {
        let text = ReportRenderer.text(data, width: 100)
        #expect(text.contains("Client: A-17\nDate: 26 November 2026, 20:55 CET (UTC+01:00)\nMode: Interview at the front desk (reception)"))
        #expect(text.contains("Before the session\n  In the client's own words (Areas to avoid): “No feet please, and a scar on my left knee.”"))
        #expect(text.contains("  Positions: Can't lie face down"))
        #expect(text.contains("  Avoid or take care: Right shoulder (recent surgery, fracture, injury or injection); Left foot"))
        let markdown = ReportRenderer.markdown(data)
        #expect(markdown.contains("## Before the session"))
        #expect(markdown.contains("- **Positions:** Can't lie face down"))
        #expect(markdown.contains("- **Mode:** Interview at the front desk (reception)"))
    }

    @Test func severalReportsMakeOneDocumentEachOnItsOwnSheets() {
        var second = report(typical, audience: .reception, client: "A-17")
        second.started = "2026-11-20T09:00:00Z"
        let page = ReportRenderer.html(reports: [data, second])
        #expect(page.components(separatedBy: "<main class=\"page\"").count == 3)
        #expect(page.contains("style=\"page: report-2\""))
        #expect(page.contains(".page + .page { break-before: page;"))
        #expect(PageScan.scan(page).ok)
    }
}

/// Body parts named in the person's own words, read with the names of the
/// pain question's options.
@Suite struct OwnWordsOnTheMapTests {
    func avoided(_ words: String) -> [String: [AvoidedArea.Reason]] {
        var typed = typical
        typed["areas_to_avoid"] = words
        let body = BodyAreas(answers: answers(typed), questionnaire: Shipped.questionnaire)
        return Dictionary(uniqueKeysWithValues: body.avoided.map { ($0.code, $0.reasons) })
    }

    @Test func aSideSaidPicksThatSide() {
        #expect(avoided("scar on my left knee").keys.sorted() == ["knee-left"])
        #expect(avoided("R shoulder is tender").keys.sorted() == ["shoulder-right"])
        #expect(avoided("left knee and right shoulder").keys.sorted() == ["knee-left", "shoulder-right"])
    }

    @Test func bothSidesWhenBothOrNoneAreSaid() {
        #expect(avoided("both knees").keys.sorted() == ["knee-left", "knee-right"])
        #expect(avoided("left and right hips").keys.sorted() == ["hip-left", "hip-right"])
        let feet = avoided("no feet")
        #expect(feet.keys.sorted() == ["foot-left", "foot-right"])
        #expect(feet["foot-left"] == [.ownWords("feet", unsided: true)])
    }

    @Test func otherNamesOfAPartCount() {
        #expect(avoided("please avoid my stomach").keys.sorted() == ["abdomen"])
        #expect(avoided("my left wrist").keys.sorted() == ["hand-left"])
        #expect(avoided("between the shoulder blades").keys.sorted() == ["upper-back"])
    }

    @Test func wordsThatNameNoPartMarkNothing() {
        #expect(avoided("I am ticklish and prefer a quiet room").isEmpty)
        #expect(avoided("ahead of time, the headline").isEmpty)
    }
}
