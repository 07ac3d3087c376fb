/*
 * A station that spools ATE SN uploads: the process the SIGKILL loop
 * (tests/faults/kill_loop.py) kills at random moments and starts again.
 *
 *   spool_writer SPOOL_PATH LETTER FIRST COUNT DRAIN_MS
 *
 * Opens a client of $MESLINK_SIM_URL whose spool is SPOOL_PATH, enqueues
 * ate.sn_detail.upload of the SNs B<LETTER>J614KM9<nnnnn>Z for nnnnn = FIRST ..
 * FIRST+COUNT-1 on work order 1037020031, and prints "ACK <seq> <sn>" (flushed) after
 * each enqueue returned, that is once the record is on disk. Then waits up to DRAIN_MS
 * for the spool to drain and prints "STATUS <json>" and "DRAINED" or "PENDING".
 *
 * Exits 0 when drained, 3 when not drained in time, 1 on any error (printed to stderr
 * with the library's last error). Plain C11.
 */
#include "meslink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORK_ORDER "1037020031" /* rule ^B[A-Z]J614KM9\d{5}Z$ */

static int fail(const char *what) {
    char err[2048];
    if (meslink_error_last(err, sizeof err, NULL) != MESLINK_OK) strcpy(err, "(unreadable)");
    fprintf(stderr, "spool_writer: %s: %s\n", what, err);
    return 1;
}

/* Writes `s` as a JSON string body (without quotes); paths need only \ and " escaped. */
static void json_escape(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (; *s && n + 2 < cap; s++) {
        if (*s == '"' || *s == '\\') out[n++] = '\\';
        out[n++] = *s;
    }
    out[n] = '\0';
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: spool_writer SPOOL_PATH LETTER FIRST COUNT DRAIN_MS\n");
        return 2;
    }
    const char *url = getenv("MESLINK_SIM_URL");
    if (!url) {
        fprintf(stderr, "set MESLINK_SIM_URL=http://127.0.0.1:PORT\n");
        return 2;
    }
    const char letter = argv[2][0];
    const long first = strtol(argv[3], NULL, 10);
    const long count = strtol(argv[4], NULL, 10);
    const long drain_ms = strtol(argv[5], NULL, 10);
    if (letter < 'A' || letter > 'Z' || first < 0 || count < 0 || first + count > 100000 ||
        drain_ms < 0) {
        fprintf(stderr, "spool_writer: bad arguments\n");
        return 2;
    }

    char path[1024];
    char config[2048];
    json_escape(argv[1], path, sizeof path);
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"retry\":{\"max_attempts\":2,\"initial_backoff_ms\":5,\"max_backoff_ms\":20},"
             "\"timeout_ms\":10000,"
             "\"spool\":{\"path\":\"%s\",\"max_attempts\":0,"
             "\"backoff_initial_ms\":5,\"backoff_max_ms\":100}}",
             url, path);
    int32_t client = -1;
    if (meslink_client_open(config, &client) != MESLINK_OK) return fail("client_open");

    for (long i = first; i < first + count; i++) {
        char params[256];
        char sn[32];
        snprintf(sn, sizeof sn, "B%cJ614KM9%05ldZ", letter, i);
        snprintf(params, sizeof params, "{\"work_order\":\"" WORK_ORDER "\",\"sn\":\"%s\"}", sn);
        int64_t seq = 0;
        if (meslink_spool_enqueue(client, "ate.sn_detail.upload", params, &seq) != MESLINK_OK)
            return fail("spool_enqueue");
        printf("ACK %lld %s\n", (long long)seq, sn);
        fflush(stdout);
    }

    int32_t rc = meslink_spool_drain(client, (uint32_t)drain_ms);
    char status[512];
    uint32_t len = 0;
    if (meslink_spool_status(client, status, sizeof status, &len) != MESLINK_OK)
        return fail("spool_status");
    printf("STATUS %s\n%s\n", status, rc == MESLINK_OK ? "DRAINED" : "PENDING");
    fflush(stdout);
    if (rc != MESLINK_OK && rc != MESLINK_E_TIMEOUT) return fail("spool_drain");
    meslink_client_close(client);
    return rc == MESLINK_OK ? 0 : 3;
}
