#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process running on a pseudo-terminal, for end-to-end tests of
/// what a person at a terminal would see and type.
///
/// The child gets a new session with the terminal as its controlling
/// terminal, an empty signal mask and default actions for SIGINT, SIGTERM,
/// SIGHUP, SIGQUIT, SIGWINCH, SIGPIPE and the job-control signals (test
/// runners block or ignore some of these, and children inherit that), and
/// exactly the environment given.
///
/// Every wait has a timeout; when one passes, the child is killed, so a hang
/// fails the test instead of freezing `swift test`. The child is also killed
/// when the `PseudoTerminal` is released. Waits end on events: output from
/// the child, and the child's end (reaped by a thread of its own, which
/// wakes the waiter through a pipe); only the terminal's mode, which changes
/// without an event, is looked at again every 10 ms (`waitUntilRaw`).
///
///     let terminal = try PseudoTerminal(executable: intakePath, arguments: ["run"])
///     try terminal.waitFor("Pain (0-10)")
///     try terminal.waitUntilRaw()     // libedit is now reading keys
///     terminal.sendLine("7")
///     #expect(terminal.waitForExit() == 0)
public final class PseudoTerminal {
    /// A wait that did not succeed, with what the child printed so far.
    public struct Failure: Error, CustomStringConvertible {
        public var reason: String
        public var screen: String
        public var output: String

        public init(reason: String, screen: String, output: String) {
            self.reason = reason
            self.screen = screen
            self.output = output
        }

        public var description: String {
            "\(reason)\n--- screen ---\n\(screen)\n--- output (escaped) ---\n\(output.debugDescription)"
        }
    }

    /// TERM, LANG and PATH: enough for libedit to find its terminal
    /// description and read UTF-8. Add to it rather than inheriting the test
    /// runner's environment.
    public static let defaultEnvironment: [String: String] = [
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "PATH": "/usr/local/bin:/usr/bin:/bin",
    ]

    /// The child's process ID.
    public let processID: pid_t
    private let master: Int32
    private var received: [UInt8] = []
    /// `waitFor` looks for its text after this byte offset.
    private var searchFrom = 0
    private var emulator: ScreenModel
    private var status: Int32?
    private var masterOpen = true
    /// Reaps the child as soon as it ends.
    private let reaper: Reaper

