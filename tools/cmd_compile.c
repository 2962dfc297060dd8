/* cmd_compile.c — `cordon compile` (sources -> snapshot) and `cordon info`. */
#include "commands.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void usage_compile(FILE *out)
{
    fputs("Usage: cordon compile -o FILE.cdb [options] SOURCE...\n"
          "Load official list files (or folders holding a multi-file set such as\n"
          "OFAC's sdn.csv/add.csv/alt.csv/sdn_comments.csv) and write one snapshot.\n"
          "\n"
          "  -o, --output FILE     snapshot to write (atomically replaced)\n"
          "  -f, --format NAME     format of the following sources (default: detect)\n"
          "  -l, --list-id ID      list id for the following sources (default: the format's)\n"
          "  -r, --rules FILE      also store a rule pack (XML) or code list (CSV/TSV) in\n"
          "                        the snapshot (repeatable; -l names a code list)\n"
          "      --lenient         skip malformed rows (counted, listed by 'cordon info')\n"
          "                        instead of failing\n"
          "      --formats         list the formats this build reads and exit\n"
          "  -q, --quiet           print nothing on success\n"
          "\n"
          "-f and -l apply to the sources after them, so one run can mix formats:\n"
          "  cordon compile -o lists.cdb sdn_dir/ -f generic_csv -l own_denylist deny.csv\n",
          out);
}

static int list_formats(void)
{
    const char *desc;
    const char *name;
    for (uint32_t i = 0; (name = cordon_format_name(i, &desc)) != NULL; i++)
        printf("%-20s %s\n", name, desc ? desc : "");
    return CLI_OK;
}

