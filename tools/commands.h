/* commands.h — every `cordon` subcommand. One line per command here and one
 * row in the table in main.c; the implementation lives in cmd_<name>.c. */
#ifndef CORDON_COMMANDS_H
#define CORDON_COMMANDS_H

#include "cli.h"

#define CLI_DECLARE(name) \
    int cmd_##name(int argc, char **argv); \
    void usage_##name(FILE *out);

CLI_DECLARE(version)
CLI_DECLARE(errors)
CLI_DECLARE(match)
CLI_DECLARE(compile)
CLI_DECLARE(info)
CLI_DECLARE(txn)
CLI_DECLARE(normalize)
CLI_DECLARE(classify)
CLI_DECLARE(search)
CLI_DECLARE(screen)
CLI_DECLARE(delta)
#endif
