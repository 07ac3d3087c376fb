/*
 * Tests of the meslink C ABI, written against include/meslink.h only.
 *
 * Needs a running simulator: MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh starts
 * target/debug/meslink-sim and sets it). The test talks to the simulator's control API
 * (/_sim/state, /_sim/faults) itself, over a plain socket, to count requests and to set a
 * latency fault: that keeps every test self-contained and independent of curl.
 *
 * Plain C11 + POSIX (sockets, pthreads, nanosleep), with the harness of check.h. Prints
 * each failure and, last, "N passed, N failed"; exits 1 if anything failed. On Windows
 * (mingw-w64, run under Wine by bindings/windows/run-tests.sh) check.h uses Winsock and
 * pthreads are mingw's winpthreads.
 */
#include "check.h"

/* requests[route] in GET /_sim/state (0 when absent, -1 when the state is unreadable).
 * The state grows with every record the simulator keeps: read in full, never truncated. */
static long sim_count(const char *route) {
    char key[128];
    const char *p;
    long n;
    char *state = sim_http("GET", "/_sim/state", NULL);
    if (!state) return -1;
    snprintf(key, sizeof key, "\"%s\":", route);
    /* The route's count under "requests" (the answered and abandoned counts name it too). */
    p = strstr(state, "\"requests\":{");
    p = p ? strstr(p, key) : NULL;
    n = p ? strtol(p + strlen(key), NULL, 10) : 0;
    free(state);
    return n;
}

static int sim_faults(const char *json) {
    char out[1024];
    return sim_http_into("POST", "/_sim/faults", json, out, sizeof out);
}

/* ---- fixtures ---------------------------------------------------------------------- */

static char g_config[1024];

static void client_config(char *config, size_t cap, const char *password) {
    snprintf(config, cap,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"%s\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},"
             "\"timeout_ms\":20000}",
             g_url, password, g_url);
}

/* A client opened with meslink_client_open: in the process default encoding. */
static int32_t open_client(const char *password) {
    char config[1024];
    int32_t id = -1;
    client_config(config, sizeof config, password);
    CHECK_RC(meslink_client_open(config, &id), MESLINK_OK);
    CHECK(id > 0);
    return id;
}

/* A client opened with meslink_client_open_ex in `encoding` (the config is ASCII). */
static int32_t open_client_ex(int32_t encoding) {
    char config[1024];
    int32_t id = -1;
    client_config(config, sizeof config, "Windows123.");
    CHECK_RC(meslink_client_open_ex(config, encoding, &id), MESLINK_OK);
    CHECK(id > 0);
    return id;
}

#define WO_FULL "1037020031"  /* rule ^B[A-Z]J614KM9\d{5}Z$ */
#define WO_OPEN "1037020032"  /* rule ^B[A-Z]K615KM9\d{5}Z$ */

static char buf[8192];
static uint32_t len;

/* ---- the calls --------------------------------------------------------------------- */

static void test_version_and_status(void) {
    CHECK(meslink_version() != NULL && strlen(meslink_version()) > 0);
    CHECK(strcmp(meslink_status_str(MESLINK_OK), "ok") == 0);
    CHECK(strcmp(meslink_status_str(MESLINK_E_INVALID_HANDLE), "invalid handle") == 0);
    CHECK(strcmp(meslink_status_str(12345), "unknown status") == 0);
    CHECK(strcmp(meslink_status_str(MESLINK_E_BUFFER_TOO_SMALL), "buffer too small") == 0);
}

