import Foundation
import IntakeKit
import IntakeTesting
import Testing

/// The front desk: every client asked for a reference, the reference on
/// every question, the therapist's report saved after each client, and
/// printed when a printer is set.
@Suite("Reception desk") struct ReceptionDeskTests {
    /// The answers of a whole session, one a line, as staff would type them.
    static let straight = Fixtures.text("Tests/Fixtures/straight-session.txt").split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast().map(String.init)

    static func session(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    /// The header of a transcript written in memory.
    static func header(_ intake: InProcessIntake, _ path: String) throws -> [String: Any] {
        let first = try #require(intake.text(path).split(separator: "\n").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    }

    @Test func theFirstClientIsAskedForAReferenceWithTheRule() throws {
        let intake = InProcessIntake()
        let result = intake.run(SessionOptions(mode: .reception), piping: Self.session(["A-17"] + Self.straight.prefix(3) + [":quit", ":quit"]))
        #expect(result.status == 0)
        let output = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("Client reference: what this client's session will be found by later. No name is needed: a booking number, initials or the desk's own code will do."))
        #expect(output.contains("Press Enter to go on without one, or type :quit to finish."))
        #expect(try Self.header(intake, try #require(intake.transcripts.first))["client"] as? String == "A-17")
        // Every question on screen says whose session it is.
        let progressLines = result.output.split(separator: "\n").filter { $0.contains("Question ") }
        #expect(progressLines.count == 4)
        #expect(progressLines.allSatisfy { $0.hasPrefix("Client A-17 · Question ") })
    }

    @Test func aRefusedCharacterIsSaidPlainlyAndAskedAgain() throws {
        let intake = InProcessIntake()
        let result = intake.run(SessionOptions(mode: .reception), piping: "Jane/Doe\nA\tB\nJD 1984\n:quit\n:quit\n")
        let output = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("! A client reference cannot hold '/': use letters, digits, spaces and - _ . # : + ( ) ' , & @. Type it again, or press Enter to go on without one."))
        #expect(output.contains("! A client reference cannot hold a tab, a line break or another invisible character"))
        #expect(try Self.header(intake, try #require(intake.transcripts.first))["client"] as? String == "JD 1984")
        #expect(!result.error.contains("Jane") && !result.error.contains("JD 1984"), "references never go to standard error")
    }

    @Test func enterGoesOnWithoutAReferenceAndQuitEndsReception() throws {
        let intake = InProcessIntake()
        let without = intake.run(SessionOptions(mode: .reception), piping: "\nover 50\n:quit\n:quit\n")
        #expect(without.status == 0)
        #expect(try Self.header(intake, try #require(intake.transcripts.first))["client"] == nil)
        #expect(without.output.contains("\nQuestion 2 - "))
        let quit = InProcessIntake().run(SessionOptions(mode: .reception), piping: ":quit\n")
        #expect(quit.status == 0)
        #expect(quit.output.hasSuffix("Reception finished.\n"))
    }

