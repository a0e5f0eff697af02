// ppoll() is a GNU extension in glibc; defining it here keeps the flag out of
// Package.swift and away from every other target.
#define _GNU_SOURCE

#include "CEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

// MARK: - Locale

static int codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL &&
        (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// Exists because libedit silently drops every non-ASCII byte unless the
// process locale has a multibyte LC_CTYPE, and with no LANG set
// setlocale(LC_ALL, "") still yields the ASCII "C" locale.
int ceditline_setup_locale(void) {
    if (setlocale(LC_ALL, "") == NULL) {
        (void)setlocale(LC_ALL, "C");
    }
    // Only character classification matters here; numbers are parsed and
    // printed the same way whatever the user's language.
    (void)setlocale(LC_NUMERIC, "C");
    if (codeset_is_utf8()) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL && codeset_is_utf8()) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "en_US.UTF-8") != NULL && codeset_is_utf8()) {
        return 1;
    }
    return 0;
}

// MARK: - Signals

// The last SIGINT/SIGTERM/SIGHUP/SIGQUIT not yet taken by the application.
static volatile sig_atomic_t pending_signal = 0;
// Set on SIGWINCH; the character reader resizes the editor.
static volatile sig_atomic_t window_resized = 0;
// Set on Ctrl-Z while libedit has the terminal raw; the reader suspends.
static volatile sig_atomic_t suspend_requested = 0;
// Set while el_gets runs: the terminal may be raw.
static volatile sig_atomic_t inside_gets = 0;
// Self-pipe: a signal delivered to another thread still wakes the reader.
static int wake_pipe[2] = {-1, -1};
static pthread_once_t install_once = PTHREAD_ONCE_INIT;

// Exists because a handler may only set a flag (and write(2) to a pipe):
// the REPL decides what a signal means at a safe point.
static void on_signal(int signo) {
    int saved_errno = errno;
    if (signo == SIGWINCH) {
        window_resized = 1;
    } else if (signo == SIGTSTP) {
        if (!inside_gets) {
            // The terminal is cooked: stop now, as the default action would.
            (void)kill(getpid(), SIGSTOP);
            errno = saved_errno;
            return;
        }
        suspend_requested = 1;
    } else if (!(signo == SIGINT && pending_signal != 0)) {
        // Ctrl-C never hides a termination request that is still pending.
        pending_signal = signo;
    }
    if (wake_pipe[1] >= 0) {
        char byte = 0;
        (void)write(wake_pipe[1], &byte, 1);
    }
    errno = saved_errno;
}

static const int watched_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP};

static void add_watched_signals(sigset_t *set) {
    for (size_t i = 0; i < sizeof watched_signals / sizeof watched_signals[0]; i++) {
        sigaddset(set, watched_signals[i]);
    }
}

static void install_one(int signo, int flags, int keep_if_ignored) {
    struct sigaction previous;
    if (keep_if_ignored && sigaction(signo, NULL, &previous) == 0 &&
        previous.sa_handler == SIG_IGN) {
        return;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    action.sa_flags = flags;
    sigemptyset(&action.sa_mask);
    add_watched_signals(&action.sa_mask);
    (void)sigaction(signo, &action, NULL);
}

static void install_handlers_once(void) {
    if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        wake_pipe[0] = wake_pipe[1] = -1;
    }
    // No SA_RESTART: a blocked read() must return EINTR so the line is
    // abandoned. libedit's EL_SIGNAL is never used: it re-raises the signal
    // to the whole process group, which kills the shell around us.
    install_one(SIGINT, 0, 1);
    install_one(SIGHUP, 0, 1);
    install_one(SIGTERM, 0, 0);
    // Ctrl-\ would dump core with the terminal raw; it asks to quit instead.
    install_one(SIGQUIT, 0, 1);
    // Restarting is fine for a resize or a suspension: ppoll() is never
    // restarted anyway, and the application's own writes should not fail
    // because a window moved.
    install_one(SIGWINCH, SA_RESTART, 0);
    // Ctrl-Z would stop us with the terminal raw, and not every shell puts it
    // back; the reader restores it, stops, and takes it back on `fg`.
    install_one(SIGTSTP, SA_RESTART, 1);
}

