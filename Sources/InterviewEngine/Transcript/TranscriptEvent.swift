import QuestionnaireModel

/// One line of a transcript. A transcript is JSON Lines: a `header`, then one
/// event per line in the order things happened (see Transcripts/README.md).
public enum TranscriptEvent: Sendable, Equatable {
    case header(TranscriptHeader)
    /// A node was shown (questions and information alike).
    case asked(node: String)
    /// An answer was accepted: the text as typed and the typed value.
    case answered(node: String, raw: String, value: JSONValue)
    /// An answer or command was refused, with the reason shown.
    case rejected(node: String, raw: String, reason: String)
    /// `:back` moved from one question to an earlier one.
    case back(from: String, to: String)
    /// An optional question was left unanswered; `raw` is what was typed
    /// (":skip" or an empty line), nil when nothing could be chosen.
    case skipped(node: String, raw: String?)
    /// The session stopped before the end: "quit", "end-of-input", or a signal name.
    case paused(reason: String)
    /// The session was taken up again (`intake run --resume`).
    case resumed(tool: String, at: String)
    /// The interview reached its end, with the assessment given then.
    case completed(urgent: Bool, assessment: JSONValue?)
    /// Written right after `completed` or `paused`, in the same write: it
    /// carries that line's hash, so an edit to the last line of a session is
    /// detected like an edit to any other (format 2 on). At a desk with a
    /// desk key, it also carries the desk's signature of that hash.
    case sealed(SealSignature?)

    /// The `type` field.
    public var type: String {
        switch self {
        case .header: "header"
        case .asked: "asked"
        case .answered: "answered"
        case .rejected: "rejected"
        case .back: "back"
        case .skipped: "skipped"
        case .paused: "paused"
        case .resumed: "resumed"
        case .completed: "completed"
        case .sealed: "sealed"
        }
    }

    /// Whether this is a `sealed` line, signed or not.
    public var isSeal: Bool {
        if case .sealed = self { return true }
        return false
    }

    /// The event for one step of an interview given the text typed, or nil
    /// for commands that change nothing (`:review`, `:why`, `:help`; `:quit`
    /// becomes `paused`).
    public init?(_ response: Interview.Response, typed: String) {
        switch response {
        case .accepted(let node, let answer):
            self = .answered(node: node, raw: typed, value: answer.value.json)
        case .rejected(let node, let raw, let reason), .refused(let node, let raw, let reason):
            self = .rejected(node: node, raw: raw, reason: reason.message)
        case .skipped(let node):
            self = .skipped(node: node, raw: typed)
        case .wentBack(let from, let to):
            self = .back(from: from, to: to)
        case .command:
            return nil
        }
    }
}

/// What a transcript was recorded with: enough to tell, later and on another
/// machine, whether replaying it with today's files is replaying the same thing.
public struct TranscriptHeader: Sendable, Equatable {
    /// The transcript format's version.
    public var format: Int
    /// "intake 0.1.0".
    public var tool: String
    /// A random id, also in the file name.
    public var session: String
    /// The start time, ISO 8601 in UTC with milliseconds.
    public var started: String
    /// The start time in milliseconds since 1970, for time offsets.
    public var startedMilliseconds: Int64
    /// Who answered: the person themselves, or a client at reception.
    public var mode: Audience
    /// The language the session was held in; absent (older transcripts,
    /// and sessions in English) is English. Replay and reports use it.
    public var language: Language = .english
    /// The client reference entered at reception: stored here only, never in
    /// a file name or a log.
    public var client: String?
    public var questionnaire: FileIdentity
    public var rules: FileIdentity?
    public var medications: FileIdentity?
    /// The files of words in another language that read the answers (the
    /// Korean aliases and medicine names), each with its file name as `id`:
    /// written for a session held in another language, and for any session
    /// once those files are past their first version; absent means their
    /// first version ("1.0.0"), or none. Replay reads the answers again
    /// with the same words (`Content.load(forTranscript:)`).
    public var localWords: [FileIdentity] = []
    /// What the session's interview checked with the person (format 3 on):
    /// give it `Interview.checks`, so replay asks the same.
    public var checks: Interview.Checks

    public init(
        format: Int = TranscriptHeader.currentFormat, tool: String, session: String, startedMilliseconds: Int64, mode: Audience,
        client: String?, questionnaire: FileIdentity, rules: FileIdentity?, medications: FileIdentity?, checks: Interview.Checks = []
    ) {
        self.format = format
        self.tool = tool
        self.session = session
        self.started = Timestamp.iso8601(milliseconds: startedMilliseconds)
        self.startedMilliseconds = startedMilliseconds
        self.mode = mode
        self.client = client
        self.questionnaire = questionnaire
        self.rules = rules
        self.medications = medications
        self.checks = checks
    }

    /// 4: "both knees" is read as the left and the right knee.
    /// 3: re-routing keeps answers that still apply, `back` may go to any
    /// earlier question (`:edit`), and the header names the session's checks.
    /// 2: `completed` and `paused` are followed by a `sealed` line.
    public static let currentFormat = 4
    /// The first format whose session endings are sealed.
    public static let sealedFormat = 2
    /// The first format whose sessions keep answers a changed route still
    /// reaches (before, every answer past the first question left unanswered
    /// was dropped), and whose header says which checks were made.
    public static let keepingAnswersFormat = 3
    /// The first format whose answers read "both" before a name as the left
    /// and the right option (`AnswerReading.bothSides`): an earlier session
    /// refused it, and its replay does too.
    public static let bothSidesFormat = 4
}

/// A file a session depended on: its id and version where it has them, and
/// the SHA-256 of its bytes.
public struct FileIdentity: Sendable, Equatable {
    public var id: String?
    public var version: String?
    public var sha256: String

    public init(id: String? = nil, version: String? = nil, sha256: String) {
        self.id = id
        self.version = version
        self.sha256 = sha256
    }
}

/// UTC timestamps without Foundation, so the engine stays free of the clock
/// and of locales.
public enum Timestamp {
    /// "2026-11-26T19:55:13.123Z" for milliseconds since 1970.
    public static func iso8601(milliseconds: Int64) -> String {
        let seconds = milliseconds.floorDivided(by: 1000)
        let millis = Int(milliseconds - seconds * 1000)
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(millis, 3))Z"
    }

    /// "20261126T195513Z", for file names.
    public static func compact(milliseconds: Int64) -> String {
        let full = iso8601(milliseconds: milliseconds)
        let digits = full.prefix(19).filter { $0 != "-" && $0 != ":" }
        return String(digits) + "Z"
    }

    /// Milliseconds since 1970 for an ISO 8601 UTC time written by `iso8601`.
    public static func milliseconds(iso8601 text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[23] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19), let millis = number(20..<23)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return ((days * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000) + Int64(millis)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // Howard Hinnant's civil-from-days and days-from-civil algorithms.
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
