/*
 * An LD_PRELOAD shim for the fault tests: makes the transcript (files whose
 * name ends in ".jsonl") fail the way a full or read-only disk does, without
 * needing root or a real full disk.
 *
 *   INTAKE_FAULT=enospc INTAKE_FAULT_AFTER=N   the first N writes to a
 *       transcript succeed, every later one fails with ENOSPC
 *   INTAKE_FAULT=erofs                         creating or opening a
 *       transcript for writing fails with EROFS
 *
 * Build: cc -shared -fPIC -o fault-shim.so fault-shim.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int is_transcript_fd(int fd) {
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, target, sizeof target - 1);
    if (length <= 6) return 0;
    target[length] = 0;
    return strcmp(target + length - 6, ".jsonl") == 0;
}

static int is_transcript_path(const char *path) {
    size_t length = path ? strlen(path) : 0;
    return length > 6 && strcmp(path + length - 6, ".jsonl") == 0;
}

static const char *fault(void) {
    const char *value = getenv("INTAKE_FAULT");
    return value ? value : "";
}

static long writes_so_far = 0;

ssize_t write(int fd, const void *buffer, size_t count) {
    static ssize_t (*real_write)(int, const void *, size_t);
    if (!real_write) real_write = dlsym(RTLD_NEXT, "write");
    if (strcmp(fault(), "enospc") == 0 && is_transcript_fd(fd)) {
        const char *after = getenv("INTAKE_FAULT_AFTER");
        if (writes_so_far >= (after ? atol(after) : 0)) {
            errno = ENOSPC;
            return -1;
        }
        writes_so_far++;
    }
    return real_write(fd, buffer, count);
}

int open(const char *path, int flags, ...) {
    static int (*real_open)(const char *, int, ...);
    if (!real_open) real_open = dlsym(RTLD_NEXT, "open");
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list arguments;
        va_start(arguments, flags);
        mode = va_arg(arguments, int);
        va_end(arguments);
    }
    if (strcmp(fault(), "erofs") == 0 && is_transcript_path(path) && (flags & (O_WRONLY | O_RDWR))) {
        errno = EROFS;
        return -1;
    }
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) {
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list arguments;
        va_start(arguments, flags);
        mode = va_arg(arguments, int);
        va_end(arguments);
    }
    return open(path, flags, mode);
}
