/* cli.c — shared helpers of the `cordon` program. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cli_error(const char *what, int rc, const cordon_error *err)
{
    const char *msg = (err && err->message[0]) ? err->message : cordon_strerror(rc);
    fprintf(stderr, "cordon: %s", what ? what : "error");
    if (err && err->line > 0) {
        fprintf(stderr, ":%lld", (long long)err->line);
        if (err->column > 0)
            fprintf(stderr, ":%lld", (long long)err->column);
    }
    fprintf(stderr, ": %s", msg);
    if (err && err->offset >= 0 && err->line <= 0)
        fprintf(stderr, " (at byte %lld)", (long long)err->offset);
    fprintf(stderr, " [%s]\n", cordon_strerror(rc));
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "cordon %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'cordon %s --help'.\n", cmd);
    va_end(ap);
    return CLI_USAGE;
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

int cli_read_file(const char *path, char **data, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return errno ? errno : EIO;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        if (f != stdin)
            fclose(f);
        return ENOMEM;
    }
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                if (f != stdin)
                    fclose(f);
                return ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    int e = ferror(f) ? (errno ? errno : EIO) : 0;
    if (f != stdin)
        fclose(f);
    if (e) {
        free(buf);
        return e;
    }
    *data = buf;
    *len = n;
    return 0;
}

void cli_json_str(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

#ifndef CORDON_DEMO_DB
#define CORDON_DEMO_DB "demo.cdb"
#endif

const char *cli_default_db(const char *given)
{
    if (given && *given)
        return given;
    const char *env = getenv("CORDON_DB");
    if (env && *env)
        return env;
    return CORDON_DEMO_DB;
}
