/*
 * Live-stream benchmark, C polling loop (meslink_stream_next).
 *
 *   stream URL BURST RATES SECONDS
 *
 * Opens a client on the simulator at URL, a stream (queue of 1,048,576 events) and
 * subscribes one machine. Then:
 *   burst: asks the simulator for BURST stamped deltas sent as fast as it can
 *          (POST /_sim/mgm/realtime {"burst":N}) and reads them all: events/s from the
 *          request to the last receipt, delay of each event from its send stamp;
 *   paced: for each rate of RATES (comma-separated), sets events_per_sec=RATE with
 *          stamping and reads for SECONDS: events/s received, delay of each event
 *          (phase "paced-RATE").
 * The delay is the receipt time (CLOCK_REALTIME) minus the event's "sent_us", the
 * simulator's wall clock as it built the frame (same machine, same clock).
 *
 * CPU time per event: this process's (getrusage) and, when MESLINK_BENCH_SIM_PID names the
 * simulator's process, the simulator's (/proc/PID/stat), over the phase; -1 when unknown.
 * These do not depend on how loaded the machine is.
 *
 * Prints one line per phase:
 *   RESULT|C|<phase>|<events>|<seconds>|<events/s>|<p50 ms>|<p99 ms>|<dropped>|<own CPU us/event>|<sim CPU us/event>
 */
#define _POSIX_C_SOURCE 200809L

#include "meslink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MACHINE "8wCxAAAAAAABAAA="

static int g_port;

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void die(const char *what) {
    char err[2048] = "";
    meslink_error_last(err, sizeof err, NULL);
    fprintf(stderr, "stream bench: %s: %s\n", what, err);
    exit(1);
}

/* POST body to the simulator's control path; 0 on HTTP 200. */
static int sim_post(const char *path, const char *body) {
    struct sockaddr_in addr;
    char req[1024], answer[256];
    ssize_t n;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)g_port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    snprintf(req, sizeof req,
             "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
             path, strlen(body), body);
    if (write(fd, req, strlen(req)) != (ssize_t)strlen(req)) {
        close(fd);
        return -1;
    }
    n = read(fd, answer, sizeof answer - 1);
    close(fd);
    if (n <= 0) return -1;
    answer[n] = 0;
    return strncmp(answer, "HTTP/1.1 200", 12) == 0 ? 0 : -1;
}

/* This process's CPU time (user + system), microseconds. */
static long long own_cpu_us(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000LL + ru.ru_utime.tv_usec +
           ru.ru_stime.tv_usec;
}

/* The simulator's CPU time (utime + stime of /proc/PID/stat), microseconds; -1 unknown. */
static long long sim_cpu_us(void) {
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
    /* after the command: state, then fields 4..13; utime and stime are fields 14 and 15 */
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
        return -1;
    return (long long)(ut + st) * 1000000LL / sysconf(_SC_CLK_TCK);
}

static long long g_own0, g_sim0;

static void cpu_start(void) {
    g_own0 = own_cpu_us();
    g_sim0 = sim_cpu_us();
}

static int cmp_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static double pct_ms(long long *v, size_t n, double p) {
    if (n == 0) return 0;
    size_t i = (size_t)(p * (double)(n - 1));
    return (double)v[i] / 1000.0;
}

static char buf[8192];

/* The next event within 5 s; its send stamp in *sent (0 if none). 0 ok, -1 none came. */
static int next_event(int32_t s, long long *sent, long long *recv) {
    uint32_t len = 0;
    int32_t rc = meslink_stream_next(s, 5000, buf, sizeof buf, &len);
    *recv = now_us();
    if (rc == MESLINK_NO_EVENT) return -1;
    if (rc != MESLINK_OK) die("meslink_stream_next");
    const char *p = strstr(buf, "\"sent_us\":");
    *sent = p ? strtoll(p + 10, NULL, 10) : 0;
    return 0;
}

/* Takes and discards the next event within ms; 0 one came, -1 none. */
static int next_event_within(int32_t s, uint32_t ms) {
    uint32_t len = 0;
    return meslink_stream_next(s, ms, buf, sizeof buf, &len) == MESLINK_OK ? 0 : -1;
}

static long long dropped(int32_t s) {
    char stats[256];
    uint32_t len;
    if (meslink_stream_stats(s, stats, sizeof stats, &len) != MESLINK_OK) die("stats");
    const char *p = strstr(stats, "\"dropped\":");
    return p ? strtoll(p + 10, NULL, 10) : -1;
}

