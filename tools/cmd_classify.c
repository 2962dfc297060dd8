/* cmd_classify.c — `cordon classify`: classify items against control lists
 * and embargo rules. Uses the public API only. */
#include "commands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#ifndef CORDON_RULES_DIR
#define CORDON_RULES_DIR "rules"
#endif

#define MAX_RULES 32
#define MAX_PARAMS 64

void usage_classify(FILE *out)
{
    fprintf(out,
            "Usage: cordon classify [-d DB | --rules FILE... --code-list FILE[=ID]...] [--hs CODE]\n"
            "                       [--eccn CODE] [--param K=V]... [--dest COUNTRY] [--json]\n"
            "                       [DESCRIPTION]\n"
            "       cordon classify [options] --batch FILE\n"
            "\n"
            "Classify a traded item against control lists (EU Annex I, US CCL, the Common\n"
            "High Priority List, in-house rules) and the embargo rules for its destination.\n"
            "\n"
            "Options:\n"
            "  --rules FILE        load a rule pack (XML) or code list (CSV/TSV); repeatable.\n"
            "                      Without it the installed demo pack and embargo rules are\n"
            "                      used (%s, or $CORDON_RULES_DIR)\n"
            "  --code-list FILE[=ID]  load a CSV/TSV code list (code, tier/label, description)\n"
            "                      under list id ID (default: the file name)\n"
            "  --hs CODE           HS-6, CN-8 or HTS-10 tariff code (dots and spaces allowed)\n"
            "  --eccn CODE         declared ECCN, EU Annex I or USML code\n"
            "  --param K=V         technical parameter, e.g. --param 'sample_rate=1.5 GSPS'\n"
            "  --dest COUNTRY      destination country (name or ISO code) or place\n"
            "  --batch FILE        classify every item of a CSV file (header: description,hs,\n"
            "                      eccn,dest,params with params as 'k=v;k=v') or a JSON-lines\n"
            "                      file ({\"description\":..,\"hs\":..,\"eccn\":..,\"dest\":..,\n"
            "                      \"params\":{\"k\":\"v\"}}); '-' reads stdin\n"
            "  --json              one JSON object per item\n"
            "  -d, --db DB         classify against the rules stored in a snapshot (compiled\n"
            "                      with `cordon compile -r FILE`); not with --rules or\n"
            "                      --code-list\n"
            "\n"
            "Exit status: 0 no candidate, 1 a candidate or embargo finding, 2 error.\n",
            CORDON_RULES_DIR);
}

typedef struct opts {
    const char *rules[MAX_RULES];
    const char *rule_fmt[MAX_RULES];
    char *rule_id[MAX_RULES];
    int nrules;
    bool json;
} opts;

/* ---- output ------------------------------------------------------------------------- */

static void print_result(const opts *o, long index, const char *desc, cordon_classification *c)
{
    if (o->json) {
        size_t jl;
        const char *j = cordon_classification_json(c, &jl);
        printf("{\"item\":%ld,\"description\":", index);
        cli_json_str(stdout, desc ? desc : "", desc ? strlen(desc) : 0);
        printf(",\"result\":%s}\n", j ? j : "null");
        return;
    }
    size_t n = cordon_classification_count(c), ne = cordon_classification_embargo_count(c);
    printf("item %ld: %s\n", index, desc && *desc ? desc : "(no description)");
    if (n == 0 && ne == 0) {
        printf("  no candidate in the loaded lists\n");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char *tier = cordon_classification_tier(c, i);
        printf("  %-16s %-18s %.2f %-16s %s%s%s%s\n", cordon_classification_code(c, i),
               *cordon_classification_list(c, i) ? cordon_classification_list(c, i) : "-",
               cordon_classification_confidence(c, i), cordon_classification_reason(c, i),
               *tier ? "[tier " : "", tier, *tier ? "] " : "", cordon_classification_title(c, i));
        printf("      evidence: %s\n", cordon_classification_evidence(c, i));
        const char *m = cordon_classification_missing(c, i);
        if (*m)
            printf("      missing:  %s\n", m);
        const char *l = cordon_classification_legal(c, i);
        if (*l)
            printf("      legal:    %s\n", l);
    }
    for (size_t i = 0; i < ne; i++) {
        int block = 0;
        const char *t = cordon_classification_embargo(c, i, &block);
        printf("  EMBARGO %-6s %s\n", block ? "BLOCK" : "REVIEW", t);
    }
}

/* ---- one item ---------------------------------------------------------------------- */