// Exists so Swift can install the C handler exactly once.
void ceditline_install_signal_handlers(void) {
    (void)pthread_once(&install_once, install_handlers_once);
}

// Exists because Swift cannot read a volatile sig_atomic_t safely.
int ceditline_pending_signal(void) {
    return pending_signal;
}

// Exists so reading and clearing cannot lose a signal that lands in between.
int ceditline_take_pending_signal(void) {
    return __atomic_exchange_n(&pending_signal, 0, __ATOMIC_SEQ_CST);
}

static void drain_wake_pipe(void) {
    if (wake_pipe[0] < 0) {
        return;
    }
    char sink[64];
    while (read(wake_pipe[0], sink, sizeof sink) > 0) {
    }
}

// MARK: - Where libedit draws the line

// A place in libedit's drawing of the prompt and the line: the row below the
// prompt's first row, and the column in that row.
struct layout {
    int columns;
    int row;
    int column;
};

// Places `width` columns as libedit's re_putc does (refresh.c): what does not
// fit at the end of a row goes to the start of the next, and filling a row
// exactly moves on to the next one.
static void layout_put(struct layout *at, int width) {
    if (at->column + width > at->columns) {
        at->row += 1;
        at->column = 0;
    }
    at->column += width;
    if (at->column >= at->columns) {
        at->row += 1;
        at->column = 0;
    }
}

// Places one character of the line as libedit's re_addc draws it
// (refresh.c, chartype.c): a tab runs to the next multiple of 8, a newline
// starts a row, a control character shows as ^X, a character that cannot be
// printed as \U+XXXX, and anything else takes its wcwidth.
static void layout_add(struct layout *at, wchar_t character) {
    if (character == L'\t') {
        do {
            layout_put(at, 1);
        } while ((at->column & 7) != 0);
    } else if (character == L'\n') {
        at->row += 1;
        at->column = 0;
    } else if (character < 0x100 && iswcntrl((wint_t)character)) {
        layout_put(at, 1);
        layout_put(at, 1);
    } else if (iswprint((wint_t)character)) {
        int width = wcwidth(character);
        layout_put(at, width > 0 ? width : 0);
    } else {
        int cells = character > 0xFFFF ? 8 : 7;
        for (int i = 0; i < cells; i++) {
            layout_put(at, 1);
        }
    }
}

static int terminal_columns(EditLine *editor) {
    int columns = 0;
    (void)el_get(editor, EL_GETTC, "co", &columns, (void *)NULL);
    return columns > 0 ? columns : 80;
}

// Where libedit puts the cursor when it draws the prompt and the line
// (re_refresh): after the text before the cursor, or at the start of the next
// row when the character under the cursor is wide and does not fit in this
// one. With `to_end`, where the end of the line is instead.
static struct layout line_layout(EditLine *editor, int to_end) {
    struct layout at = {.columns = terminal_columns(editor), .row = 0, .column = 0};
    ceditline_prompt_fn prompt = NULL;
    const char *text = NULL;
    if (el_get(editor, EL_PROMPT, &prompt) == 0 && prompt != NULL) {
        text = prompt(editor);
    }
    if (text != NULL) {
        mbstate_t state;
        memset(&state, 0, sizeof state);
        const char *end = text + strlen(text);
        while (text < end) {
            wchar_t character;
            size_t used = mbrtowc(&character, text, (size_t)(end - text), &state);
            if (used == (size_t)-1 || used == (size_t)-2) {
                memset(&state, 0, sizeof state);
                used = 1;
                character = L'?';
            } else if (used == 0) {
                used = 1;
            }
            int width = wcwidth(character);
            layout_put(&at, width > 0 ? width : 0);
            text += used;
        }
    }
    const LineInfoW *line = el_wline(editor);
    if (line == NULL) {
        return at;
    }
    const wchar_t *stop = to_end ? line->lastchar : line->cursor;
    for (const wchar_t *character = line->buffer; character < stop; character++) {
        layout_add(&at, *character);
    }
    if (!to_end && line->cursor < line->lastchar) {
        int width = wcwidth(*line->cursor);
        if (width > 1 && at.column + width > at.columns) {
            at.row += 1;
            at.column = 0;
        }
    }
    return at;
}