static void test_calls(int32_t c) {
    /* login: the user, never the token */
    CHECK_RC(meslink_ate_login(c, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"epm_no\":\"ate\"");
    CHECK(strstr(buf, "token") == NULL);
    CHECK(len == strlen(buf));
    CHECK(strcmp(last_error(), "") == 0);

    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"SERIAL_NUMBER\":\"BZJ614KM901580Z\"");
    CHECK_HAS(buf, "\"TARGET_QTY\":928");

    CHECK_RC(meslink_ate_sn_detail_upload(c, WO_OPEN, "BZK615KM900001Z"), MESLINK_OK);

    /* the SN rule check fails: a business error in the server's words */
    CHECK_RC(meslink_ate_sn_detail_upload(c, WO_FULL, "NOT-A-VALID-SN"), MESLINK_E_BUSINESS);
    CHECK_ERR("SN RULER CHECK NG!FIX");
    CHECK_ERR("ate.sn_detail.upload");
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"kind\":\"business\"");
    CHECK_HAS(buf, "\"status\":-9");
    CHECK_HAS(buf, "\"call\":\"ate.sn_detail.upload\"");
    CHECK_HAS(buf, "\"server_message\":\"SN RULER CHECK NG!FIX\"");

    /* an unknown work order: the server's 未找到。 */
    CHECK_RC(meslink_ate_sn_detail_get(c, "9999999999", buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    CHECK_ERR("未找到。");
    CHECK(len == 0 && buf[0] == 0);

    /* grading: testTime as Unix seconds, and as text */
    CHECK_RC(meslink_grading_save(c,
                                  "{\"batteryStation\":\"A1\",\"deviceCode\":\"FR-01\","
                                  "\"barcode\":\"CELL-0001\",\"testTime\":1700000000,"
                                  "\"workStep\":\"FR\",\"voltage\":3.21,\"volume\":2.5}",
                                  buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, "\"state\":1");
    CHECK_HAS(buf, "保存成功");
    CHECK_RC(meslink_grading_save(c,
                                  "{\"batteryStation\":\"A1\",\"deviceCode\":\"FR-01\","
                                  "\"barcode\":\"CELL-0002\",\"testTime\":\"2024-05-06 07:08:09\","
                                  "\"workStep\":\"FR\"}",
                                  buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, "\"state\":1");
    /* a missing field is refused before anything is sent, naming it */
    {
        long before = sim_count("grading.save");
        CHECK_RC(meslink_grading_save(c,
                                      "{\"batteryStation\":\"A1\",\"deviceCode\":\"FR-01\","
                                      "\"testTime\":1700000000,\"workStep\":\"FR\"}",
                                      buf, sizeof buf, &len),
                 MESLINK_E_INVALID_ARGUMENT);
        CHECK_ERR("barcode");
        CHECK(sim_count("grading.save") == before);
    }

    /* the generic call */
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":\"" WO_FULL "\"}",
                                 buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, "HWR650RUSN");
    CHECK_RC(meslink_client_call(c, "ate.nope", "{}", buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("unknown call id");
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":", buf, sizeof buf,
                                 &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("params_json");
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.get", "[1,2]", buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.get", "{\"wo\":1}", buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("unknown parameter");
}

static void test_bad_password(void) {
    int32_t c = open_client("wrong password");
    CHECK_RC(meslink_ate_login(c, buf, sizeof buf, &len), MESLINK_E_AUTH);
    CHECK_ERR("无法使用提供的认证信息登录。");
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"kind\":\"auth\"");
    /* other calls log in by themselves and fail the same way: as the call made, the
       implicit login as its cause */
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len), MESLINK_E_AUTH);
    CHECK_ERR("ate.sn_detail.get: the implicit ate.login failed: ");
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"call\":\"ate.sn_detail.get\"");
    CHECK_HAS(buf, "\"cause\":{");
    CHECK_HAS(buf, "\"call\":\"ate.login\"");
    CHECK_HAS(buf, "\"server_message\":\"无法使用提供的认证信息登录。\"");
    CHECK_RC(meslink_client_close(c), MESLINK_OK);
}

/* ---- failures of the server or the network, through the status codes ---------------- */

static int32_t open_no_retry(const char *base, int timeout_ms) {
    char config[1024];
    int32_t id = -1;
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"timeout_ms\":%d,\"retry\":{\"max_attempts\":1}}",
             base, timeout_ms);
    CHECK_RC(meslink_client_open(config, &id), MESLINK_OK);
    return id;
}