static int set_param_kv(cordon_item *it, const char *kv, cordon_error *err)
{
    const char *eq = strchr(kv, '=');
    if (!eq || eq == kv) {
        snprintf(err->message, sizeof err->message, "parameter '%s' is not K=V", kv);
        return CORDON_E_INVALID;
    }
    char name[64];
    size_t nl = (size_t)(eq - kv);
    if (nl >= sizeof name) {
        snprintf(err->message, sizeof err->message, "parameter name too long");
        return CORDON_E_INVALID;
    }
    memcpy(name, kv, nl);
    name[nl] = '\0';
    return cordon_item_set_param(it, name, eq + 1, err);
}

/* Returns 0 (nothing found), 1 (found) or 2 (error, message printed). */
static int classify_one(const opts *o, const cordon_rules *rules, cordon_item *it, long index,
                        const char *where, const char *desc)
{
    cordon_classification *c = NULL;
    cordon_error err;
    int rc = cordon_classify(rules, it, &c, &err);
    if (rc != CORDON_OK) {
        cli_error(where, rc, &err);
        return 2;
    }
    print_result(o, index, desc, c);
    int found = cordon_classification_count(c) > 0 || cordon_classification_embargo_count(c) > 0;
    cordon_classification_free(c);
    return found;
}

/* ---- batch input ------------------------------------------------------------------------ */

/* Minimal RFC 4180 reader: fields of one record into f[] (unescaped in place). */
static int csv_record(char **p, char *end, char **f, int max)
{
    char *s = *p;
    if (s >= end)
        return -1;
    int n = 0;
    for (;;) {
        char *w = s, *start = s;
        if (s < end && *s == '"') {
            s++;
            for (;;) {
                if (s >= end)
                    break;
                if (*s == '"') {
                    if (s + 1 < end && s[1] == '"') {
                        *w++ = '"';
                        s += 2;
                        continue;
                    }
                    s++;
                    break;
                }
                *w++ = *s++;
            }
            while (s < end && *s != ',' && *s != '\n' && *s != '\r')
                s++;
        } else {
            while (s < end && *s != ',' && *s != '\n' && *s != '\r')
                s++;
            w = s;
        }
        char sepc = s < end ? *s : '\n';
        if (s < end)
            s++; /* past the separator or line end */
        if (sepc == '\r' && s < end && *s == '\n')
            s++;
        *w = '\0';
        if (n < max)
            f[n++] = start;
        if (sepc == ',')
            continue;
        break;
    }
    *p = s;
    return n;
}

static int fill_item(cordon_item *it, const char *desc, const char *hs, const char *eccn,
                     const char *dest, cordon_error *err)
{
    int rc = CORDON_OK;
    cordon_item_clear(it);
    if (desc && *desc)
        rc = cordon_item_set_description(it, desc, CORDON_NUL_TERMINATED, err);
    if (rc == CORDON_OK && hs && *hs)
        rc = cordon_item_set_tariff_code(it, hs, CORDON_NUL_TERMINATED, err);
    if (rc == CORDON_OK && eccn && *eccn)
        rc = cordon_item_set_control_code(it, eccn, CORDON_NUL_TERMINATED, err);
    if (rc == CORDON_OK && dest && *dest)
        rc = cordon_item_set_destination(it, dest, CORDON_NUL_TERMINATED, err);
    return rc;
}