static int line_has_wide_character(EditLine *editor) {
    const LineInfoW *line = el_wline(editor);
    if (line == NULL) {
        return 0;
    }
    for (const wchar_t *character = line->buffer; character < line->lastchar; character++) {
        if (wcwidth(*character) > 1) {
            return 1;
        }
    }
    return 0;
}

// Draws the prompt and the line again from scratch, starting `rows_up` rows
// above the cursor. EL_REFRESH makes libedit forget what it believes is on
// the screen, so nothing it drew or counted wrong survives the redraw.
static void redraw_line(EditLine *editor, int rows_up) {
    FILE *out = NULL;
    if (el_get(editor, EL_GETFP, 1, &out) == 0 && out != NULL) {
        // ANSI: this reader only runs on terminals that understand it. Not
        // flushed: EL_REFRESH flushes, so the screen gets one write.
        if (rows_up > 0) {
            (void)fprintf(out, "\r\033[%dA\033[J", rows_up);
        } else {
            (void)fputs("\r\033[J", out);
        }
    }
    (void)el_set(editor, EL_REFRESH);
}

static void redraw_after_resize(EditLine *editor) {
    el_resize(editor);
    // el_resize forgets what is on screen, so draw the prompt and the line
    // again from where the prompt now starts. Terminals that re-wrap their
    // text on a resize (tmux, VTE, iTerm2, Terminal.app, kitty) have laid the
    // line out at the new width, so count the rows at that width. (On xterm,
    // which does not re-wrap, narrowing past a long line can erase a row
    // above it.)
    redraw_line(editor, line_layout(editor, 0).row);
}

// Gives the terminal back as it was, stops until `fg`, then takes it again.
static void suspend(EditLine *editor) {
    if (editor != NULL) {
        (void)el_set(editor, EL_PREP_TERM, 0);
    }
    (void)kill(getpid(), SIGSTOP);
    if (editor != NULL) {
        // The shell may have changed the settings meanwhile: raw mode is
        // computed again from what the terminal has now.
        (void)el_set(editor, EL_PREP_TERM, 1);
        FILE *out = NULL;
        if (el_get(editor, EL_GETFP, 1, &out) == 0 && out != NULL) {
            (void)fputs("\r", out);
        }
        (void)el_set(editor, EL_REFRESH);
    }
}

// Closes the Ctrl-C race: the flags are checked with the signals blocked and
// ppoll() unblocks them atomically while it waits, so a signal arriving during
// a redraw is never left unnoticed until the next key. Returns 1 when `fd` has
// input (or hung up), -1 with errno EINTR when a signal is pending.
static int wait_for_input(EditLine *editor, int fd) {
    sigset_t watched, saved, during_wait;
    sigemptyset(&watched);
    add_watched_signals(&watched);
    pthread_sigmask(SIG_BLOCK, &watched, &saved);
    during_wait = saved;
    for (size_t i = 0; i < sizeof watched_signals / sizeof watched_signals[0]; i++) {
        sigdelset(&during_wait, watched_signals[i]);
    }

    int result;
    for (;;) {
        drain_wake_pipe();
        if (pending_signal != 0) {
            errno = EINTR;
            result = -1;
            break;
        }
        if (suspend_requested) {
            suspend_requested = 0;
            suspend(editor);
        }
        if (window_resized) {
            window_resized = 0;
            if (editor != NULL) {
                redraw_after_resize(editor);
            }
        }
        struct pollfd fds[2] = {
            {.fd = fd, .events = POLLIN, .revents = 0},
            {.fd = wake_pipe[0], .events = POLLIN, .revents = 0},
        };
        nfds_t count = wake_pipe[0] >= 0 ? 2 : 1;
        int ready = ppoll(fds, count, NULL, &during_wait);
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            result = -1;
            break;
        }
        if (fds[0].revents != 0) {
            result = 1;
            break;
        }
    }
    int saved_errno = errno;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    errno = saved_errno;
    return result;
}

