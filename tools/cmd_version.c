/* cmd_version.c — `cordon version` and `cordon errors`. */
#include "commands.h"

#include <string.h>

void usage_version(FILE *out)
{
    fputs("Usage: cordon version [--json]\n"
          "Print the library version the program runs against.\n"
          "  --json   one JSON object: {\"version\":..., \"number\":...}\n",
          out);
}

int cmd_version(int argc, char **argv)
{
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage_error("version", "unexpected argument '%s'", argv[i]);
    }
    if (json)
        printf("{\"version\":\"%s\",\"number\":%u}\n", cordon_version_string(),
               (unsigned)cordon_version_number());
    else
        printf("cordon %s\n", cordon_version_string());
    return CLI_OK;
}

void usage_errors(FILE *out)
{
    fputs("Usage: cordon errors [--json]\n"
          "List the library's result codes and their meaning.\n",
          out);
}

int cmd_errors(int argc, char **argv)
{
    int json = argc > 1 && strcmp(argv[1], "--json") == 0;
    if (argc > 1 && !json)
        return cli_usage_error("errors", "unexpected argument '%s'", argv[1]);
    for (int c = 0; c >= -64; c--) {
        const char *s = cordon_strerror(c);
        if (strcmp(s, "unknown error") == 0)
            break;
        if (json) {
            printf("{\"code\":%d,\"message\":", c);
            cli_json_str(stdout, s, strlen(s));
            puts("}");
        } else {
            printf("%4d  %s\n", c, s);
        }
    }
    return CLI_OK;
}
