/*
 * Memory benchmark through the C ABI: RSS of the process after 10,000 ... N calls of
 * ate.sn_detail.get (one small GET to the simulator, a work order of the seed) made with
 * meslink_client_call on one client, from THREADS threads sharing it.
 *
 *   memory URL N THREADS
 *
 * The calls run in phases up to each checkpoint (10,000, 100,000, 250,000, 500,000,
 * 1,000,000, ... capped at N, and N itself); after each phase the threads are joined and
 * VmRSS / VmHWM read. Prints one line per checkpoint:
 *   RESULT|<calls>|<seconds so far>|<calls/s of the phase>|<VmRSS KiB>|<VmHWM KiB>|<failures>
 */
#define _POSIX_C_SOURCE 200809L

#include "meslink.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int32_t g_client;
static atomic_long g_next, g_failures;
static long g_target;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long status_kib(const char *key) {
    char line[256];
    long v = -1;
    size_t klen = strlen(key);
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
            v = strtol(line + klen + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

static void *worker(void *arg) {
    char buf[4096];
    uint32_t len;
    (void)arg;
    while (atomic_fetch_add(&g_next, 1) < g_target) {
        int32_t rc = meslink_client_call(g_client, "ate.sn_detail.get",
                                         "{\"work_order\":\"1037020032\"}", buf, sizeof buf, &len);
        if (rc != MESLINK_OK) {
            if (atomic_fetch_add(&g_failures, 1) < 5) {
                char err[1024] = "";
                meslink_error_last(err, sizeof err, NULL);
                fprintf(stderr, "memory bench: call failed (%d): %s\n", rc, err);
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: memory URL N THREADS\n");
        return 2;
    }
    const char *url = argv[1];
    long n = atol(argv[2]);
    int threads = atoi(argv[3]);
    long checkpoints[] = {10000, 100000, 250000, 500000, 1000000, 2000000, 5000000};
    char config[1024];
    pthread_t tids[64];
    double start, phase_start;
    long done = 0;

    if (threads < 1 || threads > 64) return 2;
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"timeout_ms\":20000}",
             url);
    if (meslink_client_open(config, &g_client) != MESLINK_OK) {
        fprintf(stderr, "memory bench: meslink_client_open failed\n");
        return 1;
    }
    start = now_s();
    for (size_t k = 0; k <= sizeof checkpoints / sizeof *checkpoints; k++) {
        long target = k < sizeof checkpoints / sizeof *checkpoints ? checkpoints[k] : n;
        if (target > n) target = n;
        if (target <= done) continue;
        g_target = target;
        atomic_store(&g_next, done);
        phase_start = now_s();
        for (int i = 0; i < threads; i++) pthread_create(&tids[i], NULL, worker, NULL);
        for (int i = 0; i < threads; i++) pthread_join(tids[i], NULL);
        double phase = now_s() - phase_start;
        printf("RESULT|%ld|%.1f|%.0f|%ld|%ld|%ld\n", target, now_s() - start,
               (double)(target - done) / phase, status_kib("VmRSS"), status_kib("VmHWM"),
               atomic_load(&g_failures));
        fflush(stdout);
        done = target;
    }
    meslink_client_close(g_client);
    return atomic_load(&g_failures) ? 1 : 0;
}
