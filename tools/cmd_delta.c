/* cmd_delta.c — `cordon delta`: alerts that are new or changed between two
 * versions of the lists. */
#include "commands.h"
#include "partyio.h"

#include <stdlib.h>
#include <string.h>

void usage_delta(FILE *out)
{
    fprintf(out,
            "Usage: cordon delta [--threads N] [--suppress FILE] OLD.cdb NEW.cdb FILE|-\n"
            "\n"
            "Screen the parties of FILE (as for `cordon screen`) against both snapshots\n"
            "and print, for each party that has any, only the alerts of NEW that OLD did\n"
            "not raise (\"delta\":\"new\") or whose entity's listing changed since OLD\n"
            "(\"delta\":\"changed\"). What a compliance team re-screens after a list update.\n"
            "\n"
            "Exit status: 0 nothing new, 1 new or changed alerts, 2 usage or input error.\n");
}

int cmd_delta(int argc, char **argv)
{
    const char *pos[3], *supp = NULL;
    int npos = 0;
    long threads = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--threads") == 0 || strcmp(a, "-j") == 0) {
            if (++i >= argc)
                return cli_usage_error("delta", "%s needs a value", a);
            char *e;
            threads = strtol(argv[i], &e, 10);
            if (*e || threads < 1 || threads > 64)
                return cli_usage_error("delta", "bad --threads '%s' (1..64)", argv[i]);
        } else if (strcmp(a, "--suppress") == 0) {
            if (++i >= argc)
                return cli_usage_error("delta", "%s needs a value", a);
            supp = argv[i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("delta", "unknown option '%s'", a);
        } else if (npos < 3) {
            pos[npos++] = a;
        } else {
            return cli_usage_error("delta", "too many arguments");
        }
    }
    if (npos != 3)
        return cli_usage_error("delta", "need OLD.cdb NEW.cdb FILE");
    supp_set ss = {NULL, 0};
    if (supp && supp_load(&ss, supp) != CLI_OK)
        return CLI_USAGE;
    cordon_error err;
    cordon_db *dbs[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        int rc = cordon_db_open(pos[k], NULL, &dbs[k], &err);
        if (rc) {
            cli_error(pos[k], rc, &err);
            cordon_db_free(dbs[0]);
            supp_free(&ss);
            return CLI_USAGE;
        }
    }
    screen_run run;
    memset(&run, 0, sizeof run);
    run.db_old = dbs[0];
    run.db_new = dbs[1];
    run.supp = &ss;
    run.threads = (int)threads;
    run.mode = 1;
    int status = screen_file(&run, pos[2]);
    cordon_db_free(dbs[0]);
    cordon_db_free(dbs[1]);
    supp_free(&ss);
    return status;
}
