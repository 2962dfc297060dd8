/* main.c — the `cordon` program: subcommand dispatch. Uses only the public API. */
#include "commands.h"

#include <string.h>

#define CMD(n, s) {#n, cmd_##n, usage_##n, s}

static const cli_command commands[] = {
    CMD(version, "print the library version"),
    CMD(errors, "list result codes and their meaning"),
    CMD(match, "score how likely two names denote the same party"),
    CMD(compile, "load list files and write a snapshot (.cdb)"),
    CMD(info, "show a snapshot's lists, dates, hashes and counts"),
    CMD(txn, "screen transactions: CLEAR / REVIEW / BLOCK with reasons"),
    CMD(normalize, "show how a name is analysed"),
    CMD(classify, "classify an item against control lists and embargoes"),
    CMD(search, "find the list entities a name matches"),
    CMD(screen, "screen a CSV / JSON-lines file of parties (multi-threaded)"),
    CMD(delta, "alerts that are new or changed between two list versions"),
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: cordon <command> [options] [arguments]\n"
            "       cordon --version | --help | help [command]\n"
            "\n"
            "Screen parties, items and transactions against sanctions and\n"
            "export-control lists.\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
            "\n"
            "Run 'cordon <command> --help' for a command's options.\n"
            "\n"
            "Exit status:\n"
            "  0  success, nothing found\n"
            "  1  findings: a hit, an alert, a REVIEW or BLOCK verdict\n"
            "  2  usage or input error (the message names the file and position)\n"
            "\n"
            "Environment:\n"
            "  CORDON_DB  snapshot used when a command is given no -d option\n");
}

static const cli_command *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("cordon %s\n", cordon_version_string());
        return CLI_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            usage(stdout);
            return CLI_OK;
        }
        const cli_command *c = find(argv[2]);
        if (!c) {
            fprintf(stderr, "cordon: unknown command '%s'\nTry 'cordon --help'.\n", argv[2]);
            return CLI_USAGE;
        }
        c->usage(stdout);
        return CLI_OK;
    }
    const cli_command *c = find(name);
    if (!c) {
        fprintf(stderr, "cordon: unknown command '%s'\nTry 'cordon --help'.\n", name);
        return CLI_USAGE;
    }
    if (cli_wants_help(argc - 1, argv + 1)) {
        c->usage(stdout);
        return CLI_OK;
    }
    return c->run(argc - 1, argv + 1);
}
