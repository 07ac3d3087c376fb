/* Every request-style call of the catalog, once, from C through the generic call
 * (meslink_client_call) against the simulator.
 *
 * The calls and their sample parameters come from tools/sample_calls.py, as a file of
 * lines "id<TAB>params-json" named by MESLINK_SAMPLE_CALLS_TSV (bindings/c/run-tests.sh
 * writes it); the simulator's URL from MESLINK_SIM_URL. A call passes when the simulator
 * answers it in its documented format: MESLINK_OK, or a refusal in the server's own
 * words (business, invalid-argument or auth status with the server's code in the last
 * error). Anything else (not implemented, our own parameter check, a protocol error)
 * fails. Portable C11: no POSIX beyond stdio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meslink.h"

static int failures = 0;

static void config_for(char *out, size_t cap, const char *url) {
    snprintf(out, cap,
             "{\"ate\":{\"base_url\":\"%s\",\"emp_no\":\"ate\",\"password\":\"Windows123.\"},"
             "\"grading\":{\"base_url\":\"%s\",\"datasource\":\"MES01\"},"
             "\"trace\":{\"base_url\":\"%s\",\"app_key\":\"meslink-trace\","
             "\"app_secret\":\"meslink-trace-secret\"},"
             "\"mgm\":{\"base_url\":\"%s/v1\",\"app_key\":\"meslink-app\","
             "\"app_secret\":\"meslink-secret\"},"
             "\"energy\":{\"base_url\":\"%s\",\"username\":\"admin\",\"password\":\"admin123\"},"
             "\"timeout_ms\":10000,"
             "\"retry\":{\"max_attempts\":2,\"initial_backoff_ms\":10,\"max_backoff_ms\":50}}",
             url, url, url, url, url);
}

int main(void) {
    const char *url = getenv("MESLINK_SIM_URL");
    const char *tsv = getenv("MESLINK_SAMPLE_CALLS_TSV");
    if (!url || !tsv) {
        fprintf(stderr, "set MESLINK_SIM_URL and MESLINK_SAMPLE_CALLS_TSV\n");
        return 2;
    }
    FILE *f = fopen(tsv, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", tsv);
        return 2;
    }
    static char config[4096];
    config_for(config, sizeof config, url);
    int32_t client = 0;
    int rc = meslink_client_open_ex(config, MESLINK_ENCODING_UTF8, &client);
    if (rc != MESLINK_OK) {
        fprintf(stderr, "open: %s\n", meslink_status_str(rc));
        return 1;
    }
    static char line[65536];
    static char answer[1 << 20];
    int calls = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = 0;
        const char *id = line, *params = tab + 1;
        uint32_t len = 0;
        rc = meslink_client_call(client, id, params, answer, sizeof answer, &len);
        calls++;
        char err[4096] = "";
        uint32_t elen = 0;
        if (rc != MESLINK_OK) meslink_error_last_json(err, sizeof err, &elen);
        int refused_by_server = (rc == MESLINK_E_BUSINESS || rc == MESLINK_E_INVALID_ARGUMENT ||
                                 rc == MESLINK_E_AUTH) &&
                                strstr(err, "\"server_code\":\"") != NULL;
        if (rc == MESLINK_OK || refused_by_server) {
            printf("ok   %-40s %s\n", id, meslink_status_str(rc));
        } else {
            printf("FAIL %-40s %s: %s\n", id, meslink_status_str(rc), err);
            failures++;
        }
    }
    fclose(f);
    meslink_client_close(client);
    if (calls == 0) {
        fprintf(stderr, "no calls in %s\n", tsv);
        return 1;
    }
    printf("every call: %d calls, %d failed\n", calls, failures);
    return failures ? 1 : 0;
}
