import TerminalText
import IntakeTesting
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keys as a terminal sends them.
enum Key {
    static let up = "\u{1B}[A"
    static let down = "\u{1B}[B"
    static let right = "\u{1B}[C"
    static let left = "\u{1B}[D"
    static let home = "\u{1}"  // Ctrl-A
    static let end = "\u{5}"  // Ctrl-E
    static let forward = "\u{6}"  // Ctrl-F
    static let interrupt = "\u{3}"  // Ctrl-C
    static let endOfInput = "\u{4}"  // Ctrl-D
    static let killToEnd = "\u{B}"  // Ctrl-K
    static let transpose = "\u{14}"  // Ctrl-T
    static let yank = "\u{19}"  // Ctrl-Y
    static let backspace = "\u{7F}"
}

/// line-editing-probe, built beside the test runner.
let probePath: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    var folder = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    // The runner lives in `<build>/intakePackageTests.xctest` or beside it.
    while let slash = folder.lastIndex(of: "/") {
        folder = String(folder[..<slash])
        if access(folder + "/line-editing-probe", X_OK) == 0 { return folder + "/line-editing-probe" }
    }
    return "line-editing-probe"
}()

/// Starts line-editing-probe on a new pseudo-terminal.
func startProbe(
    _ arguments: [String] = [], environment: [String: String] = PseudoTerminal.defaultEnvironment,
    columns: Int = 60, rows: Int = 12
) throws -> PseudoTerminal {
    try PseudoTerminal(executable: probePath, arguments: arguments, environment: environment, columns: columns, rows: rows)
}

/// Waits until the screen's last non-empty rows are `rows`, with the cursor
/// at `cursor` (its row counted within `rows`), and checks that it stays so.
func expectScreen(
    _ terminal: PseudoTerminal, endsWith rows: [String], cursor: (row: Int, column: Int),
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let wanted = "\(rows) with the cursor at row \(cursor.row), column \(cursor.column)"
    let held = try await terminal.waitUntil(wanted) { terminal in
        var screen = terminal.rows
        while screen.last?.isEmpty == true { screen.removeLast() }
        guard screen.count >= rows.count, Array(screen.suffix(rows.count)) == rows else { return false }
        let at = terminal.cursor
        return at.row == screen.count - rows.count + cursor.row && at.column == cursor.column
    }
    #expect(held, "the screen changed after showing \(wanted):\n\(terminal.screen)", sourceLocation: sourceLocation)
}

/// An edit typed on an empty line, and what the line shows afterwards.
struct LineEdit: Sendable, CustomTestStringConvertible {
    var name: String
    var keys: String
    var row: String
    var column: Int

    var testDescription: String { name }
}

@Suite("EditLineReader at a terminal")
struct EditLineReaderTerminalTests {
    // MARK: - Wide characters (issue 13, item 6)

