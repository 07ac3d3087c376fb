/* The fixture call's generated C export, called against the stub server. */
#include <stdio.h>
#include <string.h>
#include "meslink.h"

int main(int argc, char **argv) {
    char config[512], answer[1024], err[512];
    uint32_t len = 0;
    int32_t client = 0;
    if (argc < 2) return 2;
    snprintf(config, sizeof config, "{\"grading\":{\"base_url\":\"%s\",\"datasource\":\"FIX\"}}", argv[1]);
    if (meslink_client_open(config, &client) != MESLINK_OK) return 3;
    int32_t rc = meslink_grading_fixture_echo(client, "C-1", answer, sizeof answer, &len);
    if (rc != MESLINK_OK) {
        meslink_error_last(err, sizeof err, &len);
        fprintf(stderr, "meslink_grading_fixture_echo: %d %s\n", rc, err);
        return 1;
    }
    printf("%s\n", answer);
    meslink_client_close(client);
    return strstr(answer, "\"cellCode\":\"C-1\"") ? 0 : 1;
}