    /// Starts `executable` on a new terminal of `columns` x `rows`.
    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String] = PseudoTerminal.defaultEnvironment,
        columns: Int = 80,
        rows: Int = 24
    ) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(reason: "openpty failed: errno \(errno)", screen: "", output: "")
        }
        // Parallel tests spawn too: none of their children may inherit these.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer { close(slave) }

        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &nameBuffer, nameBuffer.count) == 0 else {
            close(master)
            throw Failure(reason: "ttyname_r failed", screen: "", output: "")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened (not dup'ed) by the new session leader, so it becomes the
        // controlling terminal and Ctrl-C sends SIGINT to the child.
        posix_spawn_file_actions_addopen(&actions, 0, nameBuffer, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setSessionID: Int32 = 0x80  // POSIX_SPAWN_SETSID, not imported into Swift
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setSessionID))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw Failure(reason: "posix_spawn \(executable) failed: errno \(result)", screen: "", output: "")
        }
        if executable == IntakeProcess.binary { SpawnCount.note(arguments) }
        self.processID = pid
        self.master = master
        self.emulator = ScreenModel(columns: columns, rows: rows)
        self.reaper = Reaper(pid)
    }

    deinit {
        if status == nil {
            kill(processID, SIGKILL)
            _ = reaper.wait()
        }
        close(master)
    }

    // MARK: - What the child printed

    /// Everything the child printed, escape sequences included.
    public var output: String {
        drain(timeout: .zero)
        return String(decoding: received, as: UTF8.self)
    }

    /// The visible screen: the rows of a small terminal emulator fed with the
    /// output (cursor movement, erasing, wrapping, wide characters), trailing
    /// spaces and trailing empty rows removed. Rows scrolled off are gone.
    public var screen: String {
        drain(timeout: .zero)
        return emulator.text
    }

    /// Every row of the screen, top to bottom, trailing spaces removed.
    public var rows: [String] {
        drain(timeout: .zero)
        return emulator.lines
    }

    /// Where the cursor is: row from the top and column, from 0.
    public var cursor: (row: Int, column: Int) {
        drain(timeout: .zero)
        return emulator.cursor
    }

    // MARK: - Talking to the child

    /// Types `text`, as keys. Control keys: "\u{3}" Ctrl-C, "\u{4}" Ctrl-D,
    /// "\t" Tab, "\u{1B}[A" Up, "\u{1B}[D" Left, "\u{7F}" Backspace.
    public func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    /// Sends raw bytes, such as part of a UTF-8 sequence.
    public func send(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(master, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                drain(timeout: .milliseconds(10))
            } else {
                return
            }
        }
    }

    /// Types `text` and presses Enter (a carriage return, as a terminal sends).
    public func sendLine(_ text: String) {
        send(text + "\r")
    }

    /// Sends `signal` to the child process.
    public func sendSignal(_ signal: Int32) {
        kill(processID, signal)
    }

    /// Changes the terminal size; the kernel sends SIGWINCH to the child.
    public func resize(columns: Int, rows: Int) {
        drain(timeout: .zero)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        emulator.resize(columns: columns, rows: rows)
    }

    // MARK: - Waiting

    /// Waits until `condition` holds for what the child has printed, then
    /// until the child has printed nothing more for `quiet`, and returns
    /// whether `condition` still holds then. Kills the child and throws when
    /// `timeout` passes first.
    ///
    /// The quiet time catches a screen that is right only for a moment
    /// before later output changes it again.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), quiet: Duration = .milliseconds(150),
        _ condition: (PseudoTerminal) -> Bool
    ) throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            if !masterOpen || ContinuousClock.now >= deadline {
                let why = masterOpen ? "timed out after \(timeout)" : "the child closed the terminal"
                let place = "cursor at row \(emulator.cursor.row), column \(emulator.cursor.column)"
                killChild()
                throw Failure(reason: "waiting for \(what): \(why); \(place)", screen: emulator.text, output: String(decoding: received, as: UTF8.self))
            }
            drain(timeout: min(.milliseconds(50), deadline - ContinuousClock.now), stopAfterFirstRead: true)
        }
        while masterOpen, ContinuousClock.now < deadline {
            let before = received.count
            drain(timeout: quiet)
            if received.count == before { break }
        }
        return condition(self)
    }

    /// Waits until the child prints `text` after the end of the previous
    /// match, so successive calls find successive occurrences. Kills the
    /// child and throws when `timeout` passes or the child exits first.
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = find(needle, from: searchFrom) {
                searchFrom = found + needle.count
                return
            }
            if !masterOpen || ContinuousClock.now >= deadline {
                break
            }
            drain(timeout: deadline - ContinuousClock.now, stopAfterFirstRead: true)
        }
        let why = masterOpen ? "timed out after \(timeout)" : "the child closed the terminal"
        killChild()
        throw Failure(reason: "waiting for \(text.debugDescription): \(why)", screen: emulator.text, output: String(decoding: received, as: UTF8.self))
    }

    /// Waits until the terminal leaves canonical mode: the line editor is
    /// reading keys one by one. Keys sent before that are echoed raw or lost.
    ///
    /// The one wait that looks again after a delay: the kernel tells nobody
    /// when the child changes the terminal's mode (packet mode would, but
    /// only with EXTPROC, which changes how the terminal treats what is
    /// typed), and libedit flushes its prompt before it makes the terminal
    /// raw, so no output follows the change. Output wakes the wait at once;
    /// without it the mode is looked at every 10 ms.
    public func waitUntilRaw(timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var attributes = termios()
            if tcgetattr(master, &attributes) == 0, attributes.c_lflag & tcflag_t(ICANON) == 0 {
                return
            }
            drain(timeout: .milliseconds(10))
        }
        killChild()
        throw Failure(reason: "the terminal did not leave canonical mode within \(timeout)", screen: emulator.text, output: String(decoding: received, as: UTF8.self))
    }

    /// Whether the terminal is in canonical (cooked) mode now.
    public var isCanonical: Bool {
        var attributes = termios()
        return tcgetattr(master, &attributes) == 0 && attributes.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Waits for the child to exit and returns its exit status, or 128 + the
    /// signal number when a signal ended it (as a shell reports it). Returns
    /// nil, after killing the child, when `timeout` passes. What the child
    /// prints meanwhile is read, or a child blocked on a full terminal
    /// would never exit.
    public func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        if let status { return status }
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !reaper.hasEnded {
            let now = ContinuousClock.now
            guard now < deadline else {
                killChild()
                return nil
            }
            var descriptors = [pollfd(fd: reaper.ended, events: Int16(POLLIN), revents: 0)]
            if masterOpen { descriptors.append(pollfd(fd: master, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Self.milliseconds(deadline - now))
            if ready < 0, errno == EINTR { continue }
            if masterOpen, descriptors.count > 1, descriptors[1].revents != 0 {
                readOutput(into: &chunk)
            }
        }
        status = Self.exitCode(reaper.wait())
        drain(timeout: .zero)
        return status
    }

    // MARK: - Internals

    private func killChild() {
        guard status == nil else { return }
        kill(processID, SIGKILL)
        status = Self.exitCode(reaper.wait())
    }

    /// The code a shell reports for a wait status.
    private static func exitCode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        max(0, Int32(clamping: duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000))
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard received.count >= needle.count, start <= received.count - needle.count else { return nil }
        for index in start...(received.count - needle.count)
        where received[index] == needle[0] && received[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }

    /// Reads what is available, waiting up to `timeout` for the first bytes.
    private func drain(timeout: Duration, stopAfterFirstRead: Bool = false) {
        var wait = timeout
        var chunk = [UInt8](repeating: 0, count: 4096)
        while masterOpen {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.milliseconds(wait))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return }
            if readOutput(into: &chunk), stopAfterFirstRead { return }
            wait = .zero
        }
    }

    /// Reads one chunk the child printed; whether there was one. Notes when
    /// the terminal closed: every copy of its other end is closed (EIO).
    @discardableResult
    private func readOutput(into chunk: inout [UInt8]) -> Bool {
        while true {
            let got = read(master, &chunk, chunk.count)
            if got > 0 {
                received += chunk[0..<got]
                emulator.feed(chunk[0..<got])
                return true
            }
            if got < 0, errno == EINTR { continue }
            if got < 0, errno == EAGAIN { return false }
            masterOpen = false
            return false
        }
    }
}

