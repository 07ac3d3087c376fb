/*
 * File-transfer benchmark from C: one file through mgm.file_transfer
 * (meslink_transfer_start / meslink_transfer_wait), RUNS times.
 *
 *   transfer URL FILE RUNS [CHUNK]
 *
 * Before each run the peak-RSS mark is reset (writing 5 to /proc/self/clear_refs), and
 * VmRSS read; after the transfer, VmHWM (the peak since the reset) and VmRSS. Prints one
 * line per run:
 *   RESULT|C|<chunk>|<bytes>|<seconds>|<MB/s>|<rss before KiB>|<peak growth KiB>|<rss after KiB>|<own CPU s>|<sim CPU s>
 * MB is 10^6 bytes. CPU: this process's (getrusage) and the simulator's when
 * MESLINK_BENCH_SIM_PID names it (/proc/PID/stat; -1 when unknown), over the run.
 */
#define _POSIX_C_SOURCE 200809L

#include "meslink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#define MACHINE "8wCxAAAAAAABAAA="

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what) {
    char err[2048] = "";
    meslink_error_last(err, sizeof err, NULL);
    fprintf(stderr, "transfer bench: %s: %s\n", what, err);
    exit(1);
}

/* A "Vm...:" figure of /proc/self/status, in KiB. */
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

static double own_cpu_s(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* The simulator's CPU time (utime + stime of /proc/PID/stat), seconds; -1 unknown. */
static double sim_cpu_s(void) {
    const char *pid = getenv("MESLINK_BENCH_SIM_PID");
    char path[64], line[2048];
    unsigned long long ut, st;
    FILE *f;
    if (!pid || !*pid) return -1;
    snprintf(path, sizeof path, "/proc/%s/stat", pid);
    f = fopen(path, "r");
    if (!f) return -1;
    if (!fgets(line, sizeof line, f)) line[0] = 0;
    fclose(f);
    const char *p = strrchr(line, ')');
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
        return -1;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static void reset_peak(void) {
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (f) {
        fputs("5", f);
        fclose(f);
    }
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: transfer URL FILE RUNS [CHUNK]\n");
        return 2;
    }
    const char *url = argv[1], *file = argv[2];
    int runs = atoi(argv[3]);
    long chunk = argc > 4 ? atol(argv[4]) : 65536;
    struct stat st;
    char config[512], request[1024], progress[1024];
    uint32_t len;
    int32_t c, t;

    if (stat(file, &st) != 0) {
        perror(file);
        return 1;
    }
    snprintf(config, sizeof config,
             "{\"mgm\":{\"base_url\":\"%s/v1\",\"app_key\":\"meslink-app\","
             "\"app_secret\":\"meslink-secret\"},\"timeout_ms\":60000}",
             url);
    if (meslink_client_open(config, &c) != MESLINK_OK) die("meslink_client_open");
    for (int run = 0; run < runs; run++) {
        snprintf(request, sizeof request,
                 "{\"path\":\"%s\",\"cloud_path\":\"/bench\",\"machine_id\":\"" MACHINE "\","
                 "\"storage_type\":0,\"file_name\":\"bench-c-%d-%ld.bin\",\"chunk_size\":%ld}",
                 file, run, chunk, chunk);
        reset_peak();
        long before = status_kib("VmRSS");
        double own0 = own_cpu_s(), sim0 = sim_cpu_s();
        double t0 = now_s();
        if (meslink_transfer_start(c, request, &t) != MESLINK_OK) die("meslink_transfer_start");
        int32_t rc = meslink_transfer_wait(t, 120000, progress, sizeof progress, &len);
        double secs = now_s() - t0;
        if (rc != MESLINK_OK) die("meslink_transfer_wait");
        if (!strstr(progress, "\"finished\":true")) {
            fprintf(stderr, "transfer bench: not finished: %s\n", progress);
            return 1;
        }
        long peak = status_kib("VmHWM"), after = status_kib("VmRSS");
        double own = own_cpu_s() - own0, sim1 = sim_cpu_s();
        meslink_transfer_close(t);
        printf("RESULT|C|%ld|%lld|%.3f|%.1f|%ld|%ld|%ld|%.2f|%.2f\n", chunk, (long long)st.st_size,
               secs, (double)st.st_size / secs / 1e6, before, peak - before, after, own,
               (sim0 < 0 || sim1 < 0) ? -1.0 : sim1 - sim0);
        fflush(stdout);
    }
    meslink_client_close(c);
    return 0;
}