static void report(const char *phase, size_t events, double secs, long long *delays, size_t n,
                   long long drops) {
    long long own = own_cpu_us() - g_own0, sim = sim_cpu_us();
    double per = events ? 1.0 / (double)events : 0;
    qsort(delays, n, sizeof *delays, cmp_ll);
    printf("RESULT|C|%s|%zu|%.3f|%.0f|%.3f|%.3f|%lld|%.2f|%.2f\n", phase, events, secs,
           secs > 0 ? (double)events / secs : 0.0, pct_ms(delays, n, 0.50),
           pct_ms(delays, n, 0.99), drops, (double)own * per,
           (sim < 0 || g_sim0 < 0) ? -1.0 : (double)(sim - g_sim0) * per);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: stream URL BURST RATES SECONDS\n");
        return 2;
    }
    const char *url = argv[1];
    size_t burst = (size_t)strtoull(argv[2], NULL, 10);
    double rate = 0, seconds = atof(argv[4]);
    char rates[256], *save = NULL;
    snprintf(rates, sizeof rates, "%s", argv[3]);
    for (char *r = strtok_r(rates, ",", &save); r; r = strtok_r(NULL, ",", &save))
        if (atof(r) > rate) rate = atof(r);
    snprintf(rates, sizeof rates, "%s", argv[3]);
    const char *colon = strrchr(url, ':');
    g_port = colon ? atoi(colon + 1) : 0;
    size_t cap = burst > (size_t)(rate * seconds * 1.5) ? burst : (size_t)(rate * seconds * 1.5);
    long long *delays = malloc((cap + 16) * sizeof *delays);
    char config[512], body[128];
    int32_t c, s;
    long long sent, recv;
    size_t n = 0, with_stamp = 0, i;

    if (!delays) return 1;
    if (sim_post("/_sim/mgm/realtime", "{\"events_per_sec\":0,\"stamp\":true}") != 0) {
        fprintf(stderr, "stream bench: cannot reach the simulator's control API at %s\n", url);
        return 1;
    }
    snprintf(config, sizeof config,
             "{\"mgm\":{\"base_url\":\"%s/v1\",\"app_key\":\"meslink-app\","
             "\"app_secret\":\"meslink-secret\"},\"timeout_ms\":20000}",
             url);
    if (meslink_client_open(config, &c) != MESLINK_OK) die("meslink_client_open");
    if (meslink_stream_open(c, "{\"queue_capacity\":1048576}", &s) != MESLINK_OK)
        die("meslink_stream_open");
    if (meslink_stream_subscribe(s, MACHINE) != MESLINK_OK) die("meslink_stream_subscribe");
    for (i = 0; i < 2; i++) /* status and full record */
        if (next_event(s, &sent, &recv) != 0) die("no status / record after subscribing");

    /* ---- burst ---- */
    snprintf(body, sizeof body, "{\"burst\":%zu}", burst);
    cpu_start();
    long long t0 = now_us(), last = t0;
    if (sim_post("/_sim/mgm/realtime", body) != 0) die("burst request");
    while (n < burst) {
        if (next_event(s, &sent, &recv) != 0) break;
        if (sent) delays[with_stamp++] = recv - sent;
        last = recv;
        n++;
    }
    if (n < burst) fprintf(stderr, "stream bench: burst: %zu of %zu events came\n", n, burst);
    report("burst", n, (double)(last - t0) / 1e6, delays, with_stamp, dropped(s));

    /* ---- paced, at each rate ---- */
    save = NULL;
    for (char *r = strtok_r(rates, ",", &save); r && seconds > 0; r = strtok_r(NULL, ",", &save)) {
        char phase[64];
        rate = atof(r);
        if (rate <= 0) continue;
        snprintf(phase, sizeof phase, "paced-%.0f", rate);
        long long drops_before = dropped(s);
        snprintf(body, sizeof body, "{\"events_per_sec\":%.0f}", rate);
        if (sim_post("/_sim/mgm/realtime", body) != 0) die("rate request");
        /* Half a second to settle, then the measured window. */
        long long settle = now_us() + 500000;
        while (now_us() < settle) next_event(s, &sent, &recv);
        n = with_stamp = 0;
        cpu_start();
        t0 = now_us();
        long long end = t0 + (long long)(seconds * 1e6);
        while ((recv = now_us()) < end) {
            if (next_event(s, &sent, &recv) != 0) break;
            if (sent && with_stamp < cap) delays[with_stamp++] = recv - sent;
            n++;
        }
        last = now_us();
        sim_post("/_sim/mgm/realtime", "{\"events_per_sec\":0}");
        /* what was sent before the rate went to 0 is read and left out */
        while (next_event_within(s, 200) == 0) {
        }
        report(phase, n, (double)(last - t0) / 1e6, delays, with_stamp,
               dropped(s) - drops_before);
    }
    sim_post("/_sim/mgm/realtime", "{\"stamp\":false,\"events_per_sec\":20}");
    meslink_stream_close(s);
    meslink_client_close(c);
    free(delays);
    return 0;
}
