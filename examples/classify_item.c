/* classify_item.c — classify one item against rule packs: what a customs
 * declaration tool does before filing.
 *
 *   cc classify_item.c $(pkg-config --cflags --libs cordon) -o classify_item
 *   ./classify_item /usr/share/cordon/rules/demo-rules.xml "MMIC power amplifier" 854233 frequency="10 GHz"
 */
#include <cordon/cordon.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s RULES.xml DESCRIPTION HS_CODE [NAME=VALUE...]\n", argv[0]);
        return 2;
    }
    cordon_error err;
    cordon_rules *rules = NULL;
    cordon_item *item = NULL;
    cordon_classification *c = NULL;
    int rc = cordon_rules_new(&rules, NULL, &err);
    if (!rc)
        rc = cordon_rules_add_file(rules, argv[1], NULL, NULL, &err);
    if (!rc)
        rc = cordon_item_new(&item, NULL, &err);
    if (!rc)
        rc = cordon_item_set_description(item, argv[2], CORDON_NUL_TERMINATED, &err);
    if (!rc)
        rc = cordon_item_set_tariff_code(item, argv[3], CORDON_NUL_TERMINATED, &err);
    for (int i = 4; !rc && i < argc; i++) {
        char name[64];
        const char *eq = strchr(argv[i], '=');
        if (!eq || (size_t)(eq - argv[i]) >= sizeof name) {
            fprintf(stderr, "parameter '%s' is not NAME=VALUE\n", argv[i]);
            rc = CORDON_E_INVALID;
            break;
        }
        memcpy(name, argv[i], (size_t)(eq - argv[i]));
        name[eq - argv[i]] = '\0';
        rc = cordon_item_set_param(item, name, eq + 1, &err);
    }
    if (!rc)
        rc = cordon_classify(rules, item, &c, &err);
    if (rc) {
        fprintf(stderr, "%s (%s)\n", err.message, cordon_strerror(rc));
        cordon_item_free(item);
        cordon_rules_free(rules);
        return 2;
    }
    size_t n = cordon_classification_count(c);
    for (size_t i = 0; i < n; i++) {
        printf("%s %s (%s) confidence %.2f via %s\n", cordon_classification_list(c, i),
               cordon_classification_code(c, i), cordon_classification_title(c, i),
               cordon_classification_confidence(c, i), cordon_classification_reason(c, i));
        if (*cordon_classification_missing(c, i))
            printf("  missing: %s\n", cordon_classification_missing(c, i));
    }
    if (n == 0)
        printf("no candidate in the loaded rules (this is not a finding that the item is free)\n");
    cordon_classification_free(c);
    cordon_item_free(item);
    cordon_rules_free(rules);
    return n ? 1 : 0;
}
