/*
 * Operations in C: meslink_call_start, meslink_op_wait, meslink_op_cancel, meslink_op_close,
 * meslink_client_cancel_all and the completion queues, against the simulator.
 *
 *   - bad input (a stale handle, NULL pointers, an unknown call id) is refused and starts
 *     nothing;
 *   - a started call is PENDING while the simulator's latency holds it, then answers; a
 *     too-small buffer keeps the answer for the next wait;
 *   - a cancelled call ends at once with MESLINK_E_CANCELLED: the simulator never answers
 *     it (its handling is abandoned) and the connection is closed, not leaked;
 *   - meslink_client_cancel_all ends a blocking call on another thread and an operation;
 *   - cancel racing completion and close racing wait, many times (ASan and valgrind run
 *     this file too);
 *   - a completion queue hands every ended operation to one reader, and closing it ends a
 *     wait in progress.
 *
 * Needs MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh sets it).
 */
#include "check.h"

#define WO "1037020031"
#define GET_PARAMS "{\"work_order\":\"" WO "\"}"
#define ROUTE "ate.sn_detail.get"

static int32_t g_client;

/* A counter of the simulator's state: the number after `"section":{... "ate.sn_detail.get":`
 * (0 when absent), or the top-level `"connections":` when section is NULL. */
static long sim_counter(const char *section) {
    static char state[1 << 17];
    if (sim_http_into("GET", "/_sim/state", NULL, state, sizeof state) != 0) return -1;
    char key[64];
    const char *at = state;
    if (section) {
        snprintf(key, sizeof key, "\"%s\":{", section);
        at = strstr(state, key);
        if (!at) return 0;
        const char *end = strchr(at, '}');
        snprintf(key, sizeof key, "\"%s\":", ROUTE);
        const char *hit = strstr(at, key);
        if (!hit || hit > end) return 0;
        return strtol(hit + strlen(key), NULL, 10);
    }
    at = strstr(state, "\"connections\":");
    return at ? strtol(at + strlen("\"connections\":"), NULL, 10) : -1;
}

/* The simulator's open connections once the probes' own closed ones are gone: the least
 * of a few readings (each reading counts its own connection). */
static long sim_connections(void) {
    long least = sim_counter(NULL);
    for (int i = 0; i < 4; i++) {
        sleep_ms(30);
        long n = sim_counter(NULL);
        if (n < least) least = n;
    }
    return least;
}

static void set_latency(int ms) {
    char body[64];
    snprintf(body, sizeof body, "{\"latency_ms\":%d}", ms);
    CHECK(sim_post("/_sim/faults", body) == 0);
}

struct blocking {
    int32_t client;
    int rc;
    double ms;
};

static void *blocking_call(void *arg) {
    struct blocking *b = arg;
    char answer[4096];
    uint32_t len = 0;
    double t0 = now_ms();
    b->rc = meslink_client_call(b->client, ROUTE, GET_PARAMS, answer, sizeof answer, &len);
    b->ms = now_ms() - t0;
    return NULL;
}

struct waiter {
    int32_t op;
    int rc;
};

static void *wait_forever(void *arg) {
    struct waiter *w = arg;
    char answer[4096];
    uint32_t len = 0;
    w->rc = meslink_op_wait(w->op, -1, answer, sizeof answer, &len);
    return NULL;
}

struct queue_reader {
    int32_t queue;
    int rc;
};

static void *read_queue(void *arg) {
    struct queue_reader *r = arg;
    int32_t op = 0;
    r->rc = meslink_op_queue_next(r->queue, -1, &op);
    return NULL;
}