int cmd_compile(int argc, char **argv)
{
    const char *output = NULL;
    int lenient = 0, quiet = 0, nsrc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--formats") == 0)
            return list_formats();
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (++i >= argc)
                return cli_usage_error("compile", "%s needs a file name", a);
            output = argv[i];
        } else if (strcmp(a, "--lenient") == 0) {
            lenient = 1;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = 1;
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0 ||
                   strcmp(a, "-l") == 0 || strcmp(a, "--list-id") == 0) {
            if (++i >= argc)
                return cli_usage_error("compile", "%s needs a value", a);
        } else if (strcmp(a, "-r") == 0 || strcmp(a, "--rules") == 0) {
            if (++i >= argc)
                return cli_usage_error("compile", "%s needs a file name", a);
            nsrc++;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("compile", "unknown option '%s'", a);
        } else {
            nsrc++;
        }
    }
    if (!output)
        return cli_usage_error("compile", "no output file (-o FILE.cdb)");
    if (nsrc == 0)
        return cli_usage_error("compile", "no source files given");

    cordon_error err;
    cordon_options *opts = NULL;
    cordon_builder *b = NULL;
    cordon_db *db = NULL;
    int rc = cordon_options_new(&opts, &err);
    if (!rc && lenient)
        rc = cordon_options_set_int(opts, CORDON_OPT_STRICT, 0, &err);
    if (!rc)
        rc = cordon_builder_new(&b, opts, &err);
    if (rc) {
        cli_error("compile", rc, &err);
        cordon_options_free(opts);
        return CLI_USAGE;
    }
    const char *format = NULL, *list_id = NULL;
    clock_t t0 = clock();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            i++;
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) {
            format = argv[++i];
        } else if (strcmp(a, "-l") == 0 || strcmp(a, "--list-id") == 0) {
            list_id = argv[++i];
        } else if (strcmp(a, "-r") == 0 || strcmp(a, "--rules") == 0) {
            const char *rf = argv[++i];
            rc = cordon_builder_add_rules_file(b, rf, NULL, list_id, &err);
            if (rc) {
                cli_error(rf, rc, &err);
                cordon_builder_free(b);
                cordon_options_free(opts);
                return CLI_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            continue;
        } else {
            rc = cordon_builder_add_file(b, a, format, list_id, &err);
            if (rc) {
                cli_error(a, rc, &err);
                cordon_builder_free(b);
                cordon_options_free(opts);
                return CLI_USAGE;
            }
        }
    }
    rc = cordon_builder_finish(b, &db, &err);
    cordon_builder_free(b);
    if (!rc)
        rc = cordon_db_save(db, output, &err);
    if (rc) {
        cli_error(output, rc, &err);
        cordon_db_free(db);
        cordon_options_free(opts);
        return CLI_USAGE;
    }
    if (!quiet) {
        uint32_t n = cordon_db_list_count(db);
        for (uint32_t l = 0; l < n; l++) {
            uint32_t ne = 0, nn = 0, ns = 0;
            cordon_db_list_counts(db, l, &ne, &nn, &ns);
            fprintf(stderr, "  %-16s %7u entities %8u names %5u skipped  (%s)\n",
                    cordon_db_list_field(db, l, CORDON_LIST_ID), ne, nn, ns,
                    cordon_db_list_field(db, l, CORDON_LIST_SOURCE));
        }
        fprintf(stderr, "cordon: wrote %s: %u lists, %u entities in %.2f s\n", output, n,
                cordon_db_entity_count(db), (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    cordon_db_free(db);
    cordon_options_free(opts);
    return CLI_OK;
}

void usage_info(FILE *out)
{
    fputs("Usage: cordon info [-d FILE.cdb] [--json] [--skipped] [--entity LIST:ID]\n"
          "Show a snapshot's lists: ids, publishers, publication dates, SHA-256 of\n"
          "the source files, entity and name counts, skipped rows.\n"
          "\n"
          "  -d, --db FILE      snapshot (default: $CORDON_DB, else the demo db)\n"
          "      --json         one JSON object\n"
          "      --skipped      also list every skipped row with its line and reason\n"
          "      --entity L:ID  print everything listed about one entity (JSON)\n",
          out);
}

int cmd_info(int argc, char **argv)
{
    const char *path = NULL, *entity = NULL;
    int json = 0, skipped = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
            if (++i >= argc)
                return cli_usage_error("info", "%s needs a file name", a);
            path = argv[i];
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--skipped") == 0) {
            skipped = 1;
        } else if (strcmp(a, "--entity") == 0) {
            if (++i >= argc)
                return cli_usage_error("info", "--entity needs LIST:ID");
            entity = argv[i];
        } else if (a[0] != '-' && !path) {
            path = a;
        } else {
            return cli_usage_error("info", "unexpected argument '%s'", a);
        }
    }
    path = cli_default_db(path);
    cordon_error err;
    cordon_db *db = NULL;
    int rc = cordon_db_open(path, NULL, &db, &err);
    if (rc) {
        cli_error("info", rc, &err);
        return CLI_USAGE;
    }
    if (entity) {
        char *colon = strchr(entity, ':');
        char list[128] = "";
        const char *id = entity;
        if (colon && (size_t)(colon - entity) < sizeof list) {
            memcpy(list, entity, (size_t)(colon - entity));
            list[colon - entity] = '\0';
            id = colon + 1;
        }
        uint32_t idx;
        rc = cordon_db_entity_find(db, list[0] ? list : NULL, id, &idx, &err);
        if (rc) {
            cli_error(entity, rc, &err);
            cordon_db_free(db);
            return CLI_USAGE;
        }
        size_t need = 0;
        cordon_db_entity_json(db, idx, NULL, 0, &need, &err);
        char *buf = malloc(need + 1);
        if (!buf || cordon_db_entity_json(db, idx, buf, need + 1, &need, &err)) {
            free(buf);
            cordon_db_free(db);
            return CLI_USAGE;
        }
        puts(buf);
        free(buf);
        cordon_db_free(db);
        return CLI_OK;
    }
    uint32_t n = cordon_db_list_count(db);
    if (json) {
        printf("{\"snapshot\":");
        cli_json_str(stdout, path, strlen(path));
        printf(",\"entities\":%u,\"lists\":[", cordon_db_entity_count(db));
    } else {
        printf("%s: %u lists, %u entities\n", path, n, cordon_db_entity_count(db));
    }
    static const struct { int f; const char *k; } fields[] = {
        {CORDON_LIST_ID, "id"}, {CORDON_LIST_PUBLISHER, "publisher"}, {CORDON_LIST_DATE, "date"},
        {CORDON_LIST_FORMAT, "format"}, {CORDON_LIST_SOURCE, "source"},
        {CORDON_LIST_SHA256, "sha256"}};
    for (uint32_t l = 0; l < n; l++) {
        uint32_t ne = 0, nn = 0, ns = 0;
        cordon_db_list_counts(db, l, &ne, &nn, &ns);
        if (json) {
            printf(l ? ",{" : "{");
            for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
                const char *v = cordon_db_list_field(db, l, fields[k].f);
                printf("%s\"%s\":", k ? "," : "", fields[k].k);
                cli_json_str(stdout, v, strlen(v));
            }
            printf(",\"entities\":%u,\"names\":%u,\"skipped\":%u", ne, nn, ns);
            if (skipped) {
                printf(",\"skipped_rows\":[");
                for (uint32_t s = 0; s < ns; s++) {
                    int64_t line;
                    const char *reason;
                    cordon_db_list_skipped(db, l, s, &line, &reason);
                    printf("%s{\"line\":%lld,\"reason\":", s ? "," : "", (long long)line);
                    cli_json_str(stdout, reason, strlen(reason));
                    putchar('}');
                }
                putchar(']');
            }
            putchar('}');
        } else {
            printf("\n  list       %s\n", cordon_db_list_field(db, l, CORDON_LIST_ID));
            printf("  publisher  %s\n", cordon_db_list_field(db, l, CORDON_LIST_PUBLISHER));
            const char *date = cordon_db_list_field(db, l, CORDON_LIST_DATE);
            printf("  date       %s\n", *date ? date : "(not stated in the file)");
            printf("  format     %s\n", cordon_db_list_field(db, l, CORDON_LIST_FORMAT));
            printf("  source     %s\n", cordon_db_list_field(db, l, CORDON_LIST_SOURCE));
            printf("  sha256     %s\n", cordon_db_list_field(db, l, CORDON_LIST_SHA256));
            printf("  entities   %u\n  names      %u\n  skipped    %u\n", ne, nn, ns);
            if (skipped)
                for (uint32_t s = 0; s < ns; s++) {
                    int64_t line;
                    const char *reason;
                    cordon_db_list_skipped(db, l, s, &line, &reason);
                    printf("    line %lld: %s\n", (long long)line, reason);
                }
        }
    }
    if (json)
        puts("]}");
    cordon_db_free(db);
    return CLI_OK;
}
