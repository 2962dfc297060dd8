/* fuzz_classify.c — libFuzzer harness: item classification and parameter
 * extraction against a small fixed rule pack. The input is up to six
 * NUL-separated fields: description, tariff code, control code, parameter
 * name, parameter value, destination. Public API only. */
#include "fuzz_common.h"

static const char pack[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rules xmlns=\"urn:cordon:rules:1\" version=\"1\">\n"
    " <list id=\"fuzz-dual-use\" regime=\"EU\" name=\"fuzz excerpt\" version=\"2024-11-15\">\n"
    "  <legal act=\"Regulation (EU) 2021/821, Annex I\" date=\"2024-09-05\" url=\"https://example.invalid\"/>\n"
    "  <entry code=\"3A001.a.5.a.3\" kind=\"eu_annex1\">\n"
    "   <title>ADC 12 to 14 bit above 400 MSPS</title>\n"
    "   <reasons>NS</reasons>\n"
    "   <hs>854239</hs>\n"
    "   <pattern>\\b(ADCs?|analog(ue)?[- ]to[- ]digital(\\s+converters?)?)\\b</pattern>\n"
    "   <exclude>\\bsound\\s+card\\b</exclude>\n"
    "   <param name=\"resolution\" cmp=\"ge\" value=\"12\" unit=\"bit\"/>\n"
    "   <param name=\"resolution\" cmp=\"lt\" value=\"14\" unit=\"bit\"/>\n"
    "   <param name=\"sample_rate\" cmp=\"gt\" value=\"400\" unit=\"MSPS\"/>\n"
    "  </entry>\n"
    "  <entry code=\"1C010.a\" kind=\"eu_annex1\">\n"
    "   <title>Carbon fibres, specific modulus over 12.7e6 m</title>\n"
    "   <reasons>NS</reasons>\n"
    "   <pattern>\\bcarbon\\s+fib(re|er)s?\\b</pattern>\n"
    "   <param name=\"tensile_strength\" cmp=\"gt\" value=\"23.5e4\" unit=\"m\"/>\n"
    "  </entry>\n"
    " </list>\n"
    "</rules>\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cordon_rules *rules; /* loaded once: the harness targets the item side */
    static cordon_options *o;
    cordon_error err;
    if (size > 16384)
        return 0;
    if (!rules) {
        o = fuzz_options(1);
        if (cordon_rules_new(&rules, o, &err) != CORDON_OK ||
            cordon_rules_add_buffer(rules, pack, sizeof pack - 1, "rules_xml", NULL, "pack",
                                    &err) != CORDON_OK) {
            fprintf(stderr, "fuzz_classify: rule pack refused: %s\n", err.message);
            abort();
        }
    }
    const char *f[6] = {"", "", "", "", "", ""};
    size_t fl[6] = {0};
    const char *p = (const char *)data, *end = p + size;
    for (int i = 0; i < 6 && p <= end; i++) {
        const char *z = i < 5 ? memchr(p, 0, (size_t)(end - p)) : NULL;
        f[i] = p;
        fl[i] = z ? (size_t)(z - p) : (size_t)(end - p);
        if (!z)
            break;
        p = z + 1;
    }
    cordon_item *it = NULL;
    if (cordon_item_new(&it, o, &err) != CORDON_OK)
        abort();
    int rc = cordon_item_set_description(it, f[0], fl[0], &err);
    fuzz_check_error(rc, &err);
    if (fl[1]) {
        rc = cordon_item_set_tariff_code(it, f[1], fl[1], &err);
        fuzz_check_error(rc, &err);
    }
    if (fl[2]) {
        rc = cordon_item_set_control_code(it, f[2], fl[2], &err);
        fuzz_check_error(rc, &err);
    }
    if (fl[3] && fl[4] && !memchr(f[3], 0, fl[3])) {
        /* parameter names and values are C strings */
        char name[256], value[1024];
        if (fl[3] < sizeof name && fl[4] < sizeof value) {
            memcpy(name, f[3], fl[3]);
            name[fl[3]] = 0;
            memcpy(value, f[4], fl[4]);
            value[fl[4]] = 0;
            rc = cordon_item_set_param(it, name, value, &err);
            fuzz_check_error(rc, &err);
        }
    }
    if (fl[5]) {
        rc = cordon_item_set_destination(it, f[5], fl[5], &err);
        fuzz_check_error(rc, &err);
    }
    cordon_classification *c = NULL;
    rc = cordon_classify(rules, it, &c, &err);
    fuzz_check_error(rc, &err);
    if (rc == CORDON_OK) {
        size_t jl = 0;
        const char *j = cordon_classification_json(c, &jl);
        FUZZ_CHECK(j != NULL && strlen(j) == jl);
    }
    cordon_classification_free(c);
    cordon_item_free(it);
    return 0;
}
