/*
 * The C rows of the benchmarks (bench/cases): meslink through its C ABI.
 *
 *   bench seq   URL N upload|get     N sequential named calls on one client
 *   bench batch URL N CONCURRENCY    one meslink_client_call_batch of N grading.save records
 *   bench ffi   N [URL]              ns per call of exports that do no I/O (with URL, also
 *                                    the length query of a kept answer)
 *
 * Prints one JSON line per row: {"row":..,"n":..,"secs":..,"p50_us":..,"p99_us":..}
 * (for ffi: "ns_per_call"). Plain C11 + POSIX clock_gettime.
 */
#define _POSIX_C_SOURCE 200809L
#include "meslink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: the ffi rows measure what a call costs, not the scheduler of a
 * shared machine. */
static double cpu_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double process_cpu_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Context switches of the process (every thread), voluntary + involuntary. */
static long csw(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_nvcsw + ru.ru_nivcsw;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double pct(double *lat, size_t n, double p) {
    size_t i = (size_t)((double)n * p + 0.999999);
    if (i < 1) i = 1;
    if (i > n) i = n;
    return lat[i - 1];
}

static void fail(const char *what) {
    char err[2048];
    meslink_error_last(err, sizeof err, NULL);
    fprintf(stderr, "bench (C): %s failed: %s\n", what, err);
    exit(1);
}

static int32_t open_client(const char *url) {
    char config[1024];
    int32_t c = 0;
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},\"timeout_ms\":30000}",
             url, url);
    if (meslink_client_open(config, &c) != MESLINK_OK) fail("meslink_client_open");
    return c;
}

static int seq(const char *url, size_t n, const char *what) {
    static char buf[4096];
    char sn[32];
    int32_t c = open_client(url);
    int upload = strcmp(what, "upload") == 0;
    double *lat = malloc(n * sizeof *lat), start, t, cpu;
    long switches;
    size_t i;
    if (!upload && strcmp(what, "get") != 0) {
        fprintf(stderr, "bench (C): unknown call %s: upload or get\n", what);
        return 2;
    }
    /* Log in before timing, like every other row. */
    if (meslink_ate_sn_detail_get(c, "1037020031", buf, sizeof buf, NULL) != MESLINK_OK)
        fail("login");
    switches = csw();
    cpu = process_cpu_s();
    start = now_s();
    for (i = 0; i < n; i++) {
        t = now_s();
        if (upload) {
            snprintf(sn, sizeof sn, "BCJ614KM9%05luZ", (unsigned long)(i % 100000));
            if (meslink_ate_sn_detail_upload(c, "1037020031", sn) != MESLINK_OK) fail("upload");
        } else if (meslink_ate_sn_detail_get(c, "1037020031", buf, sizeof buf, NULL) !=
                   MESLINK_OK) {
            fail("get");
        }
        lat[i] = (now_s() - t) * 1e6;
    }
    t = now_s() - start;
    cpu = process_cpu_s() - cpu;
    switches = csw() - switches;
    qsort(lat, n, sizeof *lat, cmp_double);
    printf("{\"row\":\"meslink C ABI (%s)\",\"n\":%lu,\"secs\":%.6f,\"p50_us\":%.1f,"
           "\"p99_us\":%.1f,\"cpu_s\":%.6f,\"csw\":%ld}\n",
           what, (unsigned long)n, t, pct(lat, n, 0.5), pct(lat, n, 0.99), cpu, switches);
    free(lat);
    meslink_client_close(c);
    return 0;
}

static int batch(const char *url, size_t n, unsigned concurrency) {
    size_t cap = n * 200 + 64, at = 0, i;
    char *params = malloc(cap), *answer = malloc(cap);
    uint32_t len = 0;
    int32_t c = open_client(url), rc;
    double t;
    params[at++] = '[';
    for (i = 0; i < n; i++) {
        at += (size_t)snprintf(params + at, cap - at,
                               "%s{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\","
                               "\"barcode\":\"CB-%06lu\",\"testTime\":\"2024-05-06 07:08:09\","
                               "\"workStep\":\"W1\",\"voltage\":3.2}",
                               i ? "," : "", (unsigned long)i);
    }
    params[at++] = ']';
    params[at] = 0;
    t = now_s();
    rc = meslink_client_call_batch(c, "grading.save", params, concurrency, answer,
                                   (uint32_t)cap, &len);
    t = now_s() - t;
    if (rc != MESLINK_OK) fail("meslink_client_call_batch");
    if (strstr(answer, "{\"error\"")) {
        fprintf(stderr, "bench (C): a record failed: %.300s\n", strstr(answer, "{\"error\""));
        return 1;
    }
    printf("{\"row\":\"meslink batch, C ABI (c=%u)\",\"n\":%lu,\"secs\":%.6f,\"p50_us\":null,"
           "\"p99_us\":null}\n",
           concurrency, (unsigned long)n, t);
    free(params);
    free(answer);
    meslink_client_close(c);
    return 0;
}

/* ns (thread CPU time) per call of `body`, n times. */
#define TIME_NS(row, n, body)                                                             \
    do {                                                                                  \
        size_t i_;                                                                        \
        double t_ = cpu_s();                                                              \
        for (i_ = 0; i_ < (n); i_++) {                                                    \
            body;                                                                         \
        }                                                                                 \
        t_ = cpu_s() - t_;                                                                \
        printf("{\"row\":\"%s\",\"n\":%lu,\"secs\":%.6f,\"ns_per_call\":%.1f}\n", row,    \
               (unsigned long)(n), t_, t_ * 1e9 / (double)(n));                           \
    } while (0)

static volatile size_t g_sink;

static int ffi(size_t n, const char *url) {
    char small[4], err[256];
    uint32_t len = 0;
    TIME_NS("C: meslink_status_str", n, g_sink += (size_t)meslink_status_str(-9));
    TIME_NS("C: meslink_version", n, g_sink += (size_t)meslink_version());
    TIME_NS("C: meslink_error_last (empty)", n,
            g_sink += (size_t)meslink_error_last(err, sizeof err, &len));
    TIME_NS("C: meslink_error_last_json (empty)", n,
            g_sink += (size_t)meslink_error_last_json(err, sizeof err, &len));
    if (url) {
        /* One real call into a 4-byte buffer keeps its answer; asking the kept answer's
         * length again (a buffer still too small) leaves it kept: no I/O per call. */
        int32_t c = open_client(url);
        if (meslink_ate_sn_detail_get(c, "1037020031", small, sizeof small, &len) !=
            MESLINK_E_BUFFER_TOO_SMALL)
            fail("keeping an answer");
        TIME_NS("C: meslink_answer_fetch (kept answer, length query)", n,
                g_sink += (size_t)meslink_answer_fetch(small, sizeof small, &len));
        meslink_client_close(c);
    }
    return 0;
}

int main(int argc, char **argv) {
    if ((argc == 3 || argc == 4) && strcmp(argv[1], "ffi") == 0)
        return ffi((size_t)strtoul(argv[2], NULL, 10), argc == 4 ? argv[3] : NULL);
    if (argc == 5 && strcmp(argv[1], "seq") == 0)
        return seq(argv[2], (size_t)strtoul(argv[3], NULL, 10), argv[4]);
    if (argc == 5 && strcmp(argv[1], "batch") == 0)
        return batch(argv[2], (size_t)strtoul(argv[3], NULL, 10),
                     (unsigned)strtoul(argv[4], NULL, 10));
    fprintf(stderr, "usage: bench seq URL N upload|get | batch URL N CONCURRENCY | ffi N\n");
    return 2;
}
