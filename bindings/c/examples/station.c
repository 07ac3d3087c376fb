/*
 * A test station's round trip with meslink: the seed documents' snippets in C.
 * Log in to the ATE MES, read a work order, upload a serial number, save a grading
 * record. Usage: station [BASE_URL]   (default: $MESLINK_SIM_URL, the simulator)
 */
#include "meslink.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Prints a failure with meslink's last error (call id, server code, server message). */
static int ok(int32_t rc, const char *what) {
    char msg[1024];
    if (rc == MESLINK_OK) return 1;
    meslink_error_last(msg, sizeof msg, NULL);
    fprintf(stderr, "%s: %s: %s\n", what, meslink_status_str(rc), msg);
    return 0;
}

int main(int argc, char **argv) {
    const char *url = argc > 1 ? argv[1] : getenv("MESLINK_SIM_URL");
    char config[512], answer[4096], record[512];
    int32_t client, rc;
    if (!url) {
        fprintf(stderr, "usage: station BASE_URL (or set MESLINK_SIM_URL)\n");
        return 2;
    }
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"}}", url, url);
    if (!ok(meslink_client_open(config, &client), "open")) return 1;

    /* 000: POST /api/login/ (the token stays inside the client) */
    if (!ok(meslink_ate_login(client, answer, sizeof answer, NULL), "login")) goto fail;
    printf("logged in: %s\n", answer);

    /* 000: GET /api/sn_detail/1037020032/ */
    if (!ok(meslink_ate_sn_detail_get(client, "1037020032", answer, sizeof answer, NULL),
            "work order")) goto fail;
    printf("work order 1037020032: %s\n", answer);

    /* 000: POST /api/sn_detail/ ; a failed SN rule check would be MESLINK_E_BUSINESS */
    rc = meslink_ate_sn_detail_upload(client, "1037020032", "BZK615KM900042Z");
    if (!ok(rc, "upload")) goto fail;
    printf("uploaded BZK615KM900042Z\n");

    /* 001: POST /api/pick/volumeCollectData/save ; testTime as Unix seconds */
    snprintf(record, sizeof record,
             "{\"batteryStation\":\"A-01\",\"deviceCode\":\"FR-07\",\"barcode\":\"CELL-42\","
             "\"testTime\":%lld,\"workStep\":\"FR\",\"voltage\":3.65,\"electricity\":1.2,"
             "\"volume\":2.51,\"energy\":9.16}", (long long)time(NULL));
    if (!ok(meslink_grading_save(client, record, answer, sizeof answer, NULL), "grading"))
        goto fail;
    printf("grading saved: %s\n", answer);

    meslink_client_close(client);
    return 0;
fail:
    meslink_client_close(client);
    return 1;
}
