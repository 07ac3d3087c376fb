/*
 * The shared harness of the C tests (the .c files of bindings/c/tests): checks that count and print
 * failures, the last error of this thread, clocks, and the simulator's control API over a
 * plain socket (so no test needs curl).
 *
 *   CHECK(cond)               a condition
 *   CHECK_MSG(cond, fmt, ...) a condition with its own message
 *   CHECK_RC(expr, want)      a status; on a mismatch both names and the last error
 *   CHECK_ERR(needle)         the last error contains needle
 *   CHECK_HAS(text, needle)   text contains needle
 *   check_init()              reads MESLINK_SIM_URL (http://127.0.0.1:PORT) into g_url and
 *                             g_port, starts Winsock on Windows; 0 on success
 *   sim_http(method, path, body) one HTTP/1.1 request to the simulator; the answer's body
 *                             (malloc'd, free it) when the status is 200, else NULL
 *   sim_http_into(method, path, body, out, cap) the same into a buffer; 0 on 200
 *   sim_post(path, body)      0 when the simulator answered 200
 *   check_done(name)          prints "name: N passed, N failed"; the exit code
 *
 * Plain C11 + POSIX sockets, or Winsock under _WIN32 (mingw-w64, run under Wine by
 * bindings/windows/run-tests.sh; pthreads are mingw's winpthreads there). Every function
 * is static inline: a test uses what it needs without unused-function warnings. The
 * counters are thread-safe; a test includes this header once.
 */
#ifndef MESLINK_TESTS_CHECK_H
#define MESLINK_TESTS_CHECK_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "meslink.h"

#ifdef _WIN32
#include <winsock2.h>
typedef SOCKET sim_socket;
#define SIM_NO_SOCKET INVALID_SOCKET
#define sim_close closesocket
#define sim_send(fd, p, n) send((fd), (p), (int)(n), 0)
#define sim_recv(fd, p, n) recv((fd), (p), (int)(n), 0)
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
typedef int sim_socket;
#define SIM_NO_SOCKET (-1)
#define sim_close close
#define sim_send write
#define sim_recv read
#endif
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- checks ----------------------------------------------------------------------- */

static int g_passed, g_failed;
static pthread_mutex_t g_check_lock = PTHREAD_MUTEX_INITIALIZER;

static inline void report(int ok, const char *file, int line, const char *fmt, ...) {
    pthread_mutex_lock(&g_check_lock);
    if (ok) {
        g_passed++;
    } else {
        va_list ap;
        g_failed++;
        fprintf(stderr, "FAIL %s:%d: ", file, line);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
    }
    pthread_mutex_unlock(&g_check_lock);
}

/* This thread's last error (meslink_error_last), in a thread-local buffer. */
static inline const char *last_error(void) {
    static _Thread_local char err[4096];
    if (meslink_error_last(err, sizeof err, NULL) != MESLINK_OK) strcpy(err, "(unreadable)");
    return err;
}

#define CHECK(cond) report(!!(cond), __FILE__, __LINE__, "%s", #cond)
#define CHECK_MSG(cond, ...) report(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Checks a status; on a mismatch prints both names and this thread's last error. */
#define CHECK_RC(expr, want)                                                              \
    do {                                                                                  \
        int32_t rc_ = (expr);                                                             \
        report(rc_ == (want), __FILE__, __LINE__, "%s = %d (%s), want %d (%s); last: %s", \
               #expr, rc_, meslink_status_str(rc_), (want), meslink_status_str(want),     \
               last_error());                                                             \
    } while (0)

/* The last error contains `needle`. */
#define CHECK_ERR(needle)                                                                \
    report(strstr(last_error(), (needle)) != NULL, __FILE__, __LINE__,                   \
           "last error lacks \"%s\": %s", (needle), last_error())

#define CHECK_HAS(text, needle)                                                          \
    report(strstr((text), (needle)) != NULL, __FILE__, __LINE__, "\"%s\" not in %s",     \
           (needle), (text))

/* Prints the counts; returns the process exit code (1 when anything failed). */
static inline int check_done(const char *name) {
    printf("%s: %d passed, %d failed\n", name, g_passed, g_failed);
    return g_failed ? 1 : 0;
}

/* ---- clocks ------------------------------------------------------------------------ */

static inline void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static inline double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static inline double now_s(void) { return now_ms() / 1000.0; }

/* ---- the simulator's control API, over a plain socket ------------------------------ */

static char g_url[256];
static int g_port;

/* Reads MESLINK_SIM_URL; starts Winsock on Windows. 0 on success, else a message and 2. */
static inline int check_init(void) {
    const char *url = getenv("MESLINK_SIM_URL");
#ifdef _WIN32
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0) {
        fprintf(stderr, "WSAStartup failed\n");
        return 2;
    }
#endif
    if (!url || sscanf(url, "http://127.0.0.1:%d", &g_port) != 1) {
        fprintf(stderr, "set MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh does)\n");
        return 2;
    }
    snprintf(g_url, sizeof g_url, "%s", url);
    return 0;
}

/* One HTTP/1.1 request with "Connection: close". Returns the answer's body (malloc'd,
 * the caller frees it) when the status is 200, else NULL (and prints the answer). */
static inline char *sim_http(const char *method, const char *path, const char *body) {
    struct sockaddr_in addr;
    char req[1024];
    size_t got = 0, cap = 1 << 16;
    long n;
    char *raw, *start, *out;
    sim_socket fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd == SIM_NO_SOCKET) return NULL;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)g_port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        sim_close(fd);
        return NULL;
    }
    snprintf(req, sizeof req,
             "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
             method, path, body ? strlen(body) : 0, body ? body : "");
    if ((long)sim_send(fd, req, strlen(req)) != (long)strlen(req)) {
        sim_close(fd);
        return NULL;
    }
    raw = malloc(cap);
    while (raw && (n = (long)sim_recv(fd, raw + got, cap - 1 - got)) > 0) {
        got += (size_t)n;
        if (got == cap - 1) {
            char *bigger = realloc(raw, cap * 2);
            if (!bigger) break;
            raw = bigger;
            cap *= 2;
        }
    }
    sim_close(fd);
    if (!raw) return NULL;
    raw[got] = 0;
    start = strstr(raw, "\r\n\r\n");
    if (strncmp(raw, "HTTP/1.1 200", 12) != 0 || !start) {
        fprintf(stderr, "sim: %s %s: %.200s\n", method, path, raw);
        free(raw);
        return NULL;
    }
    out = malloc(strlen(start + 4) + 1);
    if (out) strcpy(out, start + 4);
    free(raw);
    return out;
}

/* sim_http into a caller's buffer (truncated to fit); 0 when the simulator answered 200. */
static inline int sim_http_into(const char *method, const char *path, const char *body,
                                char *out, size_t cap) {
    char *answer = sim_http(method, path, body);
    if (!answer) return -1;
    snprintf(out, cap, "%s", answer);
    free(answer);
    return 0;
}

/* POST path with a JSON body; 0 when the simulator answered 200. */
static inline int sim_post(const char *path, const char *body) {
    char *answer = sim_http("POST", path, body);
    int ok = answer != NULL;
    free(answer);
    return ok ? 0 : -1;
}

#endif
