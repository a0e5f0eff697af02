import InterviewEngine
import LineEditing
import QuestionnaireModel
import Reports
import TerminalText

extension SessionOptions {
    /// The folder reception saves reports in: `--reports`, `INTAKE_REPORTS`,
    /// else `reports` beside the transcripts folder (`~/.local/share/intake/reports`
    /// for the default `~/.local/share/intake/sessions`).
    public func reportFolder(environment: [String: String], files: FileSystem) throws(UserFacingError) -> String {
        if let reports, !reports.isEmpty { return reports }
        if let fromEnvironment = environment["INTAKE_REPORTS"], !fromEnvironment.isEmpty { return fromEnvironment }
        var transcripts = files.absolute(try transcriptFolder(environment: environment))
        while transcripts.count > 1, transcripts.hasSuffix("/") { transcripts.removeLast() }
        let parent = transcripts.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return parent.isEmpty ? "/reports" : parent + "/reports"
    }

    /// The printer from `--printer`, else `INTAKE_PRINTER`; nil for none.
    public func printerName(environment: [String: String]) -> String? {
        if let printer, !printer.isEmpty { return printer }
        if let fromEnvironment = environment["INTAKE_PRINTER"], !fromEnvironment.isEmpty { return fromEnvironment }
        return nil
    }
}

/// Printer names as CUPS accepts them: up to 127 printable characters,
/// without spaces, '/', '\' or '#'.
public enum PrinterName {
    public static func problem(_ name: String) -> String? {
        if name.count > 127 { return "a printer name is at most 127 characters" }
        for scalar in name.unicodeScalars where scalar.value <= 0x20 || scalar.value == 0x7F || "/\\#".unicodeScalars.contains(scalar) || Printable.isUnsafe(scalar) {
            return "a printer name cannot hold \(scalar == " " ? "a space" : scalar.value < 0x20 || scalar.value == 0x7F ? "an invisible character" : "'\(Character(scalar))'"); see the names with: lpstat -p"
        }
        return nil
    }
}

/// The front desk after each client: the therapist's report saved, as an
/// HTML page to print and as text, in the reports folder (private, like
/// transcripts; named like the transcript, by time and a random id, never
/// by the client), and printed where a printer is set and CUPS is there.
struct ReceptionDesk {
    let options: SessionOptions
    let ports: Ports
    let console: Console

    /// The reports folder. The transcripts folder it sits beside was found
    /// already (the session's transcript is in it), so finding it again
    /// cannot fail; "reports" here is only the type's due.
    var folder: String { (try? options.reportFolder(environment: ports.environment, files: ports.files)) ?? "reports" }

    /// The printer to print on, when one is set, named well, and CUPS is installed.
    var printer: String? {
        guard let name = options.printerName(environment: ports.environment), PrinterName.problem(name) == nil,
              ports.printing?.isInstalled == true
        else { return nil }
        return name
    }

    /// The report's files: the transcript's name with another extension.
    func reportPath(for transcript: String, extension fileExtension: String) -> String {
        var name = transcript.split(separator: "/").last.map(String.init) ?? transcript
        if name.hasSuffix(".jsonl") { name.removeLast(6) }
        return (folder.hasSuffix("/") ? folder : folder + "/") + name + "." + fileExtension
    }

    /// Says once, at the start, why reports will not be printed although a
    /// printer is set.
    func sayWhyNotPrinting() {
        guard let name = options.printerName(environment: ports.environment) else { return }
        let shown = Printable.escaped(name, limit: 80)
        if let problem = PrinterName.problem(name) {
            console.paragraph("! The printer '\(shown)' cannot be used: \(problem). Reports are saved, not printed.", style: .warning)
        } else if ports.printing?.isInstalled != true {
            console.paragraph("! A printer is set ('\(shown)'), but CUPS's lp command is not installed, so reports are saved, not printed. Install it with: sudo apt-get install cups-client", style: .warning)
        }
    }

    /// Saves the report of the finished session in `transcript` and says
    /// where. A report that cannot be saved stops nothing: the answers are
    /// in the transcript, and the message says how to make it later.
    func saveReport(transcript: String) {
        let folder = self.folder
        let html = reportPath(for: transcript, extension: "html")
        let text = reportPath(for: transcript, extension: "txt")
        do {
            do {
                try ports.transcripts.prepareFolder(folder)
            } catch {
                throw UserFacingError("\(error.path): \(error.reason)")
            }
            var data = try SessionReport.data(transcript: transcript, questionnaire: options.questionnaire, rules: options.rules, ports: ports, console: console)
            data.paper = try options.paper ?? Paper.preferred(environment: ports.environment)
            try ports.files.writePrivately(Array(ReportRenderer.html(data).utf8), to: html)
            try ports.files.writePrivately(Array(ReportRenderer.text(data, width: 80).utf8), to: text)
        } catch {
            let reason = (error as? UserFacingError)?.message ?? "\(error)"
            console.paragraph("! The therapist's report was not saved (\(reason)). The answers are saved; make the report with: \(ports.program) report \(Invocation.shellQuoted(transcript)) --format html --output report.html", style: .warning, to: .error)
            return
        }
        console.line(console.words("The therapist's report is saved in \(Printable.escaped(folder, limit: 300)):"))
        console.line("  \(Self.name(html))" + console.words("  (the page to print or open in a browser)"))
        console.line("  \(Self.name(text))")
    }

    /// Where a printer is set, asks whether to print the saved report:
    /// Enter skips. Prints a PDF when the browser can make one, else the text.
    func offerPrinting(transcript: String, read: () -> LineInput) {
        guard let printer, let printing = ports.printing else { return }
        let html = reportPath(for: transcript, extension: "html")
        guard ports.files.exists(html) else { return }
        let shown = Printable.escaped(printer, limit: 80)
        console.line()
        console.paragraph(console.words("Print the report on '\(shown)'? Type p and press Enter to print it, or press Enter to skip."))
        guard case .line(let answer) = read(), ["p", "print", "y", "yes"].contains(answer.trimmingSpaces().lowercased()) else {
            console.line(console.words("  Not printed."))
            return
        }
        var file = reportPath(for: transcript, extension: "txt")
        if let browser = ports.browser {
            do {
                let pdf = try browser.pdf(fromHTML: try ports.files.read(html, limit: TranscriptDocument.maxBytes))
                let pdfPath = reportPath(for: transcript, extension: "pdf")
                try ports.files.writePrivately(pdf, to: pdfPath)
                file = pdfPath
            } catch {
                console.paragraph("  (The page could not be made into a PDF, so the text version is printed.)", style: .dim)
            }
        }
        do {
            let said = try printing.print(file, on: printer)
            console.paragraph("  Sent to '\(shown)'\(said.isEmpty ? "" : ": " + Printable.escaped(said, limit: 200)).")
        } catch {
            console.paragraph("! Not printed (\(Printable.escaped(error.reason, limit: 300))). The report is saved: \(Self.name(file)) in \(Printable.escaped(folder, limit: 300)).", indent: 2, style: .warning)
        }
    }

    static func name(_ path: String) -> String {
        Printable.escaped(path.split(separator: "/").last.map(String.init) ?? path, limit: 200)
    }
}
