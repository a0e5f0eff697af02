import Testing
import IntakeTesting

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Proves the pseudo-terminal harness itself, with ordinary system programs,
/// before the end-to-end tests of `intake` rely on it.
@Suite("PseudoTerminal harness")
struct PseudoTerminalTests {
    @Test("echoes typed text and shows program output on the screen")
    func echo() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        terminal.sendLine("hello é 한국어")
        try terminal.waitFor("hello é 한국어")  // the terminal's echo
        try terminal.waitFor("hello é 한국어")  // cat's copy
        #expect(terminal.screen == "hello é 한국어\nhello é 한국어")
        terminal.send("\u{4}")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("the terminal is the controlling terminal, and Ctrl-C reaches the child")
    func controllingTerminal() throws {
        // Opening /dev/tty fails without a controlling terminal. sleep keeps
        // the default SIGINT action, so Ctrl-C ends it at once (Python, for
        // one, can miss a Ctrl-C that lands just before it blocks in read).
        let terminal = try PseudoTerminal(
            executable: "/bin/sh",
            arguments: ["-c", "exec 3<>/dev/tty && echo ctty ok && exec sleep 30"])
        try terminal.waitFor("ctty ok")
        #expect(terminal.isCanonical)
        terminal.send("\u{3}")
        // The terminal echoes ^C as it sends the signal; wait for the echo
        // rather than trust it is read by the time the child is reaped.
        try terminal.waitFor("^C")
        #expect(terminal.waitForExit() == 128 + SIGINT)
        #expect(terminal.screen == "ctty ok\n^C")
    }

    @Test("waitUntilRaw sees the child leave canonical mode")
    func raw() throws {
        let terminal = try PseudoTerminal(
            executable: "/usr/bin/python3",
            arguments: ["-c", "import sys, tty; tty.setraw(0); print('key', sys.stdin.read(1), end='', flush=True)"])
        try terminal.waitUntilRaw()
        terminal.send("x")
        try terminal.waitFor("key x")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("a resize reaches the child as SIGWINCH with the new size")
    func resize() throws {
        let terminal = try PseudoTerminal(
            executable: "/usr/bin/python3",
            arguments: ["-c", """
                import os, signal, sys
                signal.signal(signal.SIGWINCH, lambda *_: os.write(1, b'size %d\\n' % os.get_terminal_size(0).columns))
                print('ready', os.get_terminal_size(0).columns, flush=True)
                sys.stdin.readline()
                """],
            columns: 100, rows: 30)
        try terminal.waitFor("ready 100")
        terminal.resize(columns: 60, rows: 20)
        try terminal.waitFor("size 60")
        terminal.sendLine("")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("the screen model applies cursor movement and erasing")
    func screenModel() throws {
        let terminal = try PseudoTerminal(
            executable: "/usr/bin/printf",
            arguments: ["abcdef\\r\\033[2Cx\\033[K\\nwide 한국어 end\\033[4D\\033[1P"],
            columns: 20, rows: 5)
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.screen == "abx\nwide 한국어end")
    }

    @Test("a timeout kills the child instead of hanging")
    func timeout() throws {
        let terminal = try PseudoTerminal(executable: "/bin/sleep", arguments: ["30"])
        let start = ContinuousClock.now
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.waitFor("never printed", timeout: .milliseconds(200))
        }
        #expect(terminal.waitForExit(timeout: .seconds(1)) == 128 + SIGKILL)
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