static void test_faults(int32_t c) {
    int32_t n = open_no_retry(g_url, 10000), t = open_no_retry(g_url, 150);
    int32_t dead = open_no_retry("http://127.0.0.1:1", 2000);
    CHECK_RC(meslink_ate_login(n, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_RC(meslink_ate_login(t, buf, sizeof buf, &len), MESLINK_OK);

    CHECK(sim_faults("{\"fail_next_503\":1}") == 0);
    CHECK_RC(meslink_ate_sn_detail_get(n, WO_FULL, buf, sizeof buf, &len), MESLINK_E_HTTP);
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"http_status\":503");
    CHECK_HAS(buf, "\"kind\":\"http\"");

    CHECK(sim_faults("{\"garbage_next\":1}") == 0);
    CHECK_RC(meslink_ate_sn_detail_get(n, WO_FULL, buf, sizeof buf, &len), MESLINK_E_PROTOCOL);

    CHECK(sim_faults("{\"drop_next\":1}") == 0);
    CHECK_RC(meslink_ate_sn_detail_get(n, WO_FULL, buf, sizeof buf, &len), MESLINK_E_TRANSPORT);

    CHECK_RC(meslink_ate_sn_detail_get(dead, WO_FULL, buf, sizeof buf, &len),
             MESLINK_E_TRANSPORT);

    CHECK(sim_faults("{\"latency_ms\":600}") == 0);
    CHECK_RC(meslink_ate_sn_detail_get(t, WO_FULL, buf, sizeof buf, &len), MESLINK_E_TIMEOUT);
    CHECK(sim_faults("{\"latency_ms\":0}") == 0);

    /* with the default retries, a transient 503 is invisible */
    CHECK(sim_faults("{\"fail_next_503\":1}") == 0);
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len), MESLINK_OK);

    CHECK_RC(meslink_client_close(n), MESLINK_OK);
    CHECK_RC(meslink_client_close(t), MESLINK_OK);
    CHECK_RC(meslink_client_close(dead), MESLINK_OK);
}

/* ---- misuse -------------------------------------------------------------------------- */