/// Waits for a child to end on a thread of its own, blocked in `waitpid`,
/// and makes `ended` readable when it does, so the test's thread can wait
/// for the child's end and its output together with one `poll`.
private final class Reaper: @unchecked Sendable {
    /// Readable once the child has ended.
    let ended: Int32
    private let wake: Int32
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var raw: Int32?

    init(_ processID: pid_t) {
        var ends: [Int32] = [0, 0]
        _ = pipe(&ends)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        ended = ends[0]
        wake = ends[1]
        Thread { [self] in
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0, errno == EINTR {}
            lock.lock()
            raw = status
            lock.unlock()
            var byte: UInt8 = 1
            _ = write(wake, &byte, 1)
            done.signal()
        }.start()
    }

    deinit {
        close(ended)
        close(wake)
    }

    var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raw != nil
    }

    /// The child's wait status, once it has ended (blocks until then).
    func wait() -> Int32 {
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        return raw ?? 0
    }
}

// MARK: - Screen model

/// Just enough of a VT100/xterm to know what is on screen after a line editor
/// has drawn, moved and erased: printable text with wrapping, CR, LF, BS, TAB,
/// and the CSI sequences for cursor movement (A B C D G H f), erasing (J K),
/// and inserting or deleting characters (@ P). Colours and modes are ignored.
private struct ScreenModel {
    private var columns: Int
    private var rows: Int
    private var cells: [[Character]]
    private var row = 0
    private var column = 0
    /// The cursor sits past the last column; the next character wraps.
    private var pendingWrap = false
    private var decoder = UTF8Decoder()
    private var escape: [UInt8]?

    init(columns: Int, rows: Int) {
        self.columns = max(columns, 1)
        self.rows = max(rows, 1)
        cells = Array(repeating: Array(repeating: " ", count: max(columns, 1)), count: max(rows, 1))
    }

