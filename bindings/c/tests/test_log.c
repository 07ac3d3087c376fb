/*
 * meslink's log records in C: the poll queue (meslink_log_set_level, meslink_log_next,
 * meslink_log_dropped) and the callback (meslink_log_set_callback), against the simulator.
 *
 *   - off by default: nothing queued;
 *   - at INFO, a call that meets a 503 and an expired token gives a retry record and a
 *     re-login record, each with its call id, server target and client handle, and no
 *     record holds the password or a token;
 *   - a too-small buffer keeps the record for meslink_answer_fetch;
 *   - a full queue drops its oldest records and counts them;
 *   - a callback receives records on another thread, may call meslink itself (no deadlock,
 *     never re-entered), and once removed is never called again.
 *
 * Needs MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh sets it). Plain C11 with the
 * harness of check.h; run under AddressSanitizer and valgrind by run-tests.sh.
 */
#include "check.h"

#define WO "1037020031"
#define PASSWORD "Windows123."

static char g_record[8192];

/* Every queued record (up to max) joined with newlines into out; the count read. */
static int read_all(char *out, size_t cap, int wait_ms) {
    uint32_t len = 0;
    size_t used = 0;
    int n = 0;
    out[0] = 0;
    while (meslink_log_next((uint32_t)wait_ms, g_record, sizeof g_record, &len) == MESLINK_OK) {
        CHECK(len == strlen(g_record));
        if (used + len + 2 < cap) {
            memcpy(out + used, g_record, len);
            used += len;
            out[used++] = '\n';
            out[used] = 0;
        }
        n++;
        wait_ms = 50;
    }
    return n;
}

static atomic_int g_calls;
static atomic_int g_inside;
static atomic_int g_reentered;
static atomic_int g_with_call;
static int32_t g_client;

static void on_record(void *user, int32_t level, const char *json, uint32_t len) {
    if (atomic_fetch_add(&g_inside, 1) != 0) atomic_fetch_add(&g_reentered, 1);
    CHECK(user == (void *)&g_calls);
    CHECK(level >= MESLINK_LOG_ERROR && level <= MESLINK_LOG_DEBUG);
    CHECK(len == strlen(json));
    if (strstr(json, "\"call\":\"ate.sn_detail.get\"")) atomic_fetch_add(&g_with_call, 1);
    /* The first record: call meslink from inside the callback (it logs too). */
    if (atomic_fetch_add(&g_calls, 1) == 0) {
        char answer[4096];
        uint32_t n = 0;
        CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                     answer, sizeof answer, &n),
                 MESLINK_OK);
    }
    atomic_fetch_sub(&g_inside, 1);
}