static void test_null_pointers(int32_t c) {
    int32_t id = 77;
    long uploads = sim_count("ate.sn_detail.upload");
    CHECK_RC(meslink_client_open(NULL, &id), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("config_json");
    CHECK(id == 0);
    CHECK_RC(meslink_client_open(g_config, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("out_client");
    CHECK_RC(meslink_client_call(c, NULL, "{}", buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("call_id");
    CHECK_RC(meslink_client_call(c, "ate.login", NULL, buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("params_json");
    CHECK_RC(meslink_client_call(c, "ate.login", "{}", NULL, 16, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("buf");
    CHECK_RC(meslink_ate_login(c, NULL, 16, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_ate_sn_detail_get(c, NULL, buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("work_order");
    CHECK_RC(meslink_ate_sn_detail_upload(c, NULL, "BZK615KM900002Z"),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_ate_sn_detail_upload(c, WO_OPEN, NULL), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("`sn` is NULL");
    CHECK_RC(meslink_grading_save(c, NULL, buf, sizeof buf, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("record_json");
    CHECK_RC(meslink_answer_fetch(NULL, 8, &len), MESLINK_E_INVALID_ARGUMENT);
    /* the readers refuse a NULL buf with cap > 0 without changing the last error */
    CHECK_RC(meslink_error_last(NULL, 8, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_error_last_json(NULL, 8, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("meslink_answer_fetch");
    /* out_len may be NULL */
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, NULL), MESLINK_OK);
    CHECK_HAS(buf, "BZJ614KM901580Z");
    /* nothing was uploaded by the refused calls */
    CHECK(sim_count("ate.sn_detail.upload") == uploads);
}

static void test_bad_text(int32_t c) {
    int32_t id = 5;
    CHECK_RC(meslink_ate_sn_detail_get(c, "10370\xff\xfe", buf, sizeof buf, &len),
             MESLINK_E_ENCODING);
    CHECK_ERR("not valid UTF-8");
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":\"\xc3\x28\"}", buf,
                                 sizeof buf, &len),
             MESLINK_E_ENCODING);
    CHECK_RC(meslink_client_open("{\"ate\":{\"base_url\":\"http://h\xff\"}}", &id),
             MESLINK_E_ENCODING);
    CHECK(id == 0);
    CHECK_RC(meslink_client_open("{\"ate\":", &id), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("invalid client configuration");
    CHECK_RC(meslink_client_open("{\"timeout\":5}", &id), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("unknown field `timeout`");
    CHECK_RC(meslink_client_open("{\"grading\":{\"base_url\":\"ftp://x\",\"datasource\":\"A\"}}",
                                 &id),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_RC(meslink_encoding_set(7), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("unknown encoding 7");

    /* A NUL inside a text parameter (C can pass one only as a JSON escape) is refused as
     * in C#, Python and the CLI; a 1 MB path parameter is invalid, not a transport
     * failure; neither is sent. */
    {
        long uploads = sim_count("ate.sn_detail.upload"), gets = sim_count("ate.sn_detail.get");
        size_t n = 1024 * 1024;
        char *huge = malloc(n + 1);
        CHECK_RC(meslink_client_call(c, "ate.sn_detail.upload",
                                     "{\"work_order\":\"" WO_FULL "\",\"sn\":\"BAJ614\\u0000KM901584Z\"}",
                                     buf, sizeof buf, &len),
                 MESLINK_E_INVALID_ARGUMENT);
        CHECK_ERR("NUL character");
        memset(huge, 'W', n);
        huge[n] = 0;
        CHECK_RC(meslink_ate_sn_detail_get(c, huge, buf, sizeof buf, &len),
                 MESLINK_E_INVALID_ARGUMENT);
        CHECK_ERR("work_order");
        free(huge);
        CHECK(sim_count("ate.sn_detail.upload") == uploads);
        CHECK(sim_count("ate.sn_detail.get") == gets);
    }
}

static void test_handles(void) {
    int32_t c = open_client("Windows123.");
    int32_t bad[] = {0, -1, 12345, 0x7fffffff, c + 1};
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_RC(meslink_ate_sn_detail_get(bad[i], WO_FULL, buf, sizeof buf, &len),
                 MESLINK_E_INVALID_HANDLE);
        CHECK_RC(meslink_client_close(bad[i]), MESLINK_E_INVALID_HANDLE);
    }
    CHECK_ERR("not open");
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_RC(meslink_client_close(c), MESLINK_OK);
    CHECK_RC(meslink_client_close(c), MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len),
             MESLINK_E_INVALID_HANDLE);
    CHECK_RC(meslink_ate_sn_detail_upload(c, WO_OPEN, "BZK615KM900003Z"),
             MESLINK_E_INVALID_HANDLE);
    {
        /* the slot is reused, with a new generation: the old id stays dead */
        int32_t d = open_client("Windows123.");
        CHECK(d != c);
        CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len),
                 MESLINK_E_INVALID_HANDLE);
        CHECK_RC(meslink_ate_sn_detail_get(d, WO_FULL, buf, sizeof buf, &len), MESLINK_OK);
        CHECK_RC(meslink_client_close(d), MESLINK_OK);
    }
}

/* ---- buffers, the kept answer, the last error -------------------------------------- */

static void test_buffers(int32_t c) {
    char full[8192], small[8], *big;
    uint32_t full_len = 0, need = 0;
    long gets;
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, full, sizeof full, &full_len), MESLINK_OK);

    /* too small: the length needed, nothing partial, and one request only */
    gets = sim_count("ate.sn_detail.get");
    memset(small, 'x', sizeof small);
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, small, sizeof small, &need),
             MESLINK_E_BUFFER_TOO_SMALL);
    CHECK(need == full_len);
    CHECK(small[0] == 0 && small[1] == 'x');
    CHECK_ERR("meslink_answer_fetch");
    big = malloc(need + 1);
    CHECK_RC(meslink_answer_fetch(big, need, &len), MESLINK_E_BUFFER_TOO_SMALL); /* no room for NUL */
    CHECK(len == need);
    CHECK_RC(meslink_answer_fetch(big, need + 1, &len), MESLINK_OK);
    CHECK(len == need && strcmp(big, full) == 0);
    CHECK(strcmp(last_error(), "") == 0);
    CHECK(sim_count("ate.sn_detail.get") == gets + 1);
    /* consumed: a second fetch has nothing */
    CHECK_RC(meslink_answer_fetch(big, need + 1, &len), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("no answer is kept");
    free(big);

    /* buf = NULL, cap = 0: ask for the length, then fetch */
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":\"" WO_FULL "\"}",
                                 NULL, 0, &need),
             MESLINK_E_BUFFER_TOO_SMALL);
    CHECK(need == full_len);
    big = malloc(need + 1);
    CHECK_RC(meslink_answer_fetch(big, need + 1, NULL), MESLINK_OK);
    CHECK(strcmp(big, full) == 0);
    free(big);
    CHECK(sim_count("ate.sn_detail.get") == gets + 2);

    /* the exact fit: len + 1 bytes */
    big = malloc(full_len + 1);
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, big, full_len + 1, &len), MESLINK_OK);
    CHECK(strcmp(big, full) == 0);
    free(big);

    /* the last error: read twice, read with a small buffer then a big one */
    CHECK_RC(meslink_ate_sn_detail_get(c, "9999999999", buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    {
        char first[1024], second[1024];
        uint32_t l1 = 0, l2 = 0;
        CHECK_RC(meslink_error_last(first, sizeof first, &l1), MESLINK_OK);
        CHECK_RC(meslink_error_last(second, sizeof second, &l2), MESLINK_OK);
        CHECK(l1 > 0 && l1 == l2 && strcmp(first, second) == 0);
        CHECK_RC(meslink_error_last(small, sizeof small, &need), MESLINK_E_BUFFER_TOO_SMALL);
        CHECK(need == l1);
        /* cut, not emptied: as much of the message as fits */
        CHECK(strlen(small) == sizeof small - 1 && strncmp(small, first, sizeof small - 1) == 0);
        CHECK_RC(meslink_error_last(NULL, 0, &need), MESLINK_E_BUFFER_TOO_SMALL);
        CHECK_RC(meslink_error_last_json(small, sizeof small, &need),
                 MESLINK_E_BUFFER_TOO_SMALL);
        CHECK_RC(meslink_error_last(second, sizeof second, &l2), MESLINK_OK);
        CHECK(strcmp(first, second) == 0);
        CHECK_HAS(first, "未找到。");
    }
    /* a success clears it */
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_RC(meslink_error_last(buf, sizeof buf, &len), MESLINK_OK);
    CHECK(len == 0 && buf[0] == 0);
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"status\":0");
}

/* ---- GB18030 -------------------------------------------------------------------------- */

#define GB_NOT_FOUND "\xce\xb4\xd5\xd2\xb5\xbd\xa1\xa3" /* 未找到。 */
#define GB_SAVED "\xb1\xa3\xb4\xe6\xb3\xc9\xb9\xa6"     /* 保存成功 */
#define GB_STATION "\xb9\xa4\xce\xbb" "7"               /* 工位7 */

/* The process default set to GB18030 (LabVIEW on Chinese Windows), then a plain open: that
 * client speaks GB18030; `c`, opened before in UTF-8, keeps UTF-8. */
static void test_gb18030(int32_t c) {
    char *state;
    int32_t g;
    CHECK_RC(meslink_encoding_set(MESLINK_ENCODING_GB18030), MESLINK_OK);
    g = open_client("Windows123.");
    /* a Chinese server message comes back in GB18030 */
    CHECK_RC(meslink_ate_sn_detail_get(g, "9999999999", buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    CHECK_ERR(GB_NOT_FOUND);
    CHECK(strstr(last_error(), "未找到") == NULL);
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, GB_NOT_FOUND);
    /* GB18030 input is accepted and reaches the server as the right characters */
    CHECK_RC(meslink_grading_save(g,
                                  "{\"batteryStation\":\"" GB_STATION "\",\"deviceCode\":\"FR-01\","
                                  "\"barcode\":\"CELL-GB\",\"testTime\":\"2024-05-06T07:08:09\","
                                  "\"workStep\":\"FR\"}",
                                  buf, sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, GB_SAVED);
    state = sim_http("GET", "/_sim/state", NULL);
    CHECK(state != NULL);
    if (state) CHECK_HAS(state, "\"batteryStation\":\"工位7\"");
    free(state);
    /* text that is not GB18030 */
    CHECK_RC(meslink_ate_sn_detail_get(g, "\xff\xff", buf, sizeof buf, &len),
             MESLINK_E_ENCODING);
    CHECK_ERR("GB18030");
    CHECK_RC(meslink_encoding_set(MESLINK_ENCODING_UTF8), MESLINK_OK);
    CHECK_RC(meslink_ate_sn_detail_get(c, "9999999999", buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    CHECK_ERR("未找到。");
    CHECK_RC(meslink_client_close(g), MESLINK_OK);
}

/* ---- the encoding belongs to the client ------------------------------------------------ */

#define GB_WORK_ORDER "\xb9\xa4\xb5\xa5" "001" /* 工单001 */

/* A grading record whose batteryStation is `station` (in the caller's encoding). */
static void grading_record(char *out, size_t cap, const char *station, const char *barcode) {
    snprintf(out, cap,
             "{\"batteryStation\":\"%s\",\"deviceCode\":\"FR-01\",\"barcode\":\"%s\","
             "\"testTime\":1700000000,\"workStep\":\"FR\"}",
             station, barcode);
}

static void test_encoding_per_client(void) {
    char *state;
    char record[512], small[4], *big;
    int32_t u, g, d, id = -1;
    uint32_t need = 0;

    /* The process default is GB18030 (LabVIEW's), yet a client opened for UTF-8 speaks it. */
    CHECK_RC(meslink_encoding_set(MESLINK_ENCODING_GB18030), MESLINK_OK);
    u = open_client_ex(MESLINK_ENCODING_UTF8);
    g = open_client("Windows123."); /* the default of now: GB18030 */

    CHECK_RC(meslink_ate_sn_detail_get(u, "工单001", buf, sizeof buf, &len), MESLINK_E_BUSINESS);
    CHECK_ERR("未找到。");
    CHECK(strstr(last_error(), GB_NOT_FOUND) == NULL);
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"server_message\":\"未找到。\"");
    /* UTF-8 input reaches the server as the right characters; the kept answer is UTF-8 */
    grading_record(record, sizeof record, "工位8", "CELL-U8");
    CHECK_RC(meslink_grading_save(u, record, small, sizeof small, &need),
             MESLINK_E_BUFFER_TOO_SMALL);
    big = malloc(need + 1);
    CHECK_RC(meslink_answer_fetch(big, need + 1, &len), MESLINK_OK);
    CHECK_HAS(big, "保存成功");
    CHECK(strstr(big, GB_SAVED) == NULL);
    free(big);
    state = sim_http("GET", "/_sim/state", NULL);
    CHECK(state != NULL);
    if (state) CHECK_HAS(state, "\"batteryStation\":\"工位8\"");
    free(state);
    /* GB18030 bytes are not UTF-8 */
    CHECK_RC(meslink_ate_sn_detail_get(u, GB_WORK_ORDER, buf, sizeof buf, &len),
             MESLINK_E_ENCODING);
    CHECK_ERR("not valid UTF-8");

    /* the client of the plain open speaks GB18030 */
    CHECK_RC(meslink_ate_sn_detail_get(g, GB_WORK_ORDER, buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    CHECK_ERR(GB_NOT_FOUND);
    CHECK(strstr(last_error(), "未找到") == NULL);
    grading_record(record, sizeof record, GB_STATION, "CELL-GB2");
    CHECK_RC(meslink_grading_save(g, record, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, GB_SAVED);

    /* a failed open reports in the encoding it was asked for */
    CHECK_RC(meslink_client_open("{\"" GB_STATION "\":1}", &id), MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR(GB_STATION);
    CHECK_RC(meslink_client_open_ex("{\"工位7\":1}", MESLINK_ENCODING_UTF8, &id),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_ERR("工位7");
    id = -1;
    CHECK_RC(meslink_client_open_ex(g_config, 2, &id), MESLINK_E_INVALID_ARGUMENT);
    CHECK(id == 0);
    CHECK_ERR("unknown encoding 2");

    /* the default changes: open clients keep theirs, a plain open follows it */
    CHECK_RC(meslink_encoding_set(MESLINK_ENCODING_UTF8), MESLINK_OK);
    CHECK_RC(meslink_ate_sn_detail_get(g, GB_WORK_ORDER, buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    CHECK_ERR(GB_NOT_FOUND);
    CHECK_RC(meslink_ate_sn_detail_get(u, "工单001", buf, sizeof buf, &len), MESLINK_E_BUSINESS);
    CHECK_ERR("未找到。");
    d = open_client("Windows123.");
    CHECK_RC(meslink_ate_sn_detail_get(d, "工单001", buf, sizeof buf, &len), MESLINK_E_BUSINESS);
    CHECK_ERR("未找到。");
    CHECK_RC(meslink_client_close(d), MESLINK_OK);
    d = open_client_ex(MESLINK_ENCODING_GB18030);
    CHECK_RC(meslink_ate_sn_detail_get(d, GB_WORK_ORDER, buf, sizeof buf, &len),
             MESLINK_E_BUSINESS);
    CHECK_ERR(GB_NOT_FOUND);
    CHECK_RC(meslink_client_close(d), MESLINK_OK);

    CHECK_RC(meslink_client_close(u), MESLINK_OK);
    CHECK_RC(meslink_client_close(g), MESLINK_OK);
}

/* A UTF-8 client and a GB18030 client, each on its own thread, at once, while the main
 * thread flips the process default: each call reads and answers in its client's encoding. */
#define ENC_ROUNDS 6

struct enc_worker {
    pthread_t thread;
    int32_t client;
    const char *work_order, *station, *not_found, *other_not_found, *saved, *other_saved;
    atomic_int done;
};

static void *enc_worker_main(void *arg) {
    struct enc_worker *w = arg;
    char out[4096], small[4], record[512], barcode[64];
    uint32_t n;
    int r;
    for (r = 0; r < ENC_ROUNDS; r++) {
        CHECK_RC(meslink_ate_sn_detail_get(w->client, w->work_order, out, sizeof out, &n),
                 MESLINK_E_BUSINESS);
        CHECK_ERR(w->not_found);
        CHECK(strstr(last_error(), w->other_not_found) == NULL);
        snprintf(barcode, sizeof barcode, "CELL-ENC-%d-%d", w->client, r);
        grading_record(record, sizeof record, w->station, barcode);
        CHECK_RC(meslink_grading_save(w->client, record, out, sizeof out, &n), MESLINK_OK);
        CHECK_HAS(out, w->saved);
        CHECK(strstr(out, w->other_saved) == NULL);
        CHECK_RC(meslink_grading_save(w->client, record, small, sizeof small, &n),
                 MESLINK_E_BUFFER_TOO_SMALL);
        CHECK_RC(meslink_answer_fetch(out, sizeof out, &n), MESLINK_OK);
        CHECK_HAS(out, w->saved);
    }
    w->done = 1;
    return NULL;
}

static void test_encoding_threads(void) {
    struct enc_worker w[2];
    int i, flips = 0, bad_flips = 0;
    memset(w, 0, sizeof w);
    w[0].client = open_client_ex(MESLINK_ENCODING_UTF8);
    w[0].work_order = "工单002";
    w[0].station = "工位8";
    w[0].not_found = "未找到。";
    w[0].other_not_found = GB_NOT_FOUND;
    w[0].saved = "保存成功";
    w[0].other_saved = GB_SAVED;
    w[1].client = open_client_ex(MESLINK_ENCODING_GB18030);
    w[1].work_order = GB_WORK_ORDER;
    w[1].station = GB_STATION;
    w[1].not_found = GB_NOT_FOUND;
    w[1].other_not_found = "未找到。";
    w[1].saved = GB_SAVED;
    w[1].other_saved = "保存成功";
    for (i = 0; i < 2; i++) CHECK(pthread_create(&w[i].thread, NULL, enc_worker_main, &w[i]) == 0);
    while (!w[0].done || !w[1].done) {
        if (meslink_encoding_set(flips++ % 2) != MESLINK_OK) bad_flips++;
        sleep_ms(1);
    }
    for (i = 0; i < 2; i++) pthread_join(w[i].thread, NULL);
    CHECK(flips > 0 && bad_flips == 0);
    CHECK_RC(meslink_encoding_set(MESLINK_ENCODING_UTF8), MESLINK_OK);
    for (i = 0; i < 2; i++) CHECK_RC(meslink_client_close(w[i].client), MESLINK_OK);
}

/* ---- threads ---------------------------------------------------------------------------- */

#define THREADS 8
#define ROUNDS 6

struct worker {
    pthread_t thread;
    int32_t client;
    int index;
};

static void *worker_main(void *arg) {
    struct worker *w = arg;
    char out[4096], sn[64];
    uint32_t n;
    int r;
    for (r = 0; r < ROUNDS; r++) {
        CHECK_RC(meslink_ate_sn_detail_get(w->client, WO_FULL, out, sizeof out, &n), MESLINK_OK);
        CHECK_HAS(out, "BZJ614KM901580Z");
        snprintf(sn, sizeof sn, "BZK615KM9%02d%03dZ", w->index + 10, r);
        CHECK_RC(meslink_ate_sn_detail_upload(w->client, WO_OPEN, sn), MESLINK_OK);
        /* the last error is per thread */
        CHECK_RC(meslink_ate_sn_detail_upload(w->client, WO_FULL, sn), MESLINK_E_BUSINESS);
        CHECK_ERR("SN RULER CHECK NG!FIX");
        /* so is the kept answer */
        CHECK_RC(meslink_ate_sn_detail_get(w->client, WO_FULL, out, 4, &n),
                 MESLINK_E_BUFFER_TOO_SMALL);
        CHECK_RC(meslink_answer_fetch(out, sizeof out, &n), MESLINK_OK);
        CHECK_HAS(out, "BZJ614KM901580Z");
    }
    return NULL;
}

static void test_threads(int32_t c) {
    struct worker w[THREADS];
    long uploads = sim_count("ate.sn_detail.upload");
    int i;
    for (i = 0; i < THREADS; i++) {
        w[i].client = c;
        w[i].index = i;
        CHECK(pthread_create(&w[i].thread, NULL, worker_main, &w[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) pthread_join(w[i].thread, NULL);
    CHECK(sim_count("ate.sn_detail.upload") == uploads + 2 * THREADS * ROUNDS);
}

/* A close while another thread is inside a call: the simulator holds every answer back
 * 300 ms (latency fault); the main thread closes the client 100 ms into the call. The
 * call must finish normally (close never pulls the client out from under it), close
 * must return at once, and the id must be dead afterwards. Correct memory handling
 * (the client is freed by the last call, not by close) is what valgrind checks. */
struct inflight {
    int32_t client;
    atomic_int started, done;
    int32_t rc;
    char answer[4096];
};

static void *inflight_main(void *arg) {
    struct inflight *f = arg;
    uint32_t n;
    f->started = 1;
    f->rc = meslink_ate_sn_detail_get(f->client, WO_FULL, f->answer, sizeof f->answer, &n);
    f->done = 1;
    return NULL;
}

static void test_close_during_call(void) {
    struct inflight f;
    pthread_t t;
    memset(&f, 0, sizeof f);
    f.client = open_client("Windows123.");
    CHECK_RC(meslink_ate_login(f.client, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(sim_faults("{\"latency_ms\":300}") == 0);
    CHECK(pthread_create(&t, NULL, inflight_main, &f) == 0);
    while (!f.started) sleep_ms(1);
    sleep_ms(100);
    CHECK_RC(meslink_client_close(f.client), MESLINK_OK);
    CHECK(!f.done); /* close did not wait for the call */
    CHECK_RC(meslink_ate_sn_detail_get(f.client, WO_FULL, buf, sizeof buf, &len),
             MESLINK_E_INVALID_HANDLE);
    pthread_join(t, NULL);
    CHECK(sim_faults("{\"latency_ms\":0}") == 0);
    report(f.rc == MESLINK_OK, __FILE__, __LINE__, "in-flight call: %d (%s)", f.rc,
           meslink_status_str(f.rc));
    CHECK_HAS(f.answer, "BZJ614KM901580Z");
    CHECK_RC(meslink_client_close(f.client), MESLINK_E_INVALID_HANDLE);
}

/* ---- main ------------------------------------------------------------------------------ */

/* meslink_client_stats: a fresh client's counts after a retried read and a refusal. */
static void test_stats(void) {
    int32_t c = open_client("Windows123.");
    CHECK_RC(meslink_client_stats(c, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"calls\":0");
    CHECK(sim_faults("{\"fail_next_503\":1}") == 0);
    CHECK_RC(meslink_ate_sn_detail_get(c, WO_FULL, buf, sizeof buf, &len), MESLINK_OK);
    CHECK_RC(meslink_ate_sn_detail_upload(c, WO_FULL, "NOT-A-VALID-SN"), MESLINK_E_BUSINESS);
    CHECK_RC(meslink_client_stats(c, buf, sizeof buf, &len), MESLINK_OK);
    CHECK(len == strlen(buf));
    CHECK_HAS(buf, "\"calls\":2");
    CHECK_HAS(buf, "\"errors\":{\"business\":1}");
    CHECK_HAS(buf, "\"retries\":1");
    CHECK_HAS(buf, "\"logins\":1");
    CHECK_HAS(buf, "\"ate.sn_detail.get\":{\"calls\":1,\"errors\":0,\"p50_ms\":");
    char tiny[4];
    CHECK_RC(meslink_client_stats(c, tiny, sizeof tiny, &len), MESLINK_E_BUFFER_TOO_SMALL);
    CHECK_RC(meslink_answer_fetch(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"by_call\"");
    CHECK_RC(meslink_client_close(c), MESLINK_OK);
    CHECK_RC(meslink_client_stats(c, buf, sizeof buf, &len), MESLINK_E_INVALID_HANDLE);
}

int main(void) {
    int32_t c;
    double t0 = now_ms();
    if (check_init() != 0) return 2;
    snprintf(g_config, sizeof g_config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}}",
             g_url);
    if (sim_count("ate.login") < 0) {
        fprintf(stderr, "the simulator at %s does not answer\n", g_url);
        return 2;
    }

    test_version_and_status();
    c = open_client("Windows123.");
    test_calls(c);
    test_bad_password();
    test_faults(c);
    test_null_pointers(c);
    test_bad_text(c);
    test_handles();
    test_buffers(c);
    test_gb18030(c);
    test_encoding_per_client();
    test_encoding_threads();
    test_threads(c);
    test_close_during_call();
    test_stats();
    CHECK_RC(meslink_client_close(c), MESLINK_OK);

    printf("meslink %s, %.0f ms\n", meslink_version(), now_ms() - t0);
    return check_done("test_meslink");
}
