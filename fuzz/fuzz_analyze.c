/* fuzz_analyze.c — libFuzzer harness: name analysis (cordon_analyze_name)
 * and every token accessor and the JSON rendering. Input: "<type byte><name>".
 * Public API only. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 8192)
        return 0;
    cordon_options *o = fuzz_options(1);
    cordon_analysis *a = NULL;
    cordon_error err;
    const char *name = (const char *)data + 1;
    size_t len = size - 1;
    int rc = cordon_analyze_name(name, len, data[0] % 5, o, &a, &err);
    fuzz_check_error(rc, &err);
    if (rc == CORDON_OK) {
        FUZZ_CHECK(a != NULL);
        size_t nl = 0;
        const char *norm = cordon_analysis_normalized(a, &nl);
        FUZZ_CHECK(norm != NULL && strlen(norm) == nl);
        size_t n = cordon_analysis_token_count(a);
        for (size_t i = 0; i < n; i++) {
            size_t tl = 0, off = 0, span = 0;
            const char *t = cordon_analysis_token_text(a, i, &tl);
            FUZZ_CHECK(t != NULL && strlen(t) == tl);
            int kind = cordon_analysis_token_kind(a, i);
            FUZZ_CHECK(kind >= CORDON_TOKEN_WORD && kind <= CORDON_TOKEN_INITIAL);
            (void)cordon_analysis_token_legal_class(a, i);
            (void)cordon_analysis_token_script(a, i);
            const char *sk = cordon_analysis_token_skeleton(a, i, &tl);
            if (sk)
                FUZZ_CHECK(strlen(sk) == tl);
            for (int w = 0; w < 2; w++) {
                const char *ph = cordon_analysis_token_phonetic(a, i, w, &tl);
                if (ph)
                    FUZZ_CHECK(strlen(ph) == tl);
            }
            if (cordon_analysis_token_span(a, i, &off, &span) == CORDON_OK)
                FUZZ_CHECK(off <= len && span <= len - off);
        }
        FUZZ_CHECK(cordon_analysis_token_text(a, n, NULL) == NULL);
        size_t jl = 0;
        const char *j = cordon_analysis_json(a, &jl);
        FUZZ_CHECK(j != NULL && strlen(j) == jl);
    } else {
        /* *out is in/out: a fresh analysis may be returned even on error,
         * left with zero tokens (documented); it is freed below */
        FUZZ_CHECK(cordon_analysis_token_count(a) == 0);
    }
    cordon_analysis_free(a);
    cordon_options_free(o);
    return 0;
}
