import IntakeKit

extension Ports {
    /// The ports of this process: the disk, this terminal, the system
    /// clock and time zone, CUPS, a headless browser and the machine's cores; the keyboard is set
    /// up (line editing, signal handlers) only when an interview first reads
    /// from it. `plain` turns line editing off.
    static func process(plain: Bool = false) -> Ports {
        let environment = ProcessEnvironment.variables
        var ports = Ports(
            files: DiskFiles(), transcripts: DiskTranscripts(), clock: SystemClock(), screen: TerminalScreen.shared,
            keyboard: { TerminalKeyboard.make(plain: plain, environment: environment) }, environment: environment,
            program: ProcessEnvironment.program, deskKeys: DiskDeskKeys(), timeZone: SystemTimeZone())
        ports.printing = CupsPrinter()
        ports.browser = HeadlessChromium()
        ports.workers = CoreWorkers()
        return ports
    }
}
