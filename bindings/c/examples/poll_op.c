/*
 * A call that never blocks the UI: what a LabVIEW While Loop (or any UI timer) does with
 * meslink's operations. Start the call, then on every tick look at it with a zero timeout
 * while the loop keeps drawing; a Stop button cancels it.
 *
 *   meslink_call_start   -> op handle (one node, returns at once)
 *   meslink_op_wait(op, 0, ...) every tick -> MESLINK_PENDING until the answer is there
 *   meslink_op_cancel    when the operator presses Stop
 *   meslink_op_close     always, after the loop
 *
 * Usage: poll_op [BASE_URL] [STOP_AFTER_TICKS]   (default: $MESLINK_SIM_URL; never stop)
 * With STOP_AFTER_TICKS the "Stop button" is pressed after that many 50 ms ticks.
 * Exit code: 0 answered, 3 cancelled, 1 failed.
 */
#include "meslink.h"

#include <stdio.h>
#include <stdlib.h>
#ifdef _WIN32
#include <windows.h>
static void tick(void) { Sleep(50); }
#else
#include <time.h>
static void tick(void) {
    struct timespec ts = {0, 50 * 1000000L};
    nanosleep(&ts, NULL);
}
#endif

int main(int argc, char **argv) {
    const char *url = argc > 1 ? argv[1] : getenv("MESLINK_SIM_URL");
    long stop_after = argc > 2 ? strtol(argv[2], NULL, 10) : -1;
    char config[512], answer[4096], error[1024];
    uint32_t len = 0;
    int32_t client = 0, op = 0, rc;
    if (!url) {
        fprintf(stderr, "usage: poll_op BASE_URL [STOP_AFTER_TICKS] (or set MESLINK_SIM_URL)\n");
        return 2;
    }
    snprintf(config, sizeof config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"}}",
             url);
    if (meslink_client_open(config, &client) != MESLINK_OK) goto fail;

    /* Outside the loop: start the call (checked now; nothing blocks). */
    rc = meslink_call_start(client, "ate.sn_detail.get", "{\"work_order\":\"1037020032\"}", &op);
    if (rc != MESLINK_OK) goto fail;

    /* The While Loop: one look per tick, the UI stays live. */
    long ticks = 0;
    for (;;) {
        rc = meslink_op_wait(op, 0, answer, sizeof answer, &len);
        if (rc != MESLINK_PENDING) break;
        ticks++;
        if (ticks == stop_after) meslink_op_cancel(op); /* the Stop button */
        tick();                                          /* ... draw, read buttons ... */
    }
    printf("after %ld ticks: %s\n", ticks, meslink_status_str(rc));
    if (rc == MESLINK_OK) printf("answer: %.*s\n", (int)len, answer);

    /* After the loop: always close the operation, then the client. */
    meslink_op_close(op);
    meslink_client_close(client);
    if (rc == MESLINK_E_CANCELLED) return 3;
    if (rc == MESLINK_OK) return 0;
    meslink_error_last(error, sizeof error, NULL);
    fprintf(stderr, "failed: %s\n", error);
    return 1;

fail:
    meslink_error_last(error, sizeof error, NULL);
    fprintf(stderr, "%s\n", error);
    if (client) meslink_client_close(client);
    return 1;
}
