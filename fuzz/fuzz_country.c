/* fuzz_country.c — libFuzzer harness: country normalisation
 * (cordon_country_iso2) and names (cordon_country_name); a result must be a
 * known upper-case alpha-2 code that maps back to itself. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    const char *iso = cordon_country_iso2((const char *)data, size);
    if (iso) {
        FUZZ_CHECK(strlen(iso) == 2);
        FUZZ_CHECK(iso[0] >= 'A' && iso[0] <= 'Z' && iso[1] >= 'A' && iso[1] <= 'Z');
        const char *name = cordon_country_name(iso);
        FUZZ_CHECK(name != NULL);
        const char *back = cordon_country_iso2(iso, 2);
        FUZZ_CHECK(back != NULL && strcmp(back, iso) == 0);
    }
    if (size == 2 || size == 3) {
        char code[4] = {0};
        memcpy(code, data, size < 3 ? size : 3);
        (void)cordon_country_name(code);
    }
    return 0;
}