    var text: String {
        var lines = lines
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Every row, trailing spaces removed.
    var lines: [String] {
        cells.map { line in
            var text = String(line.filter { $0 != "\u{0}" })
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The cursor; past the last column while a wrap is pending.
    var cursor: (row: Int, column: Int) {
        (row, pendingWrap ? columns : column)
    }

    mutating func resize(columns newColumns: Int, rows newRows: Int) {
        let newColumns = max(newColumns, 1)
        let newRows = max(newRows, 1)
        var resized = Array(repeating: Array(repeating: Character(" "), count: newColumns), count: newRows)
        for r in 0..<min(rows, newRows) {
            for c in 0..<min(columns, newColumns) {
                resized[r][c] = cells[r][c]
            }
        }
        cells = resized
        columns = newColumns
        rows = newRows
        row = min(row, rows - 1)
        column = min(column, columns - 1)
        pendingWrap = false
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            if var sequence = escape {
                sequence.append(byte)
                escape = sequence
                if finishEscape(sequence) { escape = nil }
                continue
            }
            switch byte {
            case 0x1B:
                escape = []
            case 0x0D:
                column = 0
                pendingWrap = false
            case 0x0A, 0x0B, 0x0C:
                lineFeed()
            case 0x08:
                if pendingWrap { pendingWrap = false } else { column = max(0, column - 1) }
            case 0x09:
                column = min(columns - 1, (column / 8 + 1) * 8)
            case 0x00..<0x20, 0x7F:
                break
            default:
                for scalar in decoder.take(byte) {
                    put(Character(scalar), width: Self.width(of: scalar))
                }
            }
        }
    }

    /// Handles a complete escape sequence; false while more bytes are needed.
    private mutating func finishEscape(_ sequence: [UInt8]) -> Bool {
        guard let first = sequence.first else { return false }
        switch first {
        case UInt8(ascii: "["):
            guard sequence.count > 1, let final = sequence.last, (0x40...0x7E).contains(final) else { return false }
            csi(parameters: sequence.dropFirst().dropLast(), final: final)
            return true
        case UInt8(ascii: "]"):
            // Operating system command: ends with BEL or ESC \.
            return sequence.last == 0x07 || sequence.suffix(2).elementsEqual([0x1B, UInt8(ascii: "\\")])
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "#"):
            return sequence.count >= 2
        default:
            return true
        }
    }

    private mutating func csi(parameters: ArraySlice<UInt8>, final: UInt8) {
        let text = String(decoding: parameters, as: UTF8.self)
        if text.hasPrefix("?") || text.hasPrefix(">") { return }  // private modes
        let numbers = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func parameter(_ index: Int, default value: Int) -> Int {
            guard index < numbers.count, let number = numbers[index], number > 0 else { return value }
            return number
        }
        let count = parameter(0, default: 1)
        switch final {
        case UInt8(ascii: "A"): row = max(0, row - count)
        case UInt8(ascii: "B"): row = min(rows - 1, row + count)
        case UInt8(ascii: "C"): column = min(columns - 1, column + count)
        case UInt8(ascii: "D"): column = max(0, column - count)
        case UInt8(ascii: "G"): column = min(columns - 1, count - 1)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            row = min(rows - 1, parameter(0, default: 1) - 1)
            column = min(columns - 1, parameter(1, default: 1) - 1)
        case UInt8(ascii: "J"):
            let mode = numbers.first.flatMap { $0 } ?? 0
            switch mode {
            case 0:
                clear(row: row, from: column)
                for r in (row + 1)..<max(rows, row + 1) { clear(row: r, from: 0) }
            case 1:
                for r in 0..<row { clear(row: r, from: 0) }
                for c in 0...column { cells[row][c] = " " }
            default:
                for r in 0..<rows { clear(row: r, from: 0) }
            }
        case UInt8(ascii: "K"):
            let mode = numbers.first.flatMap { $0 } ?? 0
            switch mode {
            case 0: clear(row: row, from: column)
            case 1: for c in 0...column { cells[row][c] = " " }
            default: clear(row: row, from: 0)
            }
        case UInt8(ascii: "P"):
            let n = min(count, columns - column)
            cells[row].removeSubrange(column..<(column + n))
            cells[row] += Array(repeating: " ", count: n)
        case UInt8(ascii: "@"):
            let n = min(count, columns - column)
            cells[row].insert(contentsOf: Array(repeating: " ", count: n), at: column)
            cells[row].removeLast(n)
        default:
            break  // colours (m) and the rest change nothing we read
        }
        if final != UInt8(ascii: "m") { pendingWrap = false }
    }

    private mutating func clear(row r: Int, from c: Int) {
        guard r < rows else { return }
        for index in min(c, columns)..<columns { cells[r][index] = " " }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if row == rows - 1 {
            cells.removeFirst()
            cells.append(Array(repeating: " ", count: columns))
        } else {
            row += 1
        }
    }

    private mutating func put(_ character: Character, width: Int) {
        if width == 0 {
            // A combining mark joins the character before it.
            let previous = max(0, column - (pendingWrap ? 0 : 1))
            cells[row][previous] = Character(String(cells[row][previous]) + String(character))
            return
        }
        if pendingWrap || column + width > columns {
            column = 0
            lineFeed()
        }
        cells[row][column] = character
        if width == 2, column + 1 < columns {
            cells[row][column + 1] = "\u{0}"  // the right half of a wide character
        }
        column += width
        if column >= columns {
            column = columns - 1
            pendingWrap = true
        }
    }

    private static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let value = scalar.value
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}

/// Decodes UTF-8 one byte at a time; a broken sequence becomes U+FFFD.
private struct UTF8Decoder {
    private var pending: [UInt8] = []
    private var expected = 0