static int run_batch(const opts *o, const cordon_rules *rules, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    int e = cli_read_file(path, &data, &len);
    if (e) {
        fprintf(stderr, "cordon: %s: %s\n", path, strerror(e));
        return CLI_USAGE;
    }
    cordon_item *it = NULL;
    cordon_error err;
    if (cordon_item_new(&it, NULL, &err) != CORDON_OK) {
        free(data);
        cli_error(path, CORDON_E_NOMEM, &err);
        return CLI_USAGE;
    }
    /* the buffer gets a terminating NUL for the parsers below */
    char *buf = realloc(data, len + 1);
    if (!buf) {
        free(data);
        cordon_item_free(it);
        return CLI_USAGE;
    }
    buf[len] = '\0';
    size_t i = 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'))
        i++;
    int status = CLI_OK;
    long index = 0;
    char where[512];
    if (i < len && buf[i] == '{') {
        /* JSON lines */
        char *p = buf, *end = buf + len;
        long line = 0;
        while (p < end && status != CLI_USAGE) {
            char *nl = memchr(p, '\n', (size_t)(end - p));
            char *le = nl ? nl : end;
            line++;
            char *q = p;
            while (q < le && (*q == ' ' || *q == '\t' || *q == '\r'))
                q++;
            if (q == le) {
                p = le + 1;
                continue;
            }
            json_error_t je;
            json_t *j = json_loadb(p, (size_t)(le - p), JSON_REJECT_DUPLICATES, &je);
            snprintf(where, sizeof where, "%s:%ld", path, line);
            if (!j || !json_is_object(j)) {
                fprintf(stderr, "cordon: %s:%ld:%d: %s\n", path, line, j ? 1 : je.column,
                        j ? "a line must be a JSON object" : je.text);
                json_decref(j);
                status = CLI_USAGE;
                break;
            }
            const char *desc = json_string_value(json_object_get(j, "description"));
            int rc = fill_item(it, desc, json_string_value(json_object_get(j, "hs")),
                               json_string_value(json_object_get(j, "eccn")),
                               json_string_value(json_object_get(j, "dest")), &err);
            json_t *params = json_object_get(j, "params");
            const char *k;
            json_t *v;
            if (rc == CORDON_OK && params && json_is_object(params))
                json_object_foreach(params, k, v)
                {
                    if (rc == CORDON_OK && json_is_string(v))
                        rc = cordon_item_set_param(it, k, json_string_value(v), &err);
                }
            if (rc != CORDON_OK) {
                fprintf(stderr, "cordon: %s: %s\n", where, err.message);
                json_decref(j);
                status = CLI_USAGE;
                break;
            }
            int r = classify_one(o, rules, it, ++index, where, desc);
            json_decref(j);
            if (r == 2)
                status = CLI_USAGE;
            else if (r == 1 && status == CLI_OK)
                status = CLI_FINDINGS;
            p = le + 1;
        }
    } else {
        /* CSV with a header naming the columns */
        char *p = buf + i, *end = buf + len;
        char *f[32];
        int n = csv_record(&p, end, f, 32);
        int cd = -1, ch = -1, ce = -1, cdst = -1, cp = -1;
        for (int k = 0; k < n; k++) {
            if (strcmp(f[k], "description") == 0) cd = k;
            else if (strcmp(f[k], "hs") == 0) ch = k;
            else if (strcmp(f[k], "eccn") == 0) ce = k;
            else if (strcmp(f[k], "dest") == 0) cdst = k;
            else if (strcmp(f[k], "params") == 0) cp = k;
        }
        if (cd < 0 && ch < 0 && ce < 0) {
            fprintf(stderr, "cordon: %s:1: the CSV header must name description, hs, eccn, dest or "
                            "params columns\n", path);
            status = CLI_USAGE;
        }
        long line = 1;
        while (status != CLI_USAGE && (n = csv_record(&p, end, f, 32)) >= 0) {
            line++;
            if (n == 1 && f[0][0] == '\0')
                continue;
            snprintf(where, sizeof where, "%s:%ld", path, line);
#define COL(c) ((c) >= 0 && (c) < n ? f[c] : NULL)
            int rc = fill_item(it, COL(cd), COL(ch), COL(ce), COL(cdst), &err);
            char *ps = COL(cp);
            while (rc == CORDON_OK && ps && *ps) {
                char *semi = strchr(ps, ';');
                if (semi)
                    *semi = '\0';
                if (*ps)
                    rc = set_param_kv(it, ps, &err);
                ps = semi ? semi + 1 : NULL;
            }
            if (rc != CORDON_OK) {
                fprintf(stderr, "cordon: %s: %s\n", where, err.message);
                status = CLI_USAGE;
                break;
            }
            int r = classify_one(o, rules, it, ++index, where, COL(cd));
#undef COL
            if (r == 2)
                status = CLI_USAGE;
            else if (r == 1 && status == CLI_OK)
                status = CLI_FINDINGS;
        }
    }
    cordon_item_free(it);
    free(buf);
    return status;
}

/* ---- main -------------------------------------------------------------------------------- */

int cmd_classify(int argc, char **argv)
{
    opts o;
    memset(&o, 0, sizeof o);
    const char *hs = NULL, *eccn = NULL, *dest = NULL, *batch = NULL, *desc = NULL;
    const char *dbpath = NULL;
    const char *params[MAX_PARAMS];
    int nparams = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_next = i + 1 < argc;
#define NEED_ARG()                                                                     \
    do {                                                                               \
        if (!has_next)                                                                 \
            return cli_usage_error("classify", "option %s needs an argument", a);      \
    } while (0)
        if (strcmp(a, "--rules") == 0 || strcmp(a, "--code-list") == 0) {
            NEED_ARG();
            if (o.nrules == MAX_RULES)
                return cli_usage_error("classify", "at most %d rule files", MAX_RULES);
            char *v = argv[++i];
            o.rule_fmt[o.nrules] = a[2] == 'c' ? "code_list" : NULL;
            if (a[2] == 'c') {
                char *eq = strrchr(v, '=');
                if (eq) {
                    *eq = '\0';
                    o.rule_id[o.nrules] = eq + 1;
                }
            }
            o.rules[o.nrules++] = v;
        } else if (strcmp(a, "--hs") == 0) {
            NEED_ARG();
            hs = argv[++i];
        } else if (strcmp(a, "--eccn") == 0) {
            NEED_ARG();
            eccn = argv[++i];
        } else if (strcmp(a, "--param") == 0) {
            NEED_ARG();
            if (nparams == MAX_PARAMS)
                return cli_usage_error("classify", "at most %d parameters", MAX_PARAMS);
            params[nparams++] = argv[++i];
        } else if (strcmp(a, "--dest") == 0) {
            NEED_ARG();
            dest = argv[++i];
        } else if (strcmp(a, "--batch") == 0) {
            NEED_ARG();
            batch = argv[++i];
        } else if (strcmp(a, "--json") == 0) {
            o.json = true;
        } else if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
            NEED_ARG();
            dbpath = argv[++i];
        } else if (strcmp(a, "--") == 0) {
            if (i + 1 < argc)
                desc = argv[++i];
            break;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("classify", "unknown option '%s'", a);
        } else {
            if (desc)
                return cli_usage_error("classify", "give one DESCRIPTION (quote it)");
            desc = a;
        }