// A second open file description of the terminal on `fd`, non-blocking, or
// -1 when `fd` is not a terminal (a pipe or a file: after ppoll, their read
// cannot block). Cached: readers are used from one thread.
static int nonblocking_terminal(int fd) {
    static int cached_fd = -1;
    static int cached = -1;
    static dev_t cached_device;
    struct stat status;
    if (fstat(fd, &status) != 0 || !S_ISCHR(status.st_mode) || !isatty(fd)) {
        return -1;
    }
    if (cached >= 0 && cached_fd == fd && cached_device == status.st_rdev) {
        return cached;
    }
    if (cached >= 0) {
        (void)close(cached);
    }
    char path[64];
    (void)snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    cached = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    cached_fd = fd;
    cached_device = status.st_rdev;
    return cached;
}

// Exists because waiting and reading must be one step: Ctrl-C flushes the
// terminal's input queue, so after ppoll reported input, a blocking read()
// could wait for the next key with the signal already handled. The read goes
// through a non-blocking description of the terminal instead (stdin's own
// flags are shared with the shell and stay untouched), and an empty queue
// sends it back to ppoll, which sees the signal.
ssize_t ceditline_read_input(EditLine *editor, int fd, void *buffer, size_t size) {
    for (;;) {
        if (wait_for_input(editor, fd) < 0) {
            return -1;
        }
        int source = nonblocking_terminal(fd);
        ssize_t got = read(source >= 0 ? source : fd, buffer, size);
        if (got >= 0) {
            return got;
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return -1;
        }
    }
}

// MARK: - Editor state

// What CEditLine keeps for one editor, in its EL_CLIENTDATA.
struct editor_state {
    // The application's context (ceditline_set_clientdata).
    void *context;
    // Put on the line when the next ceditline_gets starts reading, or NULL.
    char *initial_text;
    // Whether libedit edits and draws (a terminal, and not TERM=emacs); only
    // then may the reader redraw.
    int draws;
};

static struct editor_state *editor_state(EditLine *editor) {
    void *state = NULL;
    if (el_get(editor, EL_CLIENTDATA, &state) != 0) {
        return NULL;
    }
    return state;
}

// MARK: - Character reader

static int input_is_waiting(int fd) {
    struct pollfd ready = {.fd = fd, .events = POLLIN, .revents = 0};
    return poll(&ready, 1, 0) > 0;
}

// Puts the text given to ceditline_set_initial_text on the line, once el_gets
// has emptied the line and drawn the prompt (read.c, read_prepare): text put
// there earlier would be erased.
static void put_initial_text(EditLine *editor, struct editor_state *state) {
    char *text = state->initial_text;
    state->initial_text = NULL;
    int rows_up = line_layout(editor, 0).row;
    if (el_insertstr(editor, text) == 0) {
        redraw_line(editor, rows_up);
    }
    free(text);
}

