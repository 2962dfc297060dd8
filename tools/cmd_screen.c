/* cmd_screen.c — `cordon screen`: screen a file of business partners. */
#include "commands.h"
#include "partyio.h"

#include <stdlib.h>
#include <string.h>

void usage_screen(FILE *out)
{
    fprintf(out,
            "Usage: cordon screen [-d DB] [--threads N] [--suppress FILE] FILE|-\n"
            "\n"
            "Screen every party of FILE against the db and print one JSON line per\n"
            "party, in input order: id, line, name, hits (score, decision, list,\n"
            "list_date, entity_id, name, primary_name, content_hash, suppressed,\n"
            "explanation) and the number of alerts.\n"
            "\n"
            "FILE is CSV with a header naming the columns id,name,type,country,dob,\n"
            "identifiers (only name is required; country and identifiers may hold several\n"
            "values separated by ';', an identifier is TYPE:NUMBER[:COUNTRY]) or JSON\n"
            "lines with those keys (country/identifiers may also be arrays).\n"
            "\n"
            "Options:\n"
            "  -d, --db DB        snapshot (default $CORDON_DB or the demo db)\n"
            "  --threads N        screening threads on the one shared db (default 1)\n"
            "  --suppress FILE    cleared hits: PARTY_ID<TAB>LIST<TAB>ENTITY_ID<TAB>CONTENT_HASH\n"
            "                     lines; such a hit is reported with \"suppressed\":true and\n"
            "                     is not an alert, unless the entity's content hash changed\n"
            "\n"
            "Progress goes to stderr when it is a terminal; a summary always does.\n"
            "Exit status: 0 no alerts, 1 at least one alert, 2 usage or input error.\n");
}

int cmd_screen(int argc, char **argv)
{
    const char *dbpath = NULL, *supp = NULL, *file = NULL;
    long threads = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
            if (++i >= argc)
                return cli_usage_error("screen", "%s needs a value", a);
            dbpath = argv[i];
        } else if (strcmp(a, "--threads") == 0 || strcmp(a, "-j") == 0) {
            if (++i >= argc)
                return cli_usage_error("screen", "%s needs a value", a);
            char *e;
            threads = strtol(argv[i], &e, 10);
            if (*e || threads < 1 || threads > 64)
                return cli_usage_error("screen", "bad --threads '%s' (1..64)", argv[i]);
        } else if (strcmp(a, "--suppress") == 0) {
            if (++i >= argc)
                return cli_usage_error("screen", "%s needs a value", a);
            supp = argv[i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("screen", "unknown option '%s'", a);
        } else if (!file) {
            file = a;
        } else {
            return cli_usage_error("screen", "one FILE only");
        }
    }
    if (!file)
        return cli_usage_error("screen", "missing FILE");
    supp_set ss = {NULL, 0};
    if (supp && supp_load(&ss, supp) != CLI_OK)
        return CLI_USAGE;
    cordon_error err;
    cordon_db *db = NULL;
    const char *path = cli_default_db(dbpath);
    int rc = cordon_db_open(path, NULL, &db, &err);
    if (rc) {
        cli_error(path, rc, &err);
        supp_free(&ss);
        return CLI_USAGE;
    }
    screen_run run;
    memset(&run, 0, sizeof run);
    run.db_new = db;
    run.supp = &ss;
    run.threads = (int)threads;
    int status = screen_file(&run, file);
    cordon_db_free(db);
    supp_free(&ss);
    return status;
}
