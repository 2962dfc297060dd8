/* cmd_search.c — `cordon search`: screen one name (or one per line) against a db. */
#include "commands.h"
#include "partyio.h"

#include <stdlib.h>
#include <string.h>

void usage_search(FILE *out)
{
    fprintf(out,
            "Usage: cordon search [-d DB] [--type T] [--country CC] [--dob DATE] [--limit N]\n"
            "                     [--threshold X] [--exhaustive] [--json] NAME\n"
            "       cordon search [-d DB] [options] --batch FILE|-\n"
            "\n"
            "Find the list entities a party name matches (index candidates, calibrated\n"
            "score with evidence, best name per entity, ranked).\n"
            "\n"
            "Options:\n"
            "  -d, --db DB       snapshot (default $CORDON_DB or the demo db)\n"
            "  --type T          person, org, vessel, aircraft or any (default any)\n"
            "  --country CC      country of the party (repeatable), ISO2 or name\n"
            "  --dob DATE        date of birth (1952-10-07, 1952)\n"
            "  --limit N         most hits (default 10)\n"
            "  --threshold X     alert threshold 0..1 (default: calibrated per type)\n"
            "  --exhaustive      score every list name (slow; audits)\n"
            "  --json            JSON output (an array of hits)\n"
            "  --batch FILE      one name per line ('-' = stdin); one JSON line of hits each\n"
            "\n"
            "Text output: SCORE<TAB>DECISION<TAB>LIST<TAB>ENTITY_ID<TAB>NAME<TAB>PRIMARY_NAME.\n"
            "Exit status: 0 nothing alerts, 1 at least one alert, 2 usage or input error.\n");
}

static int print_results(cordon_results *r, int json)
{
    int alerts = 0;
    size_t n = cordon_results_count(r);
    for (size_t i = 0; i < n; i++)
        alerts += cordon_results_decision(r, i) == CORDON_DECISION_ALERT;
    if (json) {
        const char *j = cordon_results_json(r, NULL);
        printf("%s\n", j ? j : "[]");
    } else {
        for (size_t i = 0; i < n; i++)
            printf("%.4f\t%s\t%s\t%s\t%s\t%s\n", cordon_results_score(r, i),
                   cordon_results_decision(r, i) == CORDON_DECISION_ALERT ? "alert" : "below",
                   cordon_results_list(r, i), cordon_results_entity_id(r, i),
                   cordon_results_name(r, i), cordon_results_primary_name(r, i));
    }
    return alerts;
}

int cmd_search(int argc, char **argv)
{
    const char *dbpath = NULL, *batch = NULL, *name = NULL, *dob = NULL;
    const char *countries[16];
    int ncountry = 0, type = 0, json = 0, exhaustive = 0;
    long limit = 10;
    double threshold = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
#define NEED(opt)                                                          \
    if (++i >= argc)                                                       \
        return cli_usage_error("search", "%s needs a value", opt);
        if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
            NEED(a);
            dbpath = argv[i];
        } else if (strcmp(a, "--type") == 0 || strcmp(a, "-t") == 0) {
            NEED(a);
            type = party_parse_type(argv[i]);
            if (type < 0)
                return cli_usage_error("search", "unknown type '%s'", argv[i]);
        } else if (strcmp(a, "--country") == 0) {
            NEED(a);
            if (ncountry >= 16)
                return cli_usage_error("search", "at most 16 --country");
            countries[ncountry++] = argv[i];
        } else if (strcmp(a, "--dob") == 0) {
            NEED(a);
            dob = argv[i];
        } else if (strcmp(a, "--limit") == 0) {
            NEED(a);
            char *e;
            limit = strtol(argv[i], &e, 10);
            if (*e || limit < 1 || limit > 100000)
                return cli_usage_error("search", "bad --limit '%s'", argv[i]);
        } else if (strcmp(a, "--threshold") == 0) {
            NEED(a);
            char *e;
            threshold = strtod(argv[i], &e);
            if (*e || !(threshold >= 0 && threshold <= 1))
                return cli_usage_error("search", "bad --threshold '%s' (0..1)", argv[i]);
        } else if (strcmp(a, "--exhaustive") == 0) {
            exhaustive = 1;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--batch") == 0) {
            NEED(a);
            batch = argv[i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("search", "unknown option '%s'", a);
        } else if (!name) {
            name = a;
        } else {
            return cli_usage_error("search", "one NAME only (quote it)");
        }
#undef NEED
    }
    if (!name == !batch)
        return cli_usage_error("search", "give a NAME or --batch FILE");
    cordon_error err;
    cordon_db *db = NULL;
    const char *path = cli_default_db(dbpath);
    int rc = cordon_db_open(path, NULL, &db, &err);
    if (rc) {
        cli_error(path, rc, &err);
        return CLI_USAGE;
    }
    cordon_options *opts = NULL;
    cordon_options_new(&opts, NULL);
    cordon_options_set_int(opts, CORDON_OPT_LIMIT, limit, NULL);
    cordon_options_set_int(opts, CORDON_OPT_EXHAUSTIVE, exhaustive, NULL);
    if (threshold >= 0)
        cordon_options_set_int(opts, CORDON_OPT_THRESHOLD_PERMILLE,
                               (int64_t)(threshold * 1000.0 + 0.5), NULL);
    int status = CLI_OK, alerts = 0;
    FILE *in = NULL;
    if (batch) {
        in = strcmp(batch, "-") == 0 ? stdin : fopen(batch, "r");
        if (!in) {
            fprintf(stderr, "cordon: %s: cannot open\n", batch);
            status = CLI_USAGE;
            goto out;
        }
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    for (;;) {
        const char *q = name;
        if (batch) {
            ssize_t n = getline(&line, &cap, in);
            if (n < 0)
                break;
            lineno++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                line[--n] = 0;
            if (n == 0) {
                printf("[]\n");
                continue;
            }
            q = line;
        }
        cordon_party *p = NULL;
        rc = cordon_party_new(&p, NULL, &err);
        if (!rc)
            rc = cordon_party_add_name(p, q, CORDON_NUL_TERMINATED, &err);
        if (!rc)
            rc = cordon_party_set_type(p, type, &err);
        for (int k = 0; !rc && k < ncountry; k++)
            rc = cordon_party_add_country(p, countries[k], &err);
        if (!rc && dob)
            rc = cordon_party_set_dob(p, dob, &err);
        cordon_results *r = NULL;
        if (!rc)
            rc = cordon_screen_party(db, p, opts, &r, &err);
        cordon_party_free(p);
        if (rc) {
            char where[512];
            if (batch)
                snprintf(where, sizeof where, "%s:%ld", strcmp(batch, "-") ? batch : "<stdin>",
                         lineno);
            else
                snprintf(where, sizeof where, "search");
            cli_error(where, rc, &err);
            status = CLI_USAGE;
            break;
        }
        alerts += print_results(r, json || batch);
        cordon_results_free(r);
        if (!batch)
            break;
    }
    free(line);
    if (in && in != stdin)
        fclose(in);
    if (status == CLI_OK && alerts)
        status = CLI_FINDINGS;
out:
    cordon_options_free(opts);
    cordon_db_free(db);
    return status;
}
