/* cmd_match.c — `cordon match`: score two names, or many pairs from a file. */
#include "commands.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void usage_match(FILE *out)
{
    fprintf(out,
            "Usage: cordon match [--type T] [--json] NAME_A NAME_B\n"
            "       cordon match [--type T] [--json] --pairs FILE|-\n"
            "\n"
            "Score how likely two names denote the same party (calibrated, 0..1).\n"
            "Prints \"SCORE<TAB>DECISION\" where DECISION is 'alert' when the score is at\n"
            "or above the default threshold of the type, else 'below'.\n"
            "\n"
            "Options:\n"
            "  --type T        person, org, vessel, aircraft or any (default any)\n"
            "  --json          one JSON object per pair: score, decision, threshold, type,\n"
            "                  explanation (token alignment, features, evidence)\n"
            "  --pairs FILE    read NAME_A<TAB>NAME_B[<TAB>TYPE] lines ('-' = stdin) and\n"
            "                  print one result line per pair, in input order\n"
            "\n"
            "Exit status: 0 nothing alerts, 1 at least one alert, 2 usage or input error.\n");
}

static int parse_type(const char *s, size_t n)
{
    static const char *const names[] = {"any", "person", "org", "vessel", "aircraft"};
    for (int i = 0; i < 5; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    if (n == 12 && memcmp(s, "organization", 12) == 0)
        return 2;
    return -1;
}

static const char *type_name(int t)
{
    static const char *const names[] = {"any", "person", "org", "vessel", "aircraft"};
    return t >= 0 && t < 5 ? names[t] : "any";
}

static void emit(FILE *out, cordon_matcher *m, double score, int type, int json)
{
    double th = cordon_match_threshold(type);
    const char *dec = score >= th ? "alert" : "below";
    if (!json) {
        fprintf(out, "%.4f\t%s\n", score, dec);
        return;
    }
    size_t n;
    const char *ex = cordon_matcher_explain_json(m, &n);
    fprintf(out, "{\"score\":%.4f,\"decision\":\"%s\",\"threshold\":%.4f,\"type\":\"%s\",\"explanation\":%s}\n",
            score, dec, th, type_name(type), ex ? ex : "null");
}

int cmd_match(int argc, char **argv)
{
    int type = 0, json = 0;
    const char *pairs = NULL;
    const char *pos[2];
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--type") == 0 || strcmp(a, "-t") == 0) {
            if (++i >= argc)
                return cli_usage_error("match", "--type needs a value");
            type = parse_type(argv[i], strlen(argv[i]));
            if (type < 0)
                return cli_usage_error("match", "unknown type '%s'", argv[i]);
        } else if (strcmp(a, "--pairs") == 0) {
            if (++i >= argc)
                return cli_usage_error("match", "--pairs needs a file name or '-'");
            pairs = argv[i];
        } else if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++) {
                if (npos >= 2)
                    return cli_usage_error("match", "too many arguments");
                pos[npos++] = argv[i];
            }
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("match", "unknown option '%s'", a);
        } else {
            if (npos >= 2)
                return cli_usage_error("match", "too many arguments");
            pos[npos++] = a;
        }
    }
    if (pairs ? npos != 0 : npos != 2)
        return cli_usage_error("match", pairs ? "--pairs takes no names" : "expected NAME_A NAME_B");

    cordon_error err;
    cordon_matcher *m = NULL;
    int rc = cordon_matcher_new(NULL, &m, &err);
    if (rc) {
        cli_error("match", rc, &err);
        return CLI_USAGE;
    }
    int result = CLI_OK;
    if (!pairs) {
        double s;
        rc = cordon_matcher_score(m, pos[0], CORDON_NUL_TERMINATED, pos[1],
                                  CORDON_NUL_TERMINATED, type, &s, &err);
        if (rc) {
            cli_error("match", rc, &err);
            result = CLI_USAGE;
        } else {
            emit(stdout, m, s, type, json);
            if (s >= cordon_match_threshold(type))
                result = CLI_FINDINGS;
        }
        cordon_matcher_free(m);
        return result;
    }

    FILE *in = strcmp(pairs, "-") == 0 ? stdin : fopen(pairs, "rb");
    const char *fname = strcmp(pairs, "-") == 0 ? "<stdin>" : pairs;
    if (!in) {
        fprintf(stderr, "cordon: match: %s: %s\n", fname, strerror(errno));
        cordon_matcher_free(m);
        return CLI_USAGE;
    }
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        char *t1 = memchr(line, '\t', (size_t)n);
        if (!t1) {
            fflush(stdout);
            fprintf(stderr, "cordon: match: %s:%ld: expected NAME_A<TAB>NAME_B[<TAB>TYPE]\n",
                    fname, lineno);
            result = CLI_USAGE;
            break;
        }
        char *b = t1 + 1;
        size_t alen = (size_t)(t1 - line);
        char *t2 = memchr(b, '\t', (size_t)(line + n - b));
        size_t blen = t2 ? (size_t)(t2 - b) : (size_t)(line + n - b);
        int ty = type;
        if (t2) {
            char *ts = t2 + 1;
            char *t3 = memchr(ts, '\t', (size_t)(line + n - ts));
            size_t tl = t3 ? (size_t)(t3 - ts) : (size_t)(line + n - ts);
            ty = parse_type(ts, tl);
            if (ty < 0) {
                fflush(stdout);
                fprintf(stderr, "cordon: match: %s:%ld: unknown type '%.*s'\n", fname, lineno,
                        (int)tl, ts);
                result = CLI_USAGE;
                break;
            }
        }
        double s;
        rc = cordon_matcher_score(m, line, alen, b, blen, ty, &s, &err);
        if (rc) {
            fflush(stdout);
            fprintf(stderr, "cordon: match: %s:%ld: %s\n", fname, lineno, err.message);
            result = CLI_USAGE;
            break;
        }
        emit(stdout, m, s, ty, json);
        if (s >= cordon_match_threshold(ty) && result == CLI_OK)
            result = CLI_FINDINGS;
    }
    free(line);
    if (in != stdin)
        fclose(in);
    fflush(stdout);
    cordon_matcher_free(m);
    return result;
}
