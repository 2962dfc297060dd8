/* cmd_txn.c — `cordon txn`: one verdict per transaction of a JSON-lines file. */
#include "commands.h"

#include <stdlib.h>
#include <string.h>

void usage_txn(FILE *out)
{
    fputs("Usage: cordon txn [-d DB] [--rules FILE]... [--json] FILE|-\n"
          "Screen transactions: parties against the lists, destination and transit\n"
          "countries against embargo rules, items through classification. One verdict\n"
          "per transaction: CLEAR, REVIEW or BLOCK, with every reason.\n"
          "\n"
          "FILE holds one JSON object per line (JSON lines); '-' reads stdin:\n"
          "  {\"id\":\"T-1\",\"origin\":\"DE\",\"destination\":\"AE\",\"transit\":[\"TR\"],\n"
          "   \"parties\":[{\"role\":\"consignee\",\"name\":\"...\",\"type\":\"organization\",\n"
          "                \"country\":\"AE\"}],\n"
          "   \"items\":[{\"description\":\"...\",\"hs\":\"854231\",\"eccn\":\"3A001\",\n"
          "              \"params\":{\"frequency\":\"3.2 GHz\"}}]}\n"
          "Party types: person, organization, vessel, aircraft, any. Party roles are\n"
          "free text (buyer, consignee, end_user, bank, carrier, notify, ...).\n"
          "\n"
          "  -d, --db FILE      snapshot (default: $CORDON_DB, else the demo db); its\n"
          "                     rules are used unless --rules is given\n"
          "  -r, --rules FILE   rule pack (XML) or code list (CSV/TSV); repeatable\n"
          "      --json         one JSON verdict per line\n"
          "\n"
          "Exit status: 0 all CLEAR, 1 any REVIEW or BLOCK, 2 usage or input error\n"
          "(a malformed line is reported with its line number and processing stops).\n",
          out);
}

static int read_line(FILE *f, char **buf, size_t *cap, size_t *len)
{
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (n + 1 >= *cap) {
            size_t nc = *cap ? *cap * 2 : 4096;
            if (nc > (size_t)256 << 20)
                return -2; /* line over 256 MiB */
            char *nb = realloc(*buf, nc);
            if (!nb)
                return -2;
            *buf = nb;
            *cap = nc;
        }
        if (c == '\n')
            break;
        (*buf)[n++] = (char)c;
    }
    if (c == EOF && n == 0)
        return -1;
    if (n && (*buf)[n - 1] == '\r')
        n--;
    (*buf)[n] = '\0';
    *len = n;
    return 0;
}

int cmd_txn(int argc, char **argv)
{
    const char *dbpath = NULL, *file = NULL;
    const char *rules_files[32];
    int nrules = 0, json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
            if (++i >= argc)
                return cli_usage_error("txn", "%s needs a file name", a);
            dbpath = argv[i];
        } else if (strcmp(a, "-r") == 0 || strcmp(a, "--rules") == 0) {
            if (++i >= argc)
                return cli_usage_error("txn", "%s needs a file name", a);
            if (nrules == 32)
                return cli_usage_error("txn", "at most 32 --rules files");
            rules_files[nrules++] = argv[i];
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("txn", "unknown option '%s'", a);
        } else if (!file) {
            file = a;
        } else {
            return cli_usage_error("txn", "only one transaction file");
        }
    }
    if (!file)
        return cli_usage_error("txn", "no transaction file (use - for stdin)");
    cordon_error err;
    cordon_db *db = NULL;
    cordon_rules *rules = NULL;
    const char *path = cli_default_db(dbpath);
    int rc = cordon_db_open(path, NULL, &db, &err);
    if (rc) {
        cli_error("txn", rc, &err);
        return CLI_USAGE;
    }
    if (nrules) {
        rc = cordon_rules_new(&rules, NULL, &err);
        for (int i = 0; !rc && i < nrules; i++) {
            rc = cordon_rules_add_file(rules, rules_files[i], NULL, NULL, &err);
            if (rc)
                cli_error(rules_files[i], rc, &err);
        }
        if (rc) {
            cordon_rules_free(rules);
            cordon_db_free(db);
            return CLI_USAGE;
        }
    }
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
    if (!f) {
        perror(file);
        cordon_rules_free(rules);
        cordon_db_free(db);
        return CLI_USAGE;
    }
    char *line = NULL;
    size_t cap = 0, len = 0;
    long lineno = 0, counts[3] = {0, 0, 0};
    int status = CLI_OK;
    for (;;) {
        int r = read_line(f, &line, &cap, &len);
        if (r == -1)
            break;
        lineno++;
        if (r == -2) {
            fprintf(stderr, "cordon: %s:%ld: line too long or out of memory\n", file, lineno);
            status = CLI_USAGE;
            break;
        }
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len || line[k] == '#')
            continue;
        cordon_txn *t = NULL;
        rc = cordon_txn_parse_json(line, len, NULL, &t, &err);
        if (rc) {
            fprintf(stderr, "cordon: %s:%ld", file, lineno);
            if (err.column > 0)
                fprintf(stderr, ":%lld", (long long)err.column);
            fprintf(stderr, ": %s [%s]\n", err.message, cordon_strerror(rc));
            status = CLI_USAGE;
            break;
        }
        cordon_verdict *v = NULL;
        rc = cordon_screen_txn(db, rules, t, NULL, &v, &err);
        cordon_txn_free(t);
        if (rc) {
            char where[300];
            snprintf(where, sizeof where, "%s:%ld", file, lineno);
            cli_error(where, rc, &err);
            status = CLI_USAGE;
            break;
        }
        int d = cordon_verdict_decision(v);
        counts[d]++;
        if (d != CORDON_VERDICT_CLEAR && status == CLI_OK)
            status = CLI_FINDINGS;
        if (json) {
            puts(cordon_verdict_json(v, NULL));
        } else {
            const char *id = cordon_verdict_id(v);
            printf("%-7s %s%s(line %ld)\n", cordon_verdict_decision_name(d), id, *id ? " " : "",
                   lineno);
            size_t nr = cordon_verdict_reason_count(v);
            for (size_t i = 0; i < nr; i++)
                printf("  %-6s %-22s %s\n",
                       cordon_verdict_decision_name(cordon_verdict_reason_decision(v, i)),
                       cordon_verdict_reason_code(v, i), cordon_verdict_reason_text(v, i));
        }
        cordon_verdict_free(v);
    }
    if (f != stdin)
        fclose(f);
    free(line);
    if (status != CLI_USAGE)
        fprintf(stderr, "cordon: %ld transactions: %ld CLEAR, %ld REVIEW, %ld BLOCK\n",
                counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
    cordon_rules_free(rules);
    cordon_db_free(db);
    return status;
}
