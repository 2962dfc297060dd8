/* cli.h — shared helpers of the `cordon` program (public API only). */
#ifndef CORDON_CLI_H
#define CORDON_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cordon/cordon.h>

/* Exit codes (documented in `cordon help`). */
#define CLI_OK 0       /* success, nothing found */
#define CLI_FINDINGS 1 /* a hit, an alert, a REVIEW or BLOCK verdict */
#define CLI_USAGE 2    /* usage or input error */

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    void (*usage)(FILE *out);
    const char *summary;
} cli_command;

/* Print "cordon: <what>: <message from err>" (with line/column/offset when
 * known) to stderr. */
void cli_error(const char *what, int rc, const cordon_error *err);
/* Print "cordon <cmd>: <msg>" + hint to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True if argv contains -h or --help before any "--". */
bool cli_wants_help(int argc, char **argv);

/* Read a whole file ("-" = stdin) into a malloc'd buffer. Returns 0 or errno. */
int cli_read_file(const char *path, char **data, size_t *len);

/* JSON string to stdout (escaped). */
void cli_json_str(FILE *out, const char *s, size_t n);

/* The default snapshot: -d value, else $CORDON_DB, else the installed demo db. */
const char *cli_default_db(const char *given);

#endif
