import ArgumentParser
import IntakeKit
import InterviewEngine

/// `intake sessions`: the saved sessions of a folder, to find a client's.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List saved sessions, newest first: client, local start time, mode, how it ended, category, file.",
        discussion: """
            Finds a client's session without knowing file names: intake sessions --client A-17. \
            Then print their report with: intake report --client A-17. Times are shown on this \
            machine's clock (TZ is respected); transcripts keep UTC. The folder is read one file \
            at a time, however many sessions it holds.
            """
    )

    @Argument(help: ArgumentHelp("The folder of transcripts (default: as intake run chooses: --transcripts, $INTAKE_TRANSCRIPTS, else ./Transcripts/sessions).", valueName: "dir"),
              completion: .directory)
    var folder: String?

    @Option(name: .long, help: ArgumentHelp("The folder of transcripts, as for intake run.", valueName: "dir"), completion: .directory)
    var transcripts: String?

    @Option(name: .long, help: ArgumentHelp("Only this client's sessions (upper or lower case alike).", valueName: "ref"))
    var client: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions started on or after this day (local time), like 2026-11-26.", valueName: "date"))
    var since: String?

    @Flag(name: .long, help: "Only sessions started today (local time).")
    var today = false

    @Option(name: .long, help: "Only completed, unfinished or urgent-stop sessions.")
    var status: SessionEntry.Status?

    @Option(name: .long, help: ArgumentHelp("Show at most this many, the most recent.", valueName: "n"))
    var limit = 200

    @Flag(name: .long, help: "Print the list as JSON, for scripts.")
    var json = false

    func validate() throws {
        if folder != nil, transcripts != nil, folder != transcripts { throw ValidationError("name the folder once: as DIR or with --transcripts") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        try SessionList.run(
            SessionList.Options(
                folder: folder ?? transcripts, client: client, since: since, today: today, status: status, json: json, limit: limit),
            ports: Ports.process())
    }
}

extension SessionEntry.Status: ExpressibleByArgument {}
