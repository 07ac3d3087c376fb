/*
 * Tests of the stream and transfer handles of the meslink C ABI (the machine-tool IoT
 * platform: mgm.realtime, mgm.file_transfer), written against include/meslink.h only.
 *
 * Needs a running simulator: MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh starts
 * it). The test drives the simulator's control API over a plain socket: short token
 * lifetimes (POST /_sim/mgm/tokens), a transfer cut half way (POST /_sim/mgm/transfer),
 * and reads what it received (GET /_sim/state).
 *
 * MESLINK_SOAK_SECONDS (default 60) is how long the soak polls a stream whose token
 * expires every few seconds.
 *
 * Plain C11 + POSIX, with the harness of check.h (Winsock under _WIN32). Under Wine the
 * transferred file is checked by its size in the simulator's record, not its md5 (no
 * md5sum to run there). Prints each failure and, last, "N passed, N failed"; exits 1 if
 * anything failed.
 */
#include "check.h"

#include <unistd.h>

/* ---- fixtures ---------------------------------------------------------------------- */

#define MACHINE_A "8wCxAAAAAAABAAA="
#define MACHINE_B "8wCxAAAAAAAAABg="
#define MACHINE_C "GADIAAAAAgABAAA="

static char buf[16384];
static uint32_t len;

static int32_t open_client(void) {
    char config[1024];
    int32_t id = -1;
    snprintf(config, sizeof config,
             "{\"mgm\":{\"base_url\":\"%s/v1\",\"app_key\":\"meslink-app\","
             "\"app_secret\":\"meslink-secret\"},\"timeout_ms\":20000}",
             g_url);
    CHECK_RC(meslink_client_open(config, &id), MESLINK_OK);
    CHECK(id > 0);
    return id;
}

/* Quick reconnects keep the token-expiry tests short. */
#define FAST_OPTIONS "{\"reconnect_initial_ms\":50,\"reconnect_max_ms\":500}"

static int32_t open_stream(int32_t c, const char *options) {
    int32_t s = -1;
    CHECK_RC(meslink_stream_open(c, options, &s), MESLINK_OK);
    CHECK(s > 0);
    return s;
}

/* The value of the string field `key` in `json` (first occurrence), into `out`. */
static int json_str(const char *json, const char *key, char *out, size_t cap) {
    char pat[64];
    const char *p, *end;
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    p = strstr(json, pat);
    if (!p) return -1;
    p += strlen(pat);
    end = strchr(p, '"');
    if (!end || (size_t)(end - p) >= cap) return -1;
    memcpy(out, p, (size_t)(end - p));
    out[end - p] = 0;
    return 0;
}

/* The value of the number field `key` in `json`, or -1. */
static long long json_num(const char *json, const char *key) {
    char pat[64];
    const char *p;
    snprintf(pat, sizeof pat, "\"%s\":", key);
    p = strstr(json, pat);
    return p ? strtoll(p + strlen(pat), NULL, 10) : -1;
}

static int is_data(const char *event) {
    return strstr(event, "\"type\":\"status\"") || strstr(event, "\"type\":\"snapshot\"") ||
           strstr(event, "\"type\":\"delta\"");
}

/* ---- misuse -------------------------------------------------------------------------- */

