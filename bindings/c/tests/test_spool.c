/*
 * The store-and-forward spool through the C ABI (meslink_spool_*), against the simulator:
 * records enqueued while the server is unreachable are kept on disk, survive the client's
 * close, and arrive when a client of the same file reaches the server (the work order's
 * SN_QTY counts them); a rule-check NG goes to the dead letters with the server's words,
 * and is retried or discarded; refused ids store nothing; a second client of the same
 * file makes direct calls but cannot spool; a record that keeps failing is parked, and
 * parked and pending records are listed, retried and discarded.
 *
 * Needs MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh sets it). The spool file goes
 * to $TMPDIR (or %TEMP%, or the current directory). The harness is check.h.
 * Prints each failure and, last, "N passed, N failed"; exits 1 if anything failed.
 */
#include "check.h"


#define WO "1037020031" /* rule ^B[A-Z]J614KM9\d{5}Z$ */
#define RECORDS 8

static char g_path[1024];

static void remove_spool_files(void) {
    static const char *suffixes[] = {"", "-wal", "-shm", ".forwarder", ".forwarder-journal"};
    char name[1100];
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(name, sizeof name, "%s%s", g_path, suffixes[i]);
        remove(name);
    }
}

/* A client of `url` whose spool is g_path, `more` added to its spool section ("" or
 * ",\"key\":value..."); *rc gets the open's status. */
static int32_t open_spooling_with(const char *url, const char *more, int32_t *rc) {
    char config[8192];
    int32_t id = 0;
    /* JSON strings: a Windows path's backslashes doubled. */
    char escaped[2048];
    size_t j = 0;
    for (size_t i = 0; g_path[i] && j + 2 < sizeof escaped; i++) {
        if (g_path[i] == '\\') escaped[j++] = '\\';
        escaped[j++] = g_path[i];
    }
    escaped[j] = '\0';
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},"
             "\"timeout_ms\":5000,\"connect_timeout_ms\":1000,"
             "\"retry\":{\"max_attempts\":2,\"initial_backoff_ms\":20,\"max_backoff_ms\":50},"
             "\"spool\":{\"path\":\"%s\",\"backoff_initial_ms\":20,\"backoff_max_ms\":200%s}}",
             url, url, escaped, more);
    *rc = meslink_client_open(config, &id);
    return id;
}

static int32_t open_spooling(const char *url, int32_t *rc) {
    return open_spooling_with(url, "", rc);
}

static long json_count(const char *json, const char *key);

/* Waits up to 30 s for the spool's count `key` to reach `want`. */
static int wait_count(int32_t c, const char *key, long want) {
    static char buf[4096];
    for (int i = 0; i < 1500; i++) {
        if (meslink_spool_status(c, buf, sizeof buf, NULL) == MESLINK_OK &&
            json_count(buf, key) == want)
            return 1;
        sleep_ms(20);
    }
    fprintf(stderr, "%s never reached %ld: %s\n", key, want, buf);
    return 0;
}

/* The work order's SN_QTY: accepted uploads so far. */
static long sn_qty(int32_t c) {
    static char buf[4096];
    if (meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}", buf,
                            sizeof buf, NULL) != MESLINK_OK) {
        fprintf(stderr, "ate.sn_detail.get: %s\n", last_error());
        return -1;
    }
    const char *at = strstr(buf, "\"SN_QTY\":");
    return at ? strtol(at + 9, NULL, 10) : -1;
}

static long json_count(const char *json, const char *key) {
    char needle[64];
    snprintf(needle, sizeof needle, "\"%s\":", key);
    const char *at = strstr(json, needle);
    return at ? strtol(at + strlen(needle), NULL, 10) : -1;
}