// Exists because libedit's built-in reader blocks in read(): a Ctrl-C that
// lands while it redraws is noticed only after the next key (see
// wait_for_input and ceditline_read_input). Replacing it means decoding the
// multibyte input here.
//
// libedit calls it when it has handled the previous key and drawn the result,
// which makes it the place to correct that drawing: when the line holds a
// wide character and no key is waiting, the line is drawn again from scratch.
// libedit's incremental redraw (refresh.c, re_update_line) compares screen
// cells, where a wide character is its own cell plus filler cells that all
// compare equal; the unchanged tail it keeps can then start in the middle of
// a wide character, whose whole glyph (2 columns) is written while libedit
// counts 1 column. From then on libedit believes the cursor is one column
// left of where it is. It takes a kept tail of at least 4 cells (MIN_END_KEEP)
// that starts on a filler: inserting before 3 or more wide characters (4 when
// the typed character is the same as the first of them), or deleting with 3
// or more after the deleted one. The cursor then shows one column right, the
// next cursor key writes text one column off, and on a line that wraps the
// next row loses its text.
static int read_character(EditLine *editor, wchar_t *out) {
    struct editor_state *state = editor_state(editor);
    if (state != NULL && state->draws) {
        if (state->initial_text != NULL) {
            put_initial_text(editor, state);
        } else if (line_has_wide_character(editor) && !input_is_waiting(STDIN_FILENO)) {
            redraw_line(editor, line_layout(editor, 0).row);
        }
    }
    mbstate_t decoder;
    memset(&decoder, 0, sizeof decoder);
    int bytes_in_sequence = 0;
    for (;;) {
        unsigned char byte;
        ssize_t got = ceditline_read_input(editor, STDIN_FILENO, &byte, 1);
        if (got <= 0) {
            *out = L'\0';
            return got == 0 ? 0 : -1;
        }
        for (;;) {
            wchar_t decoded;
            size_t used = mbrtowc(&decoded, (const char *)&byte, 1, &decoder);
            if (used == (size_t)-2) {
                bytes_in_sequence += 1;
                break;  // need the next byte
            }
            if (used == (size_t)-1) {
                memset(&decoder, 0, sizeof decoder);
                if (bytes_in_sequence > 0) {
                    // The broken sequence is dropped; this byte may start a
                    // valid one.
                    bytes_in_sequence = 0;
                    continue;
                }
                break;  // a stray byte on its own: drop it
            }
            *out = used == 0 ? L'\0' : decoded;
            return 1;
        }
    }
}

// MARK: - Keys

// Exists because libedit's Ctrl-D (em_delete_or_list) ends input on an empty
// line by echoing "^D", which stays on the screen. This one ends input
// silently; on a line with text it deletes the character under the cursor,
// and beeps at the end of the line, as libedit's does.
static unsigned char delete_or_end_input(EditLine *editor, int key) {
    (void)key;
    const LineInfoW *line = el_wline(editor);
    if (line == NULL) {
        return CC_ERROR;
    }
    if (line->lastchar == line->buffer) {
        return CC_EOF;
    }
    if (line->cursor >= line->lastchar) {
        return CC_ERROR;
    }
    (void)el_cursor(editor, 1);
    el_deletestr(editor, 1);
    return CC_REFRESH;
}

// MARK: - Editor

static struct termios terminal_at_open;
static int have_terminal_at_open = 0;
static pthread_once_t exit_hook_once = PTHREAD_ONCE_INIT;

static void restore_terminal_at_exit(void) {
    if (inside_gets && have_terminal_at_open) {
        (void)tcsetattr(STDIN_FILENO, TCSANOW, &terminal_at_open);
    }
}

static void register_exit_hook(void) {
    (void)atexit(restore_terminal_at_exit);
}

// Exists because Swift 6 refuses the stdin/stdout/stderr globals, and el_set
// (editor, signals, reader, keys) is variadic.
EditLine *ceditline_open(const char *program) {
    struct editor_state *state = calloc(1, sizeof *state);
    if (state == NULL) {
        return NULL;
    }
    EditLine *editor = el_init(program, stdin, stdout, stderr);
    if (editor == NULL) {
        free(state);
        return NULL;
    }
    if (!have_terminal_at_open && tcgetattr(STDIN_FILENO, &terminal_at_open) == 0) {
        have_terminal_at_open = 1;
    }
    (void)pthread_once(&exit_hook_once, register_exit_hook);
    (void)el_set(editor, EL_EDITOR, "emacs");
    (void)el_set(editor, EL_GETCFN, read_character);
    (void)el_set(editor, EL_CLIENTDATA, state);
    if (el_set(editor, EL_ADDFN, "intake-delete-or-end", "Delete a character or end input",
               delete_or_end_input) == 0) {
        (void)el_set(editor, EL_BIND, "^D", "intake-delete-or-end", (const char *)NULL);
    }
    int editing = 0;
    state->draws = el_get(editor, EL_EDITMODE, &editing) == 0 && editing &&
        isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    return editor;
}

// Exists to free what ceditline_open allocated; el_end restores the terminal.
void ceditline_close(EditLine *editor) {
    struct editor_state *state = editor_state(editor);
    el_end(editor);
    if (state != NULL) {
        free(state->initial_text);
        free(state);
    }
}