static void test_misuse(int32_t c) {
    int32_t s = 99, t = 99, none = 0;
    uint64_t sent = 1, total = 1;

    /* NULL and malformed arguments: refused, nothing opened */
    CHECK_RC(meslink_stream_open(c, NULL, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("out_stream");
    CHECK_RC(meslink_stream_open(c, "{\"transport\":", &s), MESLINK_E_INVALID_ARGUMENT);
    CHECK(s == 0);
    CHECK_ERR("options_json");
    CHECK_RC(meslink_stream_open(c, "{\"queue_size\":5}", &s), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("queue_size");
    CHECK_RC(meslink_stream_open(c, "{\"transport\":\"carrier-pigeon\"}", &s),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_stream_open(c, "{\"queue_capacity\":0}", &s), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("queue_capacity");
    CHECK_RC(meslink_stream_open(0, NULL, &s), MESLINK_E_INVALID_HANDLE);
    CHECK(s == 0);
    {
        /* a client without an mgm section */
        int32_t ate = -1;
        CHECK_RC(meslink_client_open("{\"grading\":{\"base_url\":\"http://127.0.0.1:1\","
                                     "\"datasource\":\"A\"}}",
                                     &ate),
                 MESLINK_OK);
        CHECK_RC(meslink_stream_open(ate, NULL, &s), MESLINK_E_INVALID_ARGUMENT);
        CHECK_ERR("mgm");
        CHECK_RC(meslink_client_close(ate), MESLINK_OK);
    }

    s = open_stream(c, NULL);
    CHECK_RC(meslink_stream_subscribe(s, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("machine_id");
    CHECK_RC(meslink_stream_subscribe(s, ""), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_stream_subscribe(s, "\xff\xfe"), MESLINK_E_ENCODING);
    CHECK_RC(meslink_stream_next(s, 0, NULL, 16, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("buf");
    /* nothing subscribed: nothing arrives (a short wait) */
    CHECK_RC(meslink_stream_next(s, 50, buf, sizeof buf, &len), MESLINK_NO_EVENT);
    CHECK(len == 0 && buf[0] == 0);

    /* a too-small buffer keeps the event for meslink_answer_fetch: nothing is lost */
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_A), MESLINK_OK);
    {
        char tiny[4] = "xyz";
        int32_t rc = meslink_stream_next(s, 10000, tiny, sizeof tiny, &len);
        CHECK_RC(rc, MESLINK_E_BUFFER_TOO_SMALL);
        CHECK(tiny[0] == 0 && len > 4);
        CHECK_RC(meslink_answer_fetch(buf, sizeof buf, &len), MESLINK_OK);
        CHECK(len == strlen(buf));
        CHECK_HAS(buf, "\"type\":");
        /* length query: cap 0 with a NULL buf */
        CHECK_RC(meslink_stream_stats(s, NULL, 0, &len), MESLINK_E_BUFFER_TOO_SMALL);
        CHECK(len > 10);
        CHECK_RC(meslink_answer_fetch(buf, sizeof buf, &len), MESLINK_OK);
        CHECK_HAS(buf, "\"delivered\":");
    }

    /* stale handles: closed once, then every call refuses */
    CHECK_RC(meslink_stream_close(s), MESLINK_OK);
    CHECK_RC(meslink_stream_close(s), MESLINK_E_INVALID_HANDLE);
    CHECK_ERR("not open");
    CHECK_RC(meslink_stream_next(s, 0, buf, sizeof buf, &len), MESLINK_E_INVALID_HANDLE);
    CHECK(len == 0 && buf[0] == 0);
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_A), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_stream_stats(s, buf, sizeof buf, &len), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_stream_set_callback(s, NULL, NULL), MESLINK_E_INVALID_HANDLE);
    {
        int32_t bad[] = {0, -1, 12345, 0x7fffffff};
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            CHECK_RC(meslink_stream_next(bad[i], 0, buf, sizeof buf, &len),
                     MESLINK_E_INVALID_HANDLE);
            CHECK_RC(meslink_transfer_progress(bad[i], &sent, &total), MESLINK_E_INVALID_HANDLE);
            CHECK_RC(meslink_transfer_close(bad[i]), MESLINK_E_INVALID_HANDLE);
        }
    }
    {
        /* a new stream reuses the slot with a new generation: the old id stays dead */
        int32_t s2 = open_stream(c, NULL);
        CHECK(s2 != s);
        CHECK_RC(meslink_stream_next(s, 0, buf, sizeof buf, &len), MESLINK_E_INVALID_HANDLE);
        CHECK_RC(meslink_stream_next(s2, 0, buf, sizeof buf, &len), MESLINK_NO_EVENT);
        CHECK_RC(meslink_stream_close(s2), MESLINK_OK);
    }

    /* transfers: the request is checked before anything is sent */
    CHECK_RC(meslink_transfer_start(c, NULL, &t), MESLINK_E_INVALID_ARGUMENT);
    CHECK(t == 0);
    CHECK_ERR("request_json");
    CHECK_RC(meslink_transfer_start(c, "{}", NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_transfer_start(c, "{\"path\":\"/nonexistent/x.nc\",\"cloud_path\":\"/nc\","
                                       "\"storage_type\":0,\"machine_id\":\"" MACHINE_A "\"}",
                                    &t),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK(t == 0);
    CHECK_RC(meslink_transfer_start(c, "{\"path\":\"/etc/hostname\",\"cloud_path\":\"/nc\","
                                       "\"storage_type\":7,\"machine_id\":\"" MACHINE_A "\"}",
                                    &t),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("storage_type");
    CHECK_RC(meslink_transfer_start(c, "{\"path\":\"/etc/hostname\",\"cloud_path\":\"/nc\","
                                       "\"storage_type\":0,\"machine_id\":\"" MACHINE_A "\","
                                       "\"colour\":1}",
                                    &t),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("colour");
    CHECK_RC(meslink_transfer_wait(none, 0, buf, sizeof buf, &len), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_transfer_cancel(none), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_transfer_set_callback(none, NULL, NULL), MESLINK_E_INVALID_HANDLE);
}

/* ---- several machines ---------------------------------------------------------------- */

static void test_machines(int32_t c, const char *options) {
    const char *machines[] = {MACHINE_A, MACHINE_B, MACHINE_C};
    int seen[3] = {0, 0, 0}, kinds_ok = 1, i, events = 0;
    double deadline = now_s() + 30;
    int32_t s = open_stream(c, options);
    for (i = 0; i < 3; i++) CHECK_RC(meslink_stream_subscribe(s, machines[i]), MESLINK_OK);
    /* subscribing twice is harmless */
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_A), MESLINK_OK);
    while ((!seen[0] || !seen[1] || !seen[2]) && now_s() < deadline) {
        char machine[64];
        int32_t rc = meslink_stream_next(s, 1000, buf, sizeof buf, &len);
        if (rc == MESLINK_NO_EVENT) continue;
        CHECK_RC(rc, MESLINK_OK);
        if (rc != MESLINK_OK) break;
        events++;
        if (!is_data(buf)) continue;
        if (json_str(buf, "machine_id", machine, sizeof machine) != 0 ||
            !strstr(buf, "\"data\":{")) {
            kinds_ok = 0;
            fprintf(stderr, "event without machine_id or data: %s\n", buf);
            continue;
        }
        for (i = 0; i < 3; i++)
            if (strcmp(machine, machines[i]) == 0) seen[i]++;
    }
    CHECK(kinds_ok);
    CHECK_MSG(seen[0] && seen[1] && seen[2], "%s: events per machine: %d %d %d (of %d)",
              options ? options : "defaults", seen[0], seen[1], seen[2], events);
    CHECK_RC(meslink_stream_stats(s, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_num(buf, "delivered") >= events);
    CHECK(json_num(buf, "dropped") == 0);
    CHECK_RC(meslink_stream_close(s), MESLINK_OK);
}

/* ---- callback ------------------------------------------------------------------------ */

struct counter {
    atomic_int events;
    atomic_int bad;
    pthread_t caller;
};

static void on_event(void *user, const char *event_json, uint32_t n) {
    struct counter *k = user;
    if (!event_json || strlen(event_json) != n || !strstr(event_json, "\"type\":") ||
        pthread_equal(pthread_self(), k->caller))
        atomic_fetch_add(&k->bad, 1);
    atomic_fetch_add(&k->events, 1);
}

static void test_callback(int32_t c) {
    struct counter k;
    int before, i;
    int32_t s = open_stream(c, NULL);
    atomic_init(&k.events, 0);
    atomic_init(&k.bad, 0);
    k.caller = pthread_self();
    CHECK_RC(meslink_stream_set_callback(s, on_event, &k), MESLINK_OK);
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_A), MESLINK_OK);
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_B), MESLINK_OK);
    for (i = 0; i < 300 && atomic_load(&k.events) < 5; i++) sleep_ms(100);
    CHECK_MSG(atomic_load(&k.events) >= 5, "callback events: %d", atomic_load(&k.events));
    CHECK(atomic_load(&k.bad) == 0);
    /* with a callback set, polling is refused */
    CHECK_RC(meslink_stream_next(s, 0, buf, sizeof buf, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("callback");
    /* removed: no call after set_callback returns, and polling works again */
    CHECK_RC(meslink_stream_set_callback(s, NULL, NULL), MESLINK_OK);
    before = atomic_load(&k.events);
    {
        int32_t rc = meslink_stream_next(s, 10000, buf, sizeof buf, &len);
        CHECK_RC(rc, MESLINK_OK);
    }
    CHECK(atomic_load(&k.events) == before);
    /* closing with a callback set stops it */
    CHECK_RC(meslink_stream_set_callback(s, on_event, &k), MESLINK_OK);
    CHECK_RC(meslink_stream_close(s), MESLINK_OK);
    before = atomic_load(&k.events);
    sleep_ms(300);
    CHECK(atomic_load(&k.events) == before);
}

/* ---- closing: the client first, and a close while another thread waits ---------------- */

struct waiter {
    int32_t stream;
    int32_t rc;
};

static void *wait_forever(void *arg) {
    struct waiter *w = arg;
    char local[4096];
    uint32_t n;
    do {
        w->rc = meslink_stream_next(w->stream, 60000, local, sizeof local, &n);
    } while (w->rc == MESLINK_OK || w->rc == MESLINK_NO_EVENT);
    return NULL;
}

static void test_close(void) {
    int32_t c = open_client();
    int32_t s = open_stream(c, NULL), rc;
    pthread_t th;
    struct waiter w;
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_C), MESLINK_OK);
    /* closing the client does not break the stream */
    CHECK_RC(meslink_client_close(c), MESLINK_OK);
    rc = meslink_stream_next(s, 10000, buf, sizeof buf, &len);
    CHECK_RC(rc, MESLINK_OK);
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_A), MESLINK_OK);
    CHECK_RC(meslink_stream_open(c, NULL, &rc), MESLINK_E_INVALID_HANDLE);

    /* a waiter on another thread returns MESLINK_CLOSED when the stream is closed */
    w.stream = s;
    w.rc = 12345;
    CHECK(pthread_create(&th, NULL, wait_forever, &w) == 0);
    sleep_ms(200);
    CHECK_RC(meslink_stream_close(s), MESLINK_OK);
    pthread_join(th, NULL);
    CHECK_MSG(w.rc == MESLINK_CLOSED || w.rc == MESLINK_E_INVALID_HANDLE,
              "waiter ended with %d (%s)", w.rc, meslink_status_str(w.rc));
}

