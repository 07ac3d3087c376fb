/*
 * Stress of the C ABI's handles: 16 threads make calls on a few shared client handles
 * while other threads close them and open replacements at random moments. Half the calls
 * reach the simulator (grading.save, ate.sn_detail.get, the generic call); the rest fail
 * fast (an unknown call id, NULL pointers, a buffer too small, a handle never issued).
 *
 * Passes when every status is one the call may give in that situation (a call on a
 * handle closed under it: MESLINK_E_INVALID_HANDLE, or MESLINK_E_CLOSED, or its normal
 * answer if it was already running), nothing crashes, and the run ends: a watchdog thread
 * fails the test when no call has completed for 60 s (a deadlock). Leaks are the business
 * of the valgrind and AddressSanitizer runs of bindings/c/run-tests.sh.
 *
 * MESLINK_STRESS_CALLS: calls per thread (default 200, what the Wine run of
 * bindings/windows/run-tests.sh makes: 500 took two minutes there; bindings/c/run-tests.sh
 * asks for 500; 10000 is the full run, by hand).
 * Needs MESLINK_SIM_URL (run-tests.sh sets it). Prints the counts per status.
 */
#include "check.h"

#define THREADS 16
#define SLOTS 4
#define STALL_SECONDS 60

static _Atomic int32_t g_slots[SLOTS];
static atomic_llong g_completed;
static atomic_int g_finished;
static atomic_llong g_by_status[128]; /* index: -status for errors, 0 ok */
static atomic_llong g_reopens;
static char g_config[1024];
static int g_calls = 200;

static void count(int32_t rc) {
    int i = rc <= 0 && rc > -128 ? -rc : 127;
    atomic_fetch_add(&g_by_status[i], 1);
    atomic_fetch_add(&g_completed, 1);
}

static int32_t open_one(void) {
    int32_t id = 0;
    int32_t rc = meslink_client_open(g_config, &id);
    CHECK_MSG(rc == MESLINK_OK && id > 0, "open: %d (%s) %s", rc, meslink_status_str(rc),
              last_error());
    return id;
}

/* xorshift32, one state per thread */
static uint32_t next_rand(uint32_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* A status a call on a shared handle may give: its answer, or the handle closed under it. */
static int handle_race_ok(int32_t rc) {
    return rc == MESLINK_OK || rc == MESLINK_E_INVALID_HANDLE || rc == MESLINK_E_CLOSED;
}

static void *worker(void *arg) {
    uint32_t seed = 2463534242u ^ (uint32_t)(uintptr_t)arg * 2654435761u;
    char buf[4096], small[4], record[256];
    uint32_t len = 0;
    int i;
    for (i = 0; i < g_calls; i++) {
        uint32_t r = next_rand(&seed);
        int32_t c = atomic_load(&g_slots[r % SLOTS]);
        int32_t rc;
        switch ((r >> 8) % 10) {
        case 0: /* close a shared handle and put a new one in its place */
            if ((r >> 16) % 8 == 0) {
                int32_t fresh = open_one();
                int32_t old = atomic_exchange(&g_slots[r % SLOTS], fresh);
                rc = meslink_client_close(old);
                /* another thread may have closed it first: never twice the same */
                CHECK_MSG(rc == MESLINK_OK, "close: %d (%s)", rc, meslink_status_str(rc));
                atomic_fetch_add(&g_reopens, 1);
            } else {
                rc = meslink_client_call(c, "no.such.call", "{}", buf, sizeof buf, &len);
                CHECK_MSG(rc == MESLINK_E_INVALID_ARGUMENT || rc == MESLINK_E_INVALID_HANDLE,
                          "unknown id: %d (%s)", rc, meslink_status_str(rc));
            }
            count(rc);
            break;
        case 1:
        case 2: /* the simulator: a grading record */
            snprintf(record, sizeof record,
                     "{\"batteryStation\":\"S%u\",\"deviceCode\":\"STRESS\","
                     "\"barcode\":\"STRESS-%u-%d\",\"testTime\":\"2024-05-06 07:08:09\","
                     "\"workStep\":\"FR\"}",
                     (unsigned)(uintptr_t)arg, (unsigned)(uintptr_t)arg, i);
            rc = meslink_grading_save(c, record, buf, sizeof buf, &len);
            CHECK_MSG(handle_race_ok(rc), "grading_save: %d (%s) %s", rc,
                      meslink_status_str(rc), last_error());
            count(rc);
            break;
        case 3: /* the simulator: a work order, with a token shared by the threads */
            rc = meslink_ate_sn_detail_get(c, "1037020031", buf, sizeof buf, &len);
            CHECK_MSG(handle_race_ok(rc), "sn_detail_get: %d (%s) %s", rc,
                      meslink_status_str(rc), last_error());
            count(rc);
            break;
        case 4: /* the simulator, through the generic call */
            rc = meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":\"1037020032\"}",
                                     buf, sizeof buf, &len);
            CHECK_MSG(handle_race_ok(rc), "generic call: %d (%s) %s", rc,
                      meslink_status_str(rc), last_error());
            count(rc);
            break;
        case 5: /* a buffer too small: the needed length, then the answer */
            rc = meslink_client_call(c, "ate.sn_detail.get", "{\"work_order\":\"1037020031\"}",
                                     small, sizeof small, &len);
            CHECK_MSG(rc == MESLINK_E_BUFFER_TOO_SMALL || rc == MESLINK_E_INVALID_HANDLE ||
                          rc == MESLINK_E_CLOSED,
                      "small buffer: %d (%s)", rc, meslink_status_str(rc));
            if (rc == MESLINK_E_BUFFER_TOO_SMALL) CHECK(len > sizeof small);
            count(rc);
            break;
        case 6: /* NULL pointers */
            rc = meslink_client_call(c, NULL, NULL, NULL, 0, NULL);
            CHECK_MSG(rc == MESLINK_E_INVALID_ARGUMENT || rc == MESLINK_E_INVALID_HANDLE,
                      "NULLs: %d (%s)", rc, meslink_status_str(rc));
            count(rc);
            break;
        case 7: /* parameters that are not JSON */
            rc = meslink_grading_save(c, "{\"barcode\":", buf, sizeof buf, &len);
            CHECK_MSG(rc == MESLINK_E_INVALID_ARGUMENT || rc == MESLINK_E_INVALID_HANDLE,
                      "bad JSON: %d (%s)", rc, meslink_status_str(rc));
            count(rc);
            break;
        case 8: /* handles never issued (ids are positive) */
            rc = meslink_client_call(-(int32_t)(r % 1000000) - 1, "ate.login", "{}", buf,
                                     sizeof buf, &len);
            CHECK_MSG(rc == MESLINK_E_INVALID_HANDLE, "bogus handle: %d (%s)", rc,
                      meslink_status_str(rc));
            count(rc);
            break;
        default: /* the last error, read while other threads write theirs */
            rc = meslink_error_last(buf, sizeof buf, &len);
            CHECK_RC(rc, MESLINK_OK);
            count(rc);
            break;
        }
    }
    return NULL;
}

