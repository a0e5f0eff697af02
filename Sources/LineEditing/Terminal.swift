#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal. Nothing here writes to it.
public enum Terminal {
    /// Whether `fd` is a terminal (as opposed to a pipe or a file).
    public static func isTerminal(_ fd: Int32) -> Bool {
        isatty(fd) == 1
    }

    /// The terminal's width in columns, or 80 when it cannot be told.
    public static var width: Int {
        for fd in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] {
            var size = winsize()
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                return Int(size.ws_col)
            }
        }
        return 80
    }

    /// Moves the cursor home, clears the screen and the scrollback, so the
    /// next client cannot scroll back to the previous client's answers.
    public static let clearScreenSequence = "\u{1B}[H\u{1B}[2J\u{1B}[3J"
}
