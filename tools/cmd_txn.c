/* cmd_txn.c — `cordon txn`: one verdict per transaction of JSON-lines or XML files. */
#include "commands.h"

#include <stdlib.h>
#include <string.h>

void usage_txn(FILE *out)
{
    fputs("Usage: cordon txn [-d DB] [--rules FILE]... [--format json|xml] [--json] FILE|-...\n"
          "Screen transactions: parties against the lists, destination and transit\n"
          "countries against embargo rules, items through classification. One verdict\n"
          "per transaction: CLEAR, REVIEW or BLOCK, with every reason.\n"
          "\n"
          "A JSON FILE holds one JSON object per line (JSON lines); '-' reads stdin:\n"
          "  {\"id\":\"T-1\",\"origin\":\"DE\",\"destination\":\"AE\",\"transit\":[\"TR\"],\n"
          "   \"parties\":[{\"role\":\"consignee\",\"name\":\"...\",\"type\":\"organization\",\n"
          "                \"country\":\"AE\"}],\n"
          "   \"items\":[{\"description\":\"...\",\"hs\":\"854231\",\"eccn\":\"3A001\",\n"
          "              \"params\":{\"frequency\":\"3.2 GHz\"}}]}\n"
          "An XML FILE holds one transaction with the same fields (doc/transactions.md):\n"
          "  <transaction xmlns=\"urn:cordon:txn:1\"><id>T-1</id><origin>DE</origin>\n"
          "    <destination>AE</destination><transit>TR</transit>\n"
          "    <party><role>consignee</role><name>...</name><type>organization</type>\n"
          "      <country>AE</country></party>\n"
          "    <item><description>...</description><hs>854231</hs><eccn>3A001</eccn>\n"
          "      <param name=\"frequency\">3.2 GHz</param></item></transaction>\n"
          "Party types: person, organization, vessel, aircraft, any. Party roles are\n"
          "free text (buyer, consignee, end_user, bank, carrier, notify, ...).\n"
          "Several FILEs may be given (e.g. one XML file per transaction).\n"
          "\n"
          "  -d, --db FILE      snapshot (default: $CORDON_DB, else the demo db); its\n"
          "                     rules are used unless --rules is given\n"
          "  -r, --rules FILE   rule pack (XML) or code list (CSV/TSV); repeatable\n"
          "      --format F     json (JSON lines) or xml; default: per file, XML when its\n"
          "                     first non-blank byte is '<', else JSON lines\n"
          "      --json         one JSON verdict per line\n"
          "\n"
          "Exit status: 0 all CLEAR, 1 any REVIEW or BLOCK, 2 usage or input error\n"
          "(a malformed transaction is reported with its file, line and column, and\n"
          "processing stops).\n",
          out);
}