/* Fails the run when no call has completed for STALL_SECONDS. */
static void *watchdog(void *arg) {
    long long last = -1;
    int still = 0;
    (void)arg;
    while (!atomic_load(&g_finished)) {
        long long now = atomic_load(&g_completed);
        still = now == last ? still + 1 : 0;
        last = now;
        if (still >= STALL_SECONDS * 10) {
            fprintf(stderr, "FAIL watchdog: no call completed for %d s after %lld calls: "
                            "deadlock\n",
                    STALL_SECONDS, now);
            fflush(stderr);
            _Exit(3);
        }
        sleep_ms(100);
    }
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS], dog;
    const char *calls = getenv("MESLINK_STRESS_CALLS");
    double t0 = now_s();
    int i;
    long long total = 0;
    if (check_init() != 0) return 2;
    if (calls && atoi(calls) > 0) g_calls = atoi(calls);
    snprintf(g_config, sizeof g_config,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},"
             "\"timeout_ms\":30000}",
             g_url, g_url);
    for (i = 0; i < SLOTS; i++) atomic_store(&g_slots[i], open_one());
    CHECK(pthread_create(&dog, NULL, watchdog, NULL) == 0);
    for (i = 0; i < THREADS; i++)
        CHECK(pthread_create(&threads[i], NULL, worker, (void *)(uintptr_t)(i + 1)) == 0);
    for (i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    atomic_store(&g_finished, 1);
    pthread_join(dog, NULL);
    for (i = 0; i < SLOTS; i++) CHECK_RC(meslink_client_close(atomic_load(&g_slots[i])), MESLINK_OK);

    for (i = 0; i < 128; i++) {
        long long n = atomic_load(&g_by_status[i]);
        total += n;
        if (n) printf("  %-20s %lld\n", i == 127 ? "other" : meslink_status_str(-i), n);
    }
    CHECK(total == (long long)THREADS * g_calls);
    CHECK(atomic_load(&g_by_status[0]) > 0);
    printf("test_stress: %d threads x %d calls = %lld calls, %lld closes and reopens, %.1f s\n",
           THREADS, g_calls, total, (long long)atomic_load(&g_reopens), now_s() - t0);
    return check_done("test_stress");
}
