/*
 * Live-stream benchmark, C polling loop (meslink_stream_next).
 *
 *   stream URL BURST RATE SECONDS
 *
 * Opens a client on the simulator at URL, a stream (queue of 1,048,576 events) and
 * subscribes one machine. Then:
 *   burst: asks the simulator for BURST stamped deltas sent as fast as it can
 *          (POST /_sim/mgm/realtime {"burst":N}) and reads them all: events/s from the
 *          request to the last receipt, delay of each event from its send stamp;
 *   paced: sets events_per_sec=RATE with stamping and reads for SECONDS: events/s
 *          received, delay of each event.
 * The delay is the receipt time (CLOCK_REALTIME) minus the event's "sent_us", the
 * simulator's wall clock as it built the frame (same machine, same clock).
 *
 * Prints one line per phase:
 *   RESULT|C|<phase>|<events>|<seconds>|<events/s>|<p50 ms>|<p99 ms>|<dropped>
 */
#define _POSIX_C_SOURCE 200809L

#include "meslink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static long long dropped(int32_t s) {
    char stats[256];
    uint32_t len;
    if (meslink_stream_stats(s, stats, sizeof stats, &len) != MESLINK_OK) die("stats");
    const char *p = strstr(stats, "\"dropped\":");
    return p ? strtoll(p + 10, NULL, 10) : -1;
}

static void report(const char *phase, size_t events, double secs, long long *delays, size_t n,
                   long long drops) {
    qsort(delays, n, sizeof *delays, cmp_ll);
    printf("RESULT|C|%s|%zu|%.3f|%.0f|%.3f|%.3f|%lld\n", phase, events, secs,
           secs > 0 ? (double)events / secs : 0.0, pct_ms(delays, n, 0.50),
           pct_ms(delays, n, 0.99), drops);
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: stream URL BURST RATE SECONDS\n");
        return 2;
    }
    const char *url = argv[1];
    size_t burst = (size_t)strtoull(argv[2], NULL, 10);
    double rate = atof(argv[3]), seconds = atof(argv[4]);
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

    /* ---- paced ---- */
    if (rate > 0 && seconds > 0) {
        long long drops_before = dropped(s);
        snprintf(body, sizeof body, "{\"events_per_sec\":%.0f}", rate);
        if (sim_post("/_sim/mgm/realtime", body) != 0) die("rate request");
        /* Half a second to settle, then the measured window. */
        long long settle = now_us() + 500000;
        while (now_us() < settle) next_event(s, &sent, &recv);
        n = with_stamp = 0;
        t0 = now_us();
        long long end = t0 + (long long)(seconds * 1e6);
        while ((recv = now_us()) < end) {
            if (next_event(s, &sent, &recv) != 0) break;
            if (sent && with_stamp < cap) delays[with_stamp++] = recv - sent;
            n++;
        }
        last = now_us();
        sim_post("/_sim/mgm/realtime", "{\"events_per_sec\":0}");
        report("paced", n, (double)(last - t0) / 1e6, delays, with_stamp,
               dropped(s) - drops_before);
    }
    sim_post("/_sim/mgm/realtime", "{\"stamp\":false,\"events_per_sec\":20}");
    meslink_stream_close(s);
    meslink_client_close(c);
    free(delays);
    return 0;
}