    @Test func theNextClientIsAskedToo() throws {
        let intake = InProcessIntake()
        let result = intake.run(SessionOptions(mode: .reception, client: "A-1"), piping: "over 50\n:quit\n\nB-2\n:quit\n:quit\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Next client. Client reference:"))
        #expect(result.output.contains("Client B-2 · Question 1"))
        #expect(intake.transcripts.count == 2)
        #expect(try intake.transcripts.map { try Self.header(intake, $0)["client"] as? String } == ["A-1", "B-2"])
    }

    @Test func afterEachClientTheReportIsSavedBesideTheTranscripts() throws {
        let intake = InProcessIntake()
        let result = intake.run(SessionOptions(mode: .reception), piping: Self.session(["A-17"] + Self.straight + ["", ":quit"]))
        #expect(result.status == 0)
        let transcript = try #require(intake.transcripts.first)
        // The answers and the assessment on screen are headed by whose they are.
        #expect(result.output.contains("\nClient A-17\n\nThe client's answers\n"))
        let stem = ((transcript as NSString).lastPathComponent as NSString).deletingPathExtension
        #expect(result.output.contains("The therapist's report is saved in /memory/reports:\n  \(stem).html  (the page to print or open in a browser)\n  \(stem).txt\n"))
        let html = try #require(intake.files.text("/memory/reports/\(stem).html"))
        let text = try #require(intake.files.text("/memory/reports/\(stem).txt"))
        #expect(html.contains("<span class=\"client-value\">A-17</span>"))
        #expect(text.contains("Client: A-17\n"))
        #expect(text.contains("Mode: Interview at the front desk (reception)"))
        // The report is the one `intake report` makes from the transcript.
        let report = intake.report(SessionReport.Options(transcript: transcript, format: .text, output: "/memory/again.txt"))
        #expect(report.status == 0)
        #expect(intake.files.text("/memory/again.txt") == text)
        // Named by time and a random id, never by the client.
        #expect(!intake.files.written.keys.contains { $0.contains("A-17") })
    }

    @Test func theReportsFolderCanBeChosen() throws {
        let intake = InProcessIntake(environment: ["INTAKE_REPORTS": "/memory/desk-reports"])
        _ = intake.run(SessionOptions(answers: Fixtures.path("Tests/Fixtures/complete-answers.json"), mode: .reception, client: "A-2"), typing: [])
        #expect(intake.files.written.keys.contains { $0.hasPrefix("/memory/desk-reports/") && $0.hasSuffix(".html") })
        let chosen = InProcessIntake()
        let result = chosen.run(SessionOptions(answers: Fixtures.path("Tests/Fixtures/complete-answers.json"), mode: .reception, reports: "/memory/chosen"), typing: [])
        #expect(result.output.contains("The therapist's report is saved in /memory/chosen:"))
        // Self mode keeps its summary on screen only.
        let own = InProcessIntake()
        _ = own.run(SessionOptions(answers: Fixtures.path("Tests/Fixtures/complete-answers.json")), typing: [])
        #expect(!own.files.written.keys.contains { $0.hasSuffix(".html") })
    }

    @Test func theReportIsPrintedWhenAPrinterIsSetAndEnterSkips() throws {
        let intake = InProcessIntake(environment: ["INTAKE_PRINTER": "front-desk"])
        let lines = ["A-17"] + Self.straight + ["", "p", "", "B-2"] + Self.straight + ["", "", ":quit"]
        let result = intake.run(SessionOptions(mode: .reception), piping: Self.session(lines))
        #expect(result.status == 0)
        let output = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("Print the report on 'front-desk'? Type p and press Enter to print it, or press Enter to skip."))
        #expect(output.contains("Sent to 'front-desk': request id is front-desk-1 (1 file(s))."))
        #expect(output.contains("Not printed."))
        // One job: the first client's report (as text: no browser in-process).
        let jobs = intake.printer.printed
        #expect(jobs.count == 1)
        #expect(jobs.first?.printer == "front-desk")
        #expect(jobs.first?.path.hasPrefix("/memory/reports/") == true)
        let printed = String(decoding: jobs.first?.bytes ?? [], as: UTF8.self)
        #expect(printed.contains("Client: A-17\n"))
    }

    @Test func aPrinterWithoutCUPSIsSaidOnceAndReportsAreStillSaved() throws {
        let intake = InProcessIntake(environment: ["INTAKE_PRINTER": "front-desk"])
        intake.printer = RecordingPrinter(files: intake.files, isInstalled: false)
        let result = intake.run(SessionOptions(mode: .reception), piping: Self.session(["A-17"] + Self.straight + ["", ":quit"]))
        let output = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("! A printer is set ('front-desk'), but CUPS's lp command is not installed, so reports are saved, not printed. Install it with: sudo apt-get install cups-client"))
        #expect(!output.contains("Print the report on"))
        #expect(output.contains("The therapist's report is saved in /memory/reports:"))
    }

    @Test func aFailedPrintSaysWhyAndWhereTheReportIs() throws {
        let intake = InProcessIntake(environment: ["INTAKE_PRINTER": "front-desk"])
        intake.printer.failure = "lp: The printer or class does not exist."
        let result = intake.run(SessionOptions(mode: .reception), piping: Self.session(["A-17"] + Self.straight + ["", "p", ":quit"]))
        #expect(result.status == 0)
        let output = result.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(output.contains("! Not printed (lp: The printer or class does not exist.). The report is saved:"))
    }
}
