import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals that end a read: Ctrl-C, and requests to terminate.
///
/// The handlers only record the signal number; nothing happens until the
/// REPL looks. While a signal is pending, every `readLine(prompt:)` returns
/// `.interrupted` at once, so take it with `takePending()` and act on it:
/// cancel the line for `interrupt`; save and exit for the others
/// (`isTermination`), with status 128 + the signal number.
public enum Signals {
    /// Ctrl-C at the terminal: cancel the current line.
    public static let interrupt: Int32 = SIGINT
    /// `kill PID` or a shutdown: finish the transcript and exit.
    public static let terminate: Int32 = SIGTERM
    /// The terminal went away (window closed, SSH dropped): save and exit.
    public static let hangUp: Int32 = SIGHUP
    /// Ctrl-\ at the terminal: treated as a request to quit, so it cannot
    /// dump core with the terminal left raw.
    public static let quit: Int32 = SIGQUIT

    /// Installs the flag-setting handlers for SIGINT, SIGTERM, SIGHUP and
    /// SIGQUIT, and the handlers for SIGWINCH (redraw) and SIGTSTP (Ctrl-Z
    /// restores the terminal before stopping). Safe to call more than once and
    /// from any thread.
    ///
    /// A signal that was ignored when the process started (`nohup`, a
    /// background job) stays ignored, except SIGTERM. The SIGINT, SIGTERM,
    /// SIGHUP and SIGQUIT handlers do not restart system calls, so a blocked
    /// `read` returns early with `EINTR`: retry your own reads and writes on
    /// `EINTR`.
    public static func install() {
        ceditline_install_signal_handlers()
    }

    /// The last signal received and not yet taken, or nil.
    public static var pending: Int32? {
        let signal = ceditline_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Returns the pending signal and clears it.
    @discardableResult
    public static func takePending() -> Int32? {
        let signal = ceditline_take_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// True for the signals that ask the program to end (SIGTERM, SIGHUP,
    /// SIGQUIT), false for Ctrl-C.
    public static func isTermination(_ signal: Int32) -> Bool {
        signal == terminate || signal == hangUp || signal == quit
    }

    /// The conventional name: "SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", or
    /// "signal N".
    public static func name(of signal: Int32) -> String {
        switch signal {
        case interrupt: "SIGINT"
        case terminate: "SIGTERM"
        case hangUp: "SIGHUP"
        case quit: "SIGQUIT"
        default: "signal \(signal)"
        }
    }
}
