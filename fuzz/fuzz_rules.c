/* fuzz_rules.c — libFuzzer harness: rule-pack XML and code-list tables
 * (cordon_rules_add_buffer; the first byte picks detection, "rules_xml" or
 * "code_list"), then a classification with the loaded rules. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const formats[] = {NULL, "rules_xml", "code_list"};
    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    cordon_options *o = fuzz_options(1);
    cordon_rules *r = NULL;
    cordon_error err;
    if (cordon_rules_new(&r, o, &err) != CORDON_OK)
        abort();
    int rc = cordon_rules_add_buffer(r, (const char *)data + 1, size - 1, formats[data[0] % 3],
                                     NULL, "fuzz-rules", &err);
    fuzz_check_error(rc, &err);
    if (rc == CORDON_OK) {
        cordon_item *it = NULL;
        if (cordon_item_new(&it, o, &err) != CORDON_OK)
            abort();
        cordon_item_set_description(it, "analogue-to-digital converter 12 bit 1 GSPS",
                                    CORDON_NUL_TERMINATED, &err);
        cordon_item_set_tariff_code(it, "854239", CORDON_NUL_TERMINATED, &err);
        cordon_item_set_control_code(it, "3A001.a.5.a.3", CORDON_NUL_TERMINATED, &err);
        cordon_item_set_param(it, "resolution", "12 bit", &err);
        cordon_item_set_destination(it, "IR", CORDON_NUL_TERMINATED, &err);
        cordon_classification *c = NULL;
        rc = cordon_classify(r, it, &c, &err);
        fuzz_check_error(rc, &err);
        if (rc == CORDON_OK) {
            size_t jl = 0;
            const char *j = cordon_classification_json(c, &jl);
            FUZZ_CHECK(j != NULL && strlen(j) == jl);
        }
        cordon_classification_free(c);
        cordon_item_free(it);
    }
    cordon_rules_free(r);
    cordon_options_free(o);
    return 0;
}
