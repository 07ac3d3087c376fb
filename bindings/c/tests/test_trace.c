/*
 * trace.query through the C ABI's generic call (meslink_client_call), against the
 * simulator's signed gateway: a serial number uploaded and graded, then traced forward and
 * reverse; a wrong app secret refused as MESLINK_E_AUTH with the gateway's own
 * X-Ca-Error-Message in the last error; a bad traceType refused before sending.
 *
 * Needs MESLINK_SIM_URL=http://127.0.0.1:PORT (run-tests.sh sets it). Plain C11 with
 * the harness of check.h.
 * Prints each failure and, last, "N passed, N failed"; exits 1 if anything failed.
 */
#include "check.h"

#define WO "1037020032" /* rule ^B[A-Z]K615KM9\d{5}Z$ */
#define SN "BZK615KM977001Z"

static int32_t open_trace_client(const char *url, const char *secret) {
    char config[1024];
    int32_t id = -1;
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},"
             "\"trace\":{\"base_url\":\"%s\",\"app_key\":\"meslink-trace\",\"app_secret\":\"%s\"},"
             "\"timeout_ms\":20000}",
             url, url, url, secret);
    CHECK_RC(meslink_client_open(config, &id), MESLINK_OK);
    return id;
}

int main(void) {
    static char buf[16384];
    uint32_t len = 0;
    const char *url = g_url;
    if (check_init() != 0) return 2;
    int32_t c = open_trace_client(url, "meslink-trace-secret");

    /* Something to trace: an SN on the ATE MES and its own grading record. */
    CHECK_RC(meslink_client_call(c, "ate.sn_detail.upload",
                                 "{\"work_order\":\"" WO "\",\"sn\":\"" SN "\"}", buf, sizeof buf,
                                 &len),
             MESLINK_OK);
    CHECK_RC(meslink_client_call(c, "grading.save",
                                 "{\"batteryStation\":\"S1\",\"deviceCode\":\"EOL-01\","
                                 "\"barcode\":\"" SN "\",\"testTime\":\"2024-05-06 07:08:09\","
                                 "\"workStep\":\"EOL\"}",
                                 buf, sizeof buf, &len),
             MESLINK_OK);

    /* Forward: the SN, its work order and its quality record; data parsed, string kept. */
    CHECK_RC(meslink_client_call(c, "trace.query",
                                 "{\"uniqueCode\":\"" SN "\",\"traceType\":\"forward\"}", buf,
                                 sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, "\"code\":200");
    CHECK_HAS(buf, "\"data\":{\"treeList\":[{");
    CHECK_HAS(buf, "\"uniqueCode\":\"" WO "\"");
    CHECK_HAS(buf, "\"type\":\"QualityControl\"");
    CHECK_HAS(buf, "\"data_raw\":\"{\\\"treeList\\\":");
    CHECK(len == strlen(buf));

    /* Reverse from the work order: the SN that used it. */
    CHECK_RC(meslink_client_call(c, "trace.query",
                                 "{\"uniqueCode\":\"" WO "\",\"traceType\":\"reverse\"}", buf,
                                 sizeof buf, &len),
             MESLINK_OK);
    CHECK_HAS(buf, "\"from\":\"DestUniqueCode\"");
    CHECK_HAS(buf, "\"uniqueCode\":\"" SN "\"");

    /* A bad traceType never leaves the library. */
    CHECK_RC(meslink_client_call(c, "trace.query", "{\"uniqueCode\":\"X\",\"traceType\":\"up\"}",
                                 buf, sizeof buf, &len),
             MESLINK_E_INVALID_ARGUMENT);
    CHECK_HAS(last_error(), "forward");
    CHECK_RC(meslink_client_close(c), MESLINK_OK);

    /* A wrong secret: the gateway's refusal, its string-to-sign quoted, no secret. */
    c = open_trace_client(url, "not-the-secret");
    CHECK_RC(meslink_client_call(c, "trace.query",
                                 "{\"uniqueCode\":\"" SN "\",\"traceType\":\"forward\"}", buf,
                                 sizeof buf, &len),
             MESLINK_E_AUTH);
    CHECK_HAS(last_error(), "Invalid Signature, Server StringToSign:`POST#application/json#");
    CHECK(strstr(last_error(), "not-the-secret") == NULL);
    CHECK_RC(meslink_error_last_json(buf, sizeof buf, &len), MESLINK_OK);
    CHECK_HAS(buf, "\"kind\":\"auth\"");
    CHECK_HAS(buf, "\"server_code\":\"A400IS\"");
    CHECK_RC(meslink_client_close(c), MESLINK_OK);

    return check_done("test_trace");
}
