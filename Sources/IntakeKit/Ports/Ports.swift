/// Everything outside the application that it works through, given once by
/// the executable (disk, terminal, system clock) or by a test (memory
/// doubles from `IntakeTesting`): the library itself makes no system call.
public struct Ports {
    public var files: FileSystem
    public var transcripts: TranscriptStorage
    public var clock: WallClock
    public var screen: Screen
    /// Makes the keyboard when an interview first needs one (setting up line
    /// editing changes the terminal, so it is not done for an answer file).
    public var keyboard: () -> Keyboard
    /// The process environment (`NO_COLOR`, `TERM`, `INTAKE_TRANSCRIPTS`).
    public var environment: [String: String]
    /// How to name intake in commands printed for the person to paste: the
    /// word `intake` when it was found on the PATH, else its full path.
    public var program: String
    /// Where the desk key is kept; nil keeps none (no session is signed).
    public var deskKeys: DeskKeyStore?
    /// The reader's time zone, for the times reports, replays and session
    /// lists show (transcripts keep UTC).
    public var timeZone: LocalTimeZone
    /// The print system reports are printed with; nil where there is none.
    public var printing: Printing?
    /// The browser PDFs are made with; nil where there is none.
    public var browser: Browser?
    /// How much of a long job may run at once (one piece at a time unless given).
    public var workers: Workers = OneWorker()

    public init(
        files: FileSystem, transcripts: TranscriptStorage, clock: WallClock, screen: Screen,
        keyboard: @escaping () -> Keyboard, environment: [String: String], program: String, deskKeys: DeskKeyStore? = nil,
        timeZone: LocalTimeZone = FixedOffsetZone.utc
    ) {
        self.files = files
        self.transcripts = transcripts
        self.clock = clock
        self.screen = screen
        self.keyboard = keyboard
        self.environment = environment
        self.program = program
        self.deskKeys = deskKeys
        self.timeZone = timeZone
    }
}
