/* fuzz_code.c — libFuzzer harness: tariff / control code normalisation
 * (cordon_code_normalize) for every kind, with a small and a large output
 * buffer; a normal form must normalise to itself. Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024)
        return 0;
    cordon_options *o = fuzz_options(1);
    const char *s = (const char *)data;
    for (int kind = CORDON_CODE_AUTO; kind <= CORDON_CODE_USML; kind++) {
        char out[72], again[72], tiny[4];
        int det = -1, det2 = -1;
        cordon_error err;
        int rc = cordon_code_normalize(s, size, kind, o, out, sizeof out, &det, &err);
        fuzz_check_error(rc, &err);
        if (rc != CORDON_OK)
            continue;
        FUZZ_CHECK(memchr(out, 0, sizeof out) != NULL);
        FUZZ_CHECK(det >= CORDON_CODE_HS && det <= CORDON_CODE_USML);
        if (kind != CORDON_CODE_AUTO)
            FUZZ_CHECK(det == kind || (kind == CORDON_CODE_EU_ANNEX1 && det == CORDON_CODE_ECCN) ||
                       (kind == CORDON_CODE_ECCN && det == CORDON_CODE_EU_ANNEX1));
        /* idempotence: the normal form is accepted and unchanged */
        int rc2 = cordon_code_normalize(out, CORDON_NUL_TERMINATED, det, o, again, sizeof again,
                                        &det2, &err);
        fuzz_check_error(rc2, &err);
        FUZZ_CHECK(rc2 == CORDON_OK);
        FUZZ_CHECK(strcmp(out, again) == 0);
        /* a too-small buffer is refused, never overrun */
        rc2 = cordon_code_normalize(s, size, kind, o, tiny, sizeof tiny, NULL, &err);
        fuzz_check_error(rc2, &err);
        if (strlen(out) >= sizeof tiny)
            FUZZ_CHECK(rc2 == CORDON_E_RANGE);
    }
    cordon_options_free(o);
    return 0;
}
