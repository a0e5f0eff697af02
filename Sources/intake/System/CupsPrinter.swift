import IntakeKit
import QuestionnaireModel

/// Printing with CUPS's `lp` (`Printing`). The job's title is a fixed
/// word, never the client's reference: print queues are seen by others.
struct CupsPrinter: Printing {
    var isInstalled: Bool { ChildProcess.find("lp") != nil }

    func print(_ path: String, on printer: String) throws(PrintingError) -> String {
        guard let lp = ChildProcess.find("lp") else {
            throw PrintingError(reason: "CUPS's lp command is not installed (sudo apt-get install cups-client)")
        }
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(lp, ["-d", printer, "-t", "intake report", "--", path], environment: ProcessEnvironment.variables, timeout: 30)
        } catch {
            throw PrintingError(reason: error.reason)
        }
        let said = result.output.split(separator: "\n").last.map { String($0).trimmingSpaces() } ?? ""
        if result.timedOut { throw PrintingError(reason: "lp did not answer within 30 seconds") }
        guard result.status == 0 else { throw PrintingError(reason: said.isEmpty ? "lp ended with status \(result.status)" : said) }
        return said
    }
}
