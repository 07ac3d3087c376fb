/*
 * The batch call through the C ABI (meslink_client_call_batch) against the simulator:
 * every record arrives (the simulator's save counter grows by exactly their number), the
 * answers keep the order of the input, a bad record gets its own error item without
 * failing the others, and bad JSON / a non-array / an unknown call id are
 * MESLINK_E_INVALID_ARGUMENT with nothing sent; a small buffer keeps the answer.
 *
 * Needs MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh sets it). Prints each failure
 * and, last, "N passed, N failed".
 */
#include "check.h"


/* The simulator's grading save counter (GET /_sim/state), -1 when unreadable. */
static long sim_save_count(void) {
    char *state = sim_http("GET", "/_sim/state", NULL);
    const char *p = state ? strstr(state, "\"save_count\":") : NULL;
    long count = p ? strtol(p + strlen("\"save_count\":"), NULL, 10) : -1;
    free(state);
    return count;
}

static const char *record(char *out, size_t cap, const char *barcode) {
    snprintf(out, cap,
             "{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\",\"barcode\":\"%s\","
             "\"testTime\":\"2024-05-06 07:08:09\",\"workStep\":\"W1\",\"voltage\":3.2}",
             barcode);
    return out;
}

int main(void) {
    enum { N = 200 };
    static char params[N * 256], buf[N * 256], one[256], small[16];
    uint32_t len = 0;
    size_t at = 0;
    long before;
    char *p;
    int i, oks = 0;
    int32_t c = -1;
    const char *url = g_url;
    char config[1024];
    if (check_init() != 0) return 2;
    snprintf(config, sizeof config,
             "{\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},"
             "\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"timeout_ms\":20000}",
             url, url);
    CHECK_RC(meslink_client_open(config, &c), MESLINK_OK);

    /* N good records, concurrency 8: all arrive, all answered ok, in order. */
    before = sim_save_count();
    CHECK(before >= 0);
    params[at++] = '[';
    for (i = 0; i < N; i++) {
        char barcode[32];
        snprintf(barcode, sizeof barcode, "C-BATCH-%04d", i);
        at += (size_t)snprintf(params + at, sizeof params - at, "%s%s", i ? "," : "",
                               record(one, sizeof one, barcode));
    }
    params[at++] = ']';
    params[at] = 0;
    CHECK_RC(meslink_client_call_batch(c, "grading.save", params, 8, buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK(len == strlen(buf));
    CHECK(buf[0] == '[');
    for (p = buf; (p = strstr(p, "{\"ok\":")) != NULL; p++) oks++;
    CHECK(oks == N);
    CHECK(strstr(buf, "\"error\"") == NULL);
    CHECK(sim_save_count() == before + N);

    /* One bad record (no barcode) among good ones: its own error, the others saved. */
    before = sim_save_count();
    snprintf(params, sizeof params,
             "[%s,{\"batteryStation\":\"ST01\",\"deviceCode\":\"FR-07\","
             "\"testTime\":\"2024-05-06 07:08:09\",\"workStep\":\"W1\"},",
             record(one, sizeof one, "C-GOOD-1"));
    at = strlen(params);
    snprintf(params + at, sizeof params - at, "%s]", record(one, sizeof one, "C-GOOD-2"));
    CHECK_RC(meslink_client_call_batch(c, "grading.save", params, 0, buf, sizeof buf, &len),
             MESLINK_OK);
    /* Order: ok, error, ok. */
    p = strstr(buf, "{\"error\":");
    CHECK(p != NULL && strncmp(buf, "[{\"ok\":", 7) == 0);
    CHECK(p != NULL && strstr(p, "{\"ok\":") != NULL);
    CHECK_HAS(buf, "\"kind\":\"invalid_argument\"");
    CHECK_HAS(buf, "\"code\":-1"); /* MESLINK_E_INVALID_ARGUMENT */
    CHECK_HAS(buf, "barcode");
    CHECK(sim_save_count() == before + 2);

    /* A business refusal is the record's own error too: an unknown work order. */
    CHECK_RC(meslink_client_call_batch(c, "ate.sn_detail.get",
                                       "[{\"work_order\":\"1037020031\"},{\"work_order\":\"NOPE\"}]",
                                       2, buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, "\"TARGET_QTY\":928");
    CHECK_HAS(buf, "\"kind\":\"business\"");

    /* Bad input: nothing sent, a clear error. */
    before = sim_save_count();
    CHECK_RC(meslink_client_call_batch(c, "grading.save", "[{", 8, buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "not valid JSON");
    CHECK(len == 0 && buf[0] == 0);
    CHECK_RC(meslink_client_call_batch(c, "grading.save", record(one, sizeof one, "X"), 8, buf,
                                       sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "must be a JSON array");
    CHECK_RC(meslink_client_call_batch(c, "grading.nope", "[{}]", 8, buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "unknown call id");
    CHECK_RC(meslink_client_call_batch(c, "grading.save", NULL, 8, buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_client_call_batch(c + 1000, "grading.save", "[]", 8, buf, sizeof buf, &len),
             MESLINK_E_INVALID_HANDLE);
    CHECK(sim_save_count() == before);

    /* An empty array is an empty answer; a small buffer keeps the answer for fetching. */
    CHECK_RC(meslink_client_call_batch(c, "grading.save", "[]", 8, buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK(strcmp(buf, "[]") == 0);
    snprintf(params, sizeof params, "[%s]", record(one, sizeof one, "C-SMALL"));
    CHECK_RC(meslink_client_call_batch(c, "grading.save", params, 8, small, sizeof small, &len),
             MESLINK_E_BUFFER_TOO_SMALL);
    CHECK(len > sizeof small);
    CHECK_RC(meslink_answer_fetch(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "[{\"ok\":");

    CHECK_RC(meslink_client_close(c), MESLINK_OK);
    return check_done("test_batch");
}
