// CEditLine: the C side of the LineEditing module.
//
// Swift cannot call C variadic functions, so every use of libedit's
// el_set / el_get / history goes through one small, non-variadic function
// here. The signal handlers live here too: a handler must be plain C that
// only touches a `volatile sig_atomic_t`.
//
// Functions that libedit already exports without varargs (el_line,
// el_insertstr, el_deletestr, history_end) are called from Swift directly;
// el_init, el_end and el_gets are wrapped for the reasons given below.
// EL_CLIENTDATA belongs to this shim (its per-editor state); the
// application's context goes through ceditline_set_clientdata.

#pragma once

#include <histedit.h>
#include <sys/types.h>

// MARK: - Locale

/// Calls setlocale(LC_ALL, "") and, when the resulting codeset is not UTF-8,
/// switches LC_CTYPE to C.UTF-8. LC_NUMERIC is kept at "C".
/// Returns 1 when the character type is UTF-8 afterwards, 0 otherwise.
int ceditline_setup_locale(void);

// MARK: - Signals

/// Installs flag-setting handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT
/// (no SA_RESTART, so a blocked read returns EINTR), SIGWINCH, and SIGTSTP
/// (Ctrl-Z puts the terminal back before the process stops). Idempotent and
/// thread-safe. A SIGINT, SIGHUP, SIGQUIT or SIGTSTP that was ignored when the
/// process started (nohup, a background job) stays ignored.
void ceditline_install_signal_handlers(void);

/// The last SIGINT/SIGTERM/SIGHUP/SIGQUIT received and not yet taken, or 0.
/// A termination signal is never replaced by a later SIGINT.
int ceditline_pending_signal(void);

/// Returns the pending signal (or 0) and clears it, atomically.
int ceditline_take_pending_signal(void);

/// Waits until `fd` has input or a SIGINT/SIGTERM/SIGHUP/SIGQUIT is pending,
/// then reads up to `size` bytes. Returns the count (0 at end of input), -1
/// with errno EINTR when a signal is pending, or -1 with another errno.
///
/// The wait is a ppoll() that unblocks the watched signals for this thread,
/// plus a self-pipe that wakes it when another thread took the signal; it
/// never blocks in read() once a signal has been handled, even when Ctrl-C
/// flushed the terminal's input. With an `editor`, a resize redraws the line
/// and Ctrl-Z suspends with the terminal restored.
ssize_t ceditline_read_input(EditLine *_Nullable editor, int fd, void *_Nonnull buffer, size_t size);

// MARK: - Editor

/// Key handler bound with EL_ADDFN; returns one of the CC_* codes.
typedef unsigned char (*ceditline_command_fn)(EditLine *_Nonnull editor, int key);

/// Prompt callback for EL_PROMPT. The string must stay valid until el_gets
/// returns.
typedef char *_Nullable (*ceditline_prompt_fn)(EditLine *_Nonnull editor);

/// Creates an editor on stdin/stdout/stderr with emacs keys, libedit's own
/// signal handling off, Ctrl-D that ends input without echoing "^D", and the
/// ppoll-based character reader, which also draws the line again from scratch
/// whenever it holds a wide character (libedit's own redraw miscounts them).
/// Returns NULL when libedit cannot start.
EditLine *_Nullable ceditline_open(const char *_Nonnull program);

/// Ends the editor (el_end restores the terminal settings saved at open) and
/// frees what ceditline_open allocated.
void ceditline_close(EditLine *_Nonnull editor);

/// Stores the Swift context pointer (EL_CLIENTDATA) that callbacks read back.
void ceditline_set_clientdata(EditLine *_Nonnull editor, void *_Nullable context);

/// The context pointer stored with ceditline_set_clientdata, or NULL.
void *_Nullable ceditline_clientdata(EditLine *_Nonnull editor);

/// Sets the prompt callback (EL_PROMPT).
int ceditline_set_prompt(EditLine *_Nonnull editor, ceditline_prompt_fn _Nonnull prompt);

/// Binds Tab to `complete` (EL_ADDFN, then EL_BIND with its NULL terminator).
int ceditline_bind_completion(EditLine *_Nonnull editor, ceditline_command_fn _Nonnull complete);

/// Attaches an in-memory history to the editor for Up/Down (EL_HIST).
int ceditline_set_history(EditLine *_Nonnull editor, History *_Nonnull history);

/// Puts `text` (UTF-8) on the line, cursor at its end, when the next
/// ceditline_gets has drawn the prompt; NULL or "" for an empty line. Applies
/// to that one read. Returns 0, or -1 when out of memory.
int ceditline_set_initial_text(EditLine *_Nonnull editor, const char *_Nullable text);

/// el_gets, but records that the terminal may be in raw mode meanwhile, so an
/// exit() from a callback (a completer) still restores the terminal.
/// `count` is the byte count, 0 at end of input, -1 when interrupted.
const char *_Nullable ceditline_gets(EditLine *_Nonnull editor, int *_Nonnull count);

/// After a read that Ctrl-C or Ctrl-D ended, moves the cursor below the line
/// that was being edited, to the start of a fresh row, as Enter does.
void ceditline_end_line(EditLine *_Nonnull editor);

/// Writes `text` to the editor's output stream and flushes it, so it lands in
/// order with what libedit has written there.
void ceditline_write(EditLine *_Nonnull editor, const char *_Nonnull text);

// MARK: - History (memory only: never loaded from or saved to a file)

/// history_init, then H_SETSIZE `size` and H_SETUNIQUE (no immediate
/// duplicates). Returns NULL when out of memory.
History *_Nullable ceditline_history_open(int size);

/// Adds a line (H_ENTER). Returns 0 on success.
int ceditline_history_enter(History *_Nonnull history, const char *_Nonnull line);

/// Forgets every line (H_CLEAR).
void ceditline_history_clear(History *_Nonnull history);