/* Read one line into *buf after its first `start` bytes (already there). */
static int read_line(FILE *f, char **buf, size_t *cap, size_t *len, size_t start)
{
    size_t n = start;
    int c = EOF;
    for (;;) {
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
        if ((c = getc(f)) == EOF || c == '\n')
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

typedef struct run {
    const cordon_db *db;
    const cordon_rules *rules;
    int json;
    long counts[3];
    int status;
} run;

/* Screen one parsed transaction and print its verdict; false on error. */
static bool screen_one(run *R, cordon_txn *t, const char *file, long lineno)
{
    cordon_error err;
    cordon_verdict *v = NULL;
    int rc = cordon_screen_txn(R->db, R->rules, t, NULL, &v, &err);
    if (rc) {
        char where[300];
        if (lineno > 0)
            snprintf(where, sizeof where, "%s:%ld", file, lineno);
        else
            snprintf(where, sizeof where, "%s", file);
        cli_error(where, rc, &err);
        R->status = CLI_USAGE;
        return false;
    }
    int d = cordon_verdict_decision(v);
    R->counts[d]++;
    if (d != CORDON_VERDICT_CLEAR && R->status == CLI_OK)
        R->status = CLI_FINDINGS;
    if (R->json) {
        puts(cordon_verdict_json(v, NULL));
    } else {
        const char *id = cordon_verdict_id(v);
        if (lineno > 0)
            printf("%-7s %s%s(line %ld)\n", cordon_verdict_decision_name(d), id, *id ? " " : "",
                   lineno);
        else
            printf("%-7s %s%s(%s)\n", cordon_verdict_decision_name(d), id, *id ? " " : "", file);
        size_t nr = cordon_verdict_reason_count(v);
        for (size_t i = 0; i < nr; i++)
            printf("  %-6s %-22s %s\n",
                   cordon_verdict_decision_name(cordon_verdict_reason_decision(v, i)),
                   cordon_verdict_reason_code(v, i), cordon_verdict_reason_text(v, i));
    }
    cordon_verdict_free(v);
    return true;
}

/* The message of a transaction parse error without the parser's own
 * "transaction XML:L:C: " / "transaction JSON: " prefix (the CLI prints the
 * file name and position instead). */
static const char *strip_prefix(const char *m)
{
    static const char *const pre[] = {"transaction XML:", "transaction JSON: "};
    for (int k = 0; k < 2; k++) {
        size_t n = strlen(pre[k]);
        if (strncmp(m, pre[k], n) != 0)
            continue;
        const char *p = m + n;
        if (k == 0) {
            while ((*p >= '0' && *p <= '9') || *p == ':')
                p++;
            while (*p == ' ')
                p++;
        }
        return p;
    }
    return m;
}

static void parse_error(const char *file, long lineno, int rc, const cordon_error *err)
{
    fprintf(stderr, "cordon: %s", file);
    if (lineno > 0)
        fprintf(stderr, ":%ld", lineno);
    else if (err->line > 0)
        fprintf(stderr, ":%lld", (long long)err->line);
    if (err->column > 0)
        fprintf(stderr, ":%lld", (long long)err->column);
    fprintf(stderr, ": %s [%s]\n", strip_prefix(err->message), cordon_strerror(rc));
}

/* One XML document (the whole of f; `pre` = bytes already read from it). */
static bool run_xml(run *R, FILE *f, const char *file, const char *pre, size_t npre)
{
    size_t cap = npre + 65536, len = npre;
    char *buf = malloc(cap);
    if (!buf) {
        fprintf(stderr, "cordon: %s: out of memory\n", file);
        R->status = CLI_USAGE;
        return false;
    }
    memcpy(buf, pre, npre);
    for (;;) {
        if (len == cap) {
            if (cap > (size_t)1 << 30) {
                fprintf(stderr, "cordon: %s: XML document over 1 GiB\n", file);
                free(buf);
                R->status = CLI_USAGE;
                return false;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fprintf(stderr, "cordon: %s: out of memory\n", file);
                R->status = CLI_USAGE;
                return false;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        perror(file);
        free(buf);
        R->status = CLI_USAGE;
        return false;
    }
    cordon_error err;
    cordon_txn *t = NULL;
    int rc = cordon_txn_parse_xml(buf, len, NULL, &t, &err);
    free(buf);
    if (rc) {
        parse_error(file, 0, rc, &err);
        R->status = CLI_USAGE;
        return false;
    }
    bool ok = screen_one(R, t, file, 0);
    cordon_txn_free(t);
    return ok;
}

/* JSON lines from f; the first `skipped` lines were blank and `pre` holds
 * the bytes of the next line already read. */
static bool run_jsonl(run *R, FILE *f, const char *file, long skipped, const char *pre,
                      size_t npre)
{
    size_t cap = npre + 4096, len = 0;
    char *line = malloc(cap);
    long lineno = skipped;
    bool ok = true;
    if (!line) {
        fprintf(stderr, "cordon: %s: out of memory\n", file);
        R->status = CLI_USAGE;
        return false;
    }
    memcpy(line, pre, npre);
    for (;;) {
        int r = read_line(f, &line, &cap, &len, npre);
        npre = 0;
        if (r == -1)
            break;
        lineno++;
        if (r == -2) {
            fprintf(stderr, "cordon: %s:%ld: line too long or out of memory\n", file, lineno);
            R->status = CLI_USAGE;
            ok = false;
            break;
        }
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len || line[k] == '#')
            continue;
        cordon_error err;
        cordon_txn *t = NULL;
        int rc = cordon_txn_parse_json(line, len, NULL, &t, &err);
        if (rc) {
            parse_error(file, lineno, rc, &err);
            R->status = CLI_USAGE;
            ok = false;
            break;
        }
        ok = screen_one(R, t, file, lineno);
        cordon_txn_free(t);
        if (!ok)
            break;
    }
    free(line);
    return ok;
}

/* Screen one file: format given (0 json, 1 xml) or detected (-1). */
static bool run_file(run *R, const char *file, int format)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
    if (!f) {
        perror(file);
        R->status = CLI_USAGE;
        return false;
    }
    /* look at the first non-blank byte (after a UTF-8 byte order mark) */
    char pre[4096];
    size_t npre = 0;
    long newlines = 0;
    int c = EOF;
    while (npre < sizeof pre && (c = getc(f)) != EOF) {
        pre[npre++] = (char)c;
        if (c == '\n')
            newlines++;
        else if (c == ' ' || c == '\t' || c == '\r')
            continue;
        else if (npre <= 3 && (unsigned char)c >= 0xBB &&
                 memcmp(pre, "\xEF\xBB\xBF", npre) == 0)
            continue;
        else
            break;
    }
    if (format < 0)
        format = c == '<' ? 1 : 0;
    bool ok;
    if (format == 1) {
        ok = run_xml(R, f, file, pre, npre);
    } else {
        /* blank lines only move the line numbers; the rest starts line 1 */
        size_t keep = npre;
        while (keep > 0 && pre[keep - 1] != '\n')
            keep--;
        ok = run_jsonl(R, f, file, newlines, pre + keep, npre - keep);
    }
    if (f != stdin)
        fclose(f);
    return ok;
}

int cmd_txn(int argc, char **argv)
{
    const char *dbpath = NULL;
    const char *files[256];
    int nfiles = 0;
    const char *rules_files[32];
    int nrules = 0, json = 0, format = -1;
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
        } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : NULL;
            if (!v) {
                if (++i >= argc)
                    return cli_usage_error("txn", "--format needs json or xml");
                v = argv[i];
            }
            if (strcmp(v, "json") == 0 || strcmp(v, "jsonl") == 0)
                format = 0;
            else if (strcmp(v, "xml") == 0)
                format = 1;
            else
                return cli_usage_error("txn", "--format: '%s' is not json or xml", v);
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("txn", "unknown option '%s'", a);
        } else {
            if (nfiles == 256)
                return cli_usage_error("txn", "at most 256 transaction files");
            files[nfiles++] = a;
        }
    }
    if (nfiles == 0)
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
    run R = {db, rules, json, {0, 0, 0}, CLI_OK};
    for (int i = 0; i < nfiles; i++)
        if (!run_file(&R, files[i], format))
            break;
    if (R.status != CLI_USAGE)
        fprintf(stderr, "cordon: %ld transactions: %ld CLEAR, %ld REVIEW, %ld BLOCK\n",
                R.counts[0] + R.counts[1] + R.counts[2], R.counts[0], R.counts[1], R.counts[2]);
    cordon_rules_free(rules);
    cordon_db_free(db);
    return R.status;
}