    /// The scalars `byte` completes: usually none or one.
    mutating func take(_ byte: UInt8) -> [Unicode.Scalar] {
        if !pending.isEmpty {
            guard byte & 0xC0 == 0x80 else {
                pending = []
                return ["\u{FFFD}"] + take(byte)
            }
            pending.append(byte)
            guard pending.count == expected else { return [] }
            defer { pending = [] }
            return Array(String(decoding: pending, as: UTF8.self).unicodeScalars)
        }
        switch byte {
        case 0x00..<0x80: return [Unicode.Scalar(byte)]
        case 0xC2..<0xE0: expected = 2
        case 0xE0..<0xF0: expected = 3
        case 0xF0..<0xF5: expected = 4
        default: return ["\u{FFFD}"]
        }
        pending = [byte]
        return []
    }
}

// MARK: - Waiting without holding a test thread

/// The waits, for `async` tests: each runs on a thread of its own while the
/// test is suspended. Swift Testing runs tests in parallel on as many
/// threads as there are cores (two here); a test blocked in `poll` for a
/// screen to settle holds one of them, idle, while other tests wait their
/// turn. Suspended instead, it leaves that thread to them. The terminal is
/// used by one wait at a time: the test awaits each before it goes on.
extension PseudoTerminal {
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(10), quiet: Duration = .milliseconds(150),
        _ condition: @escaping (PseudoTerminal) -> Bool
    ) async throws -> Bool {
        let condition = OwnedByOneWait(condition)
        return try await onAThreadOfItsOwn { terminal in
            try terminal.waitUntil(what, timeout: timeout, quiet: quiet, condition.value)
        }
    }

    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws {
        try await onAThreadOfItsOwn { try $0.waitFor(text, timeout: timeout) }
    }

    public func waitUntilRaw(timeout: Duration = .seconds(10)) async throws {
        try await onAThreadOfItsOwn { try $0.waitUntilRaw(timeout: timeout) }
    }

    public func waitForExit(timeout: Duration = .seconds(10)) async -> Int32? {
        (try? await onAThreadOfItsOwn { $0.waitForExit(timeout: timeout) }) ?? nil
    }

    private func onAThreadOfItsOwn<T: Sendable>(_ wait: @escaping (PseudoTerminal) throws -> T) async throws -> T {
        let job = WaitJob(terminal: self, wait: wait)
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try job.run() }) }.start()
        }
    }
}

/// One wait handed to its thread: the terminal is used only there until
/// the wait ends, while its test is suspended.
private final class WaitJob<T>: @unchecked Sendable {
    private let terminal: PseudoTerminal
    private let wait: (PseudoTerminal) throws -> T

    init(terminal: PseudoTerminal, wait: @escaping (PseudoTerminal) throws -> T) {
        self.terminal = terminal
        self.wait = wait
    }

    func run() throws -> T {
        try wait(terminal)
    }
}

/// A value handed to the thread of one wait and used only there until the
/// wait ends, while its test is suspended.
private struct OwnedByOneWait<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