    @Test("typing before 4 wide characters leaves the cursor after what was typed, and the next key moves from there")
    func typingBeforeWideCharacters() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.send("가나다라")
        try await expectScreen(terminal, endsWith: ["> 가나다라"], cursor: (0, 10))
        terminal.send(Key.home + "가")
        try await expectScreen(terminal, endsWith: ["> 가가나다라"], cursor: (0, 4))
        terminal.send(Key.right)
        try await expectScreen(terminal, endsWith: ["> 가가나다라"], cursor: (0, 6))
        terminal.sendLine("")
        try await terminal.waitFor("accepted: 가가나다라")
    }

    @Test("editing Hangul keeps the text and the cursor where they are shown", arguments: [
        LineEdit(name: "a narrow letter before 3 wide ones", keys: "가나다" + Key.home + "a", row: "> a가나다", column: 3),
        LineEdit(name: "Ctrl-D before 3 wide characters", keys: "가나다라" + Key.home + Key.endOfInput, row: "> 나다라", column: 2),
        LineEdit(name: "Backspace before 3 wide characters", keys: "가나다라" + Key.home + Key.forward + Key.backspace, row: "> 나다라", column: 2),
        LineEdit(name: "a letter in the middle", keys: "가나다라마" + Key.home + Key.right + Key.right + "x", row: "> 가나x다라마", column: 7),
        LineEdit(name: "Backspace in the middle", keys: "가나다라" + Key.left + Key.left + Key.backspace, row: "> 가다라", column: 4),
        LineEdit(name: "Ctrl-T swaps two syllables", keys: "가나다라마" + Key.home + Key.forward + Key.transpose, row: "> 나가다라마", column: 6),
        LineEdit(name: "Ctrl-K then Ctrl-Y at the start", keys: "가나다라" + Key.left + Key.left + Key.killToEnd + Key.home + Key.yank, row: "> 다라가나", column: 6),
        LineEdit(name: "Left over syllables", keys: "가나다 abc" + Key.left + Key.left + Key.left + Key.left + Key.left, row: "> 가나다 abc", column: 6),
        LineEdit(name: "a syllable before mixed text", keys: "허리 and 무릎" + Key.home + "왼쪽 ", row: "> 왼쪽 허리 and 무릎", column: 7),
    ])
    func editingHangul(_ edit: LineEdit) async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.send(edit.keys)
        try await expectScreen(terminal, endsWith: [edit.row], cursor: (0, edit.column))
        // Moving to the end writes the characters it passes: they land where
        // they already are only if the cursor was where libedit thinks.
        terminal.send(Key.end)
        try await expectScreen(terminal, endsWith: [edit.row], cursor: (0, ColumnWidth.of(edit.row)))
        terminal.sendLine("")
        try await terminal.waitFor("accepted: \(edit.row.dropFirst(2))")
    }

    @Test("a line of Hangul that wraps stays whole when edited on either row", arguments: [30, 31])
    func wrappedHangul(columns: Int) async throws {
        let terminal = try startProbe(columns: columns)
        try await terminal.waitUntilRaw()
        // 14 syllables fill the first row after "> "; 6 go on the second.
        terminal.send("가나다라마바사아자차카타파하가나다라마바")
        try await expectScreen(terminal, endsWith: ["> 가나다라마바사아자차카타파하", "가나다라마바"], cursor: (1, 12))
        terminal.send(Key.home + "마")
        try await expectScreen(terminal, endsWith: ["> 마가나다라마바사아자차카타파", "하가나다라마바"], cursor: (0, 4))
        terminal.send(String(repeating: Key.right, count: 15))
        try await expectScreen(terminal, endsWith: ["> 마가나다라마바사아자차카타파", "하가나다라마바"], cursor: (1, 4))
        terminal.send(Key.backspace)
        try await expectScreen(terminal, endsWith: ["> 마가나다라마바사아자차카타파", "하나다라마바"], cursor: (1, 2))
        terminal.sendLine("")
        try await terminal.waitFor("accepted: 마가나다라마바사아자차카타파하나다라마바")
    }

    // MARK: - Ctrl-D and Ctrl-C (issue 13, item 7)

    @Test("Ctrl-D on an empty line ends input without echoing ^D")
    func ctrlDOnEmptyLine() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.send(Key.endOfInput)
        try await terminal.waitFor("(end)")
        #expect(await terminal.waitForExit() == 0)
        #expect(terminal.screen == ">\n(end)")
        #expect(terminal.isCanonical)
    }

    @Test("Ctrl-D on a line with text deletes the character under the cursor")
    func ctrlDOnText() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.send("abc" + Key.home + Key.endOfInput)
        try await expectScreen(terminal, endsWith: ["> bc"], cursor: (0, 2))
        // At the end of the line there is nothing to delete: the line stays.
        terminal.send(Key.end + Key.endOfInput)
        try await expectScreen(terminal, endsWith: ["> bc"], cursor: (0, 4))
        terminal.sendLine("")
        try await terminal.waitFor("accepted: bc")
    }

    @Test("Ctrl-C inside a line that wraps leaves the whole line and puts the message below it")
    func ctrlCInsideWrappedLine() async throws {
        let terminal = try startProbe(columns: 30)
        try await terminal.waitUntilRaw()
        terminal.send("가나다라마바사아자차카타파하가나다라마바")
        try await expectScreen(terminal, endsWith: ["> 가나다라마바사아자차카타파하", "가나다라마바"], cursor: (1, 12))
        // Ctrl-C makes the terminal drop keys not yet read: Home goes first.
        terminal.send(Key.home)
        try await expectScreen(terminal, endsWith: ["> 가나다라마바사아자차카타파하", "가나다라마바"], cursor: (0, 2))
        terminal.send(Key.interrupt)
        try await terminal.waitFor("(cancelled; endedLineOnTerminal=true)")
        try await terminal.waitUntilRaw()
        // The message wraps at 30 columns too.
        try await expectScreen(
            terminal,
            endsWith: ["> 가나다라마바사아자차카타파하", "가나다라마바", "(cancelled; endedLineOnTermina", "l=true)", ">"],
            cursor: (4, 2))
    }

    @Test("with stdout piped, Ctrl-C's message starts on a line of its own below the typed text")
    func ctrlCWithStdoutPiped() async throws {
        let output = "/tmp/line-editing-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(output) }
        let terminal = try startProbe(["--stdout", output])
        // The plain reader leaves the terminal cooked; its prompt, in the
        // file, says it is reading with the signal handlers in place.
        try waitForFile(output, toContain: "> ", terminal: terminal)
        terminal.send("low back")
        try await terminal.waitFor("low back")
        terminal.send(Key.interrupt)
        try await terminal.waitFor("(cancelled; endedLineOnTerminal=true)")
        #expect(terminal.screen == "low back^C\n(cancelled; endedLineOnTerminal=true)")
        terminal.send(Key.endOfInput)
        #expect(await terminal.waitForExit() == 0)
        #expect(contents(of: output) == "> > (end)\n")
    }

    // MARK: - Refused text (issue 13, item 3)

    @Test("a refused line comes back ready to edit, and joins the recall list after the lines before it")
    func refusedLineComesBack() async throws {
        let terminal = try startProbe(["--remember", "neck"])
        try await terminal.waitUntilRaw()
        terminal.sendLine("low back, left hip, butt")
        try await terminal.waitFor("refused: low back, left hip, butt")
        try await terminal.waitUntilRaw()
        try await expectScreen(terminal, endsWith: ["refused: low back, left hip, butt", "> low back, left hip, butt"], cursor: (1, 26))
        // Up goes to the line before, not to the same text again; Down comes back.
        terminal.send(Key.up)
        try await expectScreen(terminal, endsWith: ["refused: low back, left hip, butt", "> neck"], cursor: (1, 6))
        terminal.send(Key.down)
        try await expectScreen(terminal, endsWith: ["refused: low back, left hip, butt", "> low back, left hip, butt"], cursor: (1, 26))
        terminal.send(String(repeating: Key.backspace, count: 4) + "left k\t")
        try await expectScreen(terminal, endsWith: ["> low back, left hip, left knee"], cursor: (0, 31))
        terminal.sendLine("")
        try await terminal.waitFor("accepted: low back, left hip, left knee")
        try await terminal.waitUntilRaw()
        terminal.send(Key.up)
        try await expectScreen(terminal, endsWith: ["> low back, left hip, left knee"], cursor: (0, 31))
        terminal.send(Key.up)
        try await expectScreen(terminal, endsWith: ["> low back, left hip, butt"], cursor: (0, 26))
        terminal.send(Key.up)
        try await expectScreen(terminal, endsWith: ["> neck"], cursor: (0, 6))
    }

    @Test("a refused line in Hangul comes back with the cursor at its end, and edits there")
    func refusedHangulComesBack() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.sendLine("허리, butt")
        try await terminal.waitFor("refused: 허리, butt")
        try await terminal.waitUntilRaw()
        try await expectScreen(terminal, endsWith: ["> 허리, butt"], cursor: (0, 12))
        terminal.send(Key.home + "무릎, ")
        try await expectScreen(terminal, endsWith: ["> 무릎, 허리, butt"], cursor: (0, 8))
    }

    @Test("the refused line is offered once: Ctrl-C empties the next read, and Up still finds it")
    func refusedLineOnlyOnce() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.sendLine("butt")
        try await terminal.waitFor("refused: butt")
        try await terminal.waitUntilRaw()
        try await expectScreen(terminal, endsWith: ["> butt"], cursor: (0, 6))
        terminal.send(Key.interrupt)
        try await terminal.waitFor("(cancelled; endedLineOnTerminal=true)")
        try await terminal.waitUntilRaw()
        try await expectScreen(terminal, endsWith: ["(cancelled; endedLineOnTerminal=true)", ">"], cursor: (1, 2))
        terminal.send(Key.up)
        try await expectScreen(terminal, endsWith: ["(cancelled; endedLineOnTerminal=true)", "> butt"], cursor: (1, 6))
    }

    @Test("recalled and refused lines stay in memory: no file appears in HOME")
    func nothingWrittenToHome() async throws {
        var template = Array("/tmp/line-editing-home-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw PseudoTerminal.Failure(reason: "mkdtemp", screen: "", output: "") }
        let home = String(cString: made)
        defer { rmdir(home) }
        var environment = PseudoTerminal.defaultEnvironment
        environment["HOME"] = home
        let terminal = try startProbe(["--remember", "neck"], environment: environment)
        try await terminal.waitUntilRaw()
        terminal.sendLine("butt")
        try await terminal.waitFor("refused: butt")
        try await terminal.waitUntilRaw()
        terminal.sendLine(Key.up + Key.up)
        try await terminal.waitFor("accepted: neck")
        try await terminal.waitUntilRaw()
        terminal.send(Key.endOfInput)
        #expect(await terminal.waitForExit() == 0)
        #expect(entries(of: home).isEmpty)
    }

    // MARK: - Completing Korean (issue 17, item 5)

    @Test("Tab completes a Hangul name from its first syllable, and lists the names it could be")
    func completesHangul() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        terminal.send("어\t")
        try await expectScreen(terminal, endsWith: ["> 어깨"], cursor: (0, 6))
        terminal.send(", 허\t")
        try await expectScreen(terminal, endsWith: ["허리    허벅지", "> 어깨, 허"], cursor: (1, 10))
        terminal.send("벅\t")
        try await expectScreen(terminal, endsWith: ["> 어깨, 허벅지"], cursor: (0, 14))
        terminal.sendLine("")
        try await terminal.waitFor("accepted: 어깨, 허벅지")
    }

    @Test("Tab right after an input method replaced the syllable it was composing completes the whole syllable")
    func completesWhileComposing() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        // An input method without a preedit area shows each step of 허벅 on
        // the line, taking back the syllable it is composing with Backspace.
        let steps = [("ㅎ", "ㅎ"), ("\u{7F}허", "허"), ("\u{7F}헙", "헙"), ("\u{7F}허버", "허버"), ("\u{7F}벅", "허벅")]
        for (keys, shown) in steps {
            terminal.send(keys)
            try await expectScreen(terminal, endsWith: ["> " + shown], cursor: (0, 2 + ColumnWidth.of(shown)))
        }
        terminal.send("\t")
        try await expectScreen(terminal, endsWith: ["> 허벅지"], cursor: (0, 8))
    }

    @Test("a syllable whose bytes arrive in two reads is one character, completed by the Tab after it")
    func completesSyllableSplitAcrossReads() async throws {
        let terminal = try startProbe()
        try await terminal.waitUntilRaw()
        let syllable = Array("어".utf8)
        terminal.send(bytes: [syllable[0]])
        // No syllable yet: the reader waits for the rest of the sequence.
        #expect(try await terminal.waitUntil("nothing shown yet") { $0.rows.last { !$0.isEmpty } == ">" })
        terminal.send(bytes: Array(syllable[1...]) + Array("\t".utf8))
        try await expectScreen(terminal, endsWith: ["> 어깨"], cursor: (0, 6))
    }
}

// MARK: - Files

/// Waits until the file at `path` contains `text`; kills the child and
/// throws after 10 seconds.
private func waitForFile(_ path: String, toContain text: String, terminal: PseudoTerminal) throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !contents(of: path).contains(text) {
        guard ContinuousClock.now < deadline else {
            _ = terminal.waitForExit(timeout: .zero)
            throw PseudoTerminal.Failure(reason: "\(path) never contained \(text.debugDescription)", screen: terminal.screen, output: terminal.output)
        }
        usleep(20_000)
        _ = terminal.output  // keeps the terminal's buffer from filling up
    }
}

private func contents(of path: String) -> String {
    let file = open(path, O_RDONLY | O_CLOEXEC)
    guard file >= 0 else { return "" }
    defer { close(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let got = read(file, &chunk, chunk.count)
        if got <= 0 { break }
        bytes += chunk[0..<got]
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func entries(of folder: String) -> [String] {
    guard let directory = opendir(folder) else { return ["(cannot open \(folder))"] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != ".", name != ".." { names.append(name) }
    }
    return names
}