int main(void) {
    static char buf[65536];
    uint32_t len = 0;
    int32_t rc = 0;
    int64_t seq = -1, first_seq = 0, bad_seq = 0;
    const char *url = g_url;
    if (check_init() != 0) return 2;
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = getenv("TEMP");
    if (!dir || !*dir) dir = ".";
    snprintf(g_path, sizeof g_path, "%s/meslink-test-spool-c.db", dir);
    remove_spool_files();

    /* 1. The server unreachable (nothing listens on port 1): records wait on disk. */
    int32_t off = open_spooling("http://127.0.0.1:1", &rc);
    CHECK_RC(rc, MESLINK_OK);
    for (int i = 0; i < RECORDS; i++) {
        char params[256];
        snprintf(params, sizeof params, "{\"work_order\":\"" WO "\",\"sn\":\"BAJ614KM95%04dZ\"}",
                 i);
        CHECK_RC(meslink_spool_enqueue(off, "ate.sn_detail.upload", params, &seq), MESLINK_OK);
        if (i == 0) first_seq = seq;
        CHECK(seq == first_seq + i);
    }
    /* A rule-check NG, in the middle of the queue. */
    CHECK_RC(meslink_spool_enqueue(off, "ate.sn_detail.upload",
                                   "{\"work_order\":\"" WO "\",\"sn\":\"NOT-A-VALID-SN\"}",
                                   &bad_seq),
             MESLINK_OK);
    CHECK_RC(meslink_spool_enqueue(off, "ate.sn_detail.upload",
                                   "{\"work_order\":\"" WO "\",\"sn\":\"BAJ614KM959999Z\"}", &seq),
             MESLINK_OK);

    /* Refused: not spoolable, unknown, bad params, NULLs; out_seq is 0 then. */
    seq = -1;
    CHECK_RC(meslink_spool_enqueue(off, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}", &seq),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK(seq == 0);
    CHECK_HAS(last_error(), "is not spoolable");
    CHECK_RC(meslink_spool_enqueue(off, "ate.sn_detail.upload", "{\"work_order\":1}", &seq),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "\"sn\"");
    CHECK_RC(meslink_spool_enqueue(off, "ate.sn_detail.upload", "{not json", &seq),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_spool_enqueue(off, NULL, "{}", &seq), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_spool_enqueue(0, "grading.save", "{}", &seq), MESLINK_E_INVALID_HANDLE);

    CHECK_RC(meslink_spool_drain(off, 200), MESLINK_E_TIMEOUT);
    CHECK_HAS(last_error(), "records pending");
    CHECK_RC(meslink_spool_status(off, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_count(buf, "pending") == RECORDS + 2);
    CHECK(json_count(buf, "delivered") == 0);
    CHECK(len == strlen(buf));
    /* A small buffer: the length needed, the answer kept. */
    CHECK_RC(meslink_spool_status(off, buf, 4, &len), MESLINK_E_BUFFER_TOO_SMALL);
    CHECK(len > 4);
    CHECK_RC(meslink_spool_list(off, "pending", 2, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"call_id\":\"ate.sn_detail.upload\"");
    CHECK_HAS(buf, "BAJ614KM950000Z");
    CHECK(strstr(buf, "BAJ614KM950002Z") == NULL); /* limit 2 */
    CHECK_RC(meslink_spool_list(off, "everything", 10, buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);

    /* A second client of the same file opens and makes direct calls; its spool says why
     * it cannot spool. */
    int32_t twice = open_spooling(url, &rc);
    CHECK_RC(rc, MESLINK_OK);
    CHECK(sn_qty(twice) >= 0);
    CHECK_RC(meslink_spool_status(twice, buf, sizeof buf, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "already being forwarded");
    CHECK_RC(meslink_client_close(twice), MESLINK_OK);

    /* 2. Closed, then a client that reaches the server: everything arrives. The count
     * before is read by a client without a spool, before the spooling one starts. */
    CHECK_RC(meslink_client_close(off), MESLINK_OK);
    char plain_config[1024];
    int32_t plain = 0;
    snprintf(plain_config, sizeof plain_config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}}",
             url);
    CHECK_RC(meslink_client_open(plain_config, &plain), MESLINK_OK);
    long before = sn_qty(plain);
    CHECK(before >= 0);
    int32_t c = open_spooling(url, &rc);
    CHECK_RC(rc, MESLINK_OK);
    CHECK_RC(meslink_spool_drain(c, 60000), MESLINK_OK);
    long after = sn_qty(c);
    CHECK(after == before + RECORDS + 1);
    CHECK_RC(meslink_spool_status(c, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_count(buf, "pending") == 0);
    CHECK(json_count(buf, "dead") == 1);
    CHECK(json_count(buf, "delivered") == RECORDS + 1);

    /* 3. The dead letter: the server's words; retry and discard. */
    CHECK_RC(meslink_spool_list(c, "dead", 10, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "NOT-A-VALID-SN");
    CHECK_HAS(buf, "\"server_message\":\"SN RULER CHECK NG!FIX\"");
    CHECK_RC(meslink_spool_retry(c, bad_seq), MESLINK_OK);
    CHECK_RC(meslink_spool_drain(c, 60000), MESLINK_OK); /* refused again: dead again */
    CHECK_RC(meslink_spool_status(c, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_count(buf, "dead") == 1);
    CHECK_RC(meslink_spool_discard(c, bad_seq), MESLINK_OK);
    CHECK_RC(meslink_spool_discard(c, bad_seq), MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "no record with seq");
    CHECK_RC(meslink_spool_retry(c, 123456789), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_spool_status(c, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_count(buf, "dead") == 0);
    CHECK(sn_qty(c) == after);
    CHECK_RC(meslink_client_close(c), MESLINK_OK);

    /* 4. Parked and pending records: the grading server unreachable, parked after two
     * attempts, retried hourly; the second CELL-P1 waits behind the first. */
    remove_spool_files();
    int64_t a = 0, b = 0, a2 = 0;
    int32_t p = open_spooling_with(
        "http://127.0.0.1:1",
        ",\"park_after_attempts\":2,\"park_after_s\":0,\"park_retry_s\":3600", &rc);
    CHECK_RC(rc, MESLINK_OK);
#define CELL(code) "{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\",\"barcode\":\"" code \
                   "\",\"testTime\":\"2024-05-06 07:08:09\",\"workStep\":\"W\"}"
    CHECK_RC(meslink_spool_enqueue(p, "grading.save", CELL("CELL-P1"), &a), MESLINK_OK);
    CHECK_RC(meslink_spool_enqueue(p, "grading.save", CELL("CELL-P2"), &b), MESLINK_OK);
    CHECK_RC(meslink_spool_enqueue(p, "grading.save", CELL("CELL-P1"), &a2), MESLINK_OK);
    CHECK(wait_count(p, "parked", 2));
    CHECK_RC(meslink_spool_list(p, "parked", 10, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"state\":\"parked\"");
    CHECK_HAS(buf, "CELL-P2");
    CHECK_HAS(buf, "\"next_attempt_at\":\"");
    CHECK_RC(meslink_spool_list(p, "pending", 10, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"key\":\"CELL-P1\"");
    CHECK_HAS(buf, "\"attempts\":0"); /* never tried: its key waits */
    CHECK_RC(meslink_spool_status(p, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_count(buf, "pending") == 1);
    CHECK(json_count(buf, "parked") == 2);
    /* Retry a parked record: pending again at once. Discard a pending and a parked one. */
    CHECK_RC(meslink_spool_retry(p, b), MESLINK_OK);
    CHECK_RC(meslink_spool_list(p, "pending", 10, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "CELL-P2");
    CHECK_RC(meslink_spool_discard(p, a2), MESLINK_OK);
    CHECK_RC(meslink_spool_discard(p, a), MESLINK_OK);
    CHECK_RC(meslink_spool_discard(p, a), MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "no record with seq");
    CHECK_RC(meslink_spool_list(p, "resent_refused", 10, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(strcmp(buf, "[]") == 0);
    CHECK_RC(meslink_spool_status(p, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_count(buf, "pending") + json_count(buf, "parked") == 1);
    CHECK(json_count(buf, "resent_refused") == 0);
    CHECK_RC(meslink_client_close(p), MESLINK_OK);

    /* A client without a spool. */
    CHECK_RC(meslink_spool_drain(plain, 10), MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "no spool configured");
    CHECK_RC(meslink_client_close(plain), MESLINK_OK);

    remove_spool_files();
    return check_done("test_spool");
}
