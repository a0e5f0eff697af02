import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a terminal with libedit: emacs keys, Up/Down recall of
/// this session's answers, and Tab completion.
///
/// Use it only when stdin and stdout are both terminals
/// (`Terminal.isTerminal(0) && Terminal.isTerminal(1)`) and `--plain` was not
/// given; otherwise use `PlainLineReader`.
///
/// The terminal is raw only while `readLine(prompt:)` runs, and libedit puts it
/// back before that returns, whatever the outcome. Ctrl-C, SIGTERM and SIGHUP
/// end the read with `.interrupted` instead of killing the process (creating a
/// reader installs `Signals`), and `exit()` called from inside a completer
/// still restores the terminal. So keep the reader in a local of the function
/// that runs the REPL, return from that function rather than calling `exit()`
/// in the middle of it, and let the reader go (or call nothing: `deinit` ends
/// libedit, which restores the settings the terminal had when it was created).
///
/// Not thread-safe: use it from one thread.
public final class EditLineReader: LineReader {
    /// Called on Tab with the text before the cursor.
    public var completer: (@Sendable (String) -> Completion)?

    /// At most this many answers are recalled with Up.
    public static let historySize: Int32 = 200

    /// True after a read that Ctrl-C, a signal or Ctrl-D ended: the reader
    /// moved the cursor below the line, to the start of a fresh one.
    public private(set) var endedLineOnTerminal = false

    private var editor: OpaquePointer
    private let history: OpaquePointer
    private var promptText: UnsafeMutablePointer<CChar>?
    private var lastRemembered: String?

    /// Starts libedit on stdin/stdout; nil when it cannot start.
    ///
    /// Sets the process locale from the environment (falling back to
    /// C.UTF-8, so é, ñ and 한국어 can be typed even when `LANG` is unset) and
    /// installs the `Signals` handlers.
    public init?() {
        Signals.install()
        _ = ceditline_setup_locale()
        guard let history = ceditline_history_open(Self.historySize) else { return nil }
        guard let editor = ceditline_open("intake") else {
            history_end(history)
            return nil
        }
        self.history = history
        self.editor = editor
        configure(editor)
    }

    deinit {
        ceditline_close(editor)
        history_end(history)
        free(promptText)
    }

    /// Shows `prompt` and reads one line with editing.
    ///
    /// Returns `.interrupted` at once, without showing the prompt, while a
    /// signal is pending (see `Signals.takePending()`).
    ///
    /// A prompt with line breaks is fine: everything up to the last break is
    /// printed as it is, and the last line is the editable prompt. The prompt
    /// must not contain escape sequences (libedit counts every character as a
    /// column).
    public func readLine(prompt: String) -> LineInput {
        read(prompt: prompt, startingWith: "")
    }

    /// Shows `prompt` and reads one line that starts as `text`, cursor at its
    /// end; `text` joins the recall list when the read ends.
    ///
    /// Control characters in `text` (a tab, a line break) become spaces: on
    /// the line they would show as `^I` or break it. Otherwise as
    /// `readLine(prompt:)`.
    public func readLine(prompt: String, editing text: String) -> LineInput {
        let editable = Self.editable(text)
        defer { remember(editable) }
        return read(prompt: prompt, startingWith: editable)
    }

    /// `text` with each control character replaced by a space.
    static func editable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
        }
        return String(scalars)
    }

    private func read(prompt: String, startingWith text: String) -> LineInput {
        endedLineOnTerminal = false
        if Signals.pending != nil {
            return .interrupted
        }
        var editablePrompt = prompt
        if let lastBreak = prompt.lastIndex(of: "\n") {
            write(String(prompt[...lastBreak]))
            editablePrompt = String(prompt[prompt.index(after: lastBreak)...])
        }
        free(promptText)
        promptText = strdup(editablePrompt)
        _ = ceditline_set_initial_text(editor, text)

        var count: Int32 = 0
        let line = ceditline_gets(editor, &count)
        if let line, count > 0 {
            var bytes = UnsafeRawBufferPointer(start: line, count: Int(count))
            if bytes.last == UInt8(ascii: "\n") {
                bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast())
            }
            return .line(String(decoding: bytes, as: UTF8.self))
        }
        // Neither Ctrl-C nor Ctrl-D moves off the line the person was typing
        // on (el_gets returns with the cursor where it was), so move below it.
        ceditline_end_line(editor)
        endedLineOnTerminal = true
        if Signals.pending != nil {
            return .interrupted
        }
        return .endOfInput
    }

    /// Adds `line` to the Up/Down recall list, unless it is blank or the same
    /// as the line remembered just before.
    public func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != lastRemembered else { return }
        lastRemembered = line
        _ = ceditline_history_enter(history, line)
    }

    /// Forgets the recall list, and also libedit's kill buffer and undo state
    /// (by starting a fresh editor), so the next client can recall nothing.
    public func forgetHistory() {
        ceditline_history_clear(history)
        lastRemembered = nil
        if let fresh = ceditline_open("intake") {
            ceditline_close(editor)
            editor = fresh
            configure(fresh)
        }
    }

    // MARK: - libedit callbacks

    private func configure(_ editor: OpaquePointer) {
        ceditline_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = ceditline_set_history(editor, history)
        _ = ceditline_set_prompt(editor) { editor in
            guard let context = ceditline_clientdata(editor) else { return nil }
            return Unmanaged<EditLineReader>.fromOpaque(context).takeUnretainedValue().promptText
        }
        _ = ceditline_bind_completion(editor) { editor, _ in
            guard let context = ceditline_clientdata(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<EditLineReader>.fromOpaque(context).takeUnretainedValue().complete()
        }
    }

    /// Handles Tab; returns a libedit CC_* code.
    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editor) else { return UInt8(CC_ERROR) }
        let start = UnsafeRawPointer(info.pointee.buffer)
        let cursor = UnsafeRawPointer(info.pointee.cursor)
        guard let start, let cursor, cursor >= start else { return UInt8(CC_ERROR) }
        let beforeCursor = String(
            decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)

        let edit = CompletionEdit(completion: completer(beforeCursor), textBeforeCursor: beforeCursor)
        if edit.deleteScalars > 0 {
            el_deletestr(editor, Int32(edit.deleteScalars))
        }
        if !edit.insert.isEmpty {
            _ = el_insertstr(editor, edit.insert)
        }
        if !edit.listing.isEmpty {
            let rows = columnLayout(edit.listing, width: Terminal.width)
            write("\r\n" + rows.joined(separator: "\r\n") + "\r\n")
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(edit.leavesLineUnchanged ? CC_REFRESH_BEEP : CC_REFRESH)
    }

    private func write(_ text: String) {
        ceditline_write(editor, text)
    }
}