#undef NEED_ARG
    }
    if (batch && (desc || hs || eccn || dest || nparams))
        return cli_usage_error("classify", "--batch takes items from the file only");
    if (!batch && !desc && !hs && !eccn)
        return cli_usage_error("classify", "give a DESCRIPTION, --hs, --eccn or --batch FILE");

    if (dbpath && o.nrules)
        return cli_usage_error("classify", "-d takes the rules from the snapshot: give either "
                                           "-d DB or --rules/--code-list files");

    cordon_rules *rules = NULL;
    const cordon_rules *use = NULL; /* the rules classified against */
    cordon_db *db = NULL;
    cordon_error err;
    int rc;
    if (dbpath) {
        rc = cordon_db_open(dbpath, NULL, &db, &err);
        if (rc != CORDON_OK) {
            cli_error(dbpath, rc, &err);
            return CLI_USAGE;
        }
        use = cordon_db_rules(db);
        if (!use) {
            fprintf(stderr, "cordon: %s: the snapshot carries no rules (compile it with "
                            "`cordon compile -r RULES.xml ...`, or use --rules FILE)\n", dbpath);
            cordon_db_free(db);
            return CLI_USAGE;
        }
    }
    rc = dbpath ? CORDON_OK : cordon_rules_new(&rules, NULL, &err);
    if (rc != CORDON_OK) {
        cli_error("rules", rc, &err);
        return CLI_USAGE;
    }
    if (!dbpath && o.nrules == 0) {
        const char *dir = getenv("CORDON_RULES_DIR");
        if (!dir || !*dir)
            dir = CORDON_RULES_DIR;
        static const char *const def[] = {"demo-rules.xml", "embargoes.xml"};
        for (int k = 0; k < 2; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, def[k]);
            rc = cordon_rules_add_file(rules, path, "rules_xml", NULL, &err);
            if (rc != CORDON_OK) {
                cli_error(path, rc, &err);
                cordon_rules_free(rules);
                return CLI_USAGE;
            }
        }
    }
    for (int k = 0; k < o.nrules; k++) {
        rc = cordon_rules_add_file(rules, o.rules[k], o.rule_fmt[k], o.rule_id[k], &err);
        if (rc != CORDON_OK) {
            cli_error(o.rules[k], rc, &err);
            cordon_rules_free(rules);
            return CLI_USAGE;
        }
    }
    if (!dbpath)
        use = rules;
    int status;
    if (batch) {
        status = run_batch(&o, use, batch);
    } else {
        cordon_item *it = NULL;
        rc = cordon_item_new(&it, NULL, &err);
        const char *what = "item";
        if (rc == CORDON_OK && desc)
            rc = cordon_item_set_description(it, desc, CORDON_NUL_TERMINATED, &err), what = "description";
        if (rc == CORDON_OK && hs)
            rc = cordon_item_set_tariff_code(it, hs, CORDON_NUL_TERMINATED, &err), what = "--hs";
        if (rc == CORDON_OK && eccn)
            rc = cordon_item_set_control_code(it, eccn, CORDON_NUL_TERMINATED, &err), what = "--eccn";
        if (rc == CORDON_OK && dest)
            rc = cordon_item_set_destination(it, dest, CORDON_NUL_TERMINATED, &err), what = "--dest";
        for (int k = 0; rc == CORDON_OK && k < nparams; k++)
            rc = set_param_kv(it, params[k], &err), what = "--param";
        if (rc != CORDON_OK) {
            cli_error(what, rc, &err);
            status = CLI_USAGE;
        } else {
            int r = classify_one(&o, use, it, 1, "item", desc);
            status = r == 2 ? CLI_USAGE : r == 1 ? CLI_FINDINGS : CLI_OK;
        }
        cordon_item_free(it);
    }
    cordon_rules_free(rules);
    cordon_db_free(db);
    return status;
}