int main(void) {
    static char all[1 << 16];
    char answer[4096], config[1024];
    uint32_t len = 0;
    if (check_init() != 0) return 2;

    CHECK_RC(meslink_log_set_level(9), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_log_set_callback(-1, NULL, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_log_next(0, NULL, 0, &len), MESLINK_NO_EVENT);

    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"" PASSWORD "\"},"
             "\"retry\":{\"max_attempts\":3,\"initial_backoff_ms\":10,\"max_backoff_ms\":20},"
             "\"timeout_ms\":20000}",
             g_url);
    CHECK_RC(meslink_client_open(config, &g_client), MESLINK_OK);

    /* Off: a retried call queues nothing. */
    CHECK(sim_post("/_sim/faults", "{\"fail_next_503\":1}") == 0);
    CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                 answer, sizeof answer, &len),
             MESLINK_OK);
    CHECK_RC(meslink_log_next(20, g_record, sizeof g_record, &len), MESLINK_NO_EVENT);
    CHECK(len == 0 && g_record[0] == 0);

    /* INFO: a retry and a re-login. */
    CHECK_RC(meslink_log_set_level(MESLINK_LOG_INFO), MESLINK_OK);
    CHECK(sim_post("/_sim/faults", "{\"fail_next_503\":1}") == 0);
    CHECK(sim_post("/_sim/expire_tokens", "{}") == 0);
    CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                 answer, sizeof answer, &len),
             MESLINK_OK);
    int n = read_all(all, sizeof all, 1000);
    CHECK_MSG(n >= 2, "%d records: %s", n, all);
    CHECK_HAS(all, "\"message\":\"retrying");
    CHECK_HAS(all, "logging in again");
    CHECK_HAS(all, "\"level\":\"info\"");
    CHECK_HAS(all, "\"target\":\"meslink.ate\"");
    CHECK_HAS(all, "\"call\":\"ate.sn_detail.get\"");
    char client_field[32];
    snprintf(client_field, sizeof client_field, "\"client\":%d", (int)g_client);
    CHECK_HAS(all, client_field);
    CHECK_HAS(all, "\"dropped\":0");
    CHECK_MSG(strstr(all, "\"level\":\"debug\"") == NULL, "a debug record at INFO: %s", all);
    CHECK_MSG(strstr(all, PASSWORD) == NULL, "the password in a record: %s", all);
    CHECK_MSG(strstr(all, "eyJ") == NULL, "a token in a record: %s", all);

    /* A too-small buffer keeps the record. */
    CHECK(sim_post("/_sim/faults", "{\"fail_next_503\":1}") == 0);
    CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                 answer, sizeof answer, &len),
             MESLINK_OK);
    char tiny[8];
    CHECK_RC(meslink_log_next(1000, tiny, sizeof tiny, &len), MESLINK_E_BUFFER_TOO_SMALL);
    CHECK(len > sizeof tiny);
    uint32_t needed = len;
    CHECK_RC(meslink_answer_fetch(g_record, sizeof g_record, &len), MESLINK_OK);
    CHECK(len == needed);
    CHECK_HAS(g_record, "retrying");
    read_all(all, sizeof all, 20);

    /* A full queue (1024 records) drops the oldest and counts them. */
    uint64_t dropped_before = 0, dropped_after = 0;
    CHECK_RC(meslink_log_dropped(&dropped_before), MESLINK_OK);
    CHECK_RC(meslink_log_dropped(NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_log_set_level(MESLINK_LOG_TRACE), MESLINK_OK);
    enum { RECORDS = 1100 };
    size_t batch_cap = RECORDS * 40 + 16;
    char *batch = malloc(batch_cap);
    size_t used = 0;
    batch[used++] = '[';
    for (int i = 0; i < RECORDS; i++)
        used += (size_t)snprintf(batch + used, batch_cap - used, "%s{\"work_order\":\"" WO "\"}",
                                 i ? "," : "");
    batch[used++] = ']';
    batch[used] = 0;
    size_t out_cap = 4u << 20;
    char *out = malloc(out_cap);
    CHECK_RC(meslink_client_call_batch(g_client, "ate.sn_detail.get", batch, 8, out,
                                       (uint32_t)out_cap, &len),
             MESLINK_OK);
    free(batch);
    free(out);
    CHECK_RC(meslink_log_next(1000, g_record, sizeof g_record, &len), MESLINK_OK);
    CHECK_MSG(strstr(g_record, "\"dropped\":0") == NULL, "nothing dropped: %s", g_record);
    CHECK_RC(meslink_log_dropped(&dropped_after), MESLINK_OK);
    CHECK(dropped_after > dropped_before);
    CHECK_RC(meslink_log_set_level(MESLINK_LOG_OFF), MESLINK_OK);
    read_all(all, sizeof all, 20);

    /* Queues of their own: each receives every record, apart from meslink_log_next's. */
    int32_t q1 = 0, q2 = 0;
    CHECK_RC(meslink_log_queue_open(MESLINK_LOG_OFF, 10, &q1), MESLINK_E_INVALID_ARGUMENT);
    CHECK(q1 == 0);
    CHECK_RC(meslink_log_queue_open(MESLINK_LOG_INFO, 0, &q1), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_log_queue_open(MESLINK_LOG_INFO, 16, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_log_queue_open(MESLINK_LOG_INFO, 64, &q1), MESLINK_OK);
    CHECK_RC(meslink_log_queue_open(MESLINK_LOG_DEBUG, 64, &q2), MESLINK_OK);
    CHECK(q1 > 0 && q2 > 0 && q1 != q2);
    CHECK(sim_post("/_sim/faults", "{\"fail_next_503\":1}") == 0);
    CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                 answer, sizeof answer, &len),
             MESLINK_OK);
    CHECK_RC(meslink_log_queue_next(q1, 1000, g_record, sizeof g_record, &len), MESLINK_OK);
    CHECK_HAS(g_record, "retrying");
    int debug_seen = 0;
    while (meslink_log_queue_next(q2, 100, g_record, sizeof g_record, &len) == MESLINK_OK)
        if (strstr(g_record, "\"level\":\"debug\"")) debug_seen = 1;
    CHECK(debug_seen);
    CHECK_RC(meslink_log_queue_next(q1, 0, g_record, sizeof g_record, &len), MESLINK_NO_EVENT);
    CHECK_RC(meslink_log_next(0, g_record, sizeof g_record, &len), MESLINK_NO_EVENT);
    CHECK_RC(meslink_log_queue_set_level(q1, 9), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_log_queue_set_level(q1, MESLINK_LOG_OFF), MESLINK_OK);
    CHECK_RC(meslink_log_queue_close(q1), MESLINK_OK);
    CHECK_RC(meslink_log_queue_close(q2), MESLINK_OK);
    CHECK_RC(meslink_log_queue_close(q1), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_log_queue_next(q1, 0, g_record, sizeof g_record, &len), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_log_queue_set_level(q2, MESLINK_LOG_INFO), MESLINK_E_INVALID_HANDLE);

    /* The callback: another thread, meslink called from inside, never re-entered. */
    CHECK_RC(meslink_log_set_callback(MESLINK_LOG_DEBUG, on_record, &g_calls), MESLINK_OK);
    CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                 answer, sizeof answer, &len),
             MESLINK_OK);
    for (int i = 0; i < 100 && atomic_load(&g_with_call) < 2; i++) sleep_ms(50);
    CHECK_MSG(atomic_load(&g_with_call) >= 2, "%d records of the calls reached the callback",
              atomic_load(&g_with_call));
    CHECK(atomic_load(&g_reentered) == 0);
    CHECK_RC(meslink_log_set_callback(MESLINK_LOG_DEBUG, NULL, NULL), MESLINK_OK);
    int calls = atomic_load(&g_calls);
    CHECK_RC(meslink_client_call(g_client, "ate.sn_detail.get", "{\"work_order\":\"" WO "\"}",
                                 answer, sizeof answer, &len),
             MESLINK_OK);
    sleep_ms(200);
    CHECK_MSG(atomic_load(&g_calls) == calls, "called after removal: %d then %d", calls,
              atomic_load(&g_calls));
    CHECK_RC(meslink_log_next(0, g_record, sizeof g_record, &len), MESLINK_NO_EVENT);

    CHECK_RC(meslink_client_close(g_client), MESLINK_OK);
    return check_done("test_log");
}
