/* cmd_normalize.c — `cordon normalize`: show how a name is analysed. */
#include "commands.h"

#include <stdlib.h>
#include <string.h>

void usage_normalize(FILE *out)
{
    fputs("Usage: cordon normalize [--type person|org|vessel|aircraft|any] [--json] NAME...\n"
          "       cordon normalize [--type T] [--json] -   (one name per line from stdin)\n"
          "Show how a name is analysed for matching: the normalized form, then one\n"
          "line per token with its text, kind, legal class, script, skeleton and\n"
          "phonetic keys.\n"
          "  --type T   entity type hint (default any): legal forms apply to org,\n"
          "             vessel, aircraft and any; honorifics to person and any\n"
          "  --json     one JSON object per name, one per line\n"
          "Exit status: 0 ok, 2 usage error or invalid input (e.g. bad UTF-8).\n",
          out);
}

static int parse_type(const char *s)
{
    if (!strcmp(s, "person"))
        return CORDON_TYPE_PERSON;
    if (!strcmp(s, "org") || !strcmp(s, "organization"))
        return CORDON_TYPE_ORGANIZATION;
    if (!strcmp(s, "vessel"))
        return CORDON_TYPE_VESSEL;
    if (!strcmp(s, "aircraft"))
        return CORDON_TYPE_AIRCRAFT;
    if (!strcmp(s, "any") || !strcmp(s, "unknown"))
        return CORDON_TYPE_UNKNOWN;
    return -1;
}

static const char *kind_name(int k)
{
    static const char *const names[] = {"word", "legal", "honorific", "particle",
                                        "stopword", "number", "initial"};
    return k >= 0 && k <= 6 ? names[k] : "?";
}

static void print_human(const cordon_analysis *a)
{
    size_t n;
    const char *norm = cordon_analysis_normalized(a, &n);
    printf("%s\n", norm);
    for (size_t i = 0; i < cordon_analysis_token_count(a); i++) {
        const char *lc = cordon_analysis_token_legal_class(a, i);
        printf("  %-20s %-9s %-11s %-8s %-14s %s %s\n", cordon_analysis_token_text(a, i, NULL),
               kind_name(cordon_analysis_token_kind(a, i)), lc ? lc : "-",
               cordon_analysis_token_script(a, i), cordon_analysis_token_skeleton(a, i, NULL),
               *cordon_analysis_token_phonetic(a, i, 0, NULL)
                   ? cordon_analysis_token_phonetic(a, i, 0, NULL)
                   : "-",
               *cordon_analysis_token_phonetic(a, i, 1, NULL)
                   ? cordon_analysis_token_phonetic(a, i, 1, NULL)
                   : "-");
    }
}

/* Analyse and print one name; returns a CLI exit code. */
static int one(cordon_analysis **a, const char *name, size_t len, int type, int json,
               const char *where)
{
    cordon_error err;
    int rc = cordon_analyze_name(name, len, type, NULL, a, &err);
    if (rc != CORDON_OK) {
        cli_error(where, rc, &err);
        return CLI_USAGE;
    }
    if (json) {
        size_t n;
        const char *j = cordon_analysis_json(*a, &n);
        if (!j) {
            fprintf(stderr, "cordon normalize: out of memory\n");
            return CLI_USAGE;
        }
        fwrite(j, 1, n, stdout);
        putchar('\n');
    } else {
        print_human(*a);
    }
    return CLI_OK;
}

int cmd_normalize(int argc, char **argv)
{
    if (cli_wants_help(argc, argv)) {
        usage_normalize(stdout);
        return CLI_OK;
    }
    int type = CORDON_TYPE_UNKNOWN, json = 0, first = argc;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "--type")) {
            if (i + 1 >= argc)
                return cli_usage_error("normalize", "--type needs a value");
            type = parse_type(argv[++i]);
            if (type < 0)
                return cli_usage_error("normalize", "unknown type '%s'", argv[i]);
        } else if (!strncmp(argv[i], "--type=", 7)) {
            type = parse_type(argv[i] + 7);
            if (type < 0)
                return cli_usage_error("normalize", "unknown type '%s'", argv[i] + 7);
        } else if (!strcmp(argv[i], "--")) {
            first = i + 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] != 0) {
            return cli_usage_error("normalize", "unknown option '%s'", argv[i]);
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc)
        return cli_usage_error("normalize", "no name given");
    cordon_analysis *a = NULL;
    int status = CLI_OK;
    for (int i = first; i < argc && status == CLI_OK; i++) {
        if (strcmp(argv[i], "-") != 0) {
            status = one(&a, argv[i], CORDON_NUL_TERMINATED, type, json, "normalize");
            continue;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        long lineno = 0;
        while ((n = getline(&line, &cap, stdin)) >= 0) {
            lineno++;
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                n--;
            char where[64];
            snprintf(where, sizeof where, "normalize: <stdin>:%ld", lineno);
            int rc = one(&a, line, (size_t)n, type, json, where);
            if (rc != CLI_OK)
                status = rc; /* report, go on with the next line */
        }
        free(line);
    }
    cordon_analysis_free(a);
    return status;
}