/* ---- the soak: a token that expires every few seconds --------------------------------- */

#define MAX_SEGMENTS 256

static void test_soak(int32_t c, int seconds) {
    /* data events after each `reconnected` (segment 0: before the first) */
    static int after[MAX_SEGMENTS];
    int reconnected = 0, reconnecting = 0, data = 0, i, all_fed = 1;
    double end;
    int32_t s;
    memset(after, 0, sizeof after);
    /* tokens issued from now on live 3 s; the client's current one dies now */
    CHECK(sim_post("/_sim/mgm/tokens",
                   "{\"access_token_lifetime_ms\":3000,\"expire_all\":true}") == 0);
    s = open_stream(c, FAST_OPTIONS);
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_A), MESLINK_OK);
    CHECK_RC(meslink_stream_subscribe(s, MACHINE_B), MESLINK_OK);
    end = now_s() + seconds;
    while (now_s() < end) {
        int32_t rc = meslink_stream_next(s, 1000, buf, sizeof buf, &len);
        if (rc == MESLINK_NO_EVENT) continue;
        if (rc != MESLINK_OK) {
            CHECK_RC(rc, MESLINK_OK); /* the stream never dies while the caller keeps it */
            break;
        }
        if (strstr(buf, "\"type\":\"reconnected\"")) {
            if (reconnected < MAX_SEGMENTS - 1) reconnected++;
        } else if (strstr(buf, "\"type\":\"reconnecting\"")) {
            reconnecting++;
        } else if (is_data(buf)) {
            data++;
            after[reconnected]++;
        }
    }
    printf("soak: %d s, %d data events, %d reconnecting, %d reconnected\n", seconds, data,
           reconnecting, reconnected);
    CHECK_MSG(reconnected >= 2, "only %d reconnects in %d s", reconnected, seconds);
    CHECK(reconnecting >= reconnected);
    /* segment 0 may be empty: the token expired just before the stream opened */
    for (i = 1; i <= reconnected; i++) {
        if (after[i] == 0) {
            all_fed = 0;
            fprintf(stderr, "no data after reconnect %d of %d\n", i, reconnected);
        }
    }
    CHECK(all_fed);
    CHECK(after[reconnected] > 0);
    CHECK_RC(meslink_stream_stats(s, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(json_num(buf, "reconnects") >= reconnected);
    CHECK_RC(meslink_stream_close(s), MESLINK_OK);
    CHECK(sim_post("/_sim/mgm/tokens", "{\"access_token_lifetime_ms\":7200000}") == 0);
}

/* ---- a transfer cut half way, resumed ------------------------------------------------ */

#ifndef _WIN32
static int md5_of_file(const char *path, char out[33]) {
    char cmd[512];
    FILE *p;
    int ok;
    snprintf(cmd, sizeof cmd, "md5sum '%s'", path);
    p = popen(cmd, "r");
    if (!p) return -1;
    ok = fscanf(p, "%32s", out) == 1;
    pclose(p);
    return ok ? 0 : -1;
}
#endif

struct progress {
    atomic_int calls;
    atomic_int final_status;
    atomic_ullong last_sent;
};

static void on_progress(void *user, int32_t status, uint64_t sent, uint64_t total) {
    struct progress *p = user;
    (void)total;
    atomic_store(&p->last_sent, sent);
    if (status != MESLINK_PENDING) atomic_store(&p->final_status, status);
    atomic_fetch_add(&p->calls, 1);
}

static void test_transfer(int32_t c) {
#ifdef _WIN32
    char path[] = "meslink-c-transferXXXXXX"; /* Wine runs the test in its build folder */
#else
    char path[] = "/tmp/meslink-c-transferXXXXXX";
#endif
    char request[1024], name[64], expect[64], *state, *at, *seeks;
    const size_t size = 1536 * 1024 + 123;
    uint64_t sent = 0, total = 0;
    struct progress prog;
    int32_t t = 0, rc = 0, i;
    size_t k;
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    {
        unsigned char *data = malloc(size);
        uint32_t x = 2463534242u;
        for (k = 0; k < size; k++) {
            x ^= x << 13, x ^= x >> 17, x ^= x << 5;
            data[k] = (unsigned char)x;
        }
        CHECK(write(fd, data, size) == (ssize_t)size);
        free(data);
        close(fd);
    }
#ifdef _WIN32
    snprintf(expect, sizeof expect, "\"size\":%zu", size);
#else
    CHECK(md5_of_file(path, expect) == 0);
#endif
    /* a name of this process's own: the shared and static runs use one simulator */
    snprintf(name, sizeof name, "c-resume-%ld.nc", (long)getpid());

    /* the simulator drops the connection once half the file has arrived */
    snprintf(request, sizeof request, "{\"fail_after_bytes\":%zu}", size / 2);
    CHECK(sim_post("/_sim/mgm/transfer", request) == 0);
    snprintf(request, sizeof request,
             "{\"path\":\"%s\",\"cloud_path\":\"/nc\",\"file_name\":\"%s\","
             "\"storage_type\":0,\"machine_id\":\"" MACHINE_A "\"}",
             path, name);
    atomic_init(&prog.calls, 0);
    atomic_init(&prog.final_status, 12345);
    atomic_init(&prog.last_sent, 0);
    CHECK_RC(meslink_transfer_start(c, request, &t), MESLINK_OK);
    CHECK_RC(meslink_transfer_set_callback(t, on_progress, &prog), MESLINK_OK);
    rc = meslink_transfer_progress(t, &sent, &total);
    CHECK(rc == MESLINK_PENDING || rc == MESLINK_OK);
    CHECK(total == size);
    for (i = 0; i < 120; i++) {
        rc = meslink_transfer_wait(t, 1000, buf, sizeof buf, &len);
        if (rc != MESLINK_PENDING) break;
    }
    CHECK_RC(rc, MESLINK_OK);
    CHECK_HAS(buf, "\"finished\":true");
    CHECK(json_num(buf, "total") == (long long)size);
    CHECK(json_num(buf, "sent") == (long long)size);
    CHECK(strstr(buf, "\"request_id\":\"") != NULL);
    CHECK_RC(meslink_transfer_progress(t, &sent, &total), MESLINK_OK);
    CHECK(sent == size && total == size);
    /* a too-small buffer keeps the result */
    CHECK_RC(meslink_transfer_wait(t, 0, buf, 8, &len), MESLINK_E_BUFFER_TOO_SMALL);
    CHECK_RC(meslink_answer_fetch(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"finished\":true");
    /* the callback's last call said finished */
    for (i = 0; i < 50 && atomic_load(&prog.final_status) == 12345; i++) sleep_ms(20);
    CHECK(atomic_load(&prog.final_status) == MESLINK_OK);
    CHECK(atomic_load(&prog.calls) >= 1);
    CHECK(atomic_load(&prog.last_sent) == size);
    CHECK_RC(meslink_transfer_close(t), MESLINK_OK);
    CHECK_RC(meslink_transfer_progress(t, &sent, &total), MESLINK_E_INVALID_HANDLE);

    /* the simulator assembled the file from two sessions; its md5 (its size under Wine)
     * is the file's */
    state = sim_http("GET", "/_sim/state", NULL);
    CHECK(state != NULL);
    if (state) {
        at = strstr(state, name);
        CHECK_MSG(at != NULL, "the simulator has no %s", name);
        CHECK_MSG(at && strstr(at, expect) != NULL, "%s not in the simulator's record",
                  expect);
        /* one `file_seek` per session: 0, then where the cut left it */
        seeks = at ? strstr(at, "\"seeks\":[0,") : NULL;
        CHECK_MSG(seeks && strtoll(seeks + 11, NULL, 10) > 0, "no resume recorded: %.400s",
                  at ? at : "");
        free(state);
    }
    CHECK(sim_post("/_sim/mgm/transfer", "{\"fail_after_bytes\":0}") == 0);

    /* cancel (at once, long before the file is through): it ends with MESLINK_E_CLOSED */
    snprintf(request, sizeof request,
             "{\"path\":\"%s\",\"cloud_path\":\"/nc\",\"file_name\":\"c-cancel-%s\","
             "\"storage_type\":1,\"machine_id\":\"" MACHINE_B "\"}",
             path, name);
    CHECK_RC(meslink_transfer_start(c, request, &t), MESLINK_OK);
    CHECK_RC(meslink_transfer_cancel(t), MESLINK_OK);
    CHECK_RC(meslink_transfer_wait(t, 10000, buf, sizeof buf, &len), MESLINK_E_CLOSED);
    CHECK_RC(meslink_transfer_progress(t, &sent, &total), MESLINK_E_CLOSED);
    CHECK_ERR("cancel");
    CHECK_RC(meslink_transfer_close(t), MESLINK_OK);
    unlink(path);
}

int main(void) {
    const char *soak = getenv("MESLINK_SOAK_SECONDS");
    int seconds = soak && atoi(soak) > 0 ? atoi(soak) : 60;
    double t0 = now_s();
    int32_t c;
    char *state;
    if (check_init() != 0) return 2;
    state = sim_http("GET", "/_sim/state", NULL);
    if (!state) {
        fprintf(stderr, "the simulator at %s does not answer\n", g_url);
        return 2;
    }
    free(state);

    c = open_client();
    test_misuse(c);
    test_machines(c, NULL);                        /* SockJS framing, the default */
    test_machines(c, "{\"transport\":\"raw\"}"); /* the plain websocket endpoint */
    test_callback(c);
    test_close();
    test_transfer(c);
    test_soak(c, seconds);
    CHECK_RC(meslink_client_close(c), MESLINK_OK);

    printf("test_stream: %.1f s\n", now_s() - t0);
    return check_done("test_stream");
}