int main(void) {
    char answer[4096], config[1024];
    uint32_t len = 0;
    int32_t op = 0;
    if (check_init() != 0) return 2;
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"timeout_ms\":20000}",
             g_url);
    CHECK_RC(meslink_client_open(config, &g_client), MESLINK_OK);
    CHECK(sim_post("/_sim/reset_faults", "{}") == 0);

    /* Bad input starts nothing. */
    op = 77;
    CHECK_RC(meslink_call_start(0, ROUTE, GET_PARAMS, &op), MESLINK_E_INVALID_HANDLE);
    CHECK(op == 0);
    CHECK_RC(meslink_call_start(g_client, ROUTE, GET_PARAMS, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_call_start(g_client, NULL, GET_PARAMS, &op), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_call_start(g_client, "ate.nope", "{}", &op), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("ate.nope");
    CHECK_RC(meslink_call_start(g_client, ROUTE, "{\"work_order\":", &op),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_call_start(g_client, ROUTE, "{}", &op), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("work_order");
    CHECK(op == 0);
    CHECK_RC(meslink_op_wait(12345, 0, answer, sizeof answer, &len), MESLINK_E_INVALID_HANDLE);
    CHECK(len == 0 && answer[0] == 0);
    CHECK_RC(meslink_op_cancel(0), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_op_close(-3), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_client_cancel_all(0), MESLINK_E_INVALID_HANDLE);

    /* Log in first, so the latency below holds the call itself. */
    CHECK_RC(meslink_client_call(g_client, ROUTE, GET_PARAMS, answer, sizeof answer, &len),
             MESLINK_OK);

    /* Pending, then the answer; a too-small buffer keeps it. */
    set_latency(300);
    CHECK_RC(meslink_call_start(g_client, ROUTE, GET_PARAMS, &op), MESLINK_OK);
    CHECK(op > 0);
    CHECK_RC(meslink_op_wait(op, 0, answer, sizeof answer, &len), MESLINK_PENDING);
    CHECK(len == 0 && answer[0] == 0);
    CHECK_RC(meslink_op_wait(op, 20, answer, sizeof answer, &len), MESLINK_PENDING);
    CHECK_RC(meslink_op_wait(op, -1, NULL, 1, &len), MESLINK_E_INVALID_ARGUMENT);
    char tiny[4];
    CHECK_RC(meslink_op_wait(op, -1, tiny, sizeof tiny, &len), MESLINK_E_BUFFER_TOO_SMALL);
    uint32_t needed = len;
    CHECK(needed > sizeof tiny);
    CHECK_RC(meslink_op_wait(op, 0, answer, sizeof answer, &len), MESLINK_OK);
    CHECK(len == needed);
    CHECK_HAS(answer, "SERIAL_NUMBER");
    CHECK_RC(meslink_op_cancel(op), MESLINK_OK); /* ended: keeps its answer */
    CHECK_RC(meslink_op_wait(op, 0, answer, sizeof answer, &len), MESLINK_OK);
    CHECK_RC(meslink_op_close(op), MESLINK_OK);
    CHECK_RC(meslink_op_close(op), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_op_wait(op, 0, answer, sizeof answer, &len), MESLINK_E_INVALID_HANDLE);

    /* Cancelled: ends at once, never answered by the simulator, its connection closed. */
    set_latency(1500);
    long answered = sim_counter("answered"), abandoned = sim_counter("abandoned");
    long connections = sim_connections();
    CHECK(connections >= 2); /* the client's pooled one and the probe's own */
    CHECK_RC(meslink_call_start(g_client, ROUTE, GET_PARAMS, &op), MESLINK_OK);
    sleep_ms(200);
    double t0 = now_ms();
    CHECK_RC(meslink_op_cancel(op), MESLINK_OK);
    CHECK_RC(meslink_op_wait(op, -1, answer, sizeof answer, &len), MESLINK_E_CANCELLED);
    CHECK_ERR("cancelled");
    CHECK_MSG(now_ms() - t0 < 1000, "the cancel took %.0f ms", now_ms() - t0);
    CHECK_RC(meslink_op_close(op), MESLINK_OK);
    long abandoned_now = abandoned;
    for (int i = 0; i < 100 && abandoned_now == abandoned; i++) {
        sleep_ms(20);
        abandoned_now = sim_counter("abandoned");
    }
    CHECK_MSG(abandoned_now == abandoned + 1, "abandoned %ld -> %ld", abandoned, abandoned_now);
    sleep_ms(1600); /* past the latency: an answer would have been counted by now */
    CHECK_MSG(sim_counter("answered") == answered, "answered %ld -> %ld", answered,
              sim_counter("answered"));
    long connections_now = sim_connections();
    CHECK_MSG(connections_now == connections - 1, "connections %ld -> %ld", connections,
              connections_now);

    /* cancel_all: a blocking call on another thread and an operation. */
    struct blocking b = {g_client, 0, 0};
    pthread_t thread;
    CHECK_RC(meslink_call_start(g_client, ROUTE, GET_PARAMS, &op), MESLINK_OK);
    CHECK(pthread_create(&thread, NULL, blocking_call, &b) == 0);
    sleep_ms(200);
    CHECK_RC(meslink_client_cancel_all(g_client), MESLINK_OK);
    pthread_join(thread, NULL);
    CHECK_RC(b.rc, MESLINK_E_CANCELLED);
    CHECK_MSG(b.ms < 1200, "the blocking call took %.0f ms", b.ms);
    CHECK_RC(meslink_op_wait(op, 2000, answer, sizeof answer, &len), MESLINK_E_CANCELLED);
    CHECK_RC(meslink_op_close(op), MESLINK_OK);
    set_latency(0);
    CHECK_RC(meslink_client_call(g_client, ROUTE, GET_PARAMS, answer, sizeof answer, &len),
             MESLINK_OK);

    /* Cancel racing completion, close racing wait. */
    int ok = 0, cancelled = 0;
    for (int i = 0; i < 200; i++) {
        CHECK_RC(meslink_call_start(g_client, ROUTE, GET_PARAMS, &op), MESLINK_OK);
        if (i % 3) sleep_ms(i % 5);
        CHECK_RC(meslink_op_cancel(op), MESLINK_OK);
        int rc = meslink_op_wait(op, -1, answer, sizeof answer, &len);
        CHECK_MSG(rc == MESLINK_OK || rc == MESLINK_E_CANCELLED, "rc %d", rc);
        ok += rc == MESLINK_OK;
        cancelled += rc == MESLINK_E_CANCELLED;
        CHECK_RC(meslink_op_close(op), MESLINK_OK);
    }
    CHECK(ok + cancelled == 200);
    printf("cancel racing completion: %d answered, %d cancelled\n", ok, cancelled);
    set_latency(100);
    for (int i = 0; i < 20; i++) {
        struct waiter w = {0, 0};
        CHECK_RC(meslink_call_start(g_client, ROUTE, GET_PARAMS, &w.op), MESLINK_OK);
        CHECK(pthread_create(&thread, NULL, wait_forever, &w) == 0);
        sleep_ms(i % 4 * 10);
        CHECK_RC(meslink_op_close(w.op), MESLINK_OK);
        pthread_join(thread, NULL);
        CHECK_MSG(w.rc == MESLINK_E_CANCELLED || w.rc == MESLINK_E_INVALID_HANDLE ||
                      w.rc == MESLINK_OK,
                  "wait during close: %d", w.rc);
    }
    set_latency(0);

    /* A completion queue. */
    int32_t queue = 0;
    CHECK_RC(meslink_op_queue_open(NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_op_queue_open(&queue), MESLINK_OK);
    CHECK_RC(meslink_op_notify(12345, queue), MESLINK_E_INVALID_HANDLE);
    enum { N = 20 };
    int32_t ops[N];
    for (int i = 0; i < N; i++) {
        CHECK_RC(meslink_call_start_typed(g_client, "ate.sn_detail.get", GET_PARAMS, &ops[i]),
                 MESLINK_OK);
        CHECK_RC(meslink_op_notify(ops[i], queue), MESLINK_OK);
    }
    int seen = 0;
    for (int i = 0; i < N; i++) {
        int32_t done = 0;
        CHECK_RC(meslink_op_queue_next(queue, 10000, &done), MESLINK_OK);
        for (int j = 0; j < N; j++)
            if (ops[j] == done) {
                seen++;
                ops[j] = 0;
            }
        CHECK_RC(meslink_op_wait(done, 0, answer, sizeof answer, &len), MESLINK_OK);
        CHECK_HAS(answer, "SERIAL_NUMBER"); /* the typed model */
        CHECK_RC(meslink_op_close(done), MESLINK_OK);
    }
    CHECK(seen == N);
    int32_t none = 5;
    CHECK_RC(meslink_op_queue_next(queue, 20, &none), MESLINK_NO_EVENT);
    CHECK(none == 0);
    struct queue_reader r = {queue, 0};
    CHECK(pthread_create(&thread, NULL, read_queue, &r) == 0);
    sleep_ms(50);
    CHECK_RC(meslink_op_queue_close(queue), MESLINK_OK);
    pthread_join(thread, NULL);
    CHECK_MSG(r.rc == MESLINK_CLOSED || r.rc == MESLINK_E_INVALID_HANDLE, "rc %d", r.rc);
    CHECK_RC(meslink_op_queue_next(queue, 0, &none), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_op_queue_close(queue), MESLINK_E_INVALID_HANDLE);

    CHECK_RC(meslink_client_close(g_client), MESLINK_OK);
    return check_done("test_op");
}