// Exists because EL_CLIENTDATA holds CEditLine's own state for the editor.
void ceditline_set_clientdata(EditLine *editor, void *context) {
    struct editor_state *state = editor_state(editor);
    if (state != NULL) {
        state->context = context;
    }
}

// Exists because EL_CLIENTDATA holds CEditLine's own state for the editor.
void *ceditline_clientdata(EditLine *editor) {
    struct editor_state *state = editor_state(editor);
    return state != NULL ? state->context : NULL;
}

// Exists because EL_PROMPT goes through the variadic el_set.
int ceditline_set_prompt(EditLine *editor, ceditline_prompt_fn prompt) {
    return el_set(editor, EL_PROMPT, prompt);
}

// Exists because EL_ADDFN and EL_BIND are variadic, and EL_BIND's list must
// end with NULL (easy to forget from any other language).
int ceditline_bind_completion(EditLine *editor, ceditline_command_fn complete) {
    if (el_set(editor, EL_ADDFN, "intake-complete", "Complete the answer", complete) != 0) {
        return -1;
    }
    return el_set(editor, EL_BIND, "^I", "intake-complete", (const char *)NULL);
}

// Exists because el_gets empties the line before it reads, so text put there
// beforehand (el_insertstr) is lost, and el_push would run the text as keys.
int ceditline_set_initial_text(EditLine *editor, const char *text) {
    struct editor_state *state = editor_state(editor);
    if (state == NULL) {
        return -1;
    }
    free(state->initial_text);
    state->initial_text = NULL;
    if (text != NULL && text[0] != '\0') {
        state->initial_text = strdup(text);
        if (state->initial_text == NULL) {
            return -1;
        }
    }
    return 0;
}

// Exists because EL_HIST is variadic and takes libedit's own `history`
// function as an argument.
int ceditline_set_history(EditLine *editor, History *history_state) {
    return el_set(editor, EL_HIST, history, history_state);
}

// Exists so the atexit hook knows whether the terminal may be raw.
const char *ceditline_gets(EditLine *editor, int *count) {
    inside_gets = 1;
    const char *line = el_gets(editor, count);
    inside_gets = 0;
    // Text for this read only, even when the read ended before it was put on
    // the line.
    (void)ceditline_set_initial_text(editor, NULL);
    return line;
}

// Exists because el_gets leaves the cursor where it was when Ctrl-C or Ctrl-D
// ended the read: after the typed text, or rows above its end when the cursor
// was inside a long line. Enter moves below the line; this does the same.
void ceditline_end_line(EditLine *editor) {
    int rows_down = line_layout(editor, 1).row - line_layout(editor, 0).row;
    FILE *out = NULL;
    if (el_get(editor, EL_GETFP, 1, &out) != 0 || out == NULL) {
        return;
    }
    if (rows_down > 0) {
        (void)fprintf(out, "\033[%dB", rows_down);
    }
    (void)fputs("\r\n", out);
    (void)fflush(out);
}

// Exists because EL_GETFP is variadic; writing through libedit's own stream
// keeps our output in order with its buffered output.
void ceditline_write(EditLine *editor, const char *text) {
    FILE *out = NULL;
    if (el_get(editor, EL_GETFP, 1, &out) != 0 || out == NULL) {
        return;
    }
    (void)fputs(text, out);
    (void)fflush(out);
}

// MARK: - History

// Exists because `history` is variadic. Nothing here touches a file.
History *ceditline_history_open(int size) {
    History *history_state = history_init();
    if (history_state == NULL) {
        return NULL;
    }
    HistEvent event;
    (void)history(history_state, &event, H_SETSIZE, size);
    (void)history(history_state, &event, H_SETUNIQUE, 1);
    return history_state;
}

// Exists because `history` is variadic.
int ceditline_history_enter(History *history_state, const char *line) {
    HistEvent event;
    return history(history_state, &event, H_ENTER, line) < 0 ? -1 : 0;
}

// Exists because `history` is variadic.
void ceditline_history_clear(History *history_state) {
    HistEvent event;
    (void)history(history_state, &event, H_CLEAR);
}
